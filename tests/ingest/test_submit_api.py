"""POST /api/v1/articles/ with a token or a session; GET /api/v1/articles/<id>/ for the status."""

from __future__ import annotations

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from ingest.models import Article
from tests.factories import UserFactory
from tests.ingest.conftest import ARTICLE_A

URL = "/api/v1/articles/"
GOOD = {"text": ARTICLE_A, "published": "2024-01-18", "title": "Rockets", "url": "https://example.org/a"}


@pytest.fixture
def token_client(editor):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=editor).key}")
    return client


def test_api_submit_with_token_answers_202_with_status_url(token_client, asad, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = token_client.post(URL, GOOD, format="json")
    article = Article.objects.get()
    assert response.status_code == 202
    body = response.json()
    assert body["id"] == article.pk
    assert body["status"] == "queued"
    assert body["status_url"].endswith(f"/api/v1/articles/{article.pk}/")
    assert response["Location"] == body["status_url"]
    assert article.submitted_by.username == "editor"

    status = token_client.get(body["status_url"])
    assert status.status_code == 200
    assert status.json()["status"] == "done"
    assert status.json()["incidents"][0]["outcome"] == "created"


def test_api_submit_with_session_needs_csrf(editor, asad):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(editor)
    assert client.post(URL, GOOD, format="json").status_code == 403
    assert Article.objects.count() == 0


def test_api_anonymous_gets_401(db):
    response = APIClient().post(URL, GOOD, format="json")
    assert response.status_code == 401
    assert "WWW-Authenticate" in response
    assert Article.objects.count() == 0


def test_api_non_editor_gets_403(db):
    user = UserFactory(username="reader")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    assert client.post(URL, GOOD, format="json").status_code == 403
    article = Article.objects.create(text="x", published="2024-01-01")
    assert client.get(f"{URL}{article.pk}/").status_code == 403
    assert Article.objects.count() == 1


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"published": "2024-01-18"}, "text"),
        ({"text": "", "published": "2024-01-18"}, "text"),
        ({"text": "x\x00y", "published": "2024-01-18"}, "text"),
        ({"text": "ok"}, "published"),
        ({"text": "ok", "published": "2999-01-01"}, "published"),
        ({"text": "ok", "published": "1970-01-01"}, "published"),
        ({"text": "ok", "published": "18/01/2024"}, "published"),
        ({"text": "ok", "published": "2024-01-18", "url": "notaurl"}, "url"),
    ],
)
def test_api_rejects_bad_input_with_field_errors(token_client, payload, field):
    response = token_client.post(URL, payload, format="json")
    assert response.status_code == 400
    assert field in response.json()
    assert Article.objects.count() == 0


def test_api_rejects_over_long_text(token_client, settings):
    settings.ARTICLE_MAX_CHARS = 1000
    response = token_client.post(URL, {"text": "y" * 1001, "published": "2024-01-18"}, format="json")
    assert response.status_code == 400
    assert "limit" in response.json()["text"][0]
