from rest_framework.authtoken.models import Token

from tests.factories import UserFactory


def test_profile_needs_login(client, db):
    response = client.get("/accounts/profile/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_editor_creates_a_token_shown_on_the_profile(editor_client, editor):
    assert "Create a token" in editor_client.get("/accounts/profile/").content.decode()
    response = editor_client.post("/accounts/profile/token/")
    assert response.status_code == 302
    token = Token.objects.get(user=editor)
    assert token.key in editor_client.get("/accounts/profile/").content.decode()


def test_new_token_replaces_the_old_one(editor_client, editor):
    editor_client.post("/accounts/profile/token/")
    old = Token.objects.get(user=editor).key
    editor_client.post("/accounts/profile/token/")
    assert Token.objects.get(user=editor).key != old


def test_editor_revokes_the_token(editor_client, editor, api):
    editor_client.post("/accounts/profile/token/")
    key = Token.objects.get(user=editor).key
    editor_client.post("/accounts/profile/token/revoke/")
    assert not Token.objects.filter(user=editor).exists()
    api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert api.get("/api/v1/bases/").status_code == 401


def test_token_actions_need_post(editor_client, editor):
    assert editor_client.get("/accounts/profile/token/").status_code == 405
    assert not Token.objects.filter(user=editor).exists()


def test_token_forms_need_csrf(editor):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    assert client.post("/accounts/profile/token/").status_code == 403
    assert not Token.objects.exists()


def test_non_editors_get_no_token(client, db):
    user = UserFactory()
    client.force_login(user)
    assert "API tokens are for editors" in client.get("/accounts/profile/").content.decode()
    assert client.post("/accounts/profile/token/").status_code == 403
    assert not Token.objects.exists()
