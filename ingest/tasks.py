"""Celery tasks, and the one function that sends them.

Tasks are thin: they take primary keys and call ``ingest.processing``. Everything that puts an
article on the queue (submission, the admin's "parse again", the sweep) goes through
``article_enqueue``, so ``ingest.submission`` imports this module and nothing here imports it back.

Delivery settings live in config/settings.py: JSON only, ``acks_late`` with
``task_reject_on_worker_lost``, hard and soft time limits, and a broker visibility timeout
above the hard limit. The Article row is the status record; a task that finds it already
taken or finished does nothing, so duplicates and redeliveries are harmless.
"""

from __future__ import annotations

import datetime as dt
import logging

from celery import shared_task
from django.conf import settings
from django.utils import timezone

from ingest import processing
from ingest.models import Article

logger = logging.getLogger(__name__)

# Enqueueing at submission must not keep an editor waiting on a dead broker: fail fast,
# the sweep will enqueue the article later.
ENQUEUE_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.2}


@shared_task(name="ingest.tasks.ping", ignore_result=False)
def ping() -> str:
    """Round-trip check used by the health tests and operators."""
    return "pong"


@shared_task(
    name="ingest.tasks.process_article",
    acks_late=True,
    autoretry_for=processing.TRANSIENT_ERRORS,
    retry_backoff=2,
    retry_backoff_max=300,
    retry_jitter=True,
    max_retries=settings.INGEST_MAX_RETRIES,
)
def process_article(article_id: int) -> str:
    """Parse one article and merge its incidents; transient database/broker errors retry with backoff."""
    return processing.article_process(article_id=article_id)


@shared_task(name="ingest.tasks.sweep_stuck_articles")
def sweep_stuck_articles() -> int:
    """Periodic (Celery beat): re-enqueue articles left queued or processing past INGEST_STUCK_AFTER."""
    return len(articles_sweep())


def article_enqueue(*, article_id: int) -> bool:
    """Send the parse task; a broker failure is logged, never raised (the sweep retries)."""
    try:
        process_article.apply_async((article_id,), retry_policy=ENQUEUE_RETRY_POLICY)
    except Exception:
        logger.warning("could not enqueue article %s; the sweep will retry", article_id, exc_info=True)
        return False
    return True


def articles_sweep(*, stuck_after: int | None = None) -> list[int]:
    """Re-enqueue articles left queued or processing for more than ``stuck_after`` seconds."""
    seconds = settings.INGEST_STUCK_AFTER if stuck_after is None else stuck_after
    swept = Article.objects.requeue_stuck(before=timezone.now() - dt.timedelta(seconds=seconds))
    for pk in swept:
        article_enqueue(article_id=pk)
    if swept:
        logger.info("swept %d stuck articles: %s", len(swept), swept)
    return swept
