"""An editor's change to an incident: only the fields they changed, pinned, checked against the version they saw.

The review form, the API and the admin all write through ``incident_edit`` (or the versioned
``Incident.decide`` it uses), so no path writes a whole row loaded earlier: a Publish cannot be
undone by a form save that raced with it, and of two editors who saw the same version the
second is refused (``StaleVersion``) and shown an ``IncidentConflict`` instead of overwriting.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from incidents.history import HistoryEntry, display_value, incident_history
from incidents.models import CODED_FIELDS, Incident

# What an editor decides: a status (a bare Publish or Reject), or none (save the edits only).
VERDICTS = {"publish": Incident.Status.PUBLISHED, "reject": Incident.Status.REJECTED}
DECISIONS = {"save": None, **VERDICTS}
# The earliest date the tracker records (and the earliest publication date a submission may give).
EARLIEST_DATE = dt.date(1990, 1, 1)


def validate_incident_date(incident: Incident, date: dt.date) -> None:
    """An editor's date for an incident, checked like a submission's publication date: not in the
    future, not before 1990, and not after the publication of the first article that reports it.

    Raises ``ValidationError`` (codes ``future``, ``too_old``, ``after_publication``). Shared by the
    review form and the admin, so both refuse what the other refuses.
    """
    if date > timezone.localdate():
        raise ValidationError("The date is in the future.", code="future")
    if date < EARLIEST_DATE:
        raise ValidationError("The date is before 1990.", code="too_old")
    if not incident.pk:
        return
    first = (
        incident.sources.select_related("article")
        .order_by("article__published", "pk")
        .values_list("article__published", "article__title")
        .first()
    )
    if first is not None and date > first[0]:
        raise ValidationError(
            f"The date is after {first[1] or 'a source article'} was published ({first[0]:%Y-%m-%d}), "
            "which reports the attack.",
            code="after_publication",
        )


def incident_edit(
    *, incident: Incident, changed: list[str], by: Any, seen_version: int, decision: str = "save"
) -> None:
    """Write the fields an editor changed (already set on ``incident``) and the decision, in one versioned step.

    Changed fields become the editor's (``Incident.editor_fields``): later sources never overwrite
    them. ``decision`` is "save", "publish" or "reject"; publishing or rejecting saves the edits
    with it, so nothing typed into the form is dropped. Raises ``StaleVersion`` when the row is
    no longer at ``seen_version``; then nothing is written.
    """
    changed = [name for name in changed if name in CODED_FIELDS]
    fields = [*changed, "editor_fields"] if changed else []
    incident.pin(changed)
    incident._history_user = by
    status = DECISIONS[decision]
    with transaction.atomic():
        if status is None:
            incident.save_versioned(fields=fields, seen_version=seen_version)
        else:
            incident.decide(status, by=by, seen_version=seen_version, fields=fields)


@dataclass(frozen=True)
class FieldClash:
    field: str
    label: str
    seen: str
    now: str
    mine: str | None  # None: the editor did not change this field


@dataclass(frozen=True)
class IncidentConflict:
    """What happened between the version an editor saw and now, and what they wanted to change."""

    seen_version: int
    current_version: int
    theirs: list[FieldClash]  # fields changed by others since the editor's version
    mine: list[FieldClash]  # fields the editor changed, against the version they saw
    entries: list[HistoryEntry]  # the others' history entries, newest first

    @property
    def overlapping(self) -> list[str]:
        mine = {c.field for c in self.mine}
        return [c.label for c in self.theirs if c.field in mine]


def incident_conflict(*, incident: Incident, seen_version: int, mine: dict[str, Any]) -> IncidentConflict:
    """Compare the version an editor saw with the current row (``mine``: their changed fields -> values)."""
    seen_instance = incident_at_version(incident, seen_version)
    fields = [*CODED_FIELDS, "status"]
    seen, now = seen_instance.values(fields), incident.values(fields)

    def clash(name: str, mine_value: Any = None, has_mine: bool = False) -> FieldClash:
        return FieldClash(
            field=name,
            label=str(Incident.own_field(name).verbose_name),
            seen=display_value(name, seen[name]),
            now=display_value(name, now[name]),
            mine=display_value(name, mine_value) if has_mine else None,
        )

    entries = [e for e in incident_history(incident, for_editor=True) if (e.version or 0) > seen_version]
    return IncidentConflict(
        seen_version=seen_version,
        current_version=incident.version,
        theirs=[clash(name) for name in fields if seen[name] != now[name]],
        mine=[clash(name, value, True) for name, value in mine.items() if name in seen],
        entries=entries,
    )


def incident_at_version(incident: Incident, version: int) -> Incident:
    """The incident as it was at ``version`` (from its history), or as it is when that is not recorded."""
    record = incident.history.filter(version=version).order_by("-history_date", "-history_id").first()
    return record.instance if record is not None else incident
