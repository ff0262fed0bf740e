"""Sites in one compound (Base.compound): Base.colocated() and BaseQuerySet.with_colocated()."""

import datetime as dt
import json

import pytest

from incidents.gazetteer import DATA_DIR, gazetteer_load
from incidents.models import Base, Incident
from ingest.reference import reference_incidents_load
from tests.factories import BaseFactory, IncidentFactory

pytestmark = pytest.mark.django_db


def test_colocated_is_every_base_in_the_compound():
    victory = BaseFactory(slug="victory", compound="baghdad-airport")
    bdsc = BaseFactory(slug="bdsc", compound="baghdad-airport")
    BaseFactory(slug="taji")

    assert set(victory.colocated()) == {victory, bdsc}
    assert set(bdsc.colocated()) == {victory, bdsc}


def test_colocated_without_compound_is_the_base_alone():
    taji = BaseFactory(slug="taji")
    BaseFactory(slug="balad")
    BaseFactory(slug="other", compound="")

    assert list(taji.colocated()) == [taji]


def test_with_colocated_expands_a_queryset_to_whole_compounds():
    victory = BaseFactory(slug="victory", compound="baghdad-airport")
    bdsc = BaseFactory(slug="bdsc", compound="baghdad-airport")
    taji = BaseFactory(slug="taji")
    BaseFactory(slug="embassy", compound="baghdad-international-zone")

    expanded = Base.objects.filter(slug__in=["victory", "taji"]).with_colocated()

    assert set(expanded) == {victory, bdsc, taji}


def test_incidents_at_a_compound_are_found_through_colocated():
    victory = BaseFactory(slug="victory", compound="baghdad-airport")
    bdsc = BaseFactory(slug="bdsc", compound="baghdad-airport")
    at_bdsc = IncidentFactory(base=bdsc, date=dt.date(2024, 9, 10))
    IncidentFactory(base=BaseFactory(slug="taji"), date=dt.date(2024, 9, 10))

    assert list(Incident.objects.filter(base__in=victory.colocated())) == [at_bdsc]


def test_shipped_gazetteer_groups_the_baghdad_sites():
    gazetteer_load()

    airport = set(Base.objects.get(slug="victory-base-complex").colocated().values_list("slug", flat=True))
    zone = set(Base.objects.get(slug="us-embassy-baghdad").colocated().values_list("slug", flat=True))

    assert airport == {"victory-base-complex", "baghdad-diplomatic-support-center"}
    assert zone == {"us-embassy-baghdad", "union-iii", "baghdad-green-zone"}
    assert list(Base.objects.get(slug="camp-taji").colocated().values_list("slug", flat=True)) == ["camp-taji"]


def test_compounds_in_the_shipped_gazetteer_have_several_nearby_members():
    bases = json.loads((DATA_DIR / "bases.json").read_text())
    members: dict[str, list[dict]] = {}
    for base in bases:
        if base.get("compound"):
            members.setdefault(base["compound"], []).append(base)
    assert members
    for compound, sites in members.items():
        assert len(sites) >= 2, compound
        lats = [s["lat"] for s in sites]
        lons = [s["lon"] for s in sites]
        # A few km: about 0.05 degree at these latitudes.
        assert max(lats) - min(lats) < 0.05, compound
        assert max(lons) - min(lons) < 0.05, compound


def test_rows_seeded_before_compounds_existed_are_updated_not_kept(tmp_path):
    bases = json.loads((DATA_DIR / "bases.json").read_text())
    for entry in bases:
        entry.pop("compound", None)
    (tmp_path / "bases.json").write_text(json.dumps(bases))
    (tmp_path / "factions.json").write_text((DATA_DIR / "factions.json").read_text())
    gazetteer_load(data_dir=tmp_path)

    report = gazetteer_load()

    assert "victory-base-complex" in report.updated
    assert not report.kept_edits
    assert Base.objects.get(slug="victory-base-complex").compound == "baghdad-airport"


def test_reference_entry_is_skipped_when_a_colocated_site_has_that_attack(tmp_path):
    victory = BaseFactory(slug="victory-base-complex", compound="baghdad-airport", country="IQ")
    bdsc = BaseFactory(slug="baghdad-diplomatic-support-center", compound="baghdad-airport", country="IQ")
    edited = IncidentFactory(base=bdsc, date=dt.date(2024, 9, 10), status=Incident.Status.PUBLISHED, injured=0)
    entry = {
        "date": "2024-09-10",
        "date_precision": "day",
        "base": victory.slug,
        "place": "",
        "country": "IQ",
        "weapons": ["rocket"],
        "launched": 2,
        "intercepted": None,
        "killed": None,
        "injured": None,
        "perpetrator": None,
        "claimed": False,
        "summary": "Two rockets fell near the airport compound.",
        "source_url": "https://example.org/airport",
        "source_title": "Airport",
        "outlet": "Example Wire",
    }
    path = tmp_path / "reference.json"
    path.write_text(json.dumps([entry]))

    report = reference_incidents_load(path=path)

    assert (report.created, report.existing) == (0, 1)
    assert list(Incident.objects.all()) == [edited]
