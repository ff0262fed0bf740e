"""The CSV export on PostgreSQL: the database writes the CSV itself (``COPY (SELECT ...) TO STDOUT``).

Byte for byte what ``incidents_csv_rows`` + ``csv_stream`` write (the fallback on other databases, and
the reference ``tests/api/test_csv_copy.py`` compares against): same header, columns, formatting,
order and line ends. Each value is formatted in SQL the way Python prints it (``date.isoformat()``,
``repr(float)``, ``datetime.isoformat()``), and empty text becomes NULL, because COPY quotes an empty
string (``""``) where Python's csv module writes nothing.

Why: Python formatting 100,000 rows was most of the export's time; COPY streams the finished CSV
with flat memory, one row per chunk from libpq. Source URLs are sorted by URL, as the fallback's
STRING_AGG sorts them, but without a sort per incident where there are one or two (nearly all):
MIN/MAX order them (an ordered aggregate per row doubled the export's SQL time on PostgreSQL 15).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.db import connection
from django.db.models import F, QuerySet

from incidents.fields import COUNT_COLUMNS
from incidents.models import Incident
from incidents.querysets import source_model
from incidents.selectors.export import _CSV_COUNTS, _FORMULA_START, COUNTRY_NAMES, CSV_COLUMNS

# Inner column alias -> the incident field (or related path) it reads.
_READ = {
    "c_id": "id",
    "c_date": "date",
    "c_date_precision": "date_precision",
    "c_time_of_day": "time_of_day",
    "c_country": "country",
    "c_province": "base__province",
    "c_base_name": "base__name",
    "c_place": "place",
    "c_latitude": "latitude",
    "c_longitude": "longitude",
    "c_location_precision": "location_precision",
    "c_base_slug": "base__slug",
    "c_weapons": "weapons",
    **{f"c_{column}": column for column in COUNT_COLUMNS},
    "c_perpetrator_name": "perpetrator__name",
    "c_perpetrator_slug": "perpetrator__slug",
    "c_claimed": "claimed",
    "c_claimed_by_name": "claimed_by__name",
    "c_summary": "summary",
    "c_status": "status",
    "c_updated_at": "updated_at",
    "c_created_at": "created_at",
}
# From this many incidents the export reads all sources in one grouped pass (see incidents_csv_copy).
GROUPED_SOURCES_FROM = 30_000
# Rows are sent in libpq's one-row chunks; the socket gets them in batches of about this many bytes.
BATCH_BYTES = 64 * 1024


def _text(expr: str) -> str:
    """Text as Python's csv module writes it: empty -> NULL (COPY writes NULL as nothing)."""
    return f"NULLIF({expr}, '')"


def _inert(expr: str) -> str:
    """``export._cell_text``: a leading formula character gets a quote in front."""
    starts = ", ".join("'" + c.replace("'", "''") + "'" for c in _FORMULA_START if c not in "\t\r")
    return f"CASE WHEN left({expr}, 1) IN ({starts}, chr(9), chr(13)) THEN '''' || {expr} ELSE {expr} END"


def _float(expr: str) -> str:
    """repr(float): PostgreSQL's shortest float8 text, plus ".0" where Python writes one ("33" -> "33.0"): a whole
    number below 1e15 (from there PostgreSQL writes an exponent, as for NaN and infinities its own words). Tested
    on the value, not on its text with a regular expression: one text a value instead of three."""
    return f"CASE WHEN {expr} = trunc({expr}) AND abs({expr}) < 1e15 THEN {expr}::text || '.0' ELSE {expr}::text END"


# Dates, times and timestamps are written as their text, not by to_char() (several calls a value, a tenth of the
# export's database time): the connection's DateStyle is ISO (config/settings.py), so a date is YYYY-MM-DD and a
# time HH:MM:SS with its fraction's trailing zeros dropped, which isoformat() writes as all six digits.


def _iso_time_of_day(expr: str) -> str:
    """``time.isoformat()``: microseconds only when there are any, then all six digits."""
    return f"CASE WHEN position('.' in {expr}::text) = 0 THEN {expr}::text ELSE rpad({expr}::text, 15, '0') END"


def _iso_utc(expr: str) -> str:
    """``datetime.isoformat()`` of a timestamp with time zone, in UTC: "T", six digits of a fraction if any."""
    text = f"replace(({expr} AT TIME ZONE 'UTC')::text, ' ', 'T')"
    return f"CASE WHEN date_trunc('second', {expr}) = {expr} THEN {text} ELSE rpad({text}, 26, '0') END || '+00:00'"


def _select_sql(incidents: QuerySet[Incident], ordering: str, *, grouped_sources: bool) -> tuple[str, list[Any]]:
    inner, params = (
        incidents.order_by().values(**{alias: F(path) for alias, path in _READ.items()}).query.sql_with_params()
    )
    sources = source_model()
    q = connection.ops.quote_name
    source_table = q(sources._meta.db_table)
    article = sources._meta.get_field("article").related_model
    article_table = q(article._meta.db_table)
    country = "CASE f.c_country " + " ".join("WHEN %s THEN %s" for _ in COUNTRY_NAMES) + " ELSE f.c_country END"
    country_params = [v for pair in COUNTRY_NAMES.items() for v in pair]
    columns = {
        "event_id": "f.c_id",
        "event_date": "f.c_date::text",
        "date_precision": "f.c_date_precision",
        "year": "date_part('year', f.c_date)::int",
        "time_of_day": _iso_time_of_day("f.c_time_of_day"),
        "country": _text(country),
        "iso": _text("f.c_country"),
        "admin1": _text("f.c_province"),
        "location": _text(_inert("COALESCE(NULLIF(f.c_base_name, ''), f.c_place, '')")),
        "latitude": _float("f.c_latitude"),
        "longitude": _float("f.c_longitude"),
        "geo_precision": _text("f.c_location_precision"),
        "base_slug": _text("f.c_base_slug"),
        "weapons": _text(
            "CASE WHEN jsonb_typeof(f.c_weapons) = 'array' THEN "
            "array_to_string(ARRAY(SELECT jsonb_array_elements_text(f.c_weapons)), ';') END"
        ),
        **{column: f"f.c_{field}" for column, field in _CSV_COUNTS.items()},
        "perpetrator": _text("f.c_perpetrator_name"),
        "perpetrator_slug": _text("f.c_perpetrator_slug"),
        "claimed": "CASE WHEN f.c_claimed THEN 'true' ELSE 'false' END",
        "claimed_by": _text("f.c_claimed_by_name"),
        "summary": _text(_inert("f.c_summary")),
        "source_urls": "s.urls",
        "source_count": "COALESCE(s.n, 0)",
        "status": _text("f.c_status"),
        "updated_at": _iso_utc("f.c_updated_at"),
    }
    assert tuple(columns) == CSV_COLUMNS  # one order, one header, for both paths
    field = ordering.lstrip("-")
    direction = "DESC" if ordering.startswith("-") else "ASC"
    order = f"f.c_{field} {direction}" + (f", f.c_id {direction}" if field != "id" else "")
    # Identifiers are our own constants and the inner query is Django-compiled; values are bound.
    url = "NULLIF(a.url, '')"
    urls = f"""CASE COUNT({url})
                WHEN 0 THEN NULL WHEN 1 THEN MAX({url}) WHEN 2 THEN MIN({url}) || '; ' || MAX({url})
                ELSE (
                    SELECT string_agg(NULLIF(a3.url, ''), '; ' ORDER BY a3.url)
                    FROM {source_table} AS src3 JOIN {article_table} AS a3 ON a3.id = src3.article_id
                    WHERE src3.incident_id = {{incident}}
                ) END"""  # noqa: S608
    sources = f"{source_table} AS src JOIN {article_table} AS a ON a.id = src.article_id"
    if grouped_sources:  # one pass over every source, hash-joined
        join = f"""LEFT JOIN (
            SELECT src.incident_id, {urls.format(incident="src.incident_id")} AS urls, COUNT(*) AS n
            FROM {sources} GROUP BY src.incident_id
        ) AS s ON s.incident_id = f.c_id"""  # noqa: S608
    else:  # an index lookup per incident
        join = f"""LEFT JOIN LATERAL (
            SELECT {urls.format(incident="f.c_id")} AS urls, COUNT(*) AS n
            FROM {sources} WHERE src.incident_id = f.c_id
        ) AS s ON TRUE"""  # noqa: S608
    sql = f"""
        SELECT {", ".join(f"{expr} AS {name}" for name, expr in columns.items())}
        FROM ({inner}) AS f
        {join}
        ORDER BY {order}
    """  # noqa: S608
    # The country CASE comes first in the select list, before the inner query's own parameters.
    return sql, [*country_params, *params]


def incidents_csv_copy(incidents: QuerySet[Incident], *, ordering: str) -> Iterator[bytes]:
    """The CSV of ``incidents`` (header first), written by PostgreSQL's COPY and streamed in batches.

    ``ordering`` is a validated public ordering (``-date``, ``killed``, ...), made total by the id.
    """
    # Sources are read per incident for a small export, in one grouped pass for a large one (at 100,000
    # incidents: 0.9 s of index lookups against 0.35 s); counting the export first costs an index scan.
    grouped = incidents.order_by().count() >= GROUPED_SOURCES_FROM
    sql, params = _select_sql(incidents, ordering, grouped_sources=grouped)
    yield (",".join(CSV_COLUMNS) + "\r\n").encode()
    with connection.cursor() as cursor:
        raw = cursor.cursor
        statement = raw.mogrify(f"COPY ({sql}) TO STDOUT WITH (FORMAT csv)", params)
        batch: list[bytes] = []
        size = 0
        with raw.copy(statement) as copy:
            for row in copy:
                # COPY ends a row with "\n", Python's csv module with "\r\n"; a row arrives whole, so its
                # last byte is the row end (a newline inside a quoted field is left alone).
                line = bytes(row)
                batch.append(line[:-1] + b"\r\n")
                size += len(line) + 1
                if size >= BATCH_BYTES:
                    yield b"".join(batch)
                    batch, size = [], 0
        if batch:
            yield b"".join(batch)
