"""The parse task: claims with a conditional update, and running it twice leaves the same state."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from incidents.models import Incident
from ingest import merge, processing
from ingest.models import Article, IncidentSource
from ingest.tasks import process_article
from tests.factories import ArticleFactory
from tests.ingest.conftest import ARTICLE_A, PUBLISHED_A


def _state():
    return (
        list(
            Incident.objects.values_list("id", "date", "base_id", "weapons", "launched", "killed", "injured", "status")
        ),
        list(IncidentSource.objects.values_list("id", "incident_id", "article_id", "role", "evidence", "reported")),
    )


def test_task_marks_article_done_with_extractor_version(asad):
    from ingest.extractor import EXTRACTOR_VERSION

    article = ArticleFactory(text=ARTICLE_A, published=PUBLISHED_A)
    assert process_article.apply(args=(article.pk,)).get() == "done"
    article.refresh_from_db()
    assert article.status == Article.Status.DONE
    assert article.attempts == 1
    assert article.extractor_version == EXTRACTOR_VERSION
    assert article.started_at is not None
    assert article.finished_at >= article.started_at
    incident = Incident.objects.get()
    assert incident.base == asad
    assert incident.status == Incident.Status.DRAFT
    assert incident.launched == 2
    assert article.outcome["created"] == [incident.pk]


def test_task_twice_is_a_no_op_the_second_time(asad):
    article = ArticleFactory(text=ARTICLE_A, published=PUBLISHED_A)
    process_article.apply(args=(article.pk,))
    before = _state()
    assert process_article.apply(args=(article.pk,)).get() == "skipped"
    assert _state() == before
    article.refresh_from_db()
    assert article.attempts == 1


def test_reprocessing_replaces_own_sources_instead_of_duplicating(asad):
    article = ArticleFactory(text=ARTICLE_A, published=PUBLISHED_A)
    process_article.apply(args=(article.pk,))
    before = _state()
    article.refresh_from_db()
    article.requeue()
    assert process_article.apply(args=(article.pk,)).get() == "done"
    assert _state() == before
    article.refresh_from_db()
    assert article.attempts == 2
    assert article.outcome["created"] == [Incident.objects.get().pk]


def test_claim_refuses_a_row_another_worker_holds(db):
    article = ArticleFactory(status=Article.Status.PROCESSING)
    recent = timezone.now() - dt.timedelta(seconds=60)
    assert Article.objects.claim(pk=article.pk, stale_before=recent) is False
    assert processing.article_process(article_id=article.pk) == "skipped"


def test_claim_retakes_an_abandoned_processing_row(db, settings):
    article = ArticleFactory(status=Article.Status.PROCESSING, attempts=1)
    Article.objects.filter(pk=article.pk).update(status_changed_at=timezone.now() - dt.timedelta(hours=1))
    assert Article.objects.claim(pk=article.pk, stale_before=timezone.now() - dt.timedelta(minutes=5)) is True
    article.refresh_from_db()
    assert article.status == Article.Status.PROCESSING
    assert article.attempts == 2


def test_missing_article_is_skipped(db):
    assert process_article.apply(args=(999_999,)).get() == "skipped"


def test_transient_database_error_releases_the_article_and_retries(asad, monkeypatch):
    from django.db import OperationalError

    article = ArticleFactory(text=ARTICLE_A, published=PUBLISHED_A)
    calls = []

    def flaky(**kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise OperationalError("server closed the connection unexpectedly")
        return real(**kwargs)

    real = merge.incidents_merge
    monkeypatch.setattr(merge, "incidents_merge", flaky)
    result = process_article.apply(args=(article.pk,))
    assert result.get() == "done"  # the eager retry ran again and succeeded
    article.refresh_from_db()
    assert article.status == Article.Status.DONE
    assert article.attempts == 2
    assert Incident.objects.count() == 1
