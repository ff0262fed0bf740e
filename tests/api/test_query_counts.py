"""No N+1: each list endpoint runs a fixed number of queries however many rows it returns."""

import pytest
from django.db import connection

from tests.factories import ArticleFactory, BaseFactory, FactionFactory, IncidentFactory, IncidentSourceFactory


@pytest.fixture
def many(world):
    bases = [BaseFactory() for _ in range(5)]
    factions = [FactionFactory(umbrella=world.iri) for _ in range(3)]
    for i in range(30):
        incident = IncidentFactory(base=bases[i % 5], perpetrator=factions[i % 3], claimed=True, claimed_by=world.iri)
        for _ in range(2):
            IncidentSourceFactory(incident=incident, article=ArticleFactory())
    return world


def _drain(response):
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


# data version (1, incidents/api/caching.py) + the rows (+ prefetch, + faction/base lookups for filters);
# the sync feed keeps its per-query fingerprint (2: incidents, tombstones).
CASES = [
    ("/api/v1/incidents/?page_size=100", 3),
    ("/api/v1/incidents/?page_size=100&count=true", 4),
    # + base lookup; the faction groups (their rows in one query, read once per data version: the request's one
    # reading of the version, then the rows)
    ("/api/v1/incidents/?faction=iri&base=al-asad&q=rocket", 3 + 2),
    ("/api/v1/incidents/?format=geojson", 2),
    # the data version + the rows, streamed from one query (never counted first)
    ("/api/v1/incidents/?format=csv", 2),
    # + the per-period totals of a split; + the faction names (grouped by id, named afterwards)
    ("/api/v1/stats/timeline/?split=faction", 4),
    ("/api/v1/stats/timeline/?split=weapon&interval=month", 3),
    ("/api/v1/stats/timeline/?interval=month", 2),
    ("/api/v1/changes/?since=2000-01-01", 5),
    ("/api/v1/bases/", 2),
    # data version + stats, tree, factions, members
    ("/api/v1/factions/", 5),
]


# On PostgreSQL the database writes these answers in one statement (after the data version). A list page runs
# as many as elsewhere: its ids, then its stored rows in one prepared statement (incidents/selectors/api_page.py).
# (The CSV there: the version alone; its COPY runs on the raw psycopg cursor, which Django does not count.)
ON_POSTGRESQL = {
    "/api/v1/incidents/?format=csv": 1,
    "/api/v1/stats/timeline/?split=faction": 2,
    "/api/v1/stats/timeline/?interval=month": 2,
}


@pytest.mark.parametrize(("url", "queries"), CASES)
def test_list_endpoints_run_a_fixed_number_of_queries(api, many, django_assert_num_queries, url, queries):
    if connection.vendor == "postgresql":
        queries = ON_POSTGRESQL.get(url, queries)
    with django_assert_num_queries(queries):
        response = api.get(url)
        assert response.status_code == 200
        _drain(response)


def test_editor_with_token_adds_only_the_auth_queries(editor_api, many, django_assert_num_queries):
    # token lookup (with its user) + the editors-group check, once per request
    with django_assert_num_queries(3 + 2):
        assert editor_api.get("/api/v1/incidents/?page_size=100&status=all").status_code == 200


def test_not_modified_skips_the_rows(api, many, django_assert_num_queries):
    etag = api.get("/api/v1/incidents/?format=geojson")["ETag"]
    with django_assert_num_queries(1):
        assert api.get("/api/v1/incidents/?format=geojson", HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_faction_groups_are_read_once_per_data_version(api, many, django_assert_num_queries):
    url = "/api/v1/incidents/?faction=iri&date_from=2000-01-01"
    assert api.get(url).status_code == 200
    # The data version (once a request: the filter's and the cache key's) and the page (its ids, its rows), the
    # groups already known.
    with django_assert_num_queries(1 + 2):
        assert api.get(url.replace("2000", "2001")).status_code == 200
