"""Renderers for the export formats. Their views hand them finished text or a row stream."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from typing import Any

from rest_framework.renderers import BaseRenderer, JSONRenderer


class GeoJSONRenderer(BaseRenderer):
    media_type = "application/geo+json"
    format = "geojson"
    charset = None  # RFC 7946: UTF-8 always, no charset parameter

    def render(self, data: Any, accepted_media_type: str | None = None, renderer_context: Any = None) -> bytes:
        if isinstance(data, bytes):
            return data
        if isinstance(data, str):
            return data.encode()
        return JSONRenderer().render(data)


class PrebuiltJSONRenderer(JSONRenderer):
    """JSON whose text the database (or a selector) already wrote: passed through, not re-encoded."""

    def render(self, data: Any, accepted_media_type: str | None = None, renderer_context: Any = None) -> bytes:
        if isinstance(data, bytes):
            return data
        if isinstance(data, str):
            return data.encode()
        return super().render(data, accepted_media_type, renderer_context)


class CSVRenderer(BaseRenderer):
    """Declares ``text/csv`` for negotiation; the rows are streamed by ``csv_stream``."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data: Any, accepted_media_type: str | None = None, renderer_context: Any = None) -> bytes:
        if isinstance(data, bytes):
            return data
        return str(data).encode()


class _Line:
    def write(self, value: str) -> str:
        return value


def csv_stream(header: Iterable[str], rows: Iterable[Iterable[Any]], *, batch: int = 500) -> Iterator[bytes]:
    """Encode rows as CSV, ``batch`` rows per chunk so the socket sees few, moderate writes."""
    writer = csv.writer(_Line())
    yield writer.writerow(header).encode()
    lines: list[str] = []
    for row in rows:
        lines.append(writer.writerow(row))
        if len(lines) >= batch:
            yield "".join(lines).encode()
            lines = []
    if lines:
        yield "".join(lines).encode()
