"""Rendered API answers are cached per data version and visibility class: hits, misses on every kind of
write, no sharing between anonymous users and editors, gzip bodies, and a cache outage costing only a rebuild."""

import gzip
import json

import pytest
from django.core.cache import caches

from incidents.api.caching import data_version
from incidents.models import Incident, IncidentTombstone
from tests.factories import IncidentFactory

CACHED_URLS = [
    "/api/v1/incidents/?page_size=2",
    "/api/v1/incidents/?format=geojson",
    "/api/v1/incidents/points/",
    "/api/v1/stats/timeline/?interval=month&split=weapon",
    "/api/v1/bases/",
    "/api/v1/bases/al-asad/",
    "/api/v1/factions/",
    "/api/v1/factions/iri/",
]


def _ids_in_points(response) -> list[int]:
    return response.json()["id"]


def _timeline_total(response) -> int:
    return sum(row["count"] for row in response.json()["results"])


@pytest.mark.parametrize("url", CACHED_URLS)
def test_second_identical_request_is_a_hit_with_the_same_body(api, world, url):
    first = api.get(url)
    second = api.get(url)
    assert (first.status_code, second.status_code) == (200, 200)
    assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit")
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert second["ETag"] == first["ETag"]


def test_a_hit_runs_only_the_version_query(api, world, django_assert_num_queries):
    api.get("/api/v1/stats/timeline/?interval=month")
    with django_assert_num_queries(1):
        assert api.get("/api/v1/stats/timeline/?interval=month")["X-Cache"] == "hit"


def test_query_order_does_not_matter_but_values_do(api, world):
    assert api.get("/api/v1/incidents/points/?country=IQ&claimed=true")["X-Cache"] == "miss"
    assert api.get("/api/v1/incidents/points/?claimed=true&country=IQ")["X-Cache"] == "hit"
    assert api.get("/api/v1/incidents/points/?claimed=false&country=IQ")["X-Cache"] == "miss"


def test_publishing_a_draft_shows_in_the_next_timeline_and_points(api, editor_api, world):
    timeline, points = "/api/v1/stats/timeline/?interval=month", "/api/v1/incidents/points/"
    before_total = _timeline_total(api.get(timeline))
    assert world.draft.pk not in _ids_in_points(api.get(points))
    assert api.get(points)["X-Cache"] == "hit"

    assert editor_api.post(f"/api/v1/incidents/{world.draft.pk}/publish/").status_code == 200

    after = api.get(timeline)
    assert after["X-Cache"] == "miss"
    assert _timeline_total(after) == before_total + 1
    assert world.draft.pk in _ids_in_points(api.get(points))


def test_rejecting_a_published_incident_removes_it_at_once(api, editor_api, world):
    url = "/api/v1/incidents/?format=geojson"
    assert world.drone.pk in [f["id"] for f in api.get(url).json()["features"]]
    assert editor_api.post(f"/api/v1/incidents/{world.drone.pk}/reject/").status_code == 200
    assert world.drone.pk not in [f["id"] for f in api.get(url).json()["features"]]


def test_a_deletion_without_tombstone_is_seen(api, world):
    url = "/api/v1/incidents/points/"
    assert world.syria.pk in _ids_in_points(api.get(url))
    Incident.objects.filter(pk=world.syria.pk).delete()  # the admin's delete leaves no tombstone
    response = api.get(url)
    assert response["X-Cache"] == "miss"
    assert world.syria.pk not in _ids_in_points(response)


def test_a_new_incident_is_seen(api, world):
    url = "/api/v1/incidents/?page_size=50"
    count = len(api.get(url).json()["results"])
    IncidentFactory(base=world.asad, status=Incident.Status.PUBLISHED)
    assert len(api.get(url).json()["results"]) == count + 1


def test_renaming_a_base_or_faction_is_seen(api, world):
    url = "/api/v1/incidents/?format=geojson"
    api.get(url)
    world.asad.name = "Ain al-Asad Air Base"
    world.asad.save()
    names = {f["properties"]["base_name"] for f in api.get(url).json()["features"]}
    assert "Ain al-Asad Air Base" in names
    world.kh.name = "Kata'ib Hizballah"
    world.kh.save()
    assert "Kata'ib Hizballah" in api.get("/api/v1/factions/").content.decode()


def test_every_kind_of_write_changes_the_data_version(world):
    seen = {data_version().token}

    def changed() -> bool:
        token = data_version().token
        fresh = token not in seen
        seen.add(token)
        return fresh

    IncidentFactory(base=world.tanf, status=Incident.Status.DRAFT)
    assert changed()
    world.draft.summary = "Edited by an editor."
    world.draft.save()
    assert changed()
    world.rejected.delete()
    assert changed()
    IncidentTombstone.objects.create(incident_id=999_999, reason=IncidentTombstone.Reason.DELETED)
    assert changed()
    world.tanf.save()
    assert changed()
    world.other.save()
    assert changed()


def test_editor_and_anonymous_answers_never_share_an_entry(api, editor_api, world):
    url = "/api/v1/incidents/points/"
    assert editor_api.get(url)["X-Cache"] == "miss"
    assert api.get(url)["X-Cache"] == "miss"
    assert api.get(url)["ETag"] != editor_api.get(url)["ETag"]


def test_drafts_cached_for_an_editor_never_reach_anonymous_users(api, editor_api, world):
    for url in (
        "/api/v1/incidents/points/?status=all",
        "/api/v1/stats/timeline/?status=draft",
        "/api/v1/incidents/?format=geojson&status=all",
    ):
        editor_body = editor_api.get(url).content.decode()
        assert str(world.draft.pk) in editor_body or "count" in editor_body
        response = api.get(url)
        assert response.status_code == 403
        assert "X-Cache" not in response
        assert "Draft-only secret" not in response.content.decode()
    # Same URL without the status filter: the anonymous answer holds published incidents only.
    editor_api.get("/api/v1/incidents/points/")
    assert world.draft.pk not in _ids_in_points(api.get("/api/v1/incidents/points/"))


def test_points_gzip_body_is_cached_and_matches(api, world):
    url = "/api/v1/incidents/points/"
    plain = api.get(url)
    packed = api.get(url, HTTP_ACCEPT_ENCODING="gzip, deflate")
    assert packed["X-Cache"] == "hit"
    assert packed["Content-Encoding"] == "gzip"
    assert json.loads(gzip.decompress(packed.content)) == plain.json()
    assert "Accept-Encoding" in packed["Vary"]
    assert "Accept-Encoding" in plain["Vary"]
    assert packed["ETag"] == "W/" + plain["ETag"]
    assert api.get(url, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=packed["ETag"]).status_code == 304


def test_points_are_gzipped_once_and_only_for_clients_that_accept_it(api, world, monkeypatch):
    from incidents.api import caching

    calls = []
    real = caching._gzipped
    monkeypatch.setattr(caching, "_gzipped", lambda body: calls.append(len(body)) or real(body))
    url = "/api/v1/incidents/points/?country=IQ"
    assert api.get(url)["X-Cache"] == "miss"
    assert api.get(url)["X-Cache"] == "hit"
    assert calls == []
    first = api.get(url, HTTP_ACCEPT_ENCODING="gzip")
    second = api.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert len(calls) == 1
    assert (first["X-Cache"], second["X-Cache"]) == ("hit", "hit")
    assert first.content == second.content
    assert json.loads(gzip.decompress(second.content)) == api.get(url).json()


def test_links_in_cached_answers_follow_the_host(api, world):
    url = "/api/v1/incidents/?format=geojson"
    first = api.get(url, HTTP_HOST="127.0.0.1").json()["features"][0]["properties"]["url"]
    second = api.get(url, HTTP_HOST="localhost").json()["features"][0]["properties"]["url"]
    assert first.startswith("http://127.0.0.1/")
    assert second.startswith("http://localhost/")


def test_a_cache_outage_costs_a_rebuild_not_an_error(api, world, monkeypatch):
    def down(*args, **kwargs):
        raise ConnectionError("cache down")

    cache = caches["responses"]
    monkeypatch.setattr(cache, "get", down)
    monkeypatch.setattr(cache, "set", down)
    response = api.get("/api/v1/stats/timeline/?interval=month")
    assert response.status_code == 200
    assert response["X-Cache"] == "miss"
    assert _timeline_total(response) == 4


def test_a_gzipped_hit_reads_only_the_gzipped_copy(api, world, monkeypatch):
    url = "/api/v1/incidents/points/?weapon=rocket"
    assert api.get(url, HTTP_ACCEPT_ENCODING="gzip")["X-Cache"] == "miss"
    cache = caches["responses"]
    read = []
    real_get = cache.get
    monkeypatch.setattr(cache, "get", lambda key, *a, **k: read.append(key) or real_get(key, *a, **k))
    packed = api.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert packed["X-Cache"] == "hit"
    assert len(read) == 1
    assert read[0].endswith(":gzip")
    assert json.loads(gzip.decompress(packed.content)) == api.get(url).json()
