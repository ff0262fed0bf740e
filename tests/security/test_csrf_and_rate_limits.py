"""Every state-changing form needs its CSRF token; logins lock out after repeated failures (django-axes);
the API answers 429 past its rate."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client
from rest_framework.authtoken.models import Token
from rest_framework.throttling import SimpleRateThrottle

from incidents.models import Incident
from ingest.models import Article
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def strict_editor(editor) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    return client


def test_every_state_changing_form_refuses_a_post_without_csrf(strict_editor, editor, world):
    Token.objects.create(user=editor)
    draft = world.draft
    posts = [
        ("/articles/submit/", {"text": "Rockets hit Ain al-Asad air base on Tuesday.", "published": "2024-01-18"}),
        (f"/review/{draft.pk}/", {"summary": "forged", "date": "2024-03-01", "date_precision": "day"}),
        (f"/review/{draft.pk}/publish/", {}),
        (f"/review/{draft.pk}/reject/", {}),
        ("/accounts/profile/token/", {}),
        ("/accounts/profile/token/revoke/", {}),
        ("/accounts/logout/", {}),
        ("/api/v1/articles/", {"text": "Rockets hit a base on Tuesday.", "published": "2024-01-18"}),
        (f"/api/v1/incidents/{draft.pk}/publish/", {}),
    ]
    for url, data in posts:
        response = strict_editor.post(url, data)
        assert response.status_code == 403, (url, response.status_code)
    draft.refresh_from_db()
    assert (draft.status, draft.summary) == (Incident.Status.DRAFT, "Draft-only secret incident.")
    assert not Article.objects.filter(text__startswith="Rockets hit").exists()
    assert Token.objects.filter(user=editor).count() == 1
    assert strict_editor.get("/articles/submit/").status_code == 200  # still logged in: logout was refused


def test_the_login_form_needs_csrf_too(db):
    UserFactory(username="alice")
    client = Client(enforce_csrf_checks=True)
    response = client.post("/accounts/login/", {"username": "alice", "password": "correct horse battery staple"})
    assert response.status_code == 403


def test_logins_lock_out_after_repeated_failures(db):
    UserFactory(username="alice")
    client = Client()
    answers = [
        client.post("/accounts/login/", {"username": "alice", "password": "wrong"}).status_code
        for _ in range(settings.AXES_FAILURE_LIMIT)
    ]
    # The form again with its error, until the failure that reaches the limit locks the door.
    assert answers == [200] * (settings.AXES_FAILURE_LIMIT - 1) + [429]
    # Locked: even the right password is refused now, from this address.
    response = client.post("/accounts/login/", {"username": "alice", "password": "correct horse battery staple"})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    # The lock is on this user name from this address (tests/security/test_client_address.py has the rest).


def test_api_throttling_answers_429_with_retry_after(client, world, monkeypatch):
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"anon": "5/minute", "user": "1000/minute"})
    answers = [client.get("/api/v1/incidents/").status_code for _ in range(7)]
    assert answers[:5] == [200] * 5
    assert answers[5:] == [429, 429]
    response = client.get("/api/v1/bases/")
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert response["Content-Type"] == "application/json"
