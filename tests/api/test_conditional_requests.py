import time

import pytest
from django.utils.http import parse_http_date

URLS = [
    "/api/v1/incidents/",
    "/api/v1/incidents/?format=geojson",
    "/api/v1/incidents/?format=csv",
    "/api/v1/stats/timeline/?split=faction",
    "/api/v1/changes/?since=2000-01-01",
    "/api/v1/bases/",
    "/api/v1/bases/al-asad/",
    "/api/v1/factions/",
    "/api/v1/factions/iri/",
]


@pytest.mark.parametrize("url", URLS)
def test_every_response_carries_validators_and_answers_304(api, world, url):
    first = api.get(url)
    assert first.status_code == 200
    etag, modified = first["ETag"], first["Last-Modified"]
    assert etag.startswith('"')
    assert modified.endswith("GMT")
    assert api.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    not_modified = api.get(url, HTTP_IF_MODIFIED_SINCE=modified)
    assert not_modified.status_code == 304
    assert not_modified["ETag"] == etag


def test_incident_detail_validators(api, world):
    url = f"/api/v1/incidents/{world.drone.pk}/"
    etag = api.get(url)["ETag"]
    assert api.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_a_change_to_the_data_changes_the_etag(api, world):
    url = "/api/v1/incidents/?country=JO"
    etag = api.get(url)["ETag"]
    written = int(time.time())
    world.drone.summary = "Corrected."
    world.drone.save()
    response = api.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response["ETag"] != etag
    # the database's clock at the write (triggers stamp it), not the rows' own timestamps
    assert parse_http_date(response["Last-Modified"]) >= written


def test_a_deletion_changes_the_etag(api, world):
    url = "/api/v1/incidents/?format=geojson"
    etag = api.get(url)["ETag"]
    world.syria.delete_with_tombstone()
    assert api.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_etag_depends_on_the_query_and_format(api, world):
    tags = {
        api.get(u)["ETag"]
        for u in ("/api/v1/incidents/", "/api/v1/incidents/?country=IQ", "/api/v1/incidents/?format=csv")
    }
    assert len(tags) == 3


def test_responses_vary_on_accept_and_credentials(api, world):
    vary = api.get("/api/v1/incidents/")["Vary"]
    for header in ("Accept", "Authorization", "Cookie"):
        assert header in vary
