"""The shipped gazetteer: real, complete, and loaded idempotently."""

import datetime as dt
import json
import re
import unicodedata

import pytest
from django.core.management import call_command

from incidents.gazetteer import DATA_DIR, gazetteer_load
from incidents.models import Base, Faction

pytestmark = pytest.mark.django_db

# Generous boxes around each country: a coordinate outside is a typo or a swapped lat/lon.
COUNTRY_BOXES = {
    "IQ": (29.0, 37.5, 38.7, 48.8),
    "SY": (32.3, 37.4, 35.7, 42.4),
    "JO": (29.1, 33.4, 34.9, 39.4),
    "KW": (28.5, 30.2, 46.5, 48.5),
    "QA": (24.4, 26.3, 50.7, 51.7),
    "BH": (25.5, 26.4, 50.3, 50.9),
    "SA": (16.0, 32.3, 34.5, 55.7),
    "AE": (22.6, 26.1, 51.5, 56.4),
    "TR": (35.8, 42.2, 25.6, 44.9),
}


def test_gazetteer_is_large_enough_and_sourced():
    bases = json.loads((DATA_DIR / "bases.json").read_text())
    factions = json.loads((DATA_DIR / "factions.json").read_text())
    assert len(bases) >= 30
    assert len(factions) >= 15
    assert all(b["source_url"].startswith("http") for b in bases)
    assert all(f["source_url"].startswith("http") for f in factions)


def test_every_base_has_coordinates_in_its_country():
    gazetteer_load()
    for base in Base.objects.all():
        south, north, west, east = COUNTRY_BOXES[base.country]
        assert south <= base.latitude <= north, base.slug
        assert west <= base.longitude <= east, base.slug


def test_loading_twice_changes_nothing():
    first = gazetteer_load()
    stamps = dict(Base.objects.values_list("slug", "updated_at"))
    second = gazetteer_load()
    assert first.created
    assert not second.created
    assert not second.updated
    assert dict(Base.objects.values_list("slug", "updated_at")) == stamps
    assert Base.objects.count() == len(first.created) - Faction.objects.count()


def test_editor_edits_survive_a_reload():
    gazetteer_load()
    base = Base.objects.get(slug="tower-22")
    base.notes = "Checked on satellite imagery by an editor."
    base.save()
    report = gazetteer_load()
    base.refresh_from_db()
    assert base.notes == "Checked on satellite imagery by an editor."
    assert "tower-22" in report.kept_edits


def test_changed_shipped_record_updates_an_unedited_row(tmp_path):
    gazetteer_load()
    bases = json.loads((DATA_DIR / "bases.json").read_text())
    for entry in bases:
        if entry["slug"] == "tower-22":
            entry["notes"] = "New shipped note."
    (tmp_path / "bases.json").write_text(json.dumps(bases))
    (tmp_path / "factions.json").write_text((DATA_DIR / "factions.json").read_text())
    report = gazetteer_load(data_dir=tmp_path)
    assert report.updated == ["tower-22"]
    assert Base.objects.get(slug="tower-22").notes == "New shipped note."


def test_umbrella_membership_is_loaded():
    gazetteer_load()
    iri = Faction.objects.get(slug="islamic-resistance-in-iraq")
    kh = Faction.objects.get(slug="kataib-hezbollah")
    assert kh.umbrella == iri
    assert kh.pk in iri.with_members_ids()


def test_aliases_cover_common_spellings():
    gazetteer_load()
    asad = Base.objects.get(slug="ain-al-asad-air-base")
    assert {"Ain al-Assad", "Al Asad", "Ayn al-Asad"} <= set(asad.aliases)


def test_command_reports_counts(capsys):
    call_command("load_gazetteer")
    call_command("load_gazetteer")
    out = capsys.readouterr().out
    assert "0 created, 0 updated" in out.splitlines()[-1]


@pytest.mark.parametrize("name", ["bases.json", "factions.json"])
def test_no_name_or_alias_belongs_to_two_entries(name):
    """A name the reader meets must point at one site or group: an entry shipped twice splits its incidents."""
    owners: dict[str, set[str]] = {}
    for entry in json.loads((DATA_DIR / name).read_text()):
        for label in [entry["name"], *entry.get("aliases", [])]:
            key = re.sub(r"[^a-z0-9]+", " ", unicodedata.normalize("NFKD", label).casefold()).strip() or label
            owners.setdefault(key, set()).add(entry["slug"])
    assert {label: slugs for label, slugs in owners.items() if len(slugs) > 1} == {}


def test_rows_seeded_before_hosting_periods_existed_are_updated_not_kept(tmp_path):
    bases = json.loads((DATA_DIR / "bases.json").read_text())
    for entry in bases:
        entry.pop("hosted_until", None)
    (tmp_path / "bases.json").write_text(json.dumps(bases))
    (tmp_path / "factions.json").write_text((DATA_DIR / "factions.json").read_text())
    gazetteer_load(data_dir=tmp_path)
    assert Base.objects.get(slug="camp-taji").hosted_until is None

    report = gazetteer_load()

    assert "camp-taji" in report.updated
    assert not report.kept_edits
    assert Base.objects.get(slug="camp-taji").hosted_until == dt.date(2020, 8, 23)
    assert Base.objects.get(slug="ain-al-asad-air-base").hosted_until is None


def test_every_departure_day_is_told_in_the_sites_notes():
    # hosted_until is read off each entry's sourced notes ("handed to Iraqi forces on 17 Mar 2020", "US forces left
    # in May 2025"): the year it names appears there
    for entry in json.loads((DATA_DIR / "bases.json").read_text()):
        if entry.get("hosted_until"):
            day = dt.date.fromisoformat(entry["hosted_until"])
            assert str(day.year) in entry["notes"], entry["slug"]


def test_no_reference_incident_falls_after_the_coalition_left_its_site():
    left = {
        b["slug"]: b["hosted_until"] for b in json.loads((DATA_DIR / "bases.json").read_text()) if b.get("hosted_until")
    }
    for incident in json.loads((DATA_DIR / "reference_incidents.json").read_text()):
        if incident.get("base") in left and incident.get("date"):
            assert incident["date"][:10] <= left[incident["base"]], incident
