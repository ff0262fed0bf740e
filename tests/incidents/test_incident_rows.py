"""The pages' incident table, written in Python (``{% incident_rows %}``, incidents/templatetags/incident_tables.py):
byte for byte the markup of the template include it replaced (kept below), for every column choice, a logged-in
or anonymous reader, values that need escaping, missing counts, groups and sites, and no incidents at all."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import Context, Template

from incidents.models import Incident
from incidents.querysets import TABLE_INCIDENT_FIELDS
from tests.factories import BaseFactory, FactionFactory, IncidentFactory, UserFactory

pytestmark = pytest.mark.django_db

# templates/incidents/includes/incident_rows.html as it was, included as
# {% include "incidents/includes/incident_rows.html" with incidents=... show_base=... show_faction=... %}
REPLACED_TEMPLATE = (Path(__file__).parents[1] / "fixtures" / "templates" / "incident_rows_replaced.html").read_text()


@pytest.fixture
def incidents():
    odd = FactionFactory(slug="odd", name="Saraya \"A\" <&> 'B'")
    plain = FactionFactory(slug="plain", name="Kata'ib Hezbollah")
    site = BaseFactory(slug="site-x", name="Al <Asad> & Co")
    return [
        IncidentFactory(base=site, perpetrator=odd, claimed=True, killed=3, injured=None, weapons=["drone", "rocket"]),
        IncidentFactory(base=None, place="Erbil <airport>", perpetrator=plain, killed=None, injured=12, weapons=[]),
        IncidentFactory(base=None, place="", country="SY", perpetrator=None, killed=0, injured=0, weapons=["a<b>"]),
        IncidentFactory(
            base=site, perpetrator=plain, claimed=False, date=dt.date(2023, 5, 1), killed=1234567, status="draft"
        ),
    ]


def _both(incidents, *, show_base, show_faction, user):
    context = {"incidents": incidents, "user": user, "show_base": show_base, "show_faction": show_faction}
    before = Template(REPLACED_TEMPLATE).render(Context(context))
    tag = "{% load incident_tables %}{% incident_rows incidents show_base=show_base show_faction=show_faction %}"
    return before, Template(tag).render(Context(context))


@pytest.mark.parametrize("show_base", [False, True])
@pytest.mark.parametrize("show_faction", [False, True])
@pytest.mark.parametrize("logged_in", [False, True])
def test_the_table_is_the_replaced_templates_markup(incidents, show_base, show_faction, logged_in):
    user = UserFactory() if logged_in else AnonymousUser()
    rows = list(Incident.objects.filter(pk__in=[i.pk for i in incidents]).select_related("base", "perpetrator"))
    before, now = _both(rows, show_base=show_base, show_faction=show_faction, user=user)
    assert now == before
    assert "&lt;" in now
    assert ("Status" in now) == logged_in


def test_the_table_of_the_pages_rows_is_the_replaced_templates_markup(incidents):
    rows = list(Incident.objects.filter(pk__in=[i.pk for i in incidents]).for_table())
    assert "base__name" not in TABLE_INCIDENT_FIELDS
    before, now = _both(rows, show_base=False, show_faction=True, user=AnonymousUser())
    assert now == before


@pytest.mark.parametrize("user", [AnonymousUser(), None])
def test_no_incidents_and_no_user(user):
    before, now = _both([], show_base=True, show_faction=True, user=user)
    assert now == before
    assert "No incidents." in now


@pytest.mark.parametrize("grouped", [False, True])
def test_counts_print_as_the_template_printed_them_with_thousands_grouped_or_not(incidents, settings, grouped):
    settings.USE_THOUSAND_SEPARATOR = grouped
    rows = list(Incident.objects.filter(pk__in=[i.pk for i in incidents]).for_table())
    before, now = _both(rows, show_base=False, show_faction=True, user=AnonymousUser())
    assert now == before
    assert ("<td>1,234,567</td>" in now) == grouped
    assert ("<td>1234567</td>" in now) == (not grouped)
