"""The broker as seen from a web thread: short timeouts, one waiting thread at a time, a pause after a failure.

A broker that accepts connections and never answers (a stopped or wedged server behind a live
address) would otherwise hold each request that touches it for the full socket timeout, and a
few health checks or submissions at once would leave no thread to serve anything else. So, per
web process:

- every connection made from a request has ``BROKER_WEB_TIMEOUT_MS`` as its connect and socket
  timeout and no publish retry (``web_connection``);
- at most one thread talks to the broker at a time (``gate.turn``): the others do not queue behind
  it, they fall back (a submission stays ``queued`` for the sweep; the health check answers with
  the last result);
- after a failure the web path leaves the broker alone for ``COOLDOWN_SECONDS`` (``gate.failing``):
  submissions are stored and the sweep, which runs in the worker, enqueues them later.

Workers and beat keep their own, longer timeouts (``CELERY_BROKER_TRANSPORT_OPTIONS``).
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from typing import Any

from django.conf import settings

COOLDOWN_SECONDS = 10.0


def web_timeout() -> float:
    return settings.BROKER_WEB_TIMEOUT_MS / 1000


def web_connection(app: Any) -> Any:
    """A new connection for writing from a request, with the web timeouts (kombu connects lazily)."""
    timeout = web_timeout()
    return app.connection_for_write(
        connect_timeout=timeout,
        transport_options={"socket_connect_timeout": timeout, "socket_timeout": timeout, "max_retries": 0},
    )


class BrokerGate:
    """Per-process bookkeeping of the web path's broker use: who is talking to it, and its last failure."""

    def __init__(self, cooldown: float = COOLDOWN_SECONDS) -> None:
        self.cooldown = cooldown
        self._turn = threading.Lock()
        self._lock = threading.Lock()
        self._failed: dict[str, tuple[float, str]] = {}
        self._last: dict[str, tuple[float, str | None]] = {}

    @contextlib.contextmanager
    def turn(self, *, wait: float = 0.0) -> Iterator[bool]:
        """True when this thread may talk to the broker now (waiting at most ``wait`` seconds for another)."""
        acquired = self._turn.acquire(timeout=wait) if wait > 0 else self._turn.acquire(blocking=False)
        try:
            yield acquired
        finally:
            if acquired:
                self._turn.release()

    def record(self, url: str, error: str | None) -> None:
        now = time.monotonic()
        with self._lock:
            self._last[url] = (now, error)
            if error is None:
                self._failed.pop(url, None)
            else:
                self._failed[url] = (now, error)

    def failing(self, url: str) -> str | None:
        """The error of a failure on ``url`` less than ``cooldown`` seconds ago, if any."""
        with self._lock:
            failed = self._failed.get(url)
        if failed is None or time.monotonic() - failed[0] > self.cooldown:
            return None
        return failed[1]

    def last(self, url: str) -> tuple[float, str | None] | None:
        """(age in seconds, error or None) of the last recorded outcome on ``url``."""
        with self._lock:
            last = self._last.get(url)
        return None if last is None else (time.monotonic() - last[0], last[1])

    def reset(self) -> None:
        with self._lock:
            self._failed.clear()
            self._last.clear()


gate = BrokerGate()


def broker_probe(url: str) -> str | None:
    """Connect to the broker at ``url`` and have it answer, within the web timeouts; the error, or None."""
    from kombu import Connection

    timeout = web_timeout()
    options = {**settings.CELERY_BROKER_TRANSPORT_OPTIONS, "socket_connect_timeout": timeout}
    options.update(socket_timeout=timeout, max_retries=0)
    try:
        with Connection(url, connect_timeout=timeout, transport_options=options) as conn:
            conn.ensure_connection(max_retries=0, timeout=timeout)
            conn.default_channel  # noqa: B018  (Redis: opening a channel sends PING and reads the answer)
    except Exception as exc:
        return f"unreachable: {exc.__class__.__name__}"
    return None
