import pytest

from tests.api.conftest import ids
from tests.factories import IncidentFactory


def _ids(api, query):
    response = api.get(f"/api/v1/incidents/?{query}")
    assert response.status_code == 200, response.json()
    return set(ids(response))


def test_date_range(api, world):
    assert _ids(api, "date_from=2024-01-02&date_to=2024-01-28") == {world.rocket.pk, world.drone.pk}


def test_base_accepts_repeats_and_comma_lists(api, world):
    expected = {world.rocket.pk, world.drone.pk}
    assert _ids(api, "base=al-asad&base=tower-22") == expected
    assert _ids(api, "base=al-asad,tower-22") == expected


def test_unknown_base_is_named(api, world):
    response = api.get("/api/v1/incidents/?base=al-asad,atlantis")
    assert response.status_code == 400
    assert response.json() == {"base": ["Unknown base: atlantis."]}


def test_umbrella_faction_includes_nested_members(api, world):
    assert _ids(api, "faction=iri") == {world.rocket.pk, world.drone.pk}
    assert _ids(api, "faction=kh-unit") == {world.drone.pk}
    assert _ids(api, "faction=other") == {world.syria.pk}


def test_country_weapon_claimed(api, world):
    assert _ids(api, "country=SY") == {world.syria.pk}
    assert _ids(api, "weapon=rocket") == {world.rocket.pk}
    assert _ids(api, "weapon=drone") == {world.rocket.pk, world.drone.pk}
    assert _ids(api, "claimed=true") == {world.rocket.pk}
    assert world.rocket.pk not in _ids(api, "claimed=false")


def test_minimum_casualties(api, world):
    assert _ids(api, "min_killed=1") == {world.drone.pk}
    assert _ids(api, "min_injured=2") == {world.rocket.pk, world.drone.pk}


def test_bbox(api, world):
    # Jordan and Syria's desert border, not Anbar.
    assert _ids(api, "bbox=38,33,39,34") == {world.drone.pk, world.syria.pk}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tower 22", "drone"),
        ("al-tanf", "syria"),
        ("erbil", "unsourced"),
        ("struck the base", "rocket"),  # an evidence sentence
        ("barrage", "rocket"),  # an article title
    ],
)
def test_free_text_over_summary_place_base_titles_and_evidence(api, world, text, expected):
    assert _ids(api, f"q={text}") == {getattr(world, expected).pk}


def test_free_text_returns_each_incident_once(api, world):
    # Both of the Tower 22 incident's sources mention "Tower 22".
    assert ids(api.get("/api/v1/incidents/?q=Tower 22")) == [world.drone.pk]


def test_combined_filters(api, world):
    assert _ids(api, "faction=iri&country=IQ&weapon=drone&date_from=2024-01-01") == {world.rocket.pk}


@pytest.mark.parametrize(
    ("ordering", "expected"),
    [
        ("date", ["unsourced", "rocket", "drone", "syria"]),
        ("-killed", ["drone", "rocket", "unsourced", "syria"]),
        ("injured", ["syria", "unsourced", "rocket", "drone"]),
    ],
)
def test_ordering(api, world, ordering, expected):
    world.unsourced.killed = 0
    world.unsourced.save()
    got = ids(api.get(f"/api/v1/incidents/?ordering={ordering}"))
    if ordering == "-killed":
        # killed: drone 3, rocket 0 and unsourced 0 (tie broken by -id), syria unknown (last).
        expected = ["drone", "unsourced", "rocket", "syria"]
    assert got == [getattr(world, name).pk for name in expected]


def test_filters_apply_to_the_exports_too(api, world):
    geo = api.get("/api/v1/incidents/?format=geojson&faction=iri").json()
    assert {f["id"] for f in geo["features"]} == {world.rocket.pk, world.drone.pk}
    csv_body = b"".join(api.get("/api/v1/incidents/?format=csv&country=SY").streaming_content).decode()
    assert len(csv_body.strip().splitlines()) == 2


def test_new_incidents_match_filters_by_base(api, world):
    extra = IncidentFactory(base=world.tower)
    assert _ids(api, "base=tower-22") == {world.drone.pk, extra.pk}
