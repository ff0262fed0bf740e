"""The submission form: editors only, every validation error re-shows the form, a good article is queued."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from ingest.models import Article
from tests.factories import UserFactory
from tests.ingest.conftest import ARTICLE_A, PUBLISHED_A

URL = reverse("ingest:article-submit")


def _post(client, **overrides):
    data = {"text": ARTICLE_A, "published": PUBLISHED_A.isoformat(), "title": "Rockets", "url": "", "outlet": "Wire"}
    data.update(overrides)
    return client.post(URL, data)


def test_submit_requires_login(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


def test_submit_forbidden_to_non_editors(client, db):
    client.force_login(UserFactory(username="reader"))
    assert client.get(URL).status_code == 403
    assert _post(client).status_code == 403
    assert Article.objects.count() == 0


def test_submit_queues_article_and_runs_the_parse(editor_client, asad, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = _post(editor_client)
    article = Article.objects.get()
    assert response.status_code == 302
    assert response["Location"] == article.get_absolute_url()
    assert len(callbacks) == 1
    assert article.status == Article.Status.DONE
    assert article.submitted_by.username == "editor"
    assert article.incident_sources.get().incident.base == asad
    page = editor_client.get(article.get_absolute_url())
    assert page.status_code == 200
    assert b'data-status-url="' + article.get_status_url().encode() in page.content
    assert b"ingest/status.js" in page.content


def test_submit_stores_article_queued_before_the_task_runs(editor_client, asad):
    # Without executing on-commit callbacks the task never ran: the row is the queued record.
    _post(editor_client)
    article = Article.objects.get()
    assert article.status == Article.Status.QUEUED
    assert article.attempts == 0


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"text": ""}, "text", "required"),
        ({"text": "   \n  "}, "text", "article text is"),
        ({"text": "x" * 1001}, "text", "limit"),
        ({"text": "Rockets\x00 hit the base"}, "text", "invalid character"),
        ({"published": ""}, "published", "required"),
        ({"published": "not a date"}, "published", "valid date"),
        ({"published": (dt.date.today() + dt.timedelta(days=2)).isoformat()}, "published", "future"),
        ({"published": "1989-12-31"}, "published", "1990"),
        ({"url": "not a url"}, "url", "valid URL"),
        ({"url": "javascript:alert(1)"}, "url", "valid URL"),
        ({"title": "bad\x07title"}, "title", "invalid character"),
    ],
)
def test_submit_rejects_bad_input(editor_client, settings, overrides, field, message):
    settings.ARTICLE_MAX_CHARS = 1000
    response = _post(editor_client, **overrides)
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert message.lower() in " ".join(response.context["form"].errors[field]).lower()
    assert b"<form" in response.content
    assert Article.objects.count() == 0


def test_submit_error_page_escapes_the_submitted_text(editor_client):
    response = _post(editor_client, text="<script>alert(1)</script>", published="1980-01-01")
    assert response.status_code == 400
    assert b"<script>alert(1)</script>" not in response.content
    assert b"&lt;script&gt;alert(1)&lt;/script&gt;" in response.content


def test_my_submissions_lists_only_my_articles(editor_client, editor):
    from tests.factories import ArticleFactory

    mine = ArticleFactory(submitted_by=editor, title="Mine")
    ArticleFactory(submitted_by=UserFactory(username="other"), title="Theirs")
    response = editor_client.get(reverse("ingest:article-list"))
    assert response.status_code == 200
    assert list(response.context["articles"]) == [mine]
    assert b"Theirs" not in response.content
