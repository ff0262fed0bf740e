"""Links to the detail pages of incidents, sites and groups: each URL pattern reversed once, not once per link.

Why: ``reverse()`` walks the resolver's candidates and re-checks each against the pattern on every call,
about 100 microseconds for an incident's ``<int:pk>`` (25 for a slug); an incident page links ten other
incidents and their groups, a site page twenty-five, so the pages spent a millisecond or more on it.
The pattern is reversed once (per URL name, script prefix and urlconf) with a marker value, and a link
is the text around the marker with the value put back. A value the pattern's converter would not take
goes through ``reverse()`` itself, which raises as before; so does any name whose reversed text does not
hold the marker exactly once. The link is the same text ``reverse()`` gives (``tests/incidents/test_links.py``).
"""

from __future__ import annotations

import functools
import re

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse

# What the ``int`` and ``slug`` path converters accept (django.urls.converters): values reverse() writes as is.
_INT = re.compile(r"[0-9]+")
_SLUG = re.compile(r"[-a-zA-Z0-9_]+")
_MARKER = "9182736450"  # a value both converters accept, nowhere else in our URLs


@functools.lru_cache(maxsize=64)
def _around(name: str, kwarg: str, script_prefix: str, urlconf: str | None) -> tuple[str, str] | None:
    url = reverse(name, kwargs={kwarg: _MARKER}, urlconf=urlconf)
    before, found, after = url.partition(_MARKER)
    if not found or _MARKER in after:
        return None
    return before, after


def _link(name: str, kwarg: str, value: object, accepted: re.Pattern[str]) -> str:
    text = str(value)
    # The urlconf in force: a request's own, else the settings' (which tests may override).
    urlconf = get_urlconf() or settings.ROOT_URLCONF
    around = _around(name, kwarg, get_script_prefix(), urlconf) if accepted.fullmatch(text) else None
    if around is None:
        return reverse(name, kwargs={kwarg: value})
    return f"{around[0]}{text}{around[1]}"


def incident_url(pk: int) -> str:
    """``reverse("incidents:incident-detail", kwargs={"pk": pk})``."""
    if not isinstance(pk, int) or isinstance(pk, bool) or pk < 0:
        return reverse("incidents:incident-detail", kwargs={"pk": pk})
    return _link("incidents:incident-detail", "pk", pk, _INT)


def base_url(slug: str) -> str:
    """``reverse("incidents:base-detail", kwargs={"slug": slug})``."""
    return _link("incidents:base-detail", "slug", slug, _SLUG)


def faction_url(slug: str) -> str:
    """``reverse("incidents:faction-detail", kwargs={"slug": slug})``."""
    return _link("incidents:faction-detail", "slug", slug, _SLUG)
