"""First meaningful paint of the map page with 50,000 published incidents, in headless Chromium.

Usage: .venv/bin/python bench/map.py [--incidents 50000] [--runs 3]
       (DATABASE_URL=postgres://... to measure on PostgreSQL; default: a throw-away SQLite file)

"Meaningful" = every incident has been handed to the cluster layer and the clusters, bases,
counts, timeline and list are drawn (the page sets body[data-loading=false]). Also reported:
the browser's first contentful paint, the response time and size of the compact points the page
loads (gzipped) and, for comparison, of the GeoJSON export it used to load. Target: < 2 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def seed(n: int) -> None:
    import django

    django.setup()
    from django.core.management import call_command

    from incidents.models import Base, Faction, Incident, Weapon

    call_command("migrate", verbosity=0)
    call_command("load_gazetteer", verbosity=0)
    Incident.objects.all().delete()
    rng = random.Random(6)
    bases = list(Base.objects.all())
    factions = [*Faction.objects.all(), None]
    weapons = list(Weapon.values)
    start = dt.date(2023, 10, 1)
    rows = []
    for _ in range(n):
        base = rng.choice(bases)
        faction = rng.choice(factions)
        rows.append(
            Incident(
                date=start + dt.timedelta(days=rng.randrange(450)),
                base=base,
                # Spread around the base, as imprecise locations are.
                latitude=base.latitude + rng.uniform(-0.3, 0.3),
                longitude=base.longitude + rng.uniform(-0.3, 0.3),
                country=base.country,
                weapons=[rng.choice(weapons)],
                killed=rng.choice([None, 0, 0, 0, 1, 2]),
                injured=rng.choice([None, 0, 0, 1, 3, 8]),
                perpetrator=faction,
                claimed=faction is not None and rng.random() < 0.5,
                status=Incident.Status.PUBLISHED,
            )
        )
    Incident.objects.bulk_create(rows, batch_size=5000)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--incidents", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    tmp = tempfile.mkdtemp(prefix="bench-map-")
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="config.settings", DEBUG="false", SECRET_KEY="bench-only")  # noqa: S106
    env.setdefault("DATABASE_URL", f"sqlite:///{tmp}/bench.sqlite3")
    env.update(ALLOWED_HOSTS="127.0.0.1", SECURE_SSL_REDIRECT="false", API_ANON_RATE="10000/minute")
    os.environ.update(env)
    print(f"Seeding {args.incidents} incidents ({env['DATABASE_URL'].split(':')[0]})...", flush=True)
    seed(args.incidents)
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )

    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "config.wsgi:application", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(url + "healthz", timeout=2)  # noqa: S310
                break
            except OSError:
                time.sleep(0.2)
        points = fetch(url + "api/v1/incidents/points/", gzip=True)
        points_plain = fetch(url + "api/v1/incidents/points/", gzip=False)
        geojson = fetch(url + "api/v1/incidents/?format=geojson", gzip=False)
        results = measure(url, args.runs)
    finally:
        server.terminate()
        server.wait(timeout=10)

    paint = statistics.median(r["meaningful"] for r in results)
    fcp = statistics.median(r["fcp"] for r in results)
    lines = [
        "## Map page: first meaningful paint",
        "",
        f"{args.incidents:,} published incidents, headless Chromium (Debian), gunicorn with 2 workers, "
        f"DEBUG off, {env['DATABASE_URL'].split(':')[0]}, tiles unreachable. Median of {args.runs} cold page loads.",
        "",
        "| measure | seconds |",
        "| --- | --- |",
        f"| first contentful paint | {fcp:.2f} |",
        f"| first meaningful paint (all incidents clustered, timeline, counts and list drawn) | {paint:.2f} |",
        f"| points API response alone ({points['size'] / 1e6:.2f} MB gzipped, "
        f"{points_plain['size'] / 1e6:.1f} MB plain) | {points['seconds']:.2f} |",
        f"| for comparison: GeoJSON export of the same incidents ({geojson['size'] / 1e6:.1f} MB) "
        f"| {geojson['seconds']:.2f} |",
        "",
        f"Target: first meaningful paint under 2 s — {'met' if paint < 2 else 'NOT met'}.",
    ]
    markdown = "\n".join(lines)
    print(markdown)
    from bench.report import write_section

    write_section("map", markdown)


def fetch(url: str, *, gzip: bool) -> dict[str, float]:
    """Seconds to the last byte (median of 3, warm) and bytes on the wire."""
    headers = {"Accept-Encoding": "gzip"} if gzip else {}
    times, size = [], 0
    for _ in range(3):
        t0 = time.perf_counter()
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=60) as response:  # noqa: S310
            size = len(response.read())
        times.append(time.perf_counter() - t0)
    return {"seconds": statistics.median(times), "size": size}


def measure(url: str, runs: int) -> list[dict[str, float]]:
    from playwright.sync_api import sync_playwright

    out = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for _ in range(runs):
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(url) else r.abort())
            page = context.new_page()
            page.goto(url)
            page.wait_for_selector("body[data-loading=false]", state="attached", timeout=60_000)
            timing = page.evaluate(
                "(() => { const p = performance.getEntriesByName('first-contentful-paint')[0];"
                " return {now: performance.now(), fcp: p ? p.startTime : 0}; })()"
            )
            out.append({"meaningful": timing["now"] / 1000, "fcp": timing["fcp"] / 1000})
            print(f"  run: meaningful {timing['now'] / 1000:.2f} s, FCP {timing['fcp'] / 1000:.2f} s", flush=True)
            context.close()
        browser.close()
    return out


if __name__ == "__main__":
    main()
