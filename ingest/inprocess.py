"""The parse in the web process, after the response, when there is no broker (``make run`` with no services).

``article_parse_later`` hands an article to one background thread of this process; the submission
has already answered and the article page follows the status (queued → processing → done/failed).
One thread, so parses run one at a time: SQLite has one writer, and the extractor is CPU-bound.

A failure never leaves the article hanging: transient database errors (SQLite busy under a
concurrent write) are retried a few times with backoff, then the article is marked failed with the
reason, as is any other error. The thread closes its database connections after each parse.

Nothing here survives the process: a parse cut short by a restart leaves its article queued or
processing; the next submission in this mode puts such articles (older than ``INGEST_STUCK_AFTER``)
back on the thread, as the Celery beat sweep does with a broker.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor, wait

from django.conf import settings
from django.db import connections
from django.utils import timezone

from ingest import processing
from ingest.models import Article

logger = logging.getLogger(__name__)

# Transient errors: tries, and the pause before each retry (seconds, doubled each time).
TRANSIENT_TRIES = 4
TRANSIENT_PAUSE = 0.5

_lock = threading.Lock()
_executor: ThreadPoolExecutor | None = None
_pending: set[Future[str]] = set()


def _executor_get() -> ThreadPoolExecutor:
    global _executor
    with _lock:
        if _executor is None:
            _executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="basewatch-parse")
        return _executor


def article_parse_later(*, article_id: int) -> Future[str]:
    """Parse the article in this process's background thread; returns at once (with its future).

    Articles of this database left queued or processing past ``INGEST_STUCK_AFTER`` (a restart cut
    their parse short) go back on the thread first.
    """
    stale_before = timezone.now() - dt.timedelta(seconds=settings.INGEST_STUCK_AFTER)
    for pk in Article.objects.requeue_stuck(before=stale_before):
        if pk != article_id:
            logger.info("article %s was left unfinished by an earlier process; parsing it again", pk)
            _submit(pk)
    return _submit(article_id)


def _submit(article_id: int) -> Future[str]:
    future = _executor_get().submit(_article_parse, article_id)
    with _lock:
        _pending.add(future)
    future.add_done_callback(_forget)
    return future


def _forget(future: Future[str]) -> None:
    with _lock:
        _pending.discard(future)


def in_process_wait(timeout: float | None = None) -> bool:
    """Wait until every parse handed to the thread has finished; False on timeout (tests, shutdown)."""
    with _lock:
        futures = set(_pending)
    return not wait(futures, timeout=timeout).not_done


def _article_parse(article_id: int) -> str:
    """The thread's job: run the parse, retrying transient errors; any failure is recorded on the article."""
    try:
        pause = TRANSIENT_PAUSE
        for attempt in range(1, TRANSIENT_TRIES + 1):
            try:
                return processing.article_process(article_id=article_id)
            except processing.TRANSIENT_ERRORS as exc:
                # article_process handed the article back to the queue; try again, then give up.
                if attempt == TRANSIENT_TRIES:
                    return _fail(
                        article_id,
                        f"The parse could not finish: the database was unavailable {attempt} times "
                        f"({type(exc).__name__}: {exc}).",
                    )
                logger.warning("article %s: transient error (%s), retrying in %.1f s", article_id, exc, pause)
                time.sleep(pause)
                pause *= 2
            except Exception as exc:
                logger.exception("in-process parse of article %s failed", article_id)
                return _fail(article_id, f"The parse failed: {type(exc).__name__}: {exc}")
        return "skipped"  # not reached: the loop returns
    finally:
        connections.close_all()


def _fail(article_id: int, reason: str) -> str:
    try:
        article = Article.objects.filter(pk=article_id).first()
        if article is not None and not article.is_finished:
            article.mark_failed(error=reason)
    except Exception:
        logger.exception("could not record the failure of article %s: %s", article_id, reason)
    return Article.Status.FAILED
