"""A JSON list page's incidents written by PostgreSQL: each row's JSON text, the bytes the API's Python writes.

Why: a list page of 50-100 incidents cost about 10 ms of Python - Django compiling a ``values()`` query of 38
columns and three joins, converting its rows, shaping each into the serializer's dict and encoding the page -
for text the database writes in well under a millisecond. The page's rows are still chosen by the ORM (filters,
ordering, cursor, ``LIMIT``: ``incidents.api.pagination.paginate``), as their ids and sort values only; a second
statement, fed those ids and the same text for every page (so on PostgreSQL one prepared statement a connection),
joins each one's columns, site, groups and sources and writes its JSON as ``incident_rows`` writes it
(``tests/api/test_list_page_json.py`` compares the two byte for byte).

Written exactly only where the two writers agree on every value: times in UTC (the API's; ``_datetime`` writes
another zone's offset), weapons a list of strings, and floats below 1e15 (PostgreSQL writes 1e+15, Python
1000000000000000.0). A page with another value raises ``NotWritten`` and the caller writes it in Python.
"""

from __future__ import annotations

import functools
from typing import Any

from django.db import connection
from django.db.models import QuerySet

from incidents.models import Base, Faction, Incident
from incidents.prepared import session_statement, statement_name
from incidents.querysets import API_INCIDENT_FIELDS, source_model

# The keys of a list row, in the order the API writes them (``incidents.api.serializers._INCIDENT_FIELDS``).
ROW_KEYS = (API_INCIDENT_FIELDS[0], "url", *API_INCIDENT_FIELDS[1:], "sources")
# The joined site and groups: key -> (alias, model).
_REFERENCE_ALIASES = {"base": ("b", Base), "perpetrator": ("pf", Faction), "claimed_by": ("cb", Faction)}
_UTC = "'UTC'"


class NotWritten(Exception):
    """A row holds a value the database would write other than the API's Python: write the page in Python."""


def _text(column: str) -> str:
    return f"COALESCE(to_json({column})::text, 'null')"  # quoted and escaped as Python's json does


def _integer(column: str) -> str:
    return f"COALESCE({column}::text, 'null')"


def _boolean(column: str) -> str:
    return f"CASE WHEN {column} THEN 'true' WHEN NOT {column} THEN 'false' ELSE 'null' END"


def _float(column: str) -> str:
    # PostgreSQL's shortest text of a float is Python's repr but for the ".0" of whole numbers (below 1e15).
    return (
        f"CASE WHEN {column} IS NULL THEN 'null' WHEN {column} = trunc({column}) THEN {column}::text || '.0' "
        f"ELSE {column}::text END"
    )


def _date(column: str) -> str:
    # A date's own text, YYYY-MM-DD: the connection's DateStyle is ISO (config/settings.py). to_char() cost a seventh
    # of the row writer's time (an incident's date and each source's publication date).
    return f"""COALESCE('"' || {column}::text || '"', 'null')"""


def _time(column: str) -> str:
    # Python's isoformat writes all six digits of a fraction; PostgreSQL drops trailing zeros ('.5').
    return (
        f"""CASE WHEN {column} IS NULL THEN 'null' WHEN position('.' in {column}::text) = 0 """
        f"""THEN '"' || {column}::text || '"' ELSE '"' || rpad({column}::text, 15, '0') || '"' END"""
    )


def _datetime(column: str) -> str:
    # As ``serializers._datetime`` writes it in UTC: "T", all six digits of a fraction (PostgreSQL drops trailing
    # zeros) when there is one, "Z" for the offset. (The connection's DateStyle is ISO: config/settings.py.)
    utc = f"replace(({column} AT TIME ZONE {_UTC})::text, ' ', 'T')"
    return (
        f"""CASE WHEN {column} IS NULL THEN 'null' WHEN date_trunc('second', {column}) = {column} """
        f"""THEN '"' || {utc} || 'Z"' ELSE '"' || rpad({utc}, 26, '0') || 'Z"' END"""
    )


def _weapons(column: str) -> str:
    # jsonb writes ", " between elements; of strings only, '", "' is nowhere else (a quote inside is escaped).
    return f"""replace({column}::text, '", "', '","')"""


def _reference(alias: str) -> str:
    return (
        f"""CASE WHEN {alias}.id IS NULL THEN 'null' ELSE '{{"id":' || {alias}.id || ',"name":' """
        f"""|| {_text(f"{alias}.name")} || ',"slug":' || {_text(f"{alias}.slug")} || '}}' END"""
    )


def _value(field: Any, column: str) -> str:
    kind = field.get_internal_type()
    if kind in ("CharField", "TextField", "SlugField"):
        return _text(column)
    if kind.endswith(("IntegerField", "AutoField")):
        return _integer(column)
    if kind == "BooleanField":
        return _boolean(column)
    if kind == "FloatField":
        return _float(column)
    if kind == "DateField":
        return _date(column)
    if kind == "TimeField":
        return _time(column)
    if kind == "DateTimeField":
        return _datetime(column)
    raise TypeError(f"no JSON text for {field.name} ({kind})")


@functools.cache
def _statement_parts() -> tuple[str, str, str, str]:
    """(the row's JSON text, its exactness condition, the sources' query, the joins), from the models' own names."""
    q = connection.ops.quote_name
    source = source_model()
    article = source._meta.get_field("article").related_model

    def col(model: Any, alias: str, name: str) -> str:
        field = model._meta.pk if name == "pk" else model._meta.get_field(name)
        return f"{alias}.{q(field.column)}"

    order = ", ".join(
        col(source, "s", name.lstrip("-")) + (" DESC" if name.startswith("-") else " ASC")
        for name in source._meta.ordering
    )
    source_json = (
        f"""'{{"article_id":' || {col(source, "s", "article")}::text """
        f"""|| ',"title":' || {_text(col(article, "a", "title"))} """
        f"""|| ',"outlet":' || {_text(col(article, "a", "outlet"))} """
        f"""|| ',"url":' || {_text(col(article, "a", "url"))} """
        f"""|| ',"published":' || {_date(col(article, "a", "published"))} """
        f"""|| ',"role":' || {_text(col(source, "s", "role"))} || '}}'"""
    )
    # Each page row's sources, aggregated in one pass over those of the page's incidents (a lookup per row costs
    # about twice as much). Identifiers are the models' own.
    sources = (
        f"SELECT {col(source, 's', 'incident')} AS incident_id, "  # noqa: S608
        f"string_agg({source_json}, ',' ORDER BY {order}) AS list "
        f"FROM {q(source._meta.db_table)} AS s JOIN {q(article._meta.db_table)} AS a "
        f"ON {col(article, 'a', 'pk')} = {col(source, 's', 'article')} "
        f"WHERE {col(source, 's', 'incident')} IN (SELECT id FROM p) GROUP BY 1"
    )
    pieces = []
    for i, key in enumerate(ROW_KEYS):
        if key == "url":
            value = f"to_json(%(prefix)s || {col(Incident, 'i', 'pk')} || '/')::text"
        elif key == "sources":
            value = "'[' || COALESCE(src.list, '') || ']'"
        elif key in _REFERENCE_ALIASES:
            value = _reference(_REFERENCE_ALIASES[key][0])
        elif key == "weapons":
            value = _weapons(col(Incident, "i", key))
        else:
            value = _value(Incident._meta.get_field(key), col(Incident, "i", key))
        pieces += [f"""'{"{" if i == 0 else ","}"{key}":'""", value]
    # One concat() of every piece, not a chain of ||, each of which copies the text so far.
    row_json = f"concat({', '.join(pieces)}, '}}')"
    weapons = col(Incident, "i", "weapons")
    floats = [
        col(Incident, "i", f.name)
        for f in Incident._meta.concrete_fields
        if f.get_internal_type() == "FloatField" and f.name in ROW_KEYS
    ]
    exact = " AND ".join(
        [
            f"jsonb_typeof({weapons}) = 'array'",
            f"""NOT jsonb_path_exists({weapons}, 'strict $[*] ? (@.type() != "string")')""",
            *(f"({c} IS NULL OR abs({c}) < 1e15)" for c in floats),
        ]
    )
    joins = [f"JOIN {q(Incident._meta.db_table)} AS i ON {col(Incident, 'i', 'pk')} = p.id"]
    for key, (alias, model) in _REFERENCE_ALIASES.items():
        joins.append(
            f"LEFT JOIN {q(model._meta.db_table)} AS {alias} ON {col(model, alias, 'pk')} = {col(Incident, 'i', key)}"
        )
    joins.append(f"LEFT JOIN src ON src.incident_id = {col(Incident, 'i', 'pk')}")
    return row_json, exact, sources, " ".join(joins)


@functools.cache
def _row_writer() -> tuple[str, str, str]:
    """(the statement's name, what PREPARE takes for it, its plain SQL): each row of a page written from its id.

    Fed the page's ids (a text array, ``%(ids)s``) and the incident pages' URL prefix (``%(prefix)s``), whatever the
    filters: one text, so one prepared statement a connection, parsed and planned once (the ~40 expressions of a
    row cost PostgreSQL about a millisecond to plan on every page when they were one statement with the filters').
    """
    row_json, exact, sources, joins = _statement_parts()
    # The ids in the order given: the page's (chosen by the ORM's own query).
    ids = "SELECT u.id, u.ord FROM unnest(%(ids)s::bigint[]) WITH ORDINALITY AS u(id, ord)"
    # Identifiers are our own and the models'; values are bound.
    sql = (
        f"WITH p AS MATERIALIZED ({ids}), src AS ({sources}) "  # noqa: S608
        f"SELECT p.id, {exact} AS exact, {row_json} AS json FROM p {joins} ORDER BY p.ord"
    )
    statement = "(text, text) AS " + sql.replace("%(ids)s", "$1").replace("%(prefix)s", "$2").replace("%%", "%")
    return statement_name(statement), statement, sql


def incident_page_keys(incidents: QuerySet[Incident], *, ordering: str) -> QuerySet[Incident, dict[str, Any]]:
    """What a list page's rows are chosen by, for ``incident_page_json``: the ids and the ``ordering``'s column."""
    return incidents.values(*dict.fromkeys(("id", ordering.lstrip("-"))))


def incident_page_json(page: QuerySet[Incident, dict[str, Any]], *, url_prefix: str) -> list[dict[str, Any]]:
    """The rows of ``page`` (a sliced, ordered ``values()`` of the ids and sort values of one list page), each dict
    with its JSON text under ``"json"`` as ``incidents.api.serializers.incident_rows`` writes it, in ``page``'s order.
    ``url_prefix``: every incident page is this prefix + id + "/". Raises ``NotWritten`` (see the module).

    Two statements: the ORM's query of the page's ids and sort values, then the row writer fed those ids (on
    PostgreSQL a prepared statement of the connection, ``incidents.prepared.session_statement``). An incident
    deleted between the two sends the page to Python, which reads it again."""
    rows = list(page)
    if not rows:
        return rows
    params = {"ids": "{" + ",".join(str(row["id"]) for row in rows) + "}", "prefix": url_prefix}
    name, statement, sql = _row_writer()
    with connection.cursor() as cursor:
        if session_statement(connection.alias, name, statement):
            cursor.execute(f"EXECUTE {name}(%(ids)s, %(prefix)s)", params)
        else:
            cursor.execute(sql, params)
        written = cursor.fetchall()
    if len(written) != len(rows) or not all(exact for _, exact, _ in written):
        raise NotWritten
    for row, (pk, _, text) in zip(rows, written, strict=True):
        if pk != row["id"]:
            raise NotWritten
        row["json"] = text
    return rows
