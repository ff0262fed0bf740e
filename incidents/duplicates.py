"""Could two reports be one attack? Place (co-located or nearby sites), dates by precision, weapons.

Shared by the merge of new reports (``ingest/merge.py``) and the review screen's list of
duplicate candidates. The review screen lists day-precise dates a day apart as candidates for the
editor to judge; the merge joins them on its own only when one of the two days is loose (read
against the publication date, or a night attack: ``ingest.dating``).
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Q

from incidents.models import Base, Incident, IncidentQuerySet, Weapon

# Sites this close are one place for matching: one attack is reported under either name.
NEAR_KM = 5.0
# A day-precise report may be dated a day off (local time, "overnight", wire copy filed the next day):
# the review screen's candidates allow it always, the merge only for a loose day (``ingest.dating``).
SLACK_DAYS = 1


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine), kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


class Neighbourhoods:
    """Every site's neighbours (itself, its compound, sites within ``NEAR_KM``), from one query."""

    def __init__(self) -> None:
        self._bases = list(Base.objects.values_list("pk", "compound", "latitude", "longitude"))

    def of(self, base_id: int) -> set[int]:
        own = next((b for b in self._bases if b[0] == base_id), None)
        if own is None:
            return {base_id}
        _, compound, lat, lon = own
        return {
            pk
            for pk, other_compound, other_lat, other_lon in self._bases
            if pk == base_id
            or (compound and other_compound == compound)
            or km_between(lat, lon, other_lat, other_lon) <= NEAR_KM
        }


def date_span(on: dt.date, precision: str) -> tuple[dt.date, dt.date]:
    """First and last day an attack dated ``on`` at this precision may have happened."""
    if precision == Incident.DatePrecision.WEEK:
        return on, on + dt.timedelta(days=6)
    if precision == Incident.DatePrecision.MONTH:
        return on.replace(day=1), on.replace(day=calendar.monthrange(on.year, on.month)[1])
    if precision == Incident.DatePrecision.YEAR:
        return dt.date(on.year, 1, 1), dt.date(on.year, 12, 31)
    return on, on


def spans_overlap(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date], slack: int = SLACK_DAYS) -> bool:
    gap = dt.timedelta(days=slack)
    return a[0] - gap <= b[1] and b[0] - gap <= a[1]


def weapons_compatible(a: Iterable[str], b: Iterable[str]) -> bool:
    """Overlapping sets, or one side unknown (empty or only 'unknown')."""
    known_a, known_b = set(a) - {Weapon.UNKNOWN}, set(b) - {Weapon.UNKNOWN}
    return not known_a or not known_b or bool(known_a & known_b)


def same_place(*, base_ids: set[int], place: str, country: str) -> Q:
    """Incidents at one of the sites, or (no site) at the same named place in the country."""
    if base_ids:
        return Q(base_id__in=base_ids)
    return Q(base__isnull=True, country=country, place__iexact=place)


def candidates_near(
    incidents: IncidentQuerySet, *, base_ids: set[int], place: str, country: str, span: tuple[dt.date, dt.date]
) -> IncidentQuerySet:
    """Rows that may be the same attack by place, with a date range wide enough for any precision;
    narrow them with ``spans_overlap`` on each row's own span."""
    wide = Q(date__gte=span[0] - dt.timedelta(days=366), date__lte=span[1] + dt.timedelta(days=SLACK_DAYS))
    return incidents.filter(wide, same_place(base_ids=base_ids, place=place, country=country))


@dataclass(frozen=True)
class DuplicateCandidate:
    incident: Incident
    reasons: list[str]


def duplicate_candidates(incident: Incident, *, limit: int = 10) -> list[DuplicateCandidate]:
    """Other incidents that may report the same attack as ``incident``, closest date first, each with why."""
    base_ids = Neighbourhoods().of(incident.base_id) if incident.base_id else set()
    span = date_span(incident.date, incident.date_precision)
    rows = (
        candidates_near(
            Incident.objects.exclude(pk=incident.pk),
            base_ids=base_ids,
            place=incident.place,
            country=incident.country,
            span=span,
        )
        .select_related("base")
        .order_by("date", "pk")
    )
    found = []
    for other in rows:
        other_span = date_span(other.date, other.date_precision)
        if not spans_overlap(span, other_span) or not weapons_compatible(incident.weapons, other.weapons):
            continue
        found.append(DuplicateCandidate(other, _reasons(incident, other, other_span == span)))
    found.sort(key=lambda c: (abs((c.incident.date - incident.date).days), c.incident.pk))
    return found[:limit]


def _reasons(incident: Incident, other: Incident, same_span: bool) -> list[str]:
    if other.date == incident.date and same_span:
        when = "same date"
    else:
        when = f"dates overlap ({other.date_display} / {incident.date_display})"
    if not incident.base_id:
        where = f"same place ({incident.place or incident.get_country_display()})"
    elif other.base_id == incident.base_id:
        where = "same site"
    elif incident.base is None or other.base is None:
        where = "nearby site"
    elif incident.base.compound and incident.base.compound == other.base.compound:
        where = f"{other.base} and {incident.base} are co-located"
    else:
        km = km_between(incident.base.latitude, incident.base.longitude, other.base.latitude, other.base.longitude)
        where = f"{other.base} is {km:.1f} km from {incident.base}"
    shared = sorted(set(incident.weapons) & set(other.weapons) - {Weapon.UNKNOWN})
    weapons = f"same weapons ({', '.join(shared)})" if shared else "weapons not contradictory"
    return [when, where, weapons]
