"""Celery tasks: thin wrappers that take primary keys and call services.

Delivery settings live in config/settings.py: JSON only, ``acks_late`` with
``task_reject_on_worker_lost``, hard and soft time limits, and a broker visibility timeout
above the hard limit. The Article row is the status record; a task that finds it already
taken or finished does nothing, so duplicates and redeliveries are harmless.
"""

from __future__ import annotations

from celery import shared_task
from django.conf import settings

from ingest import services


@shared_task(name="ingest.tasks.ping", ignore_result=False)
def ping() -> str:
    """Round-trip check used by the health tests and operators."""
    return "pong"


@shared_task(
    name="ingest.tasks.process_article",
    acks_late=True,
    autoretry_for=services.TRANSIENT_ERRORS,
    retry_backoff=2,
    retry_backoff_max=300,
    retry_jitter=True,
    max_retries=settings.INGEST_MAX_RETRIES,
)
def process_article(article_id: int) -> str:
    """Parse one article and merge its incidents; transient database/broker errors retry with backoff."""
    return services.article_process(article_id=article_id)


@shared_task(name="ingest.tasks.sweep_stuck_articles")
def sweep_stuck_articles() -> int:
    """Periodic (Celery beat): re-enqueue articles left queued or processing past INGEST_STUCK_AFTER."""
    return len(services.articles_sweep())
