"""API views: validate the query, call one queryset or selector, render. See incidents/api/base.py."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import Http404, HttpResponseBase, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import exceptions
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from incidents import selectors
from incidents.api.base import ApiView, request_is_editor
from incidents.api.caching import cached_answer, data_version
from incidents.api.filters import FILTER_NAMES, REPEATABLE, IncidentFilter
from incidents.api.pagination import paginate
from incidents.api.renderers import CSVRenderer, GeoJSONRenderer, PrebuiltJSONRenderer, csv_stream
from incidents.api.schema import (
    ERROR_RESPONSES,
    FILTER_PARAMETERS,
    GEOJSON_EXAMPLE,
    GEOJSON_SCHEMA,
    ID_PARAMETER,
    MAX_ID,
    PAGE_PARAMETERS,
    POINTS_EXAMPLE,
    POINTS_SCHEMA,
    SLUG_PARAMETER,
    WRITE_ERROR_RESPONSES,
    format_parameter,
)
from incidents.api.serializers import (
    BaseSerializer,
    ChangesSerializer,
    FactionSerializer,
    IncidentDetailSerializer,
    IncidentPageSerializer,
    IncidentSerializer,
    TimelineSerializer,
    incident_url_prefix,
)
from incidents.models import Base, Faction, Incident

PAGE_PARAMS = ("cursor", "page_size", "count")
CHANGES_DEFAULT_LIMIT = 500
CHANGES_MAX_LIMIT = 2000


def filter_incidents(request: Request) -> tuple[QuerySet[Incident], str]:
    """The request's incident filters applied to the rows its user may see, and the ordering asked for."""
    filterset = IncidentFilter(request.query_params, queryset=Incident.objects.all(), request=request)
    if not filterset.is_valid():
        raise exceptions.ValidationError(filterset.errors)
    return filterset.qs, filterset.ordering_value


def _reject(request: Request, names: tuple[str, ...], why: str) -> None:
    given = {n: [why] for n in names if n in request.query_params}
    if given:
        raise exceptions.ValidationError(given)


class IncidentListView(ApiView):
    renderer_classes = [JSONRenderer, GeoJSONRenderer, CSVRenderer]
    allowed_params = frozenset({"format", *PAGE_PARAMS, *FILTER_NAMES})
    repeatable_params = frozenset(REPEATABLE)

    @extend_schema(
        operation_id="incidents_list",
        summary="Incidents: JSON pages, GeoJSON or CSV",
        description=(
            "Published incidents (editors: any status with `status`). JSON is cursor-paginated, newest "
            "first unless `ordering` says otherwise; follow `next`. `format=geojson` (or Accept: "
            "application/geo+json) returns every matching incident as one FeatureCollection; `format=csv` "
            "streams every matching incident as CSV, one row per incident. Conditional requests "
            "(If-None-Match / If-Modified-Since) answer 304."
        ),
        parameters=[format_parameter("json", "geojson", "csv"), *PAGE_PARAMETERS, *FILTER_PARAMETERS],
        responses={
            (200, "application/json"): IncidentPageSerializer,
            (200, "application/geo+json"): OpenApiResponse(
                GEOJSON_SCHEMA, examples=[OpenApiExample("feature collection", value=GEOJSON_EXAMPLE)]
            ),
            (200, "text/csv"): OpenApiResponse(
                OpenApiTypes.STR,
                description="event_id,event_date,date_precision,year,...,source_urls,source_count,updated_at",
            ),
            304: OpenApiResponse(description="Not modified."),
            **ERROR_RESPONSES,
        },
    )
    def get(self, request: Request) -> HttpResponseBase:
        incidents, ordering = filter_incidents(request)
        fmt = request.accepted_renderer.format
        if fmt != "json":
            _reject(request, PAGE_PARAMS, "Pagination applies to JSON only; GeoJSON and CSV hold every match.")
        if fmt == "geojson":
            _reject(request, ("ordering",), "GeoJSON features come newest first; ordering applies to JSON and CSV.")
        if fmt == "csv":  # streamed, so validated but not cached
            version = data_version()
            return self.conditional(
                request,
                token=version.token,
                last_modified=version.stamp(editor=request_is_editor(request)),
                build=lambda: self._csv(request, incidents, ordering),
            )
        builders = {"json": self._json, "geojson": self._geojson}
        return cached_answer(self, request, build=lambda: builders[fmt](request, incidents, ordering))

    def _json(self, request: Request, incidents: QuerySet[Incident], ordering: str) -> Response:
        page = paginate(incidents.for_api(), request, ordering=ordering)
        data: dict[str, Any] = {}
        if page.count is not None:
            data["count"] = page.count
        data["next"] = page.next_url
        data["results"] = IncidentSerializer(page.rows, many=True, context={"request": request}).data
        return Response(data)

    def _geojson(self, request: Request, incidents: QuerySet[Incident], ordering: str) -> Response:
        return Response(selectors.incidents_geojson(incidents, url_prefix=incident_url_prefix(request)))

    def _csv(self, request: Request, incidents: QuerySet[Incident], ordering: str) -> StreamingHttpResponse:
        field = ordering.lstrip("-")
        order = [ordering, "-id" if ordering.startswith("-") else "id"] if field != "id" else [ordering]
        rows = selectors.incidents_csv_rows(incidents.order_by(*order))
        response = StreamingHttpResponse(
            csv_stream(selectors.CSV_COLUMNS, rows), content_type="text/csv; charset=utf-8"
        )
        stamp = timezone.now().strftime("%Y%m%d")
        response["Content-Disposition"] = f'attachment; filename="basewatch-incidents-{stamp}.csv"'
        return response


class IncidentPointsView(ApiView):
    renderer_classes = [PrebuiltJSONRenderer]
    allowed_params = frozenset({"format", *FILTER_NAMES} - {"ordering"})
    repeatable_params = frozenset(REPEATABLE)

    @extend_schema(
        operation_id="incidents_points",
        summary="Incidents as compact map points: one array per column, every match",
        description=(
            "What the dashboard's map, counts, timeline and list draw: every matching incident (the same "
            "filters as `incidents/`), newest first, as parallel arrays: the i-th incident is `id[i]`, "
            "`lat[i]`, `lon[i]`, ... Coordinates are rounded to 5 decimals (about a metre) and null when "
            "the place is not located; `base` and `perpetrator` are ids into the `bases` and `factions` "
            "lookups. About 8 times smaller than the GeoJSON, and gzip-compressed when the client "
            "accepts it. Conditional requests (If-None-Match / If-Modified-Since) answer 304."
        ),
        parameters=[format_parameter("json"), *[p for p in FILTER_PARAMETERS if p.name != "ordering"]],
        responses={
            200: OpenApiResponse(POINTS_SCHEMA, examples=[OpenApiExample("two incidents", value=POINTS_EXAMPLE)]),
            304: OpenApiResponse(description="Not modified."),
            **ERROR_RESPONSES,
        },
    )
    def get(self, request: Request) -> HttpResponseBase:
        incidents, _ = filter_incidents(request)
        # Compressed here only: this answer carries no secret (no CSRF token, nothing per user but the
        # status filter), and at 50,000 incidents gzip turns ~3 MB into well under 1 MB.
        return cached_answer(
            self, request, build=lambda: Response(selectors.incidents_points(incidents)), compress=True
        )


class IncidentDetailView(ApiView):
    @extend_schema(
        operation_id="incidents_retrieve",
        summary="One incident, with its sources and their evidence",
        parameters=[ID_PARAMETER, format_parameter("json")],
        responses={200: IncidentDetailSerializer, 304: OpenApiResponse(description="Not modified."), **ERROR_RESPONSES},
    )
    def get(self, request: Request, id: str) -> HttpResponseBase:
        visible = Incident.objects.all() if request_is_editor(request) else Incident.objects.published()
        incident = get_object_or_404(visible.for_api(), pk=_valid_id(id))
        return self.conditional(
            request,
            token=f"{incident.pk}:{incident.updated_at.isoformat()}",
            last_modified=incident.updated_at,
            build=lambda: Response(IncidentDetailSerializer(incident, context={"request": request}).data),
        )


class IncidentReviewView(ApiView):
    """Editors publish or reject an incident (token, or session with CSRF)."""

    action = "publish"

    @extend_schema(
        summary="Publish or reject an incident (editors)",
        request=None,
        parameters=[ID_PARAMETER],
        responses={200: IncidentDetailSerializer, **WRITE_ERROR_RESPONSES},
    )
    def post(self, request: Request, id: str) -> Response:
        incident = get_object_or_404(Incident, pk=_valid_id(id))
        if self.action == "publish":
            incident.publish(by=request.user)
        else:
            incident.reject(by=request.user)
        incident = Incident.objects.for_api().get(pk=incident.pk)
        return Response(IncidentDetailSerializer(incident, context={"request": request}).data)


def _valid_id(raw: str) -> int:
    # Not a number, or too large to exist (it would overflow the database's integer): no such incident.
    if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= MAX_ID:
        raise Http404("No Incident matches the given query.")
    return int(raw)


class BaseListView(ApiView):
    @extend_schema(
        operation_id="bases_list",
        summary="Bases with their published-incident counts and first/last incident dates",
        parameters=[format_parameter("json")],
        responses={
            200: BaseSerializer(many=True),
            304: OpenApiResponse(description="Not modified."),
            **ERROR_RESPONSES,
        },
    )
    def get(self, request: Request) -> HttpResponseBase:
        return cached_answer(
            self,
            request,
            build=lambda: Response(BaseSerializer(Base.objects.with_incident_stats().order_by("name"), many=True).data),
        )


class BaseDetailView(ApiView):
    @extend_schema(
        operation_id="bases_retrieve",
        parameters=[SLUG_PARAMETER, format_parameter("json")],
        responses={200: BaseSerializer, 304: OpenApiResponse(description="Not modified."), **ERROR_RESPONSES},
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
    @extend_schema(
        operation_id="factions_list",
        summary="Factions with umbrella, members and published-incident figures (members included)",
        parameters=[format_parameter("json")],
        responses={
            200: FactionSerializer(many=True),
            304: OpenApiResponse(description="Not modified."),
            **ERROR_RESPONSES,
        },
    )
    def get(self, request: Request) -> HttpResponseBase:
        def build() -> Response:
            stats = selectors.faction_incident_stats(Incident.objects.published())
            return Response(FactionSerializer(_factions().order_by("name"), many=True, context={"stats": stats}).data)

        return cached_answer(self, request, build=build)


class FactionDetailView(ApiView):
    @extend_schema(
        operation_id="factions_retrieve",
        parameters=[SLUG_PARAMETER, format_parameter("json")],
        responses={200: FactionSerializer, 304: OpenApiResponse(description="Not modified."), **ERROR_RESPONSES},
    )
    def get(self, request: Request, slug: str) -> HttpResponseBase:
        if not Faction.objects.filter(slug=slug).exists():
            raise Http404("No Faction matches the given query.")

        def build() -> Response:
            stats = selectors.faction_incident_stats(Incident.objects.published())
            return Response(FactionSerializer(_factions().get(slug=slug), context={"stats": stats}).data)

        return cached_answer(self, request, build=build)


def _choice(request: Request, name: str, choices: tuple[str, ...], default: str | None) -> str | None:
    value = request.query_params.get(name, default)
    if value is not None and value not in choices:
        raise exceptions.ValidationError({name: [f"Choose one of: {', '.join(choices)}."]})
    return value


class TimelineView(ApiView):
    allowed_params = frozenset({"format", "interval", "split", *FILTER_NAMES} - {"ordering"})
    repeatable_params = frozenset(REPEATABLE)

    @extend_schema(
        operation_id="stats_timeline",
        summary="Incident counts and killed/injured sums per day, week or month",
        description=(
            "Computed in the database. With `split`, one row per period and split value (faction = "
            "perpetrator; a weapon split counts an incident under each of its weapons). Periods without "
            "incidents are omitted."
        ),
        parameters=[
            format_parameter("json"),
            OpenApiParameter(
                "interval", {"type": "string", "enum": list(selectors.INTERVALS)}, description="Default week."
            ),
            OpenApiParameter("split", {"type": "string", "enum": list(selectors.SPLITS)}, description="Optional."),
            *[p for p in FILTER_PARAMETERS if p.name != "ordering"],
        ],
        responses={200: TimelineSerializer, 304: OpenApiResponse(description="Not modified."), **ERROR_RESPONSES},
    )
    def get(self, request: Request) -> HttpResponseBase:
        interval = _choice(request, "interval", tuple(selectors.INTERVALS), "week")
        split = _choice(request, "split", selectors.SPLITS, None)
        incidents, _ = filter_incidents(request)

        def build() -> Response:
            rows = selectors.incident_timeline(incidents, interval=interval, split=split)
            return Response({"interval": interval, "split": split, "results": rows})

        return cached_answer(self, request, build=build)


def _parse_since(raw: str | None) -> dt.datetime:
    if not raw:
        raise exceptions.ValidationError(
            {"since": ["Required: an ISO 8601 date or date-time, e.g. 2024-01-01T00:00:00Z."]}
        )
    try:
        when = parse_datetime(raw)
        if when is None:
            day = parse_date(raw)
            when = dt.datetime.combine(day, dt.time()) if day else None
    except (ValueError, OverflowError):
        when = None
    if when is None:
        raise exceptions.ValidationError({"since": ["Not an ISO 8601 date or date-time, e.g. 2024-01-01T00:00:00Z."]})
    if timezone.is_naive(when):
        when = when.replace(tzinfo=dt.UTC)
    try:
        # In UTC: the database refuses some offsets Python accepts (over 15 hours).
        return when.astimezone(dt.UTC)
    except OverflowError as exc:
        raise exceptions.ValidationError({"since": ["Out of range."]}) from exc


def _parse_int(request: Request, name: str, low: int, high: int, default: int | None) -> int | None:
    raw = request.query_params.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        value = low - 1
    if not low <= value <= high:
        raise exceptions.ValidationError({name: [f"Give a whole number from {low} to {high}."]})
    return value


class ChangesView(ApiView):
    allowed_params = frozenset({"format", "since", "after_id", "limit", *FILTER_NAMES} - {"ordering"})
    repeatable_params = frozenset(REPEATABLE)

    @extend_schema(
        operation_id="changes",
        summary="Sync feed: incidents created or changed since a time, and tombstones of removed ones",
        description=(
            "Returns incidents (published ones unless you are an editor) whose `updated_at` is at or after "
            "`since`, oldest change first, at most `limit`; and every tombstone (deleted, merged, "
            "unpublished incident id) since then. Apply tombstones first, then upsert incidents by id. "
            "Call again with `since=next_since&after_id=next_after_id`; while `has_more` is true, at once."
        ),
        parameters=[
            format_parameter("json"),
            OpenApiParameter("since", OpenApiTypes.DATETIME, required=True, description="ISO 8601; naive means UTC."),
            OpenApiParameter(
                "after_id", {"type": "integer", "minimum": 0, "maximum": 2**53}, description="From `next_after_id`."
            ),
            OpenApiParameter(
                "limit",
                {"type": "integer", "minimum": 1, "maximum": CHANGES_MAX_LIMIT},
                description=f"Incidents per call, default {CHANGES_DEFAULT_LIMIT}.",
            ),
            *[p for p in FILTER_PARAMETERS if p.name != "ordering"],
        ],
        responses={200: ChangesSerializer, 304: OpenApiResponse(description="Not modified."), **ERROR_RESPONSES},
    )
    def get(self, request: Request) -> HttpResponseBase:
        since = _parse_since(request.query_params.get("since"))
        after_id = _parse_int(request, "after_id", 0, 2**53, None)
        limit = _parse_int(request, "limit", 1, CHANGES_MAX_LIMIT, CHANGES_DEFAULT_LIMIT)
        incidents, _ = filter_incidents(request)
        fp = selectors.incidents_fingerprint(incidents)

        def build() -> Response:
            changes = selectors.incident_changes(incidents.for_api(), since=since, after_id=after_id, limit=limit)
            payload = {
                "since": since,
                "next_since": changes.next_since,
                "next_after_id": changes.next_after_id,
                "has_more": changes.has_more,
                "incidents": changes.incidents,
                "tombstones": changes.tombstones,
            }
            return Response(ChangesSerializer(payload, context={"request": request}).data)

        return self.conditional(request, token=fp.token, last_modified=fp.last_modified, build=build)
