"""Every shipped site and reference incident is well formed, sourced and consistent with the gazetteer."""

import datetime as dt
import json
import math

import pytest

from incidents.gazetteer import DATA_DIR, gazetteer_load
from incidents.models import COUNT_FIELDS, Base, Country, Incident, Weapon
from ingest.models import Article
from ingest.reference import REFERENCE_FILE, reference_incidents_load

BASES = json.loads((DATA_DIR / "bases.json").read_text())
FACTIONS = json.loads((DATA_DIR / "factions.json").read_text())
ENTRIES = json.loads(REFERENCE_FILE.read_text())
BASE_BY_SLUG = {b["slug"]: b for b in BASES}
FACTION_SLUGS = {f["slug"] for f in FACTIONS}
FIRST_DAY, LAST_DAY = dt.date(2019, 1, 1), dt.date(2025, 12, 31)
# Sites sharing a compound key are one compound or within a few kilometres of each other.
COMPOUND_RADIUS_KM = 8.0


def _km(a: dict, b: dict) -> float:
    lat = math.radians((a["lat"] + b["lat"]) / 2)
    dy = (a["lat"] - b["lat"]) * 111.2
    dx = (a["lon"] - b["lon"]) * 111.2 * math.cos(lat)
    return math.hypot(dx, dy)


def _label(entry: dict) -> str:
    return f"{entry['date']} {entry.get('base') or entry.get('place')}"


def _citations(entry: dict) -> list[dict]:
    return [entry, *(entry.get("also_sources") or [])]


@pytest.mark.parametrize("base", BASES, ids=lambda b: b["slug"])
def test_site_is_well_formed(base):
    assert -90 <= base["lat"] <= 90
    assert -180 <= base["lon"] <= 180
    assert base["country"] in Country.values
    assert base["kind"] in Base.Kind.values
    assert base["source_url"].startswith(("https://", "http://"))
    assert base["name"]
    assert base["aliases"]
    assert all(isinstance(a, str) and a.strip() == a and a for a in base["aliases"])


def test_site_slugs_are_unique_and_compounds_are_close():
    assert len(BASE_BY_SLUG) == len(BASES)
    owner: dict[str, str] = {}
    for base in BASES:
        for alias in {a.casefold() for a in base["aliases"]}:
            # One spelling, one site: the extractor could not tell two sites apart by it.
            assert owner.setdefault(alias, base["slug"]) == base["slug"], (alias, owner[alias], base["slug"])
    compounds: dict[str, list[dict]] = {}
    for base in BASES:
        if base.get("compound"):
            compounds.setdefault(base["compound"], []).append(base)
    for key, members in compounds.items():
        assert len(members) >= 2, f"compound {key} has a single site"
        assert len({m["country"] for m in members}) == 1, key
        for a in members:
            for b in members:
                assert _km(a, b) <= COMPOUND_RADIUS_KM, (key, a["slug"], b["slug"])


@pytest.mark.parametrize("entry", ENTRIES, ids=_label)
def test_reference_incident_is_well_formed(entry):
    on = dt.date.fromisoformat(entry["date"])
    assert FIRST_DAY <= on <= LAST_DAY
    assert entry["date_precision"] in Incident.DatePrecision.values
    if entry["base"]:
        assert entry["base"] in BASE_BY_SLUG, "unknown site"
        assert entry["country"] == BASE_BY_SLUG[entry["base"]]["country"]
    else:
        assert entry["place"]
        assert entry["country"] in Country.values
    assert entry["weapons"]
    assert set(entry["weapons"]) <= set(Weapon.values)
    for name in COUNT_FIELDS:
        best, low, high = (entry.get(f"{name}{s}") for s in ("", "_low", "_high"))
        for value in (best, low, high):
            assert value is None or (isinstance(value, int) and not isinstance(value, bool) and value >= 0), name
        if low is not None or high is not None:
            # The house rule: a range only where sources disagree, and best is the highest figure.
            assert None not in (best, low, high), name
            assert low < high == best, name
    if entry["launched"] is not None and entry["intercepted"] is not None:
        assert entry["intercepted"] <= entry["launched"]
    if entry["perpetrator"]:
        assert entry["perpetrator"] in FACTION_SLUGS
    else:
        assert not entry["claimed"], "a claim names its claimant"
    assert entry["summary"].strip()
    assert len(entry["summary"]) <= 300
    urls = [c["source_url"] for c in _citations(entry)]
    assert len(set(urls)) == len(urls), "a source cited twice"
    for citation in _citations(entry):
        assert citation["source_url"].startswith(("https://", "http://"))
        assert citation["source_title"].strip()
        assert citation["outlet"].strip()


def test_one_reference_incident_per_site_or_compound_and_day():
    seen: dict[tuple[str, str], str] = {}
    for entry in ENTRIES:
        if entry["base"]:
            site = BASE_BY_SLUG[entry["base"]]
            where = site.get("compound") or site["slug"]
        else:
            where = f"{entry['place']}|{entry['country']}".casefold()
        key = (where, entry["date"])
        assert key not in seen, f"{_label(entry)} repeats {seen[key]}"
        seen[key] = _label(entry)


@pytest.mark.django_db
def test_shipped_set_loads_whole_and_only_once():
    gazetteer_load()

    first = reference_incidents_load()
    again = reference_incidents_load()

    assert first.problems == []
    assert first.created == len(ENTRIES)
    assert (again.created, again.existing, again.articles_created) == (0, len(ENTRIES), 0)
    urls = {c["source_url"] for e in ENTRIES for c in _citations(e)}
    assert set(Article.objects.filter(is_reference=True).values_list("url", flat=True)) == urls
    for incident in Incident.objects.prefetch_related("sources__article"):
        assert incident.sources.exists()
        for source in incident.sources.all():
            span = source.evidence["summary"]
            assert source.article.text[span["start"] : span["end"]] == incident.summary
