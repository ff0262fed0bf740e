import pytest
from django.db import connection

from incidents.models import Incident
from incidents.selectors import export


def test_format_parameter_returns_a_feature_collection_of_every_match(api, world):
    response = api.get("/api/v1/incidents/?format=geojson")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    body = response.json()
    assert body["type"] == "FeatureCollection"
    assert [f["id"] for f in body["features"]] == [world.syria.pk, world.drone.pk, world.rocket.pk, world.unsourced.pk]


def test_accept_header_selects_geojson(api, world):
    response = api.get("/api/v1/incidents/", HTTP_ACCEPT="application/geo+json")
    assert response["Content-Type"] == "application/geo+json"
    assert response.json()["type"] == "FeatureCollection"


def test_feature_geometry_is_lon_lat_and_properties_are_useful(api, world):
    features = {f["id"]: f for f in api.get("/api/v1/incidents/?format=geojson").json()["features"]}
    drone = features[world.drone.pk]
    assert drone["geometry"] == {"type": "Point", "coordinates": [38.7, 33.3]}
    props = drone["properties"]
    assert props["date"] == "2024-01-28"
    assert props["base_name"] == "Tower 22"
    assert props["base_slug"] == "tower-22"
    assert props["weapons"] == ["drone"]
    assert (props["killed"], props["injured"], props["launched"], props["intercepted"]) == (3, 47, 1, None)
    assert props["perpetrator_name"] == "KH Drone Unit"
    assert props["claimed"] is False
    assert props["url"] == f"http://testserver/incidents/{world.drone.pk}/"
    assert features[world.unsourced.pk]["geometry"] is None


def test_geojson_is_not_paginated(api, world):
    assert len(api.get("/api/v1/incidents/?format=geojson").json()["features"]) == 4


@pytest.mark.parametrize("in_database", [True, False])
def test_database_and_python_builders_agree(world, in_database):
    if in_database and connection.vendor != "postgresql":
        pytest.skip("json_agg is the PostgreSQL path")
    import json

    qs = Incident.objects.published()
    built = json.loads(export.incidents_geojson(qs, url_prefix="/i/", in_database=in_database))
    reference = json.loads(export.incidents_geojson(qs, url_prefix="/i/", in_database=False))
    assert built == reference


def test_empty_result_is_an_empty_collection(api, world):
    body = api.get("/api/v1/incidents/?format=geojson&country=QA").json()
    assert body == {"type": "FeatureCollection", "features": []}


def test_the_text_built_collection_is_json_build_objects_byte_for_byte(world):
    """The PostgreSQL path writes the features as text: the same bytes json_build_object/json_agg write."""
    if connection.vendor != "postgresql":
        pytest.skip("the PostgreSQL path")
    from tests.factories import BaseFactory, FactionFactory, IncidentFactory

    IncidentFactory(
        base=None,
        place='Camp "Quote" \\ back\\slash, ünïcode ✓\nnew line\ttab',
        latitude=None,
        longitude=None,
        weapons=["rocket", "drone"],
        launched=12,
        intercepted=3,
        killed=None,
        injured=0,
        claimed=True,
    )
    IncidentFactory(latitude=-33.123456789, longitude=1e-05, weapons=[], claimed=False, killed=7)
    # Sites' and groups' names and slugs are written once per site or group: escaped as in each feature.
    named = FactionFactory(slug="q-g", name='Group "G" \\ ü\t')
    IncidentFactory(
        base=BaseFactory(slug="q-b", name='Base "B" \\ ✓\n'), perpetrator=named, claimed=True, claimed_by=named
    )
    for incidents in (Incident.objects.all(), Incident.objects.published(), Incident.objects.filter(country="QA")):
        built = export.incidents_geojson(incidents, url_prefix='http://h/"i"/', in_database=True)
        assert built == export.geojson_by_json_build_object(incidents, url_prefix='http://h/"i"/')
