"""Security headers Django 5.2 does not set itself: a Content-Security-Policy.

Scripts load only from this origin (no 'unsafe-inline', no CDN); styles allow inline
style attributes because Leaflet positions map panes with them. Map tiles may come
from the configured tile server's origin.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlparse

from django.conf import settings
from django.http import HttpRequest, HttpResponse


def tile_origin(url: str) -> str:
    parsed = urlparse(url.replace("{s}", "a"))
    host = parsed.netloc
    if "{s}." in url:
        host = "*." + host.split(".", 1)[1]
    return f"{parsed.scheme}://{host}" if parsed.scheme and host else ""


def content_security_policy() -> str:
    tiles = tile_origin(settings.MAP_TILE_URL or "")
    directives = {
        "default-src": "'self'",
        "script-src": "'self'",
        "style-src": "'self' 'unsafe-inline'",
        "img-src": f"'self' data: blob: {tiles}".strip(),
        "font-src": "'self' data:",
        "connect-src": "'self'",
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
        "frame-ancestors": "'none'",
    }
    return "; ".join(f"{name} {value}" for name, value in directives.items())


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.policy = content_security_policy()

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", self.policy)
        response.headers.setdefault("Permissions-Policy", "geolocation=(), camera=(), microphone=()")
        response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        return response
