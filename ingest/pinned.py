"""What later sources say about the fields an editor set: kept with attribution, shown on the review screen."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.dateparse import parse_datetime

from incidents.models import COUNT_FIELDS, Incident
from ingest.models import Article, IncidentSource


@dataclass(frozen=True)
class SourceDisagreement:
    """A later source's figure for a count the editor set: kept, not applied, for the editor to decide."""

    field: str
    reported: int
    editor_value: int | None
    article: Article
    attribution: str | None

    @property
    def message(self) -> str:
        said = f" ({self.attribution})" if self.attribution else ""
        return f"A new source reports {self.field} {self.reported}{said}; you set {_figure(self.editor_value)}."


def _figure(value: int | None) -> str:
    return "unknown" if value is None else str(value)


def pinned_disagreements(incident: Incident) -> list[SourceDisagreement]:
    """Figures that sources arriving after an editor set a count report differently, with their attribution."""
    pinned = {name: parse_datetime(at) for name, at in (incident.editor_fields or {}).items() if name in COUNT_FIELDS}
    if not pinned:
        return []
    found = []
    sources = incident.sources.filter(role=IncidentSource.Role.PRIMARY).select_related("article").order_by("pk")
    for source in sources:
        for name, since in pinned.items():
            if since is not None and source.created_at <= since:
                continue  # the editor had this source in front of them
            editor_value = getattr(incident, name)
            for value, attribution in _reports(source.reported, name):
                if value != editor_value:
                    found.append(SourceDisagreement(name, value, editor_value, source.article, attribution))
    return found


def _reports(reported: dict[str, object], name: str) -> list[tuple[int, str | None]]:
    """Each figure a source gave for one count, with who it attributed it to (one per distinct figure)."""
    flat = reported.get(name)
    if isinstance(flat, int):
        return [(flat, None)]
    count = (reported.get("counts") or {}).get(name) or {}  # type: ignore[union-attr]
    seen: dict[int, str | None] = {}
    for report in count.get("reports") or []:
        if isinstance(report.get("value"), int):
            seen.setdefault(report["value"], report.get("attribution"))
    if not seen and isinstance(count.get("best"), int):
        seen[count["best"]] = None
    return sorted(seen.items())
