"""The timeline's whole answer written by PostgreSQL (``/api/v1/stats/timeline/``, every split but weapon).

The same document ``incident_timeline`` gives the view on other databases: rows
``{"period", "key", "label", "count", "killed", "injured"}`` ordered by period, then key (codepoints,
``COLLATE "C"`` as Python sorts; "unknown" last except for countries), and ``totals`` per period. One
statement: the grouped rows are named and aggregated into JSON, and the totals are summed from the
same groups, because the faction, base and country splits put every incident in exactly one group.

Why: turning 9,000 grouped rows into dicts and JSON in Python took as long as the query itself.
"""

from __future__ import annotations

import json
from typing import Any

from django.db import connection
from django.db.models import Count, QuerySet, Sum
from django.db.models.functions import Coalesce

from incidents.models import Base, Faction, Incident
from incidents.selectors.timeline import COUNTRY_NAMES, INTERVALS

# split -> (the grouped incident column, the named table or None)
JSON_SPLITS: dict[str | None, tuple[str | None, type | None]] = {
    None: (None, None),
    "faction": ("perpetrator_id", Faction),
    "base": ("base_id", Base),
    "country": ("country", None),
}


def incident_timeline_json(incidents: QuerySet[Incident], *, interval: str, split: str | None) -> str:
    """``{"interval", "split", "results", "totals"}`` as JSON text, built in PostgreSQL."""
    column, named = JSON_SPLITS[split]
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
    if named is not None:
        join = f"LEFT JOIN {q(named._meta.db_table)} AS t ON t.id = g.{column}"
        key, label = "COALESCE(t.slug, 'unknown')", "COALESCE(t.name, 'Unknown')"
        last = "t.id IS NULL"
    elif column == "country":
        join = ""
        key = "g.country"
        label = "CASE g.country " + " ".join("WHEN %s THEN %s" for _ in COUNTRY_NAMES) + " ELSE g.country END"
        head_params = [v for pair in COUNTRY_NAMES.items() for v in pair]
        last = "FALSE"
    else:
        join, key, label, last = "", "NULL::text", "NULL::text", "FALSE"

    def row(period: str, key_: str, label_: str, n: str, k: str, i: str) -> str:
        # The text json_build_object() writes for these six members (its " : " and ", " included),
        # concatenated: a third of its time, and string_agg() below joins the rows as json_agg() does.
        return (
            f"""'{{"period" : "' || to_char({period}, 'YYYY-MM-DD') || '", "key" : ' || """
            f"""COALESCE(to_json({key_})::text, 'null') || ', "label" : ' || """
            f"""COALESCE(to_json({label_})::text, 'null') || ', "count" : ' || {n} || """
            f"""', "killed" : ' || {k} || ', "injured" : ' || {i} || '}}'"""
        )

    # Identifiers are our own constants and the inner query is Django-compiled; values are bound.
    results = f"""'[' || COALESCE((SELECT string_agg({row("period", "key", "label", "n", "k", "i")}, ', '
        ORDER BY period, last, COALESCE(key, '') COLLATE "C") FROM named), '') || ']'"""  # noqa: S608
    totals = f"""'[' || COALESCE((SELECT string_agg({row("period", "NULL::text", "NULL::text", "n", "k", "i")}, ', '
        ORDER BY period) FROM (SELECT period, SUM(n) AS n, SUM(k) AS k, SUM(i) AS i FROM g GROUP BY period) AS p),
        '') || ']'"""  # noqa: S608
    sql = f"""
        WITH g AS ({inner}),
        named AS (SELECT g.period, g.n, g.k, g.i, {key} AS key, {label} AS label, {last} AS last FROM g {join})
        SELECT {results}, {totals if split else "NULL"}
    """  # noqa: S608
    # The inner query's parameters come first (the WITH), the country names after it.
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *head_params])
        rows, sums = cursor.fetchone()
    head = json.dumps({"interval": interval, "split": split}, separators=(",", ":"))[:-1]
    return f'{head},"results":{rows},"totals":{sums if split else rows}}}'
