"""On PostgreSQL the timeline's answer is written by the database (incidents/selectors/timeline_json.py):
the same document as the general path (incident_timeline, used on SQLite and for the weapon split)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from incidents.models import Base, Faction, Incident
from incidents.selectors.timeline import incident_timeline
from tests.factories import BaseFactory, FactionFactory, IncidentFactory

pytestmark = pytest.mark.postgres


@pytest.fixture
def spread(world):
    """Several incidents per period, slugs that sort differently by collation and by codepoint, unknowns."""
    hyphen = FactionFactory(slug="kh-b", name="KH B")
    upper = FactionFactory(slug="Kh", name="Upper")
    bases = [BaseFactory(slug="z-base", country="IQ"), BaseFactory(slug="a-base", country="SY")]
    for day in range(40):
        IncidentFactory(
            date=dt.date(2024, 1, 1) + dt.timedelta(days=day * 3),
            base=bases[day % 2] if day % 5 else None,
            country="IQ" if day % 2 else "SY",
            perpetrator=[world.kh, hyphen, upper, None][day % 4],
            killed=day % 3 or None,
            injured=day % 4,
        )
    return world


def _general(incidents, interval, split):
    rows = incident_timeline(incidents, interval=interval, split=split)
    totals = incident_timeline(incidents, interval=interval, split=None) if split else rows
    return {"interval": interval, "split": split, "results": rows, "totals": totals}


@pytest.mark.parametrize("interval", ["day", "week", "month"])
@pytest.mark.parametrize("split", [None, "faction", "base", "country"])
def test_database_written_timeline_equals_the_general_path(api, spread, interval, split):
    url = f"/api/v1/stats/timeline/?interval={interval}" + (f"&split={split}" if split else "")
    response = api.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == _general(Incident.objects.published(), interval, split)


def test_filtered_faction_timeline_equals_the_general_path(api, spread):
    response = api.get("/api/v1/stats/timeline/?split=faction&country=IQ&date_from=2024-02-01")
    expected = _general(Incident.objects.published().filter(country="IQ", date__gte="2024-02-01"), "week", "faction")
    assert response.json() == expected
    keys = [r["key"] for r in response.json()["results"] if r["period"] == expected["results"][0]["period"]]
    assert keys == sorted(keys, key=lambda k: (k == "unknown", k))


def test_unknown_perpetrator_is_last_in_its_period(api, spread):
    results = api.get("/api/v1/stats/timeline/?split=faction&interval=month").json()["results"]
    first = [r for r in results if r["period"] == results[0]["period"]]
    assert first[-1]["key"] == "unknown"
    assert first[-1]["label"] == "Unknown"
    assert Faction.objects.filter(slug="Kh").exists()


def test_empty_timeline_has_empty_lists(api, spread):
    body = api.get("/api/v1/stats/timeline/?split=faction&date_from=2030-01-01").json()
    assert body == {"interval": "week", "split": "faction", "results": [], "totals": []}


@pytest.mark.parametrize("split", [None, "faction", "base", "country"])
@pytest.mark.parametrize("dates", ["", "&date_from=2024-01-10&date_to=2024-04-20"])  # the second: from rollups
def test_database_written_rows_are_the_text_json_agg_wrote(api, spread, split, dates):
    """The rows are concatenated as text in SQL: byte for byte what json_agg(json_build_object(...)) writes
    (its " : " and ", "), so answers cached or saved before keep the same bytes. Names that JSON escapes
    (written once per site or group, not per row) and unknowns included."""
    FactionFactory(slug="q-name", name='Quote " and \\ and é')
    Incident.objects.filter(perpetrator=spread.kh).update(perpetrator=Faction.objects.get(slug="q-name"))
    Base.objects.filter(slug="z-base").update(name='Base "Z" \\ ü')
    url = "/api/v1/stats/timeline/?interval=month" + (f"&split={split}" if split else "") + dates
    body = api.get(url).content.decode()
    incidents = Incident.objects.published()
    if dates:
        incidents = incidents.filter(date__gte="2024-01-10", date__lte="2024-04-20")
    expected = _general(incidents, "month", split)
    assert expected["results"]
    as_json_agg = {
        name: json.dumps(expected[name], separators=(", ", " : "), ensure_ascii=False) for name in ("results", "totals")
    }
    head = json.dumps({"interval": "month", "split": split}, separators=(",", ":"))[:-1]
    assert body == f'{head},"results":{as_json_agg["results"]},"totals":{as_json_agg["totals"]}}}'
    assert "é" in body or split != "faction"
    assert "ü" in body or split != "base"
