"""The timeline's whole answer written by PostgreSQL (``/api/v1/stats/timeline/``, every split but weapon).

The same document ``incident_timeline`` gives the view on other databases: rows
``{"period", "key", "label", "count", "killed", "injured"}`` ordered by period, then key (codepoints,
``COLLATE "C"`` as Python sorts; "unknown" last except for countries), and ``totals`` per period. One
statement: the grouped rows are named and aggregated into JSON, and the totals are summed from the
same groups, because the faction, base and country splits put every incident in exactly one group.

Why: turning 9,000 grouped rows into dicts and JSON in Python took as long as the query itself.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from django.db import connection
from django.db.models import Count, Model, QuerySet, Sum
from django.db.models.functions import Coalesce

from incidents.models import Base, Faction, Incident, TimelineRollup
from incidents.selectors.points import PointsChunkQuery, spans_in_range
from incidents.selectors.timeline import COUNTRY_NAMES, INTERVALS

# split -> (the grouped incident column, the named table or None)
JSON_SPLITS: dict[str | None, tuple[str | None, type[Model] | None]] = {
    None: (None, None),
    "faction": ("perpetrator_id", Faction),
    "base": ("base_id", Base),
    "country": ("country", None),
}


# The splits the timeline's rollups (``TimelineRollup``) hold.
ROLLUP_SPLITS = (None, "faction")


def incident_timeline_json(
    incidents: QuerySet[Incident], *, interval: str, split: str | None, rollup: PointsChunkQuery | None = None
) -> str:
    """``{"interval", "split", "results", "totals"}`` as JSON text, built in PostgreSQL.

    ``rollup``: the same request as ``incidents`` when the rollups kept by the database can answer it
    (a split in ``ROLLUP_SPLITS``): the groups are summed from them instead of from every incident.
    """
    column, named = JSON_SPLITS[split]
    if rollup is not None and split in ROLLUP_SPLITS:
        inner, params = _rollup_groups_sql(rollup, interval=interval, by_perpetrator=split == "faction")
    else:
        grouped = (
            incidents.order_by()
            .annotate(period=INTERVALS[interval]("date"))
            .values("period", *([column] if column else []))
            .annotate(n=Count("id"), k=Coalesce(Sum("killed"), 0), i=Coalesce(Sum("injured"), 0))
            .order_by()
        )
        inner, params = grouped.query.sql_with_params()
    q = connection.ops.quote_name
    head_params: list[Any] = []
    names = ""
    if named is not None:
        # Each site's or group's key and label written as JSON once, not once per period it appears in
        # (MATERIALIZED: inlined, the planner would write them for every row again).
        table = q(named._meta.db_table)
        json_names = "to_json(slug)::text AS key_json, to_json(name)::text AS label_json"
        names = f"t AS MATERIALIZED (SELECT id, slug, {json_names} FROM {table}),"  # noqa: S608
        join = f"LEFT JOIN t ON t.id = g.{column}"
        key = "COALESCE(t.slug, 'unknown')"
        key_json, label_json = """COALESCE(t.key_json, '"unknown"')""", """COALESCE(t.label_json, '"Unknown"')"""
        last = "t.id IS NULL"
    elif column == "country":
        join = ""
        key = "g.country"
        label = "CASE g.country " + " ".join("WHEN %s THEN %s" for _ in COUNTRY_NAMES) + " ELSE g.country END"
        key_json, label_json = _json_text(key), _json_text(label)
        head_params = [v for pair in COUNTRY_NAMES.items() for v in pair]
        last = "FALSE"
    else:
        join, key, key_json, label_json, last = "", "NULL::text", "'null'", "'null'", "FALSE"

    def row(period: str, key_: str, label_: str, n: str, k: str, i: str) -> str:
        # The text json_build_object() writes for these six members (its " : " and ", " included),
        # concatenated: a third of its time, and string_agg() below joins the rows as json_agg() does.
        # ``key_`` and ``label_`` are JSON text already. The period (a date, or from DATE_TRUNC a timestamp
        # at midnight in the connection's time zone) as a date's text: the connection's DateStyle is ISO
        # (config/settings.py), so YYYY-MM-DD, what to_char() wrote, at less cost.
        return (
            f"""'{{"period" : "' || {period}::date::text || '", "key" : ' || {key_} || ', "label" : ' || """
            f"""{label_} || ', "count" : ' || {n} || ', "killed" : ' || {k} || ', "injured" : ' || {i} || '}}'"""
        )

    # Identifiers are our own constants and the inner query is Django-compiled; values are bound.
    # The rows' text alone (NULL for none): its brackets are added below, in Python, where the answer is joined
    # anyway - in SQL each || around it copied the whole text (~400 kB for two years by faction) once more.
    results = f"""(SELECT string_agg({row("period", "key_json", "label_json", "n", "k", "i")}, ', '
        ORDER BY period, last, COALESCE(key, '') COLLATE "C") FROM named)"""  # noqa: S608
    totals = f"""(SELECT string_agg({row("period", "'null'", "'null'", "n", "k", "i")}, ', '
        ORDER BY period) FROM (SELECT period, SUM(n) AS n, SUM(k) AS k, SUM(i) AS i FROM g GROUP BY period) AS p)"""  # noqa: S608
    sql = f"""
        WITH g AS ({inner}), {names}
        named AS (SELECT g.period, g.n, g.k, g.i, {key} AS key, {key_json} AS key_json, {label_json} AS label_json,
            {last} AS last FROM g {join})
        SELECT {results}, {totals if split else "NULL"}
    """  # noqa: S608
    # The inner query's parameters come first (the WITH), the country names after it.
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *head_params])
        rows, sums = cursor.fetchone()
    head = json.dumps({"interval": interval, "split": split}, separators=(",", ":"))[:-1]
    rows, sums = rows or "", sums or ""
    return "".join([head, ',"results":[', rows, '],"totals":[', sums if split else rows, "]}"])


def _json_text(expr: str) -> str:
    """SQL of ``expr``'s JSON text, ``null`` for NULL."""
    return f"COALESCE(to_json({expr})::text, 'null')"


def _rollup_groups_sql(query: PointsChunkQuery, *, interval: str, by_perpetrator: bool) -> tuple[str, list[Any]]:
    """(SQL, params) of the groups ``(period, [perpetrator_id,] n, k, i)`` from the rollups: the whole
    weeks or months inside the range from their rows, the days at its ends from theirs, summed into
    their week or month; the same groups the incidents give (``tests/api/test_timeline_rollups.py``).

    By perpetrator, a whole week's or month's rows (and a day's, for a daily timeline) are the groups
    already: the triggers write one row per status, facet, span, period and perpetrator, and no day
    summed into a week or month at the range's ends falls in a whole one inside it (``spans_in_range``).
    Only the days at the ends are grouped, not the ~2,500 rows of two years by faction: a hash aggregate
    and its numeric sums of every row, about a fifth of the statement's time."""
    table = connection.ops.quote_name(TimelineRollup._meta.db_table)
    if interval == "day":
        spans = [("d", query.date_from, None if query.date_to is None else query.date_to + dt.timedelta(days=1))]
    else:
        spans = spans_in_range(query.date_from, query.date_to, interval)
    group = ", perpetrator_id" if by_perpetrator else ""
    sums = "SUM(n) AS n, SUM(killed) AS k, SUM(injured) AS i"
    whole: list[str] = []  # rows that are their own group (by perpetrator only)
    summed: list[str] = []  # rows summed into their period's group
    params: dict[str, list[Any]] = {"whole": [], "summed": []}
    for span, low, high in spans:
        as_is = span != "d" or interval == "day"
        period = "period" if as_is else f"date_trunc('{interval}', period::timestamp)::date"
        bounds = [c for c, v in (("period >= %s", low), ("period < %s", high)) if v is not None]
        where = " AND ".join(["status = %s", "facet = %s", "span = %s", *bounds])
        values = [query.status, query.facet, span, *(v for v in (low, high) if v is not None)]
        if as_is and by_perpetrator:
            # Identifiers are our own constants; values are bound.
            whole.append(f"SELECT period, perpetrator_id, n, killed AS k, injured AS i FROM {table} WHERE {where}")  # noqa: S608
            params["whole"] += values
        else:
            # Identifiers and units are our own constants; values are bound.
            summed.append(f"SELECT {period} AS p, perpetrator_id, n, killed, injured FROM {table} WHERE {where}")  # noqa: S608
            params["summed"] += values
    selects = whole
    if summed:
        union = " UNION ALL ".join(summed)
        selects = [*whole, f"SELECT p AS period{group}, {sums} FROM ({union}) AS r GROUP BY p{group}"]  # noqa: S608
    return " UNION ALL ".join(selects), [*params["whole"], *params["summed"]]
