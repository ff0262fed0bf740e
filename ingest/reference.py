"""Load the curated reference incidents (incidents/data/reference_incidents.json) with their sources.

Each entry is a real, publicly reported attack with the source we took the facts from.
It becomes a PUBLISHED incident whose primary source is an ``Article`` marked
``is_reference``: the article keeps the entry's URL, title and outlet, and its text is our own
summary (never the outlet's words, never parsed). Entries that cite the same URL share one
article whose text is their summaries joined, so every incident's evidence points at its own
sentence by offset. An entry's ``also_sources`` (further reports of the same attack, each with
``source_url``, ``source_title`` and ``outlet``) become further sources of its incident the same
way. Where sources disagree on a count the entry carries ``<count>_low``/``<count>_high`` beside
the best figure, as the incident model does.

Loading is idempotent: an entry is skipped when an incident at the same base (or a base in the
same compound, ``Base.colocated()``) on the same date (or the same place and country, for entries
without a base) already exists, whatever its status, so editors' corrections and rejections are
never overwritten.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction

from incidents.fields import COUNT_COLUMNS
from incidents.models import COUNT_FIELDS, Base, Faction, Incident
from ingest.models import Article, IncidentSource, text_checksum

# The curated data sits with the gazetteer it refers to.
REFERENCE_FILE = Path(__file__).resolve().parent.parent / "incidents" / "data" / "reference_incidents.json"
SEPARATOR = "\n\n"


@dataclass
class ReferenceReport:
    created: int = 0
    existing: int = 0
    articles_created: int = 0
    problems: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return (
            f"{self.created} incidents created, {self.existing} already present, "
            f"{self.articles_created} reference articles created"
        )


def _citations(entry: dict[str, Any]) -> list[dict[str, Any]]:
    """The entry's main source first, then its ``also_sources``."""
    return [entry, *(entry.get("also_sources") or [])]


def _article_text(url: str, entries: list[dict[str, Any]]) -> str:
    text = SEPARATOR.join(e["summary"].strip() for e in entries)
    if Article.objects.filter(checksum=text_checksum(text)).exists():
        # Two reports of the very same attacks would get one text; the URL keeps them apart.
        text += f"{SEPARATOR}Source: {url}"
    return text


def _reference_article(citation: dict[str, Any], entries: list[dict[str, Any]], report: ReferenceReport) -> Article:
    url = citation["source_url"]
    article = Article.objects.filter(url=url).first()
    if article is not None:
        return article
    article = Article.objects.create(
        url=url,
        title=citation.get("source_title") or "",
        outlet=citation.get("outlet") or "",
        # The outlet's own publication date is not recorded; the latest event it covers is a floor.
        published=max(dt.date.fromisoformat(e["date"]) for e in entries),
        text=_article_text(url, entries),
        status=Article.Status.DONE,
        is_reference=True,
        extractor_version="reference",
    )
    report.articles_created += 1
    return article


def _exists(entry: dict[str, Any], base: Base | None, on: dt.date) -> bool:
    if base is not None:
        # An attack on a compound is often reported under another of its sites' names.
        return Incident.objects.filter(base__in=base.colocated(), date=on).exists()
    return Incident.objects.filter(
        base__isnull=True, date=on, country=entry["country"], place__iexact=entry.get("place") or ""
    ).exists()


def _evidence(article: Article, summary: str) -> dict[str, Any]:
    start = article.text.find(summary)
    if start < 0:
        return {}
    return {"summary": {"text": summary, "start": start, "end": start + len(summary)}}


@transaction.atomic
def reference_incidents_load(*, path: Path = REFERENCE_FILE) -> ReferenceReport:
    """Create the reference incidents that are not in the database yet; see the module docstring."""
    report = ReferenceReport()
    entries: list[dict[str, Any]] = json.loads(path.read_text())
    bases = {b.slug: b for b in Base.objects.all()}
    factions = {f.slug: f for f in Faction.objects.all()}
    by_url: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for entry in entries:
        for citation in _citations(entry):
            by_url[citation["source_url"]].append(entry)

    for entry in entries:
        on = dt.date.fromisoformat(entry["date"])
        base = bases.get(entry["base"]) if entry.get("base") else None
        if entry.get("base") and base is None:
            report.problems.append(f"{entry['date']}: unknown base {entry['base']!r} (run load_gazetteer first)")
            continue
        if _exists(entry, base, on):
            report.existing += 1
            continue
        perpetrator = factions.get(entry["perpetrator"]) if entry.get("perpetrator") else None
        counts = {f: entry.get(f) for f in COUNT_FIELDS}
        ranges = {c: entry.get(c) for c in COUNT_COLUMNS if c not in COUNT_FIELDS}
        incident = Incident(
            date=on,
            date_precision=entry.get("date_precision") or Incident.DatePrecision.DAY,
            base=base,
            place=entry.get("place") or "",
            latitude=base.latitude if base else None,
            longitude=base.longitude if base else None,
            location_precision=Incident.LocationPrecision.SITE if base else Incident.LocationPrecision.COUNTRY,
            country=entry["country"],
            weapons=list(entry.get("weapons") or []),
            perpetrator=perpetrator,
            claimed=bool(entry.get("claimed")),
            claimed_by=perpetrator if entry.get("claimed") else None,
            status=Incident.Status.PUBLISHED,
            summary=entry["summary"][:300],
            **counts,
            **ranges,
        )
        incident._change_reason = "Loaded from the reference data set"
        incident.save()
        for citation in _citations(entry):
            article = _reference_article(citation, by_url[citation["source_url"]], report)
            IncidentSource.objects.create(
                incident=incident,
                article=article,
                role=IncidentSource.Role.PRIMARY,
                evidence=_evidence(article, entry["summary"].strip()),
                reported={k: v for k, v in {**counts, "weapons": entry.get("weapons")}.items() if v is not None},
            )
        report.created += 1
    return report
