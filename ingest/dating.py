"""How sure a report's day is: the rule the merge uses for two day-precise dates that differ.

Two reports dated to different days are two attacks, unless one of the days is *loose*:

* read against the publication date, not stated: a weekday ("on Thursday"), "yesterday", "last
  night", "today". The day then depends on when and where the copy was filed, and on a
  publication date that is itself often inferred; wire copy of an attack late on one day is
  routinely dated the next;
* or the attack is told as at night ("overnight", "late on Tuesday", "after midnight", "before
  dawn"): the local date and the date another outlet (or another time zone) gives differ.

A calendar date stated in the text ("on Oct. 18", "18 October 2023") is not loose, nor is a
date an editor set, nor a curated reference incident's: two such days that differ are two attacks
(militias struck the same base on consecutive days many times). A loose day matches an incident
a day off, never more; the exact day is always preferred (``ingest.merge``).

This reads the sentence the extractor gives as the date's evidence; it does not re-read dates.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_CALENDAR_DATE = re.compile(
    rf"\b{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b"  # Oct. 18, October 18th
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b"  # 18 October, 18th of Oct
    r"|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{4}\b",  # 2023-10-18, 18/10/2023
)
# "BAGHDAD, Nov 8 (Reuters) -": the filing date of the copy, not the attack's.
_DATELINE = re.compile(
    rf"^\s*[A-Z][A-Z .'-]+,\s*{_MONTH}\.?\s+\d{{1,2}}(?:,\s*\d{{4}})?\s*\([^)]*\)\s*[-\u2013\u2014]?\s*"
)
_NIGHT = re.compile(
    r"\b(?:overnight|late (?:on|at|in the)|midnight|before dawn|at dawn|early hours|small hours"
    r"|(?:at|last|during the|Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)\s*(?:day\s+)?night)\b",
    re.IGNORECASE,
)


def day_is_loose(evidence: str) -> bool:
    """True when the sentence behind a day-precise date reads it against publication or tells a night attack."""
    if _NIGHT.search(evidence):
        return True
    return not _CALENDAR_DATE.search(_DATELINE.sub("", evidence, count=1))


def evidence_day_is_loose(evidence: Mapping[str, Any] | None) -> bool:
    """``day_is_loose`` of a report's date evidence (``{"date": {"text": ...}}``); no evidence: not loose."""
    date = (evidence or {}).get("date") or {}
    text = date.get("text") if isinstance(date, Mapping) else None
    return bool(text) and day_is_loose(str(text))


def incident_day_is_loose(*, date_pinned: bool, source_evidence: Iterable[Mapping[str, Any] | None]) -> bool:
    """An incident's day is loose when no editor set it and every source that dated it did so loosely."""
    if date_pinned:
        return False
    dated = [e for e in source_evidence if (e or {}).get("date")]
    return bool(dated) and all(evidence_day_is_loose(e) for e in dated)
