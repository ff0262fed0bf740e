"""What later sources say about the fields an editor set: kept with attribution, shown on the review screen.

A field an editor set (``Incident.editor_fields``) is never overwritten by a source (``ingest.merge``);
what a source that arrived after the editor's change reports differently is listed here, each with
the article and, for a count, whom the article attributes the figure to: "A new source reports
launched 4 (Iraqi security sources); you set 10." Every pinned field is compared the way a reader
would: the date by its precision (a report that only says "in January" does not contradict 16
January), the site by name, weapons a new source adds, a perpetrator it names, a claim it reports,
and the counts figure by figure.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from django.utils.dateparse import parse_datetime

from incidents.duplicates import date_span
from incidents.history import display_value
from incidents.models import COUNT_FIELDS, Base, Faction, Incident, Weapon
from ingest.models import Article, IncidentSource


@dataclass(frozen=True)
class SourceDisagreement:
    """A later source's value for a field the editor set: kept, not applied, for the editor to decide."""

    field: str  # the pinned name: a count ("launched"), "date", "site", "weapons", "perpetrator", "claimed"
    reported: str  # as a reader would write it
    editor_value: str
    article: Article
    attribution: str | None

    @property
    def message(self) -> str:
        said = f" ({self.attribution})" if self.attribution else ""
        return f"A new source reports {self.field} {self.reported}{said}; you set {self.editor_value}."


# Each pinned name (``incidents.models.pin_name``) and the check that reads a source against it.
_SITE_FIELDS = ("base", "place", "latitude", "longitude", "location_precision", "country")


def pinned_disagreements(incident: Incident) -> list[SourceDisagreement]:
    """What primary sources that arrived after an editor set a field report differently, with attribution."""
    pins = {name: parse_datetime(at) for name, at in (incident.editor_fields or {}).items()}
    checks = _checks(pins)
    if not checks:
        return []
    found = []
    sources = incident.sources.filter(role=IncidentSource.Role.PRIMARY).select_related("article").order_by("pk")
    for source in sources:
        for since, check in checks:
            if since is not None and source.created_at <= since:
                continue  # the editor had this source in front of them
            for reported, editor_value, field, attribution in check(incident, source.reported or {}):
                found.append(SourceDisagreement(field, reported, editor_value, source.article, attribution))
    return found


_Found = tuple[str, str, str, str | None]  # reported, editor's value, field, attribution
_Check = Callable[[Incident, dict[str, Any]], Iterator[_Found]]


def _checks(pins: dict[str, dt.datetime | None]) -> list[tuple[dt.datetime | None, _Check]]:
    """The checks for the pinned fields, each with the moment its field was (last) set."""

    def when(*names: str) -> dt.datetime | None:
        stamps = [stamp for n in names if (stamp := pins.get(n)) is not None]
        return max(stamps) if stamps else None

    checks: list[tuple[dt.datetime | None, _Check]] = [
        (when(name), _count_check(name)) for name in COUNT_FIELDS if name in pins
    ]
    groups: list[tuple[tuple[str, ...], _Check]] = [
        (("date", "date_precision"), _date),
        (_SITE_FIELDS, _site),
        (("weapons",), _weapons),
        (("perpetrator",), _perpetrator),
        (("claimed", "claimed_by"), _claimed),
    ]
    checks += [(when(*names), check) for names, check in groups if any(n in pins for n in names)]
    return checks


def _count_check(name: str) -> _Check:
    def check(incident: Incident, reported: dict[str, Any]) -> Iterator[_Found]:
        editor_value = getattr(incident, name)
        mine = "unknown" if editor_value is None else str(editor_value)
        for value, attribution in _count_reports(reported, name):
            if value != editor_value:
                yield str(value), mine, name, attribution

    return check


def _count_reports(reported: dict[str, Any], name: str) -> list[tuple[int, str | None]]:
    """Each figure a source gave for one count, with who it attributed it to (one per distinct figure)."""
    flat = reported.get(name)
    if isinstance(flat, int):
        return [(flat, None)]
    count = (reported.get("counts") or {}).get(name) or {}
    seen: dict[int, str | None] = {}
    for report in count.get("reports") or []:
        if isinstance(report.get("value"), int):
            seen.setdefault(report["value"], report.get("attribution"))
    if not seen and isinstance(count.get("best"), int):
        seen[count["best"]] = None
    return sorted(seen.items())


def _date(incident: Incident, reported: dict[str, Any]) -> Iterator[_Found]:
    """A reported date contradicts the editor's, or pins it finer; one that only contains it says nothing new."""
    on, precision = _reported_day(reported.get("date")), str(reported.get("date_precision") or "day")
    if on is None:
        return
    theirs, mine = date_span(on, precision), date_span(incident.date, incident.date_precision)
    if theirs[0] <= mine[0] and mine[1] <= theirs[1]:
        return  # as coarse as or coarser than the editor's, and agreeing
    shown = Incident(date=on, date_precision=precision).date_display
    yield shown, incident.date_display, "date", None


def _reported_day(text: object) -> dt.date | None:
    """The first day of a reported date: "2024-01-16", "2024-01" (month) or "2024" (year)."""
    if not isinstance(text, str):
        return None
    try:
        return dt.date.fromisoformat({4: f"{text}-01-01", 7: f"{text}-01"}.get(len(text), text))
    except ValueError:
        return None


def _site(incident: Incident, reported: dict[str, Any]) -> Iterator[_Found]:
    slug = reported.get("base")
    if not slug or (incident.base is not None and incident.base.slug == slug):
        return
    name = Base.objects.filter(slug=slug).values_list("name", flat=True).first() or str(slug)
    mine = str(incident.base) if incident.base is not None else (incident.place or incident.get_country_display())
    yield name, mine, "site", None


def _weapons(incident: Incident, reported: dict[str, Any]) -> Iterator[_Found]:
    theirs = set(reported.get("weapons") or []) - {Weapon.UNKNOWN}
    if theirs - set(incident.weapons or []):
        yield display_value("weapons", sorted(theirs)), display_value("weapons", incident.weapons), "weapons", None


def _perpetrator(incident: Incident, reported: dict[str, Any]) -> Iterator[_Found]:
    slug = reported.get("perpetrator")
    if not slug or (incident.perpetrator is not None and incident.perpetrator.slug == slug):
        return
    name = Faction.objects.filter(slug=slug).values_list("name", flat=True).first() or str(slug)
    yield name, display_value("perpetrator", incident.perpetrator_id), "perpetrator", None


def _claimed(incident: Incident, reported: dict[str, Any]) -> Iterator[_Found]:
    if reported.get("claimed") is True and not incident.claimed:
        claimant = reported.get("perpetrator")
        name = Faction.objects.filter(slug=claimant).values_list("name", flat=True).first() if claimant else None
        yield f"a claim{f' by {name}' if name else ''}", "no claim", "claimed", None
