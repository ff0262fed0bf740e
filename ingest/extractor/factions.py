"""Find named armed groups; whether one is the perpetrator is decided in ``claims``."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.util import filter_spans

from ingest.extractor.names import alias_variants, is_acronym, token_pattern
from ingest.extractor.sentences import nlp
from ingest.extractor.types import Faction, Gazetteer


@dataclass(frozen=True)
class FactionMention:
    faction: Faction
    start: int
    end: int
    text: str


class FactionMatcher:
    def __init__(self, gazetteer: Gazetteer) -> None:
        self.factions = {f.slug: f for f in gazetteer.factions}
        self.matcher = Matcher(nlp().vocab)
        for faction in gazetteer.factions:
            patterns = []
            for alias in {faction.name, *faction.aliases}:
                if not alias.isascii():
                    continue
                if is_acronym(alias):
                    patterns.append([{"ORTH": t.text} for t in nlp().make_doc(alias)])
                    continue
                # a lower-case generic phrase ("the revolutionaries") is not the group's name
                if alias.lower().startswith("the ") and len(alias.split()) == 2:
                    patterns.append([{"ORTH": t.text} for t in nlp().make_doc(alias)])
                    continue
                for variant in alias_variants(alias):
                    pattern = token_pattern(nlp().make_doc(variant))
                    if pattern:
                        patterns.append(pattern)
            self.matcher.add(faction.slug, patterns)

    def find(self, doc: Doc) -> list[FactionMention]:
        spans = []
        for match_id, start, end in self.matcher(doc):
            span = doc[start:end]
            span.label_ = doc.vocab.strings[match_id]
            spans.append(span)
        return [
            FactionMention(self.factions[s.label_], s.start_char, s.end_char, s.text)
            for s in sorted(filter_spans(spans), key=lambda s: s.start)
        ]
