"""PostgreSQL restarted under a running gunicorn and a running Celery worker (our own cluster).

During the outage every request gets a clean 503 (JSON for /api and /healthz, a short HTML
page otherwise, never a traceback) and a parse task retries with backoff; once the database
is back both processes serve and work again without being restarted (CONN_MAX_AGE with
CONN_HEALTH_CHECKS: a dead persistent connection is noticed and replaced).
"""

from __future__ import annotations

import json
import time

import pytest

from tests import services as test_services
from tests.faults.servers import app_env, celery_routed, child_pids, gunicorn, http, manage
from tests.ingest.conftest import ARTICLE_A, ARTICLE_B, PUBLISHED_A, PUBLISHED_B

pytestmark = [pytest.mark.services, pytest.mark.worker]

OUTAGE_PAGES = [
    ("/healthz", "application/json"),
    ("/api/v1/incidents/", "application/json"),
    ("/api/v1/incidents/?format=geojson", "application/json"),
    ("/api/v1/stats/timeline/", "application/json"),
    ("/", "text/html"),
    ("/incidents/1/", "text/html"),
    ("/bases/ain-al-asad-air-base/", "text/html"),
]

CREATE_QUEUED = """
import datetime as dt
from ingest.models import Article
print(Article.objects.create(text={text!r}, published=dt.date.fromisoformat({published!r})).pk)
"""


def _status(base: str, token: str, pk: int) -> str:
    code, _, body = http("GET", f"{base}/api/v1/articles/{pk}/", headers={"Authorization": f"Token {token}"})
    assert code == 200, body[:300]
    return json.loads(body)["status"]


def _wait_status(base: str, token: str, pk: int, timeout: float) -> str:
    deadline = time.monotonic() + timeout
    status = ""
    while time.monotonic() < deadline:
        status = _status(base, token, pk)
        if status in {"done", "failed"}:
            return status
        time.sleep(0.2)
    raise AssertionError(f"article {pk} still {status!r} after {timeout}s")


def _wait_log(path, needle: bytes, timeout: float, count: int = 1) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.read_bytes().count(needle) >= count:
            return
        time.sleep(0.1)
    raise AssertionError(f"{needle!r} not in {path} after {timeout}s:\n{path.read_text()[-2000:]}")


def test_web_and_worker_ride_out_a_postgres_restart(own_postgres, own_redis, collected_static):
    pg, token, celery_broker_url = own_postgres, own_postgres.token, own_redis.url
    auth = {"Authorization": f"Token {token}", "Content-Type": "application/json"}
    worker_env = app_env(pg.database_url, broker_url=celery_broker_url, INGEST_MAX_RETRIES="8", LOG_LEVEL="INFO")
    with test_services.celery_worker(
        database_url=pg.database_url,
        broker_url=celery_broker_url,
        extra_env=worker_env,
        log_name="pg-restart",
        ready=False,
    ) as worker:
        web_env = app_env(pg.database_url, broker_url=celery_broker_url, CELERY_QUEUE=worker.queue)
        with gunicorn(web_env, name="pg-restart-web") as web:
            test_services.wait_ready(worker)  # the worker and gunicorn's workers start side by side
            base = web.base_url
            # Before: served and processed normally.
            assert http("GET", f"{base}/healthz")[0] == 200
            submission = json.dumps({"text": ARTICLE_A, "published": PUBLISHED_A.isoformat()}).encode()
            code, _, answer = http("POST", f"{base}/api/v1/articles/", body=submission, headers=auth)
            assert code == 202, answer[:300]
            assert _wait_status(base, token, json.loads(answer)["id"], 30) == "done"
            pending = int(
                manage(
                    pg.database_url,
                    "shell",
                    "-c",
                    CREATE_QUEUED.format(text=ARTICLE_B, published=PUBLISHED_B.isoformat()),
                ).split()[-1]
            )
            web_workers = child_pids(web.pid)
            assert web_workers

            pg.server.stop()
            try:
                for path, content_type in OUTAGE_PAGES:
                    code, headers, body = http("GET", base + path)
                    assert code == 503, (path, code, body[:300])
                    assert headers["Content-Type"].startswith(content_type), (path, headers["Content-Type"])
                    assert b"Traceback" not in body, (path, body[:300])
                    assert b"psycopg" not in body, (path, body[:300])
                code, headers, body = http("POST", f"{base}/api/v1/articles/", body=submission, headers=auth)
                assert code == 503, (code, body[:300])
                assert headers["Content-Type"] == "application/json"

                # The worker gets a parse task while the database is down: it retries with backoff.
                with celery_routed(broker_url=celery_broker_url, queue=worker.queue):
                    from ingest.tasks import process_article

                    process_article.delay(pending)
                # Two retries (exponential backoff with jitter: up to 2 s, then up to 4 s) before it comes back.
                _wait_log(worker.log_path, b"Retry in", timeout=30, count=2)
            finally:
                pg.server.start()

            # After: the same gunicorn workers and the same Celery worker carry on.
            deadline = time.monotonic() + 15
            while http("GET", f"{base}/healthz")[0] != 200:
                assert time.monotonic() < deadline, "web did not recover after the database came back"
                time.sleep(0.2)
            for path, _ in OUTAGE_PAGES:
                code, _, body = http("GET", base + path)
                assert code in {200, 404}, (path, code, body[:300])  # no incident 1 is fine; a 5xx is not
            assert _wait_status(base, token, pending, 90) == "done"
            assert web.poll() is None
            assert child_pids(web.pid) == web_workers
            assert worker.poll() is None
            log = worker.log_path.read_text()
            assert log.count("Retry in") >= 2
            assert "Traceback" not in http("GET", f"{base}/")[2].decode()
