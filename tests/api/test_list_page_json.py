"""On PostgreSQL a JSON list page's rows are the ones the database keeps written (``incidents.selectors.api_page``):
the same bytes as the rows written in Python (``incident_rows`` and DRF's renderer), for every value a row can hold
and after every kind of write to what a row shows, the rows of every page read by one prepared statement fed the
page's ids. A value the database would write otherwise, or an incident gone between the ids and the rows, sends
the page to Python."""

import datetime as dt
import json

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import incidents.api.views as api_views
import incidents.selectors.api_page as api_page
from incidents.models import ApiRow, Incident
from tests.factories import ArticleFactory, FactionFactory, IncidentFactory, IncidentSourceFactory

pytestmark = pytest.mark.postgres

URLS = [
    "/api/v1/incidents/",
    "/api/v1/incidents/?page_size=2",
    "/api/v1/incidents/?page_size=3&ordering=-killed&count=true",
    "/api/v1/incidents/?ordering=launched",
    "/api/v1/incidents/?ordering=-updated_at&page_size=4",
    "/api/v1/incidents/?ordering=created_at",
    "/api/v1/incidents/?ordering=id&country=IQ",
    "/api/v1/incidents/?faction=iri&date_from=2024-01-01",
]


def _pages(api, url, *, in_python):
    """Every page of ``url`` (following ``next``), as bytes, written by the database or by Python."""
    pages = []
    while url:
        written = api_views.page_written_by_database
        if in_python:
            api_views.page_written_by_database = lambda request: False
        try:
            response = api.get(url)
        finally:
            api_views.page_written_by_database = written
        assert response.status_code == 200
        assert response["Content-Type"] == "application/json"
        pages.append(response.content)
        url = response.json()["next"]
    return pages


@pytest.fixture
def odd_values(world):
    """Rows holding what the two writers could disagree on: whole, tiny and negative-zero floats, fractions of
    seconds with trailing zeros, times with and without them, escapes, non-ASCII text, line and paragraph
    separators, several sources of both roles, none, a null site and groups."""
    odd = IncidentFactory(
        base=None,
        latitude=33.0,
        longitude=-0.0,
        country="IQ",
        place='A "quoted" place \\ with a tab\t, a bell \x07 and Arabic: عين الأسد',
        summary="Line\nbreak, U+2028 \u2028 and U+2029 \u2029, emoji \U0001f680",
        confidence=1e-05,
        time_of_day=dt.time(23, 5, 0, 500000),
        weapons=["rocket", "drone"],
        launched=3,
        killed=None,
    )
    Incident.objects.filter(pk=odd.pk).update(
        created_at=dt.datetime(2024, 3, 1, 12, 0, 0, 123400, tzinfo=dt.UTC),
        updated_at=dt.datetime(2024, 3, 2, 0, 0, 0, tzinfo=dt.UTC),
        reviewed_at=dt.datetime(2024, 3, 3, 1, 2, 3, 5, tzinfo=dt.UTC),
    )
    world.rocket.confidence = 0.75
    world.rocket.time_of_day = dt.time(6, 30)
    world.rocket.save()
    for role, title in (("background", 'An "earlier" report'), ("primary", "Second wire"), ("background", "Ünïcode")):
        article = ArticleFactory(title=title, url=f"https://x.example/{title}")
        IncidentSourceFactory(incident=odd, article=article, role=role)
    return odd


def test_pages_written_by_the_database_are_pythons_byte_for_byte(api, odd_values):
    for url in URLS:
        assert _pages(api, url, in_python=False) == _pages(api, url, in_python=True), url
    page = json.loads(_pages(api, "/api/v1/incidents/?ordering=created_at&page_size=1", in_python=False)[0])
    (row,) = page["results"]
    assert row["id"] == odd_values.pk
    assert (row["latitude"], row["longitude"], row["confidence"]) == (33.0, -0.0, 1e-05)
    assert (row["created_at"], row["reviewed_at"]) == ("2024-03-01T12:00:00.123400Z", "2024-03-03T01:02:03.000005Z")
    assert row["updated_at"] == "2024-03-02T00:00:00Z"
    assert row["time_of_day"] == "23:05:00.500000"
    assert [s["role"] for s in row["sources"]] == ["background", "background", "primary"]


def _statements() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM pg_prepared_statements WHERE name LIKE 'bw%%'")
        return {name for (name,) in cursor.fetchall()}


@pytest.mark.django_db(transaction=True)  # the test closes its connection
def test_every_page_writes_its_rows_with_one_prepared_statement(api, world):
    connection.close()  # a session of its own: earlier tests prepared the statement on theirs
    urls = ["/api/v1/incidents/?page_size=100", "/api/v1/incidents/?country=IQ&ordering=-killed", "/api/v1/incidents/"]
    ran = []
    for url in urls:
        with CaptureQueriesContext(connection) as run:
            assert api.get(url).status_code == 200
        ran.append([query["sql"] for query in run.captured_queries])
    # The data version, the page's ids chosen by the ORM, then its rows, sites, groups and sources from those ids.
    assert [len(sqls) for sqls in ran] == [3, 3, 3]
    assert ran[0][1].startswith("SELECT")
    assert "LIMIT 101" in ran[0][1]
    executed = {sqls[2].split("(")[0] for sqls in ran}
    assert len(executed) == 1  # whatever the filters and the ordering: one statement
    (name,) = [e.removeprefix("EXECUTE ") for e in executed]
    assert name in _statements()
    connection.close()  # a new session holds none: its first page prepares it again
    assert name not in _statements()
    assert api.get("/api/v1/incidents/?page_size=7").status_code == 200  # not an answer cached earlier
    assert name in _statements()


def test_the_plain_statement_writes_what_the_prepared_one_does(api, odd_values, monkeypatch):
    prepared = [_pages(api, url, in_python=False) for url in URLS]
    monkeypatch.setattr(api_page, "session_statement", lambda *args: False)  # refused, or the session is full
    assert [_pages(api, url, in_python=False) for url in URLS] == prepared


def test_a_page_whose_incident_was_deleted_meanwhile_is_not_written(world):
    # Between the page's ids and its rows: the rows are read again by the Python path.
    page = [{"id": world.rocket.pk, "date": world.rocket.date}, {"id": 2_000_000_000, "date": world.rocket.date}]
    with pytest.raises(api_page.NotWritten):
        api_page.incident_page_json(page, url_prefix="http://testserver/incidents/")
    (row,) = api_page.incident_page_json(page[:1], url_prefix="http://testserver/incidents/")
    assert json.loads(row["json"])["id"] == world.rocket.pk


@pytest.mark.parametrize("weapons", [["drone", 2], [True], "drone", {"drone": 1}])
def test_weapons_other_than_a_list_of_strings_are_written_by_python(api, world, weapons):
    Incident.objects.filter(pk=world.rocket.pk).update(weapons=weapons)
    pages = _pages(api, "/api/v1/incidents/", in_python=False)
    assert pages == _pages(api, "/api/v1/incidents/", in_python=True)
    rows = {row["id"]: row for row in json.loads(pages[0])["results"]}
    assert rows[world.rocket.pk]["weapons"] == [str(w) for w in weapons]


def test_a_float_the_database_writes_in_exponent_form_is_written_by_python(api, world):
    Incident.objects.filter(pk=world.rocket.pk).update(confidence=1e15)
    pages = _pages(api, "/api/v1/incidents/", in_python=False)
    assert pages == _pages(api, "/api/v1/incidents/", in_python=True)
    assert b'"confidence":1000000000000000.0' in pages[0]


def test_another_time_zone_is_written_by_python(api, world):
    Incident.objects.filter(pk=world.rocket.pk).update(reviewed_at=dt.datetime(2024, 2, 1, 8, 30, tzinfo=dt.UTC))
    with timezone.override("Asia/Baghdad"):
        page = json.loads(api.get("/api/v1/incidents/").content)
    rows = {row["id"]: row for row in page["results"]}
    assert rows[world.rocket.pk]["reviewed_at"] == "2024-02-01T11:30:00+03:00"


def test_an_indented_answer_asked_for_is_written_by_python(api, world):
    response = api.get("/api/v1/incidents/", HTTP_ACCEPT="application/json; indent=2")
    assert response.status_code == 200
    assert response.content.startswith(b'{\n  "next": null,\n  "results": [')


def _agree(api) -> None:
    """Every page of the list, read from the stored rows, is the one Python writes now (the answers' cache cleared:
    an article's or a source's own edit does not move the data version)."""
    assert ApiRow.objects.count() == Incident.objects.count()
    for url in ("/api/v1/incidents/?ordering=id", "/api/v1/incidents/?ordering=-updated_at&page_size=2"):
        caches["responses"].clear()
        stored = _pages(api, url, in_python=False)
        caches["responses"].clear()
        assert stored == _pages(api, url, in_python=True), url


def test_rows_follow_edits_of_the_incident_its_site_and_its_groups(api, odd_values, world):
    _agree(api)
    odd_values.summary, odd_values.confidence, odd_values.status = "Edited \u2028 again", 0.5, "rejected"
    odd_values.save()
    Incident.objects.filter(pk=world.rocket.pk).update(weapons=["drone", 2], version=7, time_of_day=None)
    _agree(api)
    world.asad.name, world.asad.slug = 'Renamed "site"', "renamed-site"
    world.asad.save()
    world.kh.name, world.kh.slug = "Renamed group", "renamed-group"
    world.kh.save()
    type(world.kh).objects.filter(pk=world.iri.pk).update(slug="iri-2")  # a claimant's slug alone
    _agree(api)
    IncidentFactory(base=world.tanf, perpetrator=FactionFactory(slug="new-group"), claimed=True)
    _agree(api)
    Incident.objects.filter(base=world.tanf).delete()
    _agree(api)


def test_rows_follow_sources_and_their_articles(api, odd_values, world):
    source = odd_values.sources.order_by("id").first()
    article = source.article
    article.title, article.outlet, article.published = "Retitled", "Another wire", dt.date(2020, 2, 2)
    article.save()
    _agree(api)
    type(source).objects.filter(pk=source.pk).update(role="primary")  # reordered among the row's sources
    _agree(api)
    type(source).objects.filter(pk=source.pk).update(incident=world.rocket)  # moved to another incident
    _agree(api)
    IncidentSourceFactory(incident=world.rocket, article=ArticleFactory(title="Fresh", url=""))
    _agree(api)
    odd_values.sources.all().delete()
    _agree(api)
