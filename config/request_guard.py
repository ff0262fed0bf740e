"""Requests no view should see: NUL bytes in the path or query, and API bodies over the size limit.

PostgreSQL text cannot hold a NUL byte, so a NUL reaching a query is a database error (a 500)
wherever a path or query value is compared with a column; refusing it here covers every view.
An API body whose declared length is over ``DATA_UPLOAD_MAX_MEMORY_SIZE`` is refused before
anything reads it, with a JSON 413 naming the limit (pages keep Django's own 400).
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse


def is_api(request: HttpRequest) -> bool:
    return request.path_info.startswith("/api/")


def body_too_large(size: int | None = None) -> JsonResponse:
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    sent = f"The request body is {size:,} bytes; " if size is not None else "The request body is too large; "
    return JsonResponse(
        {
            "detail": f"{sent}the limit is {limit:,} bytes (DATA_UPLOAD_MAX_MEMORY_SIZE).",
            "code": "request_too_large",
            "limit": limit,
        },
        status=413,
    )


def _declared_length(request: HttpRequest) -> int | None:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return None


class RequestGuardMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if "\x00" in request.path_info:
            if is_api(request):
                return JsonResponse({"detail": f"No API endpoint at {request.path}."}, status=404)
            raise Http404("No such page.")
        errors = _nul_in_query(request)
        if errors:
            if is_api(request):
                return JsonResponse(errors, status=400)
            return HttpResponse("The query string contains a NUL character.", status=400, content_type="text/plain")
        if is_api(request):
            size = _declared_length(request)
            if size is not None and size > settings.DATA_UPLOAD_MAX_MEMORY_SIZE:
                return body_too_large(size)
        return self.get_response(request)


def _nul_in_query(request: HttpRequest) -> dict[str, list[str]]:
    """Each query parameter holding a NUL (decoded: ``%00`` too), DRF-style: name -> [message]."""
    errors: dict[str, list[str]] = {}
    for name, values in request.GET.lists():
        if "\x00" in name:
            errors["detail"] = ["A parameter name contains an invalid character (U+0000)."]
        for value in values:
            if "\x00" in value:
                errors[name] = [f"Contains an invalid character (U+0000) at position {value.index(chr(0))}."]
    if not errors and "\x00" in request.META.get("QUERY_STRING", ""):
        errors["detail"] = ["The query string contains an invalid character (U+0000)."]
    return errors
