"""``as_of=``: incident reads and exports answer from the change history as the data stood then."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from django.utils import timezone
from freezegun import freeze_time

from incidents.models import Incident
from tests.factories import ArticleFactory, BaseFactory, IncidentFactory, IncidentSourceFactory

T0 = dt.datetime(2025, 3, 1, 12, 0, tzinfo=dt.UTC)  # the world as first published
T = dt.datetime(2025, 3, 2, 12, 0, tzinfo=dt.UTC)  # the moment asked about
T1 = dt.datetime(2025, 3, 3, 12, 0, tzinfo=dt.UTC)  # changes after it
AS_OF = "2025-03-02T12:00:00Z"


@pytest.fixture
def history(db):
    """Three incidents published before T; after T one's toll is raised, one is deleted, a new one published."""
    with freeze_time(T0):
        base = BaseFactory(slug="al-asad", name="Al Asad Air Base", country="IQ", latitude=33.8, longitude=42.4)
        changed = IncidentFactory(base=base, date=dt.date(2024, 1, 20), killed=1, injured=2, weapons=["rocket"])
        deleted = IncidentFactory(base=base, date=dt.date(2024, 1, 10), killed=0, weapons=["drone"])
        steady = IncidentFactory(base=base, date=dt.date(2024, 1, 5), killed=None, weapons=["drone"])
        draft_then = IncidentFactory(base=base, date=dt.date(2024, 1, 25), status=Incident.Status.DRAFT)
        IncidentSourceFactory(incident=changed, article=ArticleFactory(url="https://example.org/first"))
    deleted_id = deleted.pk
    with freeze_time(T1):
        changed.killed, changed.injured = 3, 5
        changed.save_versioned(fields=["killed", "injured"])
        deleted.delete()
        draft_then.publish(by=None)
        IncidentSourceFactory(incident=changed, article=ArticleFactory(url="https://example.org/later"))
    deleted.pk = deleted_id  # delete() clears it
    return {"changed": changed, "deleted": deleted, "steady": steady, "published_later": draft_then}


def _list(api, **params):
    response = api.get("/api/v1/incidents/", {"page_size": 100, **params})
    assert response.status_code == 200, response.content
    return {row["id"]: row for row in response.json()["results"]}


def test_a_figure_changed_after_as_of_reads_as_before(api, history):
    now = _list(api)
    then = _list(api, as_of=AS_OF)
    changed = history["changed"].pk
    assert (now[changed]["killed"], now[changed]["injured"]) == (3, 5)
    assert (then[changed]["killed"], then[changed]["injured"]) == (1, 2)
    assert then[changed]["updated_at"] == "2025-03-01T12:00:00Z"


def test_an_incident_published_after_as_of_is_absent(api, history):
    later = history["published_later"].pk
    assert later in _list(api)
    assert later not in _list(api, as_of=AS_OF)


def test_an_incident_deleted_after_as_of_is_present_as_it_was(api, history):
    deleted = history["deleted"].pk
    assert deleted not in _list(api)
    then = _list(api, as_of=AS_OF)
    assert then[deleted]["killed"] == 0
    assert then[deleted]["weapons"] == ["drone"]
    assert then[deleted]["base"]["slug"] == "al-asad"


def test_sources_linked_after_as_of_are_left_out(api, history):
    then = _list(api, as_of=AS_OF)
    assert [s["url"] for s in then[history["changed"].pk]["sources"]] == ["https://example.org/first"]


def test_as_of_before_anything_existed_is_empty(api, history):
    assert _list(api, as_of="2020-01-01") == {}


def test_filters_apply_to_the_values_as_they_were(api, history):
    # killed was 1 at T and is 3 now: min_killed=2 finds it now, not then.
    assert history["changed"].pk in _list(api, min_killed=2)
    assert history["changed"].pk not in _list(api, as_of=AS_OF, min_killed=2)
    assert set(_list(api, as_of=AS_OF, weapon="drone")) == {history["deleted"].pk, history["steady"].pk}


def test_csv_and_geojson_agree_with_the_list(api, history):
    listed = _list(api, as_of=AS_OF)
    geo = api.get("/api/v1/incidents/", {"format": "geojson", "as_of": AS_OF})
    assert geo.status_code == 200
    features = {f["id"]: f["properties"] for f in json.loads(geo.content)["features"]}
    response = api.get("/api/v1/incidents/", {"format": "csv", "as_of": AS_OF})
    assert response.status_code == 200
    rows = {int(r["event_id"]): r for r in csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode()))}
    assert set(features) == set(rows) == set(listed)
    for pk, row in listed.items():
        assert features[pk]["killed"] == row["killed"]
        assert rows[pk]["fatalities"] == ("" if row["killed"] is None else str(row["killed"]))
        assert int(rows[pk]["source_count"]) == len(row["sources"])
    assert rows[history["changed"].pk]["source_urls"] == "https://example.org/first"


def test_detail_as_of(api, history):
    changed, deleted, later = history["changed"].pk, history["deleted"].pk, history["published_later"].pk
    response = api.get(f"/api/v1/incidents/{changed}/", {"as_of": AS_OF})
    assert response.status_code == 200
    assert response.json()["killed"] == 1
    assert api.get(f"/api/v1/incidents/{deleted}/", {"as_of": AS_OF}).json()["killed"] == 0
    assert api.get(f"/api/v1/incidents/{deleted}/").status_code == 404
    assert api.get(f"/api/v1/incidents/{later}/", {"as_of": AS_OF}).status_code == 404
    assert api.get(f"/api/v1/incidents/{later}/").status_code == 200


def test_editors_see_drafts_as_they_were(editor_api, history):
    response = editor_api.get("/api/v1/incidents/", {"as_of": AS_OF, "status": "draft"})
    assert [r["id"] for r in response.json()["results"]] == [history["published_later"].pk]


def test_the_anonymous_cannot_see_a_past_draft(api, history):
    assert api.get("/api/v1/incidents/", {"as_of": AS_OF, "status": "draft"}).status_code == 403


def test_timeline_and_points_as_of(api, history):
    timeline = api.get("/api/v1/stats/timeline/", {"as_of": AS_OF, "interval": "month"}).json()
    assert timeline["results"] == [
        {"period": "2024-01-01", "key": None, "label": None, "count": 3, "killed": 1, "injured": 2}
    ]
    points = api.get("/api/v1/incidents/points/", {"as_of": AS_OF}).json()
    assert sorted(points["id"]) == sorted([history["changed"].pk, history["deleted"].pk, history["steady"].pk])


def test_pages_of_a_past_list_follow_on(api, history):
    first = api.get("/api/v1/incidents/", {"as_of": AS_OF, "page_size": 2}).json()
    second = api.get(first["next"]).json()
    ids = [r["id"] for r in first["results"] + second["results"]]
    assert ids == [history["changed"].pk, history["deleted"].pk, history["steady"].pk]
    assert second["next"] is None


@pytest.mark.parametrize("bad", ["yesterday", "2025-13-01", "2025-03-02T25:00", ""])
def test_a_malformed_as_of_is_a_400_naming_it(api, history, bad):
    response = api.get("/api/v1/incidents/", {"as_of": bad})
    assert response.status_code == 400
    assert "as_of" in response.json()


def test_a_future_as_of_is_a_400(api, history):
    future = (timezone.now() + dt.timedelta(days=1)).isoformat()
    for path in ("/api/v1/incidents/", f"/api/v1/incidents/{history['changed'].pk}/", "/api/v1/stats/timeline/"):
        response = api.get(path, {"as_of": future})
        assert response.status_code == 400
        assert "future" in response.json()["as_of"][0]


def test_as_of_is_in_the_schema(api):
    schema = api.get("/api/schema/", {"format": "json"}).json()
    for path in ("/api/v1/incidents/", "/api/v1/incidents/{id}/", "/api/v1/stats/timeline/"):
        names = {p["name"] for p in schema["paths"][path]["get"]["parameters"]}
        assert "as_of" in names, path
