"""The PostgreSQL CSV export (COPY, incidents/selectors/csv_copy.py) writes the same bytes as the general
path (Python rows through csv_stream, used on SQLite and for as_of): header, columns, formatting, order."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from incidents.api.filters import IncidentFilter
from incidents.api.renderers import csv_stream
from incidents.models import Incident
from incidents.selectors import csv_copy
from incidents.selectors.csv_copy import incidents_csv_copy
from incidents.selectors.export import CSV_COLUMNS, incidents_csv_rows
from tests.factories import ArticleFactory, IncidentFactory, IncidentSourceFactory

pytestmark = pytest.mark.postgres


@pytest.fixture(autouse=True, params=["per incident", "grouped"])
def sources_read(request, monkeypatch):
    """Both ways the export reads sources: an index lookup per incident, or one grouped pass (large exports)."""
    monkeypatch.setattr(csv_copy, "GROUPED_SOURCES_FROM", 0 if request.param == "grouped" else 10**9)
    return request.param


def _python_csv(incidents, ordering: str) -> bytes:
    field = ordering.lstrip("-")
    order = [ordering, "-id" if ordering.startswith("-") else "id"] if field != "id" else [ordering]
    return b"".join(csv_stream(CSV_COLUMNS, incidents_csv_rows(incidents.order_by(*order))))


@pytest.fixture
def awkward(world):
    """Values whose text Python and PostgreSQL could write differently."""
    many = IncidentFactory(
        date=dt.date(2024, 4, 9),
        base=world.asad,
        latitude=34.0,  # a whole number: Python writes "34.0"
        longitude=-0.000012,  # exponent form
        time_of_day=dt.time(6, 30, 0, 250000),
        weapons=["rocket", "missile"],
        launched=0,
        summary='+Quoted "text", with a comma\nand a second line',
        perpetrator=world.kh,
    )
    for url in ("https://b.example/2", "", "https://a.example/1", "https://c.example/3"):
        IncidentSourceFactory(incident=many, article=ArticleFactory(url=url))
    two = IncidentFactory(date=dt.date(2024, 4, 9), base=None, place="", country="SY", summary="\tTabbed", weapons=[])
    for url in ("https://z.example/", "https://m.example/"):
        IncidentSourceFactory(incident=two, article=ArticleFactory(url=url))
    one_empty = IncidentFactory(date=dt.date(2022, 5, 1), summary="@at", time_of_day=dt.time(23, 59))
    IncidentSourceFactory(incident=one_empty, article=ArticleFactory(url=""))
    # Times written from their text: a whole second, a fraction with trailing zeros, a tiny fraction; whole, zero
    # and tiny coordinates.
    stamps = IncidentFactory(date=dt.date(2023, 1, 2), latitude=1e-05, longitude=-3.0, time_of_day=dt.time(0, 0, 0, 5))
    second = IncidentFactory(date=dt.date(2023, 1, 3), latitude=0.0, longitude=45.5, time_of_day=dt.time(12, 0))
    Incident.objects.filter(pk=stamps.pk).update(updated_at=dt.datetime(2024, 6, 1, 8, 0, 0, 120000, tzinfo=dt.UTC))
    Incident.objects.filter(pk=second.pk).update(updated_at=dt.datetime(2024, 6, 1, 8, 0, 0, tzinfo=dt.UTC))
    return world


@pytest.mark.parametrize("ordering", ["-date", "date", "killed", "-injured", "id", "-updated_at"])
def test_copy_csv_matches_python_rows_for_every_ordering(awkward, ordering):
    incidents = Incident.objects.all()
    copied = b"".join(incidents_csv_copy(incidents, ordering=ordering))
    assert copied == _python_csv(incidents, ordering)
    assert copied.startswith((",".join(CSV_COLUMNS) + "\r\n").encode())
    assert copied.count(b"\r\n") == incidents.count() + 1  # the summary's own newline stays a bare \n


def test_copy_csv_writes_times_and_coordinates_as_python_does(awkward):
    text = b"".join(incidents_csv_copy(Incident.objects.all(), ordering="-date")).decode()
    assert ",2023-01-02,day,2023,00:00:00.000005," in text
    assert ",2023-01-03,day,2023,12:00:00," in text
    assert ",1e-05,-3.0," in text
    assert ",0.0,45.5," in text
    assert ",2024-06-01T08:00:00.120000+00:00\r\n" in text
    assert ",2024-06-01T08:00:00+00:00\r\n" in text


def test_copy_csv_sorts_source_urls_and_counts_empty_ones(awkward):
    text = b"".join(incidents_csv_copy(Incident.objects.all(), ordering="-date")).decode()
    assert ",https://a.example/1; https://b.example/2; https://c.example/3,4," in text
    assert ",https://m.example/; https://z.example/,2," in text


@pytest.mark.parametrize(
    "query",
    [
        "",
        "&country=IQ",
        "&weapon=drone&date_from=2024-01-01",
        "&faction=iri",
        "&base=al-asad&ordering=-killed",
        "&q=tower",
        "&bbox=38,33,39,34",
        "&min_killed=1",
    ],
)
def test_api_csv_on_postgresql_matches_the_general_path(api, awkward, query):
    response = api.get(f"/api/v1/incidents/?format=csv{query}")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="basewatch-incidents-')
    body = b"".join(response.streaming_content)
    params = dict(p.split("=") for p in query.lstrip("&").split("&") if p)
    ordering = params.pop("ordering", "-date")
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    incidents = IncidentFilter(params, queryset=Incident.objects.all(), request=request).qs
    assert body == _python_csv(incidents, ordering)
    assert body.count(b"\r\n") == incidents.count() + 1


def test_editor_csv_of_every_status_matches(editor_api, awkward):
    body = b"".join(editor_api.get("/api/v1/incidents/?format=csv&status=all").streaming_content)
    assert body == _python_csv(Incident.objects.all(), "-date")
    assert b",draft," in body
    assert b",rejected," in body
