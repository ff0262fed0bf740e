"""``{% url_once %}`` and ``{% static_once %}`` (incidents/templatetags/urls_once.py) write what ``{% url %}`` and
``{% static %}`` write, and follow what those read: the script prefix, the urlconf, the settings."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.template import Context, RequestContext, Template
from django.test import RequestFactory, override_settings
from django.urls import NoReverseMatch, set_script_prefix

TEMPLATES = Path(__file__).parents[2] / "templates"
# Every name and path the pages give the tags.
USED = [
    path.read_text()
    for path in [TEMPLATES / "base.html", *(TEMPLATES / "incidents").glob("*.html"), *TEMPLATES.glob("*/*/*.html")]
]
NAMES = sorted({name for text in USED for name in re.findall(r"\{% url_once '([^']+)'", text)})
PATHS = sorted({path for text in USED for path in re.findall(r"\{% static_once '([^']+)'", text)})


def _both(builtin: str, once: str, context: Context) -> tuple[str, str]:
    return Template(builtin).render(context), Template(once).render(context)


def test_the_pages_use_them():
    assert "incidents:home" in NAMES
    assert "api-docs" in NAMES
    assert "css/site.css" in PATHS


@pytest.mark.parametrize("name", NAMES)
def test_a_url_is_the_url_tags(name, rf):
    for context in (Context(), RequestContext(rf.get("/"))):
        builtin, once = _both(
            "{% url '" + name + "' %}|{% url '" + name + "' as u %}{{ u }}",
            "{% load urls_once %}{% url_once '" + name + "' %}|{% url_once '" + name + "' as u %}{{ u }}",
            context,
        )
        assert once == builtin
        assert builtin.startswith("/")


@pytest.mark.parametrize("path", PATHS)
def test_a_static_url_is_the_static_tags(path):
    builtin, once = _both(
        "{% load static %}{% static '" + path + "' %}",
        "{% load urls_once %}{% static_once '" + path + "' %}",
        Context(),
    )
    assert once == builtin


def test_they_follow_the_script_prefix_and_the_settings():
    once = Template("{% load urls_once %}{% url_once 'incidents:codebook' %} {% static_once 'css/site.css' %}")
    plain = once.render(Context())
    try:
        set_script_prefix("/basewatch/")
        assert once.render(Context()) == "/basewatch/" + plain.split()[0].lstrip("/") + " " + plain.split()[1]
    finally:
        set_script_prefix("/")
    with override_settings(STATIC_URL="/elsewhere/"):
        assert once.render(Context()).endswith(
            Template("{% load static %}{% static 'css/site.css' %}").render(Context())
        )
        assert "/elsewhere/" in once.render(Context())
    assert once.render(Context()) == plain


def test_a_name_that_does_not_reverse_raises():
    with pytest.raises(NoReverseMatch):
        Template("{% load urls_once %}{% url_once 'incidents:no-such-page' %}").render(Context())


@pytest.fixture
def rf():
    return RequestFactory()
