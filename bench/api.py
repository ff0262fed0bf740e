"""API benchmark: 100,000 incidents in PostgreSQL, served by gunicorn, measured through HTTP.

python -m bench.api            (from the repository root; needs PostgreSQL on 127.0.0.1:5432, user postgres)
python -m bench.api --reuse    (skip creating and seeding: reuse the database of the last run)

Creates its own database (bw_bench_api), seeds it with COPY, starts gunicorn (2 workers,
DEBUG off) on a free loopback port and times each endpoint next to the raw SQL it runs,
re-executed with psycopg in the same run. Writes docs/benchmarks.md (section "api").
"""

from __future__ import annotations

import random
import re
import statistics
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import django
import psycopg

from bench.harness import (
    DB,
    HOST,
    PG,
    create_database,
    free_port,
    get,
    peak_rss_mb,
    seed,
    start_gunicorn,
    stats,
    worker_pids,
)

LIST_URL = "/api/v1/incidents/?page_size=100&country=IQ&weapon=rocket&date_from=2023-01-01"
GEOJSON_URL = "/api/v1/incidents/?format=geojson&date_from=2024-03-01&date_to=2024-12-31"
CSV_URL = "/api/v1/incidents/?format=csv&status=all"
TIMELINE_URL = "/api/v1/stats/timeline/?interval=week&split=faction"


# --- timing ---------------------------------------------------------------------------------


def time_http(port: int, url: str, n: int, headers: dict | None = None) -> dict:
    for _ in range(3):
        status, *_ = get(port, url, headers)
        assert status == 200, (url, status)
    samples, size, first = [], 0, []
    for _ in range(n):
        status, size, ttfb, total = get(port, url, headers)
        assert status == 200
        samples.append(total)
        first.append(ttfb)
    median, p95 = stats(samples)
    return {"median": median, "p95": p95, "bytes": size, "ttfb": statistics.median(first) * 1000}


def captured_sql(url: str, headers: dict | None = None) -> list[str]:
    """The SQL the endpoint runs for ``url``, captured in-process (same code, same database)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST=HOST, **{f"HTTP_{k.upper().replace('-', '_')}": v for k, v in (headers or {}).items()})
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
        if response.streaming:
            for _ in response.streaming_content:
                pass
    assert response.status_code == 200, response.content[:300]
    # Auth and group lookups are not the data query.
    queries = [q["sql"] for q in ctx.captured_queries if "authtoken" not in q["sql"] and "auth_user" not in q["sql"]]
    # A server-side cursor is captured as its DECLARE; time the SELECT itself.
    return [re.sub(r"^DECLARE .*? CURSOR (WITH(OUT)? HOLD )?FOR ", "", q, flags=re.S) for q in queries]


def time_sql(queries: list[str], n: int) -> dict:
    samples = []
    with psycopg.connect(f"{PG}/{DB}", autocommit=True) as conn:
        for i in range(n + 2):
            start = time.perf_counter()
            for sql in queries:
                with conn.cursor() as cur:
                    cur.execute(sql.encode())
                    if cur.description:
                        cur.fetchall()
            if i >= 2:
                samples.append(time.perf_counter() - start)
    median, p95 = stats(samples)
    return {"median": median, "p95": p95}


def load(port: int, seconds: float, threads: int, faction: str) -> dict:
    urls = [
        "/api/v1/incidents/?page_size=50",
        "/api/v1/incidents/?page_size=100&country=IQ&weapon=rocket&date_from=2023-01-01",
        f"/api/v1/incidents/?faction={faction}&page_size=20",
        "/api/v1/incidents/?bbox=38,29,49,37.5&min_killed=1",
        "/api/v1/stats/timeline/?interval=month&country=SY",
        "/api/v1/bases/",
    ]
    deadline = time.monotonic() + seconds
    rng = random.Random(1)

    def run(_: int) -> tuple[int, int]:
        ok = errors = 0
        while time.monotonic() < deadline:
            status, *_ = get(port, rng.choice(urls))
            ok += status == 200
            errors += status != 200
        return ok, errors

    start = time.monotonic()
    with ThreadPoolExecutor(threads) as pool:
        results = list(pool.map(run, range(threads)))
    elapsed = time.monotonic() - start
    ok, errors = sum(r[0] for r in results), sum(r[1] for r in results)
    return {"requests": ok + errors, "errors": errors, "rps": (ok + errors) / elapsed, "threads": threads}


def best_of(fn: Callable[[], object], n: int) -> float:
    samples = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


# --- main -----------------------------------------------------------------------------------


def main() -> None:
    t0 = time.perf_counter()
    reuse = "--reuse" in sys.argv  # keep the database of a previous run (while tuning)
    if not reuse:
        create_database()
    django.setup()
    from django.contrib.auth.models import User
    from rest_framework.authtoken.models import Token

    from incidents.models import Incident
    from incidents.selectors.export import incidents_geojson
    from incidents.selectors.timeline import incident_timeline
    from ingest.models import Article

    if reuse:
        editor = User.objects.get(username="bench-editor")
        facts = {"token": Token.objects.get(user=editor).key, "articles": Article.objects.count()}
    else:
        facts = seed()
    seeded = time.perf_counter() - t0
    token = {"Authorization": f"Token {facts['token']}"}
    # The faction in the load mix must exist in the shipped gazetteer.
    from incidents.models import Faction

    umbrella = Faction.objects.filter(umbrella__isnull=True, members__isnull=False).first()
    faction_slug = umbrella.slug if umbrella else Faction.objects.first().slug

    port = free_port()
    proc = start_gunicorn(port)
    try:
        pids = worker_pids(proc.pid)
        for _ in range(10):  # warm both workers on small answers
            get(port, "/api/v1/incidents/?page_size=10")
        rss_before = peak_rss_mb(pids)
        csv = time_http(port, CSV_URL, 5, token)
        rss_after_csv = peak_rss_mb(pids)
        listing = time_http(port, LIST_URL, 200)
        geo = time_http(port, GEOJSON_URL, 30)
        timeline = time_http(port, TIMELINE_URL, 50)
        concurrent = load(port, 10.0, 8, faction_slug)
    finally:
        proc.terminate()
        proc.wait(timeout=30)

    raw = {
        "list": time_sql(captured_sql(LIST_URL), 200),
        "geo": time_sql(captured_sql(GEOJSON_URL), 30),
        "csv": time_sql(captured_sql(CSV_URL, token), 5),
        "timeline": time_sql(captured_sql(TIMELINE_URL), 50),
    }
    geo_qs = Incident.objects.published().filter(date__gte="2024-03-01", date__lte="2024-12-31")
    geo_count = geo_qs.count()
    geo_db = best_of(lambda: incidents_geojson(geo_qs, url_prefix="/i/", in_database=True), 10)
    geo_py = best_of(lambda: incidents_geojson(geo_qs, url_prefix="/i/", in_database=False), 10)
    tl_qs = Incident.objects.published()
    tl_rows = len(incident_timeline(tl_qs, interval="week", split="faction"))
    total = Incident.objects.count()

    def ratio(http_ms: float, sql_ms: float) -> str:
        return f"{http_ms / sql_ms:.1f}x" if sql_ms else "-"

    lines = [
        f"PostgreSQL, {total:,} incidents ({facts['articles']:,} articles as sources), seeded with COPY in "
        f"{seeded:.0f} s including migrations{' (reused)' if reuse else ''}. "
        "gunicorn, 2 sync workers, DEBUG off, through HTTP on loopback. "
        "Raw SQL = the queries the endpoint runs (captured in-process), re-executed with psycopg.",
        "",
        "| request | median | p95 | raw SQL median | HTTP / SQL | target |",
        "| --- | ---: | ---: | ---: | ---: | --- |",
        f"| list page of 100, three filters (`country`, `weapon`, `date_from`) | {listing['median']:.1f} ms | "
        f"{listing['p95']:.1f} ms | {raw['list']['median']:.1f} ms | {ratio(listing['median'], raw['list']['median'])} "
        f"| p95 < 50 ms: {'met' if listing['p95'] < 50 else 'missed'} |",
        f"| GeoJSON, {geo_count:,} incidents ({geo['bytes'] / 1e6:.1f} MB) | {geo['median']:.0f} ms | "
        f"{geo['p95']:.0f} ms | {raw['geo']['median']:.0f} ms | {ratio(geo['median'], raw['geo']['median'])} | "
        f"≤ 2x SQL: {'met' if geo['median'] <= 2 * raw['geo']['median'] else 'missed'} |",
        f"| CSV, all {total:,} incidents ({csv['bytes'] / 1e6:.1f} MB), first byte {csv['ttfb']:.0f} ms | "
        f"{csv['median']:.0f} ms | {csv['p95']:.0f} ms | {raw['csv']['median']:.0f} ms | "
        f"{ratio(csv['median'], raw['csv']['median'])} | < 3 s: {'met' if csv['p95'] < 3000 else 'missed'} |",
        f"| weekly timeline split by faction ({tl_rows:,} rows) | {timeline['median']:.1f} ms | "
        f"{timeline['p95']:.1f} ms | {raw['timeline']['median']:.1f} ms | "
        f"{ratio(timeline['median'], raw['timeline']['median'])} | "
        f"≤ 2x SQL: {'met' if timeline['median'] <= 2 * raw['timeline']['median'] else 'missed'} |",
        "",
        f"- CSV memory: peak RSS of the gunicorn workers {rss_before:.0f} MB before the five 100k-row exports, "
        f"{rss_after_csv:.0f} MB after (rows stream from a server-side cursor, 2,000 at a time).",
        f"- GeoJSON of the same {geo_count:,} incidents built in-process: `json_agg` in PostgreSQL {geo_db:.0f} ms, "
        f"Python serialization of the same rows {geo_py:.0f} ms (median of 10) — the API uses the database path "
        "on PostgreSQL.",
        f"- Concurrent load: {concurrent['threads']} client threads for 10 s over a mix of list, filter, timeline "
        f"and bases requests: {concurrent['requests']:,} requests, {concurrent['rps']:.0f} requests/s, "
        f"{concurrent['errors']} errors.",
    ]
    body = "\n".join(lines)
    print(body)
    from bench.report import write_section

    write_section("api", "## API\n\n" + body)


if __name__ == "__main__":
    main()
