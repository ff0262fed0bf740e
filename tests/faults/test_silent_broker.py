"""A broker that accepts connections and never answers (a real silent TCP listener on a spare loopback port):
/healthz names it within 2 s, a submission is stored ``queued`` within 1 s and the sweep enqueues it later,
and a gunicorn's web threads are never all waiting on it (config/broker.py)."""

from __future__ import annotations

import concurrent.futures
import json
import time
from collections.abc import Iterator

import pytest
from django.db import connection
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from config import broker
from incidents.models import Incident
from ingest import tasks
from ingest.models import Article
from tests import services as test_services
from tests.faults.articles import wire_report
from tests.faults.servers import SilentListener, app_env, celery_routed, gunicorn, http, missing


@pytest.fixture
def silent() -> Iterator[SilentListener]:
    broker.gate.reset()
    with SilentListener() as listener:
        yield listener
    broker.gate.reset()


@pytest.mark.django_db
def test_healthz_names_a_silent_broker_within_two_seconds(client, settings, silent):
    settings.CELERY_BROKER_URL = silent.url
    started = time.monotonic()
    response = client.get("/healthz")
    assert time.monotonic() - started < 2
    assert response.status_code == 503
    assert response.json()["failing"] == ["broker"]
    assert response.json()["checks"]["database"] == "ok"
    assert silent.accepted  # it really connected, and was left waiting


@pytest.mark.django_db
def test_concurrent_health_checks_wait_on_the_broker_one_at_a_time(client, settings, silent):
    settings.CELERY_BROKER_URL = silent.url
    started = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(10) as pool:
        answers = list(pool.map(lambda _: client.get("/healthz"), range(10)))
    assert time.monotonic() - started < 2
    assert {a.status_code for a in answers} == {503}
    assert {tuple(a.json()["failing"]) for a in answers} == {("broker",)}
    assert len(silent.accepted) <= 2  # not one broker connection per check


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_submission_is_stored_queued_within_a_second_and_the_sweep_enqueues_it(live_worker, gazetteer, editor, silent):
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=editor).key}")
    text, published = wire_report(7)
    with celery_routed(broker_url=silent.url, queue=live_worker.queue):
        started = time.monotonic()
        response = api.post("/api/v1/articles/", {"text": text, "published": published.isoformat()}, format="json")
        first = time.monotonic() - started
        # The next one does not try the silent broker again (a failure pauses the web path).
        started = time.monotonic()
        second = api.post("/api/v1/articles/", {"text": text + " More.", "published": published.isoformat()})
        again = time.monotonic() - started
    assert response.status_code == 202, response.content
    assert second.status_code == 202, second.content
    assert first < 1, first
    assert again < 0.5, again
    assert set(Article.objects.values_list("status", "attempts")) == {(Article.Status.QUEUED, 0)}

    # The broker is back (the live worker's): the sweep sends both and the worker parses them.
    swept = tasks.articles_sweep(stuck_after=0)
    assert sorted(swept) == sorted(Article.objects.values_list("pk", flat=True))
    deadline = time.monotonic() + 60
    while Article.objects.exclude(status__in=["done", "failed"]).exists():
        assert time.monotonic() < deadline, list(Article.objects.values_list("status", flat=True))
        time.sleep(0.1)
    assert set(Article.objects.values_list("status", "attempts")) == {(Article.Status.DONE, 1)}
    assert Incident.objects.exists()


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_web_threads_are_never_all_waiting_on_a_silent_broker(editor, gazetteer, silent):
    """One gthread worker of 4 threads, 10 health checks and 4 submissions at once: the bases list
    still answers at once, every health check names the broker within 2 s, every submission is stored."""
    if connection.vendor != "postgresql":
        missing("gunicorn shares the test database only on PostgreSQL (set DATABASE_URL)")
    token = Token.objects.create(user=editor).key
    database_url = test_services.database_url_for(connection.settings_dict)
    env = app_env(database_url, broker_url=silent.url)
    with gunicorn(env, workers=1, threads=4, name="silent-broker") as server:
        base = server.base_url  # type: ignore[attr-defined]

        def timed(method: str, path: str, body: bytes | None = None) -> tuple[int, float, bytes]:
            headers = {"Authorization": f"Token {token}", "Content-Type": "application/json"} if body else {}
            started = time.monotonic()
            status, _, content = http(method, base + path, body=body, headers=headers)
            return status, time.monotonic() - started, content

        def submit(i: int) -> tuple[int, float, bytes]:
            text, published = wire_report(100 + i)
            return timed("POST", "/api/v1/articles/", json.dumps({"text": text, "published": str(published)}).encode())

        assert timed("GET", "/api/v1/bases/")[0] == 200  # warm: imports, database connection
        with concurrent.futures.ThreadPoolExecutor(16) as pool:
            checks = [pool.submit(timed, "GET", "/healthz") for _ in range(10)]
            submissions = [pool.submit(submit, i) for i in range(4)]
            time.sleep(0.1)
            bases = pool.submit(timed, "GET", "/api/v1/bases/")
            checks_done = [f.result() for f in checks]
            submitted = [f.result() for f in submissions]
            bases_status, bases_seconds, _ = bases.result()

    assert bases_status == 200
    assert bases_seconds < 2, bases_seconds
    assert {status for status, _, _ in checks_done} == {503}
    assert all(json.loads(body)["failing"] == ["broker"] for _, _, body in checks_done)
    assert max(seconds for _, seconds, _ in checks_done) < 2, [s for _, s, _ in checks_done]
    assert {status for status, _, _ in submitted} == {202}
    assert max(seconds for _, seconds, _ in submitted) < 2, [s for _, s, _ in submitted]
    assert set(Article.objects.values_list("status", flat=True)) == {Article.Status.QUEUED}
    assert Article.objects.count() == 4
