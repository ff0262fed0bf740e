"""What the HTTP benchmarks share: a bench environment (DEBUG off, no throttling), a PostgreSQL database seeded
with COPY, gunicorn on a free loopback port, timed GETs and their statistics.

Importing this module sets the environment before Django loads; ``bench.api`` and ``bench.load`` import it first.
``bench.load`` points ``DB`` at its own database before seeding.
"""

from __future__ import annotations

import datetime as dt
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from django.db.models import Model

ROOT = Path(__file__).resolve().parent.parent
PG = "postgres://postgres@127.0.0.1:5432"
# BENCH_DB: the database the API bench creates (each engineer their own while benches run side by side).
DB = os.environ.get("BENCH_DB", "bw_bench_api")
N_INCIDENTS = 100_000
HOST = "127.0.0.1"
ENV = {
    "DATABASE_URL": f"{PG}/{DB}",
    "DEBUG": "false",
    "SECRET_KEY": "bench-only-" + "x" * 40,
    "ALLOWED_HOSTS": HOST,
    "SECURE_SSL_REDIRECT": "false",
    "API_ANON_RATE": "10000000/minute",
    "API_USER_RATE": "10000000/minute",
    "CONN_MAX_AGE": "600",
    "LOG_LEVEL": "WARNING",
    "DATA_VERSION_MAX_AGE_MS": "0",  # bench/load.py sets the deploy config's value
    "DJANGO_SETTINGS_MODULE": "config.settings",
}
for name in ("CELERY_BROKER_URL", "CELERY_RESULT_BACKEND"):
    os.environ.pop(name, None)
os.environ.update(ENV)

import psycopg  # noqa: E402

# --- database -------------------------------------------------------------------------------


def create_database() -> None:
    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {DB} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {DB}")
    for command in (["migrate", "--noinput", "-v", "0"], ["load_gazetteer"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


def migrate_database() -> None:
    """Bring a reused database up to the current migrations (colleagues add some between runs)."""
    subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=ROOT, check=True)


def _row(model: type[Model], values: dict) -> list:
    """Every concrete column of ``model``: ours where given, else the field's default (colleagues add fields)."""
    row = []
    for field in model._meta.concrete_fields:
        if field.attname in values:
            row.append(values[field.attname])
        elif field.has_default():
            default = field.get_default()
            row.append(json.dumps(default) if field.get_internal_type() == "JSONField" else default)
        else:
            row.append(None if field.null else "")
    return row


def _copy(conn: psycopg.Connection, model: type[Model], rows: list[list]) -> None:
    columns = ", ".join(f'"{f.column}"' for f in model._meta.concrete_fields)
    with conn.cursor() as cur, cur.copy(f'COPY "{model._meta.db_table}" ({columns}) FROM STDIN') as copy:
        for row in rows:
            copy.write_row(row)


def seed() -> dict:
    """100,000 incidents over 2019-2025 across the gazetteer, one article each plus 30% background sources."""
    from django.contrib.auth.models import Group, User
    from rest_framework.authtoken.models import Token

    from incidents.models import Base, Faction, Incident
    from ingest.models import Article, IncidentSource, text_checksum

    rng = random.Random(20240128)
    bases = list(Base.objects.values_list("id", "latitude", "longitude", "country"))
    factions = list(Faction.objects.values_list("id", "umbrella_id"))
    umbrellas = [f for f, u in factions if u is None] or [factions[0][0]]
    weapons = ["rocket", "drone", "missile", "mortar", "ied", "small_arms"]
    weights = [35, 45, 5, 6, 5, 4]
    start = dt.date(2019, 1, 1)
    days = (dt.date(2025, 12, 31) - start).days
    now = dt.datetime.now(dt.UTC)
    incidents, articles, sources = [], [], []
    next_article = 1
    for pk in range(1, N_INCIDENTS + 1):
        base_id, lat, lon, country = rng.choice(bases)
        launched = rng.choice([None, 1, 2, 3, 4, 6, 8, 10])
        intercepted = None if launched is None else rng.randint(0, launched)
        killed = rng.choices([None, 0, 1, 2, 3], [20, 70, 5, 3, 2])[0]
        injured = rng.choices([None, 0, 1, 2, 5, 10], [20, 60, 8, 6, 4, 2])[0]
        claimed = rng.random() < 0.4
        perpetrator = rng.choice(factions)[0] if rng.random() < 0.7 else None
        status = rng.choices(["published", "draft", "rejected"], [90, 8, 2])[0]
        chosen = sorted(set(rng.choices(weapons, weights, k=rng.choice([1, 1, 1, 2]))))
        changed = now - dt.timedelta(seconds=rng.randint(0, 365 * 86400))
        incidents.append(
            _row(
                Incident,
                {
                    "id": pk,
                    "date": start + dt.timedelta(days=rng.randint(0, days)),
                    "date_precision": "day",
                    "base_id": base_id,
                    "latitude": round(lat + rng.uniform(-0.02, 0.02), 5),
                    "longitude": round(lon + rng.uniform(-0.02, 0.02), 5),
                    "location_precision": "site",
                    "country": country,
                    "weapons": json.dumps(chosen),
                    "launched": launched,
                    "intercepted": intercepted,
                    "killed": killed,
                    "injured": injured,
                    "perpetrator_id": perpetrator,
                    "claimed": claimed,
                    "claimed_by_id": rng.choice(umbrellas) if claimed else None,
                    "status": status,
                    "summary": f"{', '.join(chosen).capitalize()} attack reported at site {base_id}.",
                    "created_at": changed,
                    "updated_at": changed,
                },
            )
        )
        for role in ["primary"] + (["background"] if rng.random() < 0.3 else []):
            text = f"Report {next_article}: militants fired at base {base_id}; {killed or 0} killed."
            articles.append(
                _row(
                    Article,
                    {
                        "id": next_article,
                        "text": text,
                        "title": f"Attack report {next_article}",
                        "url": f"https://news.example/{next_article}",
                        "outlet": rng.choice(["Wire A", "Wire B", "Daily C"]),
                        "published": dt.date(2024, 1, 1),
                        "submitted_at": changed,
                        "status_changed_at": changed,
                        "checksum": text_checksum(text),
                        "status": "done",
                    },
                )
            )
            sources.append(
                _row(
                    IncidentSource,
                    {
                        "id": next_article,
                        "incident_id": pk,
                        "article_id": next_article,
                        "role": role,
                        "evidence": "{}",
                        "reported": "{}",
                        "created_at": changed,
                    },
                )
            )
            next_article += 1
    with psycopg.connect(f"{PG}/{DB}") as conn:
        _copy(conn, Incident, incidents)
        _copy(conn, Article, articles)
        _copy(conn, IncidentSource, sources)
        for table in ("incidents_incident", "ingest_article", "incidents_incidentsource"):
            conn.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
        conn.commit()
    with psycopg.connect(f"{PG}/{DB}", autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")
    editor = User.objects.create_user("bench-editor")
    editor.groups.add(Group.objects.get_or_create(name="editors")[0])
    return {"token": Token.objects.create(user=editor).key, "articles": next_article - 1}


# --- HTTP -----------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def start_gunicorn(port: int, *, config: str | None = None) -> subprocess.Popen:
    """gunicorn on ``port``: 2 workers, or as ``config`` (a gunicorn config file) sets them."""
    cmd = [
        str(Path(sys.executable).parent / "gunicorn"),
        "config.wsgi:application",
        "--bind",
        f"{HOST}:{port}",
        "--timeout",
        "120",
        "--log-level",
        "warning",
        # On the command line --workers would override the config file's WEB_CONCURRENCY.
        *(["--config", config, "--access-logfile", "/dev/null"] if config else ["--workers", "2"]),
    ]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=os.environ.copy())
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if get(port, "/api/v1/bases/")[0] == 200:
                return proc
        except OSError:
            time.sleep(0.2)
    proc.terminate()
    raise RuntimeError("gunicorn did not start")


@dataclass(frozen=True)
class Reply:
    status: int
    size: int  # body bytes as sent (compressed when the server compressed them)
    ttfb: float  # seconds to the first body byte
    total: float  # seconds to the full body
    cache: str  # X-Cache: "hit", "miss" or "" (not a cached endpoint)
    etag: str


def fetch(port: int, url: str, headers: dict | None = None) -> Reply:
    """One GET on a new connection, read to the end (not decoded: a gzipped body is counted and timed as sent).

    Sends only ``headers``: ``bench.load`` adds ``Accept-Encoding: gzip`` as browsers do; ``bench.api`` sends none,
    so its cold and warm figures are the plain answers' next to their raw SQL, comparable with earlier runs."""
    start = time.perf_counter()
    conn = http.client.HTTPConnection(HOST, port, timeout=120)
    try:
        conn.request("GET", url, headers=headers or {})
        response = conn.getresponse()
        first = None
        size = 0
        while chunk := response.read1(65536):
            if first is None:
                first = time.perf_counter() - start
            size += len(chunk)
        total = time.perf_counter() - start
        return Reply(
            response.status,
            size,
            first or total,
            total,
            response.getheader("X-Cache", ""),
            response.getheader("ETag", ""),
        )
    finally:
        conn.close()


def get(port: int, url: str, headers: dict | None = None) -> tuple[int, int, float, float]:
    """(status, body bytes, seconds to first byte, seconds to full body)."""
    reply = fetch(port, url, headers)
    return reply.status, reply.size, reply.ttfb, reply.total


def worker_pids(master: int) -> list[int]:
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(master)], capture_output=True, text=True, check=False)
    return [int(p) for p in out.stdout.split()]


def peak_rss_mb(pids: list[int]) -> float:
    peaks = []
    for pid in pids:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                peaks.append(int(line.split()[1]) / 1024)
    return max(peaks)


def stats(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered) * 1000, p95 * 1000
