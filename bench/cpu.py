"""CPU per request kind of bench/load.py's mix: the gunicorn worker's, PostgreSQL's and the load client's,
measured request by request; and the answers' digests, to show a change leaves every byte as it was.

python -m bench.cpu --reuse                      (the database bench.load seeded: BENCH_LOAD_DB)
python -m bench.cpu --reuse --save before.json   (also keep a digest of every answer of a fixed URL sample)
python -m bench.cpu --reuse --compare before.json   (check the sample's answers against an earlier run's)

One sync gunicorn worker (config/gunicorn.conf.py with WEB_CONCURRENCY=1, GUNICORN_THREADS=1,
DATA_VERSION_MAX_AGE_MS=1000 as bench.load runs it) and a flushed response cache (BENCH_CACHE_URL); requests are
sent one at a time, so the worker's CPU time (/proc) and that of its PostgreSQL backend over a kind's requests,
divided by their number, is that kind's server work. The URLs are bench.load's (``Urls.pick``: 80% of map,
timeline, list and GeoJSON requests a filter not asked before). The client's figure is this process's CPU per
request sent the way bench.load sends it (``bench.load.get``), one at a time; Redis, shared with other users of
the machine, is not counted. Prints only: the figures belong in commit messages and the README's account.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

import django
import psycopg

from bench import harness as seeding
from bench import load  # sets the bench environment and DATABASE_URL to BENCH_LOAD_DB

TICK = os.sysconf("SC_CLK_TCK")


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reuse", action="store_true", help="reuse BENCH_LOAD_DB as seeded (else seed it)")
    parser.add_argument("-n", type=int, default=300, help="requests per kind (default 300)")
    parser.add_argument("--save", help="write the digests of a fixed sample of answers to this file")
    parser.add_argument("--compare", help="compare the fixed sample's answers with this file's digests")
    parser.add_argument("--sample", type=int, default=64, help="URLs per kind in the digest sample")
    args = parser.parse_args()

    if args.reuse:
        seeding.migrate_database()
    else:
        seeding.create_database()
    django.setup()
    if not args.reuse:
        seeding.seed()
    from incidents.models import Base, Faction, Incident

    urls = load.Urls(
        list(Incident.objects.published().order_by("id").values_list("id", flat=True)),
        list(Base.objects.order_by("slug").values_list("slug", flat=True)),
        list(Faction.objects.order_by("slug").values_list("slug", flat=True)),
    )
    from django.db import connection

    connection.close()  # only the worker's backend stays on the database
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"], cwd=seeding.ROOT, check=True)
    import redis

    os.environ.update(
        WEB_CONCURRENCY="1", GUNICORN_THREADS="1", DATA_VERSION_MAX_AGE_MS="1000", CACHE_URL=load.CACHE_URL
    )
    redis.Redis.from_url(load.CACHE_URL).flushdb()
    port = seeding.free_port()
    proc = seeding.start_gunicorn(port, config="config/gunicorn.conf.py")
    try:
        (worker,) = seeding.worker_pids(proc.pid)
        kinds = [k for _, k in load.MIX]
        for kind in kinds:  # warm the worker: imports, templates, connection
            for i in range(5):
                load.get(port, urls.pick(kind, random.Random(1000 + i)))
        if args.save or args.compare:
            sample = {}
            for kind in kinds:
                rng = random.Random(f"sample-{kind}")
                for _ in range(args.sample):
                    url = urls.pick(kind, rng)
                    # Two reads: the first answer is built, the second comes from the cache (where cached).
                    for attempt in (1, 2):
                        status, ctype, data = body(port, url)
                        sample[f"{url}#{attempt}"] = [status, ctype, hashlib.sha256(data).hexdigest()]
            if args.save:
                Path(args.save).write_text(json.dumps(sample, indent=0, sort_keys=True))
                print(f"saved {len(sample)} digests to {args.save}")
            if args.compare:
                earlier = json.loads(Path(args.compare).read_text())
                differ = [u for u in sample if earlier.get(u) != sample[u]]
                print(f"compared {len(sample)} answers with {args.compare}: {len(differ)} differ")
                for url in differ[:20]:
                    print(f"    {url}: {earlier.get(url)} -> {sample[url]}")
        pg = backends(load.DB)
        print(f"{'kind':10} {'n':>5} {'gunicorn':>9} {'postgres':>9} {'server':>8} {'client':>7} {'wall':>7}  (ms)")
        total_weight = sum(w for w, _ in load.MIX)
        mix = {"gunicorn": 0.0, "postgres": 0.0, "client": 0.0}
        for weight, kind in load.MIX:
            rng = random.Random(f"cpu-{kind}")
            picked = [urls.pick(kind, rng) for _ in range(args.n)]
            w0, p0, c0, t0 = cpu_seconds(worker), sum(map(cpu_seconds, pg)), time.process_time(), time.perf_counter()
            for url in picked:
                status, *_ = load.get(port, url)
                if status != 200:
                    raise SystemExit(f"{url}: {status}")
            wall = time.perf_counter() - t0
            client = time.process_time() - c0
            gunicorn = cpu_seconds(worker) - w0
            postgres = sum(map(cpu_seconds, pg)) - p0
            spent = {"gunicorn": gunicorn, "postgres": postgres, "client": client}
            per = {k: v * 1000 / args.n for k, v in spent.items()}
            for k in mix:
                mix[k] += per[k] * weight / total_weight
            print(
                f"{kind:10} {args.n:>5} {per['gunicorn']:>9.1f} {per['postgres']:>9.1f} "
                f"{per['gunicorn'] + per['postgres']:>8.1f} {per['client']:>7.1f} {wall * 1000 / args.n:>7.1f}",
                flush=True,
            )
        print(
            f"{'mix':10} {'':>5} {mix['gunicorn']:>9.1f} {mix['postgres']:>9.1f} "
            f"{mix['gunicorn'] + mix['postgres']:>8.1f} {mix['client']:>7.1f}"
        )
    finally:
        proc.terminate()
        proc.wait(timeout=30)


if __name__ == "__main__":
    main()
