"""Unknown or malformed query parameters answer 400 naming the parameter, never 500 or silence."""

import pytest

CASES = [
    ("/api/v1/incidents/?colour=red", "colour"),
    ("/api/v1/incidents/?date_from=2024-13-01", "date_from"),
    ("/api/v1/incidents/?date_to=yesterday", "date_to"),
    ("/api/v1/incidents/?country=XX", "country"),
    ("/api/v1/incidents/?weapon=catapult", "weapon"),
    ("/api/v1/incidents/?claimed=maybe", "claimed"),
    ("/api/v1/incidents/?min_killed=-1", "min_killed"),
    ("/api/v1/incidents/?min_killed=1.5", "min_killed"),
    ("/api/v1/incidents/?min_injured=99999999999999999999", "min_injured"),
    ("/api/v1/incidents/?bbox=1,2,3", "bbox"),
    ("/api/v1/incidents/?bbox=a,b,c,d", "bbox"),
    ("/api/v1/incidents/?bbox=40,30,39,35", "bbox"),
    ("/api/v1/incidents/?bbox=0,-91,1,0", "bbox"),
    ("/api/v1/incidents/?status=lost", "status"),
    ("/api/v1/incidents/?ordering=colour", "ordering"),
    ("/api/v1/incidents/?q=" + "x" * 201, "q"),
    ("/api/v1/incidents/?q=a%00b", "q"),
    ("/api/v1/incidents/?base=,", "base"),
    ("/api/v1/incidents/?faction=nobody", "faction"),
    ("/api/v1/incidents/?page_size=0", "page_size"),
    ("/api/v1/incidents/?page_size=501", "page_size"),
    ("/api/v1/incidents/?page_size=ten", "page_size"),
    ("/api/v1/incidents/?count=yes", "count"),
    ("/api/v1/incidents/?cursor=garbage", "cursor"),
    ("/api/v1/incidents/?format=xml", "format"),
    ("/api/v1/incidents/?country=IQ&country=SY", "country"),
    ("/api/v1/incidents/?format=csv&page_size=10", "page_size"),
    ("/api/v1/incidents/?format=geojson&cursor=abc", "cursor"),
    ("/api/v1/incidents/?format=geojson&ordering=date", "ordering"),
    ("/api/v1/stats/timeline/?interval=year", "interval"),
    ("/api/v1/stats/timeline/?split=colour", "split"),
    ("/api/v1/stats/timeline/?ordering=date", "ordering"),
    ("/api/v1/changes/", "since"),
    ("/api/v1/changes/?since=last-tuesday", "since"),
    ("/api/v1/changes/?since=2024-01-01&limit=0", "limit"),
    ("/api/v1/changes/?since=2024-01-01&after_id=x", "after_id"),
    ("/api/v1/bases/?country=IQ", "country"),
    ("/api/v1/factions/?page_size=2", "page_size"),
    ("/api/v1/incidents/1/?status=draft", "status"),
]


@pytest.mark.parametrize(("url", "param"), CASES)
def test_bad_parameter_is_a_400_naming_it(api, world, url, param):
    response = api.get(url)
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/json"
    assert param in response.json()


def test_error_message_lists_the_accepted_parameters(api, world):
    message = api.get("/api/v1/bases/?colour=red").json()["colour"][0]
    assert message == "Unknown parameter. This endpoint accepts: format."
