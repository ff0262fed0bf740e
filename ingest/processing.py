"""The worker's side of an article: claim it, run the extractor, merge what it reports.

``article_process`` is what the task ``ingest.tasks.process_article`` runs; ``article_reprocess``
runs it again in this process for ``manage.py reprocess``. Merging itself is ``ingest/merge.py``.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import kombu.exceptions
import redis.exceptions
from django.conf import settings
from django.db import InterfaceError, OperationalError, transaction
from django.utils import timezone

from incidents.models import COUNT_FIELDS
from ingest import merge
from ingest.gazetteer_cache import gazetteer_get
from ingest.models import Article

logger = logging.getLogger(__name__)

# Errors worth retrying: the database or the broker went away for a moment.
TRANSIENT_ERRORS: tuple[type[BaseException], ...] = (
    OperationalError,
    InterfaceError,
    kombu.exceptions.OperationalError,
    redis.exceptions.ConnectionError,
    redis.exceptions.TimeoutError,
    ConnectionError,
)


def article_process(*, article_id: int) -> str:
    """Claim, parse and merge one article; returns the resulting status (or "skipped").

    Transient database/broker errors propagate (the task retries them) after handing the
    article back to the queue. Any extractor error marks the article failed, with the
    traceback in the log.
    """
    stale_before = timezone.now() - dt.timedelta(seconds=settings.INGEST_STUCK_AFTER)
    if not Article.objects.claim(pk=article_id, stale_before=stale_before):
        logger.info("article %s is not claimable (done, failed, missing or taken)", article_id)
        return "skipped"
    try:
        return _article_run(article_id)
    except TRANSIENT_ERRORS:
        try:
            Article.objects.release(pk=article_id)
        except TRANSIENT_ERRORS:
            logger.warning("could not release article %s; the sweep will reclaim it", article_id)
        raise


def _article_run(article_id: int) -> str:
    article = Article.objects.get(pk=article_id)
    attempt = article.attempts
    if article.is_reference:
        # Curated reference text is our own summary, never parsed.
        article.mark_done(extractor_version=article.extractor_version or "reference", outcome=article.outcome)
        return article.status
    if settings.INGEST_TEST_DELAY_SECONDS:
        time.sleep(settings.INGEST_TEST_DELAY_SECONDS)  # test seam: lets a test kill the worker mid-task
    try:
        # Imported here: the extractor loads spaCy, which web processes never need.
        from ingest.extractor import EXTRACTOR_VERSION, extract, written_in

        extracted = extract(article.text, article.published, gazetteer_get())
        language = written_in(article.text)
    except TRANSIENT_ERRORS:
        raise
    except Exception as exc:
        logger.exception("extractor failed on article %s", article_id)
        version = _extractor_version()
        article.mark_failed(error=f"The extractor failed: {type(exc).__name__}: {exc}", extractor_version=version)
        return article.status

    with transaction.atomic():
        # Fencing: if the sweep handed this article to another worker meanwhile, let it win.
        current = Article.objects.select_for_update().get(pk=article_id)
        if current.status != Article.Status.PROCESSING or current.attempts != attempt:
            logger.info("article %s was taken over by another attempt; dropping this one", article_id)
            return "skipped"
        outcome = merge.incidents_merge(article=current, extracted=extracted)
        current.mark_done(
            extractor_version=EXTRACTOR_VERSION, outcome=outcome, language=language.code, language_note=language.note()
        )
    return current.status


def _extractor_version() -> str:
    try:
        from ingest.extractor import EXTRACTOR_VERSION
    except Exception:
        return ""
    return str(EXTRACTOR_VERSION)


# --- Re-processing ---------------------------------------------------------------------------


@dataclass
class ReprocessReport:
    article: Article
    status: str
    changes: list[str]


def _snapshot(article: Article) -> dict[int, tuple[Any, ...]]:
    return {
        s.incident_id: (s.role, s.incident.date, *(getattr(s.incident, n) for n in COUNT_FIELDS))
        for s in article.incident_sources.select_related("incident")
    }


def article_reprocess(*, article: Article) -> ReprocessReport:
    """Run the current extractor over a stored article, in this process, and say what changed."""
    before, version_before = _snapshot(article), article.extractor_version
    article.requeue()
    status = article_process(article_id=article.pk)
    article.refresh_from_db()
    after = _snapshot(article)
    changes = []
    for pk in sorted(set(before) | set(after)):
        if pk not in before:
            changes.append(f"+ incident {pk} ({after[pk][0]})")
        elif pk not in after:
            changes.append(f"- incident {pk}")
        elif before[pk] != after[pk]:
            fields = ("role", "date", *COUNT_FIELDS)
            diff = ", ".join(f"{f} {a}→{b}" for f, a, b in zip(fields, before[pk], after[pk], strict=True) if a != b)
            changes.append(f"~ incident {pk}: {diff}")
    if article.status == Article.Status.FAILED:
        changes.append(f"failed: {article.error}")
    if version_before != article.extractor_version:
        changes.append(f"extractor {version_before or '-'} → {article.extractor_version}")
    return ReprocessReport(article=article, status=status, changes=changes)


def articles_for_reprocess(*, since: dt.date | None = None) -> Iterable[Article]:
    articles = Article.objects.filter(is_reference=False).exclude(status=Article.Status.PROCESSING)
    if since is not None:
        articles = articles.filter(submitted_at__date__gte=since)
    return articles.order_by("pk").iterator()
