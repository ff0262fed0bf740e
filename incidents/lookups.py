"""A portable "JSON list contains this element" lookup.

Django's ``contains`` on JSONField is PostgreSQL-only; the weapon filter must work on
the SQLite dev database too, so ``weapons__has=rocket`` compiles to ``@>`` on
PostgreSQL and to ``json_each`` on SQLite.
"""

from __future__ import annotations

import json
from typing import Any

from django.db.models import JSONField, Lookup


@JSONField.register_lookup
class HasElement(Lookup):
    lookup_name = "has"
    prepare_rhs = False

    def get_prep_lookup(self) -> Any:
        return self.rhs

    # django-stubs types the parameters as a tuple; Django's own lookups return a list, as this one does.
    def as_sql(self, compiler: Any, connection: Any) -> tuple[str, list[Any]]:  # type: ignore[override]
        lhs, lhs_params = self.process_lhs(compiler, connection)
        # lhs is a compiled column reference, never user input; the value is a bound parameter.
        sql = f"EXISTS (SELECT 1 FROM json_each({lhs}) WHERE json_each.value = %s)"  # noqa: S608
        return sql, [*lhs_params, self.rhs]

    def as_postgresql(self, compiler: Any, connection: Any) -> tuple[str, list[Any]]:
        lhs, lhs_params = self.process_lhs(compiler, connection)
        return f"{lhs} @> %s::jsonb", [*lhs_params, json.dumps([self.rhs])]
