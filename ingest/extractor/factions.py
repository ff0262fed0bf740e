"""Find named armed groups; whether one is the perpetrator is decided in ``claims``."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import filter_spans

from ingest.extractor import vocabulary
from ingest.extractor.names import (
    alias_variants,
    consonant_key,
    content_keys,
    is_acronym,
    norm_doc,
    phrase_variants,
    script_key,
    script_names,
)
from ingest.extractor.places import COUNTRY_WORD
from ingest.extractor.sentences import doc_text, nlp
from ingest.extractor.types import Faction, Gazetteer

# A name that only qualifies others: "Iran-backed", "Kataib Hezbollah-linked", "pro-Iran"
_SPONSOR_AFTER = re.compile(
    r"[-\u2010\u2011]\s?(?:backed|aligned|allied|linked|affiliated|supported|sponsored|funded|armed|led|inspired)\b"
    # the hyphen left out, before the common noun it qualifies: "Iran backed militias", "the Iranian backed umbrella
    # group" (not the verb: "Iran backed the group", "Iran backed Hamas")
    r"|\s(?:backed|aligned|allied|linked|affiliated|supported|sponsored|funded)\s+(?!(?:the|a|an|by|its|their|his|her)\b)"
    r"(?-i:[a-z])"
    # "Iran proxy forces", "Iran's proxies": the sponsor's name before the ones it sponsors
    r"|(?:['\u2019]s)?\s+(?:proxy|proxies|allies|allied|affiliates?|affiliated|surrogates?)\b"
    # "Iran's armed groups", "Iran's militias": the groups a state keeps, named by it (not "Iran's Revolutionary
    # Guard", the state's own force, named by its own name)
    r"|['\u2019]s\s+(?:armed\s+|militant\s+|loyal\s+)?(?:groups|militias|factions|militants|paramilitaries)\b",
    re.I,
)
_SPONSOR_BEFORE = re.compile(
    # "pro-Iran", "forces affiliated with Iran's Revolutionary Guard", "groups backed by Iran"
    r"\bpro[-\u2010\u2011]\s?$|\b(?:affiliated|aligned|allied|linked|loyal)\s+(?:with|to)\s+(?:the\s+)?$"
    # (the sponsor's force named with its owner first: "militias backed by the Iran Revolutionary Guard Corps")
    r"|\b(?:backed|supported|sponsored|funded|financed|armed|trained|equipped)\s+by\s+(?:the\s+)?"
    r"(?:(?-i:[A-Z])[\w-]*(?:['\u2019]s)?\s+)?$",
    re.I,
)
# A capital as a dateline, not as its government: "TEHRAN (Tasnim) -", "TEHRAN, Dec. 12 (MNA) -"
_DATELINE_AFTER = re.compile(
    r"\s*(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*\([A-Za-z][\w .&-]{0,24}\)\s*[-\u2013\u2014:]"
)
# "Iran's Islamic Revolutionary Guard Corps", "Iran's elite Revolutionary Guards": the state named as the owner of
# the force named next
_OWNER_OF_NEXT = re.compile(r"['\u2019]s\s+(?:(?-i:[a-z])[\w-]*\s+){0,2}")
# A name that ends on the country it fights in: "Islamic Resistance in Iraq" is also told as "the Islamic
# Resistance" ("The Islamic Resistance, a loose-knit group of Iranian-backed militias, said that it attacked ...")
_COUNTRY_TAIL = re.compile(rf"^(?P<head>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)+)\s+(?:in|of)\s+(?i:{COUNTRY_WORD.pattern})$")
# The short name going on into a longer name or another place: "the Islamic Resistance in Lebanon", "the Islamic
# Resistance Movement" (Hamas) are other groups
_NAME_GOES_ON = re.compile(r"\s+(?:(?:in|of|for)\s+)?(?:the\s+)?[A-Z]")
# ... or named with another country before it: "Lebanon's Islamic Resistance", "the Palestinian Islamic Resistance"
_NAMED_BEFORE = re.compile(r"\b(?!The\b)[A-Z][\w'\u2019-]*\s+$")

# The name a group gives itself, in quotes: "a group calling itself the \u201cRevolutionaries,\u201d", "known as
# 'Al-Waretheen'". Named so, a name is read loosely (any casing, its vowels aside), since the group, not the
# reporter, spelt it.
_SELF_NAMED = re.compile(
    rf"\b{vocabulary.words(vocabulary.SELF_NAMING_WORDS)}\s+(?:the\s+)?[\u201c\"\u2018'](?P<name>[^\u201d\"\u2019',.;]{{3,60}})",
    re.I,
)


@dataclass(frozen=True)
class FactionMention:
    faction: Faction
    start: int
    end: int
    text: str


class FactionMatcher:
    def __init__(self, gazetteer: Gazetteer) -> None:
        self.factions = {f.slug: f for f in gazetteer.factions}
        vocab = nlp().vocab
        self.matcher = PhraseMatcher(vocab, attr="NORM")
        self.exact = PhraseMatcher(vocab, attr="ORTH")
        self.short: set[str] = set()  # the names told without their country
        self.by_consonants = _consonant_keys(gazetteer)
        exact: list[Doc]
        patterns: list[Doc]
        for faction in gazetteer.factions:
            exact, patterns = [], []
            if (tail := _COUNTRY_TAIL.match(faction.name)) is not None:
                exact.append(nlp().make_doc(tail.group("head")))
                self.short.add(tail.group("head"))
            for alias in {faction.name, *faction.aliases}:
                if not alias.isascii():
                    continue
                # acronyms, and a generic two-word phrase ("The Revolutionaries"), only in their exact casing
                if is_acronym(alias) or (alias.lower().startswith("the ") and len(alias.split()) == 2):
                    exact.append(nlp().make_doc(alias))
                    continue
                for variant in alias_variants(alias):
                    keys = content_keys(nlp().make_doc(variant))
                    if keys:
                        patterns.extend(norm_doc(vocab, seq) for seq in phrase_variants(keys))
            if patterns:
                self.matcher.add(faction.slug, patterns)
            if exact:
                self.exact.add(faction.slug, exact)
        # the names written beyond ASCII ("المقاومة الإسلامية في العراق"), which the phrase matcher skips
        self.scripts = script_names(
            (alias, faction) for faction in gazetteer.factions for alias in faction.aliases if not alias.isascii()
        )

    def find(self, doc: Doc) -> list[FactionMention]:
        spans = []
        text = doc_text(doc)
        for match_id, start, end in [*self.matcher(doc), *self.exact(doc)]:
            last = doc[end - 1]
            if _SPONSOR_AFTER.match(text, last.idx + len(last)) or _SPONSOR_BEFORE.search(text, 0, doc[start].idx):
                continue  # "Iran-backed militias", "pro-Iran groups": others, named by their sponsor
            if doc[start].text.isupper() and _DATELINE_AFTER.match(text, last.idx + len(last)):
                continue  # "TEHRAN (Tasnim) -": where the report was filed
            if doc[start:end].text in self.short and (
                _NAME_GOES_ON.match(text, last.idx + len(last)) or _NAMED_BEFORE.search(text, 0, doc[start].idx)
            ):
                continue  # "the Islamic Resistance in Lebanon", "Lebanon's Islamic Resistance": another group's name
            span = doc[start:end]
            span.label_ = doc.vocab.strings[match_id]
            spans.append(span)
        kept = sorted(filter_spans(spans), key=lambda s: s.start)
        kept = [
            s
            for i, s in enumerate(kept)
            if i + 1 == len(kept) or not _OWNER_OF_NEXT.fullmatch(text, s.end_char, kept[i + 1].start_char)
        ]
        found = [FactionMention(self.factions[s.label_], s.start_char, s.end_char, s.text) for s in kept]
        if self.scripts is not None and not text.isascii():
            pattern, by_name = self.scripts
            found += [
                FactionMention(by_name[script_key(m.group("name"))], m.start("name"), m.end("name"), m.group("name"))
                for m in pattern.finditer(text)
                if not any(f.start < m.end("name") and m.start("name") < f.end for f in found)
            ]
        for named in self._self_named(text):
            # the whole name the group goes by wins over a shorter name found inside it ("Ansar Allah" in
            # "Ansar Allah al-Awfeya"), not over one found across its ends
            inside = [f for f in found if named.start <= f.start and f.end <= named.end]
            if all(f in inside for f in found if f.start < named.end and named.start < f.end):
                found = [*(f for f in found if f not in inside), named]
        return sorted(found, key=lambda m: m.start)

    def _self_named(self, text: str) -> list[FactionMention]:
        """The groups named by the name they go by ("calling itself the \u201cRevolutionaries\u201d"), read by
        its consonants."""
        out = []
        for m in _SELF_NAMED.finditer(text):
            slug = self.by_consonants.get(consonant_key(m.group("name")))
            if slug is not None:
                out.append(FactionMention(self.factions[slug], *m.span("name"), m.group("name").strip()))
        return out


def _consonant_keys(gazetteer: Gazetteer) -> dict[str, str]:
    """Each name's consonant key and its faction, less keys shared by two factions or too short to tell."""
    owners: dict[str, set[str]] = {}
    for faction in gazetteer.factions:
        for alias in {faction.name, *faction.aliases}:
            key = consonant_key(alias)
            if alias.isascii() and not is_acronym(alias) and len(key) >= 4:
                owners.setdefault(key, set()).add(faction.slug)
    return {key: slugs.pop() for key, slugs in owners.items() if len(slugs) == 1}
