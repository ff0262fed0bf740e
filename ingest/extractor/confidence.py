"""How sure the reading of each field is: a number in [0, 1] per field, from how the value was found.

The figures are priors by kind of evidence (a day named in the attack's own sentence, a count two sources agree
on, a claim in the group's own words ...), checked against the dev set by ``bench/extractor.py``, which prints how
often fields in each band are right. The review screen marks fields below ``REVIEW_BELOW`` for the editor.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ingest.extractor.types import COUNT_FIELDS, Count

REVIEW_BELOW = 0.7
# The highest confidence a field read from an article in a language not read in full can have: below the review
# mark, so that the editor checks every field (``language.Language.read``)
PARTIAL_READING_CONFIDENCE = 0.6
FIELDS = ("date", "base", "weapons", *COUNT_FIELDS, "perpetrator", "claimed")


@dataclass
class Reading:
    """What assembly learnt about how each value was found."""

    role: str
    date_source: str  # own | related | reporting | publication
    date_precision: str
    named_site: bool
    site_by_landmark: bool
    weapons: tuple[str, ...]
    weapon_sources: int  # sentences that name a weapon of the attack
    counts: dict[str, Count]
    inferred: set[str] = field(default_factory=set)  # counts read from 'shot them down', 'the rocket', 'all but'
    perpetrator_kind: str = "none"  # claim | blame | none
    claim_kind: str = "silent"  # claim | denied | silent
    read_in_full: bool = True  # the article's language is read in full (English)


_DATE = {"own": 0.95, "related": 0.8, "reporting": 0.65, "publication": 0.5}


def _count(c: Count, inferred: bool) -> float:
    if c.best is None:
        return 0.8  # not stated: usually right to leave empty, but a figure may have been missed
    values = {r.value for r in c.reports}
    if inferred:
        return 0.75
    if len(values) > 1:
        return 0.7  # sources disagree: best = highest, the editor should look
    if c.best == 0:
        return 0.9
    return 0.92 if len(c.reports) == 1 else 0.96


def field_confidence(r: Reading) -> dict[str, float]:
    out: dict[str, float] = {}
    date = _DATE[r.date_source]
    if r.date_precision != "day":
        date = min(date, 0.85)
    out["date"] = date
    out["base"] = 0.95 if r.named_site and not r.site_by_landmark else (0.6 if r.site_by_landmark else 0.7)
    if r.weapons == ("unknown",):
        out["weapons"] = 0.6
    elif len(r.weapons) > 1:
        out["weapons"] = 0.75
    else:
        out["weapons"] = 0.95 if r.weapon_sources > 1 else 0.9
    for name in COUNT_FIELDS:
        out[name] = _count(r.counts[name], name in r.inferred)
    out["perpetrator"] = {"claim": 0.92, "blame": 0.8, "none": 0.85}[r.perpetrator_kind]
    out["claimed"] = {"claim": 0.92, "denied": 0.97, "silent": 0.88}[r.claim_kind]
    if r.role == "background":
        out = {k: round(v * 0.85, 3) for k, v in out.items()}
    if not r.read_in_full:
        out = {k: min(v, PARTIAL_READING_CONFIDENCE) for k, v in out.items()}
    return {k: round(v, 3) for k, v in out.items()}


def overall(fields: dict[str, float]) -> float:
    """The incident's confidence: the mean of its fields'."""
    return round(sum(fields.values()) / len(fields), 3) if fields else 0.0
