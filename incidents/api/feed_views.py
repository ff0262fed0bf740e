"""API views over time: the timeline (counts per period) and the sync feed (changes since a time)."""

from __future__ import annotations

import datetime as dt
from typing import overload

from django.db import connection
from django.http import HttpResponseBase
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions
from rest_framework.request import Request
from rest_framework.response import Response

from incidents.api.base import ApiView, request_is_editor
from incidents.api.caching import cached_answer
from incidents.api.filters import FILTER_NAMES, REPEATABLE, checked_rows, filter_incidents, incident_filterset
from incidents.api.renderers import PrebuiltJSONRenderer
from incidents.api.schema import AS_OF_PARAMETER, FILTER_PARAMETERS, READ_RESPONSES, format_parameter
from incidents.api.serializers import ChangesSerializer, TimelineSerializer
from incidents.selectors.as_of import PARAM as AS_OF
from incidents.selectors.as_of import as_of_from_request, incidents_as_of, parse_moment
from incidents.selectors.sync import incident_changes, incidents_fingerprint
from incidents.selectors.timeline import INTERVALS, SPLITS, incident_timeline
from incidents.selectors.timeline_json import JSON_SPLITS, incident_timeline_json

CHANGES_DEFAULT_LIMIT = 500
CHANGES_MAX_LIMIT = 2000


@overload
def _choice(request: Request, name: str, choices: tuple[str, ...], default: str) -> str: ...
@overload
def _choice(request: Request, name: str, choices: tuple[str, ...], default: None) -> str | None: ...
def _choice(request: Request, name: str, choices: tuple[str, ...], default: str | None) -> str | None:
    value = request.query_params.get(name, default)
    if value is not None and value not in choices:
        raise exceptions.ValidationError({name: [f"Choose one of: {', '.join(choices)}."]})
    return value


# The timeline's own parameters: a request with only these and the rollups' filters is summed from them.
TIMELINE_PARAMS = frozenset({"interval", "split"})


class TimelineView(ApiView):
    renderer_classes = [PrebuiltJSONRenderer]
    cached_formats = frozenset({"json"})
    allowed_params = frozenset({"format", "interval", "split", AS_OF, *FILTER_NAMES} - {"ordering"})
    repeatable_params = frozenset(REPEATABLE)

    @extend_schema(
        operation_id="stats_timeline",
        summary="Incident counts and killed/injured sums per day, week or month",
        description=(
            "Computed in the database. With `split`, one row per period and split value (faction = "
            "perpetrator; a weapon split counts an incident under each of its weapons). Periods without "
            "incidents are omitted. `totals` holds one row per period without split: every incident "
            "once, with its killed and injured."
        ),
        parameters=[
            format_parameter("json"),
            OpenApiParameter("interval", {"type": "string", "enum": list(INTERVALS)}, description="Default week."),
            OpenApiParameter("split", {"type": "string", "enum": list(SPLITS)}, description="Optional."),
            *[p for p in FILTER_PARAMETERS if p.name != "ordering"],
            AS_OF_PARAMETER,
        ],
        responses={200: TimelineSerializer, **READ_RESPONSES},
    )
    def get(self, request: Request) -> HttpResponseBase:
        interval = _choice(request, "interval", tuple(INTERVALS), "week")
        split = _choice(request, "split", SPLITS, None)
        as_of = as_of_from_request(request)
        filterset = incident_filterset(request, queryset=incidents_as_of(as_of) if as_of else None)
        rollup = None if as_of else filterset.points_chunks(also=TIMELINE_PARAMS)
        incidents = checked_rows(filterset, rollup)  # checks who may see the status asked for, before anything

        def build() -> Response:
            if connection.vendor == "postgresql" and split in JSON_SPLITS:
                # The same document, written by PostgreSQL (no per-row Python).
                return Response(incident_timeline_json(incidents, interval=interval, split=split, rollup=rollup))
            rows = incident_timeline(incidents, interval=interval, split=split)
            # Per period, each incident once: what a split's series cannot give (a weapon split
            # counts an incident under each of its weapons).
            totals = incident_timeline(incidents, interval=interval, split=None) if split else rows
            return Response({"interval": interval, "split": split, "results": rows, "totals": totals})

        return cached_answer(self, request, build=build)


def _parse_since(raw: str | None) -> dt.datetime:
    if not raw:
        raise exceptions.ValidationError(
            {"since": ["Required: an ISO 8601 date or date-time, e.g. 2024-01-01T00:00:00Z."]}
        )
    return parse_moment(raw, "since", "an ISO 8601 date or date-time, e.g. 2024-01-01T00:00:00Z")


@overload
def _parse_int(request: Request, name: str, low: int, high: int, default: int) -> int: ...
@overload
def _parse_int(request: Request, name: str, low: int, high: int, default: None) -> int | None: ...
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
            "unpublished incident id) since then; anonymous readers get only those of incidents that were once "
            "published (a draft they never saw is no news to them). Apply tombstones first, then upsert "
            "incidents by id. "
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
        responses={200: ChangesSerializer, **READ_RESPONSES},
    )
    def get(self, request: Request) -> HttpResponseBase:
        since = _parse_since(request.query_params.get("since"))
        after_id = _parse_int(request, "after_id", 0, 2**53, None)
        limit = _parse_int(request, "limit", 1, CHANGES_MAX_LIMIT, CHANGES_DEFAULT_LIMIT)
        incidents, _ = filter_incidents(request)
        editor = request_is_editor(request)
        fp = incidents_fingerprint(incidents, editor=editor)

        def build() -> Response:
            changes = incident_changes(incidents.for_api(), since=since, after_id=after_id, limit=limit, editor=editor)
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
