"""An incident's change history from django-simple-history: who changed what, and when.

Two readers: editors see who did it (username) and every field, reviewer included; the public
sees "an editor" or "the ingest worker", never a username or a user id, and no reviewer field.
A change saved with no user (the worker merging a new source) reads as made by the ingest worker.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model

from incidents.models import Base, Faction, Incident, Weapon
from incidents.prepared import prepared

WORKER = "the ingest worker"
# Bookkeeping columns, never shown: the version counter and the pinned-field marks.
_NEVER_SHOWN = {"version", "editor_fields"}
# Who reviewed is a person: editors only.
_EDITORS_ONLY = {"reviewed_by"}


@dataclass(frozen=True)
class Change:
    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class HistoryEntry:
    when: Any
    user: str | None  # None: a change made by the ingest worker, not a person (or hidden from the public)
    kind: str
    reason: str
    changes: list[Change]
    version: int | None = None
    by_person: bool = False

    @property
    def who(self) -> str:
        if self.user:
            return self.user
        return "an editor" if self.by_person else WORKER


_KINDS = {"+": "created", "~": "changed", "-": "deleted"}
# ``Incident.history`` builds a new manager class on every access (django-simple-history): this one is reused.
_HISTORY = Incident.history


def display_value(field: str, value: Any) -> str:
    """A stored value as a reader should see it: names for sites, groups and users; labels for choices."""
    if value is None or value == "":
        return "—"
    if field == "base":
        return str(Base.objects.filter(pk=value).values_list("name", flat=True).first() or value)
    if field in ("perpetrator", "claimed_by"):
        return str(Faction.objects.filter(pk=value).values_list("name", flat=True).first() or value)
    if field == "reviewed_by":
        user = get_user_model().objects.filter(pk=value).first()
        return user.get_username() if user else "—"
    if field == "weapons":
        labels = dict(Weapon.choices)
        return ", ".join(str(labels.get(w, w)) for w in value) or "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    model_field = Incident.own_field(field)
    if model_field.choices:
        return str(dict(model_field.choices).get(value, value))
    return str(value)


def incident_history(incident: Incident, *, for_editor: bool = True, limit: int = 100) -> list[HistoryEntry]:
    """Newest first; each entry lists the fields that differ from the version before it.

    ``for_editor`` False is the public's view: no username, no user id, no reviewer.
    """

    def history_of(pk: int) -> Any:
        records = _HISTORY.filter(id=pk).order_by("-history_date", "-history_id")
        if for_editor:  # the public never sees a username: whether a person made the change is the user id
            records = records.select_related("history_user")
        return records[: limit + 1]

    # ``incident.history`` itself, compiled once per process (incidents.prepared).
    records = prepared(("incident-history", for_editor, limit), history_of, incident.pk)
    hidden = _NEVER_SHOWN if for_editor else _NEVER_SHOWN | _EDITORS_ONLY
    entries = []
    for i, record in enumerate(records[:limit]):
        previous = records[i + 1] if i + 1 < len(records) else None
        changes = []
        if previous is not None:
            delta = record.diff_against(previous, foreign_keys_are_objs=False)
            changes = [
                Change(
                    str(Incident.own_field(c.field).verbose_name),
                    display_value(c.field, c.old),
                    display_value(c.field, c.new),
                )
                for c in delta.changes
                if c.field not in hidden
            ]
            if not changes and record.history_type == "~" and not record.history_change_reason:
                continue  # only bookkeeping changed
        user = record.history_user if for_editor and record.history_user_id is not None else None
        entries.append(
            HistoryEntry(
                when=record.history_date,
                user=user.get_username() if user else None,
                kind=_KINDS.get(record.history_type, record.history_type),
                reason=record.history_change_reason or "",
                changes=changes,
                version=getattr(record, "version", None),
                by_person=record.history_user_id is not None,
            )
        )
    return entries
