"""The CSV export on PostgreSQL: the matching incidents' lines, written by the database, streamed by its COPY.

Each incident's CSV row is kept written in ``CsvLine`` by the database's triggers (migrations incidents 0014, ingest
0008): byte for byte the row ``incidents_csv_rows`` + ``csv_stream`` write (the fallback on other databases and for
``as_of``, and the reference ``tests/api/test_csv_copy.py`` compares against): same columns, formatting, quoting and
line ends. An export chooses and orders the incidents (the ORM's filters, the ids and the sort key only) and joins
their lines; ``COPY (...) TO STDOUT`` in binary sends each line as the bytes stored, with flat memory.

Why: writing 30 columns of every row and looking up each incident's sources was most of an export's database time
(a month of 1,100 incidents: ~25 ms of PostgreSQL's CPU, of which ~14 the sources; joining the lines: ~5 ms), and
it was written again on every export of the same incidents.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.db import connection
from django.db.models import F, QuerySet

from incidents.models import CsvLine, Incident
from incidents.selectors.export import CSV_COLUMNS

# Rows are sent in libpq's one-row chunks; the socket gets them in batches of about this many bytes.
BATCH_BYTES = 64 * 1024
# A binary COPY's stream opens with this signature, a 32-bit flags field and the length of a header extension.
_SIGNATURE = b"PGCOPY\n\xff\r\n\x00"


def copy_statement(incidents: QuerySet[Incident], *, ordering: str) -> tuple[str, list[Any]]:
    """The ``COPY`` statement (with its parameters) that streams the lines of ``incidents`` in ``ordering`` (a
    validated public ordering, ``-date``, ``killed``, ..., made total by the id), as a binary COPY of one text
    column."""
    field = ordering.lstrip("-")
    direction = "DESC" if ordering.startswith("-") else "ASC"
    keys = {"c_id": F("id")} if field == "id" else {"c_id": F("id"), "c_key": F(field)}
    inner, params = incidents.order_by().values(**keys).query.sql_with_params()
    order = f"f.c_id {direction}" if field == "id" else f"f.c_key {direction}, f.c_id {direction}"
    lines = connection.ops.quote_name(CsvLine._meta.db_table)
    # Identifiers are our own constants and the inner query is Django-compiled; values are bound.
    sql = f"SELECT l.line FROM ({inner}) AS f JOIN {lines} AS l ON l.incident_id = f.c_id ORDER BY {order}"  # noqa: S608
    return f"COPY ({sql}) TO STDOUT WITH (FORMAT binary)", list(params)


def incidents_csv_copy(incidents: QuerySet[Incident], *, ordering: str) -> Iterator[bytes]:
    """The CSV of ``incidents`` (header first), their stored lines streamed in batches.

    ``ordering`` is a validated public ordering (``-date``, ``killed``, ...), made total by the id.
    """
    statement, params = copy_statement(incidents, ordering=ordering)
    yield (",".join(CSV_COLUMNS) + "\r\n").encode()
    with connection.cursor() as cursor:
        raw = cursor.cursor
        batch: list[Any] = []
        size = 0
        with raw.copy(raw.mogrify(statement, params)) as copy:
            for line in _binary_values(copy):
                batch.append(line)
                size += len(line)
                if size >= BATCH_BYTES:
                    yield b"".join(batch)
                    batch, size = [], 0
        if batch:
            yield b"".join(batch)


def _binary_values(copy: Any) -> Iterator[memoryview]:
    """The values of a binary COPY of one column, as sent (a text value: its UTF-8 bytes), NULLs left out.

    The stream is the signature, flags and header extension, then per row a 16-bit field count and each field's
    32-bit length and bytes, and a field count of -1 at its end; libpq hands over one message at a time (one row,
    the header coming with the first). Slices of the messages, not copies: the caller joins them once."""
    header = True
    for data in copy:
        view = memoryview(data)
        pos = 0
        if header:
            if bytes(view[: len(_SIGNATURE)]) != _SIGNATURE:
                raise ValueError("not a binary COPY stream")
            pos = len(_SIGNATURE) + 8 + int.from_bytes(view[len(_SIGNATURE) + 4 : len(_SIGNATURE) + 8], "big")
            header = False
        end = len(view)
        while pos < end:
            if int.from_bytes(view[pos : pos + 2], "big", signed=True) == -1:
                break  # the end; the stream is still read to its end, so the connection is free again
            length = int.from_bytes(view[pos + 2 : pos + 6], "big", signed=True)
            pos += 6
            if length >= 0:
                yield view[pos : pos + length]
                pos += length
