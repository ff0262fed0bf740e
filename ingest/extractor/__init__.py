"""Basewatch article extractor: the attacks on US/coalition sites that a news article reports.

Pure Python (spaCy blank English tokenizer, sentencizer and Matcher; no model, no network, no
Django). ``extract(text, published, gazetteer)`` runs the ordered rules in ``pipeline.RULES``:

1. split sentences; 2. find sites (aliases + transliteration skeletons), factions, weapons,
dates (resolved against ``published``, never after it), figures and cues per sentence;
3. anchor an incident on each sentence that reports an attack on a coalition site (vetoing
US/allied strikes, shipping, foiled launches, tallies, threats, strikes on declared other
targets); 4. fold unnamed "a US base in Iraq" into the named site of the same story;
5. attach the following sentences to the attack they describe; 6. drop attacks that officials
say were not aimed at the site; 7. date undated attacks from their own sentences or the lead;
8. assemble counts, weapons, perpetrator, confidence and evidence.

Roles: ``background`` when the attack is dated in the past ("in August", "last week",
"earlier this year", a day more than a week before publication) or told as an earlier event
("... after two rockets on Sunday targeted X"); otherwise ``primary``.

Counts: every source's figure is kept as a ``Report`` with its attribution. One rule sets
best/low/high for every count: **best = the highest reported figure, low = the lowest,
high = the highest** — lower figures in wire copy are nearly always partial (the rockets that
landed inside the base, casualties confirmed so far). "No casualties" gives 0 killed and
0 injured; "no injuries" gives 0 injured only; "no US casualties" says nothing about others.

Perpetrator: a named group only when the sentence reports its claim or officials blaming it;
generic statements ("most of the recent attacks", "150 times") never count.
"""

from __future__ import annotations

import datetime as dt

from ingest.extractor.pipeline import run
from ingest.extractor.types import ExtractedIncident, Gazetteer

EXTRACTOR_VERSION = "2026.11.1"

__all__ = ["EXTRACTOR_VERSION", "ExtractedIncident", "Gazetteer", "extract"]


def extract(text: str, published: dt.date, gazetteer: Gazetteer) -> list[ExtractedIncident]:
    """The incidents ``text`` reports, primary (the news) and background (earlier attacks in passing)."""
    return run(text, published, gazetteer)
