"""The pages' Leaflet tags rendered once (incidents/templatetags/leaflet_once.py) are django-leaflet's own text."""

from __future__ import annotations

import pytest
from django.template import Context, Template
from django.test import override_settings
from django.utils import translation


@pytest.mark.parametrize("tag", ["leaflet_css", "leaflet_js"])
def test_the_tag_rendered_once_is_django_leaflets_own(tag: str) -> None:
    original = Template("{% load leaflet_tags %}{% " + tag + " %}").render(Context())
    once = Template("{% load leaflet_once %}{% " + tag + "_once %}")
    assert once.render(Context()) == original
    assert once.render(Context()) == original  # the second time from memory
    assert original.strip()


def test_it_follows_the_language_and_the_settings() -> None:
    once = Template("{% load leaflet_once %}{% leaflet_js_once %}")
    with translation.override("fr"):
        french = Template("{% load leaflet_tags %}{% leaflet_js %}").render(Context())
        assert once.render(Context()) == french
    with override_settings(STATIC_URL="/elsewhere/"):
        moved = Template("{% load leaflet_tags %}{% leaflet_js %}").render(Context())
        assert once.render(Context()) == moved
        assert "/elsewhere/" in moved
