"""List pages are built from plain rows (``for_api_rows`` + ``api_sources``), not model instances: their JSON
must be the serializer's for the same incidents, byte for byte, key order included."""

import datetime as dt
import json

import pytest
from rest_framework.test import APIRequestFactory

from incidents.api.serializers import IncidentSerializer, incident_rows
from incidents.models import Incident
from incidents.querysets import api_sources
from tests.factories import ArticleFactory, IncidentSourceFactory


def test_rows_write_what_the_serializer_writes(world):
    world.drone.time_of_day = dt.time(23, 5)
    world.drone.confidence = 0.75
    world.drone.reviewed_at = dt.datetime(2024, 2, 1, 8, 30, 15, 123456, tzinfo=dt.UTC)
    world.drone.save()
    IncidentSourceFactory(incident=world.drone, article=ArticleFactory(), role="background")
    request = APIRequestFactory().get("/api/v1/incidents/")
    incidents = Incident.objects.order_by("-date", "-id")
    expected = IncidentSerializer(incidents.for_api(), many=True, context={"request": request}).data
    rows = list(incidents.for_api_rows())
    built = incident_rows(rows, api_sources(row["id"] for row in rows), request)
    assert len(built) == Incident.objects.count() >= 6
    assert any(row["sources"] == [] for row in built)
    assert any(len(row["sources"]) > 1 for row in built)
    assert any(row["base"] is None for row in built)
    assert json.dumps(built) == json.dumps(expected)


def test_pages_of_rows_chain_by_cursor_in_every_ordering(api, world):
    for ordering in ("-date", "date", "-killed", "killed", "-launched", "id", "-updated_at"):
        url, seen = f"/api/v1/incidents/?page_size=1&ordering={ordering}", []
        while url:
            page = api.get(url).json()
            seen += [row["id"] for row in page["results"]]
            url = page["next"]
        assert sorted(seen) == sorted(ids for ids in Incident.objects.published().values_list("id", flat=True))


def test_rows_write_times_in_the_current_time_zone_as_the_serializer_does(world):
    from django.utils import timezone

    world.drone.reviewed_at = dt.datetime(2024, 2, 1, 8, 30, 15, tzinfo=dt.UTC)
    world.drone.save()
    request = APIRequestFactory().get("/api/v1/incidents/")
    incidents = Incident.objects.order_by("-date", "-id")
    with timezone.override("Asia/Baghdad"):
        expected = IncidentSerializer(incidents.for_api(), many=True, context={"request": request}).data
        rows = list(incidents.for_api_rows())
        built = incident_rows(rows, api_sources(row["id"] for row in rows), request)
    assert json.dumps(built) == json.dumps(expected)
    assert any(row["reviewed_at"] == "2024-02-01T11:30:15+03:00" for row in built)


@pytest.mark.postgres
def test_sources_read_by_one_written_statement_are_the_orms(world, django_assert_num_queries):
    """On PostgreSQL the list's sources come from a statement written once per process (``api_sources``): the
    same dicts, keys and order as the ORM's ``values()`` reading, roles and link times ordering them."""
    from incidents.querysets import _api_sources_orm, _api_sources_postgresql

    for role in ("background", "primary", "background", "primary"):
        IncidentSourceFactory(incident=world.drone, article=ArticleFactory(title=f"A {role} 'report'"), role=role)
    ids = [*Incident.objects.values_list("id", flat=True), 10**9]
    with django_assert_num_queries(1):
        rows = _api_sources_postgresql(ids)
    assert rows == list(_api_sources_orm(ids))
    assert [list(row) for row in rows] == [list(row) for row in _api_sources_orm(ids)]
    assert len([row for row in rows if row["incident_id"] == world.drone.pk]) >= 5
    with django_assert_num_queries(0):
        assert api_sources([]) == {}
