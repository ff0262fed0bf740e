"""The same parse task delivered twice at once to two worker processes: one claims the article, the
other finds it taken and exits; the resulting state is exactly that of a single run."""

from __future__ import annotations

import time

import pytest

from incidents.models import Incident
from ingest import submission
from ingest.models import Article, IncidentSource
from ingest.tasks import process_article
from tests import services as test_services
from tests.faults.servers import celery_routed
from tests.ingest.conftest import ARTICLE_A, PUBLISHED_A

pytestmark = [pytest.mark.services, pytest.mark.worker, pytest.mark.django_db(transaction=True)]

INCIDENT_FIELDS = [f.name for f in Incident._meta.concrete_fields if f.name not in {"id", "created_at", "updated_at"}]


def snapshot() -> dict:
    """Everything a parse writes, without ids and timestamps."""
    article = Article.objects.get()
    return {
        "article": (article.status, article.attempts, article.error, article.extractor_version),
        "outcome_sizes": {k: len(v) for k, v in article.outcome.items()},
        "incidents": sorted(
            (tuple(str(v) for v in row) for row in Incident.objects.values_list(*INCIDENT_FIELDS)),
        ),
        "sources": sorted(
            (s.role, repr(s.reported), repr(s.evidence)) for s in IncidentSource.objects.select_related("incident")
        ),
    }


def test_one_task_delivered_twice_concurrently_runs_once(own_redis, test_database_url, gazetteer):
    # The claim holds the row for a second (test seam), so the second delivery surely overlaps the first.
    with (
        test_services.celery_worker(
            database_url=test_database_url,
            broker_url=own_redis.url,
            concurrency=2,
            extra_env={"INGEST_TEST_DELAY_SECONDS": "1"},
            log_name="twice",
        ) as worker,
        celery_routed(broker_url=own_redis.url, queue=worker.queue),
    ):
        article = submission.article_submit(text=ARTICLE_A, published=PUBLISHED_A).article  # delivery 1 (on commit)
        process_article.delay(article.pk)  # delivery 2, at once
        deadline = time.monotonic() + 60
        log = ""
        while log.count("succeeded") < 2:
            assert time.monotonic() < deadline, log[-3000:]
            time.sleep(0.1)
            log = worker.log_path.read_text()
    results = sorted(line.rsplit(":", 1)[-1].strip() for line in log.splitlines() if "succeeded" in line)
    assert results == ["'done'", "'skipped'"]
    concurrent = snapshot()
    assert concurrent["article"][:2] == (Article.Status.DONE, 1)

    # The same article parsed once, in-process, from scratch.
    Incident.objects.all().delete()
    Article.objects.all().delete()
    submission.article_submit(text=ARTICLE_A, published=PUBLISHED_A)
    assert snapshot() == concurrent
