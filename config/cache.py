"""Django's Redis cache backend, with one client per connection pool instead of one per operation.

Django's ``RedisCacheClient.get_client`` builds a new ``redis.Redis`` for every get and set: about
60 µs each (it fills a table of ~170 response callbacks), and an API request makes a few cache
operations (the answer looked up and stored, the rate-limit counters). The client
holds no state of its own beyond the pool it draws connections from, which is thread-safe.
"""

from __future__ import annotations

from typing import Any

from django.core.cache.backends import redis


class _PooledClient(redis.RedisCacheClient):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict[int, Any] = {}

    def get_client(self, key: Any = None, *, write: bool = False) -> Any:
        # Django's own helpers (private; Django is pinned in requirements.lock, tests/faults run this on Redis)
        pool = self._get_connection_pool(write)  # type: ignore[attr-defined]
        client = self._clients.get(id(pool))  # pools live as long as this object: their ids are theirs
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)  # type: ignore[attr-defined]
        return client


# INCR each key; EXPIRE NX gives a key INCR just created its window and never moves an open window's end;
# PTTL reads what is left. Returns count, milliseconds left, count, milliseconds left, ... in key order.
_COUNT_IN_WINDOWS = """
local out = {}
for i, key in ipairs(KEYS) do
    out[#out + 1] = redis.call('INCR', key)
    redis.call('EXPIRE', key, ARGV[i], 'NX')
    out[#out + 1] = redis.call('PTTL', key)
end
return out
"""
# The first of KEYS that holds a value: {its position from 1, the value}; {} when none does. Only the value
# found is sent back, not the others'.
_FIRST_STORED = """
for i, key in ipairs(KEYS) do
    local value = redis.call('GET', key)
    if value then
        return {i, value}
    end
end
return {}
"""

# _COUNT_IN_WINDOWS over the first ARGV[1] keys, then _FIRST_STORED over the others: the counts and times left as
# _COUNT_IN_WINDOWS returns them, followed by {its position among the others from 1, the value} when one is stored.
_COUNT_THEN_FIRST_STORED = """
local counters = tonumber(ARGV[1])
local out = {}
for i = 1, counters do
    out[#out + 1] = redis.call('INCR', KEYS[i])
    redis.call('EXPIRE', KEYS[i], ARGV[i + 1], 'NX')
    out[#out + 1] = redis.call('PTTL', KEYS[i])
end
for i = counters + 1, #KEYS do
    local value = redis.call('GET', KEYS[i])
    if value then
        out[#out + 1] = i - counters
        out[#out + 1] = value
        return out
    end
end
return out
"""


class RedisCache(redis.RedisCache):
    def __init__(self, server: str, params: dict[str, Any]) -> None:
        super().__init__(server, params)
        self._class = _PooledClient
        self._scripts: dict[tuple[int, str], Any] = {}

    def _script(self, client: Any, source: str) -> Any:
        """``source`` registered once per client: later calls send its SHA (EVALSHA), not its text."""
        script = self._scripts.get((id(client), source))
        if script is None:
            script = self._scripts[(id(client), source)] = client.register_script(source)
        return script

    def count_in_windows(self, windows: list[tuple[str, int]]) -> list[tuple[int, float]]:
        """``count_in_window`` for several keys in one round trip (one script: the request's rate limits).

        Each ``(key, seconds)``: (events counted in its window, this one included; seconds it has left).
        A script runs whole, as the transaction of ``count_in_window`` does.
        """
        keys = [self.make_and_validate_key(key) for key, _ in windows]
        client = self._cache.get_client(keys[0], write=True)
        out = self._script(client, _COUNT_IN_WINDOWS)(keys=keys, args=[seconds for _, seconds in windows])
        return [(out[i], max(out[i + 1], 0) / 1000) for i in range(0, len(out), 2)]

    def count_in_window(self, key: str, seconds: int) -> tuple[int, float]:
        """Count one more event in ``key``'s window of ``seconds``: (events counted in it, seconds it has left).

        The window opens with its first event and closes ``seconds`` later (the key expires); one round
        trip: INCR, then EXPIRE ... NX (Redis 7), which sets the expiry only on the key INCR just created,
        so later events never push the window's end back, and a key can never be left without one.
        """
        return self.count_in_windows([(key, seconds)])[0]

    def shares_database(self, other: Any) -> bool:
        """Whether ``other`` is a cache of this class on the same Redis servers and database (its own key prefix)."""
        return (
            isinstance(other, RedisCache)
            and self._servers == other._servers  # type: ignore[attr-defined]
            and self._options.get("db") == other._options.get("db")  # type: ignore[attr-defined]
        )

    def count_in_windows_then_get_first(
        self, windows: list[tuple[str, int]], other: RedisCache, keys: list[str]
    ) -> tuple[list[tuple[int, float]], tuple[str, Any] | None]:
        """``count_in_windows(windows)`` and ``other.get_first(keys)`` in one round trip (one script): an API
        request's rate limits and its cached answer. ``other`` must share this cache's database."""
        counters = [self.make_and_validate_key(key) for key, _ in windows]
        made = [other.make_and_validate_key(key) for key in keys]
        client = self._cache.get_client(counters[0], write=True)
        args = [len(counters), *(seconds for _, seconds in windows)]
        out = self._script(client, _COUNT_THEN_FIRST_STORED)(keys=[*counters, *made], args=args)
        n = 2 * len(counters)
        counted = [(out[i], max(out[i + 1], 0) / 1000) for i in range(0, n, 2)]
        if len(out) == n:
            return counted, None
        return counted, (keys[out[n] - 1], other._cache._serializer.loads(out[n + 1]))  # type: ignore[attr-defined]

    def get_first(self, keys: list[str]) -> tuple[str, Any] | None:
        """The first of ``keys`` that is stored, and its value; None when none is. One round trip however
        many keys are tried, where a get per key would make one each, and only the value found is read.

        Run on the primary, as the rate-limit script is (a script on a replica may be refused).
        """
        made = [self.make_and_validate_key(key) for key in keys]
        out = self._script(self._cache.get_client(made[0], write=True), _FIRST_STORED)(keys=made)
        if not out:
            return None
        return keys[out[0] - 1], self._cache._serializer.loads(out[1])  # type: ignore[attr-defined]
