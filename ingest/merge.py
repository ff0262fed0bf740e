"""Merge an article's extracted incidents into the incident database.

Each extracted incident goes through four named steps (``_merge_one``):

* **match** (``_match``): an existing incident at the same place, by geography, not site
  identity alone: the same base, a base in the same compound (``Base.compound``: Victory Base
  Complex and the Diplomatic Support Center) or one within a few kilometres
  (``incidents.duplicates``), or, with no base, the same place and country; dated compatibly
  by precision (the same day, or a day off only when one of the two days is loose: read against
  the publication date or told as a night attack, ``ingest.dating``; overlapping week, month or
  year spans); with compatible weapons (the sets overlap, or either side is unknown). The
  closest date wins, then the same site. Rejected incidents match too, so a rejected attack
  never comes back to the review queue; its status is left alone.
* **create** (``_create``): no match, so a primary report becomes a new draft. A background
  mention that matches nothing becomes a draft only when it names a base and a day-precise
  date; anything vaguer ("attacks on US forces last year") is too thin to review and is
  recorded as skipped in the article's outcome.
* **absorb** (``_absorb``): a match takes in the report's other facts
  (``Incident.absorb_report``); published incidents stay published, and a field an editor
  set (``Incident.editor_fields``) is never overwritten: the source's differing figure stays
  in its ``reported`` values for the review screen.
* **link** (``_link``): the article becomes one of the incident's sources, with what it
  reported and the evidence for each field.

Afterwards the counts of every touched incident are reconciled across all its sources
(``ingest.reconcile.incidents_reconcile``, with ``Incident.reconcile_counts``: best = highest figure, low =
lowest, high = highest, the extractor's own rule).

Concurrency: all matching and writing for one article happens in one transaction that first
takes a PostgreSQL advisory lock per site (every base in the neighbourhood a report may match,
or place+country), in a fixed order. Two workers parsing two articles about the same attack
are serialized on that site, and the second one sees the first one's incident. Every write
is versioned (``Incident.save_versioned``): an editor whose form predates it gets a conflict,
not a silent overwrite. The worker's changes are recorded in the history with no user: they
read as made by the ingest worker.

Editors merge two incidents with ``incident_merge_into`` (the review screen's "Merge into…"
and ``POST /api/v1/incidents/<id>/merge/``): sources move, counts are reconciled, the absorbed
incident leaves a ``merged`` tombstone.

Every extracted attack's fate is recorded where it is decided (``_Run.read``, from ``skip`` and
``_link``): a new draft, an incident joined, or not kept with the reason; the article's
``ArticleReading`` rows are replaced when the merge ends (``ingest.readings``, shown on its page).

Re-processing replaces the article's own sources (updated in place, stale ones deleted) and
deletes unreviewed drafts left without any source, so running the task twice leaves the same
state.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db import connection, transaction
from django.utils import timezone

from incidents.duplicates import (
    SLACK_DAYS,
    Neighbourhoods,
    candidates_near,
    date_span,
    spans_overlap,
    weapons_compatible,
)
from incidents.models import (
    CODED_FIELDS,
    COUNT_FIELDS,
    Base,
    Faction,
    Incident,
    IncidentTombstone,
    StaleVersion,
    Weapon,
)
from ingest.dating import day_is_loose, incident_day_is_loose
from ingest.models import Article, ArticleReading, IncidentSource
from ingest.readings import reading_of, readings_replace
from ingest.reconcile import incidents_reconcile, source_figures

__all__ = ["incident_merge_into", "incidents_merge", "weapons_compatible"]

if TYPE_CHECKING:
    from ingest.extractor.types import ExtractedIncident


@dataclass
class _Run:
    article: Article
    bases: dict[str, Base]
    factions: dict[str, Faction]
    previous: dict[int, IncidentSource]
    neighbourhoods: Neighbourhoods
    outcome: dict[str, list[Any]] = field(
        default_factory=lambda: {"created": [], "joined": [], "linked": [], "skipped": []}
    )
    kept: dict[int, IncidentSource] = field(default_factory=dict)
    # Each extracted attack's place in the extractor's output (by identity), and what became of it.
    positions: dict[int, int] = field(default_factory=dict)
    readings: list[ArticleReading] = field(default_factory=list)

    def skip(self, item: ExtractedIncident, reason: str) -> None:
        where = item.base.name if item.base else item.place or item.country
        self.outcome["skipped"].append(f"{item.role} {item.date_iso() or 'undated'} {where}: {reason}")
        self.read(item, ArticleReading.Outcome.NOT_KEPT, reason=reason)

    def read(
        self, item: ExtractedIncident, outcome: ArticleReading.Outcome, *, incident: Incident | None = None, reason: str
    ) -> None:
        """Record the decision about one attack read, for the article page (``ingest.readings``)."""
        position = self.positions[id(item)]
        self.readings.append(reading_of(item, position=position, outcome=outcome, incident=incident, reason=reason))


def incidents_merge(*, article: Article, extracted: Sequence[ExtractedIncident]) -> dict[str, list[Any]]:
    """Map an article's extracted incidents onto Incident rows (see the module docstring).

    Must run inside a transaction. Returns the outcome: incident ids created, joined
    (primary report of an existing incident), linked (background mention), and skipped
    mentions with a reason.
    """
    run = _Run(
        article=article,
        bases={b.slug: b for b in Base.objects.filter(slug__in={e.base.slug for e in extracted if e.base})},
        factions={
            f.slug: f for f in Faction.objects.filter(slug__in={e.perpetrator.slug for e in extracted if e.perpetrator})
        },
        previous={s.incident_id: s for s in article.incident_sources.all()},
        neighbourhoods=Neighbourhoods(),
        positions={id(e): n for n, e in enumerate(extracted)},
    )
    _lock_sites(sorted({key for e in extracted for key in _site_keys(run, e)}))
    # Primary reports first, so a background mention of the same attack finds them. Exact dates
    # first: an article telling attacks on consecutive nights at one site pairs each with the
    # incident of its own day before any takes a neighbour's a day off.
    deferred = [
        item for item in sorted(extracted, key=lambda e: e.role != "primary") if not _merge_one(run, item, slack=0)
    ]
    for item in deferred:
        _merge_one(run, item, slack=SLACK_DAYS, final=True)

    stale = [pk for pk in run.previous if pk not in run.kept]
    IncidentSource.objects.filter(article=article, incident_id__in=stale).delete()
    incidents_reconcile(incident_ids=set(stale) | set(run.kept))
    readings_replace(article=article, readings=run.readings)
    return run.outcome


def _site_keys(run: _Run, item: ExtractedIncident) -> list[str]:
    """The advisory locks a report needs: every base it may match (its neighbourhood), or its place."""
    base = run.bases.get(item.base.slug) if item.base else None
    if base is not None:
        return [f"base:{pk}" for pk in run.neighbourhoods.of(base.pk)]
    return [f"place:{(item.country or '').upper()}:{(item.place or '').strip().casefold()}"]


def _lock_sites(keys: list[str]) -> None:
    """Serialize merges per site across workers (PostgreSQL advisory locks, released at commit)."""
    if connection.vendor != "postgresql":
        return  # SQLite serializes writers itself; it is the single-process dev database.
    with connection.cursor() as cursor:
        for key in keys:
            number = int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big", signed=True)
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [number])


# --- The steps -------------------------------------------------------------------------------


def _merge_one(run: _Run, item: ExtractedIncident, *, slack: int, final: bool = False) -> bool:
    """Match, then absorb or create, then link; False (nothing done) when no match and not ``final``."""
    base = run.bases.get(item.base.slug) if item.base else None
    perpetrator = run.factions.get(item.perpetrator.slug) if item.perpetrator else None
    if item.base is not None and base is None:
        run.skip(item, f"base {item.base.slug!r} is not in the gazetteer")
        return True
    if base is None and not item.country:
        run.skip(item, "no site and no country")
        return True
    on, precision = item.date, str(item.date_precision)
    if on is None:
        if item.role != "primary":
            run.skip(item, "undated background mention")
            return True
        # An undated news report happened shortly before publication.
        on, precision = run.article.published, "week"

    incident = _match(run, item, on, base, slack=slack)
    if incident is not None and incident.pk in run.kept:
        # another mention in this same article already reports it (background after primary)
        reason = f"the same attack as another report in this article, already a source of incident {incident.pk}"
        run.read(item, ArticleReading.Outcome.JOINED, incident=incident, reason=reason)
        return True
    if incident is None and not final:
        return False
    created = incident is None
    if incident is None:
        if item.role != "primary" and (base is None or item.date is None or item.date_precision != "day"):
            thin = "no base named" if base is None else f"dated to the {item.date_precision} only"
            run.skip(item, f"background mention matching no incident, too vague for a draft ({thin})")
            return True
        incident = _create(item, on, precision, base, perpetrator)
    else:
        _absorb(incident, item, perpetrator)
    _link(run, item, incident, created=created)
    return True


def _match(run: _Run, item: ExtractedIncident, on: dt.date, base: Base | None, *, slack: int) -> Incident | None:
    """The existing incident this report is about, if any (locked for update)."""
    # An undated news report happened in the days before publication.
    span = date_span(on, str(item.date_precision)) if item.date is not None else (on - dt.timedelta(days=6), on)
    country = base.country if base else (item.country or "")
    # Two primary reports in one article are two attacks, never one.
    own_primaries = [
        pk for pk, s in run.kept.items() if s.role == IncidentSource.Role.PRIMARY and item.role == "primary"
    ]
    candidates = (
        candidates_near(
            Incident.objects.exclude(pk__in=own_primaries),
            base_ids=run.neighbourhoods.of(base.pk) if base else set(),
            place=item.place or "",
            country=country,
            span=span,
        )
        .order_by("pk")
        .select_for_update()
    )
    fitting = [
        i
        for i in candidates
        if spans_overlap(span, date_span(i.date, i.date_precision), slack=_day_slack(item, i, slack))
        and weapons_compatible(i.weapons, item.weapons)
    ]
    if not fitting:
        return None
    status_rank: dict[str, int] = {"published": 0, "draft": 1, "rejected": 2}
    return min(
        fitting,
        key=lambda i: (
            abs((i.date - on).days),
            base is not None and i.base_id != base.pk,
            status_rank.get(i.status, 3),
            i.pk,
        ),
    )


def _day_slack(item: ExtractedIncident, incident: Incident, slack: int) -> int:
    """The day's tolerance between two day-precise dates only when one of them is loose (``ingest.dating``):
    told against the publication date or as a night attack. Two stated calendar days that differ are
    two attacks."""
    if not slack or item.date is None or item.date_precision != "day" or incident.date_precision != "day":
        return slack
    said = item.evidence.get("date")
    if said is not None and day_is_loose(said.text):
        return slack
    sources = IncidentSource.objects.filter(incident=incident).values_list("evidence", flat=True)
    return slack if incident_day_is_loose(date_pinned=incident.is_pinned("date"), source_evidence=sources) else 0


def _create(
    item: ExtractedIncident, on: dt.date, precision: str, base: Base | None, perpetrator: Faction | None
) -> Incident:
    """A new draft for a report that matches nothing."""
    if base is not None:
        where: dict[str, Any] = {
            "place": "",
            "latitude": base.latitude,
            "longitude": base.longitude,
            "location_precision": Incident.LocationPrecision.SITE,
            "country": base.country,
        }
    else:
        where = {
            "place": (item.place or "")[:200],
            "location_precision": Incident.LocationPrecision.TOWN if item.place else Incident.LocationPrecision.COUNTRY,
            "country": (item.country or "").upper(),
        }
    claimed = bool(item.claimed and perpetrator)
    incident = Incident(
        date=on,
        date_precision=precision,
        base=base,
        **where,
        weapons=sorted(set(item.weapons)) or [Weapon.UNKNOWN],
        perpetrator=perpetrator,
        claimed=claimed,
        claimed_by=perpetrator if claimed else None,
        summary=(item.summary or "")[:300],
        confidence=item.confidence,
        status=Incident.Status.DRAFT,
    )
    incident._history_user = None  # the ingest worker, whoever's request ran the task
    incident.save()
    return incident


def _absorb(incident: Incident, item: ExtractedIncident, perpetrator: Faction | None) -> None:
    """Fold a matching report's non-count facts into the incident (counts come at reconcile)."""
    before = incident.values()
    incident.absorb_report(
        weapons=list(item.weapons),
        perpetrator=perpetrator,
        claimed=item.claimed,
        date=item.date,
        date_precision=item.date_precision,
        summary=item.summary,
    )
    if item.date is not None and _states_the_day_of_a_loose_draft(incident, item):  # which checks the date too
        incident.date = item.date
    changed = incident.fields_changed_from(before)
    if changed:
        incident._history_user = None
        incident.save_versioned(fields=changed)


def _states_the_day_of_a_loose_draft(incident: Incident, item: ExtractedIncident) -> bool:
    """A report stating the calendar day corrects a draft dated only loosely a day off ("on Thursday")."""
    said = item.evidence.get("date")
    if (
        item.date is None
        or item.date == incident.date
        or item.date_precision != "day"
        or incident.date_precision != "day"
        or incident.is_reviewed
        or incident.is_pinned("date")
        or said is None
        or day_is_loose(said.text)
    ):
        return False
    sources = IncidentSource.objects.filter(incident=incident).values_list("evidence", flat=True)
    return incident_day_is_loose(date_pinned=False, source_evidence=sources)


def _link(run: _Run, item: ExtractedIncident, incident: Incident, *, created: bool) -> None:
    """Record the article as a source of the incident, and what this article did to it."""
    primary = item.role == "primary"
    source, _ = IncidentSource.objects.update_or_create(
        incident=incident,
        article=run.article,
        defaults={
            "role": IncidentSource.Role.PRIMARY if primary else IncidentSource.Role.BACKGROUND,
            "evidence": {name: ev.to_dict() for name, ev in item.evidence.items()},
            "reported": _reported(item),
        },
    )
    run.kept[incident.pk] = source
    previous_outcome = next(
        (kind for kind, ids in (run.article.outcome or {}).items() if kind != "skipped" and incident.pk in ids), None
    )
    kind = "created" if created or previous_outcome == "created" else "joined" if primary else "linked"
    run.outcome[kind].append(incident.pk)
    if kind == "created":
        reason = (
            "matched no recorded incident" if created else f"matched incident {incident.pk}, this article's own draft"
        )
        run.read(item, ArticleReading.Outcome.CREATED, incident=incident, reason=reason)
    else:
        mention = "a report" if primary else "a background mention"
        reason = f"{mention} of incident {incident.pk}: the same or a nearby site, a compatible date and weapons"
        run.read(item, ArticleReading.Outcome.JOINED, incident=incident, reason=reason)


def _reported(item: ExtractedIncident) -> dict[str, Any]:
    return {
        "date": item.date_iso(),
        "date_precision": item.date_precision,
        "base": item.base.slug if item.base else None,
        "place": item.place or "",
        "country": item.country or "",
        "weapons": list(item.weapons),
        "perpetrator": item.perpetrator.slug if item.perpetrator else None,
        "claimed": item.claimed,
        "confidence": item.confidence,
        "field_confidence": dict(item.field_confidence),
        "counts": {name: getattr(item, name).to_dict() for name in COUNT_FIELDS},
    }


# --- Editors' merge --------------------------------------------------------------------------


def incident_merge_into(
    *,
    absorbed_id: int,
    survivor_id: int,
    by: Any,
    absorbed_version: int | None = None,
    survivor_version: int | None = None,
) -> Incident:
    """Merge one incident into another that reports the same attack; returns the survivor.

    In one transaction, both rows locked (and, when given, checked against the versions the
    editor saw: ``StaleVersion`` otherwise): the absorbed incident's sources move to the
    survivor (an article reporting both keeps one source, primary if either was); its facts
    fill the survivor's gaps (``Incident.absorb_report``, editor-set fields untouched); the
    counts are reconciled over every source by the one rule (best = highest, low = lowest,
    high = highest), the absorbed incident's own counts taking part when an editor reviewed
    them; a published absorbed incident publishes the survivor. The survivor's history
    records the merge, the absorbed incident leaves a ``merged`` tombstone (earlier tombstones
    pointing at it now point at the survivor) and its URL redirects there. Raises
    ``Incident.DoesNotExist`` when either is gone (merged or deleted meanwhile).
    """
    if absorbed_id == survivor_id:
        raise ValueError("An incident cannot be merged into itself.")
    with transaction.atomic():
        # Locked in id order, so two merges of the same pair (either way round) cannot deadlock.
        locked = Incident.objects.select_for_update().filter(pk__in=[absorbed_id, survivor_id]).order_by("pk")
        rows = {i.pk: i for i in locked}
        if absorbed_id not in rows or survivor_id not in rows:
            raise Incident.DoesNotExist(f"incident {absorbed_id if absorbed_id not in rows else survivor_id} is gone")
        absorbed, survivor = rows[absorbed_id], rows[survivor_id]
        for incident, seen in ((absorbed, absorbed_version), (survivor, survivor_version)):
            if seen is not None and incident.version != seen:
                raise StaleVersion(incident_id=incident.pk, seen=seen)
        survivor_articles = {s.article_id: s for s in IncidentSource.objects.filter(incident=survivor)}
        for source in IncidentSource.objects.filter(incident=absorbed):
            kept = survivor_articles.get(source.article_id)
            if kept is None:
                IncidentSource.objects.filter(pk=source.pk).update(incident=survivor)
                continue
            if source.role == IncidentSource.Role.PRIMARY and kept.role != IncidentSource.Role.PRIMARY:
                kept.role, kept.reported, kept.evidence = source.role, source.reported, source.evidence
                kept.save(update_fields=["role", "reported", "evidence"])
            source.delete()

        before = survivor.values([*CODED_FIELDS, "status"])
        survivor.absorb_report(
            weapons=list(absorbed.weapons),
            perpetrator=absorbed.perpetrator,
            claimed=absorbed.claimed,
            date=absorbed.date,
            date_precision=absorbed.date_precision,
            summary=absorbed.summary,
        )
        figures = source_figures([survivor])[0][survivor.pk]
        if absorbed.is_reviewed:  # an editor's figures count as one more source
            for name in COUNT_FIELDS:
                figures[name].extend(v for v in absorbed.count_values(name) if v is not None)
        survivor.reconcile_counts(figures)
        if absorbed.status == Incident.Status.PUBLISHED and survivor.status != Incident.Status.PUBLISHED:
            survivor.status = Incident.Status.PUBLISHED
        changed = survivor.fields_changed_from(before)
        if survivor.status != before["status"]:
            survivor.reviewed_by, survivor.reviewed_at = by, timezone.now()
            changed += ["reviewed_by", "reviewed_at"]
        survivor._history_user = by
        survivor._change_reason = f"merged incident {absorbed.pk} into this one"
        survivor.save_versioned(fields=changed)

        IncidentTombstone.objects.filter(merged_into=absorbed).update(merged_into=survivor)
        absorbed._history_user = by
        absorbed._change_reason = f"merged into incident {survivor.pk}"
        absorbed.delete_with_tombstone(merged_into=survivor)
    survivor.refresh_from_db()
    return survivor
