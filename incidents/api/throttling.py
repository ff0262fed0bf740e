"""API rate limits whose counters every web process shares, keyed by the resolved client address.

DRF's throttles keep their request history in Django's default cache (each process its own
memory here) and, without ``NUM_PROXIES``, identify a client by its whole ``X-Forwarded-For``
header, which the client writes. These read the address ``config.proxies`` settled on and keep
their counters in the ``throttle`` cache (Redis when ``CACHE_URL`` is set). A cache outage lets the
request through: rate limiting is a guard, not a reason to fail reads.

Each client has a fixed-window counter per scope, not DRF's list of request times: the window opens
with the client's first request and lasts the rate's period (a minute); past the rate's number of
requests in it, the answer is 429 with Retry-After = the seconds until the window closes. DRF's
history is read, unpickled, grown, pickled and written back on every request, and grows with the
rate (1,200 timestamps for an editor at full rate; at the bench's 200 requests/s, 12,000: 0.6 ms of
CPU per throttle, two throttles per anonymous request); the counter is one INCR with its expiry, and
every counter of a request (an anonymous client's two) is counted in one round trip - which, on Redis, also reads
the request's cached answer when its view has one (``incidents.api.caching.answer_keys``). What a fixed
window allows that a sliding one does not: a client that spent its rate at the end of one window can
spend it again at the start of the next, up to twice the rate within one period, never more.
"""

from __future__ import annotations

import logging
from typing import Any

from django.core.cache import caches
from django.utils.connection import ConnectionProxy
from rest_framework.request import Request
from rest_framework.throttling import SimpleRateThrottle

logger = logging.getLogger(__name__)

THROTTLE_CACHE = "throttle"


def count_in_window(cache: Any, key: str, seconds: int, now: float) -> tuple[int, float]:
    """(requests counted in ``key``'s current window, this one included; seconds the window has left).

    Redis (``config.cache.RedisCache``) counts in one atomic round trip; another backend (the
    in-memory cache of development and tests) keeps the window's opening time beside the count.
    """
    if hasattr(cache, "count_in_window"):
        return cache.count_in_window(key, seconds)
    opened_key = f"{key}:opened"
    cache.add(opened_key, now, seconds)
    opened = cache.get(opened_key, now)
    if cache.add(key, 1, seconds):
        return 1, seconds - (now - opened)
    try:
        count = cache.incr(key)
    except ValueError:  # the window closed between the two calls
        cache.set(key, 1, seconds)
        count = 1
    return count, max(seconds - (now - opened), 0.0)


def count_in_windows(cache: Any, windows: list[tuple[str, int]], now: float) -> list[tuple[int, float]]:
    """``count_in_window`` of each ``(key, seconds)``: on Redis in one round trip, elsewhere one after another."""
    if hasattr(cache, "count_in_windows"):
        return cache.count_in_windows(windows)
    return [count_in_window(cache, key, seconds, now) for key, seconds in windows]


class ClientThrottle(SimpleRateThrottle):
    """Every rate a request counts against, in one round trip to the shared counters.

    An editor's requests count against the ``user`` rate of their account; an anonymous client's against
    both the ``anon`` and the ``user`` rate of its address, as DRF's ``AnonRateThrottle`` and
    ``UserRateThrottle`` side by side counted them (this class's two predecessors, one round trip each).
    Refused when any window is past its rate; ``wait()`` is then the longest of those windows' time left.
    """

    cache = ConnectionProxy(caches, THROTTLE_CACHE)
    # Not DRF's key: a counter, where DRF's throttles stored a pickled list under their own keys.
    cache_format = "window_%(scope)s_%(ident)s"

    def __init__(self) -> None:  # the rates are read per request, per scope (DRF's reads one, at creation)
        self.left = 0.0

    def allow_request(self, request: Request, view: Any) -> bool:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            scopes, ident = ["user"], str(user.pk)
        else:
            scopes, ident = ["anon", "user"], request.META.get("REMOTE_ADDR") or ""
        limits = []
        for scope in scopes:
            num_requests, duration = self.parse_rate(self.THROTTLE_RATES.get(scope))
            if num_requests is not None and duration is not None:
                limits.append((self.cache_format % {"scope": scope, "ident": ident}, num_requests, duration))
        if not limits:
            return True
        # Imported here: DRF imports this class while the API's views (and so the cache module) are being imported.
        from incidents.api.caching import CACHE_ALIAS, answer_found, answer_keys

        windows = [(key, duration) for key, _, duration in limits]
        responses = caches[CACHE_ALIAS]
        shares_database = getattr(self.cache, "shares_database", None)
        # Where the response cache shares the counters' Redis database, the request's cached answer is read in the
        # same round trip (answer_keys); elsewhere its keys are not worked out at all. Outside the try: the keys'
        # data version is the database's, not the cache's.
        keys = answer_keys(view, request) if shares_database is not None and shares_database(responses) else []
        try:
            if keys:
                counted, found = self.cache.count_in_windows_then_get_first(windows, responses, keys)
                answer_found(request, keys, found)
            else:
                counted = count_in_windows(self.cache, windows, self.timer())
        except Exception:
            logger.warning("throttle cache unavailable; request let through", exc_info=True)
            return True
        over = [left for (count, left), (_, limit, _) in zip(counted, limits, strict=True) if count > limit]
        self.left = max(over, default=0.0)
        return not over

    def wait(self) -> float:
        """Seconds until the client's window closes and its rate is whole again (DRF's Retry-After)."""
        return self.left
