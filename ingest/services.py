"""Ingest workflows: submit an article, process it with the extractor, merge what it reports.

Merging rules (``incident_merge``):

* An extracted incident matches an existing one when it is at the same base (or, with no
  base, the same place and country), its date is within a day (wider for coarser
  precision: the same week, month or year), and the weapons are compatible (the sets
  overlap, or either side is unknown). Rejected incidents match too, so a rejected attack
  never comes back to the review queue; its status is left alone.
* A match gains the article as another source; the counts are then reconciled across
  every source (``Incident.reconcile_counts``: best = highest figure, low = lowest, high =
  highest, the extractor's own rule) and other facts folded in (``Incident.absorb_report``).
  Published incidents stay published.
* Otherwise a primary report becomes a new draft. A background mention that matches
  nothing becomes a draft only when it names a base and a day-precise date: anything
  vaguer ("attacks on US forces last year") is too thin to review and is recorded as
  skipped in the article's outcome.
* Concurrency: all matching and writing for one article happens in one transaction that
  first takes a PostgreSQL advisory lock per site (base, or place+country), in a fixed
  order. Two workers parsing two articles about the same attack are serialized on that
  site, and the second one sees the first one's incident.
* Re-processing replaces the article's own sources (updated in place, stale ones
  deleted) and deletes unreviewed drafts left without any source, so running the task
  twice leaves the same state.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import kombu.exceptions
import redis.exceptions
from django.conf import settings
from django.db import IntegrityError, InterfaceError, OperationalError, connection, transaction
from django.db.models import Count, Max, Q
from django.utils import timezone

from incidents.models import COUNT_FIELDS, Base, Faction, Incident, IncidentSource, Weapon
from ingest.models import Article, text_checksum

if TYPE_CHECKING:
    from ingest.extractor.types import ExtractedIncident, Gazetteer

logger = logging.getLogger(__name__)

# Errors worth retrying: the database or the broker went away for a moment.
TRANSIENT_ERRORS: tuple[type[BaseException], ...] = (
    OperationalError,
    InterfaceError,
    kombu.exceptions.OperationalError,
    redis.exceptions.ConnectionError,
    redis.exceptions.TimeoutError,
    ConnectionError,
)

# Enqueueing at submission must not keep an editor waiting on a dead broker: fail fast,
# the sweep will enqueue the article later.
ENQUEUE_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.2}

# ---------------------------------------------------------------------------
# Gazetteer for the extractor


_gazetteer_cache: dict[str, Any] = {"key": None, "value": None}


def gazetteer_records() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Bases and factions as the dicts ``Gazetteer.from_records`` takes."""
    sites = [
        {
            "slug": b.slug,
            "name": b.name,
            "aliases": list(b.aliases or []),
            "country": b.country,
            "lat": b.latitude,
            "lon": b.longitude,
            "kind": b.kind,
            "province": b.province,
        }
        for b in Base.objects.order_by("slug")
    ]
    factions = [
        {
            "slug": f.slug,
            "name": f.name,
            "aliases": list(f.aliases or []),
            "umbrella": f.umbrella.slug if f.umbrella else None,
        }
        for f in Faction.objects.select_related("umbrella").order_by("slug")
    ]
    return sites, factions


def gazetteer_get() -> Gazetteer:
    """The extractor's gazetteer built from the database, cached until a base or faction changes.

    The cache key is (count, latest ``updated_at``) of both tables: any edit, addition or
    deletion changes it, and checking it costs two aggregate queries.
    """
    from ingest.extractor.types import Gazetteer

    key = (
        tuple(Base.objects.aggregate(n=Count("id"), at=Max("updated_at")).values()),
        tuple(Faction.objects.aggregate(n=Count("id"), at=Max("updated_at")).values()),
    )
    if _gazetteer_cache["key"] != key:
        sites, factions = gazetteer_records()
        _gazetteer_cache["value"] = Gazetteer.from_records(sites, factions)
        _gazetteer_cache["key"] = key
    return _gazetteer_cache["value"]


# ---------------------------------------------------------------------------
# Submission


@dataclass(frozen=True)
class SubmitResult:
    article: Article
    created: bool


def article_find_duplicate(*, text: str, url: str = "") -> Article | None:
    """The stored article with the same URL or the same normalized text, if any."""
    match = Q(checksum=text_checksum(text))
    if url:
        match |= Q(url=url)
    return Article.objects.filter(match).order_by("pk").first()


def article_submit(
    *,
    text: str,
    published: dt.date,
    title: str = "",
    url: str = "",
    outlet: str = "",
    submitted_by: Any = None,
) -> SubmitResult:
    """Store an article as queued and enqueue its parse once the row is committed.

    A duplicate (same URL or same normalized text) is not stored again: the existing
    article is returned with ``created=False``. Input is assumed validated (forms/serializers).
    """
    existing = article_find_duplicate(text=text, url=url)
    if existing is not None:
        return SubmitResult(existing, created=False)
    article = Article(text=text, published=published, title=title, url=url, outlet=outlet, submitted_by=submitted_by)
    try:
        with transaction.atomic():
            article.save()
            transaction.on_commit(lambda: article_enqueue(article_id=article.pk))
    except IntegrityError:
        # Lost a race with an identical submission: the unique constraints decide.
        existing = article_find_duplicate(text=text, url=url)
        if existing is None:
            raise
        return SubmitResult(existing, created=False)
    return SubmitResult(article, created=True)


def article_enqueue(*, article_id: int) -> bool:
    """Send the parse task; a broker failure is logged, never raised (the sweep retries)."""
    from ingest.tasks import process_article

    try:
        process_article.apply_async((article_id,), retry_policy=ENQUEUE_RETRY_POLICY)
    except Exception:
        logger.warning("could not enqueue article %s; the sweep will retry", article_id, exc_info=True)
        return False
    return True


# ---------------------------------------------------------------------------
# Processing


def article_process(*, article_id: int) -> str:
    """Claim, parse and merge one article; returns the resulting status (or "skipped").

    Transient database/broker errors propagate (the task retries them) after handing the
    article back to the queue. Any extractor error marks the article failed, with the
    traceback in the log.
    """
    stale_before = timezone.now() - dt.timedelta(seconds=settings.INGEST_STUCK_AFTER)
    if not Article.objects.claim(pk=article_id, stale_before=stale_before):
        logger.info("article %s is not claimable (done, failed, missing or taken)", article_id)
        return "skipped"
    try:
        return _article_run(article_id)
    except TRANSIENT_ERRORS:
        try:
            Article.objects.release(pk=article_id)
        except TRANSIENT_ERRORS:
            logger.warning("could not release article %s; the sweep will reclaim it", article_id)
        raise


def _article_run(article_id: int) -> str:
    article = Article.objects.get(pk=article_id)
    attempt = article.attempts
    if article.is_reference:
        # Curated reference text is our own summary, never parsed.
        article.mark_done(extractor_version=article.extractor_version or "reference", outcome=article.outcome)
        return article.status
    if settings.INGEST_TEST_DELAY_SECONDS:
        time.sleep(settings.INGEST_TEST_DELAY_SECONDS)  # test seam: lets a test kill the worker mid-task
    try:
        from ingest.extractor import EXTRACTOR_VERSION, extract

        extracted = extract(article.text, article.published, gazetteer_get())
    except TRANSIENT_ERRORS:
        raise
    except Exception as exc:
        logger.exception("extractor failed on article %s", article_id)
        version = _extractor_version()
        article.mark_failed(error=f"The extractor failed: {type(exc).__name__}: {exc}", extractor_version=version)
        return article.status

    with transaction.atomic():
        # Fencing: if the sweep handed this article to another worker meanwhile, let it win.
        current = Article.objects.select_for_update().get(pk=article_id)
        if current.status != Article.Status.PROCESSING or current.attempts != attempt:
            logger.info("article %s was taken over by another attempt; dropping this one", article_id)
            return "skipped"
        outcome = incidents_merge(article=current, extracted=extracted)
        current.mark_done(extractor_version=EXTRACTOR_VERSION, outcome=outcome)
    return current.status


def _extractor_version() -> str:
    try:
        from ingest.extractor import EXTRACTOR_VERSION
    except Exception:
        return ""
    return str(EXTRACTOR_VERSION)


def articles_sweep(*, stuck_after: int | None = None) -> list[int]:
    """Re-enqueue articles left queued or processing for more than ``stuck_after`` seconds.

    Abandoned 'processing' rows go back to queued; every swept row gets a fresh
    ``status_changed_at`` so a backlog is not enqueued again on every run.
    """
    seconds = settings.INGEST_STUCK_AFTER if stuck_after is None else stuck_after
    before = timezone.now() - dt.timedelta(seconds=seconds)
    swept = []
    for pk in Article.objects.stuck(before=before).filter(is_reference=False).values_list("pk", flat=True)[:1000]:
        moved = (
            Article.objects.stuck(before=before)
            .filter(pk=pk)
            .update(status=Article.Status.QUEUED, status_changed_at=timezone.now())
        )
        if moved:
            swept.append(pk)
    for pk in swept:
        article_enqueue(article_id=pk)
    if swept:
        logger.info("swept %d stuck articles: %s", len(swept), swept)
    return swept


# ---------------------------------------------------------------------------
# Merging


@dataclass
class _Run:
    article: Article
    bases: dict[str, Base]
    factions: dict[str, Faction]
    previous: dict[int, IncidentSource]
    outcome: dict[str, list[Any]] = field(
        default_factory=lambda: {"created": [], "joined": [], "linked": [], "skipped": []}
    )
    kept: dict[int, IncidentSource] = field(default_factory=dict)


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
    )
    _lock_sites(sorted({_site_key(e) for e in extracted}))
    # Primary reports first, so a background mention of the same attack finds them.
    for item in sorted(extracted, key=lambda e: e.role != "primary"):
        _merge_one(run, item)

    stale = [pk for pk in run.previous if pk not in run.kept]
    IncidentSource.objects.filter(article=article, incident_id__in=stale).delete()
    incidents_reconcile(incident_ids=set(stale) | set(run.kept))
    return run.outcome


def incidents_reconcile(*, incident_ids: Iterable[int]) -> None:
    """Recompute counts from the sources; delete unreviewed drafts that have none left."""
    ids = set(incident_ids)
    figures: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    roles: dict[int, set[str]] = defaultdict(set)
    sources = list(IncidentSource.objects.filter(incident_id__in=ids))
    for source in sources:
        roles[source.incident_id].add(source.role)
    incidents = list(Incident.objects.select_for_update().filter(pk__in=ids))
    reviewed = {i.pk for i in incidents if i.is_reviewed}
    for source in sources:
        # Background figures (told in passing, often from memory) only shape a draft that no
        # article reports as news; they never move a reviewed incident's counts.
        only_background = IncidentSource.Role.PRIMARY not in roles[source.incident_id]
        if source.role == IncidentSource.Role.PRIMARY or (only_background and source.incident_id not in reviewed):
            for name in COUNT_FIELDS:
                figures[source.incident_id][name].extend(reported_figures(source.reported, name))
    for incident in incidents:
        if incident.pk not in roles:
            if not incident.is_reviewed:
                incident.delete()
            continue
        incident.reconcile_counts(figures[incident.pk])
        incident.save()


def reported_figures(reported: dict[str, Any], name: str) -> list[int]:
    """Every figure for one count in an IncidentSource.reported (ours, or a reference entry's flat value)."""
    flat = reported.get(name)
    if isinstance(flat, int):
        return [flat]
    count = (reported.get("counts") or {}).get(name) or {}
    values = [r["value"] for r in count.get("reports") or [] if isinstance(r.get("value"), int)]
    values += [count[k] for k in ("best", "low", "high") if isinstance(count.get(k), int)]
    return values


def weapons_compatible(a: Iterable[str], b: Iterable[str]) -> bool:
    """Overlapping sets, or one side unknown (empty or only 'unknown')."""
    known_a, known_b = set(a) - {Weapon.UNKNOWN}, set(b) - {Weapon.UNKNOWN}
    return not known_a or not known_b or bool(known_a & known_b)


def _site_key(item: ExtractedIncident) -> str:
    if item.base is not None:
        return f"base:{item.base.slug}"
    return f"place:{(item.country or '').upper()}:{(item.place or '').strip().casefold()}"


def _lock_sites(keys: list[str]) -> None:
    """Serialize merges per site across workers (PostgreSQL advisory locks, released at commit)."""
    if connection.vendor != "postgresql":
        return  # SQLite serializes writers itself; it is the single-process dev database.
    with connection.cursor() as cursor:
        for key in keys:
            number = int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big", signed=True)
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [number])


def _window(item: ExtractedIncident, on: dt.date) -> tuple[dt.date, int]:
    """Centre and half-width in days of the dates an attack reported this precisely may have."""
    if item.date_precision == "week":
        return on + dt.timedelta(days=3), 4
    if item.date_precision == "month":
        return on.replace(day=15), 16
    if item.date_precision == "year":
        return dt.date(on.year, 7, 2), 183
    return on, 1


def _find_match(run: _Run, item: ExtractedIncident, on: dt.date, base: Base | None) -> Incident | None:
    centre, days = _window(item, on)
    country = base.country if base else (item.country or "")
    candidates = (
        Incident.objects.near(
            base_id=base.pk if base else None, place=item.place or "", country=country, on=centre, days=days
        )
        # Two primary reports in one article are two attacks, never one.
        .exclude(
            pk__in=[
                pk for pk, s in run.kept.items() if s.role == IncidentSource.Role.PRIMARY and item.role == "primary"
            ]
        )
        .select_for_update()
    )
    fitting = [i for i in candidates if weapons_compatible(i.weapons, item.weapons)]
    if not fitting:
        return None
    status_rank: dict[str, int] = {"published": 0, "draft": 1, "rejected": 2}
    return min(fitting, key=lambda i: (abs((i.date - on).days), status_rank.get(i.status, 3), i.pk))


def _reported(item: ExtractedIncident) -> dict[str, Any]:
    return {
        "date": item.date_iso(),
        "date_precision": item.date_precision,
        "weapons": list(item.weapons),
        "perpetrator": item.perpetrator.slug if item.perpetrator else None,
        "claimed": item.claimed,
        "confidence": item.confidence,
        "counts": {name: getattr(item, name).to_dict() for name in COUNT_FIELDS},
    }


def _merge_one(run: _Run, item: ExtractedIncident) -> None:
    base = run.bases.get(item.base.slug) if item.base else None
    perpetrator = run.factions.get(item.perpetrator.slug) if item.perpetrator else None
    primary = item.role == "primary"
    label = f"{item.role} {item.date_iso() or 'undated'} {item.base.name if item.base else item.place or item.country}"
    if item.base is not None and base is None:
        run.outcome["skipped"].append(f"{label}: base {item.base.slug!r} is not in the gazetteer")
        return
    if base is None and not item.country:
        run.outcome["skipped"].append(f"{label}: no site and no country")
        return
    on = item.date
    precision: str = item.date_precision
    if on is None:
        if not primary:
            run.outcome["skipped"].append(f"{label}: undated background mention")
            return
        # An undated news report happened shortly before publication.
        on, precision = run.article.published, "week"

    incident = _find_match(run, item, on, base)
    if incident is not None and incident.pk in run.kept:
        # Another mention in this same article already reports it (background after primary).
        return
    weapons = sorted(set(item.weapons)) or [Weapon.UNKNOWN]
    created = False
    if incident is None:
        if not primary and (base is None or item.date is None or item.date_precision != "day"):
            run.outcome["skipped"].append(f"{label}: background mention matching no incident, too vague for a draft")
            return
        incident = Incident.objects.create(
            date=on,
            date_precision=precision,
            base=base,
            place="" if base else (item.place or "")[:200],
            latitude=base.latitude if base else None,
            longitude=base.longitude if base else None,
            location_precision=Incident.LocationPrecision.SITE
            if base
            else (Incident.LocationPrecision.TOWN if item.place else Incident.LocationPrecision.COUNTRY),
            country=base.country if base else (item.country or "").upper(),
            weapons=weapons,
            perpetrator=perpetrator,
            claimed=bool(item.claimed and perpetrator),
            claimed_by=perpetrator if item.claimed and perpetrator else None,
            summary=(item.summary or "")[:300],
            confidence=item.confidence,
            status=Incident.Status.DRAFT,
        )
        created = True
    else:
        incident.absorb_report(
            weapons=list(item.weapons),
            perpetrator=perpetrator,
            claimed=item.claimed,
            date=item.date,
            date_precision=item.date_precision,
            summary=item.summary,
        )
        incident.save()

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


# ---------------------------------------------------------------------------
# Re-processing


@dataclass
class ReprocessReport:
    article: Article
    status: str
    changes: list[str]


def _snapshot(article: Article) -> dict[int, tuple[Any, ...]]:
    return {
        s.incident_id: (s.role, s.incident.date, *(getattr(s.incident, n) for n in COUNT_FIELDS))
        for s in article.incident_sources.select_related("incident")
    }


def article_reprocess(*, article: Article) -> ReprocessReport:
    """Run the current extractor over a stored article, in this process, and say what changed."""
    before, version_before = _snapshot(article), article.extractor_version
    article.requeue()
    status = article_process(article_id=article.pk)
    article.refresh_from_db()
    after = _snapshot(article)
    changes = []
    for pk in sorted(set(before) | set(after)):
        if pk not in before:
            changes.append(f"+ incident {pk} ({after[pk][0]})")
        elif pk not in after:
            changes.append(f"- incident {pk}")
        elif before[pk] != after[pk]:
            fields = ("role", "date", *COUNT_FIELDS)
            diff = ", ".join(f"{f} {a}→{b}" for f, a, b in zip(fields, before[pk], after[pk], strict=True) if a != b)
            changes.append(f"~ incident {pk}: {diff}")
    if article.status == Article.Status.FAILED:
        changes.append(f"failed: {article.error}")
    if version_before != article.extractor_version:
        changes.append(f"extractor {version_before or '-'} → {article.extractor_version}")
    return ReprocessReport(article=article, status=status, changes=changes)


def articles_for_reprocess(*, since: dt.date | None = None) -> Iterable[Article]:
    articles = Article.objects.filter(is_reference=False).exclude(status=Article.Status.PROCESSING)
    if since is not None:
        articles = articles.filter(submitted_at__date__gte=since)
    return articles.order_by("pk").iterator()
