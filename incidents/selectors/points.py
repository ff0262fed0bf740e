"""The map's data: every matching incident as compact parallel arrays (``/api/v1/incidents/points/``)."""

from __future__ import annotations

import functools
import json
from typing import Any

from django.db import connection
from django.db.models import QuerySet

from incidents.models import Base, Faction, Incident

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


def incidents_points(
    incidents: QuerySet[Incident], *, in_database: bool | None = None, lookups_version: str | None = None
) -> str:
    """All ``incidents`` as compact JSON for the map: one array per column, newest first.

    ``{"count": n, "columns": [...], "id": [...], "lat": [...], ..., "bases": {id: {slug, name}},
    "factions": {id: {slug, name}}}``: ``base`` and ``perpetrator`` hold ids into the two lookup
    tables, coordinates are rounded to ``POINTS_DECIMALS``. About 8 times smaller than the
    GeoJSON before compression, 50 times after. On PostgreSQL the database writes the column arrays.
    ``lookups_version``: see ``points_lookups``.
    """
    if in_database is None:
        in_database = connection.vendor == "postgresql"
    rows = incidents.order_by("-date", "-id").values(*(_POINTS_FIELDS.get(name, name) for name in POINTS_COLUMNS))
    columns = _points_postgresql(rows) if in_database else _points_python(rows)
    lookup_text = points_lookups(lookups_version)
    return "{" + f'"columns":{json.dumps(list(POINTS_COLUMNS))},{columns},{lookup_text}' + "}"


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
