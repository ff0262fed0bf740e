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
