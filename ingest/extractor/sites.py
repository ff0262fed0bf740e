"""Find gazetteer sites in a parsed article, through aliases and transliteration variants."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.util import filter_spans

from ingest.extractor.names import alias_variants, is_acronym, skeleton, token_pattern
from ingest.extractor.sentences import nlp
from ingest.extractor.types import Gazetteer, Site

# A one-word alias such as "al-Asad" is also a family name ("Bashar al-Assad"); these
# neighbours show the word names a person or a government, not a base.
_PERSON_BEFORE = frozenset({"bashar", "president", "hafez", "maher", "asma", "mr", "dr"})
_PERSON_AFTER = frozenset({"regime", "government", "family", "loyalists", "'s", "’s", "forces", "administration"})
_FACILITY_WORDS = frozenset(
    {"base", "airbase", "air", "airport", "airfield", "garrison", "camp", "field", "oilfield", "complex", "site"}
)

# Descriptions with no alias: "the US diplomatic complex in Baghdad", "the American consulate in Erbil".
_DIPLOMATIC = re.compile(
    r"\b(?:U\.?S\.?|US|American|United States)(?:-run)?\s+(?P<kind>embassy|consulate|diplomatic (?:complex|compound|"
    r"facility|mission))(?:\s+(?:compound|complex|general))?\s+(?:in|at|near)\s+(?P<city>[A-Z][a-z]+)"
)


@dataclass(frozen=True)
class SiteMention:
    site: Site
    start: int  # character offsets
    end: int
    text: str


class SiteMatcher:
    """Compiled once per gazetteer (see ``lexicon.compiled``)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.sites = {s.slug: s for s in gazetteer.sites}
        self.matcher = Matcher(nlp().vocab)
        self.single_word: set[tuple[str, str]] = set()
        for site in gazetteer.sites:
            patterns = []
            for alias in {site.name, *site.aliases}:
                if not alias.isascii():
                    continue
                if is_acronym(alias):
                    patterns.append([{"ORTH": t.text} for t in nlp().make_doc(alias)])
                    continue
                for variant in alias_variants(alias):
                    pattern = token_pattern(nlp().make_doc(variant))
                    if pattern:
                        patterns.append(pattern)
                        keys = [p["NORM"] for p in pattern if "NORM" in p]
                        if len(keys) == 1:
                            self.single_word.add((site.slug, keys[0]))
            self.matcher.add(site.slug, patterns)

    def find(self, doc: Doc) -> list[SiteMention]:
        spans = []
        for match_id, start, end in self.matcher(doc):
            span = doc[start:end]
            span.label_ = doc.vocab.strings[match_id]
            spans.append(span)
        out: list[SiteMention] = []
        for span in filter_spans(spans):
            slug = span.label_
            if (slug, span[-1].norm_) in self.single_word and not self._names_a_place(doc, span.start, span.end):
                continue
            out.append(SiteMention(self.sites[slug], span.start_char, span.end_char, span.text))
        out.extend(self._descriptions(doc.text))
        out.sort(key=lambda m: m.start)
        return out

    @staticmethod
    def _names_a_place(doc: Doc, start: int, end: int) -> bool:
        before = doc[start - 1].lower_ if start > 0 else ""
        if before in {"al", "el", "-"} and start > 1:
            before = doc[start - 2].lower_ if doc[start - 2].lower_ not in {"al", "el"} else doc[start - 3].lower_
        after = doc[end].lower_ if end < len(doc) else ""
        if after in _FACILITY_WORDS:
            return True
        return before not in _PERSON_BEFORE and after not in _PERSON_AFTER

    def _descriptions(self, text: str) -> list[SiteMention]:
        out = []
        for m in _DIPLOMATIC.finditer(text):
            kind = m.group("kind").lower()
            city = skeleton(m.group("city"))
            word = "consulate" if kind == "consulate" else "embassy"
            for site in self.sites.values():
                if site.kind == "diplomatic" and word in site.name.lower() and city in skeleton(site.name):
                    out.append(SiteMention(site, m.start(), m.end(), m.group(0)))
                    break
        return out
