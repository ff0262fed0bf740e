"""API rate limits whose counters every web process shares, keyed by the resolved client address.

DRF's throttles keep their request history in Django's default cache (each process its own
memory here) and, without ``NUM_PROXIES``, identify a client by its whole ``X-Forwarded-For``
header, which the client writes. These read the address ``config.proxies`` settled on and keep
the history in the ``throttle`` cache (Redis when ``CACHE_URL`` is set). A cache outage lets the
request through: rate limiting is a guard, not a reason to fail reads.
"""

from __future__ import annotations

import logging
from typing import Any

from django.core.cache import caches
from django.utils.connection import ConnectionProxy
from rest_framework.request import Request
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle

logger = logging.getLogger(__name__)

THROTTLE_CACHE = "throttle"


class _SharedThrottle:
    cache = ConnectionProxy(caches, THROTTLE_CACHE)

    def get_ident(self, request: Request) -> str:
        return request.META.get("REMOTE_ADDR") or ""

    def allow_request(self, request: Request, view: Any) -> bool:
        try:
            return super().allow_request(request, view)  # type: ignore[misc]
        except Exception:
            logger.warning("throttle cache unavailable; request let through", exc_info=True)
            return True


class AnonThrottle(_SharedThrottle, AnonRateThrottle):
    pass


class UserThrottle(_SharedThrottle, UserRateThrottle):
    pass
