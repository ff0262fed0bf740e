"""The incidents an article's last parse touched, for its page and the articles API."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.urls import reverse

from ingest.models import Article, IncidentSource


def article_links(article: Article) -> list[dict[str, Any]]:
    outcome = article.outcome or {}
    kind_of = {pk: kind for kind in ("created", "joined", "linked") for pk in outcome.get(kind, [])}
    sources = article.incident_sources.select_related("incident", "incident__base").order_by("incident__date")
    return [
        {
            "id": s.incident_id,
            "label": str(s.incident),
            "url": s.incident.get_absolute_url(),
            "review_url": reverse("ingest:review-incident", kwargs={"pk": s.incident_id}),
            "role": s.role,
            "outcome": kind_of.get(s.incident_id, "joined" if s.role == IncidentSource.Role.PRIMARY else "linked"),
            "status": s.incident.status,
        }
        for s in sources
    ]


def submitted_message(article: Article) -> tuple[int, str]:
    """The message shown after a submission, true to the status the article has now.

    Without a broker the parse runs in-process before the answer, so it is already done or failed;
    with one it is queued and the article page follows it live.
    """
    if article.status == Article.Status.DONE:
        n = len(article_links(article))
        found = f"{n} incident{'s' if n != 1 else ''} created or joined" if n else "no incident found"
        return messages.SUCCESS, f"Article parsed: {found}."
    if article.status == Article.Status.FAILED:
        return messages.ERROR, f"Article saved, but the parse failed: {article.error or 'no reason recorded'}."
    if article.status == Article.Status.PROCESSING:
        return messages.INFO, "Article saved and being parsed now; this page updates when it is done."
    return messages.INFO, "Article queued for parsing; this page updates when it is done."
