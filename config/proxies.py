"""The client's address: the socket's, or the one the configured number of trusted proxies saw.

``X-Forwarded-For`` is a list every hop appends to, and anyone can send one: only the entries
added by our own proxies can be believed. With ``TRUSTED_PROXIES = n`` the n-th entry from the
right is the client (each of our n proxies appended the address it was connected from); entries
further left were written by the client and are ignored. With 0 (the default) the header is
ignored entirely and the socket address is the client.

``REMOTE_ADDR`` is rewritten once, first thing, so every consumer (DRF throttling, django-axes,
logs) reads the same answer and none of them parses the header itself.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse


def forwarded_client(remote_addr: str, forwarded_for: str, trusted: int) -> str:
    """The client address given the socket address, the X-Forwarded-For header and the trusted hop count."""
    if trusted <= 0 or not forwarded_for:
        return remote_addr
    hops = [hop.strip() for hop in forwarded_for.split(",") if hop.strip()]
    if len(hops) < trusted:
        # Fewer hops than proxies: the request did not come through all of them, so nothing is trusted.
        return remote_addr
    candidate = hops[-trusted]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote_addr


class TrustedProxyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        trusted = settings.TRUSTED_PROXIES
        if trusted:
            request.META["REMOTE_ADDR"] = forwarded_client(
                request.META.get("REMOTE_ADDR", ""), request.META.get("HTTP_X_FORWARDED_FOR", ""), trusted
            )
        return self.get_response(request)


def client_ip(request: HttpRequest) -> str:
    """django-axes' ``AXES_CLIENT_IP_CALLABLE``: the address the middleware above settled on."""
    return request.META.get("REMOTE_ADDR", "")
