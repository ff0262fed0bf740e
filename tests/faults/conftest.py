"""Fixtures for the fault suite: private servers, started once per session where that is safe."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from tests.faults.servers import PostgresServer, RedisServer, app_env, manage
from tests.ingest.conftest import gazetteer  # noqa: F401  (the shipped gazetteer, as the ingest tests load it)

# Migrate, load the gazetteer and create an editor in one process: three `manage.py` runs cost three Django
# start-ups and two rounds of system checks (seconds each), for the same database in the end.
SETUP = """
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from rest_framework.authtoken.models import Token
call_command("migrate", interactive=False, verbosity=0)
call_command("load_gazetteer")
user = User.objects.create_user("fault-editor", password="not-used-here")
user.groups.add(Group.objects.get_or_create(name="editors")[0])
print(Token.objects.create(user=user).key)
"""


@dataclass
class OwnPostgres:
    server: PostgresServer
    database_url: str
    token: str


@pytest.fixture(scope="session")
def own_postgres() -> Iterator[OwnPostgres]:
    """Our own PostgreSQL cluster (initdb once per session), migrated, with the gazetteer and an editor."""
    server = PostgresServer()
    try:
        server.initdb()
        server.start()
        url = server.create_database("basewatch_faults")
        token = manage(url, "shell", "-c", SETUP).strip().splitlines()[-1]
        yield OwnPostgres(server, url, token)
    finally:
        server.destroy()


@pytest.fixture
def own_redis() -> Iterator[RedisServer]:
    """Our own redis-server on a spare port; the test may stop and restart it."""
    server = RedisServer()
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def collected_static() -> None:
    """gunicorn runs with DEBUG off, so pages need the hashed static manifest (git-ignored, built here)."""
    manage(app_env("sqlite:///:memory:", broker_url=None)["DATABASE_URL"], "collectstatic", "--noinput", "-v", "0")


@pytest.fixture
def test_database_url(transactional_db) -> str:
    """The test database as a URL a worker subprocess can use (PostgreSQL only: SQLite is not shared)."""
    from django.db import connection

    from tests import services as test_services
    from tests.faults.servers import missing

    if connection.vendor != "postgresql":
        missing("a worker process shares the test database only on PostgreSQL (set DATABASE_URL)")
    return test_services.database_url_for(connection.settings_dict)
