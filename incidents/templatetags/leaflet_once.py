"""django-leaflet's ``{% leaflet_css %}`` and ``{% leaflet_js %}``, rendered once per process and language.

Their output depends only on the settings, the static files' manifest and the active language, yet the
tags build it anew on every page: plugin lists, a template of a dozen ``static()`` lookups and the draw
plugin's translations, about half a millisecond a page. The incident and site pages (a quarter of the
load mix) carry both. The text is django-leaflet's own, rendered by its tags the first time
(``tests/incidents/test_leaflet_once.py``), and forgotten when a setting changes (tests override them).
"""

from __future__ import annotations

import functools
from typing import Any

from django import template
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

register = template.Library()


@functools.lru_cache(maxsize=16)
def _rendered(tag: str, language: str | None) -> SafeString:
    source = template.Engine.get_default().from_string("{% load leaflet_tags %}{% " + tag + " %}")
    return mark_safe(source.render(template.Context()))  # noqa: S308 - django-leaflet's own markup


@register.simple_tag
def leaflet_css_once() -> SafeString:
    """``{% leaflet_css %}``."""
    return _rendered("leaflet_css", get_language())


@register.simple_tag
def leaflet_js_once() -> SafeString:
    """``{% leaflet_js %}``."""
    return _rendered("leaflet_js", get_language())


@receiver(setting_changed)
def _forget(**kwargs: Any) -> None:
    _rendered.cache_clear()
