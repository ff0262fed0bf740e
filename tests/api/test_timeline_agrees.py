"""The page's timeline chart, the timeline API and the CSV export count the same incidents.

A multi-weapon incident counts once under each of its weapons in a weapon split, and once in
the per-period totals (and in the CSV). The chart is static/incidents/timeline.js's own
``aggregate`` run by Node.js over the API's answer, as the page runs it.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
import subprocess
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from tests.factories import IncidentFactory

TIMELINE_JS = Path(__file__).resolve().parents[2] / "static" / "incidents" / "timeline.js"
CHART = """
global.window = { addEventListener: function () {} };
window.Basewatch = { parseDate: function (iso) {
  var p = String(iso).split("-"); return new Date(Date.UTC(+p[0], (+p[1] || 1) - 1, +p[2] || 1)); } };
require(process.argv[1]);
var agg = window.BasewatchTimeline.aggregate(JSON.parse(require("fs").readFileSync(0, "utf8")));
var series = {};
agg.keys.forEach(function (k, g) { series[k] = agg.counts[g].reduce(function (a, b) { return a + b; }, 0); });
console.log(JSON.stringify({ series: series, total: agg.total,
  casualties: agg.casualties.reduce(function (a, b) { return a + b; }, 0) }));
"""


@pytest.fixture
def mixed(db):
    """January: a rocket-and-drone attack and a rocket attack; March: a drone attack and one of unknown weapon."""
    IncidentFactory(date=dt.date(2024, 1, 10), weapons=["drone", "rocket"], killed=2, injured=3)
    IncidentFactory(date=dt.date(2024, 1, 20), weapons=["rocket"], killed=0, injured=1)
    IncidentFactory(date=dt.date(2024, 3, 5), weapons=["drone"], killed=1, injured=0)
    IncidentFactory(date=dt.date(2024, 3, 6), weapons=[], killed=None, injured=None)


def _csv(client) -> list[dict[str, str]]:
    response = client.get("/api/v1/incidents/?format=csv")
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))


def _month(row: dict[str, str]) -> str:
    return row["event_date"][:7] + "-01"


def test_weapon_timeline_and_csv_agree_on_a_multi_weapon_incident(client, mixed):
    body = client.get("/api/v1/stats/timeline/?interval=month&split=weapon").json()
    rows = _csv(client)

    per_weapon = Counter(
        (_month(r), w) for r in rows for w in (r["weapons"].split(";") if r["weapons"] else ["unknown"])
    )
    assert {(r["period"], r["key"]): r["count"] for r in body["results"]} == per_weapon
    assert per_weapon[("2024-01-01", "rocket")] == 2  # the rocket-and-drone attack counts under both

    totals: dict[str, Counter] = defaultdict(Counter)
    for r in rows:
        totals[_month(r)].update(count=1, killed=int(r["fatalities"] or 0), injured=int(r["injured"] or 0))
    assert {
        r["period"]: {"count": r["count"], "killed": r["killed"], "injured": r["injured"]} for r in body["totals"]
    } == {period: dict(t) for period, t in totals.items()}


@pytest.mark.skipif(shutil.which("node") is None, reason="Node.js is not installed")
def test_the_chart_draws_what_the_api_and_csv_count(client, mixed):
    body = client.get("/api/v1/stats/timeline/?interval=month&split=weapon").json()
    chart = json.loads(
        subprocess.run(
            ["node", "-e", CHART, str(TIMELINE_JS)], input=json.dumps(body), capture_output=True, text=True, check=True
        ).stdout
    )
    rows = _csv(client)
    assert chart["total"] == len(rows) == 4
    assert chart["series"] == {"rocket": 2, "drone": 2, "other": 1}  # "other": the incident of unknown weapon
    assert chart["casualties"] == sum(int(r["fatalities"] or 0) + int(r["injured"] or 0) for r in rows) == 7
