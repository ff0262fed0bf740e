"""/healthz: is the database reachable, is the broker reachable?"""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

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
    if settings.CELERY_BROKER_URL is None:
        return None  # tasks run in-process; there is no broker to reach
    from kombu import Connection

    try:
        with Connection(settings.CELERY_BROKER_URL, connect_timeout=2) as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
    except Exception as exc:
        logger.warning("healthz: broker unreachable: %s", exc)
        return f"unreachable: {exc.__class__.__name__}"
    return None


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
