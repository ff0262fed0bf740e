"""The incidents an article's last parse touched, for its page and the articles API."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.urls import reverse

from ingest.models import Article, IncidentSource
from ingest.tasks import parse_mode


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
    """The message shown after a submission, true to the status the article has now and to who parses it.

    With a worker the article is queued for it; without a broker it is parsed in this process, in a
    background thread after this answer (so usually still queued or being parsed) or, inline, before it.
    The article page follows the status live in every case.
    """
    if article.status == Article.Status.DONE:
        n = len(article_links(article))
        found = f"{n} incident{'s' if n != 1 else ''} created or joined" if n else "no incident found"
        return messages.SUCCESS, f"Article parsed: {found}."
    if article.status == Article.Status.FAILED:
        return messages.ERROR, f"Article saved, but the parse failed: {article.error or 'no reason recorded'}."
    follow = "this page updates when it is done."
    if parse_mode() == "worker":
        if article.status == Article.Status.PROCESSING:
            return messages.INFO, f"Article saved; a worker is parsing it now; {follow}"
        return messages.INFO, f"Article queued for parsing by a worker; {follow}"
    if article.status == Article.Status.PROCESSING:
        return messages.INFO, f"Article saved and being parsed on this server now; {follow}"
    return messages.INFO, f"Article saved; it is parsed on this server in the background, next in line; {follow}"
