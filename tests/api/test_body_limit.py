"""A body over DATA_UPLOAD_MAX_MEMORY_SIZE sent to the API is a JSON 413 naming the limit (pages keep 400)."""

from __future__ import annotations

import json

import pytest
from django.core.exceptions import RequestDataTooBig
from django.test import Client, RequestFactory

from config.errors import bad_request
from ingest.models import Article

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_limit(settings):
    settings.DEBUG = False
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    return settings.DATA_UPLOAD_MAX_MEMORY_SIZE


def test_an_oversized_api_body_is_a_json_413_naming_the_limit(editor_token, small_limit):
    body = json.dumps({"text": "Rockets hit a base. " * 1000, "published": "2024-01-02"})
    client = Client(raise_request_exception=False)
    response = client.post(
        "/api/v1/articles/", body, content_type="application/json", HTTP_AUTHORIZATION=f"Token {editor_token}"
    )
    assert response.status_code == 413
    assert response["Content-Type"] == "application/json"
    assert response.json()["code"] == "request_too_large"
    assert response.json()["limit"] == small_limit
    assert "DATA_UPLOAD_MAX_MEMORY_SIZE" in response.json()["detail"]
    assert "10,000 bytes" in response.json()["detail"]
    assert not Article.objects.exists()


def test_anonymous_oversized_api_bodies_get_the_same_answer(small_limit):
    response = Client(raise_request_exception=False).post(
        "/api/v1/incidents/1/publish/", "x" * 20_000, content_type="application/json"
    )
    assert response.status_code == 413
    assert response.json()["code"] == "request_too_large"


def test_a_body_found_too_large_while_read_is_a_json_413_under_the_api(small_limit):
    # A chunked body has no Content-Length: Django finds it too large while reading and answers with handler400.
    request = RequestFactory().post("/api/v1/articles/")
    response = bad_request(request, RequestDataTooBig("too big"))
    assert response.status_code == 413
    assert json.loads(response.content)["code"] == "request_too_large"


def test_the_form_keeps_djangos_400(editor, small_limit):
    client = Client(raise_request_exception=False)
    client.force_login(editor)
    response = client.post("/articles/submit/", {"text": "x" * 20_000, "published": "2024-01-02"})
    assert response.status_code == 400
    assert not Article.objects.exists()
