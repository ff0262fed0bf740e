"""Find gazetteer sites in a parsed article, through aliases and transliteration variants."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import filter_spans

from ingest.extractor import prefilter, vocabulary
from ingest.extractor.names import (
    ARTICLES,
    HYPHENS,
    alias_variants,
    content_keys,
    is_acronym,
    norm_doc,
    phrase_variants,
    possessive_variant,
    script_key,
    script_names,
    skeleton,
)
from ingest.extractor.places import COUNTRY_WORD, COUNTRY_WORDS, country_name
from ingest.extractor.sentences import doc_text, nlp
from ingest.extractor.types import Gazetteer, Site
from ingest.extractor.vocabulary import words

# A one-word alias such as "al-Asad" is also a family name ("Bashar al-Assad"); these
# neighbours show the word names a person or a government, not a base.
_PERSON_BEFORE = frozenset({"bashar", "president", "hafez", "maher", "asma", "mr", "dr"})
_PERSON_AFTER = frozenset({"regime", "government", "family", "loyalists", "'s", "\u2019s", "forces", "administration"})
_FACILITY_WORDS = frozenset(
    {"base", "airbase", "air", "airport", "airfield", "garrison", "camp", "field", "oilfield", "complex", "site"}
)
# ... and these after it show it names a place ("in the Haql al-Omar area", "the al-Tanf region"), never a person
_PLACE_WORDS = frozenset({"area", "region"})

# Descriptions with no alias: "the US diplomatic complex in Baghdad", "the American consulate in Erbil", "the United
# States Embassy in Baghdad" (the building's kind in a title's capitals too; its city always capitalised)
_DIPLOMATIC = prefilter.compile(
    r"\b(?:U\.?S\.?|US|American|United States)(?:-run)?\s+"
    r"(?P<kind>(?i:embassy|consulate|diplomatic (?:complex|compound|facility|mission)))"
    r"(?:\s+(?i:compound|complex|general))?"
    # up to three words between the building and its city: "a new US consulate under construction in Erbil"
    r"(?:\s+[a-z-]+){0,3}?\s+(?:in|at|near)\s+(?P<city>[A-Z][a-z]+)"
)

# ... and one told without its city: "fired ... at the new US consulate building", the story having named Erbil
_DIPLOMATIC_BARE = prefilter.compile(r"\b(?:U\.?S\.?|US|American|United States)\s+(?P<kind>embassy|consulate)\b", re.I)
# how far back its city may be named: the paragraph's words before it
_CITY_REACH = 400
_CAPITALISED = prefilter.compile(r"\b[A-Z][a-z]+\b")

# A military site told by the town it is named for: "The other base targeted was in Irbil", "the U.S. headquarters
# near the city of Erbil", "the troops were stationed in Erbil", "the civilian international airport in the city of
# Irbil" (the coalition's base there shares the airfield), "a US base in Iraq's Erbil" - not "in Erbil province"
# (a province may hold more)
_MILITARY_IN_TOWN = prefilter.compile(
    r"\b(?:(?:base|airbase|air\s+base|airport|headquarters|outpost|garrison|installation|facility)(?:\s+[a-z-]+){0,3}?\s+"
    r"(?:in|at|near)"
    r"|(?:troops|forces|personnel|service\s?members|soldiers)\s+(?:were\s+|are\s+)?(?:stationed|based|deployed)\s+"
    r"(?:in|at)"
    # "attacked coalition forces at Erbil, Iraq"
    r"|(?:coalition|U\.?S\.?|US|American)\s+(?:forces|troops|personnel|service\s?members)\s+at)\s+"
    # the town may be told as its country's: "a US base in Iraq's Erbil"
    r"(?:[A-Z][a-z]+['\u2019]s\s+)?(?:the\s+(?:[A-Za-z-]+\s+){0,2}?(?:city|town)\s+of\s+)?(?P<town>[A-Z][a-z]+)\b(?!\s+(?:province|governorate|region))"
)
# A town's airport told around its name ("Baghdad's airport", "the airport in Irbil", "the Iraqi capital's
# airport", "the airport of the Syrian capital"): the site whose alias is "<town> airport"
_TOWN_OR_CAPITAL = rf"(?:(?P<town>[A-Z][a-z]+)|the\s+(?P<capital>{'|'.join(vocabulary.CAPITALS)})\s+capital)"
_TOWNS_AIRPORT = (
    prefilter.compile(rf"\b{_TOWN_OR_CAPITAL}['\u2019]s\s+(?:international\s+)?airport\b"),
    prefilter.compile(rf"\bairport\s+(?:in|of|outside)\s+(?:the\s+city\s+of\s+)?{_TOWN_OR_CAPITAL}"),
)
# An alias naming a site as its town's airport ("Erbil airport", "Baghdad International Airport")
_TOWN_AIRPORT_ALIAS = re.compile(r"^(?P<town>[A-Z][a-z]+)\s+(?:international\s+)?airport$", re.I)

# The forces a base belongs to, when not the coalition's: "attack on Peshmerga base in Erbil"
_ANOTHER_FORCES = prefilter.compile(rf"\b{words(vocabulary.OTHER_FORCES)}(?:['\u2019]s)?\s+$", re.I)


def _place_words(text: str) -> set[str]:
    """The skeletons of a place's words of more than three letters, less articles."""
    return {skeleton(w) for w in _LETTERS.findall(text) if w.lower() not in ARTICLES and len(w) > 3}


_LETTERS = prefilter.compile(r"[^\W\d_]+")
# A town joined to a base just named: "Ain Al-Asad and Erbil", "the Ain al-Asad airbase and five on the city of Erbil"
_TOWN_BESIDE_A_BASE = prefilter.compile(
    r"(?:\s*\([^)]{0,40}\))?\s*,?\s+and\s+(?:(?:\d+|[a-z]+)\s+)?(?:(?:in|on|at)\s+)?"
    r"(?:the\s+(?:[A-Za-z-]+\s+){0,2}?(?:city|town)\s+of\s+)?(?P<town>[A-Z][a-z]+)\b(?!\s+(?:province|governorate|region|[A-Z]))"
)
# The mirror of it, a town before a named base: "at least two sites were attacked, in Irbil and Al-Asad"
_TOWN_BEFORE_A_BASE = prefilter.compile(
    r"\b(?:in|on|at)\s+(?:the\s+(?:[A-Za-z-]+\s+){0,2}?(?:city|town)\s+of\s+)?(?P<town>[A-Z][a-z]+)\s*,?\s+and\s+"
    # the base's name may start after its article: "and Al-Asad" names "Asad"
    r"(?:(?:in|on|at)\s+)?(?:the\s+)?(?:(?:[Aa]in\s+)?[AaEe]l[-\s])?$"
)
# A site's name told with another facility noun than its own: "the al-Jafr facility" is "al-Jafr Air Base", "the
# Harir installation" "Harir base" - the stem is the one word of a name or alias "<Word> Air Base|base|Airfield"
_FACILITY_NOUN = r"(?:[Aa]ir\s*[Bb]ase|[Bb]ase|[Aa]irbase|[Aa]irfield|[Gg]arrison)"
_STEM_OF_NAME = re.compile(rf"^(?:(?:al|el|Al|El)[-\s])?(?P<stem>[A-Z][a-z'\u2019-]+)\s+{_FACILITY_NOUN}$")
_STEM_WITH_FACILITY = prefilter.compile(
    r"\bthe\s+(?:(?:al|el|Al|El)[-\s])?(?P<stem>[A-Z][a-z'\u2019-]+)\s+(?:facility|installation)\b"
)

# ... and a stem told bare with its article, listed right after a named site: "bases in the Gulf, such as Al-Udeid Air
# Base in Qatar, Al-Dhafra in the UAE" (not "Al-Qaim province", "Al-Hasakah city")
_STEM_LISTED_AFTER = prefilter.compile(
    r"(?:\s+in\s+(?:the\s+)?[A-Z][\w.]*)?\s*,\s+(?:and\s+)?(?P<name>(?:Al|al|El|el)[-\s](?P<stem>[A-Z][a-z'\u2019-]+))\b"
    r"(?!\s+(?:[A-Z]|province|governorate|region|city|town|village|district|area))"
)


def _named_by_part(sites: list[Site], key_of: Callable[[str], str | None]) -> dict[str, list[Site]]:
    """The military sites each key names, where ``key_of`` reads a key from a site's name (before any bracket) or an
    alias; a key shared by two sites names both, and the readers take only a key that names one."""
    named: dict[str, set[str]] = {}
    by_slug = {site.slug: site for site in sites}
    for site in sites:
        if site.kind == "diplomatic":
            continue
        for alias in (site.name.split("(")[0].strip(), *site.aliases):
            key = key_of(alias)
            if key is not None:
                named.setdefault(key, set()).add(site.slug)
    return {key: [by_slug[s] for s in slugs] for key, slugs in named.items()}


def _stem_key(alias: str) -> str | None:
    """The one-word stem a name gives ('Jafr' from 'al-Jafr Air Base', 'Harir' from 'Harir base')."""
    m = _STEM_OF_NAME.match(alias)
    return skeleton(m.group("stem")) if m else None


# A name of two or more words before a facility noun ("Sheikh Isa Air Base") names the place the site is in, told with
# "area" or "region" ("a US airbase in the Sheikh Isa area"); a one-word name there is an alias of its own
_AREA_OF_NAME = re.compile(rf"^(?P<stem>[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){{1,2}}?)\s+{_FACILITY_NOUN}$")
_NAMED_AREA = prefilter.compile(
    r"\b(?:in|near|around|at)\s+the\s+(?P<stem>[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){1,2})\s+(?:area|region)\b"
)


# the words of a kind of base, not of its place: "Harir Air Base", "Camp Taji Army Base"
_KIND_WORDS = frozenset({"air", "army", "military", "naval"})


def _area_key(stem: str) -> str:
    return " ".join(skeleton(w) for w in stem.split() if w.lower() not in ARTICLES)


def _area_of_name(alias: str) -> str | None:
    """The name of several words a name gives before its facility noun ('shaikh isa' from 'Sheikh Isa Air Base'),
    not a kind of base ('Harir Air Base')."""
    m = _AREA_OF_NAME.match(alias)
    if m is None or m.group("stem").split()[-1].lower() in _KIND_WORDS:
        return None
    key = _area_key(m.group("stem"))
    return key if " " in key else None


# A town in a site's own name: the word before "Air Base", "base", "Garrison" or "Airfield", or after "Camp"
_TOWN_IN_NAME = re.compile(
    r"(?:^|\s)(?:al-|el-)?(?P<before>[A-Z][\w'-]*)\s+(?:air\s*base|base|garrison|airfield)\b"
    r"|\bcamp\s+(?P<after>[A-Z][\w'-]*)",
    re.I,
)


def _airports_by_town(sites: list[Site]) -> dict[str, Site]:
    """The site each town's airport is, by an alias naming it so ('Erbil airport', 'Irbil airport', 'Baghdad
    International Airport'); a town whose airport two sites claim has none."""
    found: dict[str, set[str]] = {}
    by_slug = {s.slug: s for s in sites}
    for site in sites:
        for alias in site.aliases:
            m = _TOWN_AIRPORT_ALIAS.match(alias)
            if m is not None:
                found.setdefault(skeleton(m.group("town")), set()).add(site.slug)
    return {town: by_slug[next(iter(slugs))] for town, slugs in found.items() if len(slugs) == 1}


def _named_for_towns(sites: list[Site]) -> dict[str, list[Site]]:
    """The military sites each town names in their own name, before any bracket ('Erbil Air Base (Erbil
    International Airport)': Erbil; 'Camp Taji': Taji; not 'Camp Singara (Italian base, Erbil)', nor 'Mosul Dam')."""
    towns: dict[str, list[Site]] = {}
    for site in sites:
        if site.kind == "diplomatic":
            continue
        for m in _TOWN_IN_NAME.finditer(site.name.split("(")[0]):
            word = m.group("before") or m.group("after")
            towns.setdefault(skeleton(word), []).append(site)
    return towns


def _is_article(doc: Doc, i: int) -> bool:
    """An Arabic article before a name: 'al', 'el', or 'at'/'as'/'an' capitalised or joined by a hyphen ('At
    Tanf', 'at-Tanf') - a lowercase 'at' standing alone is the English preposition ('troops at Al Asad')."""
    t = doc[i]
    if t.lower_ not in ARTICLES:
        return False
    joined = i + 1 < len(doc) and doc[i + 1].text in HYPHENS
    return t.lower_ in {"al", "el"} or t.text[0].isupper() or joined


def _title_case(doc: Doc, i: int) -> bool:
    """Is token ``i`` in a headline written in title case (most of its words capitalised)?"""
    words = [t for t in doc[i].sent if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.text[0].isupper() for t in words) >= 0.7 * len(words)


@dataclass(frozen=True)
class SiteMention:
    site: Site
    start: int  # character offsets
    end: int
    text: str
    # told by the town the site is named for ("the other base targeted was in Irbil"), not by its own name
    by_town: bool = False


# A description names a kind of place and where it is: "logistics base in Jordan", "base in western Anbar".
_DESCRIPTION = prefilter.compile(
    r"\b(?:base|airbase|air\s+base|outpost|garrison|airfield|camp|compound)\s+(?:in|near|on)\s+", re.I
)
_FILLER = frozenset({"us", "u.s.", "american", "a", "an", "the", "small", "coalition", "military"})
_COMPASS = {
    "northeast": r"north[\s-]?east(?:ern)?",
    "northwest": r"north[\s-]?west(?:ern)?",
    "southeast": r"south[\s-]?east(?:ern)?",
    "southwest": r"south[\s-]?west(?:ern)?",
    "western": r"west(?:ern)?",
    "eastern": r"east(?:ern)?",
    "northern": r"north(?:ern)?",
    "southern": r"south(?:ern)?",
}


# A part of a country: a compass word and the country or province ("northeast Jordan", "western Anbar")
_REGION = prefilter.compile(r"^(?P<compass>(?i:(?:north|south)?[\s-]?(?:east|west)?(?:ern)?))\s+(?P<area>[A-Z][\w-]+)$")


# A part of the country told in words: "an air base in the west of the country" is an air base in western Iraq when
# the sentence has named Iraq before it
_IN_PART_OF_THE_COUNTRY = prefilter.compile(
    r"\b(?:base|airbase|air\s+base|outpost|garrison|airfield|camp)\s+in\s+the\s+"
    r"(?P<compass>(?:north|south)?[\s-]?(?:east|west)?)\s+of\s+the\s+country\b",
    re.I,
)
# how far back the country may be named: the clause's own words, not another paragraph's
_COUNTRY_REACH = 300


def region_key(text: str) -> tuple[str, str] | None:
    """('northeast', 'jordan') for 'northeastern Jordan', 'north-east Jordan' or 'Northeast Jordan'; None when the
    words are no compass word and one name."""
    m = _REGION.match(text.strip())
    if m is None or not m.group("compass").strip():
        return None
    compass = m.group("compass").lower().replace("-", "").replace(" ", "").removesuffix("ern")
    return compass, skeleton(m.group("area"))


def _sites_by_region(sites) -> dict[tuple[str, str], Site]:
    """Each part of a country that a description of exactly one site places it in ('US outpost in northeast
    Jordan'): an attack told only as 'in northeastern Jordan' was on that site."""
    found: dict[tuple[str, str], set] = {}
    by_slug = {}
    for site in sites:
        by_slug[site.slug] = site
        for alias in site.aliases:
            m = _DESCRIPTION.search(alias)
            key = region_key(alias[m.end() :]) if m else None
            if key is not None:
                found.setdefault(key, set()).add(site.slug)
    return {key: by_slug[next(iter(slugs))] for key, slugs in found.items() if len(slugs) == 1}


# What may stand between a site's name and the description that goes on from it: "Al-Taqaddum| air |base in Anbar"
_NAME_TO_DESCRIPTION = prefilter.compile(r"(?:\s*(?:air|military|the|[\w-]*(?:base|field|port))\b)*\s*", re.I)


def _describes_another_named(text: str, d: SiteMention, named: list[SiteMention]) -> bool:
    """'the Al-Taqaddum air base in Anbar': a description that goes on from a site's name describes that site (the
    province holds both), it names no second one - nor the same one twice ('the Ain al-Asad air base in Anbar')."""
    return any(n.start <= d.start and _NAME_TO_DESCRIPTION.fullmatch(text, min(n.end, d.start), d.start) for n in named)


def is_description(alias: str) -> bool:
    return _DESCRIPTION.search(alias) is not None


# A head noun told after the unit it belongs to, also told before it with "of": "Fifth Fleet headquarters" is "the
# headquarters of the US Navy's Fifth Fleet"
_HEAD_AFTER_UNIT = prefilter.compile(r"^(?P<unit>.+?)\s+(?P<head>headquarters)$", re.I)


def head_first(alias: str) -> str | None:
    """'headquarters of Fifth Fleet' for 'Fifth Fleet headquarters' (matched as a description, words between its
    words: 'the headquarters of the US Navy's Fifth Fleet'); None for other aliases."""
    m = _HEAD_AFTER_UNIT.match(alias)
    return f"{m.group('head')} of {m.group('unit')}" if m else None


def _country_forms(word: str) -> str | None:
    """A country's name or its adjective, either ('near the Syrian border' is 'near the Syria border'), for a word of
    a description that is one of them; None for other words."""
    low = word.lower()
    code = COUNTRY_WORDS.get(low)
    if code is None:
        return None
    forms = sorted(k for k, v in COUNTRY_WORDS.items() if v == code and (k.startswith(low) or low.startswith(k)))
    return "(?:" + "|".join(re.escape(f) for f in forms) + ")" if len(forms) > 1 else None


def description_pattern(alias: str) -> prefilter.Pattern:
    """'logistics base in Jordan' matches 'a small logistics base in Jordan on Sunday' and 'logistics base
    in north-eastern Jordan': its words in order, up to three others between them, compass words in any form."""
    words = [w for w in re.findall(r"[\w.'-]+", alias) if w.lower() not in _FILLER]
    parts = []
    for w in words:
        key = w.lower().replace("-", "").replace("ern", "") if w.lower().startswith(("north", "south")) else w.lower()
        compass = _COMPASS.get(w.lower()) or _COMPASS.get(key) or _COMPASS.get(key + "ern")
        parts.append(compass or _country_forms(w) or re.escape(w))
    # disjoint classes: no backtracking blow-up; "United States" spelt out is one word, like "US" ("the headquarters of
    # the United States Navy's 5th Fleet")
    gap = r"(?:[\s,]+(?:United\s+States\b|[^\s,]+)){0,3}?[\s,]+"
    return prefilter.compile(r"\b" + gap.join(parts) + r"\b", re.I)


def _script_names(sites: Iterable[Site]) -> tuple[re.Pattern[str], dict[str, Site]] | None:
    """The sites' names of more than one word that the phrase matcher cannot read - written beyond ASCII, or with a
    comma ("Embassy of the United States, Riyadh") - as one pattern (``names.script_names``)."""
    return script_names(
        (alias, site) for site in sites for alias in {site.name, *site.aliases} if not alias.isascii() or "," in alias
    )


def _in_scripts(
    pattern: re.Pattern[str], by_name: dict[str, Site], text: str, named: list[SiteMention]
) -> list[SiteMention]:
    """The sites named in another script, with letters beyond ASCII or with a comma, where no other mention stands
    (``pattern`` and ``by_name`` from ``_script_names``)."""
    out = []
    for m in pattern.finditer(text):
        if any(n.start < m.end("name") and m.start("name") < n.end for n in named):
            continue
        site = by_name[script_key(m.group("name"))]
        out.append(SiteMention(site, m.start("name"), m.end("name"), m.group("name")))
    return out


class SiteMatcher:
    """Compiled once per gazetteer (see ``lexicon.compiled``)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.sites = {s.slug: s for s in gazetteer.sites}
        vocab = nlp().vocab
        self.matcher = PhraseMatcher(vocab, attr="NORM")
        self.exact = PhraseMatcher(vocab, attr="ORTH")
        self.single_word: set[tuple[str, str]] = set()
        self.bare_ok: set[tuple[str, str]] = set()  # one-word names also written without "al-"
        # aliases that describe the site ("outpost in northeast Jordan"), matched with words between
        self.described: list[tuple[Site, prefilter.Pattern, str]] = []
        # the one site a description places in a part of a country ("US outpost in northeast Jordan")
        self.regions = _sites_by_region(gazetteer.sites)
        self.towns = _named_for_towns(list(gazetteer.sites))
        self.airports = _airports_by_town(list(gazetteer.sites))
        self.stems = _named_by_part(list(gazetteer.sites), _stem_key)
        self.areas = _named_by_part(list(gazetteer.sites), _area_of_name)
        # the words naming the provinces the sites are in ('hasaka', 'deir', 'anbar')
        self.province_words = frozenset(w for site in gazetteer.sites for w in _place_words(site.province))
        # names in other scripts, with letters beyond ASCII or with a comma ("قاعدة عين الأسد", "Aïn al-Assad",
        # "Embassy of the United States, Riyadh"), matched as written
        self.scripts = _script_names(gazetteer.sites)
        exact: list[Doc]
        patterns: list[Doc]
        for site in gazetteer.sites:
            exact, patterns = [], []
            for alias in {site.name, *site.aliases}:
                if not alias.isascii():
                    continue
                if is_acronym(alias):
                    exact.append(nlp().make_doc(alias))
                    continue
                for variant in alias_variants(alias):
                    alias_doc = nlp().make_doc(variant)
                    keys = content_keys(alias_doc)
                    if not keys:
                        continue
                    patterns.extend(norm_doc(vocab, seq) for seq in phrase_variants(keys))
                    possessive = possessive_variant(keys)
                    if possessive is not None:
                        patterns.append(norm_doc(vocab, possessive))
                    if len(keys) == 1:
                        self.single_word.add((site.slug, keys[0]))
                        if alias_doc[0].lower_ not in ARTICLES:
                            self.bare_ok.add((site.slug, keys[0]))
            self.described.extend(
                (site, description_pattern(a), a.split()[-1].lower()) for a in site.aliases if is_description(a)
            )
            # one pattern each ("US Fifth Fleet headquarters" and "Fifth Fleet headquarters" read the same)
            reordered = {description_pattern(r).pattern: r for a in site.aliases if (r := head_first(a)) is not None}
            self.described.extend((site, description_pattern(r), r.split()[-1].lower()) for r in reordered.values())
            if patterns:
                self.matcher.add(site.slug, patterns)
            if exact:
                self.exact.add(site.slug, exact)

    def find(self, doc: Doc) -> list[SiteMention]:
        spans = []
        for match_id, start, end in [*self.matcher(doc), *self.exact(doc)]:
            span = doc[start:end]
            span.label_ = doc.vocab.strings[match_id]
            spans.append(span)
        out: list[SiteMention] = []
        for span in filter_spans(spans):
            slug = span.label_
            key = (slug, span[-1].norm_)
            words = [t for t in span if t.norm_ not in {"al", "-"}]
            if (
                len(words) == 1
                and key in self.single_word
                and not self._names_a_place(doc, span.start, span.end, key in self.bare_ok)
            ):
                continue
            out.append(SiteMention(self.sites[slug], span.start_char, span.end_char, span.text))
        text = doc_text(doc)
        if self.scripts is not None:
            out.extend(_in_scripts(*self.scripts, text, out))
        out.extend(self._descriptions(text))
        named = [m for m in out if not is_description(m.text)]
        out = [
            m
            for m in out
            if not (
                is_description(m.text)
                # "an Iraqi army base in Anbar", "a Peshmerga base in Erbil": another force's base there
                and (
                    _describes_another_named(text, m, named)
                    or _ANOTHER_FORCES.search(text, max(0, m.start - 30), m.start)
                )
            )
        ]
        out.extend(self._in_towns(doc_text(doc), out))
        out.sort(key=lambda m: m.start)
        return out

    def _in_towns(self, text: str, named: list[SiteMention]) -> list[SiteMention]:
        """'The other base targeted was in Irbil': the one military site named for the town - unless the base is
        named itself ('the Harir base in Erbil', 'Al Harir air base in Erbil': Erbil is where it is)."""
        m: re.Match[str] | None
        out = []
        for m in _MILITARY_IN_TOWN.finditer(text):
            site = self.named_for_town(m.group("town"))
            if site is None or any(n.start <= m.start() <= n.end + 3 for n in named):
                continue
            if _ANOTHER_FORCES.search(text, max(0, m.start() - 30), m.start()):
                continue  # "a Peshmerga base in Erbil", "an Iraqi army base in Erbil": another force's
            out.append(SiteMention(site, m.start("town"), m.end("town"), m.group("town"), by_town=True))
        for m in (m for pattern in _TOWNS_AIRPORT for m in pattern.finditer(text)):
            # "three rockets dropped into a base at the Iraqi capital's airport": the site that is that town's airport
            town = vocabulary.CAPITALS[m.group("capital")] if m.group("capital") else m.group("town")
            site = self.airports.get(skeleton(town))
            if site is not None and not any(n.start <= m.start() <= n.end for n in named):
                out.append(SiteMention(site, m.start(), m.end(), m.group(0), by_town=True))
        for m in _STEM_WITH_FACILITY.finditer(text):
            # "they drove their vehicles into the al-Jafr facility": the site whose name is that word and a base
            sites = self.stems.get(skeleton(m.group("stem")), [])
            if len(sites) == 1 and not any(n.start <= m.start("stem") < n.end for n in named):
                out.append(SiteMention(sites[0], m.start("stem"), m.end(), m.group(0)[4:]))
        for m in _NAMED_AREA.finditer(text):
            # "a US airbase in the Sheikh Isa area": the site whose name is those words and a facility noun
            sites = self.areas.get(_area_key(m.group("stem")), [])
            if len(sites) == 1 and not any(n.start <= m.start("stem") < n.end for n in named):
                out.append(SiteMention(sites[0], m.start("stem"), m.end("stem"), m.group("stem")))
        for n in named:
            m = _STEM_LISTED_AFTER.match(text, n.end)
            sites = self.stems.get(skeleton(m.group("stem")), []) if m else []
            if (
                m is not None
                and len(sites) == 1
                and sites[0] != n.site
                and not any(o.start <= m.start("name") < o.end for o in named)
            ):
                # "American bases in the Gulf, such as Al-Udeid Air Base in Qatar, Al-Dhafra in the UAE": the next
                # item of the list, told by its name's one word
                out.append(SiteMention(sites[0], m.start("name"), m.end("name"), m.group("name")))
            # "missiles hit the Ain Al-Asad Air Base and in Erbil", "17 on the Ain al-Asad airbase and five on the
            # city of Erbil": a town beside a named base is the military site named for it
            for m in (
                _TOWN_BESIDE_A_BASE.match(text, n.end),
                _TOWN_BEFORE_A_BASE.search(text, max(0, n.start - 60), n.start),
            ):
                site = self.named_for_town(m.group("town")) if m else None
                if site is not None and site != n.site and n.site.kind != "diplomatic":
                    # a site is looked up only from a match
                    out.append(SiteMention(site, m.start("town"), m.end("town"), m.group("town"), by_town=True))  # type: ignore[union-attr]
        return out

    def named_for_town(self, town: str) -> Site | None:
        """The one military site named for this town ('Erbil' -> Erbil Air Base, 'Taji' -> Camp Taji), if only one."""
        sites = self.towns.get(skeleton(town), [])
        return sites[0] if len(sites) == 1 else None

    @staticmethod
    def _names_a_place(doc: Doc, start: int, end: int, bare_ok: bool) -> bool:
        """A one-word match names the site, not a person ("Bashar al-Assad", "Omar Abu Layla")."""
        after = doc[end].lower_ if end < len(doc) else ""
        if after in _FACILITY_WORDS or after in _PLACE_WORDS:
            return True
        if after in _PERSON_AFTER:
            return False
        i = start - 1
        article = False
        while i >= 0 and (_is_article(doc, i) or doc[i].text in HYPHENS):
            article = article or doc[i].lower_ in ARTICLES
            i -= 1
        before = doc[i] if i >= 0 else None
        if before is not None and before.lower_ in _PERSON_BEFORE:
            return False
        if bare_ok:
            return True
        # a name only ever written "al-X": needs its article, and no capitalised first name before it (in a
        # headline every word is capitalised: "Missiles Target US Troops at Al Asad")
        return article and (
            before is None
            or not (before.is_alpha and before.text[0].isupper() and not before.is_sent_start)
            or _title_case(doc, before.i)
        )

    def in_another_province(self, site: Site, place: str | None) -> bool:
        """'the base housing U.S. personnel in Hasakah' is not Conoco, in Deir ez-Zor: the place names a province of
        the gazetteer, not the site's."""
        if not place:
            return False
        told = _place_words(place) & self.province_words
        return bool(told) and not told & _place_words(site.province)

    def in_region(self, place: str | None) -> Site | None:
        """The site a description places in this part of a country ('northeastern Jordan'), if only one."""
        key = region_key(place) if place else None
        return self.regions.get(key) if key else None

    def _descriptions(self, text: str) -> list[SiteMention]:
        low = text.lower()
        out = [
            SiteMention(site, m.start(), m.end(), m.group(0))
            for site, pattern, needed in self.described
            if needed in low  # a cheap test first: the description's last word
            for m in pattern.finditer(text)
        ]
        for m in _IN_PART_OF_THE_COUNTRY.finditer(text):
            # "the installations near the Baghdad airport in Iraq and an air base in the west of the country": the
            # one site a description places in that part of the country named last before it, in its paragraph
            before = text[max(0, m.start() - _COUNTRY_REACH) : m.start()].rsplit("\n", 1)[-1]
            countries = list(COUNTRY_WORD.finditer(before))
            name = country_name(COUNTRY_WORDS[countries[-1].group(0).lower()]) if countries else None
            site = self.in_region(f"{m.group('compass').strip()} {name}") if name else None
            if site is not None:
                out.append(SiteMention(site, m.start(), m.end(), m.group(0)))
        told = []
        for m in _DIPLOMATIC.finditer(text):
            told.append(m)
            site = self._diplomatic_in(m.group("kind"), m.group("city"))
            if site is not None:
                out.append(SiteMention(site, m.start(), m.end(), m.group(0)))
        for m in _DIPLOMATIC_BARE.finditer(text):
            if any(t.start() <= m.start() < t.end() for t in told):
                continue
            # "A dozen ballistic missiles hit Erbil ... the rockets were fired ... at the new US consulate building":
            # the building of the city the paragraph named last before it
            before = text[max(0, m.start() - _CITY_REACH) : m.start()].rsplit("\n", 1)[-1]
            for word in reversed(_CAPITALISED.findall(before)):
                site = self._diplomatic_in(m.group("kind"), word)
                if site is not None:
                    out.append(SiteMention(site, m.start(), m.end(), m.group(0)))
                    break
        return out

    def _diplomatic_in(self, kind: str, city: str) -> Site | None:
        """The US embassy or consulate (``kind``) the gazetteer has in this city, if any."""
        word = "consulate" if kind.lower() == "consulate" else "embassy"
        key = skeleton(city)
        for site in self.sites.values():
            if site.kind == "diplomatic" and word in site.name.lower() and key in skeleton(site.name):
                return site
        return None
