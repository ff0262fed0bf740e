"""The figures the codebook states about the record, computed from the published incidents.

The codebook's prose is a template (``templates/incidents/includes/codebook_body.html``); every
fact in it that changes with the data (how many incidents, from when to when, at how many sites,
by how many groups, how many claimed, the coverage per period) comes from ``codebook_facts()``,
so the page, and the copy shipped in each release, describe the record they sit beside.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Max, Min, Q

from incidents.coverage import PeriodCoverage, published_coverage
from incidents.models import Country, Incident, Weapon
from incidents.querysets import IncidentQuerySet, source_model


@dataclass(frozen=True)
class Tally:
    key: str
    label: str
    count: int


@dataclass(frozen=True)
class CodebookFacts:
    incidents: int
    first_date: dt.date | None
    last_date: dt.date | None
    last_change: dt.datetime | None
    sites: int  # gazetteer sites with at least one published incident
    places: int  # places without a site (place text and country)
    perpetrators: int  # distinct factions named as perpetrator
    claimed: int
    with_sources: int  # incidents with at least one source article
    sources: int  # source links (one article's report of one incident)
    countries: list[Tally]
    weapons: list[Tally]
    date_precision: list[Tally]
    location_precision: list[Tally]
    coverage: list[PeriodCoverage] = field(default_factory=list)


def _tallies(rows: dict[str, int], choices: list[tuple[str, str]]) -> list[Tally]:
    return [Tally(key, str(label), rows.get(key, 0)) for key, label in choices if rows.get(key)]


def codebook_facts(incidents: IncidentQuerySet | None = None) -> CodebookFacts:
    """The codebook's figures over ``incidents`` (default: every published incident)."""
    if incidents is None:
        incidents = Incident.objects.published()
    incidents = incidents.order_by()
    totals = incidents.aggregate(
        n=Count("id"),
        first=Min("date"),
        last=Max("date"),
        changed=Max("updated_at"),
        sites=Count("base", distinct=True),
        perpetrators=Count("perpetrator", distinct=True),
        claimed=Count("id", filter=Q(claimed=True)),
    )
    places = incidents.filter(base__isnull=True).values("place", "country").distinct().count()

    def counted(column: str) -> dict[str, int]:
        return dict(incidents.values_list(column).annotate(n=Count("id")).values_list(column, "n"))

    weapon_counts = {w: incidents.with_weapon(w).count() for w in Weapon.values}
    sources = source_model().objects.filter(incident__in=incidents)
    return CodebookFacts(
        incidents=totals["n"],
        first_date=totals["first"],
        last_date=totals["last"],
        last_change=totals["changed"],
        sites=totals["sites"],
        places=places,
        perpetrators=totals["perpetrators"],
        claimed=totals["claimed"],
        with_sources=sources.values("incident").distinct().count(),
        sources=sources.count(),
        countries=sorted(_tallies(counted("country"), Country.choices), key=lambda t: -t.count),
        weapons=_tallies(weapon_counts, Weapon.choices),
        date_precision=_tallies(counted("date_precision"), Incident.DatePrecision.choices),
        location_precision=_tallies(counted("location_precision"), Incident.LocationPrecision.choices),
        coverage=published_coverage(incidents),
    )
