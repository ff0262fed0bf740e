"""The change history: anonymous readers never see who (no usernames, no user ids); the worker's changes are its own.

The issue's last row: the public page showed "reviewed by: — → 2" (a user id) and automatic
fills appeared as an editor's changes.
"""

from __future__ import annotations

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse

from incidents.models import Incident
from ingest import merge
from tests.concurrency import run_together
from tests.factories import ArticleFactory
from tests.ingest.conftest import ARTICLE_A, ARTICLE_B, PUBLISHED_A, PUBLISHED_B, count
from tests.ingest.review_forms import form_data, review_url


def _history_html(response) -> str:
    return response.content.decode().split('id="history-title"')[1].split("</section>")[0]


@pytest.fixture
def reviewed(transactional_db, gazetteer, editor, editor_client):
    """An article submitted by an editor (parsed in-process, inside that editor's request), then corrected,
    published, and joined by a second article."""
    for text, published in ((ARTICLE_A, PUBLISHED_A),):
        response = editor_client.post(reverse("ingest:article-submit"), {"text": text, "published": published})
        assert response.status_code == 302
    incident = Incident.objects.get()
    assert editor_client.post(review_url(incident), form_data(incident, killed=1, action="publish")).status_code == 302
    editor_client.post(reverse("ingest:article-submit"), {"text": ARTICLE_B, "published": PUBLISHED_B})
    incident.refresh_from_db()
    assert incident.sources.count() == 2
    return incident


def test_anonymous_readers_see_no_usernames_and_no_user_ids(reviewed, editor):
    response = Client().get(reviewed.get_absolute_url())
    assert response.status_code == 200
    rows = response.context["history"]
    # newest first: the second article joined (worker), the editor published with a fix, the worker created it
    users = [r["user"] for r in rows]
    assert users[-1] == "the ingest worker"
    assert set(users[: users.index("an editor")]) == {"the ingest worker"}
    assert users.count("an editor") == 1
    html = _history_html(response)
    assert f"by {editor.username}" not in html
    assert "reviewed by" not in html
    assert all(c["field"] != "reviewed by" for r in rows for c in r["changes"])  # no user id anywhere
    assert "an editor" in html


def test_the_workers_changes_read_as_the_workers_even_when_an_editors_request_ran_them(reviewed):
    created = reviewed.history.order_by("history_id").first()
    assert created.history_user is None


def test_editors_see_who_did_what(reviewed, editor, editor_client):
    rows = editor_client.get(reviewed.get_absolute_url()).context["history"]
    users = [r["user"] for r in rows]
    assert users.count("editor") == 1
    assert set(users) == {"editor", "the ingest worker"}
    changes = {c["field"]: (c["old"], c["new"]) for c in rows[users.index("editor")]["changes"]}
    assert changes["reviewed by"] == ("—", "editor")  # a name, never an id
    assert changes["status"] == ("Draft", "Published")
    review = editor_client.get(review_url(reviewed)).context["history"]
    assert [e.who for e in review] == users


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_editor_and_worker_changes_are_each_attributed(gazetteer, asad, extracted, editor):
    article = ArticleFactory()
    with transaction.atomic():
        merge.incidents_merge(article=article, extracted=[extracted(asad, launched=count(2))])
    incident = Incident.objects.get()
    editor_browser = Client()
    editor_browser.force_login(editor)
    form = form_data(incident, summary="Checked.", action="publish")

    def worker():
        with transaction.atomic():
            merge.incidents_merge(article=ArticleFactory(), extracted=[extracted(asad, launched=count(6))])

    saved, _ = run_together(lambda: editor_browser.post(review_url(incident), form), worker)
    if saved.status_code == 409:  # the worker went first: re-apply on the new version
        incident.refresh_from_db()
        saved = editor_browser.post(review_url(incident), form_data(incident, summary="Checked.", action="publish"))
    assert saved.status_code == 302
    html = _history_html(Client().get(incident.get_absolute_url()))
    assert "the ingest worker" in html
    assert "an editor" in html
    assert f"by {editor.username}" not in html
