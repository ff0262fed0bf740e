"""API views of the gazetteer: bases and factions with their published-incident figures."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet
from django.http import Http404, HttpResponseBase
from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response

from incidents.api.base import ApiView
from incidents.api.caching import cached_answer
from incidents.api.schema import READ_RESPONSES, SLUG_PARAMETER, format_parameter
from incidents.api.serializers import BaseSerializer, FactionSerializer
from incidents.models import Base, Faction, Incident
from incidents.selectors.pages import faction_incident_stats


class BaseListView(ApiView):
    cached_formats = frozenset({"json"})

    @extend_schema(
        operation_id="bases_list",
        summary="Bases with their published-incident counts and first/last incident dates",
        parameters=[format_parameter("json")],
        responses={
            200: BaseSerializer(many=True),
            **READ_RESPONSES,
        },
    )
    def get(self, request: Request) -> HttpResponseBase:
        return cached_answer(
            self,
            request,
            build=lambda: Response(BaseSerializer(Base.objects.with_incident_stats().order_by("name"), many=True).data),
        )


class BaseDetailView(ApiView):
    cached_formats = frozenset({"json"})

    @extend_schema(
        operation_id="bases_retrieve",
        parameters=[SLUG_PARAMETER, format_parameter("json")],
        responses={200: BaseSerializer, **READ_RESPONSES},
    )
    def get(self, request: Request, slug: str) -> HttpResponseBase:
        if not Base.objects.filter(slug=slug).exists():
            raise Http404("No Base matches the given query.")
        return cached_answer(
            self,
            request,
            build=lambda: Response(BaseSerializer(Base.objects.with_incident_stats().get(slug=slug)).data),
        )


def _factions() -> QuerySet[Faction]:
    members = Faction.objects.only("id", "name", "slug", "umbrella_id").order_by("name")
    return Faction.objects.select_related("umbrella").prefetch_related(Prefetch("members", queryset=members))


class FactionListView(ApiView):
    cached_formats = frozenset({"json"})

    @extend_schema(
        operation_id="factions_list",
        summary="Factions with umbrella, members and published-incident figures (members included)",
        parameters=[format_parameter("json")],
        responses={
            200: FactionSerializer(many=True),
            **READ_RESPONSES,
        },
    )
    def get(self, request: Request) -> HttpResponseBase:
        def build() -> Response:
            stats = faction_incident_stats(Incident.objects.published())
            return Response(FactionSerializer(_factions().order_by("name"), many=True, context={"stats": stats}).data)

        return cached_answer(self, request, build=build)


class FactionDetailView(ApiView):
    cached_formats = frozenset({"json"})

    @extend_schema(
        operation_id="factions_retrieve",
        parameters=[SLUG_PARAMETER, format_parameter("json")],
        responses={200: FactionSerializer, **READ_RESPONSES},
    )
    def get(self, request: Request, slug: str) -> HttpResponseBase:
        if not Faction.objects.filter(slug=slug).exists():
            raise Http404("No Faction matches the given query.")

        def build() -> Response:
            stats = faction_incident_stats(Incident.objects.published())
            return Response(FactionSerializer(_factions().get(slug=slug), context={"stats": stats}).data)

        return cached_answer(self, request, build=build)
