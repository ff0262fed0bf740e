"""API benchmark: every read endpoint over 100,000 incidents in PostgreSQL, through gunicorn, cold and warm,
each next to its raw SQL measured in the same run.

python -m bench.api            (from the repository root; needs PostgreSQL and Redis on 127.0.0.1)
python -m bench.api --reuse    (skip creating and seeding: reuse the database of the last run)
python -m bench.api --quick    (fewer requests per endpoint, while developing; figures are rougher)

BENCH_DB names the database (default bw_bench_api), BENCH_CACHE_URL the Redis database of the shared
response cache (default redis://127.0.0.1:6379/13; it is flushed).

- cold: every request carries a filter combination not asked before in the run, and the shared response
  cache is flushed before each one, so the answer is built (queries, serialization) as a researcher
  with a new filter meets it. PostgreSQL's own buffers are warm (the SQL was captured just before), as
  they are for the raw SQL.
- warm: the same URLs again. Answers the server caches come from the cache (checked: X-Cache: hit);
  answers it does not cache (incident detail, changes feed, CSV) are revalidated with If-None-Match
  and answer 304, and are labelled so.
- raw SQL: the statements the endpoint ran for each cold URL (captured in-process, auth lookups left
  out), re-executed with psycopg with the app's session settings (jit off); for the CSV, the COPY
  statement the endpoint streams, read to the end.

Requests send no Accept-Encoding: every figure is of the plain answer, as in earlier runs (bench/load.py asks
as a browser does, gzip accepted, and so pays for compressing the map points; bench/map.py measures both).

Writes docs/benchmarks.md (section "api"). No timing is asserted anywhere in the tests.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import re
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from bench.harness import (
    DB,
    HOST,
    PG,
    create_database,
    fetch,
    free_port,
    migrate_database,
    peak_rss_mb,
    seed,
    start_gunicorn,
    stats,
    worker_pids,
)

CACHE_URL = os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/13")
APP_SESSION = "-c jit=off -c DateStyle=ISO,MDY"  # what config/settings.py sets on the app's connections

import django  # noqa: E402
import psycopg  # noqa: E402

# --- the cold URLs: distinct filter combinations -------------------------------------------------------


@dataclass
class World:
    countries: list[str]
    bases: list[str]
    factions: list[str]
    ids: list[int]
    token: str


def _window(rng: random.Random, months: int, *, latest: dt.date = dt.date(2025, 12, 31)) -> tuple[dt.date, dt.date]:
    span = dt.timedelta(days=int(30.4 * months))
    start = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randint(0, (latest - dt.date(2019, 1, 1) - span).days))
    return start, start + span


def _distinct(make: Callable[[random.Random], str], n: int, seed_: int) -> list[str]:
    seen: set[str]
    out: list[str]
    rng, seen, out = random.Random(seed_), set(), []
    while len(out) < n:
        url = make(rng)
        if url not in seen:
            seen.add(url)
            out.append(url)
    return out


def list_url(w: World) -> Callable[[random.Random], str]:
    def make(rng: random.Random) -> str:
        params = ["page_size=100"]
        choices = [
            lambda: f"country={rng.choice(w.countries)}",
            lambda: f"weapon={rng.choice(['rocket', 'drone', 'missile', 'mortar'])}",
            lambda: f"date_from={_window(rng, 12)[0]}",
            lambda: "date_from={}&date_to={}".format(*_window(rng, rng.randint(1, 24))),
            lambda: f"faction={rng.choice(w.factions)}",
            lambda: f"min_killed={rng.randint(1, 2)}",
            lambda: f"claimed={rng.choice(['true', 'false'])}",
            lambda: f"base={rng.choice(w.bases)}",
            lambda: f"ordering={rng.choice(['-date', 'date', '-killed', '-injured', '-launched'])}",
        ]
        for pick in rng.sample(choices, rng.randint(2, 4)):
            value = pick()
            if not any(f"{name}=" in "&".join(params) for name in re.findall(r"(\w+)=", value)):
                params.append(value)  # a parameter once (the date range and date_from both set date_from)
        return "/api/v1/incidents/?" + "&".join(params)

    return make


def geojson_url(rng: random.Random) -> str:
    # About ten months: some 11,000 incidents, the size of the GeoJSON figure.
    start, end = _window(rng, 10)
    return f"/api/v1/incidents/?format=geojson&date_from={start}&date_to={end}"


def points_url(w: World) -> Callable[[random.Random], str]:
    def make(rng: random.Random) -> str:
        start, end = _window(rng, rng.randint(3, 24))
        extra = rng.choice(
            ["", f"&country={rng.choice(w.countries)}", "&weapon=drone", f"&faction={rng.choice(w.factions)}"]
        )
        return f"/api/v1/incidents/points/?date_from={start}&date_to={end}{extra}"

    return make


def timeline_faction_url(rng: random.Random) -> str:
    # Nearly all of the data (the figure was over every published incident), a new range each time.
    start = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randint(0, 200))
    end = dt.date(2025, 12, 31) - dt.timedelta(days=rng.randint(0, 200))
    return f"/api/v1/stats/timeline/?interval=week&split=faction&date_from={start}&date_to={end}"


def timeline_other_url(w: World) -> Callable[[random.Random], str]:
    def make(rng: random.Random) -> str:
        start, end = _window(rng, rng.randint(6, 48))
        split = rng.choice(["", "&split=weapon", "&split=base", "&split=country"])
        return (
            f"/api/v1/stats/timeline/?interval={rng.choice(['month', 'week'])}{split}&date_from={start}&date_to={end}"
        )

    return make


def detail_url(w: World) -> Callable[[random.Random], str]:
    return lambda rng: f"/api/v1/incidents/{rng.choice(w.ids)}/"


def changes_url(rng: random.Random) -> str:
    since = dt.datetime.now(dt.UTC) - dt.timedelta(days=rng.randint(1, 360), seconds=rng.randint(0, 86400))
    return f"/api/v1/changes/?since={since:%Y-%m-%dT%H:%M:%SZ}&limit=500"


def csv_url(rng: random.Random) -> str:
    ordering = rng.choice(["", "&ordering=date", "&ordering=-killed", "&ordering=id", "&ordering=-updated_at"])
    return f"/api/v1/incidents/?format=csv&status=all{ordering}"


# --- measuring -------------------------------------------------------------------------------------------


@dataclass
class Endpoint:
    name: str
    urls: list[str]
    warm: str  # "cache" (server-side hit) or "304" (revalidation: not cached server-side)
    editor: bool = False
    target: str = ""
    cold: list[float] = field(default_factory=list)
    warm_s: list[float] = field(default_factory=list)
    sql: list[float] = field(default_factory=list)
    sizes: list[int] = field(default_factory=list)
    ttfb: list[float] = field(default_factory=list)
    hits: int = 0
    misses: int = 0


def flush_cache() -> None:
    import redis

    redis.Redis.from_url(CACHE_URL).flushdb()


def captured_sql(url: str, token: str | None) -> list[str]:
    """The SQL the endpoint runs for ``url``, captured in-process (same code, same database, no cache)."""
    from django.core.cache import caches
    from django.db import connection
    from django.http import StreamingHttpResponse
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    caches["responses"].clear()  # in-process the response cache is local memory: cleared, nothing is served from it
    extra: dict[str, Any] = {"HTTP_AUTHORIZATION": f"Token {token}"} if token else {}
    client = Client(HTTP_HOST=HOST, **extra)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
        if isinstance(response, StreamingHttpResponse):  # what response.streaming says
            for _ in response.streaming_content:
                pass
    assert response.status_code == 200, (url, response.status_code)
    # Auth and group lookups are not the data query.
    queries = [q["sql"] for q in ctx.captured_queries if "authtoken" not in q["sql"] and "auth_user" not in q["sql"]]
    # A server-side cursor is captured as its DECLARE; time the SELECT itself.
    return [re.sub(r"^DECLARE .*? CURSOR (WITH(OUT)? HOLD )?FOR ", "", q, flags=re.S) for q in queries]


def csv_copy_statement(url: str) -> str:
    """The COPY statement the CSV endpoint streams for ``url`` (COPY runs outside Django's query capture)."""
    from django.db import connection

    from incidents.models import Incident
    from incidents.selectors.csv_copy import copy_statement

    ordering = re.search(r"ordering=([-\w]+)", url)
    statement, params = copy_statement(Incident.objects.all(), ordering=ordering.group(1) if ordering else "-date")
    with connection.cursor() as cursor:
        return cursor.cursor.mogrify(statement, params)


_EXECUTE = re.compile(r"^EXECUTE (bw_\w+)")
_prepared_on: dict[int, set[str]] = {}


def _prepare(conn: psycopg.Connection, queries: list[str]) -> None:
    """Prepare on ``conn`` the statements ``queries`` execute, once a session, as the app's workers have (untimed):
    the app prepares a shape once per session (``incidents.prepared``), on its driver's cursor, so the captured SQL
    holds only its ``EXECUTE name(...)``."""
    from incidents.prepared import statements

    done = _prepared_on.setdefault(id(conn), set())
    known = statements()
    for sql in queries:
        m = _EXECUTE.match(sql)
        if m is not None and m.group(1) not in done:
            conn.execute(f"PREPARE {m.group(1)} {known[m.group(1)]}".encode())
            done.add(m.group(1))


def run_sql(conn: psycopg.Connection, queries: list[str]) -> float:
    _prepare(conn, queries)
    start = time.perf_counter()
    for sql in queries:
        with conn.cursor() as cur:
            if sql.startswith("COPY "):
                with cur.copy(sql.encode()) as copy:
                    for _ in copy:
                        pass
                continue
            cur.execute(sql.encode())
            if cur.description:
                cur.fetchall()
    return time.perf_counter() - start


def measure(port: int, ep: Endpoint, token: str) -> None:
    auth = {"Authorization": f"Token {token}"} if ep.editor else {}
    captured = [captured_sql(url, token if ep.editor else None) for url in ep.urls]
    if "format=csv" in ep.urls[0]:
        captured = [[*q, csv_copy_statement(url)] for q, url in zip(captured, ep.urls, strict=True)]
    etags = {}
    for url in ep.urls:  # cold
        flush_cache()
        reply = fetch(port, url, auth)
        assert reply.status == 200, (url, reply.status)
        ep.cold.append(reply.total)
        ep.sizes.append(reply.size)
        ep.ttfb.append(reply.ttfb)
        ep.misses += reply.cache == "miss"
        etags[url] = reply.etag
    if ep.warm == "cache":
        for url in ep.urls:  # each cold request flushed the one before it from the cache: store them all again
            fetch(port, url, auth)
    for url in ep.urls:  # warm
        headers = dict(auth)
        if ep.warm == "304":
            headers["If-None-Match"] = etags[url]
        reply = fetch(port, url, headers)
        assert reply.status == (304 if ep.warm == "304" else 200), (url, reply.status)
        ep.warm_s.append(reply.total)
        ep.hits += reply.cache == "hit"
    with psycopg.connect(f"{PG}/{DB}", autocommit=True, options=APP_SESSION) as conn:
        run_sql(conn, captured[0])  # one warm-up, as the HTTP side's gunicorn was warmed
        ep.sql = [run_sql(conn, queries) for queries in captured]


# --- main ------------------------------------------------------------------------------------------------


def ms(values: list[float]) -> tuple[float, float]:
    return stats(values)


def fmt(x: float) -> str:
    return f"{x:.1f}" if x < 100 else f"{x:.0f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reuse", action="store_true", help="reuse the seeded database of a previous run")
    parser.add_argument("--quick", action="store_true", help="fewer requests per endpoint (development)")
    parser.add_argument("--no-write", action="store_true", help="print only; leave docs/benchmarks.md alone")
    args = parser.parse_args()
    load_before = os.getloadavg()
    t0 = time.perf_counter()
    if args.reuse:
        migrate_database()
    else:
        create_database()
    django.setup()
    from django.contrib.auth.models import User
    from rest_framework.authtoken.models import Token

    from incidents.models import Base, Faction, Incident
    from ingest.models import Article

    reused = {"token": Token.objects.get(user=User.objects.get(username="bench-editor")).key} if args.reuse else None
    facts = reused or seed()
    seeded = time.perf_counter() - t0
    w = World(
        countries=sorted(set(Base.objects.values_list("country", flat=True))),
        bases=list(Base.objects.values_list("slug", flat=True)),
        factions=list(Faction.objects.values_list("slug", flat=True)),
        ids=list(Incident.objects.published().values_list("id", flat=True)),
        token=facts["token"],
    )
    total, articles = Incident.objects.count(), Article.objects.count()
    k = 4 if args.quick else 1
    endpoints = [
        Endpoint(
            "list page of 100, 2-4 filters and an ordering", _distinct(list_url(w), 200 // k, 1), "cache", target="list"
        ),
        Endpoint("incident detail (with sources and evidence)", _distinct(detail_url(w), 100 // k, 2), "304"),
        Endpoint(
            "GeoJSON, ten months (about 11,000 incidents)",
            _distinct(geojson_url, 30 // k, 3),
            "cache",
            target="geojson",
        ),
        Endpoint("map points, 3-24 months, some filtered", _distinct(points_url(w), 30 // k, 4), "cache"),
        Endpoint(
            "weekly timeline split by faction, nearly all incidents",
            _distinct(timeline_faction_url, 30 // k, 5),
            "cache",
            target="timeline",
        ),
        Endpoint(
            "other timelines (week/month; weapon, base, country or no split)",
            _distinct(timeline_other_url(w), 30 // k, 6),
            "cache",
        ),
        Endpoint("changes feed, 500 per call", _distinct(changes_url, 30 // k, 7), "304"),
        Endpoint("bases list", ["/api/v1/bases/"], "cache"),
        Endpoint("base detail", [f"/api/v1/bases/{s}/" for s in w.bases[: 20 // k]], "cache"),
        Endpoint("factions list", ["/api/v1/factions/"], "cache"),
        Endpoint("faction detail", [f"/api/v1/factions/{s}/" for s in w.factions[: 20 // k]], "cache"),
        Endpoint(
            f"CSV of all {total:,} incidents (editor, status=all), an ordering each",
            _distinct(csv_url, 5, 8),
            "304",
            editor=True,
            target="csv",
        ),
    ]

    os.environ["CACHE_URL"] = CACHE_URL  # gunicorn's workers share the Redis cache; this process keeps its own
    port = free_port()
    proc = start_gunicorn(port)
    try:
        pids = worker_pids(proc.pid)
        for i in range(10):  # warm both workers on small answers
            fetch(port, f"/api/v1/incidents/?page_size=10&min_killed={i}")
        # The CSV first, so the workers' peak memory before and after it is the export's own.
        endpoints.sort(key=lambda ep: ep.target != "csv")
        rss_before = peak_rss_mb(pids)
        for ep in endpoints:
            measure(port, ep, w.token)
            if ep.target == "csv":
                rss_after_csv = peak_rss_mb(pids)
            print(f"  {ep.name}: cold {fmt(ms(ep.cold)[0])} ms, raw SQL {fmt(ms(ep.sql)[0])} ms", flush=True)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    load_after = os.getloadavg()

    met: dict[str, bool] = {}
    rows = []
    for ep in endpoints:
        cold_med, cold_p95 = ms(ep.cold)
        warm_med, warm_p95 = ms(ep.warm_s)
        sql_med, sql_p95 = ms(ep.sql)
        ratio = cold_med / sql_med if sql_med else 0.0
        verdict = ""
        if ep.target == "list":
            met["list"] = cold_p95 < 50
            verdict = f"cold p95 < 50 ms: {'met' if met['list'] else 'NOT met'}"
        elif ep.target in ("geojson", "timeline"):
            met[ep.target] = ratio <= 1.5
            verdict = f"cold ≤ 1.5x SQL: {'met' if met[ep.target] else 'NOT met'}"
        elif ep.target == "csv":
            met["csv"] = cold_med <= 1500
            verdict = f"≤ 1.5 s: {'met' if met['csv'] else 'NOT met'} (p95 {cold_p95 / 1000:.2f} s)"
        warm_label = (
            f"{fmt(warm_med)} / {fmt(warm_p95)} ms ({'cache hit' if ep.warm == 'cache' else '304 revalidation'}"
            f"{'' if ep.warm != 'cache' or ep.hits == len(ep.urls) else f', {ep.hits} of {len(ep.urls)} hits'})"
        )
        size = statistics.median(ep.sizes)
        size_txt = f"{size / 1e6:.1f} MB" if size >= 1e5 else f"{size / 1e3:.0f} kB"
        rows.append(
            f"| {ep.name} | {len(ep.urls)} | {size_txt} | **{fmt(cold_med)}** / {fmt(cold_p95)} ms | "
            f"{fmt(sql_med)} / {fmt(sql_p95)} ms | {ratio:.2f}x | {warm_label} | {verdict} |"
        )
        assert ep.misses == len(ep.urls) or ep.warm == "304", f"{ep.name}: a cold request was served from the cache"

    csv_ep = next(ep for ep in endpoints if ep.target == "csv")
    from bench.report import machine

    stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "## API: every read endpoint, cold and warm, next to its raw SQL",
        "",
        f"PostgreSQL, {total:,} incidents ({articles:,} articles as sources), seeded with COPY in {seeded:.0f} s "
        f"including migrations{' (reused)' if args.reuse else ''}. gunicorn, 2 sync workers, DEBUG off, the "
        "response cache in Redis (shared by the workers), through HTTP on loopback, one request at a time; "
        "DATA_VERSION_MAX_AGE_MS=0 (the default: every request, warm ones too, reads the data version, the "
        "counters the database's triggers keep: one key lookup and a count of at most a few hundred change rows; "
        "the deploy config reuses it for a second).",
        "",
        "- **Cold**: each request carries a filter combination not asked before in the run (ids, slugs, date "
        "ranges, orderings), and the response cache is flushed before it: the answer is built as a researcher "
        "with a new filter meets it. PostgreSQL's buffers are warm, as they are for the raw SQL.",
        "- **Warm**: the same URLs again. Cached answers are cache hits (X-Cache: hit); the detail, changes feed "
        "and CSV are not cached server-side, so their warm figure is a conditional request answered 304.",
        "- **Raw SQL**: the statements the endpoint ran for the same URLs (captured in-process; auth lookups "
        "left out; for the CSV the COPY it streams, read to the end), re-executed with psycopg, jit off as in "
        "the app. *x SQL* = cold median / raw SQL median.",
        f"- Machine load average (1/5/15 min) before the run {'/'.join(f'{x:.1f}' for x in load_before)}, after "
        f"{'/'.join(f'{x:.1f}' for x in load_after)} (2 cores; other work on the machine inflates every figure).",
        "",
        "| endpoint | URLs | size | cold median / p95 | raw SQL median / p95 | x SQL | warm median / p95 | target |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |",
        *rows,
        "",
        f"- CSV: first byte after {statistics.median(csv_ep.ttfb) * 1000:.0f} ms; memory: peak RSS of the gunicorn "
        f"workers {rss_before:.0f} MB before the {len(csv_ep.urls)} exports of {total:,} rows "
        f"({statistics.median(csv_ep.sizes) / 1e6:.1f} MB each), {rss_after_csv:.0f} MB after: PostgreSQL streams "
        "the incidents' stored CSV lines (`COPY (SELECT …) TO STDOUT`) in 64 kB batches, so memory stays flat"
        f" ({'flat' if rss_after_csv - rss_before < 20 else 'NOT flat'}: "
        f"{rss_after_csv - rss_before:+.0f} MB).",
        "- Targets: " + "; ".join(f"{name} {'met' if ok else 'NOT met'}" for name, ok in met.items()) + ".",
    ]
    body = "\n".join(lines)
    print(f"Machine: {machine()}; {stamp}")
    print(body)
    if not args.no_write:
        from bench.report import write_section

        write_section("api", body)


if __name__ == "__main__":
    main()
