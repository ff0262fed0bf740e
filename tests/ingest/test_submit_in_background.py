"""Without a broker the submission answers at once; the parse runs after it in a thread of the web process.

``INGEST_IN_PROCESS_MODE=background`` (the default of ``make run`` without services); the rest of the
suite parses inline. A parse that waits on an Event shows the answer does not wait for it.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator

import pytest
from django.db import OperationalError
from django.urls import reverse
from django.utils import timezone

from ingest import inprocess, merge
from ingest.models import Article, ArticleReading
from tests.ingest.conftest import ARTICLE_A, PUBLISHED_A

pytestmark = pytest.mark.django_db(transaction=True)

URL = reverse("ingest:article-submit")
DATA = {"text": ARTICLE_A, "published": PUBLISHED_A.isoformat(), "title": "Rockets", "url": "", "outlet": "Wire"}


@pytest.fixture(autouse=True)
def background(settings) -> Iterator[None]:
    settings.INGEST_IN_PROCESS_MODE = "background"
    yield
    # No parse may outlive its test (the next test flushes the tables under it).
    assert inprocess.in_process_wait(timeout=30)


@pytest.fixture
def gate(monkeypatch) -> Iterator[tuple[threading.Event, threading.Event]]:
    """The extractor waits until the test opens the gate; ``started`` is set once it is waiting."""
    from ingest import extractor

    real = extractor.extract
    started, release = threading.Event(), threading.Event()

    def held(*args, **kwargs):
        started.set()
        assert release.wait(timeout=20), "the test never released the parse"
        return real(*args, **kwargs)

    monkeypatch.setattr(extractor, "extract", held)
    yield started, release
    release.set()  # also when the test failed before opening it


def test_the_submission_answers_before_the_parse_finishes_and_the_status_follows(editor_client, asad, gate):
    started, release = gate
    response = editor_client.post(URL, DATA)
    assert response.status_code == 302
    article = Article.objects.get()
    assert response.url == article.get_absolute_url()
    assert started.wait(timeout=20)
    article.refresh_from_db()
    assert article.status == Article.Status.PROCESSING  # the answer came while the parse was still running

    page = editor_client.get(article.get_absolute_url()).content.decode()
    # Told as it stood when the answer was sent: queued for the thread, or already being parsed.
    assert "this page updates when it is done." in page
    assert "Article parsed" not in page
    assert 'data-status="processing"' in page
    assert "This page follows the parse and updates itself when it is done." in page
    status = editor_client.get(article.get_status_url()).json()
    assert (status["status"], status["finished"], status["readings"]) == ("processing", False, [])

    release.set()
    assert inprocess.in_process_wait(timeout=20)
    article.refresh_from_db()
    assert article.status == Article.Status.DONE
    assert article.readings.get().outcome == ArticleReading.Outcome.CREATED
    status = editor_client.get(article.get_status_url()).json()
    assert (status["status"], status["finished"]) == ("done", True)
    assert status["readings"][0]["outcome_label"].startswith("New draft #")


def test_an_article_waiting_for_the_thread_is_announced_as_queued(editor_client, asad):
    busy = threading.Event()
    inprocess._executor_get().submit(busy.wait, 20)  # the one thread is parsing something else
    response = editor_client.post(URL, DATA, follow=True)
    text = response.content.decode()
    assert (
        "Article saved; it is parsed on this server in the background, next in line; "
        "this page updates when it is done." in text
    )
    assert 'data-status="queued"' in text
    busy.set()
    assert inprocess.in_process_wait(timeout=20)
    assert Article.objects.get().status == Article.Status.DONE


def test_the_api_answers_202_queued_at_once(editor_client, asad, gate):
    _started, release = gate
    response = editor_client.post(reverse("api-article-submit"), DATA, content_type="application/json")
    assert response.status_code == 202
    assert response.json()["status"] in ("queued", "processing")
    release.set()
    assert inprocess.in_process_wait(timeout=20)
    assert Article.objects.get().status == Article.Status.DONE


def test_an_extractor_error_marks_the_article_failed_with_the_reason(editor_client, asad, monkeypatch):
    from ingest import extractor

    def broken(*args, **kwargs):
        raise RuntimeError("the model file is missing")

    monkeypatch.setattr(extractor, "extract", broken)
    editor_client.post(URL, DATA)
    assert inprocess.in_process_wait(timeout=20)
    article = Article.objects.get()
    assert article.status == Article.Status.FAILED
    assert article.error == "The extractor failed: RuntimeError: the model file is missing"
    page = editor_client.get(article.get_absolute_url()).content.decode()
    assert "the model file is missing" in page
    assert "Nothing to show: the parse failed." in page


def test_an_error_after_the_extractor_marks_the_article_failed_too(editor_client, asad, monkeypatch):
    def broken(**kwargs):
        raise ValueError("a base without coordinates")

    monkeypatch.setattr(merge, "incidents_merge", broken)
    editor_client.post(URL, DATA)
    assert inprocess.in_process_wait(timeout=20)
    article = Article.objects.get()
    assert article.status == Article.Status.FAILED
    assert article.error == "The parse failed: ValueError: a base without coordinates"
    assert article.finished_at is not None


def test_a_transient_database_error_is_retried(editor_client, asad, monkeypatch):
    monkeypatch.setattr(inprocess, "TRANSIENT_PAUSE", 0)
    real, calls = merge.incidents_merge, []

    def flaky(**kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise OperationalError("database is locked")
        return real(**kwargs)

    monkeypatch.setattr(merge, "incidents_merge", flaky)
    editor_client.post(URL, DATA)
    assert inprocess.in_process_wait(timeout=20)
    article = Article.objects.get()
    assert article.status == Article.Status.DONE
    assert article.attempts == 2
    assert len(calls) == 2


def test_a_database_that_stays_unavailable_fails_the_article_with_the_reason(editor_client, asad, monkeypatch):
    monkeypatch.setattr(inprocess, "TRANSIENT_PAUSE", 0)

    def locked(**kwargs):
        raise OperationalError("database is locked")

    monkeypatch.setattr(merge, "incidents_merge", locked)
    editor_client.post(URL, DATA)
    assert inprocess.in_process_wait(timeout=20)
    article = Article.objects.get()
    assert article.status == Article.Status.FAILED
    assert article.error == (
        f"The parse could not finish: the database was unavailable {inprocess.TRANSIENT_TRIES} times "
        "(OperationalError: database is locked)."
    )


def test_the_thread_closes_its_database_connections(editor_client, asad, monkeypatch):
    closed_in: list[str] = []
    real = inprocess.connections.close_all

    def spy():
        closed_in.append(threading.current_thread().name)
        real()

    monkeypatch.setattr(inprocess.connections, "close_all", spy)
    editor_client.post(URL, DATA)
    assert inprocess.in_process_wait(timeout=20)
    assert len(closed_in) == 1
    assert closed_in[0].startswith("basewatch-parse")


def test_an_article_left_unfinished_by_an_earlier_process_is_parsed_with_the_next_submission(
    editor_client, asad, settings
):
    from tests.factories import ArticleFactory

    left = ArticleFactory(status=Article.Status.PROCESSING, text="Three drones struck Tower 22 in Jordan on Sunday.")
    long_ago = timezone.now() - dt.timedelta(seconds=settings.INGEST_STUCK_AFTER + 60)
    Article.objects.filter(pk=left.pk).update(status_changed_at=long_ago)
    editor_client.post(URL, DATA)
    assert inprocess.in_process_wait(timeout=20)
    left.refresh_from_db()
    assert left.status == Article.Status.DONE
    assert Article.objects.get(title="Rockets").status == Article.Status.DONE
