"""Django's Redis cache backend, with one client per connection pool instead of one per operation.

Django's ``RedisCacheClient.get_client`` builds a new ``redis.Redis`` for every get and set: about
60 µs each (it fills a table of ~170 response callbacks), and an API request makes about six cache
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


class RedisCache(redis.RedisCache):
    def __init__(self, server: str, params: dict[str, Any]) -> None:
        super().__init__(server, params)
        self._class = _PooledClient

    def count_in_window(self, key: str, seconds: int) -> tuple[int, float]:
        """Count one more event in ``key``'s window of ``seconds``: (events counted in it, seconds it has left).

        The window opens with its first event and closes ``seconds`` later (the key expires); one round
        trip: INCR, then EXPIRE ... NX (Redis 7), which sets the expiry only on the key INCR just created,
        so later events never push the window's end back, and a key can never be left without one.
        """
        key = self.make_and_validate_key(key)
        client = self._cache.get_client(key, write=True)
        with client.pipeline(transaction=True) as pipe:
            pipe.incr(key)
            pipe.expire(key, seconds, nx=True)
            pipe.pttl(key)
            count, _, left_ms = pipe.execute()
        return count, max(left_ms, 0) / 1000
