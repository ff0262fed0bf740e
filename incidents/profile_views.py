"""The profile page where editors create, replace and revoke their API token (POST + CSRF)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST
from rest_framework.authtoken.models import Token

from incidents.querysets import is_editor


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    """The user's API token: editors create (or replace) and revoke it here."""
    token = Token.objects.filter(user=request.user).first()
    return render(request, "account/profile.html", {"token": token, "can_have_token": is_editor(request.user)})


@login_required
@require_POST
def token_create(request: HttpRequest) -> HttpResponse:
    if not is_editor(request.user):
        raise PermissionDenied("Only editors get API tokens.")
    # A new key replaces the old one, which stops working at once.
    Token.objects.filter(user=request.user).delete()
    Token.objects.create(user=request.user)
    messages.success(request, "New API token created. Send it as: Authorization: Token <key>.")
    return redirect("incidents:profile")


@login_required
@require_POST
def token_revoke(request: HttpRequest) -> HttpResponse:
    deleted, _ = Token.objects.filter(user=request.user).delete()
    messages.success(request, "API token revoked." if deleted else "You had no API token.")
    return redirect("incidents:profile")
