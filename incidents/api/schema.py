"""OpenAPI descriptions derived from the filter set, so the docs list exactly what the views accept."""

from __future__ import annotations

from typing import Any

import django_filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse

from incidents.api.filters import MAX_COUNT, MAX_Q_LENGTH, BBoxFilter, CountFilter, IncidentFilter, StrictBooleanFilter
from incidents.api.pagination import MAX_PAGE_SIZE

ERROR_SCHEMA = {
    "type": "object",
    "description": "`detail` for general errors, else one list of messages per offending parameter.",
    "additionalProperties": True,
}
ERROR_RESPONSES = {
    400: OpenApiResponse(
        ERROR_SCHEMA,
        description="A query parameter is unknown or malformed; the body names it.",
        examples=[OpenApiExample("bad bbox", value={"bbox": ["Give four comma-separated numbers."]})],
    ),
    401: OpenApiResponse(ERROR_SCHEMA, description="A token was sent but is not valid (reads need none)."),
    403: OpenApiResponse(ERROR_SCHEMA, description="Not allowed, e.g. anonymous `status=draft`."),
    404: OpenApiResponse(ERROR_SCHEMA, description="No such object (or not visible to you)."),
    429: OpenApiResponse(ERROR_SCHEMA, description="Throttled; see Retry-After."),
}
# Every read answers 304 to a conditional request for an unchanged answer, and the errors above.
READ_RESPONSES = {304: OpenApiResponse(description="Not modified."), **ERROR_RESPONSES}
WRITE_ERROR_RESPONSES = {
    **ERROR_RESPONSES,
    401: OpenApiResponse(ERROR_SCHEMA, description="No or bad token: send `Authorization: Token <key>`."),
    413: OpenApiResponse(
        ERROR_SCHEMA,
        description="The body is larger than DATA_UPLOAD_MAX_MEMORY_SIZE; `limit` gives it in bytes.",
    ),
}
MAX_ID = 2**53
ID_PARAMETER = OpenApiParameter(
    "id", {"type": "integer", "minimum": 1, "maximum": MAX_ID}, OpenApiParameter.PATH, description="Incident id."
)
AS_OF_PARAMETER = OpenApiParameter(
    "as_of",
    OpenApiTypes.DATETIME,
    description=(
        "Answer as the published data stood at this moment, from the change history: figures as they were "
        "then, incidents published later absent, incidents deleted or merged later present as they were. "
        "ISO 8601; a date alone is 00:00 UTC, a naive time is UTC. Malformed or in the future: 400 naming "
        "`as_of`. Sources are those linked by then. See the codebook (/codebook/) and the README."
    ),
)
SLUG_PARAMETER = OpenApiParameter(
    "slug", {"type": "string", "pattern": "^[-a-zA-Z0-9_]+$", "maxLength": 100}, OpenApiParameter.PATH
)

GEOJSON_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["type", "features"],
    "properties": {
        "type": {"type": "string", "enum": ["FeatureCollection"]},
        "features": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["type", "geometry", "properties"],
                "properties": {
                    "type": {"type": "string", "enum": ["Feature"]},
                    "id": {"type": "integer"},
                    "geometry": {
                        "type": "object",
                        "nullable": True,
                        "description": "Point [longitude, latitude]; null when the place is not located.",
                    },
                    "properties": {"type": "object"},
                },
            },
        },
    },
}
GEOJSON_EXAMPLE = {
    "type": "FeatureCollection",
    "features": [
        {
            "type": "Feature",
            "id": 42,
            "geometry": {"type": "Point", "coordinates": [42.44, 33.80]},
            "properties": {
                "id": 42,
                "date": "2024-01-28",
                "date_precision": "day",
                "base_name": "Tower 22",
                "base_slug": "tower-22",
                "weapons": ["drone"],
                "launched": 1,
                "intercepted": 0,
                "killed": 3,
                "injured": 47,
                "perpetrator_name": "Kataib Hezbollah",
                "claimed": True,
                "url": "https://basewatch.example/incidents/42/",
            },
        }
    ],
}

_NULLABLE_INT = {"type": "integer", "nullable": True}
_LOOKUP = {
    "type": "object",
    "description": "By id (as a string): the slug and name.",
    "additionalProperties": {
        "type": "object",
        "required": ["slug", "name"],
        "properties": {"slug": {"type": "string"}, "name": {"type": "string"}},
    },
}
_POINTS_COLUMNS: dict[str, Any] = {
    "id": {"type": "integer"},
    "lat": {"type": "number", "nullable": True, "description": "Latitude, 5 decimals; null when not located."},
    "lon": {"type": "number", "nullable": True, "description": "Longitude, 5 decimals; null when not located."},
    "date": {"type": "string", "format": "date"},
    "date_precision": {"type": "string", "enum": ["day", "week", "month", "year"]},
    "weapons": {"type": "array", "items": {"type": "string"}},
    "launched": _NULLABLE_INT,
    "intercepted": _NULLABLE_INT,
    "killed": _NULLABLE_INT,
    "injured": _NULLABLE_INT,
    "base": {**_NULLABLE_INT, "description": "Key into `bases`."},
    "perpetrator": {**_NULLABLE_INT, "description": "Key into `factions`."},
    "claimed": {"type": "boolean"},
    "place": {"type": "string", "nullable": True, "description": "Place as reported, when no base is known."},
}
POINTS_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "Parallel arrays, one per column, all `count` long; the i-th entries describe one incident.",
    "required": ["count", "columns", *_POINTS_COLUMNS, "bases", "factions"],
    "properties": {
        "count": {"type": "integer", "minimum": 0},
        "columns": {"type": "array", "items": {"type": "string", "enum": list(_POINTS_COLUMNS)}},
        **{name: {"type": "array", "items": schema} for name, schema in _POINTS_COLUMNS.items()},
        "bases": _LOOKUP,
        "factions": _LOOKUP,
    },
}
POINTS_EXAMPLE = {
    "columns": list(_POINTS_COLUMNS),
    "count": 2,
    "id": [42, 17],
    "lat": [33.31521, 33.79104],
    "lon": [38.69874, 42.44312],
    "date": ["2024-01-28", "2024-01-02"],
    "date_precision": ["day", "day"],
    "weapons": [["drone"], ["rocket", "drone"]],
    "launched": [1, 8],
    "intercepted": [None, 2],
    "killed": [3, 0],
    "injured": [47, 2],
    "base": [7, 3],
    "perpetrator": [12, 11],
    "claimed": [False, True],
    "place": [None, None],
    "bases": {"3": {"slug": "al-asad", "name": "Al Asad Air Base"}, "7": {"slug": "tower-22", "name": "Tower 22"}},
    "factions": {
        "11": {"slug": "kataib-hezbollah", "name": "Kataib Hezbollah"},
        "12": {"slug": "islamic-resistance-in-iraq", "name": "Islamic Resistance in Iraq"},
    },
}


def _filter_parameter(name: str, f: django_filters.Filter) -> OpenApiParameter:
    description = str(f.extra.get("help_text", ""))
    schema: Any = OpenApiTypes.STR
    if isinstance(f, django_filters.DateFilter):
        schema = OpenApiTypes.DATE
    elif isinstance(f, CountFilter):
        schema = {"type": "integer", "minimum": 0, "maximum": MAX_COUNT}
    elif isinstance(f, StrictBooleanFilter):
        schema = {"type": "string", "enum": ["true", "false"]}
    elif isinstance(f, django_filters.ChoiceFilter):
        schema = {"type": "string", "enum": [str(c) for c, _ in f.extra["choices"]]}
    elif isinstance(f, BBoxFilter):
        schema = {"type": "string", "example": "38.0,29.0,49.0,37.5"}
    elif name == "q":
        schema = {"type": "string", "maxLength": MAX_Q_LENGTH}
    return OpenApiParameter(name, schema, OpenApiParameter.QUERY, description=description)


FILTER_PARAMETERS = [_filter_parameter(name, f) for name, f in IncidentFilter.base_filters.items()]
PAGE_PARAMETERS = [
    OpenApiParameter("cursor", OpenApiTypes.STR, description="Opaque: follow the `next` link (JSON only)."),
    OpenApiParameter(
        "page_size",
        {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE},
        description=f"Rows per page, default 50, at most {MAX_PAGE_SIZE} (JSON only).",
    ),
    OpenApiParameter(
        "count",
        {"type": "string", "enum": ["true", "false"]},
        description="true adds the total number of matching incidents (one more query; JSON only).",
    ),
]


def format_parameter(*formats: str) -> OpenApiParameter:
    return OpenApiParameter(
        "format",
        {"type": "string", "enum": list(formats)},
        description="Response format; the Accept header works too (application/geo+json, text/csv).",
    )
