"""The rate-limit window on Redis: one atomic round trip counts a request and gives the window's time left;
the first request sets the expiry, later ones never push it back, and an expired window starts again at 1."""

from __future__ import annotations

import time

import pytest
import redis

from config.cache import RedisCache

pytestmark = pytest.mark.services


def test_a_window_counts_up_then_expires_and_starts_again(own_redis):
    cache = RedisCache(own_redis.url, {"KEY_PREFIX": "t"})
    first = cache.count_in_window("client", 1)
    time.sleep(0.3)
    second = cache.count_in_window("client", 1)
    assert first[0] == 1
    assert 0.9 < first[1] <= 1.0
    assert second[0] == 2
    assert 0.5 < second[1] < 0.8  # the same window: its end did not move
    assert cache.get("client") == 2
    ttl = redis.Redis.from_url(own_redis.url).ttl(cache.make_key("client"))
    assert ttl in (0, 1)  # an expiry, always
    time.sleep(0.8)
    assert cache.count_in_window("client", 1)[0] == 1
