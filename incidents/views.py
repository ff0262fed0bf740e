"""Server-rendered pages: the map home page (its data comes from the REST API) and detail pages."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from incidents.highlight import excerpt_segments, highlight_segments
from incidents.history import incident_history
from incidents.models import COUNT_FIELDS, Base, Country, Faction, Incident, Weapon
from incidents.prepared import prepared
from incidents.querysets import IncidentQuerySet, is_editor, merged_survivor, source_model
from incidents.selectors.pages import (
    bases_by_incidents,
    bases_with_counts,
    incidents_totals,
    monthly_series,
    site_page,
)

# The REST API the dashboard's scripts read (incidents/api/).
API_ROOT = "/api/v1/"
PAGE_SIZE = 25


def _map_settings() -> dict[str, str]:
    return {"tile_url": settings.MAP_TILE_URL or "", "tile_attribution": settings.MAP_TILE_ATTRIBUTION or ""}


def home(request: HttpRequest) -> HttpResponse:
    bases = bases_with_counts(Incident.objects.visible_to(request.user))
    factions = Faction.objects.select_related("umbrella").order_by("name")
    context = {
        "bases": bases,
        "factions": factions,
        "weapons": Weapon.choices,
        "weapon_labels": dict(Weapon.choices),
        "countries": Country.choices,
        "api_root": API_ROOT,
        "page_size": PAGE_SIZE,
        **_map_settings(),
    }
    return render(request, "incidents/home.html", context)


def incident_detail(request: HttpRequest, pk: int) -> HttpResponse:
    editor = is_editor(request.user)

    def visible() -> IncidentQuerySet:
        # visible_to(), asked once; built only where a query is (the page's shapes are built once per process)
        return Incident.objects.all() if editor else Incident.objects.published()

    # The page names the site and the groups (name, link, the site's coordinates on the map); it does not
    # show the reviewer. Every column of the incident itself, only those of the joined rows.
    joined = ["base__name", "base__slug", "base__latitude", "base__longitude"]
    joined += [f"{name}__{field}" for name in ("perpetrator", "claimed_by") for field in ("name", "slug")]

    def page_incident(pk: int) -> QuerySet[Incident]:
        only = (*(f.name for f in Incident._meta.concrete_fields), *joined)
        return visible().select_related("base", "perpetrator", "claimed_by").only(*only).filter(pk=pk)[:1]

    # The page's queries are compiled once per process (incidents.prepared): only the ids change.
    incident = next(iter(prepared(("incident-page", editor), page_incident, pk)), None)
    if incident is None:
        survivor = merged_survivor(pk)
        if survivor is not None and visible().filter(pk=survivor.pk).exists():
            return redirect(survivor, permanent=True)  # merged: the attack's page is the survivor's
        raise Http404("No such incident.")
    sources = []
    for source in prepared("incident-page-sources", _page_sources, incident.pk):
        text = source.article.text
        full = source.article.is_reference or len(text) <= 2000
        sources.append(
            {
                "source": source,
                "article": source.article,
                "segments": highlight_segments(text, source.evidence)
                if full
                else excerpt_segments(text, source.evidence),
                "evidence": [
                    {"field": name.replace("_", " "), "text": item.get("text", "")}
                    for name, item in sorted((source.evidence or {}).items())
                    if isinstance(item, dict)
                ],
            }
        )
    related: list[Incident] = []
    if incident.base_id:
        related = prepared(
            ("incident-page-related", editor),
            lambda base_id, pk: visible().filter(base_id=base_id).exclude(pk=pk).for_table()[:10],
            incident.base_id,
            incident.pk,
        )
    counts = [
        {
            "name": name,
            "best": getattr(incident, name),
            "low": getattr(incident, f"{name}_low"),
            "high": getattr(incident, f"{name}_high"),
        }
        for name in COUNT_FIELDS
    ]
    context = {
        "incident": incident,
        "sources": sources,
        "related": related,
        "counts": counts,
        "weapon_labels": [Weapon(w).label if w in Weapon.values else w for w in incident.weapons],
        "history": _history(incident, for_editor=editor),
        "points": _incident_points(incident),
        **_map_settings(),
    }
    return render(request, "incidents/incident_detail.html", context)


def _page_sources(pk: int) -> QuerySet[Any]:
    """``incident.sources`` as the incident page lists them, with their articles."""
    return (
        source_model().objects.filter(incident_id=pk).select_related("article").order_by("role", "article__published")
    )


def _incident_points(incident: Incident) -> list[dict[str, Any]]:
    points = []
    if incident.base_id and incident.base:
        base = incident.base
        points.append(
            {
                "lat": base.latitude,
                "lon": base.longitude,
                "label": base.name,
                "kind": "base",
                "url": base.get_absolute_url(),
            }
        )
    if incident.latitude is not None and incident.longitude is not None:
        weapon = incident.weapons[0] if incident.weapons else "unknown"
        points.append(
            {"lat": incident.latitude, "lon": incident.longitude, "label": incident.date_display, "kind": weapon}
        )
    return points


def _history(incident: Incident, *, for_editor: bool) -> list[dict[str, Any]]:
    """The incident page's change history: usernames for editors; "an editor" or "the ingest worker" for others."""
    return [
        {
            "when": entry.when,
            "kind": entry.kind.capitalize(),
            "user": entry.who,
            "reason": entry.reason,
            "changes": [{"field": c.field, "old": c.old, "new": c.new} for c in entry.changes],
        }
        for entry in incident_history(incident, for_editor=for_editor, limit=50)
    ]


def base_detail(request: HttpRequest, slug: str) -> HttpResponse:
    base = get_object_or_404(Base, slug=slug)
    editor = is_editor(request.user)  # who sees drafts, as visible_to() tells
    figures = site_page(base.pk, editor=editor, page_number=request.GET.get("page"), per_page=PAGE_SIZE)
    context = {
        "base": base,
        **figures,
        "points": [{"lat": base.latitude, "lon": base.longitude, "label": base.name, "kind": "base"}],
        **_map_settings(),
    }
    return render(request, "incidents/base_detail.html", context)


def faction_detail(request: HttpRequest, slug: str) -> HttpResponse:
    faction = get_object_or_404(Faction.objects.select_related("umbrella"), slug=slug)
    incidents = (
        Incident.objects.visible_to(request.user)
        .attributed_to(faction, include_claims=True)
        .select_related("base", "perpetrator")
    )
    page = Paginator(incidents, PAGE_SIZE).get_page(request.GET.get("page"))
    bases = bases_by_incidents(incidents)
    totals = incidents_totals(incidents)
    context = {
        "faction": faction,
        "members": faction.members.order_by("name"),
        "page": page,
        "totals": totals,
        "bases": bases,
        "monthly": monthly_series(incidents),
        "points": [
            {
                "lat": b.latitude,
                "lon": b.longitude,
                "label": f"{b.name} ({b.n})",
                "kind": "base",
                "url": b.get_absolute_url(),
            }
            for b in bases
        ],
        **_map_settings(),
    }
    return render(request, "incidents/faction_detail.html", context)
