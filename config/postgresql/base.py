"""Django's PostgreSQL backend (``ENGINE = "config.postgresql"``), whose connection health check costs no round trip
while the server has sent nothing unasked.

With ``CONN_HEALTH_CHECKS`` Django checks a persistent connection before the first query of every request by running
``SELECT 1``: a round trip, ~80 µs of the worker's CPU and the server's parse, plan and run, on nearly every request.
A connection the server has ended - a restart or fast shutdown, ``pg_terminate_backend``, an idle timeout - has
something to read when it does: the server's closing error message, then the end of the stream. So the socket is
polled first, without waiting (~2 µs): nothing to read, and the connection is as the last request left it; something
to read, and Django's own check runs (``SELECT 1``), which fails on a closed connection and drops it. What no check
of either kind notices before the query is a peer gone silently (a cut network): the query then fails as before.
"""

from __future__ import annotations

import select

import psycopg
from django.db.backends.postgresql import base


class DatabaseWrapper(base.DatabaseWrapper):
    def is_usable(self) -> bool:
        connection = self.connection
        if connection is None or connection.closed:
            return False
        try:
            poller = select.poll()
            poller.register(connection.pgconn.socket, select.POLLIN | select.POLLPRI)
        except psycopg.Error:  # no socket: the connection is gone
            return False
        if not poller.poll(0):
            return True
        return bool(super().is_usable())
