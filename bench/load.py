"""Load run: gunicorn + PostgreSQL with 100,000 incidents, a realistic read mix at the highest rate the
machine holds with zero errors and p95 under 300 ms, while articles are submitted and parsed by a real worker.

python -m bench.load                    (5 minutes at the rate found; needs PostgreSQL and Redis on 127.0.0.1)
python -m bench.load --duration 60      (shorter hold while developing)
python -m bench.load --reuse            (keep the seeded database of a previous run)
python -m bench.load --rate 120         (no search: hold this rate, e.g. to compare settings)
python -m bench.load --workers 3 --threads 8 --data-version-ms 0   (other gunicorn / app settings)

Seeds its own database (BENCH_LOAD_DB, default bw_bench_load) with bench/harness.py's seeding, starts gunicorn
(config/gunicorn.conf.py, with WEB_CONCURRENCY / GUNICORN_THREADS / DATA_VERSION_MAX_AGE_MS as the deploy
config sets them unless overridden), the response cache in Redis (BENCH_CACHE_URL, flushed) and one Celery
worker (BENCH_BROKER_URL), then steps an open-loop request rate up (latency counted from each request's
scheduled time, so a slow server cannot hide its queue) and holds the highest passing rate for --duration
seconds (or --rate, skipping the search). Most map, timeline, list and GeoJSON requests carry a filter
combination not asked before, so they are built, not served from the cache. Every request accepts gzip, as the
dashboard's browser does, so the answers the server compresses (the map points) are compressed when new.
Writes docs/benchmarks.md (section "load"), with the machine's load average before the run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import subprocess
import sys
import threading
import time
import uuid
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor

from bench import harness as seeding  # sets the bench environment (DEBUG off, no throttling) on import

DB = os.environ.get("BENCH_LOAD_DB", "bw_bench_load")
BROKER = os.environ.get("BENCH_BROKER_URL", "redis://127.0.0.1:6379/12")
# The response cache the gunicorn workers share (flushed at the start): a Redis database of its own.
CACHE_URL = os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/13")
QUEUE = f"bench-load-{uuid.uuid4().hex[:6]}"
P95_TARGET_MS = 300.0
RATE_TARGET = 200.0  # requests/s held for 5 minutes on 2 cores
seeding.DB = DB
os.environ.update({"DATABASE_URL": f"{seeding.PG}/{DB}", "CELERY_BROKER_URL": BROKER, "CELERY_QUEUE": QUEUE})

import django  # noqa: E402

# (weight, kind): what a researcher's session looks like, roughly: mostly the dashboard (its map points and
# timeline for the filters chosen) and API lists; most of those carry filters the cache has not seen.
MIX = [
    (30, "map"),
    (15, "timeline"),
    (20, "incident"),
    (15, "list"),
    (5, "geojson"),
    (5, "base"),
    (5, "csv"),
    (5, "bases"),
]
# Share of map, timeline, list and GeoJSON requests with a filter combination the run has not asked before
# (a date range to the day, plus other filters); the rest are the popular views (every incident, a country).
UNSEEN = 0.8
# Every request says what the dashboard's browser says (and python requests, curl --compressed): it takes gzip.
# Answers the server compresses are read as served, compressed (the body is not decompressed: a browser would
# do that on its own machine, not on the server's cores).
CLIENT_HEADERS = {"Accept-Encoding": "gzip"}


def get(port: int, url: str) -> tuple[int, int, float, float]:
    """(status, body bytes as sent, seconds to first byte, seconds to full body) of one GET as a browser asks it."""
    return seeding.get(port, url, CLIENT_HEADERS)


class Urls:
    """Random but plausible URLs of each kind, from the seeded data."""

    def __init__(self, published_ids: list[int], base_slugs: list[str], faction_slugs: list[str]) -> None:
        self.ids, self.bases, self.factions = published_ids, base_slugs, faction_slugs

    def _window(self, rng: random.Random, months: int) -> str:
        start = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randint(0, 6 * 365))
        end = start + dt.timedelta(days=rng.randint(28 * months, 31 * months))
        return f"date_from={start}&date_to={end}"

    def _filters(self, rng: random.Random, months: tuple[int, int]) -> str:
        """A new combination: a date range to the day, and sometimes a country, weapon or faction."""
        extra = rng.choice(
            [
                "",
                "",
                "&country=IQ",
                "&country=SY",
                "&weapon=drone",
                "&weapon=rocket",
                f"&faction={rng.choice(self.factions)}",
            ]
        )
        return self._window(rng, rng.randint(*months)) + extra

    def _popular(self, rng: random.Random) -> str:
        return rng.choice(["", "country=IQ", "country=SY", "weapon=drone"])

    def pick(self, kind: str, rng: random.Random) -> str:
        unseen = rng.random() < UNSEEN
        if kind == "map":  # the dashboard's points for the filters chosen
            query = self._filters(rng, (1, 24)) if unseen else self._popular(rng)
            return "/api/v1/incidents/points/" + (f"?{query}" if query else "")
        if kind == "timeline":  # the dashboard's timeline for the same filters
            query = self._filters(rng, (3, 36)) if unseen else self._popular(rng)
            return "/api/v1/stats/timeline/?interval=week&split=faction" + (f"&{query}" if query else "")
        if kind == "list":
            if not unseen:
                return rng.choice(["/api/v1/incidents/?page_size=50", "/api/v1/incidents/?page_size=100&country=IQ"])
            order = rng.choice(["", "", "&ordering=-killed", "&ordering=date"])
            return f"/api/v1/incidents/?page_size={rng.choice([20, 50, 100])}&{self._filters(rng, (1, 36))}{order}"
        if kind == "geojson":  # a download of a few months
            query = self._filters(rng, (1, 3)) if unseen else "date_from=2024-01-01&date_to=2024-03-31"
            return f"/api/v1/incidents/?format=geojson&{query}"
        if kind == "incident":
            return f"/incidents/{rng.choice(self.ids)}/"
        if kind == "base":
            return f"/bases/{rng.choice(self.bases)}/"
        if kind == "bases":
            return "/api/v1/bases/"
        return f"/api/v1/incidents/?format=csv&{self._window(rng, 1)}"  # a researcher's monthly export


def run_at_rate(port: int, urls: Urls, rate: float, seconds: float, *, threads: int = 24, seed: int = 1) -> dict:
    """Open loop: request i is due at start + i/rate; its latency counts from then, not from when it was sent."""
    rng = random.Random(seed)
    kinds = [k for w, k in MIX for _ in range(w)]
    schedule = [
        (i / rate, kind, urls.pick(kind, rng)) for i in range(int(rate * seconds)) for kind in [rng.choice(kinds)]
    ]
    results: list[tuple[str, int, float]] = []
    lock = threading.Lock()
    start = time.perf_counter() + 0.2

    def one(item: tuple[float, str, str]) -> None:
        due, kind, url = item
        wait = start + due - time.perf_counter()
        if wait > 0:
            time.sleep(wait)
        try:
            status, *_ = get(port, url)
        except OSError:
            status = 0
        latency = time.perf_counter() - (start + due)
        with lock:
            results.append((kind, status, latency))

    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(one, schedule))
    elapsed = time.perf_counter() - start
    by_kind: dict[str, list[float]] = defaultdict(list)
    for kind, _, latency in results:
        by_kind[kind].append(latency)
    errors = sum(1 for _, status, _ in results if status != 200)
    _, p95 = seeding.stats([r[2] for r in results])
    return {
        "rate": rate,
        "requests": len(results),
        "achieved": len(results) / elapsed,
        "errors": errors,
        "p95": p95,
        "median": seeding.stats([r[2] for r in results])[0],
        "kinds": {k: (len(v), *seeding.stats(v)) for k, v in sorted(by_kind.items())},
    }


class Submitter(threading.Thread):
    """An editor submitting a fresh article every ``interval`` seconds through the API, during the hold."""

    def __init__(self, port: int, token: str, interval: float) -> None:
        super().__init__(daemon=True)
        self.port, self.token, self.interval = port, token, interval
        self.stop = threading.Event()
        self.ids: list[int] = []
        self.failures = 0

    def run(self) -> None:
        import http.client
        import json

        n = 0
        while not self.stop.wait(self.interval):
            n += 1
            body = json.dumps(
                {
                    "text": f"{2 + n % 4} rockets hit Ain al-Asad air base on Tuesday, officials said "
                    f"(load {QUEUE}-{n}).",
                    "published": "2024-01-18",
                }
            )
            conn = http.client.HTTPConnection(seeding.HOST, self.port, timeout=30)
            try:
                conn.request(
                    "POST",
                    "/api/v1/articles/",
                    body=body,
                    headers={
                        "Authorization": f"Token {self.token}",
                        "Content-Type": "application/json",
                        **CLIENT_HEADERS,
                    },
                )
                response = conn.getresponse()
                answer = json.loads(response.read() or b"{}")
                if response.status == 202:
                    self.ids.append(answer["id"])
                else:
                    self.failures += 1
            except OSError:
                self.failures += 1
            finally:
                conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--duration", type=float, default=300.0, help="seconds to hold the rate (default 300)")
    parser.add_argument("--step", type=float, default=15.0, help="seconds per step while searching the rate")
    parser.add_argument(
        "--rates", default="40,60,80,100,120,140,160,180,200,220", help="request rates to try, per second"
    )
    parser.add_argument("--rate", type=float, help="skip the search and hold this rate (before/after comparisons)")
    parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", "2")))
    parser.add_argument("--threads", type=int, default=int(os.environ.get("GUNICORN_THREADS", "4")))
    parser.add_argument(
        "--data-version-ms",
        type=int,
        default=1000,
        help="DATA_VERSION_MAX_AGE_MS for the web workers (default 1000, as docker-compose.yml sets it)",
    )
    parser.add_argument("--reuse", action="store_true", help="reuse the seeded database of a previous run")
    parser.add_argument("--no-write", action="store_true", help="print only; leave docs/benchmarks.md alone")
    args = parser.parse_args()

    load_at_start = os.getloadavg()
    t0 = time.perf_counter()
    if args.reuse:
        seeding.migrate_database()
    else:
        seeding.create_database()
    django.setup()
    from django.contrib.auth.models import User
    from rest_framework.authtoken.models import Token

    from incidents.models import Base, Faction, Incident
    from ingest.models import Article
    from tests.services import celery_worker

    token = (
        Token.objects.get(user=User.objects.get(username="bench-editor")).key if args.reuse else seeding.seed()["token"]
    )
    seeded = time.perf_counter() - t0
    origin = (
        "seeded by bench/harness.py's seeding in an earlier run, reused with --reuse"
        if args.reuse
        else f"seeded in {seeded:.0f} s by bench/harness.py's seeding"
    )
    urls = Urls(
        list(Incident.objects.published().values_list("id", flat=True)),
        list(Base.objects.values_list("slug", flat=True)),
        list(Faction.objects.values_list("slug", flat=True)),
    )
    total = Incident.objects.count()
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"], cwd=seeding.ROOT, check=True)

    port = seeding.free_port()
    with celery_worker(
        database_url=os.environ["DATABASE_URL"],
        broker_url=BROKER,
        queue=QUEUE,
        extra_env={"DEBUG": "false", "CONN_MAX_AGE": "60"},
        log_name="bench-load",
    ):
        os.environ.update(
            WEB_CONCURRENCY=str(args.workers),
            GUNICORN_THREADS=str(args.threads),
            DATA_VERSION_MAX_AGE_MS=str(args.data_version_ms),
            CACHE_URL=CACHE_URL,
        )
        import redis

        redis.Redis.from_url(CACHE_URL).flushdb()
        proc = seeding.start_gunicorn(port, config="config/gunicorn.conf.py")
        try:
            for kind in [k for _, k in MIX]:  # warm both workers
                for i in range(4):
                    get(port, urls.pick(kind, random.Random(i)))
            # Submissions flow during the search too, so the rate found is the one held with the worker busy.
            submitter = Submitter(port, token, interval=2.0)
            submitter.start()
            steps, passed = [], [args.rate] if args.rate else []
            for rate in [] if args.rate else (float(r) for r in args.rates.split(",")):
                step = run_at_rate(port, urls, rate, args.step, seed=int(rate))
                steps.append(step)
                print(f"rate {rate:g}/s: p95 {step['p95']:.0f} ms, errors {step['errors']}", flush=True)
                for kind, (n, median, p95) in step["kinds"].items():
                    print(f"    {kind}: {n} requests, median {median:.0f} ms, p95 {p95:.0f} ms", flush=True)
                if step["errors"] or step["p95"] >= P95_TARGET_MS:
                    break
                passed.append(rate)
            if not passed:
                raise SystemExit("even the lowest rate missed the target")
            # A short step can pass a rate the machine cannot sustain: if the hold misses, hold the next lower.
            holds, load_before = [], os.getloadavg()
            for best in reversed(passed):
                hold = run_at_rate(port, urls, best, args.duration, seed=7)
                holds.append(hold)
                print(f"hold at {best:g}/s: p95 {hold['p95']:.0f} ms, errors {hold['errors']}", flush=True)
                if not hold["errors"] and hold["p95"] < P95_TARGET_MS:
                    break
            load_after = os.getloadavg()
            submitter.stop.set()
            submitter.join()
            deadline = time.monotonic() + 120
            while Article.objects.filter(pk__in=submitter.ids).exclude(status="done").exists():
                if time.monotonic() > deadline:
                    break
                time.sleep(0.5)
            done = Article.objects.filter(pk__in=submitter.ids, status="done").count()
        finally:
            proc.terminate()
            proc.wait(timeout=30)

    print(
        f"hold at {best:g}/s for {args.duration:g} s: {hold['requests']} requests, errors {hold['errors']}, "
        f"p95 {hold['p95']:.0f} ms; submissions {done}/{len(submitter.ids)} done, {submitter.failures} refused"
    )
    workers = (
        f"{args.workers} sync workers" if args.threads == 1 else f"{args.workers} workers of {args.threads} threads"
    )
    names = {
        "map": "dashboard map points (80% unseen filters)",
        "timeline": "dashboard weekly timeline by faction (80% unseen filters)",
        "incident": "incident page (HTML)",
        "list": "API list pages (80% unseen filters)",
        "geojson": "GeoJSON download, 1-3 months (80% unseen)",
        "base": "base page (HTML)",
        "csv": "CSV export (one month, unseen)",
        "bases": "bases API",
    }
    ok = hold["errors"] == 0 and hold["p95"] < P95_TARGET_MS and done == len(submitter.ids) and not submitter.failures
    lines = [
        "## Load: realistic mix against gunicorn + PostgreSQL",
        "",
        f"PostgreSQL with {total:,} incidents ({origin}), gunicorn with "
        f"{workers} and DEBUG off (config/gunicorn.conf.py; DATA_VERSION_MAX_AGE_MS={args.data_version_ms}), the "
        "response cache in Redis shared by the workers (flushed at the start), one Celery worker parsing "
        "submissions, the load client on the same 2-core machine. Open loop: each "
        "request is due at a fixed time and its latency counts from then. Mix: "
        + ", ".join(f"{w}% {names[k]}" for w, k in MIX)
        + f". Unseen = a filter combination not asked before in the run ({UNSEEN:.0%} of map, timeline, list "
        "and GeoJSON requests): the answer is built, not served from the cache. Every request sends "
        "`Accept-Encoding: gzip`, as browsers do.",
        "",
        "- **Machine load average (1/5/15 min) before the run: "
        + "/".join(f"{x:.1f}" for x in load_at_start)
        + "** (other work on the machine before this bench started; on a shared machine the rate held is "
        "pessimistic).",
        f"- **Highest rate held: {best:g} requests/s for {args.duration:.0f} s** — {hold['requests']:,} requests, "
        f"**{hold['errors']} errors**, median {hold['median']:.0f} ms, **p95 {hold['p95']:.0f} ms** "
        f"(p95 < {P95_TARGET_MS:.0f} ms with 0 errors: {'met' if ok else 'NOT met'}; "
        f"target {RATE_TARGET:g} requests/s: {'met' if ok and best >= RATE_TARGET else 'NOT met'}).",
        "- Load average (1/5/15 min, this run's own server, worker and client included) before the hold "
        + "/".join(f"{x:.1f}" for x in load_before)
        + ", after "
        + "/".join(f"{x:.1f}" for x in load_after)
        + ".",
        "- Submissions during the search and the hold: one article every 2 s through the API: "
        f"{len(submitter.ids)} accepted, "
        f"{submitter.failures} refused, {done} parsed to done by the worker.",
        *(
            [
                "- Longer holds that missed the target first: "
                + "; ".join(f"{h['rate']:g}/s → p95 {h['p95']:.0f} ms, {h['errors']} errors" for h in holds[:-1])
                + "."
            ]
            if len(holds) > 1
            else []
        ),
        "- Rate search ("
        + f"{args.step:.0f} s per step): "
        + "; ".join(f"{s['rate']:g}/s → p95 {s['p95']:.0f} ms, {s['errors']} errors" for s in steps)
        + ".",
        "",
        "| request kind | requests | median | p95 |",
        "| --- | ---: | ---: | ---: |",
        *(f"| {names[k]} | {n:,} | {m:.0f} ms | {p:.0f} ms |" for k, (n, m, p) in hold["kinds"].items()),
    ]
    md = "\n".join(lines)
    from bench.report import machine

    print(f"Machine: {machine()}; {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M UTC}")
    print(md)
    if not args.no_write:
        from bench.report import write_section

        write_section("load", md)


if __name__ == "__main__":
    main()
