"""Shorthands the tests of the tables the database derives from incidents (the map's chunks, the timeline's
rollups) share: the incidents a query selects, and a table as its triggers' refresh would write it afresh."""

from __future__ import annotations

from collections.abc import Callable

from django.db import connection, transaction
from psycopg import sql

from incidents.models import Incident


def queried_incidents(query: tuple):
    """The incidents a (status, start, end, country, weapon) query selects, filtered one incident at a time."""
    status, start, end, country, weapon = query
    incidents = Incident.objects.filter(status=status)
    if start:
        incidents = incidents.filter(date__gte=start)
    if end:
        incidents = incidents.filter(date__lte=end)
    if country:
        incidents = incidents.filter(country=country)
    if weapon:
        incidents = incidents.with_weapon(weapon)
    return incidents


def rebuilt(table: str, refresh: str, stored: Callable[[], set[tuple]]) -> set[tuple]:
    """``stored()`` after emptying ``table`` and running the ``refresh`` function over every (status, date) of
    the incidents, in a savepoint rolled back: what the table must hold."""
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(sql.SQL("DELETE FROM {}").format(sql.Identifier(table)))
            cursor.execute(
                sql.SQL(
                    "SELECT {}(array_agg(status), array_agg(date)) "
                    "FROM (SELECT DISTINCT status, date FROM incidents_incident) AS r HAVING count(*) > 0"
                ).format(sql.Identifier(refresh))
            )
        out = stored()
        transaction.set_rollback(True)
    return out
