"""A real Celery worker answers through Redis (run in CI; skipped without a broker)."""

import pytest

from ingest.tasks import ping

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def test_ping_round_trips_through_a_real_worker(live_worker):
    assert ping.delay().get(timeout=30) == "pong"
