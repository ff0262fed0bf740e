"""Throughput of draining a 500-article backlog with one and with two real Celery workers.

The measurement lives in the fault test that also proves correctness (no duplicates, none stuck):
this script runs it against the machine's PostgreSQL and Redis with reporting switched on, and the
test writes the "faults" section of docs/benchmarks.md.

    .venv/bin/python -m bench.faults
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    env = {
        **os.environ,
        "CI": "true",
        "BASEWATCH_BENCH_REPORT": "1",
        "DATABASE_URL": os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/bw_bench_faults"),
        "CELERY_BROKER_URL": os.environ.get("CELERY_BROKER_URL", "redis://127.0.0.1:6379/8"),
    }
    test = "tests/faults/test_drain.py"
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", test], cwd=ROOT, env=env)
    if result.returncode == 0:
        print((ROOT / "docs" / "benchmarks.md").read_text().split("<!-- bench:faults -->")[1].split("<!--")[0])
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
