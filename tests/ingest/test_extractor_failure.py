"""An extractor exception is permanent: the article is failed with a readable reason, the traceback logged."""

from __future__ import annotations

import logging

import ingest.extractor
from incidents.models import Incident
from ingest.models import Article
from ingest.tasks import process_article
from tests.factories import ArticleFactory


def test_extractor_error_marks_article_failed_with_reason(db, monkeypatch, caplog):
    def broken(text, published, gazetteer):
        raise ValueError("cannot parse dates in this text")

    monkeypatch.setattr(ingest.extractor, "extract", broken)
    article = ArticleFactory()
    with caplog.at_level(logging.ERROR, logger="ingest.processing"):
        assert process_article.apply(args=(article.pk,)).get() == "failed"
    article.refresh_from_db()
    assert article.status == Article.Status.FAILED
    assert article.error == "The extractor failed: ValueError: cannot parse dates in this text"
    assert article.finished_at is not None
    assert article.attempts == 1
    assert Incident.objects.count() == 0
    record = next(r for r in caplog.records if "extractor failed" in r.getMessage())
    assert record.exc_info is not None


def test_failed_article_shows_reason_on_its_page_and_status(editor_client, monkeypatch):
    monkeypatch.setattr(ingest.extractor, "extract", lambda *a: 1 / 0)
    article = ArticleFactory()
    process_article.apply(args=(article.pk,))
    status = editor_client.get(article.get_status_url()).json()
    assert status["status"] == "failed"
    assert status["finished"] is True
    assert "ZeroDivisionError" in status["error"]
    assert b"ZeroDivisionError" in editor_client.get(article.get_absolute_url()).content
