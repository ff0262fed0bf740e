from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from incidents.models import Base, Faction, Incident


def home(request: HttpRequest) -> HttpResponse:
    incidents = Incident.objects.published().select_related("base", "perpetrator")[:100]
    return render(request, "incidents/home.html", {"incidents": incidents})


def incident_detail(request: HttpRequest, pk: int) -> HttpResponse:
    incident = get_object_or_404(
        Incident.objects.visible_to(request.user).select_related("base", "perpetrator", "claimed_by"), pk=pk
    )
    sources = incident.sources.select_related("article").order_by("role", "article__published")
    return render(request, "incidents/incident_detail.html", {"incident": incident, "sources": sources})


def base_detail(request: HttpRequest, slug: str) -> HttpResponse:
    base = get_object_or_404(Base, slug=slug)
    incidents = Incident.objects.published().filter(base=base).select_related("perpetrator")
    return render(request, "incidents/base_detail.html", {"base": base, "incidents": incidents})


def faction_detail(request: HttpRequest, slug: str) -> HttpResponse:
    faction = get_object_or_404(Faction.objects.select_related("umbrella"), slug=slug)
    incidents = (
        Incident.objects.published()
        .filter(perpetrator_id__in=faction.with_members_ids())
        .select_related("base", "perpetrator")
    )
    return render(
        request,
        "incidents/faction_detail.html",
        {"faction": faction, "members": faction.members.all(), "incidents": incidents},
    )
