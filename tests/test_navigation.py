"""Navigation shows each user what they may use; unknown API paths answer JSON."""

import pytest

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_editors_see_submit_and_review_links(editor_client):
    body = editor_client.get("/").content.decode()
    assert "Submit article" in body
    assert "Review queue" in body
    assert "/accounts/profile/" in body


def test_logged_in_non_editors_do_not_see_editor_links(client):
    client.force_login(UserFactory(username="reader"))
    body = client.get("/").content.decode()
    assert "Submit article" not in body
    assert "Review queue" not in body
    assert "/accounts/profile/" in body


def test_anonymous_users_see_log_in(client):
    body = client.get("/").content.decode()
    assert "Log in" in body
    assert "Review queue" not in body


def test_unknown_api_path_answers_json_404(client):
    response = client.get("/api/v1/nothing-here/")
    assert response.status_code == 404
    assert response.json()["detail"].startswith("No API endpoint")
