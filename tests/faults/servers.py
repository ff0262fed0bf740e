"""Our own Redis, PostgreSQL and gunicorn on spare loopback ports, for the fault tests.

The machine's shared services (127.0.0.1:5432 and :6379) are never touched: every server
here is started from the installed binaries in a temporary directory, on a free port, and
only the process we started is stopped. A missing binary skips the test with the reason,
except under CI=true, where it fails.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings

from tests.services import stop_process

ROOT = Path(__file__).resolve().parent.parent.parent
PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))
LOG_DIR = Path(os.environ.get("TEST_LOG_DIR", "/tmp/basewatch-test-logs"))


def missing(what: str) -> None:
    """Skip on a laptop, fail in CI: the fault suite must really run there."""
    if getattr(settings, "CI", False):
        pytest.fail(f"CI=true but {what}")
    pytest.skip(what)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_port(port: int, *, up: bool, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as s:
            s.settimeout(0.5)
            is_up = s.connect_ex(("127.0.0.1", port)) == 0
        if is_up == up:
            return
        time.sleep(0.05)
    raise RuntimeError(f"port {port} still {'down' if up else 'up'} after {timeout}s")


class RedisServer:
    """A throw-away redis-server (no persistence) that can be stopped and started on the same port."""

    def __init__(self) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            missing("redis-server is not installed")
        self.binary = str(binary)
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.proc: subprocess.Popen | None = None

    def start(self) -> None:
        LOG_DIR.mkdir(parents=True, exist_ok=True)
        self.proc = subprocess.Popen(
            [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=(LOG_DIR / f"redis-{self.port}.log").open("ab"),
            stderr=subprocess.STDOUT,
        )
        _wait_port(self.port, up=True)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()  # an abrupt loss, as when the broker's host dies
            self.proc.wait(timeout=10)
        self.proc = None
        _wait_port(self.port, up=False)


class PostgresServer:
    """A private PostgreSQL cluster (initdb once) that a test can stop and start under its clients."""

    def __init__(self) -> None:
        if not (PG_BIN / "initdb").exists() or not (PG_BIN / "pg_ctl").exists():
            missing(f"PostgreSQL server binaries not found in {PG_BIN} (set PG_BIN)")
        self.port = free_port()
        self.tmp = Path(tempfile.mkdtemp(prefix="bw-pg-"))
        self.data = self.tmp / "data"
        self.log = self.tmp / "server.log"
        # initdb and postgres refuse to run as root: run them as the postgres user.
        self.as_user: list[str] = []
        if os.geteuid() == 0:
            self.as_user = ["runuser", "-u", "postgres", "--"]
            shutil.chown(self.tmp, "postgres", "postgres")
        self.url_base = f"postgres://postgres@127.0.0.1:{self.port}"

    def _run(self, *args: str, timeout: float = 120) -> None:
        subprocess.run([*self.as_user, *args], check=True, capture_output=True, timeout=timeout)

    def initdb(self) -> None:
        self._run(str(PG_BIN / "initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust", "--no-sync")

    def start(self) -> None:
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.tmp} -c fsync=off -c max_connections=60"
        self._run(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "start")
        _wait_port(self.port, up=True)

    def stop(self) -> None:
        # Fast shutdown: open connections are cut, as in a real restart.
        self._run(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")
        _wait_port(self.port, up=False)

    def destroy(self) -> None:
        with contextlib.suppress(Exception):
            self.stop()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def create_database(self, name: str) -> str:
        import psycopg

        with psycopg.connect(f"{self.url_base}/postgres", autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return f"{self.url_base}/{name}"


def manage(database_url: str, *args: str, env: dict[str, str] | None = None) -> str:
    """Run ``manage.py`` against another database (a subprocess: this one keeps the test database)."""
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**app_env(database_url, broker_url=None), **(env or {})},
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def app_env(database_url: str, *, broker_url: str | None, **extra: str) -> dict[str, str]:
    """The environment of a production-shaped process of ours (DEBUG off) on the given services."""
    env = {
        k: v for k, v in os.environ.items() if k not in {"CI", "CELERY_BROKER_URL", "CELERY_RESULT_BACKEND", "DEBUG"}
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DATABASE_URL": database_url,
            "DEBUG": "false",
            "SECRET_KEY": "fault-tests-only-" + "k" * 40,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "false",
            "CONN_MAX_AGE": "60",
            "API_ANON_RATE": "100000/minute",
            "API_USER_RATE": "100000/minute",
            "LOG_LEVEL": "WARNING",
        }
    )
    if broker_url:
        env["CELERY_BROKER_URL"] = broker_url
    env.update(extra)
    return env


@contextlib.contextmanager
def gunicorn(
    env: dict[str, str], *, workers: int = 2, threads: int = 1, name: str = "gunicorn"
) -> Iterator[subprocess.Popen]:
    """A real gunicorn serving the app on a free port; ``proc.base_url`` is its address.

    ``threads`` above 1 runs gthread workers, as production does (config/gunicorn.conf.py)."""
    binary = Path(sys.executable).parent / "gunicorn"
    if not binary.exists():
        missing("gunicorn is not installed in the virtualenv")
    port = free_port()
    LOG_DIR.mkdir(parents=True, exist_ok=True)
    log_path = LOG_DIR / f"{name}-{port}.log"
    with log_path.open("wb") as log:
        proc = subprocess.Popen(
            [
                *(str(binary), "config.wsgi:application", "--bind", f"127.0.0.1:{port}", "--workers", str(workers)),
                *("--timeout", "60", "--graceful-timeout", "5", "--log-level", "warning"),
                *(("--threads", str(threads), "--worker-class", "gthread") if threads > 1 else ()),
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        proc.base_url = f"http://127.0.0.1:{port}"  # type: ignore[attr-defined]
        proc.log_path = log_path  # type: ignore[attr-defined]
        try:
            _wait_port(port, up=True)
            yield proc
        finally:
            stop_process(proc)


def http(method: str, url: str, *, body: bytes | None = None, headers: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    """(status, headers, body) of one request; HTTP errors are answers, not exceptions."""
    request = urllib.request.Request(url, data=body, method=method, headers=headers or {})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read()


def child_pids(pid: int) -> set[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return {int(p) for p in path.read_text().split()} if path.exists() else set()


@contextlib.contextmanager
def celery_routed(*, broker_url: str, queue: str) -> Iterator[None]:
    """Send this process's tasks through ``broker_url`` to ``queue`` (not in-process), then put things back."""
    from config.celery import app

    def reset_pools() -> None:
        app._pool = None
        with contextlib.suppress(AttributeError, KeyError):
            app.__dict__["amqp"]._producer_pool = None

    saved = (app.conf.broker_url, app.conf.broker_write_url, app.conf.task_always_eager, app.conf.task_default_queue)
    app.conf.broker_url = app.conf.broker_write_url = broker_url
    app.conf.task_always_eager, app.conf.task_default_queue = False, queue
    reset_pools()
    try:
        yield
    finally:
        app.conf.broker_url, app.conf.broker_write_url, app.conf.task_always_eager, app.conf.task_default_queue = saved
        reset_pools()


@contextlib.contextmanager
def celery_beat(env: dict[str, str], *, name: str = "beat") -> Iterator[subprocess.Popen]:
    """A real ``celery beat`` (the sweep's scheduler) with its schedule file in a temporary directory."""
    LOG_DIR.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="bw-beat-"))
    log_path = LOG_DIR / f"{name}-{tmp.name}.log"
    with log_path.open("wb") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "config", "beat", "--loglevel=INFO", "-s", str(tmp / "schedule")],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        proc.log_path = log_path  # type: ignore[attr-defined]
        try:
            yield proc
        finally:
            stop_process(proc, timeout=10)
            shutil.rmtree(tmp, ignore_errors=True)


class SilentListener:
    """A TCP listener on a spare loopback port that accepts every connection and never answers:
    a broker whose host is up but whose server hangs (stopped by SIGSTOP, a wedged proxy, a full
    accept queue behind a load balancer). Use as a context manager; ``url`` is a Redis URL to it."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(128)
        self.port = self.sock.getsockname()[1]
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.accepted: list[socket.socket] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, name="silent-listener", daemon=True)

    def _accept(self) -> None:
        self.sock.settimeout(0.1)
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.accepted.append(conn)  # held open, never read from nor written to

    def __enter__(self) -> SilentListener:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        for conn in self.accepted:
            conn.close()
        self.sock.close()
