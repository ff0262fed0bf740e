"""The map's data: every matching incident as compact parallel arrays (``/api/v1/incidents/points/``)."""

from __future__ import annotations

import datetime as dt
import functools
import json
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.db.models import QuerySet

from incidents.models import Base, Faction, Incident, PointsChunk

# Column name -> the expression read for it, in the order of POINTS_COLUMNS.
POINTS_COLUMNS = (
    "id",
    "lat",
    "lon",
    "date",
    "date_precision",
    "weapons",
    "launched",
    "intercepted",
    "killed",
    "injured",
    "base",
    "perpetrator",
    "claimed",
    "place",
)
_POINTS_FIELDS = {
    "lat": "latitude",
    "lon": "longitude",
    "base": "base_id",
    "perpetrator": "perpetrator_id",
}
# Five decimals of a degree is about a metre: finer than any reported location, half the bytes.
POINTS_DECIMALS = 5
# The answer's first member: the column names.
_COLUMNS_MEMBER = f'"columns":{json.dumps(list(POINTS_COLUMNS))}'
# Answer column -> the PointsChunk column holding its pre-written values.
_CHUNK_COLUMNS = {"id": "ids", "date": "dates"}


@dataclass(frozen=True)
class PointsChunkQuery:
    """A map request the pre-written chunks answer (``PointsChunk``): incidents of one status, in a date
    range (open at either end or both), all of them or those of one country or with one weapon."""

    status: str
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    country: str = ""
    weapon: str = ""

    @property
    def facet(self) -> str:
        return f"c:{self.country}" if self.country else f"w:{self.weapon}" if self.weapon else ""


def incidents_points(
    incidents: QuerySet[Incident],
    *,
    in_database: bool | None = None,
    lookups_version: str | None = None,
    chunks: PointsChunkQuery | None = None,
) -> str:
    """All ``incidents`` as compact JSON for the map: one array per column, newest first.

    ``{"count": n, "columns": [...], "id": [...], "lat": [...], ..., "bases": {id: {slug, name}},
    "factions": {id: {slug, name}}}``: ``base`` and ``perpetrator`` hold ids into the two lookup
    tables, coordinates are rounded to ``POINTS_DECIMALS``. About 8 times smaller than the
    GeoJSON before compression, 50 times after. On PostgreSQL the database writes the column arrays.
    ``lookups_version``: see ``points_lookups``. ``chunks``: the same request as ``incidents`` when the
    pre-written chunks can answer it (PostgreSQL only): their texts are joined instead.
    """
    if in_database is None:
        in_database = connection.vendor == "postgresql"
    if in_database and chunks is not None:
        columns = _points_from_chunks(chunks)
    else:
        rows = incidents.order_by("-date", "-id").values(*(_POINTS_FIELDS.get(name, name) for name in POINTS_COLUMNS))
        columns = [_points_postgresql(rows) if in_database else _points_python(rows)]
    # One join of every piece: the answer is megabytes, and each concatenation would copy all of it again.
    return "".join(["{", _COLUMNS_MEMBER, ",", *columns, ",", points_lookups(lookups_version), "}"])


def points_lookups(version: str | None = None) -> str:
    """The ``"bases":{...},"factions":{...}`` members of the points answer: every site and group by id.

    They do not depend on the filters, so with ``version`` (a data version token that every write to
    bases or factions moves: ``DataVersion.public_token``) they are built once per version in this
    process, instead of two queries and their rows on every new map answer.
    """
    return _lookups_at(version) if version is not None else _lookups()


@functools.lru_cache(maxsize=1)
def _lookups_at(version: str) -> str:
    return _lookups()


def _lookups() -> str:
    lookups = {
        "bases": {
            str(pk): {"slug": slug, "name": name} for pk, slug, name in Base.objects.values_list("id", "slug", "name")
        },
        "factions": {
            str(pk): {"slug": slug, "name": name}
            for pk, slug, name in Faction.objects.values_list("id", "slug", "name")
        },
    }
    # The column arrays are already JSON text; splice them in rather than parse them again.
    return json.dumps(lookups, separators=(",", ":"))[1:-1]


def _points_postgresql(rows: QuerySet[Incident, dict[str, Any]]) -> str:
    inner, params = rows.query.sql_with_params()
    # One concat() of every piece: a chain of || copies the growing document once per piece (28
    # copies of up to megabytes, most of the statement's time in memmove and page faults).
    pieces = ["'\"count\":'", "COUNT(*)"]
    for name in POINTS_COLUMNS:
        pieces += [f"""',"{name}":'""", *_points_array_sql(name, f"f.{_POINTS_FIELDS.get(name, name)}")]
    # The aggregates read the rows in the inner query's order (newest first): with nothing else in
    # this query level, PostgreSQL keeps it, and one sort beats an ORDER BY in each of 14 aggregates.
    # Identifiers are our own constants and the inner query is Django-compiled; values are bound.
    sql = f"SELECT concat({', '.join(pieces)}) FROM ({inner}) AS f"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()[0]


def _points_from_chunks(query: PointsChunkQuery) -> list[str]:
    """The ``"count"`` and column members from the chunks: whole months inside the range from the month
    chunks, its other days from the day chunks, newest first; the bytes ``_points_postgresql`` writes
    (``tests/api/test_points_chunks.py``). About 50 chunks for a year instead of ~13,000 incidents,
    and the database only reads them: joining a few dozen texts per column here costs less than
    ``string_agg`` there."""
    columns = ", ".join(["n", *(_CHUNK_COLUMNS.get(name, name) for name in POINTS_COLUMNS)])
    table = connection.ops.quote_name(PointsChunk._meta.db_table)
    selects: list[str] = []
    params: list[Any] = []
    for span, low, high in spans_in_range(query.date_from, query.date_to, "month"):
        bounds = [c for c, v in (("period >= %s", low), ("period < %s", high)) if v is not None]
        where = " AND ".join(["status = %s", "facet = %s", "span = %s", *bounds])
        # Identifiers are our own constants; values are bound.
        selects.append(f"SELECT period, {columns} FROM {table} WHERE {where}")  # noqa: S608
        params += [query.status, query.facet, span, *(v for v in (low, high) if v is not None)]
    # Chunks never overlap and whole months hold no day chunks, so the period orders them newest first.
    sql = f"SELECT {columns} FROM ({' UNION ALL '.join(selects)}) AS c ORDER BY period DESC"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        chunks = cursor.fetchall()
    # The pieces of the members, joined once by the caller (each chunk's text is up to a megabyte). A column's
    # chunks are joined by one str.join, not appended one by one with their separators: a year is ~50 chunks
    # a column, 14 columns, and the appends cost twice what the join does (~0.15 ms an answer).
    pieces = [f'"count":{sum(row[0] for row in chunks)}']
    for i, name in enumerate(POINTS_COLUMNS, start=1):
        # Dates are quoted strings: each chunk's text lacks the outer quotes.
        quote, separator = ('"', '","') if name == "date" and chunks else ("", ",")
        pieces += [f',"{name}":[{quote}', separator.join([row[i] for row in chunks]), f"{quote}]"]
    return pieces


def spans_in_range(
    start: dt.date | None, end: dt.date | None, unit: str
) -> list[tuple[str, dt.date | None, dt.date | None]]:
    """How pre-aggregated rows cover the days from ``start`` to ``end`` (either open): the whole weeks
    (from Monday) or months inside as ``("w" | "m", first, after)`` and the days outside them as
    ``("d", first, after)``; each bound included / excluded, None when open. They never overlap."""

    def unit_start(day: dt.date) -> dt.date:
        return day - dt.timedelta(days=day.weekday()) if unit == "week" else day.replace(day=1)

    def next_unit(day: dt.date) -> dt.date:
        return unit_start(day) + dt.timedelta(days=7) if unit == "week" else _next_month(day)

    first = None if start is None else start if unit_start(start) == start else next_unit(start)
    after_end = after = None
    if end is not None:
        after_end = end + dt.timedelta(days=1)
        after = after_end if unit_start(after_end) == after_end else unit_start(end)
    if first is not None and after is not None and first >= after:
        return [("d", start, after_end)]  # no whole week or month inside
    spans = [("w" if unit == "week" else "m", first, after)]
    if start is not None and first != start:
        spans.append(("d", start, first))
    if after_end is not None and after != after_end:
        spans.append(("d", after, after_end))
    return spans


def _next_month(day: dt.date) -> dt.date:
    """The first day of the month after ``day``'s."""
    return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def _points_array_sql(name: str, column: str) -> list[str]:
    """concat() arguments that write one column's JSON array, the bytes ``array_to_json`` would.

    Numbers, booleans and the weapons' JSON are joined as text (``string_agg`` of each value's
    text, which is its JSON: ``true``, ``12``, ``33.1``), a third of the time of ``array_agg`` then
    ``array_to_json``; text that may need escaping still goes through ``array_to_json``. No rows:
    ``string_agg`` gives NULL, which concat() skips, so the brackets alone make ``[]``.
    """
    if name in ("date_precision", "place"):
        value = f"NULLIF({column}, '')" if name == "place" else column
        return [f"COALESCE(array_to_json(array_agg({value})), '[]')"]
    if name == "date":
        # The connection's DateStyle is ISO (config/settings.py): a date's text is YYYY-MM-DD, at a
        # third of to_char's cost, and never needs escaping.
        quote = "CASE WHEN COUNT(*) = 0 THEN '' ELSE '\"' END"
        return ["'['", quote, f"""string_agg({column}::text, '","')""", quote, "']'"]
    if name in ("lat", "lon"):
        # In float8 (numeric's round() is twice as slow); the quotient prints as the short decimal.
        column = f"round({column} * 1e{POINTS_DECIMALS}) / 1e{POINTS_DECIMALS}"
    return ["'['", f"string_agg(COALESCE(({column})::text, 'null'), ',')", "']'"]


def _points_python(rows: QuerySet[Incident, dict[str, Any]]) -> str:
    out: dict[str, Any] = {name: [] for name in POINTS_COLUMNS}
    for row in rows.iterator(chunk_size=5000):
        for name in POINTS_COLUMNS:
            value = row[_POINTS_FIELDS.get(name, name)]
            if name in ("lat", "lon") and value is not None:
                value = round(value, POINTS_DECIMALS)
            elif name == "date":
                value = value.isoformat()
            elif name == "place":
                value = value or None
            out[name].append(value)
    return json.dumps({"count": len(out["id"]), **out}, separators=(",", ":"))[1:-1]
