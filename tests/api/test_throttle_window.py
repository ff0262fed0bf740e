"""API rate limits count each client's requests in a fixed window: one integer per client and scope, not a
list of request times. The window opens with the client's first request (not on the clock's minute), refuses
past the rate with Retry-After until it closes, and the next window gives the whole rate again."""

from __future__ import annotations

import time

import pytest
from django.core.cache import caches
from freezegun import freeze_time
from rest_framework.throttling import SimpleRateThrottle

from incidents.api.throttling import count_in_window

pytestmark = pytest.mark.django_db

URL = "/api/v1/bases/"


@pytest.fixture
def five_a_minute(monkeypatch):
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"anon": "5/minute", "user": "1000/minute"})
    # DRF's clock is time.time taken when DRF was imported: read it through the module, as freezegun sets it.
    monkeypatch.setattr(SimpleRateThrottle, "timer", lambda self: time.time())


def test_the_window_refuses_past_the_rate_until_it_closes(api, world, five_a_minute):
    with freeze_time("2024-05-01 12:00:50") as clock:
        assert [api.get(URL).status_code for _ in range(6)] == [200] * 5 + [429]
        clock.tick(20)  # past the clock's minute: the window is the client's, it is still open
        refused = api.get(URL)
        assert refused.status_code == 429
        assert refused["Retry-After"] == "40"
        assert "40 seconds" in refused.json()["detail"]
        clock.tick(41)
        assert [api.get(URL).status_code for _ in range(6)] == [200] * 5 + [429]


def test_each_client_has_one_counter_of_its_requests(api, world, five_a_minute):
    for _ in range(3):
        api.get(URL)
    throttle = caches["throttle"]
    assert throttle.get("window_anon_127.0.0.1") == 3
    assert throttle.get("window_user_127.0.0.1") == 3
    assert throttle.get("throttle_anon_127.0.0.1") is None  # no history of request times


def test_editors_are_counted_by_user_not_by_address(editor_api, editor, world, five_a_minute):
    for _ in range(6):
        assert editor_api.get(URL).status_code == 200
    throttle = caches["throttle"]
    assert throttle.get(f"window_user_{editor.pk}") == 6
    assert throttle.get("window_anon_127.0.0.1") is None


def test_counting_outside_redis_keeps_the_windows_opening_time():
    cache = caches["throttle"]
    assert count_in_window(cache, "k", 60, now=1000.0) == (1, 60.0)
    assert count_in_window(cache, "k", 60, now=1015.0) == (2, 45.0)
    assert cache.get("k") == 2


def test_an_anonymous_client_is_refused_by_the_tighter_of_its_two_rates(api, world, monkeypatch):
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"anon": "1000/minute", "user": "3/minute"})
    monkeypatch.setattr(SimpleRateThrottle, "timer", lambda self: time.time())
    assert [api.get(URL).status_code for _ in range(4)] == [200] * 3 + [429]
    throttle = caches["throttle"]
    assert throttle.get("window_anon_127.0.0.1") == 4
    assert throttle.get("window_user_127.0.0.1") == 4
