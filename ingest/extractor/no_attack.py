"""Attacks that were none on a coalition site: denied, a drill, a watching flight, a site hit only as collateral or
left by the coalition. Each rule drops the primary drafts it finds were no attack; background ones stay."""

from __future__ import annotations

import re

from ingest.extractor import cues, prefilter, vocabulary
from ingest.extractor.details import volley
from ingest.extractor.events import (
    Draft,
)
from ingest.extractor.places import COUNTRY_WORDS
from ingest.extractor.state import State
from ingest.extractor.types import Site
from ingest.extractor.vocabulary import words


def drop_denied(state: State) -> None:
    """'Officials did not believe the drone was targeting the base': not an attack on it - unless the story then
    tells where the attack was instead ('US forces were not targeted ... an attack instead on the Baghdad Diplomatic
    Support Complex'): the attack stands, on that site."""
    for idx, owners in state.owner.items():
        f = state.facts[idx]
        if "denial" in f.vetoes:
            named = {m.site.slug for m in f.sites}
            for d in owners:
                # "denied reports that another base was hit, ... the facility, known as Conoco": that site's attack
                if not named or d.site is None or d.site.slug in named:
                    instead = _the_site_told_instead(state, d, idx)
                    if instead is None:
                        d.denied = True
                    else:
                        d.site, d.site_by_town = instead, False
    state.drop_primaries(lambda d: d.denied)


# "had instead struck", "an attack instead on", "Instead, the attack targeted": the target told in a denied one's place
_INSTEAD = prefilter.compile(r"\binstead\b", re.I)


def _the_site_told_instead(state: State, d: Draft, denial: int) -> Site | None:
    """The site one of the attack's own sentences after the denial names as the target 'instead'."""
    for idx in d.anchors:
        f = state.facts[idx]
        m = _INSTEAD.search(f.sent.text) if idx > denial and f.attack else None
        if m is not None:
            after = [s for s in f.sites if s.start - f.sent.start >= m.start()]
            if after:
                return after[0].site
    return None


def drop_drills(state: State) -> None:
    """'Troops at Al Udeid took cover when Iranian missiles landed near the base ... two Iranian missiles fell into
    the sea as part of Iran's naval exercises': an attack whose projectiles its own sentences tell as a state's drill
    or test (a weapon it was told with, in a sentence naming no coalition site hit) was no attack on the site."""
    state.drop_primaries(lambda d: _a_drill(state, d))


def drop_reconnaissance_flights(state: State) -> None:
    """'American forces shot down an Iranian drone ... while the drone was conducting a reconnaissance tour over the
    military base': an attack told only by sentences of a drone on a watching flight was none. (The sentence still
    anchors its own draft, so that what follows it - the tension at that base - is its context, not the details of
    the attack told before.)"""
    state.drop_primaries(lambda d: bool(d.anchors) and _watching_only(state, d))


def _watching_only(state: State, d: Draft) -> bool:
    """Does every sentence telling the attack tell a drone on a watching flight, and no attack aimed at anything
    ("Two drones attacked the base, while a third was conducting a surveillance flight over it" tells an attack)?"""
    return all(
        "reconnaissance" in state.facts[i].vetoes and not _AIMED_AT.search(state.facts[i].sent.text) for i in d.anchors
    )


def _a_drill(state: State, d: Draft) -> bool:
    weapons, _ = volley(state, d)
    return any(
        "drill" in state.facts[i].vetoes and weapons & {w.category for w in state.facts[i].weapons}
        for i in d.sentences()
    )


# "missiles struck near Erbil-Pirmam road and Erbil International Airport": a place named as where things fell
# (its country's possessive before it: "a clash near Syria's al-Shaddadi")
NEAR = prefilter.compile(
    rf"\b{cues.BESIDE}\s+(?:[^,.;]{{0,40}}?\s+and\s+)?(?:the\s+|{words(COUNTRY_WORDS)}['\u2019]s\s+)?(?:al-)?$"
    # ... or only as the district it happened in, or the blasts came from: "the attack ..., which occurred in
    # Baghdad's heavily fortified Green Zone", "his residence in the Green Zone", "from the direction of the Green Zone"
    r"|\b(?:occurred|took\s+place|happened|residence|home|house)\s+in\s+(?:the\s+)?(?:[\w'\u2019-]+\s+){0,3}?$"
    r"|\bfrom\s+the\s+direction\s+of\s+(?:the\s+)?$",
    re.I,
)


def _every_mention_after(state: State, d: Draft, before: prefilter.Pattern) -> bool:
    """Is every mention of the attack's site in its own sentences preceded by what ``before`` reads (a pattern
    anchored at the mention, ``...$``)?"""
    mentions = [
        (state.facts[idx], m) for idx in d.anchors for m in state.facts[idx].sites if d.site and m.site == d.site
    ]
    return bool(mentions) and all(
        before.search(f.sent.text, 0, m.start - f.sent.start) is not None for f, m in mentions
    )


# Another target named before the site it stood beside: "an ammunition warehouse belonging to the PMF exploded next
# to Balad air base", "the intended target of the blasts was the group's position near Balad base"
_ANOTHER_TARGET_BESIDE = prefilter.compile(
    # (in lower case: a common noun, not a name's word - "the Green Village")
    rf"\b(?-i:{words(vocabulary.TARGETS_BESIDE_A_BASE)})\b[^.;]{{0,80}}?\b{cues.BESIDE}\s+(?:the\s+)?$",
    re.I,
)


def drop_collateral_sites(state: State) -> None:
    """A strike whose declared target is not the coalition ('spy headquarters', 'anti-Iran groups', told in the
    lead) is no attack on a coalition site that its missiles merely fell near; nor is a site told only as where
    another target stood ('an ammunition depot exploded next to Balad air base')."""
    state.drop_primaries(lambda d: _every_mention_after(state, d, _ANOTHER_TARGET_BESIDE))
    lead = state.lead_attacks
    if not any("other_target" in f.vetoes for f in lead):
        return
    state.drop_primaries(lambda d: _every_mention_after(state, d, NEAR) or _only_shot_down_there(state, d))


_AIMED_AT = prefilter.compile(
    r"\b(?:target\w*|attack\w*|hit|struck|strikes?|fired\s+at|launched\s+at|aimed\s+at)\b", re.I
)


def drop_vacated_sites(state: State) -> None:
    """'Camp Taji, a base US forces recently left', 'the airport had previously served as a base for the Global
    Coalition but had been vacated': an attack there, told in the article's own sentences of it, hit no coalition
    site."""
    state.drafts = [
        d
        for d in state.drafts
        if d.site is None or not any(_vacated(state.facts[i].sent.text) for i in {*d.sentences(), *d.context})
    ]


# A part of the people told as gone, not the site: "... as well as American contractors, but a majority had been
# evacuated" (some stayed: the site was still the coalition's)
_PART_OF_THEM = prefilter.compile(
    r"\b(?:a\s+majority|the\s+majority|most|many|some|half|several|a\s+number|much|part|all\s+but\s+\w+)"
    r"(?:\s+of\s+(?:them|those|the\s+[\w-]+))?\s+$",
    re.I,
)


# An evacuation told as a precaution against the attack: "the Al Udeid base had been evacuated in advance", "had been
# evacuated just hours before the attack" - the site stayed the coalition's
_AS_A_PRECAUTION = prefilter.compile(
    r"\s+(?:in\s+advance|beforehand|ahead\s+of|as\s+a\s+precaution|in\s+anticipation|pre-?emptively"
    r"|temporarily|in\s+preparation"
    # "had been evacuated just hours before the attack", "prior to the strike": in advance of the attack itself
    r"|(?:just\s+|only\s+|shortly\s+)?(?:(?:\w+\s+)?(?:minutes|hours|days)\s+)?(?:before|ahead\s+of|prior\s+to)\s+"
    r"the\s+(?:[\w-]+\s+)?(?:attack|strike|assault|barrage))\b",
    re.I,
)


def _vacated(text: str) -> bool:
    """Does the sentence tell the site left by the coalition - the site itself, not a part of its people, and for
    good, not as a precaution against the attack?"""
    return any(
        not _PART_OF_THEM.search(text, 0, m.start()) and not _AS_A_PRECAUTION.match(text, m.end())
        for m in cues.VACATED.finditer(text)
    )


def _only_shot_down_there(state: State, d: Draft) -> bool:
    """'An explosive drone was shot down by the coalition at Ain al-Asad' in a story of drones bound for Israel:
    the site is where one was stopped, not what it attacked."""
    texts = [state.facts[idx].sent.text for idx in d.anchors]
    return bool(texts) and all(cues.INTERCEPTION.search(t) and not _AIMED_AT.search(t) for t in texts)


def drop_sites_the_coalition_had_left(state: State) -> None:
    """An attack on a site after the day the coalition left it ('Camp Taji' in 2025, handed to Iraqi forces in
    August 2020; the gazetteer's ``hosted_until``) hit no coalition site: the name is the place's, not the
    coalition's base - unless the article's own sentences of the attack call the site the coalition's ('the US
    occupation base at al-Taji'): the text is what is coded. An undated attack is taken at the publication date."""
    state.drafts = [
        d for d in state.drafts if not (_after_the_coalition_left(state, d) and not _told_as_the_coalitions(state, d))
    ]


def _after_the_coalition_left(state: State, d: Draft) -> bool:
    left = d.site.hosted_until if d.site is not None else None
    if left is None:
        return False
    # a month or a year counts from its first day: wholly after the departure only when that day is
    return (d.date.date if d.date is not None else state.published) > left


def _told_as_the_coalitions(state: State, d: Draft) -> bool:
    for i in d.anchors:
        f = state.facts[i]
        for m in f.sites:
            if m.site != d.site:
                continue
            at, end = m.start - f.sent.start, m.end - f.sent.start
            if cues.THE_COALITIONS_SITE_BEFORE.search(
                f.sent.text, max(0, at - 60), at
            ) or cues.HOSTS_THE_COALITION_AFTER.match(f.sent.text, end):
                return True
    return False
