"""Reachability of the real services the CI suite must use, and a real Celery worker."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent


def postgres_error(url: str) -> str | None:
    import psycopg

    parsed = urlparse(url)
    try:
        with psycopg.connect(
            host=parsed.hostname,
            port=parsed.port or 5432,
            user=parsed.username or "postgres",
            password=parsed.password,
            dbname="postgres",
            connect_timeout=3,
        ) as conn:
            conn.execute("SELECT 1")
    except Exception as exc:
        return f"PostgreSQL at {parsed.hostname}:{parsed.port or 5432} is unreachable: {exc}"
    return None


def redis_error(url: str) -> str | None:
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=3).ping()
    except Exception as exc:
        return f"Redis at {url} is unreachable: {exc}"
    return None


def database_url_for(settings_dict: Mapping[str, Any]) -> str:
    user = settings_dict.get("USER") or "postgres"
    password = f":{settings_dict['PASSWORD']}" if settings_dict.get("PASSWORD") else ""
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = settings_dict.get("PORT") or 5432
    return f"postgres://{user}{password}@{host}:{port}/{settings_dict['NAME']}"


class WorkerProcess(subprocess.Popen[bytes]):
    """A ``celery worker`` process (``celery_worker``), with the queue it consumes and the file it logs to."""

    queue: str
    log_path: Path


@contextlib.contextmanager
def celery_worker(
    *,
    database_url: str,
    broker_url: str,
    queue: str | None = None,
    concurrency: int = 1,
    extra_env: dict[str, str] | None = None,
    log_name: str = "worker",
    ready: bool = True,
) -> Iterator[WorkerProcess]:
    """Run a real ``celery worker`` process against the given database and broker.

    ``ready=False`` yields as soon as the process is started: call ``wait_ready`` before relying on it, so that
    several workers (or a worker and a web server) spend their start-up side by side rather than one after another.
    """
    queue = queue or f"test-{uuid.uuid4().hex[:8]}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DATABASE_URL": database_url,
        "CELERY_BROKER_URL": broker_url,
        "CELERY_QUEUE": queue,
        "DEBUG": "true",
        "CONN_MAX_AGE": "0",
        **(extra_env or {}),
    }
    log_dir = Path(os.environ.get("TEST_LOG_DIR", "/tmp/basewatch-test-logs"))
    log_dir.mkdir(parents=True, exist_ok=True)
    log_path = log_dir / f"{log_name}-{queue}.log"
    with log_path.open("wb") as log:
        proc = WorkerProcess(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "config",
                "worker",
                "--loglevel=INFO",
                "-Q",
                queue,
                "-n",
                f"{queue}@%h",
                "--concurrency",
                str(concurrency),
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        proc.queue = queue
        proc.log_path = log_path
        try:
            if ready:
                wait_ready(proc)
            yield proc
        finally:
            stop_process(proc)


def stop_process(proc: subprocess.Popen, *, timeout: float = 15) -> None:
    """SIGTERM, then SIGKILL if it has not exited within ``timeout`` seconds."""
    stop_processes([proc], timeout=timeout)


def stop_processes(procs: Sequence[subprocess.Popen], *, timeout: float = 15) -> None:
    """``stop_process`` for several at once: all are asked to stop before any is waited for (a Celery worker's
    warm shutdown takes seconds; several stop in the time of one)."""
    running = [p for p in procs if p.poll() is None]
    for proc in running:
        proc.terminate()
    deadline = time.monotonic() + timeout
    for proc in running:
        try:
            proc.wait(timeout=max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def wait_ready(proc: WorkerProcess) -> None:
    """Wait until a worker started by ``celery_worker(ready=False)`` consumes its queue."""
    _wait_ready(proc.log_path, proc)


def _wait_ready(log_path: Path, proc: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"celery worker exited with {proc.returncode}:\n{log_path.read_text()[-3000:]}")
        if b"ready." in log_path.read_bytes():
            return
        time.sleep(0.05)
    raise RuntimeError(f"celery worker not ready after {timeout}s:\n{log_path.read_text()[-3000:]}")
