"""A JSON list page's incidents as the database keeps them written: each row's JSON text, the bytes the API's Python
writes.

Why: a list page of 50-100 incidents cost about 10 ms of Python - Django compiling a ``values()`` query of 38
columns and three joins, converting its rows, shaping each into the serializer's dict and encoding the page -
and then, written by PostgreSQL on every page instead, ~40 µs of its CPU a row (the ~40 values' text and the
sources'). Each incident's row is now kept written (``ApiRow``, rewritten by the database's triggers with the
incident's CSV line: migrations incidents 0015, ingest 0009) but for its first two members, the id and the URL of
its page, which names the request's host. The page's rows are still chosen by the ORM (filters, ordering, cursor,
``LIMIT``: ``incidents.api.pagination.paginate``), as their ids and sort values only; a second statement, fed
those ids and the URL prefix (the same text for every page, so on PostgreSQL one prepared statement a connection),
joins their rows (``tests/api/test_list_page_json.py`` compares them with the rows ``incident_rows`` writes, byte
for byte, after every kind of write).

Written exactly only where the two writers agree on every value: times in UTC (the API's; the stored rows hold
UTC), weapons a list of strings, and floats below 1e15 (PostgreSQL writes 1e+15, Python 1000000000000000.0): the
row says which (``exact``). A page with another value raises ``NotWritten`` and the caller writes it in Python.
"""

from __future__ import annotations

import functools
from typing import Any

from django.db import connection
from django.db.models import QuerySet

from incidents.models import ApiRow, Incident
from incidents.prepared import session_statement, statement_name


class NotWritten(Exception):
    """A row holds a value the database would write other than the API's Python: write the page in Python."""


@functools.cache
def _row_reader() -> tuple[str, str, str]:
    """(the statement's name, what PREPARE takes for it, its plain SQL): each row of a page read from its id.

    Fed the page's ids (a text array, ``%(ids)s``) and the incident pages' URL prefix (``%(prefix)s``), whatever the
    filters: one text, so one prepared statement a connection. A row the table lacks (its incident deleted since the
    ids were read) comes back NULL.
    """
    rows = connection.ops.quote_name(ApiRow._meta.db_table)
    # The ids in the order given: the page's (chosen by the ORM's own query).
    ids = "SELECT u.id, u.ord FROM unnest(%(ids)s::bigint[]) WITH ORDINALITY AS u(id, ord)"
    # The two members the stored row lacks, written as the API writes them: the id, then the page's URL as JSON.
    json = """'{"id":' || p.id || ',"url":' || to_json(%(prefix)s || p.id || '/')::text || r.tail"""
    # Identifiers are our own and the model's; values are bound.
    sql = f"SELECT p.id, r.exact, {json} FROM ({ids}) AS p LEFT JOIN {rows} AS r ON r.incident_id = p.id ORDER BY p.ord"  # noqa: S608
    statement = "(text, text) AS " + sql.replace("%(ids)s", "$1").replace("%(prefix)s", "$2").replace("%%", "%")
    return statement_name(statement), statement, sql


def incident_page_keys(incidents: QuerySet[Incident], *, ordering: str) -> QuerySet[Incident, dict[str, Any]]:
    """What a list page's rows are chosen by, for ``incident_page_json``: the ids and the ``ordering``'s column."""
    return incidents.values(*dict.fromkeys(("id", ordering.lstrip("-"))))


def incident_page_json(page: QuerySet[Incident, dict[str, Any]], *, url_prefix: str) -> list[dict[str, Any]]:
    """The rows of ``page`` (a sliced, ordered ``values()`` of the ids and sort values of one list page), each dict
    with its JSON text under ``"json"`` as ``incidents.api.serializers.incident_rows`` writes it, in ``page``'s order.
    ``url_prefix``: every incident page is this prefix + id + "/". Raises ``NotWritten`` (see the module).

    Two statements: the ORM's query of the page's ids and sort values, then the stored rows of those ids (on
    PostgreSQL a prepared statement of the connection, ``incidents.prepared.session_statement``). An incident
    deleted between the two sends the page to Python, which reads it again."""
    rows = list(page)
    if not rows:
        return rows
    params = {"ids": "{" + ",".join(str(row["id"]) for row in rows) + "}", "prefix": url_prefix}
    name, statement, sql = _row_reader()
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
