"""An incident's change history from django-simple-history: who changed what, and when."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from incidents.models import Incident


@dataclass(frozen=True)
class Change:
    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class HistoryEntry:
    when: Any
    user: str | None  # None: a change made by the ingest worker, not a person
    kind: str
    reason: str
    changes: list[Change]

    @property
    def who(self) -> str:
        return self.user or "the ingest worker"


_KINDS = {"+": "created", "~": "changed", "-": "deleted"}


def incident_history(incident: Incident, *, limit: int = 100) -> list[HistoryEntry]:
    """Newest first; each entry lists the fields that differ from the version before it."""
    records = list(
        incident.history.select_related("history_user").order_by("-history_date", "-history_id")[: limit + 1]
    )
    entries = []
    for i, record in enumerate(records[:limit]):
        previous = records[i + 1] if i + 1 < len(records) else None
        changes = []
        if previous is not None:
            delta = record.diff_against(previous)
            changes = [Change(c.field, c.old, c.new) for c in delta.changes]
        user = record.history_user
        entries.append(
            HistoryEntry(
                when=record.history_date,
                user=user.get_username() if user else None,
                kind=_KINDS.get(record.history_type, record.history_type),
                reason=record.history_change_reason or "",
                changes=changes,
            )
        )
    return entries
