"""Requests found to answer 500 answer a JSON 400 or 404 instead: a cursor whose timestamp carries an offset
PostgreSQL refuses (+23:59), a NUL byte in a path or query, a JSON body nested 1000 deep. With DEBUG off,
as in production."""

from __future__ import annotations

import base64
import json

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture
def production(settings):
    settings.DEBUG = False
    return Client(raise_request_exception=False)


def _cursor(ordering: str, value: object, pk: object = 1) -> str:
    raw = json.dumps({"o": ordering, "v": value, "id": pk}).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


@pytest.mark.parametrize("ordering", ["-updated_at", "updated_at", "-created_at", "created_at"])
@pytest.mark.parametrize(
    "stamp",
    [
        "2024-01-01T00:00:00+23:59",
        "2024-01-01T00:00:00-23:59",
        "0001-01-01T00:00:00+05:00",
        "9999-12-31T23:59:59-05:00",
    ],
)
def test_cursor_timestamps_with_any_offset_answer_without_error(production, world, ordering, stamp):
    response = production.get("/api/v1/incidents/", {"ordering": ordering, "cursor": _cursor(ordering, stamp)})
    assert response.status_code in (200, 400), response.content
    assert response["Content-Type"] == "application/json"


def test_an_offset_cursor_continues_where_the_same_instant_in_utc_would(production, world):
    # 2024-01-01T23:59+23:59 is 2024-01-01T00:00Z: both cursors give the same page.
    utc = production.get(
        "/api/v1/incidents/", {"ordering": "-updated_at", "cursor": _cursor("-updated_at", "2030-01-01T00:00:00+00:00")}
    )
    offset = production.get(
        "/api/v1/incidents/", {"ordering": "-updated_at", "cursor": _cursor("-updated_at", "2030-01-01T23:59:00+23:59")}
    )
    assert utc.status_code == offset.status_code == 200
    assert utc.json()["results"] == offset.json()["results"]


@pytest.mark.parametrize(
    "value", [None, 1.5, [], {}, "x", "2024-13-40T00:00:00+00:00", "2024-01-01T00:00:00", "\x00", 10**40, True]
)
@pytest.mark.parametrize("ordering", ["-updated_at", "-date", "-killed", "id"])
def test_tampered_cursor_values_are_a_400(production, world, value, ordering):
    response = production.get("/api/v1/incidents/", {"ordering": ordering, "cursor": _cursor(ordering, value, 2**70)})
    assert response.status_code == 400, response.content
    assert "cursor" in response.json()


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/bases/%00/",
        "/api/v1/factions/%00/",
        "/api/v1/bases/al-asad%00/",
        "/api/v1/incidents/%00/",
        "/api/v1/incidents/1%00/publish/",
        "/api/v1/articles/%00/",
    ],
)
def test_a_nul_byte_in_an_api_path_is_a_json_404(production, world, path):
    response = production.get(path)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert "detail" in response.json()


@pytest.mark.parametrize("path", ["/bases/%00/", "/factions/%00/", "/incidents/%00/", "/%00"])
def test_a_nul_byte_in_a_page_path_is_a_404(production, world, path):
    assert production.get(path).status_code == 404


@pytest.mark.parametrize(
    "query",
    ["base=%00", "faction=kh%00", "q=a%00b", "cursor=%00", "ordering=%00", "since=%00", "%00=1"],
)
def test_a_nul_byte_in_an_api_query_is_a_json_400(production, world, query):
    for path in ("/api/v1/incidents/", "/api/v1/incidents/points/", "/api/v1/stats/timeline/", "/api/v1/changes/"):
        response = production.get(f"{path}?{query}")
        assert response.status_code == 400, (path, query)
        assert response["Content-Type"] == "application/json"


def test_a_nul_byte_in_a_page_query_is_a_400(production, world):
    assert production.get("/?q=%00").status_code == 400
    assert production.get("/bases/?country=%00").status_code == 400


@pytest.mark.parametrize("depth", [33, 1000, 100_000])
@pytest.mark.parametrize("opening", ["[", '{"text":'])
def test_deeply_nested_json_is_a_400(production, editor_token, world, depth, opening):
    closing = "]" if opening == "[" else "}"
    body = opening * depth + "1" + closing * depth
    for path in ("/api/v1/articles/", f"/api/v1/incidents/{world.draft.pk}/publish/"):
        response = production.post(
            path, body, content_type="application/json", HTTP_AUTHORIZATION=f"Token {editor_token}"
        )
        assert response.status_code == 400, (path, response.content[:200])
        assert "nested" in response.json()["detail"]


def test_json_nested_a_few_levels_is_still_read(production, editor_token, world):
    body = {"text": [[["not a string"]]], "published": "2024-01-02"}
    response = production.post(
        "/api/v1/articles/",
        json.dumps(body),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Token {editor_token}",
    )
    assert response.status_code == 400
    assert "text" in response.json()  # a field error, not a parse error
