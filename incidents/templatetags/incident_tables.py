"""``{% incident_rows incidents show_base=... show_faction=... %}``: the pages' table of incidents, written in Python.

Why: as a template (an include of 14 tags and variables per row) the table was the largest part of the incident
and site pages' rendering, about 0.13 ms a row: 1.3 ms for an incident's ten neighbours, 3.2 ms for a site's
page of 25 (a quarter of the load mix is these two pages). Written here it is the same markup, byte for byte
(``tests/incidents/test_incident_rows.py`` renders the template it replaced alongside), every value printed and
escaped as the template engine does (``formats.localize``, then ``conditional_escape``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import template
from django.conf import settings
from django.template.context import Context
from django.utils.formats import localize
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

from incidents.models import Incident

register = template.Library()

_DASH = "—"


def _value(value: Any) -> str:
    """``{{ value }}``: what the template engine prints (``render_value_in_context``), escaped."""
    return conditional_escape(localize(value))


def _count(value: Any) -> str:
    """``{{ value|default_if_none:"—" }}``. A whole number prints as its digits unless thousands are grouped:
    what ``localize`` gives it after looking up three formats of the active language (~10 µs; 20 counts on an
    incident page, 50 on a site's)."""
    if value is None:
        return _DASH
    if type(value) is int and not settings.USE_THOUSAND_SEPARATOR:
        return str(value)
    return _value(value)


def _weapons(weapons: Any) -> str:
    """``{{ weapons|join:", "|default:"—" }}``: each weapon escaped; a value join cannot iterate is itself."""
    try:
        text = mark_safe(conditional_escape(", ").join([conditional_escape(w) for w in weapons]))  # noqa: S308
    except TypeError:
        text = weapons
    return _value(text or _DASH)


def _row(incident: Incident, *, show_base: bool, show_faction: bool, show_status: bool) -> str:
    e = _value
    base = ""
    if show_base:
        if incident.base:
            where = f'<a href="{e(incident.base.get_absolute_url())}">{e(incident.base.name)}</a>'
        else:
            where = e(incident.place or incident.get_country_display())
        base = f"<td>{where}</td>"
    faction = ""
    if show_faction:
        if incident.perpetrator:
            group = incident.perpetrator
            claimed = " (claimed)" if incident.claimed else ""
            faction = f'<td><a href="{e(group.get_absolute_url())}">{e(group.name)}</a>{claimed}</td>'
        else:
            faction = "<td>unknown</td>"
    status = f"<td>{e(incident.get_status_display())}</td>" if show_status else ""
    return (
        "\n    <tr>\n"
        f'      <td><a href="{e(incident.get_absolute_url())}">{e(incident.date_display)}</a></td>\n'
        f"      {base}\n"
        f"      <td>{_weapons(incident.weapons)}</td>\n"
        f"      <td>{_count(incident.killed)}</td>\n"
        f"      <td>{_count(incident.injured)}</td>\n"
        f"      {faction}\n"
        f"      {status}\n"
        "    </tr>\n  "
    )


@register.simple_tag(takes_context=True)
def incident_rows(
    context: Context, incidents: Iterable[Incident], *, show_base: bool = False, show_faction: bool = False
) -> SafeString:
    """The table of ``incidents``: date (linked), the site with ``show_base``, weapons, killed, injured, the
    perpetrator with ``show_faction``, and the status for a logged-in user."""
    user = context.get("user")
    show_status = bool(user is not None and user.is_authenticated)
    head = (
        '<th scope="col">Date</th>'
        + ('<th scope="col">Base</th>' if show_base else "")
        + '<th scope="col">Weapons</th><th scope="col">Killed</th><th scope="col">Injured</th>'
        + ('<th scope="col">Perpetrator</th>' if show_faction else "")
        + ('<th scope="col">Status</th>' if show_status else "")
    )
    rows = "".join(
        _row(incident, show_base=show_base, show_faction=show_faction, show_status=show_status)
        for incident in incidents
    )
    if not rows:
        rows = '\n    <tr><td colspan="7">No incidents.</td></tr>\n  '
    return mark_safe(  # noqa: S308 - every value above is escaped
        '<div class="table-wrap">\n<table class="table">\n'
        f"  <thead><tr>{head}</tr></thead>\n  <tbody>\n  {rows}\n  </tbody>\n</table>\n</div>\n"
    )
