"""``{% url_once name %}`` and ``{% static_once path %}``: ``{% url %}`` of a URL name without arguments and
``{% static %}``, each worked out once per process instead of on every page.

Why: a page's header, footer and scripts carry about fifteen of them, each the same text on every request:
``reverse()`` walks the resolver for each (about 75 microseconds a tag here), ``static()`` looks the file up in
the manifest and quotes its URL (about 40): a millisecond of every incident and site page, a quarter of the
load mix. A URL is kept per name, script prefix, urlconf and current application (what ``reverse()`` reads),
a static URL per path; both are forgotten when a setting changes (tests override them). The text is what the
built-in tags write (``tests/incidents/test_urls_once.py``); a name that does not reverse raises as ``{% url %}``
does.
"""

from __future__ import annotations

import functools
from typing import Any

from django import template
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template.context import Context
from django.templatetags.static import static
from django.urls import get_script_prefix, get_urlconf, reverse

register = template.Library()


@functools.lru_cache(maxsize=256)
def _reversed(name: str, script_prefix: str, urlconf: Any, current_app: str | None) -> str:
    return reverse(name, urlconf=urlconf, current_app=current_app)


@functools.lru_cache(maxsize=256)
def _static(path: str) -> str:
    return static(path)


def _current_app(context: Context) -> str | None:
    """The namespace ``{% url %}`` resolves in (``URLNode.render``)."""
    request = getattr(context, "request", None)
    try:
        return request.current_app  # type: ignore[union-attr]
    except AttributeError:
        try:
            return request.resolver_match.namespace  # type: ignore[union-attr]
        except AttributeError:
            return None


@register.simple_tag(takes_context=True)
def url_once(context: Context, name: str) -> str:
    """``{% url name %}`` (also with ``as var``) for a URL name that takes no arguments."""
    return _reversed(name, get_script_prefix(), get_urlconf(), _current_app(context))


@register.simple_tag
def static_once(path: str) -> str:
    """``{% static path %}``."""
    return _static(path)


@receiver(setting_changed)
def _forget(**kwargs: Any) -> None:
    _reversed.cache_clear()
    _static.cache_clear()
