"""API views of incidents: list (JSON, GeoJSON, CSV), map points, one incident, publish/reject.

Each view validates the query, calls one queryset or selector, renders (see incidents/api/base.py).
Bases and factions are in gazetteer_views.py, the timeline and the changes feed in feed_views.py.
"""

from __future__ import annotations

from functools import partial
from typing import Any, cast

from django.db import connection
from django.db.models import QuerySet
from django.http import Http404, HttpResponseBase, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework import exceptions, status
from rest_framework.request import Request
from rest_framework.response import Response

from incidents.api.base import ApiView, request_is_editor
from incidents.api.caching import cached_answer, data_version
from incidents.api.filters import FILTER_NAMES, REPEATABLE, checked_rows, filter_incidents, incident_filterset
from incidents.api.pagination import paginate
from incidents.api.renderers import CSVRenderer, GeoJSONRenderer, PrebuiltJSONRenderer, csv_stream
from incidents.api.schema import (
    AS_OF_PARAMETER,
    ERROR_SCHEMA,
    FILTER_PARAMETERS,
    GEOJSON_EXAMPLE,
    GEOJSON_SCHEMA,
    ID_PARAMETER,
    MAX_ID,
    PAGE_PARAMETERS,
    POINTS_EXAMPLE,
    POINTS_SCHEMA,
    READ_RESPONSES,
    WRITE_ERROR_RESPONSES,
    format_parameter,
)
from incidents.api.serializers import (
    IncidentDetailSerializer,
    IncidentPageSerializer,
    IncidentSerializer,
    ReviewDecisionSerializer,
    incident_page_text,
    incident_rows,
    incident_url_prefix,
)
from incidents.models import Incident, StaleVersion
from incidents.querysets import IncidentQuerySet, api_sources, merged_survivor
from incidents.selectors.api_page import NotWritten, incident_page_json, incident_page_keys
from incidents.selectors.as_of import PARAM as AS_OF
from incidents.selectors.as_of import (
    as_of_from_request,
    incident_as_of,
    incidents_as_of,
    incidents_for_api_as_of,
    with_related,
)
from incidents.selectors.csv_copy import incidents_csv_copy
from incidents.selectors.export import CSV_COLUMNS, incidents_csv_rows, incidents_geojson_utf8
from incidents.selectors.points import incidents_points

PAGE_PARAMS = ("cursor", "page_size", "count")


def _reject(request: Request, names: tuple[str, ...], why: str) -> None:
    given = {n: [why] for n in names if n in request.query_params}
    if given:
        raise exceptions.ValidationError(given)


class IncidentListView(ApiView):
    # JSON pages are either data for DRF's JSONRenderer or their text, already written (``_json``).
    renderer_classes = [PrebuiltJSONRenderer, GeoJSONRenderer, CSVRenderer]
    cached_formats = frozenset({"json", "geojson"})  # the CSV is streamed, not cached
    allowed_params = frozenset({"format", AS_OF, *PAGE_PARAMS, *FILTER_NAMES})
    repeatable_params = frozenset(REPEATABLE)

    @extend_schema(
        operation_id="incidents_list",
        summary="Incidents: JSON pages, GeoJSON or CSV",
        description=(
            "Published incidents (editors: any status with `status`). JSON is cursor-paginated, newest "
            "first unless `ordering` says otherwise; follow `next`. `format=geojson` (or Accept: "
            "application/geo+json) returns every matching incident as one FeatureCollection; `format=csv` "
            "streams every matching incident as CSV, one row per incident. Conditional requests "
            "(If-None-Match / If-Modified-Since) answer 304. With `as_of`, every format answers from the "
            "change history as the data stood at that moment."
        ),
        parameters=[format_parameter("json", "geojson", "csv"), *PAGE_PARAMETERS, *FILTER_PARAMETERS, AS_OF_PARAMETER],
        responses={
            (200, "application/json"): IncidentPageSerializer,
            (200, "application/geo+json"): OpenApiResponse(
                GEOJSON_SCHEMA, examples=[OpenApiExample("feature collection", value=GEOJSON_EXAMPLE)]
            ),
            (200, "text/csv"): OpenApiResponse(
                OpenApiTypes.STR,
                description="event_id,event_date,date_precision,year,...,source_urls,source_count,updated_at",
            ),
            **READ_RESPONSES,
        },
    )
    def get(self, request: Request) -> HttpResponseBase:
        self.as_of = as_of_from_request(request)
        past = incidents_as_of(self.as_of) if self.as_of else None
        incidents, ordering = filter_incidents(request, queryset=past)
        fmt = request.accepted_renderer.format
        if fmt != "json":
            _reject(request, PAGE_PARAMS, "Pagination applies to JSON only; GeoJSON and CSV hold every match.")
        if fmt == "geojson":
            _reject(request, ("ordering",), "GeoJSON features come newest first; ordering applies to JSON and CSV.")
        if fmt == "csv":  # streamed, so validated but not cached
            version, editor = data_version(request), request_is_editor(request)
            return self.conditional(
                request,
                token=version.key(editor=editor),
                last_modified=version.stamp(editor=editor),
                build=lambda: self._csv(request, incidents, ordering),
            )
        builders = {"json": self._json, "geojson": self._geojson}
        response = cached_answer(self, request, build=lambda: builders[fmt](request, incidents, ordering))
        if fmt == "geojson":  # a download named like the CSV one, not "download"
            response["Content-Disposition"] = f'attachment; filename="{export_filename("geojson")}"'
        return response

    def _json(self, request: Request, incidents: QuerySet[Incident], ordering: str) -> Response:
        if not self.as_of and page_written_by_database(request):
            try:
                page = paginate(
                    incident_page_keys(incidents, ordering=ordering),
                    request,
                    ordering=ordering,
                    fetch=partial(incident_page_json, url_prefix=incident_url_prefix(request)),
                )
            except NotWritten:
                pass  # a value only Python writes as the API does: the page as below
            else:
                rows = cast(list[dict[str, Any]], page.rows)
                return Response(incident_page_text(page.count, page.next_url, [row["json"] for row in rows]))
        if self.as_of:
            page = paginate(with_related(incidents), request, ordering=ordering)
            page.rows = incidents_for_api_as_of(page.rows, self.as_of)
            results = IncidentSerializer(page.rows, many=True, context={"request": request}).data
        else:
            # Plain rows, not model instances: the same JSON (see incident_rows), a third of the CPU.
            page = paginate(cast(IncidentQuerySet, incidents).for_api_rows(), request, ordering=ordering)
            rows = cast(list[dict[str, Any]], page.rows)
            results = incident_rows(rows, api_sources(row["id"] for row in rows), request)
        data: dict[str, Any] = {}
        if page.count is not None:
            data["count"] = page.count
        data["next"] = page.next_url
        data["results"] = results
        return Response(data)

    def _geojson(self, request: Request, incidents: QuerySet[Incident], ordering: str) -> Response:
        return Response(incidents_geojson_utf8(incidents, url_prefix=incident_url_prefix(request)))

    def _csv(self, request: Request, incidents: QuerySet[Incident], ordering: str) -> StreamingHttpResponse:
        if connection.vendor == "postgresql" and not self.as_of:
            # PostgreSQL writes the CSV itself (same bytes as below); past versions take the general path.
            stream = incidents_csv_copy(incidents, ordering=ordering)
        else:
            field = ordering.lstrip("-")
            order = [ordering, "-id" if ordering.startswith("-") else "id"] if field != "id" else [ordering]
            rows = incidents_csv_rows(incidents.order_by(*order), sources_until=self.as_of)
            stream = csv_stream(CSV_COLUMNS, rows)
        response = StreamingHttpResponse(stream, content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{export_filename("csv")}"'
        return response


def page_written_by_database(request: Request) -> bool:
    """Whether PostgreSQL writes this request's JSON list page (``incidents.selectors.api_page``): it writes times
    in UTC and JSON as DRF's renderer does by default (compact, UTF-8 unescaped, no indent asked for)."""
    renderer = request.accepted_renderer
    return (
        connection.vendor == "postgresql"
        and timezone.get_current_timezone_name() == "UTC"
        and isinstance(renderer, PrebuiltJSONRenderer)
        and renderer.compact
        and not renderer.ensure_ascii
        and "indent" not in (request.accepted_media_type or "")
    )


def export_filename(extension: str) -> str:
    """The name a download is saved under: basewatch-incidents-YYYYMMDD.csv / .geojson."""
    return f"basewatch-incidents-{timezone.now():%Y%m%d}.{extension}"


class IncidentPointsView(ApiView):
    renderer_classes = [PrebuiltJSONRenderer]
    cached_formats = frozenset({"json"})
    # Compressed here only: this answer carries no secret (no CSRF token, nothing per user but the
    # status filter), and at 50,000 incidents gzip turns ~3 MB into well under 1 MB.
    compressed_answers = True
    allowed_params = frozenset({"format", AS_OF, *FILTER_NAMES} - {"ordering"})
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
        parameters=[
            format_parameter("json"),
            *[p for p in FILTER_PARAMETERS if p.name != "ordering"],
            AS_OF_PARAMETER,
        ],
        responses={
            200: OpenApiResponse(POINTS_SCHEMA, examples=[OpenApiExample("two incidents", value=POINTS_EXAMPLE)]),
            **READ_RESPONSES,
        },
    )
    def get(self, request: Request) -> HttpResponseBase:
        as_of = as_of_from_request(request)
        filterset = incident_filterset(request, queryset=incidents_as_of(as_of) if as_of else None)
        chunks = None if as_of else filterset.points_chunks()
        incidents = checked_rows(filterset, chunks)  # checks who may see the status asked for, before anything

        version = data_version(request)

        def build() -> Response:
            # The lookups are the same for every visibility class; the public version moves with every
            # write to bases or factions.
            return Response(incidents_points(incidents, lookups_version=version.public_token, chunks=chunks))

        return cached_answer(self, request, build=build, version=version)  # gzipped (compressed_answers)


class IncidentDetailView(ApiView):
    allowed_params = frozenset({"format", AS_OF})

    @extend_schema(
        operation_id="incidents_retrieve",
        summary="One incident, with its sources and their evidence",
        description="With `as_of`, the incident as it stood at that moment (404 if it was not visible then; "
        "an incident merged away later is shown as it was, not redirected).",
        parameters=[ID_PARAMETER, format_parameter("json"), AS_OF_PARAMETER],
        responses={
            200: IncidentDetailSerializer,
            301: OpenApiResponse(description="Merged into another incident: `Location` is the survivor's."),
            **READ_RESPONSES,
        },
    )
    def get(self, request: Request, id: str) -> HttpResponseBase:
        as_of = as_of_from_request(request)
        pk = valid_id(id)
        if as_of:
            return self._as_of(request, pk, as_of)
        visible = Incident.objects.all() if request_is_editor(request) else Incident.objects.published()
        incident = visible.for_api().filter(pk=pk).first()
        if incident is None:
            survivor = merged_survivor(pk)
            if survivor is None or not visible.filter(pk=survivor.pk).exists():
                raise Http404("No Incident matches the given query.")
            location = reverse("api-incident-detail", kwargs={"id": survivor.pk})
            return Response(status=status.HTTP_301_MOVED_PERMANENTLY, headers={"Location": location})
        return self.conditional(
            request,
            token=f"{incident.pk}:{incident.updated_at.isoformat()}",
            last_modified=incident.updated_at,
            build=lambda: Response(IncidentDetailSerializer(incident, context={"request": request}).data),
        )

    def _as_of(self, request: Request, pk: int, as_of: Any) -> HttpResponseBase:
        record = incident_as_of(pk, as_of)
        if record is None or not (record.status == Incident.Status.PUBLISHED or request_is_editor(request)):
            raise Http404("No Incident matches the given query at that time.")
        (incident,) = incidents_for_api_as_of([record], as_of)
        return self.conditional(
            request,
            token=f"{pk}:as-of:{record.history_id}",
            last_modified=record.history_date,
            build=lambda: Response(IncidentDetailSerializer(incident, context={"request": request}).data),
        )


CONFLICT_RESPONSE = OpenApiResponse(
    ERROR_SCHEMA,
    description="The incident changed since the `version` you sent; nothing was written. The body gives the "
    "current `version`: read the incident again, then retry.",
    examples=[OpenApiExample("stale", value={"detail": "Incident 7 changed since version 3.", "version": 4})],
)


def conflict_response(incident_id: int, seen: int) -> Response:
    """409 for a write based on an older version of the incident."""
    current = Incident.objects.filter(pk=incident_id).values_list("version", flat=True).first()
    return Response(
        {"detail": f"Incident {incident_id} changed since version {seen}.", "version": current},
        status=status.HTTP_409_CONFLICT,
    )


class IncidentReviewView(ApiView):
    """Editors publish or reject an incident (token, or session with CSRF)."""

    action = "publish"

    @extend_schema(
        summary="Publish or reject an incident (editors)",
        description=(
            'Send `{"version": n}`, the `version` of the incident you reviewed (every incident in the '
            "API carries it): if anyone changed the incident since, the answer is 409 and nothing is "
            "written. Without `version` the action applies to the incident as it is now."
        ),
        request=ReviewDecisionSerializer,
        parameters=[ID_PARAMETER],
        responses={200: IncidentDetailSerializer, 409: CONFLICT_RESPONSE, **WRITE_ERROR_RESPONSES},
    )
    def post(self, request: Request, id: str) -> Response:
        incident = get_object_or_404(Incident, pk=valid_id(id))
        body = ReviewDecisionSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        seen = body.validated_data.get("version")
        status_ = Incident.Status.PUBLISHED if self.action == "publish" else Incident.Status.REJECTED
        try:
            incident.decide(status_, by=request.user, seen_version=seen)
        except StaleVersion:
            return conflict_response(incident.pk, seen if seen is not None else incident.version)
        incident = Incident.objects.for_api().get(pk=incident.pk)
        return Response(IncidentDetailSerializer(incident, context={"request": request}).data)


def valid_id(raw: str) -> int:
    # Not a number, or too large to exist (it would overflow the database's integer): no such incident.
    if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= MAX_ID:
        raise Http404("No Incident matches the given query.")
    return int(raw)
