"""After a submission the page tells the status the article really has."""

from __future__ import annotations

import pytest
from django.urls import reverse

from ingest import status, submission
from ingest.models import Article
from tests.ingest.conftest import ARTICLE_A, PUBLISHED_A

URL = reverse("ingest:article-submit")


def _post(client):
    data = {"text": ARTICLE_A, "published": PUBLISHED_A.isoformat(), "title": "Rockets", "url": "", "outlet": "Wire"}
    return client.post(URL, data, follow=True)


@pytest.mark.django_db(transaction=True)
def test_without_a_broker_the_parse_is_done_and_the_message_says_so(editor_client, asad):
    """No broker, inline mode (the suite's): the commit runs the parse before the answer, so it is done."""
    response = _post(editor_client)
    article = Article.objects.get()
    assert article.status == Article.Status.DONE
    text = response.content.decode()
    assert "Article parsed: 1 incident created or joined." in text
    assert "queued" not in text.lower()
    assert 'data-status="done"' in text


@pytest.mark.django_db(transaction=True)
def test_a_failed_parse_is_reported_as_failed(editor_client, asad, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("extractor exploded")

    monkeypatch.setattr("ingest.extractor.extract", broken)
    response = _post(editor_client)
    assert Article.objects.get().status == Article.Status.FAILED
    assert "the parse failed" in response.content.decode()


def test_with_a_broker_the_article_is_queued_and_the_page_polls(editor_client, asad, monkeypatch):
    monkeypatch.setattr(submission, "article_enqueue", lambda **kwargs: True)  # a broker took it
    monkeypatch.setattr(status, "parse_mode", lambda: "worker")
    response = _post(editor_client)
    article = Article.objects.get()
    assert article.status == Article.Status.QUEUED
    text = response.content.decode()
    assert "Article queued for parsing by a worker; this page updates when it is done." in text
    assert f'data-status-url="{article.get_status_url()}"' in text
