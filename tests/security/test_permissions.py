"""Who may see and do what, swept over every surface: pages, API filters, exports, timeline, changes feed,
the review queue; non-editors cannot submit, edit or publish; an editor's token is no admin key."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from incidents.models import Incident
from ingest.models import Article
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SECRETS = ("Draft-only secret incident.", "Rejected secret incident.", "secret-submitter", "Draft article")

PUBLIC_READS = [
    "/",
    "/?status=draft",
    "/bases/al-asad/",
    "/bases/al-tanf/",
    "/factions/kh/",
    "/api/v1/incidents/",
    "/api/v1/incidents/?format=geojson",
    "/api/v1/incidents/?format=csv",
    "/api/v1/incidents/?q=secret",
    "/api/v1/incidents/?base=al-tanf&date_from=2024-03-01",
    "/api/v1/incidents/?min_killed=9",
    "/api/v1/stats/timeline/?interval=day",
    "/api/v1/stats/timeline/?split=faction",
    "/api/v1/changes/?since=2000-01-01T00:00:00Z",
    "/api/v1/bases/",
    "/api/v1/factions/",
    "/api/schema/",
]


@pytest.mark.parametrize("url", PUBLIC_READS)
def test_anonymous_reads_never_reveal_drafts_rejected_or_submitters(client, world, url):
    response = client.get(url)
    assert response.status_code in {200, 400}, (url, response.status_code)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    text = body.decode()
    for secret in SECRETS:
        assert secret not in text, (url, secret)
    # Bases and factions have ids of their own that may equal a hidden incident's: only bodies that
    # list incidents are searched for incident ids.
    lists_incidents = url.startswith(("/api/v1/incidents/", "/api/v1/changes/"))
    for hidden in (world.draft, world.rejected):
        if lists_incidents:
            assert f'"id":{hidden.pk},' not in text.replace(" ", ""), (url, hidden)
        assert f"/incidents/{hidden.pk}/" not in text, (url, hidden)


@pytest.mark.parametrize("status", ["draft", "rejected", "all"])
@pytest.mark.parametrize("fmt", ["json", "geojson", "csv"])
def test_anonymous_status_filters_are_refused_in_every_format(client, world, status, fmt):
    response = client.get(f"/api/v1/incidents/?status={status}&format={fmt}")
    assert response.status_code == 403
    assert response["Content-Type"] == "application/json"
    assert "Rejected secret" not in response.content.decode()


def test_hidden_incident_pages_are_404_for_anonymous(client, world):
    for hidden in (world.draft, world.rejected):
        assert client.get(f"/incidents/{hidden.pk}/").status_code == 404
        assert client.get(f"/api/v1/incidents/{hidden.pk}/").status_code == 404


def test_editor_pages_send_anonymous_visitors_to_login(client, world):
    article = Article.objects.filter(submitted_by__username="secret-submitter").first()
    for url in (
        "/review/",
        f"/review/{world.draft.pk}/",
        "/articles/submit/",
        "/articles/mine/",
        f"/articles/{article.pk}/",
    ):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/accounts/login/"), url
    assert APIClient().get(f"/api/v1/articles/{article.pk}/").status_code == 401


@pytest.fixture
def reader(db) -> Client:
    """Logged in, but not an editor."""
    client = Client()
    client.force_login(UserFactory(username="reader"))
    return client


def test_a_logged_in_non_editor_cannot_submit_edit_or_publish(reader, world):
    draft = world.draft
    attempts = [
        ("get", "/articles/submit/", {}),
        ("post", "/articles/submit/", {"text": "Rockets hit a base.", "published": "2024-01-18"}),
        ("get", "/review/", {}),
        ("get", f"/review/{draft.pk}/", {}),
        ("post", f"/review/{draft.pk}/", {"summary": "changed by a reader", "date": "2024-03-01"}),
        ("post", f"/review/{draft.pk}/publish/", {}),
        ("post", f"/review/{draft.pk}/reject/", {}),
    ]
    for method, url, data in attempts:
        assert getattr(reader, method)(url, data).status_code == 403, (method, url)
    reader_token = Token.objects.create(user=UserFactory(username="reader2")).key
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {reader_token}")
    assert api.post("/api/v1/articles/", {"text": "x", "published": "2024-01-18"}, format="json").status_code == 403
    assert api.post(f"/api/v1/incidents/{draft.pk}/publish/").status_code == 403
    draft.refresh_from_db()
    assert draft.status == Incident.Status.DRAFT
    assert draft.summary == "Draft-only secret incident."
    assert not Article.objects.filter(text="Rockets hit a base.").exists()


def test_an_editors_token_is_no_admin_key(editor, world):
    assert editor.groups.filter(name="editors").exists()
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=editor).key}")
    # The admin ignores API tokens: every admin URL sends the bearer to the admin login.
    for url in (
        "/admin/",
        "/admin/auth/user/",
        "/admin/ingest/article/",
        f"/admin/incidents/incident/{world.rocket.pk}/",
    ):
        response = api.get(url)
        assert response.status_code == 302, url
        assert "/admin/login/" in response["Location"]
    response = api.post("/admin/auth/user/add/", {"username": "mallory", "password1": "x", "password2": "x"})
    assert response.status_code in {302, 403}
    # Nor can it delete or rewrite incidents, or grant itself anything through the API.
    for method in ("put", "patch", "delete"):
        assert getattr(api, method)(f"/api/v1/incidents/{world.rocket.pk}/").status_code == 405, method
    assert not type(editor).objects.filter(username="mallory").exists()
    assert Incident.objects.filter(pk=world.rocket.pk).exists()
    editor.refresh_from_db()
    assert not editor.is_staff
    assert not editor.is_superuser


def test_an_editor_session_is_no_admin_session_either(editor_client, world):
    response = editor_client.get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_editors_group_grants_no_model_permissions(editor, world):
    # Editing rights come from the group's membership check, not from admin model permissions.
    assert list(Group.objects.get(name="editors").permissions.all()) == []
