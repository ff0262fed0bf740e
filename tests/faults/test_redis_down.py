"""Redis (our own, the broker of this test's web client, worker and beat) stopped while editors submit
50 articles through the form and the API: every submission is accepted and stored; once Redis is back
the beat's sweep re-enqueues them and all 50 reach done within the sweep interval, none processed twice.
"""

from __future__ import annotations

import time

import pytest
from django.db import connection
from django.test import Client
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from ingest.models import Article, IncidentSource
from tests import services as test_services
from tests.faults.articles import wire_report
from tests.faults.servers import celery_beat, celery_routed, missing

pytestmark = [pytest.mark.services, pytest.mark.worker, pytest.mark.django_db(transaction=True)]

SWEEP_INTERVAL, STUCK_AFTER = 2, 3


def test_submissions_during_a_broker_outage_are_kept_and_processed_once_after(own_redis, gazetteer, editor):
    if connection.vendor != "postgresql":
        missing("a worker process shares the test database only on PostgreSQL (set DATABASE_URL)")
    extra = {"INGEST_SWEEP_INTERVAL": str(SWEEP_INTERVAL), "INGEST_STUCK_AFTER": str(STUCK_AFTER)}
    database_url = test_services.database_url_for(connection.settings_dict)
    with test_services.celery_worker(
        database_url=database_url, broker_url=own_redis.url, extra_env=extra, log_name="redis-down"
    ) as worker:
        beat_env = {
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DATABASE_URL": database_url,
            "CELERY_BROKER_URL": own_redis.url,
            "CELERY_QUEUE": worker.queue,
            **extra,
        }
        with celery_beat(beat_env, name="redis-down-beat"), celery_routed(broker_url=own_redis.url, queue=worker.queue):
            form = Client()
            form.force_login(editor)
            api = APIClient()
            api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=editor).key}")

            own_redis.stop()
            started = time.monotonic()
            for i in range(50):
                text, published = wire_report(i)
                data = {"text": text, "published": published.isoformat()}
                if i % 2:
                    response = api.post("/api/v1/articles/", data, format="json")
                    assert response.status_code == 202, response.content
                else:
                    response = form.post("/articles/submit/", data)
                    assert response.status_code == 302, response.content[:500]
            submit_seconds = time.monotonic() - started
            assert submit_seconds < 60  # a dead broker must not hang editors (fail-fast enqueue)
            assert Article.objects.count() == 50
            assert set(Article.objects.values_list("status", "attempts")) == {(Article.Status.QUEUED, 0)}

            own_redis.start()
            back = time.monotonic()
            # The beat's next sweep (every SWEEP_INTERVAL s) finds them queued past STUCK_AFTER s.
            deadline = back + SWEEP_INTERVAL + STUCK_AFTER + 45  # generous for a shared CI machine
            while Article.objects.exclude(status__in=["done", "failed"]).exists():
                assert time.monotonic() < deadline, (
                    f"not drained: {list(Article.objects.values_list('status', flat=True))}\n"
                    f"{worker.log_path.read_text()[-3000:]}"
                )
                time.sleep(0.2)

    assert list(Article.objects.exclude(status="done").values_list("pk", "status", "error")) == []
    # Processed once each: one claim per article, and no article counted twice as a source.
    assert set(Article.objects.values_list("attempts", flat=True)) == {1}
    per_article = IncidentSource.objects.values_list("article_id", "incident_id")
    assert len(per_article) == len(set(per_article))
    assert IncidentSource.objects.values("article_id").distinct().count() == 50
