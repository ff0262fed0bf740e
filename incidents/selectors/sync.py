"""What a sync client needs: the changes feed, and the fingerprint behind its conditional requests."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Max, QuerySet

from incidents.models import Incident, IncidentTombstone
from incidents.querysets import IncidentQuerySet


@dataclass(frozen=True)
class Fingerprint:
    """What changes whenever the answer for a filtered incident set can change."""

    count: int
    last_modified: dt.datetime | None

    @property
    def token(self) -> str:
        stamp = self.last_modified.isoformat() if self.last_modified else "-"
        return f"{self.count}:{stamp}"


def incidents_fingerprint(incidents: QuerySet[Incident], *, editor: bool = False) -> Fingerprint:
    """Row count and latest change (an update, or a deletion/merge/unpublish tombstone the reader
    may see, ``IncidentTombstone.visible_to``): two indexed queries."""
    agg = incidents.order_by().aggregate(n=Count("id"), last=Max("updated_at"))
    tomb = IncidentTombstone.objects.visible_to(editor=editor).aggregate(last=Max("at"))["last"]
    stamps = [s for s in (agg["last"], tomb) if s is not None]
    return Fingerprint(count=agg["n"], last_modified=max(stamps) if stamps else None)


@dataclass(frozen=True)
class Changes:
    incidents: list[Incident]
    tombstones: list[IncidentTombstone]
    has_more: bool
    next_since: dt.datetime
    next_after_id: int | None


def incident_changes(
    incidents: IncidentQuerySet, *, since: dt.datetime, after_id: int | None, limit: int, editor: bool = False
) -> Changes:
    """Incidents changed since ``since`` (at most ``limit``, oldest change first) and tombstones since then
    (for anyone but an editor, only those of incidents that were ever published).

    ``next_since``/``next_after_id`` continue exactly after the last incident returned; when
    nothing changed they repeat the request's values. Tombstones are few and all returned.
    """
    rows = list(incidents.changed_since(since, after_id)[: limit + 1])
    has_more = len(rows) > limit
    rows = rows[:limit]
    tombstones = list(IncidentTombstone.objects.visible_to(editor=editor).filter(at__gte=since).order_by("at", "id"))
    next_since, next_after_id = since, after_id
    if rows:
        next_since, next_after_id = rows[-1].updated_at, rows[-1].pk
    if not has_more and tombstones and tombstones[-1].at > next_since:
        next_since, next_after_id = tombstones[-1].at, None
    return Changes(rows, tombstones, has_more, next_since, next_after_id)
