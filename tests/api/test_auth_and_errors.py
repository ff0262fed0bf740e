import pytest
from django.core.cache import caches
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient
from rest_framework.throttling import SimpleRateThrottle

from incidents.models import Incident
from tests.factories import UserFactory


def test_reads_are_open_to_anonymous_users(api, world):
    assert api.get("/api/v1/incidents/").status_code == 200


def test_write_without_credentials_is_401_with_a_message(api, world):
    response = api.post(f"/api/v1/incidents/{world.draft.pk}/publish/")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert response.json() == {"detail": "Authentication credentials were not provided."}
    world.draft.refresh_from_db()
    assert world.draft.status == Incident.Status.DRAFT


def test_bad_token_is_401(api, world):
    api.credentials(HTTP_AUTHORIZATION="Token not-a-real-key")
    response = api.post(f"/api/v1/incidents/{world.draft.pk}/publish/")
    assert response.status_code == 401
    assert response.json() == {"detail": "Invalid token."}


def test_non_editor_token_is_403(api, world):
    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=UserFactory()).key}")
    response = api.post(f"/api/v1/incidents/{world.draft.pk}/publish/")
    assert response.status_code == 403
    assert "editors" in response.json()["detail"]


def test_editor_token_publishes(editor_api, editor, world):
    response = editor_api.post(f"/api/v1/incidents/{world.draft.pk}/publish/")
    assert response.status_code == 200
    assert response.json()["status"] == "published"
    world.draft.refresh_from_db()
    assert (world.draft.status, world.draft.reviewed_by) == (Incident.Status.PUBLISHED, editor)


def test_editor_token_rejects(editor_api, world):
    assert editor_api.post(f"/api/v1/incidents/{world.draft.pk}/reject/").json()["status"] == "rejected"


def test_session_write_needs_the_csrf_token(editor, world):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(editor)
    response = client.post(f"/api/v1/incidents/{world.draft.pk}/publish/")
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]
    client.get("/accounts/profile/")  # sets the CSRF cookie
    token = client.cookies["csrftoken"].value
    response = client.post(f"/api/v1/incidents/{world.draft.pk}/publish/", HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 200


def test_unknown_incident_is_a_json_404(api, world):
    response = api.get("/api/v1/incidents/999999/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"


def test_errors_are_json_even_when_csv_was_asked(api, world):
    response = api.get("/api/v1/incidents/?format=csv&bbox=nonsense")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert "bbox" in response.json()


def test_unknown_method_is_a_json_405(editor_api, world):
    response = editor_api.delete("/api/v1/incidents/")
    assert response.status_code == 405
    assert response.json() == {"detail": 'Method "DELETE" not allowed.'}


@pytest.fixture
def low_anon_rate(monkeypatch):
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"anon": "3/minute", "user": "1000/minute"})
    caches["throttle"].clear()


def test_anonymous_reads_are_throttled_with_429(api, world, low_anon_rate):
    statuses = [api.get("/api/v1/bases/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    response = api.get("/api/v1/factions/")
    assert response.status_code == 429
    assert "throttled" in response.json()["detail"]
    assert int(response["Retry-After"]) > 0


def test_editors_have_their_own_rate(editor_api, world, low_anon_rate):
    assert {editor_api.get("/api/v1/bases/").status_code for _ in range(5)} == {200}


@pytest.mark.parametrize("raw", ["abc", "-1", "²", "99999999999999999999999", "0"])
def test_malformed_incident_id_is_a_json_404(api, world, raw):
    response = api.get(f"/api/v1/incidents/{raw}/")
    assert response.status_code == 404
    assert response.json() == {"detail": "No Incident matches the given query."}
