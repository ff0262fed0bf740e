"""The periodic sweep re-enqueues articles left queued (broker down) or processing (worker died)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from incidents.models import Incident
from ingest import submission, tasks
from ingest.models import Article
from ingest.tasks import sweep_stuck_articles
from tests.factories import ArticleFactory
from tests.ingest.conftest import ARTICLE_A, PUBLISHED_A


def _age(article, seconds):
    Article.objects.filter(pk=article.pk).update(status_changed_at=timezone.now() - dt.timedelta(seconds=seconds))


def test_sweep_processes_old_queued_and_abandoned_processing_articles(asad, settings):
    settings.INGEST_STUCK_AFTER = 300
    queued = ArticleFactory(text=ARTICLE_A, published=PUBLISHED_A)
    abandoned = ArticleFactory(status=Article.Status.PROCESSING, attempts=1)
    fresh = ArticleFactory()
    _age(queued, 600)
    _age(abandoned, 600)
    assert sweep_stuck_articles.apply().get() == 2  # tasks run eagerly here
    for article in (queued, abandoned):
        article.refresh_from_db()
        assert article.status == Article.Status.DONE
    assert abandoned.attempts == 2
    fresh.refresh_from_db()
    assert fresh.status == Article.Status.QUEUED
    assert Incident.objects.count() == 1


def test_sweep_ignores_done_failed_and_reference_articles(db):
    for status in (Article.Status.DONE, Article.Status.FAILED):
        _age(ArticleFactory(status=status), 10_000)
    _age(ArticleFactory(is_reference=True), 10_000)
    assert tasks.articles_sweep() == []


def test_enqueue_failure_keeps_article_queued(db, monkeypatch, django_capture_on_commit_callbacks):
    def down(*args, **kwargs):
        import kombu.exceptions

        raise kombu.exceptions.OperationalError("Error 111 connecting to 127.0.0.1:1. Connection refused.")

    monkeypatch.setattr(tasks.process_article, "apply_async", down)
    with django_capture_on_commit_callbacks(execute=True):
        result = submission.article_submit(text=ARTICLE_A, published=PUBLISHED_A)
    article = Article.objects.get()
    assert result.created
    assert article.status == Article.Status.QUEUED
    monkeypatch.undo()
    _age(article, 10_000)
    assert tasks.articles_sweep() == [article.pk]
    article.refresh_from_db()
    assert article.status == Article.Status.DONE
