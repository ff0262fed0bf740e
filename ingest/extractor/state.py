"""The reading state the pipeline's rules fill in, one stage after another."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc

from ingest.extractor.events import Draft, Facts
from ingest.extractor.factions import FactionMatcher
from ingest.extractor.language import ENGLISH, Language
from ingest.extractor.sentences import Sentence
from ingest.extractor.sites import SiteMatcher
from ingest.extractor.types import ExtractedIncident, Gazetteer


@dataclass(frozen=True)
class Compiled:
    sites: SiteMatcher
    factions: FactionMatcher


@cache
def compiled(gazetteer: Gazetteer) -> Compiled:
    """Matchers built once per gazetteer (the frozen Gazetteer is the cache key)."""
    return Compiled(SiteMatcher(gazetteer), FactionMatcher(gazetteer))


@dataclass
class State:
    text: str
    published: dt.date
    gazetteer: Gazetteer
    doc: Doc | None = None
    sentences: list[Sentence] = field(default_factory=list)
    title_lines: int = 0  # how many sentences are title lines (sentences.title_lines)
    language: Language = ENGLISH  # the language the article is written in (language.written_in)
    facts: list[Facts] = field(default_factory=list)
    drafts: list[Draft] = field(default_factory=list)
    owner: dict[int, list[Draft]] = field(default_factory=dict)  # sentence index -> drafts it informs
    incidents: list[ExtractedIncident] = field(default_factory=list)

    @property
    def lead(self) -> list[Facts]:
        """The lead as a reader meets it: the first sentences, title lines and bylines among them."""
        return self.facts[:LEAD_SENTENCES]

    @property
    def lead_attacks(self) -> list[Facts]:
        """The lead as a coder reads it: the first sentences that tell an attack (a byline tells none)."""
        return [f for f in self.facts if f.attack][:LEAD_SENTENCES]

    def drop_primaries(self, no_attack: Callable[[Draft], bool]) -> None:
        """Drop the primary drafts that ``no_attack`` finds were no attack on a coalition site (a drill, a watching
        flight, a denied report...); background drafts stay, as the article still recalls them."""
        self.drafts = [d for d in self.drafts if d.role != "primary" or not no_attack(d)]


# How many sentences make an article's lead
LEAD_SENTENCES = 3
