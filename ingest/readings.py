"""What the parser read in an article, attack by attack, and what became of each.

The merge (``ingest.merge``) records one ``ArticleReading`` where it decides an attack's fate
(``reading_of``) and replaces the article's rows when the parse commits (``readings_replace``).
``article_readings`` is the read side: the rows as the article page and the articles API show them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.urls import reverse

from incidents.models import Incident
from incidents.querysets import merged_survivor
from ingest.models import Article, ArticleReading

if TYPE_CHECKING:
    from ingest.extractor.types import ExtractedIncident

# The evidence that best shows where the parser read an attack, in order of preference.
_SENTENCE_FIELDS = ("role", "base", "date", "country")


def reading_of(
    item: ExtractedIncident,
    *,
    position: int,
    outcome: ArticleReading.Outcome,
    incident: Incident | None = None,
    reason: str = "",
) -> ArticleReading:
    """An unsaved reading of one extracted attack with the merge's decision about it."""
    site = item.base.name if item.base is not None else ", ".join(p for p in (item.place, item.country) if p)
    sentence = next((item.evidence[name].text for name in _SENTENCE_FIELDS if name in item.evidence), "")
    return ArticleReading(
        position=position,
        role=ArticleReading.Role.PRIMARY if item.role == "primary" else ArticleReading.Role.BACKGROUND,
        role_reason=item.role_reason[:200],
        date=item.date,
        date_precision=str(item.date_precision) if item.date is not None else "",
        site=site[:300],
        sentence=sentence,
        summary=item.summary or "",
        confidence=item.confidence,
        outcome=outcome,
        incident=incident,
        incident_number=incident.pk if incident is not None else None,
        reason=reason,
    )


def readings_replace(*, article: Article, readings: Iterable[ArticleReading]) -> None:
    """Make ``readings`` the article's record of its parse (the previous parse's rows go)."""
    rows = sorted(readings, key=lambda r: r.position)
    for row in rows:
        row.article = article
    ArticleReading.objects.filter(article=article).delete()
    ArticleReading.objects.bulk_create(rows)


def _date_label(reading: ArticleReading) -> str:
    if reading.date is None:
        return "undated"
    if reading.date_precision == "year":
        return reading.date.strftime("%Y")
    if reading.date_precision == "month":
        return reading.date.strftime("%Y-%m")
    label = reading.date.isoformat()
    return f"week of {label}" if reading.date_precision == "week" else label


def article_readings(article: Article) -> list[dict[str, Any]]:
    """Every attack the last completed parse read, in the article's order, for its page and the API.

    ``outcome_label`` is what an editor reads ("New draft #12", "Joined incident #7", "Not kept");
    an incident since merged into another is followed to the survivor, one since deleted says so.
    Empty until the parse is done.
    """
    if article.status != Article.Status.DONE:
        return []
    rows = []
    for reading in article.readings.select_related("incident").order_by("position"):
        number = reading.incident_number
        incident = reading.incident
        later = ""
        if number is not None and incident is None:
            survivor = merged_survivor(number)
            if survivor is not None:
                incident, later = survivor, f"since merged into incident #{survivor.pk}"
            else:
                later = "that incident has since been deleted"
        if reading.outcome == ArticleReading.Outcome.CREATED:
            label = f"New draft #{number}"
        elif reading.outcome == ArticleReading.Outcome.JOINED:
            label = f"Joined incident #{number}"
        else:
            label = "Not kept"
        rows.append(
            {
                "position": reading.position + 1,
                "role": reading.role,
                "role_label": reading.get_role_display(),
                "role_reason": reading.role_reason,
                "date": reading.date.isoformat() if reading.date else None,
                "date_precision": reading.date_precision,
                "date_label": _date_label(reading),
                "site": reading.site,
                "sentence": reading.sentence,
                "summary": reading.summary,
                "confidence": reading.confidence,
                "outcome": reading.outcome,
                "outcome_label": label,
                "incident": number,
                "incident_status": incident.status if incident is not None else None,
                "review_url": reverse("ingest:review-incident", kwargs={"pk": incident.pk}) if incident else None,
                "reason": reading.reason,
                "since": later,
            }
        )
    return rows


def readings_summary(rows: list[dict[str, Any]]) -> str:
    """One line over an article's readings: "3 attacks read: 1 new draft, 0 joined, 2 not kept." ("" if none)."""
    if not rows:
        return ""
    tally = {kind: sum(1 for r in rows if r["outcome"] == kind) for kind in ArticleReading.Outcome.values}
    drafts = tally[ArticleReading.Outcome.CREATED]
    return (
        f"{len(rows)} attack{'s' if len(rows) != 1 else ''} read: {drafts} new draft{'s' if drafts != 1 else ''}, "
        f"{tally[ArticleReading.Outcome.JOINED]} joined an incident, {tally[ArticleReading.Outcome.NOT_KEPT]} not kept."
    )
