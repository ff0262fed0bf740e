"""Counts reconciled over an incident's sources: every figure each primary source reports, one best/low/high
rule (``incidents.counts``), the fields an editor pinned left alone; drafts left with no source are deleted."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from incidents.fields import COUNT_COLUMNS
from incidents.models import COUNT_FIELDS, Incident
from ingest.models import IncidentSource


def incidents_reconcile(*, incident_ids: Iterable[int]) -> None:
    """Recompute counts from the sources; delete unreviewed drafts that have none left.

    Only the columns that change are written, with a new version; pinned counts are left alone.
    """
    ids = set(incident_ids)
    incidents = list(Incident.objects.select_for_update().filter(pk__in=ids))
    figures, sourced = source_figures(incidents)
    for incident in incidents:
        if incident.pk not in sourced:
            if not incident.is_reviewed:
                incident._history_user = None
                incident._change_reason = "no source left"
                incident.delete()
            continue
        before = incident.values(COUNT_COLUMNS)
        incident.reconcile_counts(figures[incident.pk])
        changed = incident.fields_changed_from(before)
        if changed:
            incident._history_user = None  # the ingest worker, whoever's request ran the task
            incident.save_versioned(fields=changed)


def source_figures(incidents: Sequence[Incident]) -> tuple[dict[int, dict[str, list[int]]], set[int]]:
    """Every figure the sources of each incident report, per count; and the incidents with any source."""
    figures: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    roles: dict[int, set[str]] = defaultdict(set)
    sources = list(IncidentSource.objects.filter(incident__in=[i.pk for i in incidents]))
    for source in sources:
        roles[source.incident_id].add(source.role)
    reviewed = {i.pk for i in incidents if i.is_reviewed}
    for source in sources:
        # Background figures (told in passing, often from memory) only shape a draft that no
        # article reports as news; they never move a reviewed incident's counts.
        only_background = IncidentSource.Role.PRIMARY not in roles[source.incident_id]
        if source.role == IncidentSource.Role.PRIMARY or (only_background and source.incident_id not in reviewed):
            for name in COUNT_FIELDS:
                figures[source.incident_id][name].extend(reported_figures(source.reported, name))
    return figures, set(roles)


def reported_figures(reported: dict[str, Any], name: str) -> list[int]:
    """Every figure for one count in an IncidentSource.reported (ours, or a reference entry's flat value)."""
    flat = reported.get(name)
    if isinstance(flat, int):
        return [flat]
    count = (reported.get("counts") or {}).get(name) or {}
    values = [r["value"] for r in count.get("reports") or [] if isinstance(r.get("value"), int)]
    values += [count[k] for k in ("best", "low", "high") if isinstance(count.get(k), int)]
    return values
