"""Database-side reads for the map, the timeline, exports and the sync feed.

Plain functions over an already filtered ``Incident`` queryset, shared by the API and the
dashboard. Where PostgreSQL can build the answer itself (GeoJSON, weapon splits) it does;
SQLite, the dev database, gets an equivalent path.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.db.models import Aggregate, CharField, Count, F, Max, Min, OuterRef, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce, TruncDay, TruncMonth, TruncWeek

from incidents.models import COUNT_COLUMNS, Base, Country, Faction, Incident, IncidentTombstone, Weapon, source_model

INTERVALS = {"day": TruncDay, "week": TruncWeek, "month": TruncMonth}
SPLITS = ("faction", "weapon", "base", "country")
COUNTRY_NAMES = dict(Country.choices)


# --- Validators for conditional requests -------------------------------------------------


@dataclass(frozen=True)
class Fingerprint:
    """What changes whenever the answer for a filtered incident set can change."""

    count: int
    last_modified: dt.datetime | None

    @property
    def token(self) -> str:
        stamp = self.last_modified.isoformat() if self.last_modified else "-"
        return f"{self.count}:{stamp}"


def incidents_fingerprint(incidents: QuerySet[Incident]) -> Fingerprint:
    """Row count and latest change (an update, or a deletion/merge/unpublish tombstone): two indexed queries."""
    agg = incidents.order_by().aggregate(n=Count("id"), last=Max("updated_at"))
    tomb = IncidentTombstone.objects.aggregate(last=Max("at"))["last"]
    stamps = [s for s in (agg["last"], tomb) if s is not None]
    return Fingerprint(count=agg["n"], last_modified=max(stamps) if stamps else None)


# --- GeoJSON --------------------------------------------------------------------------------

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
    if in_database is None:
        in_database = connection.vendor == "postgresql"
    if in_database:
        return _geojson_postgresql(incidents, url_prefix)
    return _geojson_python(incidents, url_prefix)


def _geojson_postgresql(incidents: QuerySet[Incident], url_prefix: str) -> str:
    inner, params = _geo_rows(incidents).query.sql_with_params()
    props = ", ".join(f"'{name}', f.{name}" for name in GEOJSON_PROPERTIES if name != "url")
    # Identifiers are our own constants and the inner query is Django-compiled; values are bound.
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


# --- Map points -----------------------------------------------------------------------------

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


def incidents_points(incidents: QuerySet[Incident], *, in_database: bool | None = None) -> str:
    """All ``incidents`` as compact JSON for the map: one array per column, newest first.

    ``{"count": n, "columns": [...], "id": [...], "lat": [...], ..., "bases": {id: {slug, name}},
    "factions": {id: {slug, name}}}``: ``base`` and ``perpetrator`` hold ids into the two lookup
    tables, coordinates are rounded to ``POINTS_DECIMALS``. About 8 times smaller than the
    GeoJSON before compression, 50 times after. On PostgreSQL ``array_agg`` builds the column arrays.
    """
    if in_database is None:
        in_database = connection.vendor == "postgresql"
    rows = incidents.order_by("-date", "-id").values(*(_POINTS_FIELDS.get(name, name) for name in POINTS_COLUMNS))
    columns = _points_postgresql(rows) if in_database else _points_python(rows)
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
    lookup_text = json.dumps(lookups, separators=(",", ":"))[1:-1]
    return "{" + f'"columns":{json.dumps(list(POINTS_COLUMNS))},{columns},{lookup_text}' + "}"


def _points_postgresql(rows: QuerySet[Incident, dict[str, Any]]) -> str:
    inner, params = rows.query.sql_with_params()
    pieces = []
    for name in POINTS_COLUMNS:
        value = f"f.{_POINTS_FIELDS.get(name, name)}"
        if name in ("lat", "lon"):
            # In float8 (numeric's round() is twice as slow); the quotient prints as the short decimal.
            value = f"round({value} * 1e{POINTS_DECIMALS}) / 1e{POINTS_DECIMALS}"
        elif name == "date":
            value = "to_char(f.date, 'YYYY-MM-DD')"
        elif name == "place":
            value = "NULLIF(f.place, '')"
        # array_to_json writes no spaces between elements (json_agg does: a byte per value).
        pieces.append(f"""',"{name}":' || COALESCE(array_to_json(array_agg({value})), '[]')""")
    # The aggregates read the rows in the inner query's order (newest first): with nothing else in
    # this query level, PostgreSQL keeps it, and one sort beats an ORDER BY in each of 14 aggregates.
    # Identifiers are our own constants and the inner query is Django-compiled; values are bound.
    sql = f"""SELECT '"count":' || COUNT(*) || {" || ".join(pieces)} FROM ({inner}) AS f"""  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()[0]


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


# --- Timeline -------------------------------------------------------------------------------


def _as_date(value: Any) -> str:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)[:10]


def incident_timeline(incidents: QuerySet[Incident], *, interval: str, split: str | None) -> list[dict[str, Any]]:
    """Incident counts and killed/injured sums per period, optionally one series per split value.

    Rows: ``{"period", "key", "label", "count", "killed", "injured"}`` ordered by period then key.
    A weapon split counts an incident once under each of its weapons (so series can sum to
    more than the total); incidents without a weapon count as "unknown".
    """
    trunc = INTERVALS[interval]("date")
    base = incidents.order_by().annotate(period=trunc)
    if split == "weapon":
        return _timeline_by_weapon(base)
    # Grouped by the id, named afterwards from the small gazetteer tables: hashing integers beats
    # sorting names (the faction split over 34,000 incidents: 35 ms -> 16 ms on PostgreSQL).
    column = {None: None, "faction": "perpetrator_id", "base": "base_id", "country": "country"}[split]
    rows = (
        base.values("period", *([column] if column else []))
        .annotate(n=Count("id"), k=Coalesce(Sum("killed"), 0), i=Coalesce(Sum("injured"), 0))
        .order_by()
    )
    names: dict[Any, tuple[str, str]] = {}
    if split == "faction":
        names = {pk: (slug, name) for pk, slug, name in Faction.objects.values_list("id", "slug", "name")}
    elif split == "base":
        names = {pk: (slug, name) for pk, slug, name in Base.objects.values_list("id", "slug", "name")}
    out = []
    for row in rows:
        key = label = None
        if split == "country":
            key, label = row["country"], COUNTRY_NAMES.get(row["country"], row["country"])
        elif column:
            key, label = names.get(row[column], ("unknown", "Unknown"))
        out.append(
            {
                "period": _as_date(row["period"]),
                "key": key,
                "label": label,
                "count": row["n"],
                "killed": row["k"],
                "injured": row["i"],
            }
        )
    # Period, then key; incidents without one ("unknown") last in each period.
    out.sort(key=lambda r: (r["period"], r["key"] == "unknown" and split != "country", r["key"] or ""))
    return out


def _timeline_by_weapon(annotated: QuerySet[Incident]) -> list[dict[str, Any]]:
    inner, params = annotated.values("period", "killed", "injured", "weapons").query.sql_with_params()
    if connection.vendor == "postgresql":
        elements = (
            "LEFT JOIN LATERAL jsonb_array_elements_text("
            "CASE WHEN jsonb_typeof(f.weapons) = 'array' THEN f.weapons ELSE '[]'::jsonb END) AS w(value) ON TRUE"
        )
    else:
        elements = "LEFT JOIN json_each(CASE WHEN json_type(f.weapons) = 'array' THEN f.weapons ELSE '[]' END) AS w"
    sql = f"""
        SELECT f.period, COALESCE(w.value, 'unknown') AS weapon, COUNT(*),
               COALESCE(SUM(f.killed), 0), COALESCE(SUM(f.injured), 0)
        FROM ({inner}) AS f {elements}
        GROUP BY 1, 2 ORDER BY 1, 2
    """  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    labels = dict(Weapon.choices)
    return [
        {
            "period": _as_date(period),
            "key": weapon,
            "label": labels.get(weapon, weapon),
            "count": n,
            "killed": killed,
            "injured": injured,
        }
        for period, weapon, n, killed, injured in rows
    ]


# --- Factions -------------------------------------------------------------------------------


def faction_incident_stats(incidents: QuerySet[Incident]) -> dict[int, dict[str, Any]]:
    """Per faction id: count, first and last date of ``incidents`` attributed to it or its members.

    One grouped query plus one over the (small) faction tree; the roll-up runs in Python.
    """
    direct = {
        row["perpetrator_id"]: row
        for row in incidents.order_by()
        .filter(perpetrator__isnull=False)
        .values("perpetrator_id")
        .annotate(n=Count("id"), first=Min("date"), last=Max("date"))
    }
    children: dict[int | None, list[int]] = {}
    for pk, umbrella_id in Faction.objects.values_list("id", "umbrella_id"):
        children.setdefault(umbrella_id, []).append(pk)
        children.setdefault(pk, [])
    stats = {}
    for pk in children:
        if pk is None:
            continue
        seen, frontier = {pk}, [pk]
        while frontier:
            frontier = [c for f in frontier for c in children.get(f, []) if c not in seen]
            seen.update(frontier)
        rows = [direct[f] for f in seen if f in direct]
        stats[pk] = {
            "incident_count": sum(r["n"] for r in rows),
            "first_incident": min((r["first"] for r in rows), default=None),
            "last_incident": max((r["last"] for r in rows), default=None),
        }
    return stats


# --- Sync feed ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Changes:
    incidents: list[Incident]
    tombstones: list[IncidentTombstone]
    has_more: bool
    next_since: dt.datetime
    next_after_id: int | None


def incident_changes(incidents: QuerySet[Incident], *, since: dt.datetime, after_id: int | None, limit: int) -> Changes:
    """Incidents changed since ``since`` (at most ``limit``, oldest change first) and tombstones since then.

    ``next_since``/``next_after_id`` continue exactly after the last incident returned; when
    nothing changed they repeat the request's values. Tombstones are few and all returned.
    """
    rows = list(incidents.changed_since(since, after_id)[: limit + 1])
    has_more = len(rows) > limit
    rows = rows[:limit]
    tombstones = list(IncidentTombstone.objects.filter(at__gte=since).order_by("at", "id"))
    next_since, next_after_id = since, after_id
    if rows:
        next_since, next_after_id = rows[-1].updated_at, rows[-1].pk
    if not has_more and tombstones and tombstones[-1].at > next_since:
        next_since, next_after_id = tombstones[-1].at, None
    return Changes(rows, tombstones, has_more, next_since, next_after_id)


# --- CSV ------------------------------------------------------------------------------------


class _UrlList(Aggregate):
    """Every source's URL ('' when it has none) joined with "; ": one string gives both the URLs and the count.

    STRING_AGG on PostgreSQL (sorted), GROUP_CONCAT on SQLite.
    """

    function = "GROUP_CONCAT"
    template = "%(function)s(%(expressions)s, '; ')"
    output_field = CharField()

    def as_postgresql(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        return self.as_sql(
            compiler, connection, function="STRING_AGG", template="%(function)s(%(expressions)s, '; ' ORDER BY 1)"
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
_COUNTS = list(COUNT_COLUMNS)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell_text(value: str) -> str:
    # Spreadsheets run cells starting with these as formulas; text from articles must not.
    return "'" + value if value.startswith(_FORMULA_START) else value


def incidents_csv_rows(incidents: QuerySet[Incident], *, chunk_size: int = 2000) -> Iterator[tuple[Any, ...]]:
    """One tuple per incident in ``CSV_COLUMNS`` order, read with a server-side cursor (flat memory).

    Source URLs come from one correlated subquery per row, so rows stream as the cursor
    advances instead of waiting for a GROUP BY over the whole set.
    """
    sources = source_model().objects.filter(incident=OuterRef("pk")).order_by().values("incident")
    rows = incidents.annotate(
        source_urls=Subquery(sources.annotate(u=_UrlList("article__url")).values("u")),
    ).values_list(
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
        *_COUNTS,
        "perpetrator__name",
        "perpetrator__slug",
        "claimed",
        "claimed_by__name",
        "summary",
        "status",
        "updated_at",
        "source_urls",
    )
    for r in rows.iterator(chunk_size=chunk_size):
        (pk, date, precision, time_of_day, country, province, base_name, place, lat, lon, geo, base_slug, weapons) = r[
            :13
        ]
        counts = r[13:25]
        perp, perp_slug, claimed, claimed_by, summary, status, updated_at, joined = r[25:]
        urls = joined.split("; ") if joined is not None else []
        yield (
            pk,
            date.isoformat(),
            precision,
            date.year,
            time_of_day.isoformat() if time_of_day else "",
            COUNTRY_NAMES.get(country, country),
            country,
            province or "",
            _cell_text(base_name or place or ""),
            lat,
            lon,
            geo,
            base_slug or "",
            ";".join(weapons) if isinstance(weapons, list) else "",
            *counts,
            perp or "",
            perp_slug or "",
            "true" if claimed else "false",
            claimed_by or "",
            _cell_text(summary),
            "; ".join(u for u in urls if u),
            len(urls),
            status,
            updated_at.isoformat(),
        )
