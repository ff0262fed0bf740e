import pytest

from tests.factories import IncidentFactory


def _get(api, query):
    response = api.get(f"/api/v1/stats/timeline/?{query}")
    assert response.status_code == 200, response.content
    return response.json()


def test_monthly_counts_and_sums(api, world):
    body = _get(api, "interval=month")
    assert body["interval"] == "month"
    assert body["split"] is None
    assert body["results"] == [
        {"period": "2023-11-01", "key": None, "label": None, "count": 1, "killed": 0, "injured": 0},
        {"period": "2024-01-01", "key": None, "label": None, "count": 2, "killed": 3, "injured": 49},
        {"period": "2024-02-01", "key": None, "label": None, "count": 1, "killed": 0, "injured": 0},
    ]


def test_week_starts_on_monday_and_is_the_default(api, world):
    periods = [r["period"] for r in _get(api, "")["results"]]
    assert periods == ["2023-11-20", "2024-01-01", "2024-01-22", "2024-02-05"]


def test_day_interval(api, world):
    assert [r["period"] for r in _get(api, "interval=day")["results"]][1] == "2024-01-02"


def test_split_by_faction(api, world):
    rows = _get(api, "interval=month&split=faction")["results"]
    jan = [(r["key"], r["label"], r["count"]) for r in rows if r["period"] == "2024-01-01"]
    assert jan == [("kh", "Kataib Hezbollah", 1), ("kh-unit", "KH Drone Unit", 1)]
    assert ("unknown", "Unknown", 1) in [(r["key"], r["label"], r["count"]) for r in rows]


def test_split_by_weapon_counts_each_weapon(api, world):
    rows = _get(api, "interval=month&split=weapon")["results"]
    jan = {r["key"]: (r["count"], r["killed"], r["injured"]) for r in rows if r["period"] == "2024-01-01"}
    assert jan == {"drone": (2, 3, 49), "rocket": (1, 0, 2)}
    assert {r["key"] for r in rows if r["period"] == "2023-11-01"} == {"unknown"}
    assert {r["label"] for r in rows} >= {"Drone", "Rocket", "Mortar"}


@pytest.mark.parametrize(("split", "key", "label"), [("base", "tower-22", "Tower 22"), ("country", "JO", "Jordan")])
def test_split_by_base_and_country(api, world, split, key, label):
    rows = _get(api, f"interval=month&split={split}")["results"]
    assert {"period": "2024-01-01", "key": key, "label": label, "count": 1, "killed": 3, "injured": 47} in rows


def test_timeline_takes_the_incident_filters(api, world):
    IncidentFactory(base=world.tower, killed=10, perpetrator=world.kh)
    rows = _get(api, "interval=month&faction=iri&min_killed=1")["results"]
    assert [(r["period"], r["count"], r["killed"]) for r in rows] == [("2024-01-01", 2, 13)]
