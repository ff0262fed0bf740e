"""Reads over articles for other apps: which incidents the articles that report them mention."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from ingest.models import Article, IncidentSource


def incident_ids_citing(text: str) -> QuerySet[IncidentSource, dict[str, int]]:
    """Ids of incidents with a source article whose title or text contains ``text``.

    A ``values("incident_id")`` subquery for ``id__in``: ``Incident.objects.search`` reaches it
    through ``settings.INCIDENT_SOURCE_SEARCH``, so the incidents app does not import ingest.
    """
    articles = Article.objects.filter(Q(title__icontains=text) | Q(text__icontains=text))
    return IncidentSource.objects.filter(article__in=articles).values("incident_id")
