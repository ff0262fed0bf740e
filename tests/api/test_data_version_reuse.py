"""DATA_VERSION_MAX_AGE_MS: a web process may reuse its reading of the data version for that long
(incidents/api/caching.py); 0, the default, reads it on every request."""

from __future__ import annotations

import pytest

from incidents.api import caching
from incidents.models import Incident
from tests.factories import IncidentFactory


@pytest.fixture(autouse=True)
def _no_reading_carried_over(monkeypatch):
    monkeypatch.setattr(caching, "_last_reading", None)


def test_default_reads_the_version_on_every_request(api, world, django_assert_num_queries):
    api.get("/api/v1/incidents/?format=geojson")
    with django_assert_num_queries(1):  # the version; the answer is a cache hit
        assert api.get("/api/v1/incidents/?format=geojson")["X-Cache"] == "hit"


def test_reading_is_reused_within_the_max_age(api, world, settings, django_assert_num_queries):
    settings.DATA_VERSION_MAX_AGE_MS = 60_000
    api.get("/api/v1/incidents/?format=geojson")
    with django_assert_num_queries(0):
        assert api.get("/api/v1/incidents/?format=geojson")["X-Cache"] == "hit"


def test_a_write_shows_once_the_reading_expires(api, world, settings, monkeypatch):
    settings.DATA_VERSION_MAX_AGE_MS = 1000
    now = [1000.0]
    monkeypatch.setattr(caching.time, "monotonic", lambda: now[0])
    before = api.get("/api/v1/incidents/?format=geojson").json()["features"]
    IncidentFactory(summary="A new published incident.", status=Incident.Status.PUBLISHED)
    assert api.get("/api/v1/incidents/?format=geojson").json()["features"] == before  # within the second
    now[0] += 1.001
    after = api.get("/api/v1/incidents/?format=geojson").json()["features"]
    assert len(after) == len(before) + 1
