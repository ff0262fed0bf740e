"""The PostgreSQL CSV export (each incident's line kept by the database, streamed by COPY: incidents/selectors/
csv_copy.py) writes the same bytes as the general path (Python rows through csv_stream, used on SQLite and for
as_of): header, columns, formatting, quoting, order; and keeps doing so after every kind of write to what a line
shows (the incident, its site, its groups, its sources and their articles)."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection, transaction
from django.test import RequestFactory

from incidents.api.filters import IncidentFilter
from incidents.api.renderers import csv_stream
from incidents.models import CsvLine, Incident
from incidents.selectors.csv_copy import incidents_csv_copy
from incidents.selectors.export import CSV_COLUMNS, incidents_csv_rows
from tests.concurrency import run_together
from tests.factories import ArticleFactory, FactionFactory, IncidentFactory, IncidentSourceFactory

pytestmark = pytest.mark.postgres


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


def _matches(incidents=None) -> None:
    incidents = Incident.objects.all() if incidents is None else incidents
    assert b"".join(incidents_csv_copy(incidents, ordering="-date")) == _python_csv(incidents, "-date")
    assert CsvLine.objects.count() == Incident.objects.count()


def test_lines_follow_edits_of_the_incident(awkward):
    incident = Incident.objects.filter(base=awkward.asad).first()
    incident.summary = 'Edited, with "quotes"'
    incident.killed, incident.killed_low, incident.killed_high = 3, 2, 4
    incident.latitude = 12.0
    incident.save()
    _matches()
    Incident.objects.filter(pk=incident.pk).update(weapons=["drone"], time_of_day=None, claimed=True)
    _matches()
    Incident.objects.update(status=Incident.Status.REJECTED)  # every row in one statement
    _matches()


def test_lines_follow_their_site_and_groups(awkward):
    awkward.asad.name, awkward.asad.slug, awkward.asad.province = "=Renamed, base", "renamed", "Anbar"
    awkward.asad.save()
    _matches()
    awkward.kh.name = 'Renamed "group"'
    awkward.kh.save()
    _matches()
    incident = IncidentFactory(perpetrator=awkward.kh, claimed=True, claimed_by=FactionFactory(slug="claimer"))
    FactionFactory._meta.model.objects.filter(slug="claimer").update(name="Claimed by, now")
    _matches()
    Incident.objects.filter(pk=incident.pk).update(base=awkward.tanf, perpetrator=None)
    _matches()


def test_lines_follow_sources_and_article_urls(awkward):
    incident = Incident.objects.filter(base=awkward.asad).first()
    source = IncidentSourceFactory(incident=incident, article=ArticleFactory(url="https://0.example/first"))
    _matches()
    article = source.article
    article.url = "https://zz.example/last"
    article.save()
    _matches()
    other = IncidentFactory()
    type(source).objects.filter(pk=source.pk).update(incident=other)  # moved to another incident
    _matches()
    source.delete()
    _matches()
    type(source).objects.filter(incident__in=Incident.objects.all()).delete()
    _matches()


def test_lines_follow_new_and_deleted_incidents(awkward):
    extra = IncidentFactory(summary="-Minus first", place="Somewhere, far", base=None)
    IncidentSourceFactory(incident=extra, article=ArticleFactory(url=""))
    _matches()
    extra.sources.all().delete()
    extra.delete()
    _matches()
    assert not CsvLine.objects.filter(incident_id=extra.pk).exists()


@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_of_one_incident_leave_every_source_in_its_line():
    incident = IncidentFactory(summary="Cited by many")

    def cite(n: int) -> None:
        article = ArticleFactory(url=f"https://{n}.example/")
        with transaction.atomic():
            IncidentSourceFactory(incident=incident, article=article)
            time.sleep(0.05)  # the others' lines are written meanwhile, before this commits

    results = run_together(*(lambda n=n: cite(n) for n in range(6)))
    assert not [r for r in results if isinstance(r, BaseException)]
    line = CsvLine.objects.get(incident_id=incident.pk).line
    assert "; ".join(f"https://{n}.example/" for n in range(6)) + ",6," in line
    _matches()


@pytest.mark.django_db(transaction=True)
def test_truncating_sources_or_incidents_rewrites_or_empties_the_lines():
    IncidentSourceFactory(article=ArticleFactory(url="https://gone.example/"))
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE incidents_incidentsource")
    assert "gone.example" not in CsvLine.objects.get().line
    _matches()
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE incidents_incident CASCADE")
    assert not CsvLine.objects.exists()
