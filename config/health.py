"""/healthz: is the database reachable, is the broker reachable?"""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from config import broker

logger = logging.getLogger(__name__)


def check_database() -> str | None:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception as exc:
        logger.warning("healthz: database unreachable: %s", exc)
        return f"unreachable: {exc.__class__.__name__}"
    return None


def check_broker() -> str | None:
    """The broker's error, or None; answers within about twice ``BROKER_WEB_TIMEOUT_MS`` whatever the broker does.

    One thread per process probes at a time (``config.broker.gate``): a check arriving while
    another waits on the broker answers with the last result instead of waiting too, so health
    checks can never occupy every web thread.
    """
    url = settings.CELERY_BROKER_URL
    if url is None:
        return None  # tasks run in-process; there is no broker to reach
    last = broker.gate.last(url)
    recent = last is not None and last[0] < broker.COOLDOWN_SECONDS
    # With a recent result to fall back on, do not wait at all; without one, wait briefly for the turn.
    with broker.gate.turn(wait=0 if recent else broker.web_timeout()) as mine:
        if not mine:
            return last[1] if recent and last else "unknown: another request is waiting on the broker"
        fresh = broker.gate.last(url)
        if not recent and fresh is not None and fresh[0] < broker.web_timeout() * 2:
            return fresh[1]  # the check this one waited for has just answered
        error = broker.broker_probe(url)
        broker.gate.record(url, error)
    if error:
        logger.warning("healthz: broker %s", error)
    return error


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    db_error = check_database()
    broker_error = check_broker()
    checks = {
        "database": db_error or "ok",
        "broker": broker_error or ("ok" if settings.CELERY_BROKER_URL else "in-process"),
    }
    failing = [name for name, error in (("database", db_error), ("broker", broker_error)) if error]
    body = {"status": "unhealthy" if failing else "ok", "checks": checks, "failing": failing}
    return JsonResponse(body, status=503 if failing else 200)
