"""The ingest pipeline with a REAL Celery worker on Redis and PostgreSQL (always run in CI).

Covers: API submission processed by the worker; a worker SIGKILLed in the middle of a task
(the article is picked up again by a fresh worker and yields its incident exactly once);
the broker down at submission (the article is stored queued and processed after the sweep);
two articles about one attack parsed concurrently by two worker processes.
"""

from __future__ import annotations

import contextlib
import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from rest_framework.test import APIClient

from incidents.models import Incident
from ingest import submission, tasks
from ingest.models import Article, IncidentSource
from tests import services as test_services
from tests.ingest.conftest import ARTICLE_A, ARTICLE_B, PUBLISHED_A, PUBLISHED_B

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def _wait(pk: int, statuses: set[str], timeout: float = 60) -> Article:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        article = Article.objects.get(pk=pk)
        if article.status in statuses:
            return article
        time.sleep(0.05)
    raise AssertionError(f"article {pk} still {Article.objects.get(pk=pk).status!r} after {timeout}s")


@contextlib.contextmanager
def _routed_to(queue: str) -> Iterator[None]:
    from config.celery import app

    eager, default = app.conf.task_always_eager, app.conf.task_default_queue
    app.conf.task_always_eager, app.conf.task_default_queue = False, queue
    try:
        yield
    finally:
        app.conf.task_always_eager, app.conf.task_default_queue = eager, default


@contextlib.contextmanager
def _broker(url: str) -> Iterator[None]:
    """Point this process's Celery app at another broker (the pools are rebuilt on next use)."""
    from config.celery import app

    def reset() -> None:
        app._pool = None
        with contextlib.suppress(AttributeError, KeyError):
            app.__dict__["amqp"]._producer_pool = None

    previous = app.conf.broker_url, app.conf.broker_write_url
    app.conf.broker_url = app.conf.broker_write_url = url
    reset()
    try:
        yield
    finally:
        app.conf.broker_url, app.conf.broker_write_url = previous
        reset()


def _worker(**kwargs):  # type: ignore[no-untyped-def]
    return test_services.celery_worker(
        database_url=test_services.database_url_for(connection.settings_dict),
        broker_url=settings.CELERY_BROKER_URL,
        **kwargs,
    )


def _kill_hard(pid: int) -> None:
    """SIGKILL a worker and its pool processes: nothing gets to clean up or ack."""
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    for child in children:
        with contextlib.suppress(ProcessLookupError):
            os.kill(int(child), signal.SIGKILL)
    os.kill(pid, signal.SIGKILL)


def _token_client(user) -> APIClient:  # type: ignore[no-untyped-def]
    from rest_framework.authtoken.models import Token

    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


def test_api_submission_is_processed_by_the_worker(live_worker, gazetteer, editor):
    started = time.monotonic()
    response = _token_client(editor).post(
        "/api/v1/articles/", {"text": ARTICLE_A, "published": PUBLISHED_A.isoformat()}, format="json"
    )
    assert response.status_code == 202
    article = _wait(response.json()["id"], {"done", "failed"})
    assert article.status == Article.Status.DONE, article.error
    assert time.monotonic() - started < 30  # generous: CI machines are shared; bench/ingest.py measures latency
    assert article.attempts == 1
    incident = Incident.objects.get()
    assert incident.base.slug == "ain-al-asad-air-base"
    assert IncidentSource.objects.get().article_id == article.pk


def test_worker_killed_mid_task_is_picked_up_again_exactly_once(celery_worker_process, gazetteer):
    # Both workers start side by side; the fresh one consumes its own queue, which nothing is sent to until the sweep.
    with (
        _worker(extra_env={"INGEST_TEST_DELAY_SECONDS": "60"}, log_name="doomed", ready=False) as doomed,
        _worker(log_name="fresh", ready=False) as fresh,
    ):
        test_services.wait_ready(doomed)
        with _routed_to(doomed.queue):
            article = submission.article_submit(text=ARTICLE_A, published=PUBLISHED_A).article
        _wait(article.pk, {"processing"})
        _kill_hard(doomed.pid)
        doomed.wait(timeout=10)
        article.refresh_from_db()
        assert article.status == Article.Status.PROCESSING
        assert article.attempts == 1
        assert Incident.objects.count() == 0

        test_services.wait_ready(fresh)
        with _routed_to(fresh.queue):
            assert tasks.articles_sweep(stuck_after=0) == [article.pk]
            article = _wait(article.pk, {"done", "failed"})
    assert article.status == Article.Status.DONE, article.error
    assert article.attempts == 2
    assert Incident.objects.count() == 1
    assert IncidentSource.objects.filter(article=article).count() == 1


def test_broker_down_at_submission_then_processed_after_the_sweep(live_worker, gazetteer, editor):
    client = _token_client(editor)
    with _broker("redis://127.0.0.1:1/0"):
        started = time.monotonic()
        response = client.post(
            "/api/v1/articles/", {"text": ARTICLE_A, "published": PUBLISHED_A.isoformat()}, format="json"
        )
        assert time.monotonic() - started < 10  # a dead broker must not hang the editor
    assert response.status_code == 202
    pk = response.json()["id"]
    time.sleep(0.5)
    article = Article.objects.get(pk=pk)
    assert article.status == Article.Status.QUEUED
    assert article.attempts == 0

    assert tasks.articles_sweep(stuck_after=0) == [pk]
    article = _wait(pk, {"done", "failed"})
    assert article.status == Article.Status.DONE, article.error
    assert Incident.objects.count() == 1


def test_two_workers_merge_two_reports_of_one_attack_into_one_incident(celery_worker_process, gazetteer):
    with _worker(concurrency=2, log_name="pair") as pair, _routed_to(pair.queue):
        a = submission.article_submit(text=ARTICLE_A, published=PUBLISHED_A).article
        b = submission.article_submit(text=ARTICLE_B, published=PUBLISHED_B).article
        for article in (a, b):
            assert _wait(article.pk, {"done", "failed"}).status == Article.Status.DONE
    incident = Incident.objects.get()
    assert set(incident.sources.values_list("article_id", flat=True)) == {a.pk, b.pk}
    assert (incident.launched, incident.launched_low, incident.launched_high) == (3, 2, 3)
