"""Reads over articles: which incidents the articles that report them mention, and how sure their reading was."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from incidents.models import Incident
from ingest.extractor.confidence import REVIEW_BELOW
from ingest.models import Article, IncidentSource


def incident_ids_citing(text: str) -> QuerySet[IncidentSource, dict[str, int]]:
    """Ids of incidents with a source article whose title or text contains ``text``.

    A ``values("incident_id")`` subquery for ``id__in``: ``Incident.objects.search`` reaches it
    through ``settings.INCIDENT_SOURCE_SEARCH``, so the incidents app does not import ingest.
    """
    articles = Article.objects.filter(Q(title__icontains=text) | Q(text__icontains=text))
    return IncidentSource.objects.filter(article__in=articles).values("incident_id")


def uncertain_fields(incident: Incident) -> dict[str, float]:
    """Fields the extractor read with a confidence below ``REVIEW_BELOW`` in any primary source of the incident
    (field name -> the lowest confidence), for the review screen to mark."""
    lowest: dict[str, float] = {}
    sources = incident.sources.filter(role=IncidentSource.Role.PRIMARY).values_list("reported", flat=True)
    for reported in sources:
        for name, value in ((reported or {}).get("field_confidence") or {}).items():
            lowest[name] = min(value, lowest.get(name, 1.0))
    return {name: value for name, value in lowest.items() if value < REVIEW_BELOW}
