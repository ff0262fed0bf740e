"""CPU per request kind of bench/load.py's mix - the gunicorn worker's, its PostgreSQL backend's and the load
client's - measured request by request, optionally side by side with an earlier checkout of the code, whose
answers must then be the same bytes.

python -m bench.cpu --reuse                              (the database bench.load seeded: BENCH_LOAD_DB)
python -m bench.cpu --reuse --before /tmp/before         (and the code of another checkout, interleaved)
python -m bench.cpu --reuse --save digests.json          (keep a digest of every answer of a fixed URL sample)
python -m bench.cpu --reuse --compare digests.json       (check the sample's answers against an earlier run's)

Each server is one sync gunicorn worker (config/gunicorn.conf.py with WEB_CONCURRENCY=1, GUNICORN_THREADS=1,
DATA_VERSION_MAX_AGE_MS=1000 as bench.load runs it) on the same database and a flushed response cache
(BENCH_CACHE_URL); requests are sent one at a time, so the worker's CPU time (/proc) and its PostgreSQL backend's
over a kind's requests, divided by their number, is that kind's server work. The URLs are bench.load's
(``Urls.pick``: 80% of map, timeline, list and GeoJSON requests a filter not asked before). With ``--before``
(a checkout of an earlier commit, e.g. ``git worktree add /tmp/before <commit>``; its untracked static/vendor is
copied from this one) the two servers answer the same URLs in alternating batches of ten, so a machine busy
with other work slows both alike, and the sample's answers of the two are compared byte for byte (absolute
links name each server's port, which is masked). The client's figure is this process's CPU per request sent
the way bench.load sends it (``bench.load.get``), one at a time; Redis, shared with other users of the machine,
is not counted. Writes docs/benchmarks.md (section "cpu") unless ``--no-write``.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

import django
import psycopg

from bench import harness as seeding
from bench import load  # sets the bench environment and DATABASE_URL to BENCH_LOAD_DB

TICK = os.sysconf("SC_CLK_TCK")
BATCH = 10


def cpu_seconds(pid: int) -> float:
    """utime + stime of one process, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def backends(db: str) -> list[int]:
    with psycopg.connect(f"{seeding.PG}/postgres", autocommit=True) as conn:
        rows = conn.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = %s AND backend_type = 'client backend'", [db]
        ).fetchall()
    return [pid for (pid,) in rows]


def body(port: int, url: str) -> tuple[int, str, bytes]:
    """(status, content type, body decoded from gzip when the server sent it gzipped) as bench.load asks."""
    import http.client

    conn = http.client.HTTPConnection(seeding.HOST, port, timeout=120)
    try:
        conn.request("GET", url, headers=load.CLIENT_HEADERS)
        response = conn.getresponse()
        data = response.read()
        if response.getheader("Content-Encoding") == "gzip":
            data = gzip.decompress(data)
        # Absolute links name the server's port, a new one each run.
        data = data.replace(f"{seeding.HOST}:{port}".encode(), b"server")
        return response.status, response.getheader("Content-Type", ""), data
    finally:
        conn.close()


class Server:
    """One sync gunicorn worker of the code in ``root``, and the PostgreSQL backend it opened."""

    def __init__(self, root: Path, urls: load.Urls) -> None:
        subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"], cwd=root, check=True)
        seeding.ROOT = root
        known = set(backends(load.DB))
        self.port = seeding.free_port()
        self.proc = seeding.start_gunicorn(self.port, config="config/gunicorn.conf.py")
        (self.worker,) = seeding.worker_pids(self.proc.pid)
        for kind in [k for _, k in load.MIX]:  # imports, templates, the connection
            for i in range(5):
                load.get(self.port, urls.pick(kind, random.Random(1000 + i)))
        self.pg = [pid for pid in backends(load.DB) if pid not in known]

    def spent(self) -> tuple[float, float]:
        return cpu_seconds(self.worker), sum(map(cpu_seconds, self.pg))

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reuse", action="store_true", help="reuse BENCH_LOAD_DB as seeded (else seed it)")
    parser.add_argument("-n", type=int, default=300, help="requests per kind (default 300)")
    parser.add_argument("--before", help="a checkout of earlier code to measure side by side (and compare)")
    parser.add_argument("--save", help="write the digests of a fixed sample of answers to this file")
    parser.add_argument("--compare", help="compare the fixed sample's answers with this file's digests")
    parser.add_argument("--sample", type=int, default=64, help="URLs per kind in the answer sample")
    parser.add_argument("--no-write", action="store_true", help="print only; leave docs/benchmarks.md alone")
    args = parser.parse_args()

    load_at_start = os.getloadavg()
    if args.reuse:
        seeding.migrate_database()
    else:
        seeding.create_database()
    django.setup()
    if not args.reuse:
        seeding.seed()
    from django.db import connection

    from incidents.models import Base, Faction, Incident

    urls = load.Urls(
        list(Incident.objects.published().order_by("id").values_list("id", flat=True)),
        list(Base.objects.order_by("slug").values_list("slug", flat=True)),
        list(Faction.objects.order_by("slug").values_list("slug", flat=True)),
    )
    total = Incident.objects.count()
    connection.close()  # only the workers' backends stay on the database
    import redis

    os.environ.update(
        WEB_CONCURRENCY="1", GUNICORN_THREADS="1", DATA_VERSION_MAX_AGE_MS="1000", CACHE_URL=load.CACHE_URL
    )
    redis.Redis.from_url(load.CACHE_URL).flushdb()
    here = seeding.ROOT
    servers: dict[str, Server] = {}
    try:
        if args.before:
            before = Path(args.before).resolve()
            if not (before / "static" / "vendor").exists() and (here / "static" / "vendor").exists():
                shutil.copytree(here / "static" / "vendor", before / "static" / "vendor")
            servers["before"] = Server(before, urls)
        servers["now"] = Server(here, urls)
        seeding.ROOT = here
        kinds = [k for _, k in load.MIX]
        differ: list[str] = []
        if args.save or args.compare or args.before:
            sample: dict[str, list] = {}
            for kind in kinds:
                rng = random.Random(f"sample-{kind}")
                for _ in range(args.sample):
                    url = urls.pick(kind, rng)
                    # Two reads: the first answer is built, the second comes from the cache (where cached).
                    for attempt in (1, 2):
                        answers = {name: body(server.port, url) for name, server in servers.items()}
                        status, ctype, data = answers["now"]
                        sample[f"{url}#{attempt}"] = [status, ctype, hashlib.sha256(data).hexdigest()]
                        if "before" in answers and answers["before"] != answers["now"]:
                            differ.append(url)
            if args.before:
                print(f"compared {len(sample)} answers with {args.before}'s: {len(differ)} differ")
            if args.save:
                Path(args.save).write_text(json.dumps(sample, indent=0, sort_keys=True))
                print(f"saved {len(sample)} digests to {args.save}")
            if args.compare:
                earlier = json.loads(Path(args.compare).read_text())
                changed = [u for u in sample if earlier.get(u) != sample[u]]
                print(f"compared {len(sample)} answers with {args.compare}: {len(changed)} differ")
                differ += changed
            for url in differ[:20]:
                print(f"    differs: {url}")
        per: dict[str, dict[str, tuple[float, float]]] = {}
        client: dict[str, float] = {}
        for kind in kinds:
            rng = random.Random(f"cpu-{kind}")
            picked = [urls.pick(kind, rng) for _ in range(args.n)]
            spent = {name: [0.0, 0.0] for name in servers}
            client_spent = 0.0
            for i in range(0, args.n, BATCH):
                order = list(servers.items())
                for name, server in order if (i // BATCH) % 2 else reversed(order):
                    w0, p0 = server.spent()
                    c0 = time.process_time()
                    for url in picked[i : i + BATCH]:
                        status, *_ = load.get(server.port, url)
                        if status != 200:
                            raise SystemExit(f"{url}: {status}")
                    if name == "now":
                        client_spent += time.process_time() - c0
                    w1, p1 = server.spent()
                    spent[name][0] += w1 - w0
                    spent[name][1] += p1 - p0
            per[kind] = {name: (g * 1000 / args.n, p * 1000 / args.n) for name, (g, p) in spent.items()}
            client[kind] = client_spent * 1000 / args.n
            print(
                f"{kind:9} "
                + "  ".join(f"{name}: gunicorn {g:.1f} postgres {p:.1f} ms" for name, (g, p) in per[kind].items())
                + f"  client {client[kind]:.1f} ms",
                flush=True,
            )
    finally:
        for server in servers.values():
            server.stop()
    load_after = os.getloadavg()

    weights = {k: w / sum(w for w, _ in load.MIX) for w, k in load.MIX}
    mix = {name: [sum(weights[k] * per[k][name][i] for k in kinds) for i in (0, 1)] for name in servers}
    mix_client = sum(weights[k] * client[k] for k in kinds)

    def cell(kind_figures: Mapping[str, Sequence[float]], i: int | None) -> str:
        def one(name: str) -> float:
            g, p = kind_figures[name]
            return g + p if i is None else (g, p)[i]

        return f"{one('before'):.1f} → {one('now'):.1f}" if "before" in kind_figures else f"{one('now'):.1f}"

    side = " (before → now)" if args.before else ""
    lines = [
        "## CPU per request kind of the load mix",
        "",
        f"PostgreSQL with {total:,} incidents (bench.load's database), one sync gunicorn worker per server "
        "(DATA_VERSION_MAX_AGE_MS=1000), the response cache in Redis (flushed at the start), requests one at a "
        f"time, {args.n} per kind with bench.load's URLs (80% of map, timeline, list and GeoJSON requests a "
        "filter not asked before). CPU time of the gunicorn worker and of its PostgreSQL backend from /proc, "
        "divided by the requests; the client's is this process's per request sent as bench.load sends it."
        + (
            f" Side by side with an earlier checkout ({args.before}), in alternating batches of {BATCH} "
            f"on the same database; {len(differ)} of the sampled answers differ between the two."
            if args.before
            else ""
        ),
        "",
        "- **Machine load average (1/5/15 min) before the run: "
        + "/".join(f"{x:.1f}" for x in load_at_start)
        + ", after: "
        + "/".join(f"{x:.1f}" for x in load_after)
        + "** (on a shared machine CPU time per request reads high: the cores' caches and hyperthreads are shared).",
        "",
        f"| request kind | share of the mix | gunicorn ms{side} | PostgreSQL ms{side} | server ms{side} | client ms |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
        *(
            f"| {kind} | {weights[kind]:.0%} | {cell(per[kind], 0)} | {cell(per[kind], 1)} | "
            f"{cell(per[kind], None)} | {client[kind]:.1f} |"
            for kind in kinds
        ),
        f"| **mix** | 100% | {cell({n: tuple(v) for n, v in mix.items()}, 0)} | "
        f"{cell({n: tuple(v) for n, v in mix.items()}, 1)} | **{cell({n: tuple(v) for n, v in mix.items()}, None)}** "
        f"| {mix_client:.1f} |",
    ]
    md = "\n".join(lines)
    print(md)
    if not args.no_write:
        from bench.report import write_section

        write_section("cpu", md)


if __name__ == "__main__":
    main()
