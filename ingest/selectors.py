"""Reads over articles: which incidents the articles that report them mention, and how sure their reading was."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypedDict

from django.db.models import Func, Q, QuerySet, TextField
from django.db.models.functions import Cast

from incidents.models import Incident
from ingest.extractor.confidence import REVIEW_BELOW
from ingest.models import IncidentSource

if TYPE_CHECKING:  # a typing helper of django-stubs, not needed at run time
    from django_stubs_ext import WithAnnotations


class EvidenceSentences(Func):
    """The evidence sentences of a source as one searchable text (the JSON of its values, on SQLite the
    whole JSON): what the public is shown of an article besides its title."""

    output_field = TextField()

    def __init__(self, expression: str = "evidence") -> None:
        super().__init__(Cast(expression, TextField()))

    def as_postgresql(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        # the Cast's own source, the evidence column (Func.get_source_expressions: its source_expressions)
        sql, params = compiler.compile(self.source_expressions[0].get_source_expressions()[0])
        return f"jsonb_path_query_array({sql}, '$.*.text')::text", params

    def as_sql(
        self,
        compiler: Any,
        connection: Any,
        function: str | None = None,
        template: str | None = None,
        arg_joiner: str | None = None,
        **extra_context: Any,
    ) -> Any:
        return compiler.compile(self.source_expressions[0])


class _IncidentId(TypedDict):
    incident_id: int


def incident_ids_citing(
    text: str, *, full_text: bool = False
) -> QuerySet[WithAnnotations[IncidentSource], _IncidentId]:
    """Ids of incidents with a source whose article title or evidence sentences contain ``text``; with
    ``full_text`` (editors only) also those whose article text does.

    The public sees titles and evidence sentences, never an article's whole text: searching that
    text for anonymous callers would let them read it out by guessing, a character at a time.
    A ``values("incident_id")`` subquery for ``id__in``: ``Incident.objects.search`` reaches it
    through ``settings.INCIDENT_SOURCE_SEARCH``, so the incidents app does not import ingest.
    """
    condition = Q(article__title__icontains=text) | Q(evidence_sentences__icontains=text)
    if full_text:
        condition |= Q(article__text__icontains=text)
    return (
        IncidentSource.objects.annotate(evidence_sentences=EvidenceSentences()).filter(condition).values("incident_id")
    )


def uncertain_fields(incident: Incident) -> dict[str, float]:
    """Fields the extractor read with a confidence below ``REVIEW_BELOW`` in any primary source of the incident
    (field name -> the lowest confidence), for the review screen to mark."""
    lowest: dict[str, float] = {}
    sources = incident.sources.filter(role=IncidentSource.Role.PRIMARY).values_list("reported", flat=True)
    for reported in sources:
        for name, value in ((reported or {}).get("field_confidence") or {}).items():
            lowest[name] = min(value, lowest.get(name, 1.0))
    return {name: value for name, value in lowest.items() if value < REVIEW_BELOW}
