"""A database outage answers 503 with a short body, never a traceback or a generic 500.

Django's connection health checks (``CONN_HEALTH_CHECKS``) reconnect on the first query after
the database comes back, so the web process recovers by itself; this middleware only decides
what a request sees while it is down: JSON for the API and /healthz, a small static HTML page
otherwise (rendered without context processors, which could query the database again).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 5
MESSAGE = "The database is unavailable for a moment. Please try again shortly."


def wants_json(request: HttpRequest) -> bool:
    path = request.path_info
    return path.startswith("/api/") or path == "/healthz" or "json" in request.headers.get("Accept", "")


class DatabaseOutageMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.warning("database unavailable during %s %s: %s", request.method, request.path, exception)
        response: HttpResponse
        if wants_json(request):
            response = JsonResponse({"detail": MESSAGE, "code": "database_unavailable"}, status=503)
        else:
            response = HttpResponse(render_to_string("503.html", {"message": MESSAGE}), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response
