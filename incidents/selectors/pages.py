"""Figures the server-rendered pages and the faction API show, computed in the database."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Max, Min, Q, QuerySet, Sum

from incidents.links import faction_url
from incidents.models import Base, Faction, Incident
from incidents.selectors.timeline import incident_timeline


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
    for pk, umbrella_id in Faction.objects.values_list("id", "umbrella_id"):
        children.setdefault(umbrella_id, []).append(pk)
        children.setdefault(pk, [])
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
    bases = list(
        Base.objects.annotate(incident_count=Count("incidents", filter=Q(incidents__in=incidents.values("pk")))).values(
            "slug", "name", "kind", "country", "latitude", "longitude", "incident_count"
        )
    )
    for base in bases:
        base["url"] = Base(slug=base["slug"]).get_absolute_url()
    return bases


def incidents_totals(incidents: QuerySet[Incident]) -> dict[str, Any]:
    """How many incidents, how many claimed, killed and injured summed, first and last date."""
    return incidents.aggregate(
        n=Count("pk"),
        claimed=Count("pk", filter=Q(claimed=True)),
        killed=Sum("killed"),
        injured=Sum("injured"),
        first=Min("date"),
        last=Max("date"),
    )


def incidents_by_perpetrator(incidents: QuerySet[Incident]) -> list[dict[str, Any]]:
    """``{"perpetrator__name", "perpetrator__slug", "n", "url"}`` per faction named, most incidents first
    (``url``: the faction's page)."""
    rows = list(
        incidents.exclude(perpetrator=None)
        .values("perpetrator__name", "perpetrator__slug")
        .annotate(n=Count("pk"))
        .order_by("-n", "perpetrator__name")
    )
    for row in rows:
        row["url"] = faction_url(row["perpetrator__slug"])
    return rows


def bases_by_incidents(incidents: QuerySet[Incident]) -> QuerySet[Base]:
    """The bases ``incidents`` happened at, each with ``n`` of them, most first."""
    return (
        Base.objects.filter(incidents__in=incidents)
        .annotate(n=Count("incidents", filter=Q(incidents__in=incidents)))
        .order_by("-n", "name")
    )


def monthly_series(incidents: QuerySet[Incident]) -> list[dict[str, Any]]:
    """Incidents per month for the small charts: [{"month": "2024-01-01", "count": n, "casualties": k}]."""
    return [
        {"month": row["period"], "count": row["count"], "casualties": row["killed"] + row["injured"]}
        for row in incident_timeline(incidents, interval="month", split=None)
    ]
