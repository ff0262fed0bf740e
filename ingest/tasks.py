"""Celery tasks, and the one function that sends them.

Tasks are thin: they take primary keys and call ``ingest.processing``. Everything that puts an
article on the queue goes through this module: requests (submission, the admin's "parse again")
through ``article_enqueue``, which never keeps a web thread waiting on a silent broker
(config/broker.py), and the sweep through ``_send``. ``ingest.submission`` imports this module and
nothing here imports it back.

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

# The sweep (in the worker) may wait a little for a broker that is restarting: it retries once.
SWEEP_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.2}


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


def parse_mode() -> str:
    """Who parses a submitted article: "worker" (a broker is configured), or, without one, this process:
    "background" (a thread, after the response) or "inline" (during the request; ``INGEST_IN_PROCESS_MODE``)."""
    from config.celery import app

    return str(settings.INGEST_IN_PROCESS_MODE) if app.conf.task_always_eager else "worker"


def article_enqueue(*, article_id: int) -> bool:
    """Send the parse task from a request (submission, the admin's "parse again"); never raises.

    Without a broker (tasks eager) the parse runs in this process: handed to a background thread
    (``ingest.inprocess``, the default) or run before returning (``INGEST_IN_PROCESS_MODE=inline``).

    A web thread waits on the broker for at most about ``BROKER_WEB_TIMEOUT_MS`` (one attempt, short
    connect and socket timeouts), only one thread per process at a time, and not at all for
    ``config.broker.COOLDOWN_SECONDS`` after a failure: the article stays ``queued`` and the sweep
    enqueues it later. False when it was not sent.
    """
    from config import broker
    from config.celery import app

    if app.conf.task_always_eager:
        if settings.INGEST_IN_PROCESS_MODE == "background":
            from ingest.inprocess import article_parse_later

            article_parse_later(article_id=article_id)
            return True
        return _send(article_id, retry=False)
    url = app.conf.broker_write_url or app.conf.broker_url
    if broker.gate.failing(url):
        logger.warning("broker failed recently; article %s left queued for the sweep", article_id)
        return False
    with broker.gate.turn(wait=broker.web_timeout()) as mine:
        if not mine:
            logger.warning("another request is waiting on the broker; article %s left queued for the sweep", article_id)
            return False
        try:
            with broker.web_connection(app) as connection:
                process_article.apply_async((article_id,), connection=connection, retry=False)
        except Exception as exc:
            broker.gate.record(url, f"unreachable: {exc.__class__.__name__}")
            logger.warning("could not enqueue article %s; the sweep will retry", article_id, exc_info=True)
            return False
        broker.gate.record(url, None)
    return True


def _send(article_id: int, *, retry: bool) -> bool:
    try:
        process_article.apply_async((article_id,), retry=retry, retry_policy=SWEEP_RETRY_POLICY)
    except Exception:
        logger.warning("could not enqueue article %s; the sweep will retry", article_id, exc_info=True)
        return False
    return True


def articles_sweep(*, stuck_after: int | None = None) -> list[int]:
    """Re-enqueue articles left queued or processing for more than ``stuck_after`` seconds."""
    seconds = settings.INGEST_STUCK_AFTER if stuck_after is None else stuck_after
    swept = Article.objects.requeue_stuck(before=timezone.now() - dt.timedelta(seconds=seconds))
    for pk in swept:
        _send(pk, retry=True)
    if swept:
        logger.info("swept %d stuck articles: %s", len(swept), swept)
    return swept
