"""The response cache on Redis: a gzipped answer's two copies are looked up in one round trip, the gzipped one
first, and only the copy found is read; the answers are those of a get per key."""

from __future__ import annotations

import gzip
import json

import pytest
import redis
from django.core.cache import caches

from config.cache import RedisCache
from incidents.api.caching import _Entry
from tests.factories import IncidentFactory

pytestmark = pytest.mark.services


@pytest.fixture
def sent(monkeypatch) -> list[bytes]:
    """The commands this process sends to Redis (each a round trip), by name."""
    names: list[bytes] = []
    real = redis.connection.AbstractConnection.send_command

    def send_command(self, *args, **kwargs):
        names.append(str(args[0]).upper().encode())
        return real(self, *args, **kwargs)

    monkeypatch.setattr(redis.connection.AbstractConnection, "send_command", send_command)
    return names


def test_get_first_gives_the_first_stored_key_and_its_value(own_redis):
    cache = RedisCache(own_redis.url, {"KEY_PREFIX": "t"})
    assert cache.get_first(["a:gzip", "a"]) is None
    cache.set("a", _Entry(b"plain", "application/json"))
    assert cache.get_first(["a:gzip", "a"]) == ("a", _Entry(b"plain", "application/json"))
    cache.set("a:gzip", _Entry(b"packed", "application/json"))
    assert cache.get_first(["a:gzip", "a"]) == ("a:gzip", _Entry(b"packed", "application/json"))
    cache.set("n", 12)  # stored as Django stores it (an int unpickled), read back the same
    assert cache.get_first(["missing", "n"]) == ("n", 12)
    assert cache.get_first(["n"]) == ("n", cache.get("n"))


def test_get_first_is_one_round_trip_whatever_it_finds(own_redis, sent):
    cache = RedisCache(own_redis.url, {"KEY_PREFIX": "t"})
    cache.get_first(["warm"])  # the script is loaded once per client
    cache.set("b", _Entry(b"x" * 10_000, "application/json"))
    for keys in (["a:gzip", "a"], ["b:gzip", "b"], ["b", "b:gzip"]):
        sent.clear()
        cache.get_first(keys)
        assert sent == [b"EVALSHA"]


@pytest.fixture
def redis_responses(settings, own_redis):
    settings.CACHES = {
        **settings.CACHES,
        "responses": {"BACKEND": "config.cache.RedisCache", "LOCATION": own_redis.url, "KEY_PREFIX": "r"},
    }
    caches["responses"].clear()
    caches["responses"].get_first(["warm"])  # the lookup's script loaded, as in a worker after its first request
    yield own_redis.url
    caches["responses"].clear()


def test_gzipped_map_answers_on_redis_one_lookup_each(client, db, redis_responses, sent):
    IncidentFactory.create_batch(3)
    url = "/api/v1/incidents/points/"
    plain = client.get(url)
    assert plain["X-Cache"] == "miss"

    sent.clear()
    first = client.get(url, HTTP_ACCEPT_ENCODING="gzip")  # compressed from the plain copy, then stored
    assert first["X-Cache"] == "hit"
    assert sent == [b"EVALSHA", b"SET"]

    sent.clear()
    second = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert sent == [b"EVALSHA"]
    assert second["X-Cache"] == "hit"
    assert second.content == first.content
    assert json.loads(gzip.decompress(second.content)) == plain.json()


def test_a_new_gzipped_map_answer_on_redis_is_built_once_and_stored(client, db, redis_responses, sent):
    IncidentFactory.create_batch(2)
    url = "/api/v1/incidents/points/?country=IQ"
    first = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert sent == [b"EVALSHA", b"SET"]
    second = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit")
    assert first.content == second.content
    assert json.loads(gzip.decompress(first.content)) == client.get(url).json()


@pytest.fixture
def redis_responses_and_throttle(settings, own_redis):
    """The deploy's settings: the answers and the rate limits' counters in one Redis database, each its prefix."""
    settings.CACHES = {
        **settings.CACHES,
        "responses": {"BACKEND": "config.cache.RedisCache", "LOCATION": own_redis.url, "KEY_PREFIX": "r"},
        "throttle": {"BACKEND": "config.cache.RedisCache", "LOCATION": own_redis.url, "KEY_PREFIX": "t"},
    }
    caches["responses"].clear()
    yield own_redis.url
    caches["responses"].clear()


@pytest.mark.parametrize(
    ("url", "headers"),
    [
        ("/api/v1/incidents/points/?country=IQ", {"HTTP_ACCEPT_ENCODING": "gzip"}),
        ("/api/v1/incidents/points/?country=IQ", {}),
        ("/api/v1/incidents/?format=geojson", {}),
        ("/api/v1/stats/timeline/?split=faction", {}),
        ("/api/v1/bases/", {}),
    ],
)
def test_the_rate_limits_round_trip_reads_the_cached_answer_too(
    client, db, redis_responses_and_throttle, sent, url, headers
):
    IncidentFactory.create_batch(3)
    client.get("/api/v1/factions/")  # the script loaded, as in a worker after its first request
    sent.clear()
    first = client.get(url, **headers)
    assert first["X-Cache"] == "miss"
    assert sent == [b"EVALSHA", b"SET"]  # the counters and the lookup, then the answer stored
    sent.clear()
    second = client.get(url, **headers)
    assert second["X-Cache"] == "hit"
    assert sent == [b"EVALSHA"]  # a hit: one round trip in all
    assert second.content == first.content
    counters = redis.Redis.from_url(redis_responses_and_throttle).keys("t:*")
    assert counters  # the request was counted against its rate


def test_the_csv_is_counted_without_a_lookup(client, db, redis_responses_and_throttle, sent):
    IncidentFactory.create_batch(2)
    for date_from in ("2000-01-01", "2001-01-01"):  # the first loads the counters' own script
        sent.clear()
        response = client.get(f"/api/v1/incidents/?format=csv&date_from={date_from}")
        b"".join(response.streaming_content)
    assert sent == [b"EVALSHA"]  # the counters only (a streamed CSV is not cached)
