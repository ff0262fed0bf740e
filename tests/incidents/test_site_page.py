"""A site's page reads its figures through queries compiled once per process (``selectors.pages.site_page``,
``incidents.prepared``): the page is the one the ORM alone writes, and its figures the selectors' own, for
anyone and for editors, on every page of its table, and for a site without incidents."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from incidents.models import Incident
from incidents.selectors import pages
from tests.factories import BaseFactory, FactionFactory, IncidentFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_prepared")]


@pytest.fixture
def sites():
    busy, quiet = BaseFactory(slug="busy", name="Busy <site>"), BaseFactory(slug="quiet", name="Quiet")
    groups = [FactionFactory(slug=f"g-{i}", name=f"Group {i}") for i in range(3)]
    for i in range(57):
        IncidentFactory(
            base=busy,
            date=dt.date(2023, 1 + i % 12, 1 + i % 27),
            perpetrator=groups[i % 3] if i % 4 else None,
            claimed=i % 5 == 0,
            killed=i % 3,
            injured=None if i % 7 == 0 else i,
            status=Incident.Status.DRAFT if i % 9 == 0 else Incident.Status.PUBLISHED,
        )
    return busy, quiet


def _page(client, url: str) -> bytes:
    html = client.get(url).content
    return re.sub(rb'name="csrfmiddlewaretoken" value="[^"]*"', b"", html)  # a new mask every time


@pytest.mark.parametrize("as_editor", [False, True])
def test_the_site_page_is_the_orms_page(client, editor, sites, monkeypatch, as_editor):
    if as_editor:
        client.force_login(editor)
    busy, quiet = sites
    urls = [busy.get_absolute_url() + q for q in ("", "?page=2", "?page=3", "?page=99", "?page=x")]
    urls.append(quiet.get_absolute_url())
    seen = [_page(client, url) for url in urls]
    seen_again = [_page(client, url) for url in urls]  # compiled shapes bound to the same values
    monkeypatch.setattr(pages, "prepared", lambda key, build, *values: build(*values))
    assert [_page(client, url) for url in urls] == seen == seen_again
    assert (b"Page 1 of 3" if as_editor else b"Page 1 of 2") in seen[0]
    assert b"No incidents." in seen[-1]


@pytest.mark.parametrize("editor_sees", [False, True])
def test_site_figures_are_the_selectors_own(sites, editor_sees):
    busy, quiet = sites
    for base in (busy, quiet):
        incidents = Incident.objects.all() if editor_sees else Incident.objects.published()
        incidents = incidents.filter(base=base)
        for _ in range(2):  # compiling, then binding
            figures = pages.site_page(base.pk, editor=editor_sees, page_number=None, per_page=25)
            assert figures["totals"] == pages.incidents_totals(incidents)
            assert figures["factions"] == pages.incidents_by_perpetrator(incidents)
            assert figures["monthly"] == pages.monthly_series(incidents)
            assert [i.pk for i in figures["page"].object_list] == [i.pk for i in incidents.for_table()[:25]]
    assert pages.site_page(quiet.pk, editor=False, page_number=None, per_page=25)["totals"]["n"] == 0
