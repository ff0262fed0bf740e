"""API rate-limit counters are shared by every gunicorn worker (the ``throttle`` cache on Redis when
CACHE_URL is set): one client gets its rate once, not once per worker process."""

from __future__ import annotations

import pytest
from django.db import connection

from tests import services as test_services
from tests.faults.servers import app_env, gunicorn, http, missing

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


def test_two_workers_share_one_clients_counter(own_redis):
    if connection.vendor != "postgresql":
        missing("gunicorn shares the test database only on PostgreSQL (set DATABASE_URL)")
    database_url = test_services.database_url_for(connection.settings_dict)
    env = app_env(database_url, broker_url=None, CACHE_URL=own_redis.url, API_ANON_RATE="6/minute")
    with gunicorn(env, workers=2, name="shared-throttle") as server:
        # Each request on a new connection, each with another forged X-Forwarded-For: neither the worker
        # that answers nor the header changes whose counter it is.
        answers = [
            http("GET", server.base_url + "/api/v1/bases/", headers={"X-Forwarded-For": f"198.51.100.{i}"})[0]  # type: ignore[attr-defined]
            for i in range(1, 19)
        ]
    assert answers == [200] * 6 + [429] * 12
