"""Exports of every matching incident: GeoJSON (built by ``json_agg`` on PostgreSQL) and CSV rows."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

from django.db import connection
from django.db.models import Aggregate, CharField, F, OuterRef, QuerySet, Subquery
from psycopg.abc import Buffer
from psycopg.adapt import Loader

from incidents.fields import COUNT_COLUMNS
from incidents.models import Base, Country, Faction, Incident
from incidents.querysets import source_model

COUNTRY_NAMES = dict(Country.choices)


_GEO_FIELDS = (
    "id",
    "date",
    "date_precision",
    "latitude",
    "longitude",
    "location_precision",
    "place",
    "country",
    "weapons",
    "launched",
    "intercepted",
    "killed",
    "injured",
    "claimed",
)
_GEO_RELATED = {
    "base_name": F("base__name"),
    "base_slug": F("base__slug"),
    "perpetrator_name": F("perpetrator__name"),
    "perpetrator_slug": F("perpetrator__slug"),
    "claimed_by_name": F("claimed_by__name"),
    "claimed_by_slug": F("claimed_by__slug"),
}
GEOJSON_PROPERTIES = (
    "id",
    "date",
    "date_precision",
    "location_precision",
    "country",
    "place",
    "base_name",
    "base_slug",
    "weapons",
    "launched",
    "intercepted",
    "killed",
    "injured",
    "perpetrator_name",
    "perpetrator_slug",
    "claimed",
    "claimed_by_name",
    "claimed_by_slug",
    "url",
)


def _geo_rows(incidents: QuerySet[Incident]) -> QuerySet[Incident, dict[str, Any]]:
    return incidents.order_by("-date", "-id").values(*_GEO_FIELDS, **_GEO_RELATED)


def incidents_geojson(incidents: QuerySet[Incident], *, url_prefix: str, in_database: bool | None = None) -> str:
    """All ``incidents`` as a GeoJSON FeatureCollection (text), newest first.

    ``url_prefix`` + id + "/" is each incident's page. Incidents without coordinates keep a
    null geometry (RFC 7946 §3.2), which Leaflet and QGIS skip. On PostgreSQL the whole
    document is built by ``json_agg`` in one query unless ``in_database`` is False.
    """
    return incidents_geojson_utf8(incidents, url_prefix=url_prefix, in_database=in_database).decode()


def incidents_geojson_utf8(incidents: QuerySet[Incident], *, url_prefix: str, in_database: bool | None = None) -> bytes:
    """``incidents_geojson`` as UTF-8, what the API sends: on PostgreSQL the bytes the database sent, never
    decoded. A site's name that is not ASCII ("Kürecik") makes Python hold the whole text at two bytes a
    character: decoding megabytes into that and encoding them back cost ~2.5 ms of a 1.7 MB answer."""
    if in_database is None:
        in_database = connection.vendor == "postgresql"
    if in_database:
        return _geojson_postgresql(incidents, url_prefix)
    return _geojson_python(incidents, url_prefix).encode()


class _Utf8(Loader):
    """A text value as the bytes PostgreSQL sent (UTF-8: Django's connections set that client encoding)."""

    def load(self, data: Buffer) -> bytes:
        return bytes(data)


def _json_text(name: str, kind: str, *, table: str = "f.") -> str:
    """SQL writing ``<table><name>`` as the text ``json_build_object()`` puts in its place (``null`` for NULL)."""
    column = f"{table}{name}"
    if kind.endswith(("IntegerField", "AutoField")):
        return f"COALESCE({column}::text, 'null')"
    if kind == "DateField":
        return f"""COALESCE('"' || to_char({column}, 'YYYY-MM-DD') || '"', 'null')"""
    if kind == "JSONField":  # jsonb's own text, as json_build_object() embeds it
        return f"COALESCE({column}::text, 'null')"
    if kind == "BooleanField":
        return f"CASE WHEN {column} THEN 'true' WHEN NOT {column} THEN 'false' ELSE 'null' END"
    return f"COALESCE(to_json({column})::text, 'null')"  # text: quoted and escaped as JSON


def _geojson_kinds() -> dict[str, str]:
    """Each property's model field type (the joined names and slugs are text)."""
    kinds = {name: Incident._meta.get_field(name).get_internal_type() for name in _GEO_FIELDS}
    return {name: kinds.get(name, "CharField") for name in GEOJSON_PROPERTIES if name != "url"}


# The joined sites' and groups' properties on PostgreSQL: (the incident's key, the table, the properties' prefix).
# Each name and slug pair is written as JSON once per site or group, in the statement's own small tables, and
# each feature takes its pair's text: two to_json() calls and four concatenations a feature fewer per pair.
_GEO_JOINED = (
    ("base_id", Base, "base"),
    ("perpetrator_id", Faction, "perpetrator"),
    ("claimed_by_id", Faction, "claimed_by"),
)


def _sql_concat(pieces: list[tuple[bool, str]]) -> str:
    """``||`` of ``(is_literal, text)`` pieces, adjacent literals written as one (each || copies the feature's
    text so far: ``', ' || '"date" : '`` is one copy more than ``', "date" : '``)."""
    merged: list[tuple[bool, str]] = []
    for literal, text in pieces:
        if literal and merged and merged[-1][0]:
            merged[-1] = (True, merged[-1][1] + text)
        else:
            merged.append((literal, text))
    return " || ".join("'" + text.replace("'", "''") + "'" if literal else text for literal, text in merged)


def _geojson_postgresql(incidents: QuerySet[Incident], url_prefix: str) -> bytes:
    """The FeatureCollection as ``json_build_object()`` / ``json_agg()`` write it (their " : " and ", "
    included), the features concatenated as text instead: the same bytes for under two thirds of the
    database's time (``tests/api/test_geojson.py`` compares the two on PostgreSQL)."""
    keys = [key for key, _, _ in _GEO_JOINED]
    # Unordered: the aggregate below orders the features.
    inner, params = incidents.order_by().values(*_GEO_FIELDS, *keys).query.sql_with_params()
    q = connection.ops.quote_name
    joined = {f"{prefix}_name": prefix for _, _, prefix in _GEO_JOINED}  # the pair's first property -> its prefix
    in_pairs = {f"{prefix}_{part}" for _, _, prefix in _GEO_JOINED for part in ("name", "slug")}
    names, joins = [], []
    for key, model, prefix in _GEO_JOINED:
        pair = _sql_concat(
            [
                (True, f'"{prefix}_name" : '),
                (False, _json_text("name", "CharField", table="")),
                (True, f', "{prefix}_slug" : '),
                (False, _json_text("slug", "CharField", table="")),
            ]
        )
        # Our constants only; MATERIALIZED: inlined, the planner would write the pair for every feature again.
        names.append(f"j_{prefix} AS MATERIALIZED (SELECT id, {pair} AS j FROM {q(model._meta.db_table)})")  # noqa: S608
        joins.append(f"LEFT JOIN j_{prefix} ON j_{prefix}.id = f.{key}")
    props: list[tuple[bool, str]] = []
    for name, kind in _geojson_kinds().items():
        if name in in_pairs and name not in joined:
            continue  # the slug, written with its name
        if props:
            props.append((True, ", "))
        if name in joined:
            prefix = joined[name]
            props.append((False, f"""COALESCE(j_{prefix}.j, '"{prefix}_name" : null, "{prefix}_slug" : null')"""))
        else:
            props += [(True, f'"{name}" : '), (False, _json_text(name, kind))]
    feature = _sql_concat(
        [
            (True, '{"type" : "Feature", "id" : '),
            (False, "f.id"),
            (True, ', "geometry" : '),
            (
                False,
                """CASE WHEN f.longitude IS NULL THEN 'null' ELSE '{"type" : "Point", "coordinates" : [' """
                "|| f.longitude::text || ', ' || f.latitude::text || ']}' END",
            ),
            (True, ', "properties" : {'),
            *props,
            (True, ', "url" : '),
            (False, "to_json(%s || f.id || '/')::text"),
            (True, "}}"),
        ]
    )
    # Identifiers are our own constants and the inner query is Django-compiled; values are bound. The features'
    # text alone: its head and tail are joined in Python, where each || around it in SQL copied all of it again.
    sql = f"""
        WITH {", ".join(names)}
        SELECT string_agg({feature}, ', ' ORDER BY f.date DESC, f.id DESC)
        FROM ({inner}) AS f {" ".join(joins)}
    """  # noqa: S608
    with connection.cursor() as cursor:
        cursor.cursor.adapters.register_loader("text", _Utf8)  # this cursor only
        cursor.execute(sql, [url_prefix, *params])
        features = cursor.fetchone()[0]
    return b"".join([b'{"type" : "FeatureCollection", "features" : [', features or b"", b"]}"])


def geojson_by_json_build_object(incidents: QuerySet[Incident], url_prefix: str) -> str:
    """The FeatureCollection built by ``json_build_object()`` and ``json_agg()``: the reference the text
    above is checked against (``tests/api/test_geojson.py``)."""
    inner, params = _geo_rows(incidents).query.sql_with_params()
    props = ", ".join(f"'{name}', f.{name}" for name in GEOJSON_PROPERTIES if name != "url")
    sql = f"""
        SELECT json_build_object(
            'type', 'FeatureCollection',
            'features', COALESCE(json_agg(json_build_object(
                'type', 'Feature',
                'id', f.id,
                'geometry', CASE WHEN f.longitude IS NULL THEN NULL ELSE json_build_object(
                    'type', 'Point', 'coordinates', json_build_array(f.longitude, f.latitude)) END,
                'properties', json_build_object({props}, 'url', %s || f.id || '/')
            ) ORDER BY f.date DESC, f.id DESC), '[]'::json)
        )::text
        FROM ({inner}) AS f
    """  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, [url_prefix, *params])
        return cursor.fetchone()[0]


def _geojson_python(incidents: QuerySet[Incident], url_prefix: str) -> str:
    features = []
    for row in _geo_rows(incidents).iterator(chunk_size=2000):
        props = {name: row.get(name) for name in GEOJSON_PROPERTIES}
        props["date"] = row["date"].isoformat()
        props["url"] = f"{url_prefix}{row['id']}/"
        geometry = None
        if row["longitude"] is not None:
            geometry = {"type": "Point", "coordinates": [row["longitude"], row["latitude"]]}
        features.append({"type": "Feature", "id": row["id"], "geometry": geometry, "properties": props})
    return json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":"))


class _UrlList(Aggregate):
    """Every source's URL ('' when it has none) joined with "; ": one string gives both the URLs and the count.

    STRING_AGG on PostgreSQL (sorted by URL, as the COPY export in csv_copy.py sorts them), GROUP_CONCAT on SQLite.
    """

    function = "GROUP_CONCAT"
    template = "%(function)s(%(expressions)s, '; ')"
    output_field = CharField()

    def as_postgresql(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        return self.as_sql(
            compiler,
            connection,
            function="STRING_AGG",
            template="%(function)s(%(expressions)s, '; ' ORDER BY %(expressions)s)",
        )


CSV_COLUMNS = (
    "event_id",
    "event_date",
    "date_precision",
    "year",
    "time_of_day",
    "country",
    "iso",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "base_slug",
    "weapons",
    "launched",
    "launched_low",
    "launched_high",
    "intercepted",
    "intercepted_low",
    "intercepted_high",
    "fatalities",
    "fatalities_low",
    "fatalities_high",
    "injured",
    "injured_low",
    "injured_high",
    "perpetrator",
    "perpetrator_slug",
    "claimed",
    "claimed_by",
    "summary",
    "source_urls",
    "source_count",
    "status",
    "updated_at",
)
# CSV count column -> the incident column it holds (ACLED calls the killed "fatalities").
_CSV_COUNTS = {column.replace("killed", "fatalities"): column for column in COUNT_COLUMNS}
# What each row reads from the database.
_CSV_READ = (
    "id",
    "date",
    "date_precision",
    "time_of_day",
    "country",
    "base__province",
    "base__name",
    "place",
    "latitude",
    "longitude",
    "location_precision",
    "base__slug",
    "weapons",
    *COUNT_COLUMNS,
    "perpetrator__name",
    "perpetrator__slug",
    "claimed",
    "claimed_by__name",
    "summary",
    "status",
    "updated_at",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell_text(value: str) -> str:
    # Spreadsheets run cells starting with these as formulas; text from articles must not.
    return "'" + value if value.startswith(_FORMULA_START) else value


def incidents_csv_rows(
    incidents: QuerySet[Incident], *, chunk_size: int = 2000, sources_until: dt.datetime | None = None
) -> Iterator[tuple[Any, ...]]:
    """One tuple per incident in ``CSV_COLUMNS`` order, read with a server-side cursor (flat memory).

    Source URLs come from one correlated subquery per row, so rows stream as the cursor
    advances instead of waiting for a GROUP BY over the whole set. ``sources_until`` keeps the
    sources linked by then (``as_of`` reads, whose rows are past versions keyed by ``id``).
    """
    sources = source_model().objects.filter(incident=OuterRef("id")).order_by().values("incident")
    if sources_until is not None:
        sources = sources.filter(created_at__lte=sources_until)
    rows = incidents.annotate(
        source_urls=Subquery(sources.annotate(u=_UrlList("article__url")).values("u")),
    ).values(*_CSV_READ, "source_urls")
    for r in rows.iterator(chunk_size=chunk_size):
        urls = r["source_urls"].split("; ") if r["source_urls"] is not None else []
        weapons = r["weapons"]
        row = {
            "event_id": r["id"],
            "event_date": r["date"].isoformat(),
            "date_precision": r["date_precision"],
            "year": r["date"].year,
            "time_of_day": r["time_of_day"].isoformat() if r["time_of_day"] else "",
            "country": COUNTRY_NAMES.get(r["country"], r["country"]),
            "iso": r["country"],
            "admin1": r["base__province"] or "",
            "location": _cell_text(r["base__name"] or r["place"] or ""),
            "latitude": r["latitude"],
            "longitude": r["longitude"],
            "geo_precision": r["location_precision"],
            "base_slug": r["base__slug"] or "",
            "weapons": ";".join(weapons) if isinstance(weapons, list) else "",
            **{column: r[field] for column, field in _CSV_COUNTS.items()},
            "perpetrator": r["perpetrator__name"] or "",
            "perpetrator_slug": r["perpetrator__slug"] or "",
            "claimed": "true" if r["claimed"] else "false",
            "claimed_by": r["claimed_by__name"] or "",
            "summary": _cell_text(r["summary"]),
            "source_urls": "; ".join(u for u in urls if u),
            "source_count": len(urls),
            "status": r["status"],
            "updated_at": r["updated_at"].isoformat(),
        }
        yield tuple(row[name] for name in CSV_COLUMNS)
