"""A backlog of articles queued at once drains through real workers with no duplicates and none stuck, with one
worker and with two. `python -m bench.faults` runs this test with BASEWATCH_BENCH_REPORT set: only then is the
backlog the benchmark's 500 articles and are the throughput figures written to docs/benchmarks.md (section
"faults"). In the suite it is 30 articles, enough for two workers to take tasks side by side for seconds (each
worker's log shows it took some)."""

from __future__ import annotations

import contextlib
import os
import time

import pytest
from django.db.models import Count

from incidents.models import Incident
from ingest.models import Article, IncidentSource, text_checksum
from ingest.tasks import process_article
from tests import services as test_services
from tests.faults.articles import wire_report
from tests.faults.servers import celery_routed

pytestmark = [pytest.mark.services, pytest.mark.worker, pytest.mark.django_db(transaction=True)]

BENCH = bool(os.environ.get("BASEWATCH_BENCH_REPORT"))
N = 500 if BENCH else 30


def drain(*, database_url: str, broker_url: str, workers: int) -> dict:
    Incident.objects.all().delete()
    Article.objects.all().delete()
    rows = []
    for i in range(N):
        text, published = wire_report(i)
        rows.append(Article(text=text, published=published, checksum=text_checksum(text)))
    pks = [a.pk for a in Article.objects.bulk_create(rows)]
    with contextlib.ExitStack() as stack:
        procs = [
            stack.enter_context(
                test_services.celery_worker(
                    database_url=database_url,
                    broker_url=broker_url,
                    queue="drain",
                    log_name=f"drain{workers}-{n}",
                    ready=False,
                )
            )
            for n in range(workers)
        ]
        for proc in procs:  # started side by side, all consuming before the first task is sent
            test_services.wait_ready(proc)
        stack.enter_context(celery_routed(broker_url=broker_url, queue="drain"))
        started = time.monotonic()
        for pk in pks:
            process_article.delay(pk)
        enqueued = time.monotonic() - started
        deadline = started + 240  # generous; the figure, not this bound, is what we report
        while Article.objects.filter(status__in=["queued", "processing"]).exists():
            assert time.monotonic() < deadline, procs[0].log_path.read_text()[-3000:]
            time.sleep(0.1)
        seconds = time.monotonic() - started
        test_services.stop_processes(procs)
    statuses = dict(Article.objects.values_list("status").annotate(n=Count("id")))
    assert statuses == {"done": N}, statuses
    assert set(Article.objects.values_list("attempts", flat=True)) == {1}
    pairs = list(IncidentSource.objects.values_list("article_id", "incident_id"))
    assert len(pairs) == len(set(pairs))
    assert {a for a, _ in pairs} == set(pks)
    for proc in procs:  # every worker drained part of the backlog
        assert "succeeded" in proc.log_path.read_text(), proc.log_path
    return {"workers": workers, "seconds": seconds, "enqueue": enqueued, "incidents": Incident.objects.count()}


def test_a_queued_backlog_drains_once_each_with_one_and_two_workers(own_redis, test_database_url, gazetteer):
    runs = [drain(database_url=test_database_url, broker_url=own_redis.url, workers=n) for n in (1, 2)]
    assert runs[0]["incidents"] == runs[1]["incidents"]  # same merges whatever the parallelism
    if not BENCH:
        return
    from bench.report import write_section

    lines = [
        "## Fault suite: draining a backlog",
        "",
        f"{N} distinct wire reports queued at once (`tests/faults/test_drain.py`), real Celery workers "
        "(concurrency 1 each) on Redis and PostgreSQL, the shipped gazetteer; every article done exactly once "
        f"(attempts = 1), no duplicate sources, {runs[0]['incidents']} incidents after merging.",
        "",
        "| workers | drain time | articles/second |",
        "| --- | --- | --- |",
        *(f"| {r['workers']} | {r['seconds']:.1f} s | {N / r['seconds']:.1f} |" for r in runs),
    ]
    write_section("faults", "\n".join(lines))
