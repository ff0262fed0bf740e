"""The incidents an article's last parse touched, for its page and the articles API."""

from __future__ import annotations

from typing import Any

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
