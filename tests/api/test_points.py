"""The map's compact points: the same filters and visibility as every incident view, small, gzipped."""

import gzip
import json

import pytest
from django.db import connection

from incidents.models import Incident
from incidents.selectors.points import POINTS_COLUMNS, incidents_points
from tests.api.conftest import ids
from tests.api.test_query_counts import many  # noqa: F401  (fixture)

URL = "/api/v1/incidents/points/"

# Every filter of IncidentFilter but ordering (points come newest first, like GeoJSON).
QUERIES = [
    "",
    "date_from=2024-01-15",
    "date_to=2024-01-31",
    "date_from=2024-01-01&date_to=2024-01-31",
    "base=tower-22",
    "base=tower-22&base=al-tanf",
    "base=tower-22,al-asad",
    "faction=iri",
    "faction=kh-unit",
    "faction=other",
    "country=IQ",
    "weapon=drone",
    "weapon=mortar",
    "claimed=true",
    "claimed=false",
    "min_killed=1",
    "min_injured=10",
    "bbox=38,33,39,34",
    "q=zanzibar",
    "q=erbil",
    "country=IQ&weapon=drone&claimed=true",
]


def _points(response) -> dict:
    assert response.status_code == 200, response.content
    return json.loads(response.content)


@pytest.mark.parametrize("query", QUERIES)
def test_points_honour_every_filter_like_the_json_list(api, world, query):
    points = _points(api.get(f"{URL}?{query}"))
    expected = ids(api.get(f"/api/v1/incidents/?page_size=500&{query}"))
    assert points["id"] == expected
    assert points["count"] == len(expected)


def test_columns_are_parallel_arrays_with_lookups(api, world):
    points = _points(api.get(URL))
    assert points["columns"] == list(POINTS_COLUMNS)
    for name in points["columns"]:
        assert len(points[name]) == points["count"] == 4
    i = points["id"].index(world.drone.pk)
    assert (points["lat"][i], points["lon"][i]) == (33.3, 38.7)
    assert points["date"][i] == "2024-01-28"
    assert points["date_precision"][i] == "day"
    assert points["weapons"][i] == ["drone"]
    assert (points["launched"][i], points["intercepted"][i], points["killed"][i], points["injured"][i]) == (
        1,
        None,
        3,
        47,
    )
    assert points["bases"][str(points["base"][i])] == {"slug": "tower-22", "name": "Tower 22"}
    assert points["factions"][str(points["perpetrator"][i])] == {"slug": "kh-unit", "name": "KH Drone Unit"}
    assert points["claimed"][i] is False
    j = points["id"].index(world.unsourced.pk)
    assert (points["lat"][j], points["lon"][j], points["base"][j]) == (None, None, None)
    assert points["place"][j] == "Erbil outskirts"


def test_coordinates_are_rounded_to_about_a_metre(api, world):
    Incident.objects.filter(pk=world.drone.pk).update(latitude=33.123456789, longitude=38.987654321)
    points = _points(api.get(URL))
    i = points["id"].index(world.drone.pk)
    assert (points["lat"][i], points["lon"][i]) == (33.12346, 38.98765)


def test_anonymous_sees_published_only(api, world):
    points = _points(api.get(URL))
    assert world.draft.pk not in points["id"]
    assert world.rejected.pk not in points["id"]
    assert "secret" not in api.get(URL).content.decode().lower()
    assert api.get(f"{URL}?status=draft").status_code == 403


def test_editor_may_ask_for_drafts(editor_api, world):
    points = _points(editor_api.get(f"{URL}?status=all"))
    assert {world.draft.pk, world.rejected.pk} <= set(points["id"])
    assert _points(editor_api.get(f"{URL}?status=draft"))["id"] == [world.draft.pk]


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("bbox=1,2,3", "bbox"),
        ("date_from=yesterday", "date_from"),
        ("min_killed=-1", "min_killed"),
        ("weapon=catapult", "weapon"),
        ("base=nowhere", "base"),
        ("claimed=maybe", "claimed"),
        ("ordering=date", "ordering"),
        ("page_size=10", "page_size"),
        ("country=IQ&country=SY", "country"),
        ("format=geojson", "format"),
    ],
)
def test_malformed_or_unknown_parameters_answer_400_naming_them(api, world, query, parameter):
    response = api.get(f"{URL}?{query}")
    assert response.status_code == 400
    assert parameter in response.json()


def test_a_fixed_number_of_queries(api, many, django_assert_num_queries):  # noqa: F811
    # data version (1) + the column arrays (1) + the base and faction lookups (2, once per data version)
    with django_assert_num_queries(4):
        assert api.get(URL).status_code == 200


def test_gzipped_when_accepted_and_much_smaller_than_geojson(api, many):  # noqa: F811
    plain = api.get(URL)
    assert "Content-Encoding" not in plain
    zipped = api.get(URL, HTTP_ACCEPT_ENCODING="gzip")
    assert zipped["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in zipped["Vary"]
    assert json.loads(gzip.decompress(zipped.content)) == json.loads(plain.content)
    geojson = api.get("/api/v1/incidents/?format=geojson")
    assert len(plain.content) * 4 < len(geojson.content)


def test_other_incident_views_and_pages_are_not_gzipped(api, world, client):
    assert "Content-Encoding" not in api.get("/api/v1/incidents/?format=geojson", HTTP_ACCEPT_ENCODING="gzip")
    assert "Content-Encoding" not in client.get("/", HTTP_ACCEPT_ENCODING="gzip")


def test_conditional_requests_answer_304_also_when_gzipped(api, world):
    first = api.get(URL, HTTP_ACCEPT_ENCODING="gzip")
    assert first["Last-Modified"].endswith("GMT")
    # gzip weakens the ETag (W/"..."); the weak form still matches.
    assert api.get(URL, HTTP_IF_NONE_MATCH=first["ETag"], HTTP_ACCEPT_ENCODING="gzip").status_code == 304
    assert api.get(URL, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304
    assert api.get(f"{URL}?country=IQ", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


def test_empty_result_has_empty_columns(api, world):
    points = _points(api.get(f"{URL}?country=QA"))
    assert points["count"] == 0
    assert all(points[name] == [] for name in points["columns"])


@pytest.mark.parametrize("in_database", [True, False])
def test_database_and_python_builders_agree(world, in_database):
    if in_database and connection.vendor != "postgresql":
        pytest.skip("array_agg is the PostgreSQL path")
    qs = Incident.objects.published()
    built = json.loads(incidents_points(qs, in_database=in_database))
    assert built == json.loads(incidents_points(qs, in_database=False))


@pytest.mark.django_db
def test_postgresql_sessions_write_dates_in_iso_style():
    # The database builder writes each date as its text, which is YYYY-MM-DD only in the ISO style.
    if connection.vendor != "postgresql":
        pytest.skip("DateStyle is a PostgreSQL setting")
    with connection.cursor() as cursor:
        cursor.execute("SHOW DateStyle")
        assert cursor.fetchone()[0].startswith("ISO")
        cursor.execute("SELECT DATE '2024-01-28'::text")
        assert cursor.fetchone()[0] == "2024-01-28"


def test_schema_documents_the_points_endpoint(api):
    schema = api.get("/api/schema/?format=json").json()
    operation = schema["paths"][URL]["get"]
    names = {p["name"] for p in operation["parameters"]}
    assert {"date_from", "faction", "bbox", "q", "status"} <= names
    assert "ordering" not in names
    content = operation["responses"]["200"]["content"]["application/json"]["schema"]
    assert {"id", "lat", "lon", "bases", "factions"} <= set(content["properties"])


def test_lookups_are_read_once_per_data_version_and_follow_a_rename(api, world, django_assert_num_queries):
    api.get(f"{URL}?country=IQ")
    # A new filter at the same data version: the data version and the points, no base or faction query.
    with django_assert_num_queries(2):
        points = _points(api.get(f"{URL}?country=SY"))
    assert points["bases"][str(world.tanf.pk)]["name"] == world.tanf.name
    world.tanf.name = "At-Tanf garrison"
    world.tanf.save(update_fields=["name"])
    world.kh.name = "Kata'ib Hezbollah (renamed)"
    world.kh.save(update_fields=["name"])
    points = _points(api.get(f"{URL}?country=SY&weapon=drone"))
    assert points["bases"][str(world.tanf.pk)]["name"] == "At-Tanf garrison"
    assert points["factions"][str(world.kh.pk)]["name"] == "Kata'ib Hezbollah (renamed)"
