from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import caches

from tests import services
from tests.factories import UserFactory


def pytest_sessionstart(session: pytest.Session) -> None:
    """In CI the suite must run on the real PostgreSQL and Redis: stop loudly if either is missing."""
    if not getattr(settings, "CI", False):
        return
    engine = settings.DATABASES["default"]["ENGINE"]
    found: list[str | None] = []  # each check's problem, None when it passed
    if "postgresql" not in engine:
        found.append(f"CI=true but DATABASE_URL selects {engine}, not PostgreSQL")
    else:
        db = settings.DATABASES["default"]
        found.append(services.postgres_error(services.database_url_for(db)))
    if not settings.CELERY_BROKER_URL:
        found.append("CI=true but CELERY_BROKER_URL is not set")
    else:
        found.append(services.redis_error(settings.CELERY_BROKER_URL))
    problems = [p for p in found if p]
    if problems:
        pytest.exit("Real services required in CI:\n  " + "\n  ".join(problems), returncode=3)


def pytest_runtest_setup(item: pytest.Item) -> None:
    """``postgres`` tests race real transactions: skip them on SQLite locally, fail them if CI lacks PostgreSQL."""
    if item.get_closest_marker("postgres") is None:
        return
    from django.db import connection

    if connection.vendor != "postgresql":
        reason = "real concurrency needs PostgreSQL (run with CI=true or DATABASE_URL=postgres://...)"
        if getattr(settings, "CI", False):
            pytest.fail(f"CI=true but {reason}")
        pytest.skip(reason)


@pytest.fixture(autouse=True)
def _fresh_response_cache() -> Iterator[None]:
    """Cached API answers are keyed by a data version another test's data can repeat: none carry over
    (nor the map's lookups and the faction groups, read once per data version)."""
    from incidents.querysets import _faction_groups_at
    from incidents.selectors.points import _lookups_at

    caches["responses"].clear()
    _lookups_at.cache_clear()
    _faction_groups_at.cache_clear()
    yield
    caches["responses"].clear()
    _lookups_at.cache_clear()
    _faction_groups_at.cache_clear()


@pytest.fixture
def editor(db):
    user = UserFactory(username="editor")
    user.groups.add(Group.objects.get_or_create(name=settings.EDITORS_GROUP)[0])
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def admin_client_user(db):
    return UserFactory(username="root", is_staff=True, is_superuser=True)


@pytest.fixture(scope="session")
def celery_worker_process(django_db_setup, django_db_blocker) -> Iterator:
    """A real Celery worker on Redis, reading the test database. Required in CI."""
    from django.db import connection

    reason = None
    if not settings.CELERY_BROKER_URL:
        reason = "no broker configured (set CELERY_BROKER_URL, or CI=true)"
    elif connection.vendor != "postgresql":
        reason = "a worker process needs a shared database: set DATABASE_URL to PostgreSQL"
    if reason:
        if getattr(settings, "CI", False):
            pytest.fail(f"CI=true but {reason}")
        pytest.skip(reason)
    broker_url = settings.CELERY_BROKER_URL
    assert broker_url  # reason is set (and the test skipped or failed above) without one
    with services.celery_worker(
        database_url=services.database_url_for(connection.settings_dict),
        broker_url=broker_url,
    ) as proc:
        yield proc


@pytest.fixture
def live_worker(celery_worker_process) -> Iterator:
    """Send tasks through the broker to the real worker for the duration of one test."""
    from config.celery import app

    eager, queue = app.conf.task_always_eager, app.conf.task_default_queue
    app.conf.task_always_eager = False
    app.conf.task_default_queue = celery_worker_process.queue
    try:
        yield celery_worker_process
    finally:
        app.conf.task_always_eager = eager
        app.conf.task_default_queue = queue


@pytest.fixture
def latest_migrations_after(transactional_db) -> Iterator[None]:
    """For tests that migrate the database back: afterwards it is at the latest migrations again, as every later
    test expects, even when the test failed half-way (otherwise the tests after it run on an old schema)."""
    yield
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.fixture
def no_throttle(monkeypatch):
    """Fuzzing sends many requests: lift the API rate limits for that test."""
    from rest_framework.throttling import SimpleRateThrottle

    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"anon": "100000/minute", "user": "100000/minute"})


@pytest.fixture
def keep_test_connection():
    """Calls that go straight to the WSGI app must not close the connection holding the test transaction
    (Django's test client does the same)."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)
