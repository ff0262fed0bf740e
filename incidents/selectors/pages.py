"""Figures the server-rendered pages and the faction API show, computed in the database."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, TypedDict, cast

from django.core.paginator import Page, Paginator
from django.db.models import Count, Max, Min, Q, QuerySet, Sum, Value

from incidents.links import faction_url
from incidents.models import Base, Faction, Incident
from incidents.prepared import prepared
from incidents.querysets import IncidentQuerySet
from incidents.selectors.timeline import incident_timeline, timeline_from_groups, timeline_groups

if TYPE_CHECKING:  # a typing helper of django-stubs, not needed at run time
    from django_stubs_ext import WithAnnotations


def faction_incident_stats(incidents: QuerySet[Incident]) -> dict[int, dict[str, Any]]:
    """Per faction id: count, first and last date of ``incidents`` attributed to it or its members.

    One grouped query plus one over the (small) faction tree; the roll-up runs in Python.
    """
    direct = {
        row["perpetrator_id"]: row
        for row in incidents.order_by()
        .filter(perpetrator__isnull=False)
        .values("perpetrator_id")
        .annotate(n=Count("id"), first=Min("date"), last=Max("date"))
    }
    children: dict[int | None, list[int]] = {}
    for faction_id, umbrella_id in Faction.objects.values_list("id", "umbrella_id"):
        children.setdefault(umbrella_id, []).append(faction_id)
        children.setdefault(faction_id, [])
    stats = {}
    for pk in children:
        if pk is None:
            continue
        seen, frontier = {pk}, [pk]
        while frontier:
            frontier = [c for f in frontier for c in children.get(f, []) if c not in seen]
            seen.update(frontier)
        rows = [direct[f] for f in seen if f in direct]
        stats[pk] = {
            "incident_count": sum(r["n"] for r in rows),
            "first_incident": min((r["first"] for r in rows), default=None),
            "last_incident": max((r["last"] for r in rows), default=None),
        }
    return stats


def bases_with_counts(incidents: QuerySet[Incident]) -> list[dict[str, Any]]:
    """Every base with how many of ``incidents`` it had: the home map's base layer."""
    bases = Base.objects.annotate(
        incident_count=Count("incidents", filter=Q(incidents__in=incidents.values("pk")))
    ).values("slug", "name", "kind", "country", "latitude", "longitude", "incident_count")
    return [{**base, "url": Base(slug=base["slug"]).get_absolute_url()} for base in bases]


_TOTALS = {
    "n": Count("pk"),
    "claimed": Count("pk", filter=Q(claimed=True)),
    "killed": Sum("killed"),
    "injured": Sum("injured"),
    "first": Min("date"),
    "last": Max("date"),
}


def incidents_totals(incidents: QuerySet[Incident]) -> dict[str, Any]:
    """How many incidents, how many claimed, killed and injured summed, first and last date."""
    return incidents.aggregate(**_TOTALS)


def _totals_row(incidents: QuerySet[Incident]) -> QuerySet[Incident, dict[str, Any]]:
    """``incidents_totals`` as a queryset of its one row (the same SQL as ``aggregate()``: grouped by a constant,
    which PostgreSQL and SQLite leave out, so no incident still gives the row of zeros and nulls)."""
    return incidents.order_by().annotate(whole=Value(1)).values("whole").annotate(**_TOTALS).values(*_TOTALS)


def incidents_by_perpetrator(incidents: QuerySet[Incident]) -> list[dict[str, Any]]:
    """``{"perpetrator__name", "perpetrator__slug", "n", "url"}`` per faction named, most incidents first
    (``url``: the faction's page)."""
    return _with_faction_urls(_perpetrator_rows(incidents))


class _PerpetratorRow(TypedDict):
    perpetrator__name: str
    perpetrator__slug: str
    n: int


def _perpetrator_rows(incidents: QuerySet[Incident]) -> QuerySet[Any, _PerpetratorRow]:
    return (
        incidents.exclude(perpetrator=None)
        .values("perpetrator__name", "perpetrator__slug")
        .annotate(n=Count("pk"))
        .order_by("-n", "perpetrator__name")
    )


def _with_faction_urls(rows: Iterable[_PerpetratorRow]) -> list[dict[str, Any]]:
    return [{**row, "url": faction_url(row["perpetrator__slug"])} for row in rows]


def site_page(base_id: int, *, editor: bool, page_number: Any, per_page: int) -> dict[str, Any]:
    """A site's page: its incidents' ``totals``, ``factions`` and ``monthly`` series (as ``incidents_totals``,
    ``incidents_by_perpetrator`` and ``monthly_series`` give them) and the ``page`` of its table asked for, of
    the incidents an editor (every status) or anyone else (published) sees.

    Each query's SQL is compiled once per process (``incidents.prepared``): only the site's id is bound. Why:
    Django compiling these four queries (grouping, aggregates, the joined group names) was about half of the
    page's CPU, the same text every time but for the id.
    """

    def at_site(pk: int) -> IncidentQuerySet:
        return (Incident.objects.all() if editor else Incident.objects.published()).filter(base_id=pk)

    (totals,) = prepared(("site-totals", editor), lambda pk: _totals_row(at_site(pk)), base_id)
    # Paged over the rows' positions (the totals counted them): the page's slice of positions is its rows'.
    page: Page = Paginator(range(totals["n"]), per_page).get_page(page_number)
    positions = cast(range, page.object_list)  # a slice of the range paged: a range
    page.object_list = []  # an empty slice compiles to no query at all
    if positions:
        low, high = positions.start, positions.stop
        page.object_list = prepared(
            ("site-rows", editor, low, high), lambda pk: at_site(pk).for_table()[low:high], base_id
        )
    factions = prepared(("site-factions", editor), lambda pk: _perpetrator_rows(at_site(pk)), base_id)
    months = prepared(
        ("site-months", editor), lambda pk: timeline_groups(at_site(pk), interval="month", split=None), base_id
    )
    return {
        "totals": totals,
        "page": page,
        "factions": _with_faction_urls(factions),
        "monthly": _monthly(timeline_from_groups(months, split=None)),
    }


class _Counted(TypedDict):
    n: int


def bases_by_incidents(incidents: QuerySet[Incident]) -> QuerySet[WithAnnotations[Base, _Counted]]:
    """The bases ``incidents`` happened at, each with ``n`` of them, most first."""
    return (
        Base.objects.filter(incidents__in=incidents)
        .annotate(n=Count("incidents", filter=Q(incidents__in=incidents)))
        .order_by("-n", "name")
    )


def monthly_series(incidents: QuerySet[Incident]) -> list[dict[str, Any]]:
    """Incidents per month for the small charts: [{"month": "2024-01-01", "count": n, "casualties": k}]."""
    return _monthly(incident_timeline(incidents, interval="month", split=None))


def _monthly(timeline: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {"month": row["period"], "count": row["count"], "casualties": row["killed"] + row["injured"]}
        for row in timeline
    ]
