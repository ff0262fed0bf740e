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


def test_several_windows_are_counted_in_one_round_trip_each_its_own(own_redis):
    cache = RedisCache(own_redis.url, {"KEY_PREFIX": "t"})
    cache.count_in_window("a", 60)
    counted = cache.count_in_windows([("a", 60), ("b", 1)])
    assert [count for count, _ in counted] == [2, 1]
    assert 59 < counted[0][1] <= 60
    assert 0.9 < counted[1][1] <= 1.0
    assert cache.get("a") == 2
    assert cache.get("b") == 1
