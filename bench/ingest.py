"""Ingest benchmark: submit → done latency on an idle real worker, and articles/second through one worker.

Uses the PostgreSQL and Redis on this machine (its own database ``bw_bench_ingest``, recreated
on every run, and Redis database 13), one real ``celery worker`` process with concurrency 1.

    python -m bench.ingest [--latency N] [--throughput N]      (from the repository root)
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
DB_NAME = "bw_bench_ingest"
DATABASE_URL = f"{PG}/{DB_NAME}"
BROKER_URL = os.environ.get("BENCH_REDIS", "redis://127.0.0.1:6379/13")

os.environ.update(
    {
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DATABASE_URL": DATABASE_URL,
        "CELERY_BROKER_URL": BROKER_URL,
        "DEBUG": "true",
    }
)

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
NUMBERS = ["Two", "Three", "Four", "Five", "Six"]
WEAPONS = ["rockets", "drones", "Katyusha rockets", "one-way attack drones"]


def _psql(sql: str) -> None:
    import psycopg

    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        conn.execute(sql)


def prepare_database() -> None:
    _psql(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")
    _psql(f"CREATE DATABASE {DB_NAME}")
    env = {**os.environ}
    for command in (["migrate", "--noinput", "-v0"], ["load_gazetteer"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True, stdout=subprocess.PIPE)
    import redis

    redis.Redis.from_url(BROKER_URL).flushdb()


def article_text(i: int, sites: list[str]) -> tuple[str, dt.date]:
    """A short wire-style report; every text is unique, sites and days vary so merges happen too."""
    group = i // 3  # three reports of each attack, with different figures
    published = dt.date(2024, 1, 1) + dt.timedelta(days=group % 300)
    site = sites[group % len(sites)]
    weekday = WEEKDAYS[(published.weekday() - 1) % 7]
    text = (
        f"{NUMBERS[i % len(NUMBERS)]} {WEAPONS[group % len(WEAPONS)]} targeted {site} on {weekday}, "
        f"a US defense official said on condition of anonymity. No casualties were reported. "
        f"The Islamic Resistance in Iraq said it carried out the attack. (Report {i}.)"
    )
    return text, published


def wait_done(pks: list[int], timeout: float = 600) -> None:
    from ingest.models import Article

    deadline = time.monotonic() + timeout
    pending = set(pks)
    while pending and time.monotonic() < deadline:
        finished = Article.objects.filter(pk__in=pending, status__in=["done", "failed"]).values_list("pk", flat=True)
        pending -= set(finished)
        if pending:
            time.sleep(0.005)
    if pending:
        raise SystemExit(f"{len(pending)} articles not done after {timeout}s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--latency", type=int, default=30, help="articles submitted one at a time")
    parser.add_argument("--throughput", type=int, default=300, help="articles submitted in one burst")
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    prepare_database()
    import django

    django.setup()
    from config.celery import app
    from incidents.models import Base, Incident
    from ingest import submission
    from ingest.models import Article
    from tests.services import celery_worker

    sites = list(Base.objects.order_by("slug").values_list("name", flat=True))
    counter = iter(range(10**9))

    def submit() -> int:
        text, published = article_text(next(counter), sites)
        return submission.article_submit(text=text, published=published).article.pk

    with celery_worker(database_url=DATABASE_URL, broker_url=BROKER_URL, log_name="bench-ingest") as worker:
        app.conf.task_always_eager = False
        app.conf.task_default_queue = worker.queue
        wait_done([submit()])  # warm-up: the worker loads spaCy on its first article

        latencies = []
        for _ in range(args.latency):
            started = time.perf_counter()
            wait_done([submit()])
            latencies.append(time.perf_counter() - started)
            time.sleep(0.05)  # idle worker: one article at a time

        started = time.perf_counter()
        burst = [submit() for _ in range(args.throughput)]
        submitted = time.perf_counter() - started
        wait_done(burst)
        elapsed = time.perf_counter() - started

    failed = Article.objects.filter(status="failed").count()
    rate = args.throughput / elapsed
    latencies.sort()
    p95 = latencies[max(0, round(0.95 * len(latencies)) - 1)]
    body = f"""## Ingest

One real Celery worker (concurrency 1) on Redis, PostgreSQL, the shipped gazetteer; short wire-style
articles, three reports of each attack (so two in three merge into an existing incident). Latency is measured from
`article_submit` (row saved, task enqueued on commit) until the row reads `done`.

- Submit → done on an idle worker ({args.latency} articles, one at a time): median **{statistics.median(latencies) * 1000:.0f} ms**, p95 {p95 * 1000:.0f} ms, max {latencies[-1] * 1000:.0f} ms (target < 2 s).
- Throughput through one worker: **{rate:.1f} articles/second** ({args.throughput} articles submitted in {submitted:.1f} s, all done after {elapsed:.1f} s).
- Result: {Article.objects.filter(status="done").count()} articles done, {failed} failed, {Incident.objects.count()} incidents.
"""  # noqa: E501
    print(body)
    from bench.report import write_section

    write_section("ingest", body)


if __name__ == "__main__":
    main()
