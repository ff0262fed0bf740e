"""First meaningful paint of the map page with 50,000 published incidents, in headless Chromium.

Usage: .venv/bin/python bench/map.py [--incidents 50000] [--runs 3] [--rounds 3] [--no-write]
       (DATABASE_URL=postgres://127.0.0.1:5432/<a database of its own> to measure on PostgreSQL: it is
       dropped and created; default: a throw-away SQLite file)

"Meaningful" = every incident has been handed to the cluster layer and the clusters, bases,
counts, timeline and list are drawn (the page sets body[data-loading=false]). Also reported:
the browser's first contentful paint, the response time and size of the compact points the page
loads (gzipped) and, for comparison, of the GeoJSON export it used to load. Target: < 2 s.

Then the interaction: in a loaded page, a sequence of filter changes (country, weapon, dates, faction,
claimed, reset), each timed from the form's change event until map, timeline, counts and list are
redrawn (body[data-loading=false] and the next frame). Target: < 200 ms per change.
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
    parser.add_argument("--runs", type=int, default=3, help="cold page loads for first paint")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of the filter changes")
    parser.add_argument("--no-write", action="store_true", help="print only; leave docs/benchmarks.md alone")
    args = parser.parse_args()
    load_before = os.getloadavg()

    tmp = tempfile.mkdtemp(prefix="bench-map-")
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="config.settings", DEBUG="false", SECRET_KEY="bench-only")  # noqa: S106
    env.setdefault("DATABASE_URL", f"sqlite:///{tmp}/bench.sqlite3")
    env.update(ALLOWED_HOSTS="127.0.0.1", SECURE_SSL_REDIRECT="false", API_ANON_RATE="10000/minute")
    env.update(API_USER_RATE="10000/minute", CONN_MAX_AGE="600", LOG_LEVEL="WARNING")
    for name in ("CELERY_BROKER_URL", "CELERY_RESULT_BACKEND", "CACHE_URL"):
        env.pop(name, None)
    os.environ.clear()
    os.environ.update(env)
    engine = env["DATABASE_URL"].split(":")[0]
    if engine.startswith("postgres"):  # a database of its own, created fresh
        import psycopg

        server_url, name = env["DATABASE_URL"].rsplit("/", 1)
        with psycopg.connect(f"{server_url}/postgres", autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
            conn.execute(f"CREATE DATABASE {name}")
    print(f"Seeding {args.incidents} incidents ({engine})...", flush=True)
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
        timed = measure_changes(url, args.rounds)
        changes, waits = timed["total"], timed["api"]
    finally:
        server.terminate()
        server.wait(timeout=10)
    load_after = os.getloadavg()

    paint = statistics.median(r["meaningful"] for r in results)
    fcp = statistics.median(r["fcp"] for r in results)
    every = sorted(ms for samples in changes.values() for ms in samples)
    p95 = every[min(len(every) - 1, round(0.95 * (len(every) - 1)))]
    change_met = p95 < 200
    lines = [
        "## Map page: first paint and filter changes",
        "",
        f"{args.incidents:,} published incidents, headless Chromium (Debian), gunicorn with 2 workers, "
        f"DEBUG off, {engine}, tiles unreachable. Load average (1/5/15 min) before the run "
        f"{'/'.join(f'{x:.1f}' for x in load_before)}, after {'/'.join(f'{x:.1f}' for x in load_after)} "
        "(2 cores; other work on the machine slows every figure).",
        "",
        f"First paint: median of {args.runs} cold page loads.",
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
        f"Filter changes: from the form's change event to the map, timeline, counts and list redrawn (the page "
        f"sets body[data-loading=false], then the next animation frame), {args.rounds} rounds of this sequence "
        "in a loaded page, each round with other values (so each change is a filter combination the server has "
        "not answered before; the reset's answer, every incident, was cached by the page load):",
        "",
        "| change | median ms | max ms | of which until both answers are in (points parsed, timeline drawn) |",
        "| --- | ---: | ---: | ---: |",
        *(
            f"| {label} | {statistics.median(v):.0f} | {max(v):.0f} | {statistics.median(waits[label]):.0f} |"
            for label, v in changes.items()
        ),
        "",
        f"Targets: first meaningful paint under 2 s — {'met' if paint < 2 else 'NOT met'}; a filter change "
        f"redrawn in under 200 ms (p95 over all changes {p95:.0f} ms) — {'met' if change_met else 'NOT met'}.",
    ]
    markdown = "\n".join(lines)
    from bench.report import machine

    print(f"Machine: {machine()}; {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    print(markdown)
    if not args.no_write:
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


# (label, JavaScript that changes the filter form the way a reader does; the form's "change" event applies it).
# Each round asks for other values, so every change is a filter combination the server has not answered before.
ROUND_VALUES = [
    {"country": "IQ", "weapon": "drone", "from": "2024-01-01", "to": "2024-03-31", "faction": 0, "claimed": "true"},
    {"country": "SY", "weapon": "rocket", "from": "2024-05-01", "to": "2024-07-31", "faction": 1, "claimed": "false"},
    {"country": "JO", "weapon": "missile", "from": "2024-09-01", "to": "2024-11-30", "faction": 2, "claimed": "true"},
]


def changes_for(r: int) -> list[tuple[str, str]]:
    v = ROUND_VALUES[r % len(ROUND_VALUES)]
    return [
        ("a country", f"setSelect('f-country', '{v['country']}')"),
        ("a weapon (with the country)", f"setSelect('f-weapon', '{v['weapon']}')"),
        ("country cleared (the weapon only)", "setSelect('f-country', '')"),
        ("a date range of three months", f"setDates('{v['from']}', '{v['to']}')"),
        ("a faction", f"setSelect('f-faction', nthOption('f-faction', {v['faction']}))"),
        ("claimed yes / no", f"setSelect('f-claimed', '{v['claimed']}')"),
        ("every filter reset", "resetFilters()"),
    ]


_CHANGE_JS = """
async (change) => {
  const form = document.getElementById('filter-form');
  const fire = (node) => node.dispatchEvent(new Event('change', {bubbles: true}));
  const setSelect = (id, value) => { const n = document.getElementById(id); n.value = value; fire(n); };
  const nthOption = (id, n) => [...document.getElementById(id).options].map(o => o.value).filter(Boolean)[n];
  const setDates = (a, b) => {
    document.getElementById('f-date-from').value = a;
    const to = document.getElementById('f-date-to'); to.value = b; fire(to);
  };
  const resetFilters = () => document.getElementById('filter-reset').click();
  const done = new Promise((resolve) => {
    let seenLoading = false;
    const check = () => {
      const state = document.body.getAttribute('data-loading');
      if (state === 'true') seenLoading = true;
      if (seenLoading && state !== 'true') { observer.disconnect(); resolve(state); }
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, {attributes: true, attributeFilter: ['data-loading']});
  });
  performance.clearMarks();
  const start = performance.now();
  eval(change);
  const state = await done;
  // The redraw is on screen at the next frame.
  await new Promise((resolve) => requestAnimationFrame(() => resolve()));
  const count = document.getElementById('summary-counts').getAttribute('data-count');
  const mark = (name) => {
    const m = performance.getEntriesByName('basewatch:' + name).pop();
    return m ? m.startTime - start : 0;
  };
  // Waiting: until the later of the points parsed and the timeline drawn; the rest is drawing in the page.
  return {ms: performance.now() - start, state, count, api: Math.max(mark('parsed'), mark('timeline'))};
}
"""


def measure_changes(url: str, rounds: int) -> dict[str, dict[str, list[float]]]:
    """Milliseconds from a filter change to map, timeline, counts and list redrawn, per change (``rounds`` each)."""
    from playwright.sync_api import sync_playwright

    out: dict[str, list[float]] = {label: [] for label, _ in changes_for(0)}
    waits: dict[str, list[float]] = {label: [] for label, _ in changes_for(0)}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for r in range(rounds):
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(url) else r.abort())
            page = context.new_page()
            page.goto(url)
            page.wait_for_selector("body[data-loading=false]", state="attached", timeout=60_000)
            for label, change in changes_for(r):
                result = page.evaluate(_CHANGE_JS, change)
                assert result["state"] == "false", (label, result)
                out[label].append(result["ms"])
                waits[label].append(result["api"])
                print(f"  {label}: {result['ms']:.0f} ms, API {result['api']:.0f} ms ({result['count']} incidents)")
            context.close()
        browser.close()
    return {"total": out, "api": waits}


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
