"""The detail pages' links (incidents/links.py) are the text reverse() gives, whatever the value."""

from __future__ import annotations

import pytest
from django.test import override_settings
from django.urls import NoReverseMatch, reverse, set_script_prefix

from incidents.links import base_url, faction_url, incident_url


@pytest.mark.parametrize("pk", [0, 1, 7, 42, 9182736450, 10**12, 2**31 - 1])
def test_incident_url_is_what_reverse_gives(pk: int) -> None:
    assert incident_url(pk) == reverse("incidents:incident-detail", kwargs={"pk": pk})


@pytest.mark.parametrize("slug", ["al-asad", "tower_22", "x", "Union-III", "9182736450", "a9182736450b"])
def test_base_and_faction_urls_are_what_reverse_gives(slug: str) -> None:
    assert base_url(slug) == reverse("incidents:base-detail", kwargs={"slug": slug})
    assert faction_url(slug) == reverse("incidents:faction-detail", kwargs={"slug": slug})


@pytest.mark.parametrize("slug", ["", "two words", "ü-base", "a/b"])
def test_a_slug_the_pattern_refuses_raises_as_reverse_does(slug: str) -> None:
    with pytest.raises(NoReverseMatch):
        reverse("incidents:base-detail", kwargs={"slug": slug})
    with pytest.raises(NoReverseMatch):
        base_url(slug)


def test_links_follow_the_script_prefix() -> None:
    set_script_prefix("/basewatch/")
    try:
        assert incident_url(5) == reverse("incidents:incident-detail", kwargs={"pk": 5}) == "/basewatch/incidents/5/"
        assert base_url("al-asad") == "/basewatch/bases/al-asad/"
    finally:
        set_script_prefix("/")
    assert incident_url(5) == "/incidents/5/"


@override_settings(ROOT_URLCONF="tests.incidents.urls_moved")
def test_links_follow_an_overridden_urlconf() -> None:
    assert incident_url(5) == reverse("incidents:incident-detail", kwargs={"pk": 5}) == "/moved/incidents/5/"
