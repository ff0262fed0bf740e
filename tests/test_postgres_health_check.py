"""The PostgreSQL backend's health check (config/postgresql): a connection the server has sent nothing is usable
without a round trip; one the server has ended is not, and Django replaces it before the next query."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper

from config.postgresql.base import DatabaseWrapper

pytestmark = pytest.mark.postgres


@pytest.fixture
def own(db: None) -> Iterator[BaseDatabaseWrapper]:
    """A connection of its own to the test database (the test's own connection stays in its transaction)."""
    wrapper = connections.create_connection("default")
    wrapper.ensure_connection()
    yield wrapper
    wrapper.close()


def _last_query(pid: int) -> str:
    with connections.create_connection("default").cursor() as cursor:
        cursor.execute("SELECT query FROM pg_stat_activity WHERE pid = %s", [pid])
        return str(cursor.fetchone()[0])


def _terminate(pid: int) -> None:
    other = connections.create_connection("default")
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
    finally:
        other.close()


def test_settings_select_the_polling_backend():
    assert isinstance(connections["default"], DatabaseWrapper)
    assert connections["default"].settings_dict["CONN_HEALTH_CHECKS"] is True


def test_an_idle_connection_is_usable_without_a_query(own):
    with own.cursor() as cursor:
        cursor.execute("SELECT 'marker' AS last_query_here")
    pid = own.connection.info.backend_pid
    assert own.is_usable()
    assert "last_query_here" in _last_query(pid)  # no SELECT 1 ran on it


def test_a_connection_the_server_ended_is_not_usable(own):
    _terminate(own.connection.info.backend_pid)
    deadline = time.monotonic() + 5
    while own.is_usable():  # the server's goodbye reaches the socket
        assert time.monotonic() < deadline, "a terminated connection still looks usable"
        time.sleep(0.05)
    assert not own.is_usable()


def test_a_closed_connection_is_not_usable(own):
    own.connection.close()
    assert not own.is_usable()


def test_the_next_query_runs_on_a_new_connection_once_the_server_ended_the_old(own):
    own.health_check_enabled = True
    old_pid = own.connection.info.backend_pid
    _terminate(old_pid)
    time.sleep(0.2)
    own.health_check_done = False  # as each request starts (close_if_unusable_or_obsolete)
    with own.cursor() as cursor:  # the health check runs before the first query
        cursor.execute("SELECT pg_backend_pid()")
        assert cursor.fetchone()[0] != old_pid
