"""What every Basewatch API view shares: strict query parameters, JSON errors, conditional GETs."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from typing import Any

from django.http import Http404, HttpResponseBase
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date
from rest_framework import exceptions, permissions
from rest_framework.authentication import SessionAuthentication, TokenAuthentication
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from incidents.querysets import is_editor

# A fixed Last-Modified for answers built from nothing (an empty database).
EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


def request_is_editor(request: Any) -> bool:
    """``is_editor`` for the request's user, asked of the database once per request."""
    cached = getattr(request, "_basewatch_is_editor", None)
    if cached is None:
        cached = is_editor(getattr(request, "user", None))
        request._basewatch_is_editor = cached
    return cached


class IsEditorOrReadOnly(permissions.BasePermission):
    message = "Only editors may change data: send an editor's token or log in as one (with the CSRF token)."

    def has_permission(self, request: Request, view: Any) -> bool:
        if request.method in permissions.SAFE_METHODS:
            return True
        return bool(request.user and request.user.is_authenticated and request_is_editor(request))


class ApiView(APIView):
    # Token first so a missing or bad credential on a write answers 401 with WWW-Authenticate.
    authentication_classes = [TokenAuthentication, SessionAuthentication]
    permission_classes = [IsEditorOrReadOnly]
    renderer_classes = [JSONRenderer]
    # Query parameters this view understands; anything else is a 400.
    allowed_params: frozenset[str] = frozenset({"format"})
    repeatable_params: frozenset[str] = frozenset()
    # The formats whose GET answers come through ``incidents.api.caching.cached_answer`` (gzipped for clients
    # that take it when ``compressed_answers``): the rate limits' round trip to Redis reads them too.
    cached_formats: frozenset[str] = frozenset()
    compressed_answers = False

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        if request.method in ("GET", "HEAD"):
            self.check_query_params(request)

    def check_query_params(self, request: Request) -> None:
        errors = {}
        allowed = ", ".join(sorted(self.allowed_params))
        for name in request.query_params:
            if name not in self.allowed_params:
                errors[name] = [f"Unknown parameter. This endpoint accepts: {allowed}."]
            elif name not in self.repeatable_params and len(request.query_params.getlist(name)) > 1:
                errors[name] = ["Given more than once; give it once."]
        if errors:
            raise exceptions.ValidationError(errors)

    def perform_content_negotiation(self, request: Request, force: bool = False) -> Any:
        try:
            return super().perform_content_negotiation(request, force)
        except Http404 as exc:
            formats = ", ".join(r.format for r in self.get_renderers())
            raise exceptions.ValidationError({"format": [f"Unknown format; choose one of: {formats}."]}) from exc
        except exceptions.NotAcceptable:
            raise

    def finalize_response(self, request: Request, response: Any, *args: Any, **kwargs: Any) -> HttpResponseBase:
        # Errors are JSON whatever format was asked for.
        if isinstance(response, Response) and response.status_code >= 400:
            request.accepted_renderer = JSONRenderer()
            request.accepted_media_type = JSONRenderer.media_type
        response = super().finalize_response(request, response, *args, **kwargs)
        patch_vary_headers(response, ("Accept", "Authorization", "Cookie"))
        return response

    def conditional(
        self, request: Request, *, token: str, last_modified: dt.datetime | None, build: Callable[[], HttpResponseBase]
    ) -> HttpResponseBase:
        """Answer 304 when the client's copy is current, else ``build()``; both carry the validators.

        The ETag covers what the answer depends on: the data's fingerprint ``token``, the
        full query string, the negotiated format and whether the caller is an editor.
        """
        fmt = getattr(request.accepted_renderer, "format", "")
        role = "editor" if request_is_editor(request) else "public"
        basis = f"{type(self).__name__}|{request.get_full_path()}|{fmt}|{role}|{token}"
        etag = '"' + hashlib.sha256(basis.encode()).hexdigest()[:32] + '"'
        stamp = int((last_modified or EPOCH).timestamp())
        response: HttpResponseBase | None = get_conditional_response(request, etag=etag, last_modified=stamp)
        if response is None:
            response = build()
        response["ETag"] = etag
        response["Last-Modified"] = http_date(stamp)
        return response
