"""Keyset ("cursor") pagination over incidents: stable while rows are added, any ordering.

The cursor encodes the last row's sort value and id; the next page is every row strictly
after that pair in the chosen order. Nullable counts sort as -1 so the comparison is total.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import F, Q, QuerySet, Value
from django.db.models.functions import Coalesce
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.utils.urls import replace_query_param

from incidents.models import Incident

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 500
NULLABLE = {"killed", "injured", "launched"}
DATES = {"date"}
DATETIMES = {"updated_at", "created_at"}


@dataclass
class Page:
    rows: list[Incident] | list[dict[str, Any]]  # as the queryset gives them: instances, or values() dicts
    next_url: str | None
    count: int | None


def parse_page_size(raw: str | None) -> int:
    if raw is None:
        return DEFAULT_PAGE_SIZE
    try:
        size = int(raw)
    except ValueError:
        size = 0
    if not 1 <= size <= MAX_PAGE_SIZE:
        raise ValidationError({"page_size": [f"Give a whole number from 1 to {MAX_PAGE_SIZE}."]})
    return size


def parse_count(raw: str | None) -> bool:
    if raw not in (None, "true", "false"):
        raise ValidationError({"count": ["Give true or false."]})
    return raw == "true"


def _encode(ordering: str, value: Any, pk: int) -> str:
    if isinstance(value, dt.date | dt.datetime):
        value = value.isoformat()
    raw = json.dumps({"o": ordering, "v": value, "id": pk}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode(cursor: str, ordering: str) -> tuple[Any, int]:
    bad = ValidationError({"cursor": ["Invalid cursor: use the `next` link of a previous page, unchanged."]})
    try:
        data = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        field, value, pk = ordering.lstrip("-"), data["v"], data["id"]
        if data["o"] != ordering or not isinstance(pk, int) or isinstance(pk, bool):
            raise bad
        if field in DATES:
            value = dt.date.fromisoformat(value)
        elif field in DATETIMES:
            value = dt.datetime.fromisoformat(value)
            if value.tzinfo is None:
                raise bad
            # Python takes offsets up to +-23:59, PostgreSQL only up to +-15:59: compare in UTC.
            value = value.astimezone(dt.UTC)
        elif not isinstance(value, int) or isinstance(value, bool):
            raise bad
    except (ValueError, TypeError, KeyError, OverflowError, binascii.Error, UnicodeDecodeError, AttributeError) as exc:
        raise bad from exc
    if not -(2**62) < pk < 2**62 or (isinstance(value, int) and not -(2**31) < value < 2**31):
        raise bad
    return value, pk


def paginate(
    incidents: QuerySet[Incident, Any],
    request: Request,
    *,
    ordering: str,
    fetch: Callable[[QuerySet[Incident, Any]], list[dict[str, Any]]] | None = None,
) -> Page:
    """One page of ``incidents`` in ``ordering`` (a filter-set value such as "-date"); a ``values()``
    queryset gives a page of dicts (the sort value of a nullable count annotated as ``_sort``).
    ``fetch``: reads the page's rows from its sliced, ordered ``values()`` queryset instead of listing it (dicts
    holding at least the id and the sort value)."""
    params = request.query_params
    size = parse_page_size(params.get("page_size"))
    with_count = parse_count(params.get("count"))
    field, desc = ordering.lstrip("-"), ordering.startswith("-")
    key = field
    if field in NULLABLE:
        incidents = incidents.annotate(_sort=Coalesce(F(field), Value(-1)))
        key = "_sort"
    order = [key] if key == "id" else [key, "id"]
    order = [f"-{o}" if desc else o for o in order]
    rows_qs = incidents.order_by(*order)
    cursor = params.get("cursor")
    if cursor:
        value, pk = _decode(cursor, ordering)
        op = "lt" if desc else "gt"
        if key == "id":
            rows_qs = rows_qs.filter(**{f"id__{op}": pk})
        else:
            rows_qs = rows_qs.filter(Q(**{f"{key}__{op}": value}) | Q(**{key: value, f"id__{op}": pk}))
    rows = fetch(rows_qs[: size + 1]) if fetch is not None else list(rows_qs[: size + 1])
    next_url = None
    if len(rows) > size:
        rows = rows[:size]
        last = rows[-1]
        if isinstance(last, dict):
            value, pk = last[key] if key == "_sort" else last[field], last["id"]
        else:
            value, pk = (getattr(last, "_sort", None) if key == "_sort" else getattr(last, field)), last.id
        next_url = replace_query_param(request.build_absolute_uri(), "cursor", _encode(ordering, value, pk))
    count = incidents.order_by().count() if with_count else None
    return Page(rows=rows, next_url=next_url, count=count)
