"""Anchoring: one draft per attack, reading the article in order with the attack in focus.

Rules, in the order they are tried for each target a sentence names (see ``segments`` for the cues):

1. A sentence naming several targets gives each its own clause (``segments.clause_spans``).
2. A target in a background frame (an earlier date, "after ... X", "previously") is a background draft,
   one per site and date.
3. A summary line ("attacked four times on Thursday") frames the attacks told one by one; it becomes an
   attack of its own only when no other is told (``fold_summaries``).
4. "two sites in northeastern Syria": one unnamed draft per site; enumerated weapons pair with them in order.
5. An unnamed target ("the base", "a US base in Syria") continues the attack in focus when country, place
   and day agree; otherwise an earlier unnamed draft of the same story; otherwise it starts a draft.
6. "The attack targeted the Green Zone": the definite attack already told, with a finer location.
7. A named site continues its latest draft unless the day differs or a new-event cue ("another",
   "separately", "a second attack") opens one.
8. A named site gives its name to the unnamed attack in focus (same country and day).
9. "The first attack ... the second attack": the attack in focus splits into one draft per ordinal.
10. "The al-Tanf garrison in southeastern Syria is ...", right after an unnamed attack: that is its name.
11. "X was attacked twice": one draft per attack on X; "three times, including at X and Y": the rest are
    unnamed drafts (``split_times``).
12. Sites a few km apart named in one sentence ("the Green Zone ... the US embassy") are one target
    (``merge_near``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ingest.extractor import cues, prefilter, segments, vocabulary
from ingest.extractor.dates import PRECISION_RANK, DateMention, same_period
from ingest.extractor.events import (
    ANSWERED_BY_A_STRIKE,
    CAPTION,
    IN_A_CAPTION,
    Draft,
    Facts,
    Target,
    anchor_date,
    answered_by_the_strike,
    background_reason,
    targets,
)
from ingest.extractor.numbers import numerals
from ingest.extractor.places import COUNTRY_WORD, COUNTRY_WORDS
from ingest.extractor.references import (
    ATTACK_ON_THE_DAY,
    DEFINITE,
    NEAR_KM,
    THE_SITE,
    date_compatible,
    earlier_attack_told,
    km,
    merge_near,
    past_frame,
    refers_to_focus,
    same_story,
)
from ingest.extractor.state import compiled
from ingest.extractor.vocabulary import words

if TYPE_CHECKING:
    from ingest.extractor.sites import SiteMention
    from ingest.extractor.state import State
    from ingest.extractor.types import Role, Site


def _anchor(state: State, d: Draft, idx: int, date: DateMention | None, span: tuple[int, int] | None) -> None:
    if idx not in d.anchors:
        d.anchors.append(idx)
    if span is not None:
        old = d.spans.get(idx)
        d.spans[idx] = span if old is None else (min(old[0], span[0]), max(old[1], span[1]))
    if date is not None and (d.date is None or (d.date.reporting and not date.reporting) or _finer(date, d.date)):
        d.date, d.date_sentence = date, idx
    owners = state.owner.setdefault(idx, [])
    if not any(o is d for o in owners):
        owners.append(d)


def _finer(new: DateMention, old: DateMention) -> bool:
    """'this week's rocket attack', then 'rockets struck Camp Taji on Wednesday': the day within the week told."""
    return (
        not new.reporting
        and not old.reporting
        and PRECISION_RANK[new.precision] < PRECISION_RANK[old.precision]
        and same_period(new, old)
    )


def _new(state: State, role: Role, t: Target, **kw) -> Draft:
    site = t.site
    if site is None and not kw.get("summary"):
        # "The drone attack that killed three U.S. service members in northeastern Jordan": the one site the
        # gazetteer describes in that part of the country
        found = compiled(state.gazetteer).sites.in_region(t.place)
        site = found if found is not None and t.country in (None, found.country) else None
    d = Draft(role, site, t.place, t.country, **kw)
    d.site_by_town = t.by_town and site is t.site
    state.drafts.append(d)
    return d


def _counted(state: State, f: Facts, t: Target, k: int) -> list[tuple[Draft, tuple[int, int] | None]]:
    """'attacked at two sites ... with multiple rockets and a one-way attack drone': k drafts, the i-th weapon
    phrase to the i-th site when the sentence lists exactly k."""
    n = len(f.sent.text)
    spans: list[tuple[int, int] | None] = [None] * k
    if len(f.weapons) == k and len({w.category for w in f.weapons}) == k:
        starts = segments.list_item_starts(f.sent.text, [(w.start, w.end) for w in f.weapons])
        spans = list(segments.split_by_positions(n, starts))
    return [(_new(state, "primary", t, counted=True), sp) for sp in spans]


def _counted_just_told(state: State, f: Facts) -> list[Draft]:
    """The attacks the previous attack sentence counted ('Three US bases came under attack'), else []."""
    group = [d for d in _told_together_last(state, f) if d.counted]
    return group if len(group) > 1 else []


def _told_together_last(state: State, f: Facts) -> list[Draft]:
    """The primary attacks the last attack sentence before this one told."""
    told = [i for d in state.drafts for i in d.anchors if i < f.sent.index]
    if not told:
        return []
    last = max(told)
    return [d for d in state.drafts if d.role == "primary" and not d.summary and last in d.anchors]


def _primary_drafts(
    state: State, f: Facts, t: Target, span: tuple[int, int], date: DateMention | None, focus: Draft | None, n: int
) -> list[tuple[Draft, tuple[int, int] | None]]:
    text = f.sent.text
    own = span if n > 1 or span != (0, len(text)) else None
    fresh = segments.opens_new_event(text, span[0], span[1])
    if fresh and _EARLIER_THAT_DAY.match(text) and f.sent.index > 0:
        # "U.S. military forces conducted airstrikes ... Earlier in the day, ... attacked coalition forces at
        # Erbil": earlier than the strike just told, not a second attack
        fresh = cues.OTHER_ACTOR.search(state.facts[f.sent.index - 1].sent.text) is None
    primaries = [d for d in state.drafts if d.role == "primary" and not d.summary]
    if t.site is None:
        k = segments.counted_sites(text)
        if k > 1:
            return _counted(state, f, t, k)
        together = _told_together_last(state, f)
        if len(together) > 1 and cues.EACH_OF_THEM.match(text):
            # "One of the assaults was at the al-Shaddadi base, while the other took place near the Baghdad Embassy
            # Complex. In both cases, coalition forces were targeted by a barrage of rockets.": each attack's
            return [(d, own) for d in together]
        group = _counted_just_told(state, f)
        if group and cues.THEIR_BASES.search(text):
            # "Three US bases came under attack. US forces intercepted missiles aimed at their bases": the bases
            # counted just before - what this sentence tells, it tells of each
            return [(d, own) for d in group]
        # ("US troops in Syria come under rocket barrage" ... "US forces in eastern Syria came under a new rocket
        # attack": the lead retells the headline's attack; "new" measures it against earlier ones)
        if (
            focus is not None
            and (not fresh or _told_in_the_headline_only(state, focus))
            and (same_story(focus, t.country, t.place, date) or _only_the_attack_again(text, date))
        ):
            return [(focus, own)]
        for d in reversed(primaries):
            if (
                d.site is None
                and not d.counted
                and (not fresh or _told_in_the_headline_only(state, d))
                and same_story(d, t.country, t.place, date)
            ):
                return [(d, own)]
        return [(_new(state, "primary", t), own)]
    if (
        focus is not None
        and focus.site is not None
        and focus.site.slug != t.site.slug
        and n == 1
        and not fresh
        and segments.ANAPHORIC.match(text)
        and date_compatible(focus.date, date)
    ):
        if focus.site_by_town and not t.by_town and t.site.province == focus.site.province:
            # "Coalition base attacked by drone in Erbil" ... "The assault targeted Bashur base near the town of
            # Harir": the base was guessed from the town the attack was told in; its own name, in that province, says
            # which
            focus.site, focus.site_by_town = t.site, False
        return [(focus, own)]
    same = [d for d in primaries if d.site is not None and d.site.slug == t.site.slug]
    if not same and not fresh:
        # "the latest attack on the US embassy" after rockets on the Green Zone: a site a few km from the one
        # already told is the same attack seen from nearer or farther
        same = [d for d in primaries if d.site is not None and km(d.site, t.site) <= NEAR_KM]
    # the latest attack on this site of a compatible day ("Ten rockets were fired Wednesday ..." again, after
    # Saturday's attack on the same site was told)
    match = next((d for d in reversed(same) if date_compatible(d.date, date) or _the_claimants_day(f, d, date)), None)
    if match is not None and not fresh:
        return [(match, own)]
    if match is not None and _another_than_one_told(text, span, match, primaries):
        return [(match, own)]
    headline = next((d for d in same if _told_in_the_headline_only(state, d)), None)
    if headline is not None:
        # "Rockets strike Erbil, drone hits Tal Baydar" ... "Separately, a drone hit the Tal Baydar base": the
        # attack the headline named, told apart from the one before it, not from the headline
        return [(headline, own)]
    if (
        focus is not None
        and focus.site is None
        and not focus.counted
        and (not fresh or _told_in_the_headline_only(state, focus))
        and same_story(focus, t.site.country, None, date)
    ):
        # ("US base in Iraq comes under yet another rocket attack" ... "The Iraqi base in Taji was rocked with another
        # rocket attack on Saturday": "another" measures the news against earlier attacks, the headline's is this)
        focus.site, focus.site_by_town = t.site, t.by_town
        if n > 1:
            # "The drones targeted al-Harir and al-Asad": what was told before of the attack unnamed was told
            # of all the attacks this sentence names - its figures belong to none of them
            focus.shared_before = f.sent.index
        return [(focus, own)]
    return [(_new(state, "primary", t), own)]


# The attack told as one already known: "the attack", "this strike", "the deadly assault"
_THE_ATTACK_TOLD = prefilter.compile(r"\b(?:the|this|that)\s+(?:[\w-]+\s+){0,2}?$", re.I)


def _only_the_attack_again(text: str, date: DateMention | None) -> bool:
    """'Former Iraqi army officer Ayyad Al-Tufan commented on the attack, noting its significance': every word of an
    attack in the sentence is 'the attack' already told, with no day of its own - the attack in focus, whatever
    country the sentence's other words name."""
    told = list(cues.ATTACK.finditer(text))
    return (
        date is None
        and bool(told)
        and all(
            m.group(0).lower() in vocabulary.ATTACK_NOUNS and _THE_ATTACK_TOLD.search(text, 0, m.start()) for m in told
        )
    )


def _the_claimants_day(f: Facts, d: Draft, date: DateMention | None) -> bool:
    """'A drone attack on al-Omar killed six on Monday ... A group claimed responsibility for a drone attack on
    al-Omar, saying it launched the attack on Feb. 4': a claim dates the attack on the site told by the night it
    was launched, a day from the day it was reported - the same attack, not another."""
    if date is None or d.date is None or date.precision != "day" or d.date.precision != "day":
        return False
    text = f.sent.text
    return (
        abs((date.date - d.date.date).days) == 1
        and cues.CLAIM.search(text) is not None
        and ATTACK_ON_THE_DAY.search(text, 0, date.start) is not None
    )


def _another_than_one_told(text: str, span: tuple[int, int], match: Draft, primaries: list[Draft]) -> bool:
    """'Three rockets struck a US base near Conoco ... Loud explosions were heard in the Green Village area ... two
    rocket attacks struck another US base in the Green Village area': the base is another than Conoco, and its
    attack the one already told of it."""
    return segments.only_another_site(text, span[0], span[1]) and any(
        d.site is not None and d.site != match.site for d in primaries if d is not match
    )


def _told_in_the_headline_only(state: State, d: Draft) -> bool:
    """The attack is so far only named by the article's title lines, undated."""
    return d.date is None and bool(d.anchors) and all(i < state.title_lines for i in d.anchors)


_EARLIER_THAT_DAY = prefilter.compile(r"^\W*earlier\s+(?:in\s+the|that|on\s+the\s+same)\s+day\b", re.I)


def _split_ordinals(state: State, f: Facts, d: Draft) -> Draft:
    """'The first attack ... while the second drone attack ...': one draft per ordinal; what was told of
    them together before is shared (its positive figures belong to neither)."""
    idx, text = f.sent.index, f.sent.text
    spans = segments.split_by_positions(len(text), segments.ordinal_cuts(text))
    earlier = [i for i in d.anchors if i != idx]
    d.shared.update(earlier)
    d.spans[idx] = spans[0]
    last = d
    for sp in spans[1:]:
        c = Draft("primary", d.site, d.place, d.country, anchors=[*earlier, idx], date=d.date)
        c.date_sentence, c.shared, c.spans = d.date_sentence, set(earlier), {idx: sp}
        state.drafts.append(c)
        for i in c.anchors:
            state.owner.setdefault(i, []).append(c)
        last = c
    return last


_DESCRIBED_AS = prefilter.compile(r"\s*((?:[\w-]+\s+){0,2}(?:north|south|east|west)\w*\s+of\s+[A-Z][\w-]+)")


def _repeats_description(state: State, focus: Draft, f: Facts, m: SiteMention) -> bool:
    """The words after the site's name ('airbase north of Baghdad') describe the unnamed site attacked, or the
    words before it repeat, made definite, the description the attack was told with ('a US patrol base in
    northeastern Syria' ... 'the US patrol base in Al-Shaddadi')."""
    tail = _DESCRIBED_AS.match(f.sent.text, m.end - f.sent.start)
    if tail is not None and any(tail.group(1) in state.facts[i].sent.text for i in focus.anchors):
        return True
    head = _THE_DESCRIBED.search(f.sent.text, 0, m.start - f.sent.start)
    if head is None:
        return False
    told = re.compile(rf"\ban?\s+{re.escape(head.group(1))}\s+(?:in|at|near)\b", re.I)
    return any(told.search(state.facts[i].sent.text) for i in focus.anchors)


# A definite description of a site, up to its name: "the US patrol base in |Al-Shaddadi"
_THE_DESCRIBED = prefilter.compile(
    r"\bthe\s+((?:[\w.-]+\s+){1,3}?(?:base|outpost|garrison|airbase|airfield|installation|facility))\s+(?:in|at|near)\s+"
    r"(?:(?:the\s+)?(?:town|city|village)\s+of\s+)?(?:\w{1,3}-)?$",
    re.I,
)


def _before_the_strike(f: Facts, at: int) -> bool:
    """Is the offset ``at`` before the words that tell another actor's strike in this sentence?"""
    strike = cues.OTHER_ACTOR.search(f.sent.text)
    return strike is None or at < strike.start()


def _could_name_focus(state: State, focus: Draft, f: Facts, site: Site, at: int) -> bool:
    """Could the site named at ``at`` be where the unnamed attack in focus took place? The attack names no site
    and sums up no others; the site is in its country, named before any other actor's strike the sentence tells,
    and no other attack's already."""
    if focus.site is not None or focus.counted or focus.summary or focus.country_code not in (None, site.country):
        return False
    if "other_actor" in f.vetoes and not _before_the_strike(f, at):
        return False
    return not any(d.site is not None and d.site.slug == site.slug for d in state.drafts if d.role == "primary")


def _names_unnamed(f: Facts, focus: Draft | None, state: State) -> bool:
    """'The al-Tanf garrison in southeastern Syria is located ...' right after an unnamed attack names it."""
    if focus is None or not focus.anchors or f.sent.index - max(focus.anchors) > 3:
        return False
    if len({m.site.slug for m in f.sites}) != 1 or f.vetoes & {"foiled", "shipping"}:
        return False
    m = f.sites[0]
    at = m.start - f.sent.start
    # "The al-Tanf garrison ... is located", "The attack on MSS Euphrates prompted ...", "airmen stationed at the
    # al-Balad airbase north of Baghdad" after "an Iraqi airbase north of Baghdad" was hit: the site the attack was at
    named = (
        at <= 12
        or _THE_ATTACK_ON.search(f.sent.text, 0, at)
        or _repeats_description(state, focus, f, m)
        # "The drone that crashed into a base in Jordan ... The explosive-laden drone had originated in Iraq and
        # exploded near the sleeping quarters of Jordan's Tower 22 base": the weapon in focus, its subject again,
        # ends at the site
        or _the_weapon_in_focus_placed(state, f, Target(m.site, None, m.site.country, at, m.end - f.sent.start), focus)
    )
    return bool(named) and _could_name_focus(state, focus, f, m.site, at)


# "the attack on the base in the town of", "the strike at the outpost near": the attack told, and where it was
_THE_ATTACK_ON = prefilter.compile(
    r"\bthe\s+(?:[\w-]+\s+)?(?:attack|strike|incident)\s+(?:on|at|against|targeting)\s+(?:the\s+)?"
    r"(?:(?:[\w-]+\s+){0,3}?(?:in|at|near|of)\s+(?:the\s+(?:town|city|village|area|district|province)\s+of\s+)?)?$",
    re.I,
)


# "the last attack on", "the previous strike at": another attack than the one in focus
_ANOTHER_ATTACK = prefilter.compile(r"the\s+(?:last|previous|prior|earlier|first)\b", re.I)


def _names_the_attack_in_focus(f: Facts, t: Target, focus: Draft, state: State) -> bool:
    """'No casualties were reported in the attack on the base in the town of Al-Shaddadi': the site is where
    'the attack' just told, which named none, took place."""
    if focus.role != "primary" or t.site is None or f.vetoes - {"other_actor"} or f.past_event_dates:
        return False  # "The last attack on Balad airbase was on March 15": an earlier attack, named
    the_attack = _THE_ATTACK_ON.search(f.sent.text, 0, t.start)
    if the_attack is not None and _ANOTHER_ATTACK.match(the_attack.group(0)):
        return False
    return the_attack is not None and _could_name_focus(state, focus, f, t.site, t.start)


# "the attack occurred in", "the incident took place at": the attack told, placed
_THE_ATTACK_OCCURRED = prefilter.compile(
    r"\bthe\s+(?:attack|incident|strike)\s+(?:occurred|took\s+place|happened)\s+(?:in|at|near)\s+(?:the\s+)?$", re.I
)


def _the_unnamed_attack_placed(state: State, f: Facts, t: Target) -> Draft | None:
    """'US forces in eastern Syria took indirect fire on Saturday ... Hours later, another attack at Coalition forces
    stationed at the Al Omar oil field ... The official said the attack occurred in Conoco': 'the attack' placed with
    no day of its own is the one unnamed attack of the site's country told before, not a new one - even when the
    story has since named another."""
    if t.site is None or f.event_dates or f.vetoes or not _THE_ATTACK_OCCURRED.search(f.sent.text, 0, t.start):
        return None
    unnamed = [
        d
        for d in state.drafts
        if d.role == "primary" and _could_name_focus(state, d, f, t.site, t.start) and d.country_code is not None
    ]
    return unnamed[0] if len(unnamed) == 1 else None


# The sentence opens on the weapon told before, as its subject: "The drone, launched before sunrise on Oct. 26 ..."
_OPENS_ON_THE = prefilter.compile(r"^\W*the\s+(?:[\w-]+\s+){0,2}?$", re.I)


def _the_weapon_in_focus_placed(state: State, f: Facts, t: Target, focus: Draft) -> bool:
    """'A malfunctioning drone in Iraq may have helped ... The drone, launched on Oct. 26 by a militia at the Erbil
    air base, crashed into the barracks': the weapon of the unnamed attack in focus, told again as the subject,
    places that attack (whatever its day) - it opens no other."""
    if focus.role != "primary" or focus.site is not None or t.site is None or not f.weapons:
        return False
    first = f.weapons[0]
    if not _OPENS_ON_THE.match(f.sent.text, 0, first.start):
        return False
    # the weapons told since the attack in focus was (its lead's words are details not yet attached)
    told = {w.category for g in state.facts[min(focus.anchors) : f.sent.index] for w in g.weapons}
    return first.category in told


_TIMES = prefilter.compile(
    r"\b(?:attacked|targeted|hit|struck|shelled|came\s+under\s+(?:\w+\s+)?(?:attack|fire)"
    # "attacks were launched twice against the base"
    r"|(?:were|was)\s+(?:launched|fired|carried\s+out))\s+"
    # "attacked the base twice": the count after the verb's object ("attacked with drones and rockets four times":
    # or after its weapons)
    r"(?:the\s+(?:[\w-]+\s+){0,3}?(?:base|airbase|garrison|outpost|site|facility|camp)\s+"
    r"|with\s+(?:[\w-]+\s+){1,4}?(?=(?:twice|\w+\s+times)\b))?"
    rf"(?P<n>twice|{numerals(2, 5)}|\d)(?:\s+times)?\b(?P<incl>[^.;]{{0,30}}?\bincluding\b)?",
    re.I,
)
# A sentence whose subject is the attack just told: "This is the first such attack targeting coalition troops
# since ...", "It marked the second attack on the base this week"
_SPEAKS_OF_FOCUS = prefilter.compile(
    r"^\W*(?:this|it|that|the)\s+(?:attack\s+|strike\s+|incident\s+)?"
    # ("The attack against U.S. forces is the first since early February": the attack with its target)
    r"(?:(?<=attack\s|strike\s)(?:on|against|targeting)\s+(?:[\w.-]+\s+){1,3}?)?"
    r"(?:is|was|marks|marked|became|comes|came|represents|represented|constitutes|constituted)\s+"
    r"(?:(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?(?:attack|strike|incident|time)\b"
    # "This attack constitutes the 26th against US bases in Syria": an ordinal with its noun left out
    r"|the\s+\d+(?:st|nd|rd|th)\b"
    # ... also in words before what it counts from: "Wednesday's attack is the first since November 23"
    r"|the\s+(?:first|second|third)\s+(?=since\b))"
    # "These attacks occurred after a security meeting in Washington": the attacks just told, set in their time
    r"|^\W*(?:these|those|both|the)\s+(?:[\w-]+\s+)?(?:attacks|strikes|incidents)\s+(?:\w+ly\s+)?"
    r"(?:occurred|came|come|took\s+place|happened|followed|follow)\b",
    re.I,
)
# "targeted, for the second time within hours, the Kharab al-Jir base": this attack and an earlier one that day
_AGAIN_TODAY = prefilter.compile(
    r"\bfor\s+the\s+(?P<n>second|third)\s+time\s+(?:within\s+(?:hours|a\s+day|24\s+hours)|in\s+(?:hours|a\s+day|24\s+hours)"
    r"|today|on\s+the\s+same\s+day|that\s+day)\b",
    re.I,
)
_TIMES_N = {"twice": 2, "two": 2, "three": 3, "four": 4, "five": 5, "second": 2, "third": 3}
# "targeted in separate attacks by two explosive-laden drones", "in three separate attacks": one attack each
_SEPARATE_ATTACKS = prefilter.compile(
    rf"\bin\s+(?:(?P<n>{numerals(2, 5)})\s+separate\s+(?:[\w-]+\s+)?(?:attacks|strikes)"
    rf"|separate\s+(?:attacks|strikes)\s+by\s+(?P<m>{numerals(2, 5)})\s+(?:[\w-]+\s+){{0,2}}?"
    r"(?:drones|rockets|missiles|uavs))\b",
    re.I,
)


def times_told(text: str) -> tuple[int, bool]:
    """'the base was attacked twice' -> (2, False); 'came under attack three times ..., including at X' ->
    (3, True); (0, False) when the sentence gives no such count."""
    again = _AGAIN_TODAY.search(text)
    if again is not None:
        return _TIMES_N.get(again.group("n").lower(), 2), False
    separate = _SEPARATE_ATTACKS.search(text)
    if separate is not None:
        return _TIMES_N.get((separate.group("n") or separate.group("m")).lower(), 0), False
    m = _TIMES.search(text)
    if m is None or (m.group("n").isdigit() and "times" not in m.group(0)):
        return 0, False
    n = _TIMES_N.get(m.group("n").lower()) or int(m.group("n"))
    if n < 2 or n > 5 or (m.group("n").lower() != "twice" and "times" not in m.group(0)):
        return 0, False
    return n, m.group("incl") is not None


# One item of a count broken down by target: "three times at separate bases in Syria", "twice at the Ain al-Asad
# airbase", "once on the Harir base"
_TIMES_AT = prefilter.compile(
    rf"\b(?P<n>once|twice|(?:{numerals(2, 5)}|\d)\s+times)\s+(?:at|on|against|in|targeting)\s+",
    re.I,
)
_A_SITE_NOUN = prefilter.compile(rf"\b{words(vocabulary.SITE_KINDS)}\b", re.I)
# ... or told after its target, the subject of a passive: "Separate bases in Syria were attacked three times and the
# Ain al-Asad airbase west of Baghdad was targeted twice"
_TARGET_TIMES = prefilter.compile(
    r"\b(?:was|were)\s+(?:\w+ly\s+|also\s+)?(?:attacked|targeted|hit|struck|shelled)\s+"
    rf"(?P<n>once|twice|(?:{numerals(2, 5)}|\d)\s+times)\b",
    re.I,
)


def _breakdown(text: str, sites_at: list[int]) -> list[tuple[int, int, int]]:
    """'at least five times on Friday - three times at separate bases in Syria, and twice at the Ain al-Asad
    airbase': (count, start, end) of each target the count is broken down by (a site named at one of ``sites_at``
    or a kind of site); [] unless there are two or more."""
    items = list(_TIMES_AT.finditer(text))
    # each item's target: after its count, up to the next item; or, told as the passive's subject, before its count
    # from the item before it
    spans = [(m.end(), items[i + 1].start() if i + 1 < len(items) else len(text)) for i, m in enumerate(items)]
    if len(items) < 2:
        items = list(_TARGET_TIMES.finditer(text))
        spans = [(items[i - 1].end() if i else 0, m.start()) for i, m in enumerate(items)]
    out = []
    for m, (start, end) in zip(items, spans, strict=True):
        if not (_A_SITE_NOUN.search(text, start, end) or any(start <= at < end for at in sites_at)):
            continue
        word = m.group("n").lower().split()[0]
        n = {"once": 1, "twice": 2}.get(word) or _TIMES_N.get(word) or int(word)
        out.append((n, min(m.start(), start), max(m.end(), end)))
    return out if len(out) > 1 else []


def split_breakdown(state: State, f: Facts, touched: list[Draft]) -> bool:
    """A count broken down by target: as many attacks on each target as its own count says - the named site's
    drafts, and unnamed ones in the country the item names. True when the sentence held such a breakdown."""
    text = f.sent.text
    items = _breakdown(text, [m.start - f.sent.start for m in f.sites])
    primaries = [d for d in touched if d.role == "primary"]
    if not items or not primaries:
        return False
    idx, first = f.sent.index, primaries[0]
    for n, start, end in items:
        named = [m.site for m in f.sites if start <= m.start - f.sent.start < end]
        if named:
            have = [d for d in state.drafts if d.role == "primary" and d.site is named[0] and idx in d.anchors]
            if not have:
                continue
            for _ in range(n - len(have)):
                _copy(state, have[0], [idx])
            continue
        country = next((COUNTRY_WORDS[c.group(0).lower()] for c in COUNTRY_WORD.finditer(text, start, end)), None)
        for _ in range(n):
            _unnamed(state, idx, country or first.country_code, first)
    return True


def _unnamed(state: State, idx: int, country: str | None, like: Draft) -> None:
    """One more counted attack on an unnamed site in ``country``, told by sentence ``idx`` on ``like``'s day."""
    c = Draft("primary", None, None, country, anchors=[idx], date=like.date, counted=True)
    c.date_sentence, c.shared = like.date_sentence, {idx}
    state.drafts.append(c)
    state.owner.setdefault(idx, []).append(c)


def count_unnamed_attacks(state: State, d: Draft, idx: int) -> None:
    """'U.S. forces in Iraq are targeted in two separate drone attacks', 'are attacked three times', 'drones target
    two bases': the unnamed attack ``d`` that sentence ``idx`` tells is one of as many as it counts, each a draft
    of its own on the same day (its positive figures are nobody's)."""
    text = state.facts[idx].sent.text
    n = max(times_told(text)[0], segments.counted_sites(text))
    if n > 1:
        d.counted, d.shared = True, {*d.shared, idx}
    for _ in range(n - 1):
        _unnamed(state, idx, d.country_code, d)


def _copy(state: State, d: Draft, anchors: list[int]) -> None:
    """One more attack on ``d``'s site, told by the same sentences."""
    c = Draft("primary", d.site, d.place, d.country, anchors=list(anchors), date=d.date)
    c.date_sentence, c.shared = d.date_sentence, set(anchors)
    state.drafts.append(c)
    for i in c.anchors:
        state.owner.setdefault(i, []).append(c)


def split_times(state: State, f: Facts, touched: list[Draft]) -> None:
    """'The al-Shaddadi base was attacked twice': as many attacks on that site as the count says (what the
    sentence tells is shared by them); 'three times on Sunday, including near X and at Y': the attacks left
    unnamed are drafts of their own, on the same day and in the same country."""
    n, including = times_told(f.sent.text)
    named = list({id(d): d for d in touched if d.role == "primary" and d.site is not None}.values())
    if n == 0 or not named:
        return
    idx = f.sent.index
    if including:
        for _ in range(n - len(named)):
            _unnamed(state, idx, named[0].country_code, named[0])
        return
    if len(named) != 1:
        return
    d = named[0]
    same = [o for o in state.drafts if o.role == "primary" and o.site is d.site and date_compatible(o.date, d.date)]
    earlier = [i for i in d.anchors if i != idx]
    for _ in range(n - len(same)):
        _copy(state, d, [*earlier, idx])


# "late Friday and early Saturday", "Friday and Saturday night": one attack across midnight, not two
_ACROSS_THE_NIGHT = prefilter.compile(r"\b(?:late|early|night|overnight|dawn)\b", re.I)


def split_days(state: State, f: Facts, touched: list[Draft]) -> None:
    """'Drones were shot down near Shaddadi on both Friday and Saturday': one attack on the site a day, each on
    its own day (what the sentence tells is shared by them)."""
    named = list({id(d): d for d in touched if d.role == "primary" and d.site is not None}.values())
    days = _coordinated_days(f)
    if len(named) != 1 or not days or any(_ACROSS_THE_NIGHT.search(x.text) for x in days):
        return
    d, idx = named[0], f.sent.index
    if d.date_sentence != idx or d.date not in days:
        return
    d.date = days[0]
    for day in days[1:]:
        if any(o.site is d.site and o.event_day == day.date for o in state.drafts if o.role == "primary"):
            continue  # told apart already
        c = Draft("primary", d.site, d.place, d.country, anchors=[idx], date=day)
        c.date_sentence, c.shared = idx, {idx}
        d.shared.add(idx)
        state.drafts.append(c)
        state.owner.setdefault(idx, []).append(c)


@dataclass
class _Reading:
    """Where the reading of the article stands: the attack in focus, the earlier time the story has moved back
    to (if it has), the background attacks told so far (by site and date)."""

    focus: Draft | None = None
    frame: DateMention | None = None
    background: dict[tuple, Draft] = field(default_factory=dict)

    def earlier(self, state: State, t: Target, idx: int, date: DateMention | None, span, *, why: str) -> None:
        """Anchor an earlier attack: one background draft per site (or unnamed place) and date."""
        key = (t.site.slug if t.site else ("generic", t.country), date.date if date else None)
        if key not in self.background:
            self.background[key] = _new(state, "background", t, why=why)
        _anchor(state, self.background[key], idx, date, span)


def _no_target(state: State, f: Facts, r: _Reading) -> None:
    """A sentence that names no attacked site: an earlier attack told without one, a name for the unnamed attack
    in focus, or 'the base was attacked twice'."""
    earlier = earlier_attack_told(f, r.focus)
    if earlier is not None:
        for date in _coordinated_days(f) or [earlier[1]]:
            r.earlier(state, earlier[0], f.sent.index, date, None, why="an earlier attack told in passing")
    elif _names_unnamed(f, r.focus, state):
        # _names_unnamed is false without a focus
        r.focus.site, r.focus.site_sentence = f.sites[0].site, f.sent.index  # type: ignore[union-attr]
    elif (day := _day_of_the_attack_told(f, r.focus)) is not None and r.focus is not None:
        # "Two drones targeted the base, a source told Reuters on Tuesday. The attack in the early hours of Tuesday
        # caused no casualties.": the attack's own day, so that Monday's rockets on the same base are another attack
        r.focus.date, r.focus.date_sentence = day, f.sent.index
    elif THE_SITE.search(f.sent.text) and times_told(f.sent.text)[0] and r.focus is not None and r.focus.site:
        _anchor(state, r.focus, f.sent.index, None, None)
        split_times(state, f, [r.focus])
    elif (site := _the_site_named_next(state, f, r.focus)) is not None:
        # "... three Katyusha rockets had landed inside the air base. ... Balad was the second-largest US base in the
        # country": "the air base" had no site before it, the site the next sentence names is the one meant
        d = _new(state, "primary", Target(site, None, site.country, 0, 0))
        d.site_sentence = f.sent.index + 1
        _anchor(state, d, f.sent.index, None, None)
        r.focus = d
    elif (site := _another_attack_on_the_site(f, r.focus)) is not None and r.focus is not None:
        # "Hours later, a second rocket attack targeted the base": a new attack on the site in focus
        d = _new(state, "primary", Target(site, None, site.country, 0, 0))
        same_day = segments.SAME_DAY.search(f.sent.text) is not None
        _anchor(state, d, f.sent.index, r.focus.date if same_day else None, None)
        r.focus = d


def _the_site_named_next(state: State, f: Facts, focus: Draft | None) -> Site | None:
    """The one site the next sentence names, when this one tells an attack on "the base" that nothing before it
    named (no attack told yet, no site named): the definite description points at it; else None."""
    if focus is not None or state.drafts or not f.attack or f.vetoes or f.past_event_dates:
        return None
    if any(x.sites for x in state.facts[: f.sent.index]) or not THE_SITE.search(f.sent.text):
        return None
    after = state.facts[f.sent.index + 1] if f.sent.index + 1 < len(state.facts) else None
    if after is None or after.attack or after.vetoes or len({m.site.slug for m in after.sites}) != 1:
        return None
    site = after.sites[0].site
    return site if site.kind != "diplomatic" and f.place_country in (None, site.country) else None


# The attack just told as the subject: "The attack in the early hours of Tuesday ...", "The strike, late on Monday, ..."
_THE_ATTACK = prefilter.compile(
    r"^\W*(?:the|this|that)\s+(?:[\w-]+\s+){0,2}?(?:attack|strike|assault|bombardment|barrage)\b(?!\s+(?:on|against)\b)",
    re.I,
)


def _day_of_the_attack_told(f: Facts, focus: Draft | None) -> DateMention | None:
    """The day of the news told in a sentence of its own, when the sentences naming its site gave only the day it
    was reported ("... a security source told Reuters on Tuesday"); else None."""
    if focus is None or focus.role != "primary" or (focus.date is not None and not focus.date.reporting):
        return None
    if f.sites or f.vetoes or not _THE_ATTACK.match(f.sent.text):
        return None
    days = [x for x in f.event_dates if x.precision == "day" and not x.past]
    return days[0] if len(days) == 1 else None


def _another_attack_on_the_site(f: Facts, focus: Draft | None) -> Site | None:
    """The site in focus, when the sentence opens a new attack on 'the base' ('a second attack', 'another')."""
    if focus is None or focus.role != "primary" or not f.attack or f.vetoes or not THE_SITE.search(f.sent.text):
        return None
    return focus.site if segments.opens_new_event(f.sent.text, 0, len(f.sent.text)) else None


_AND_ON = prefilter.compile(r"\s*(?:,\s*and|,|and)\s+(?:again\s+)?(?:on\s+)?", re.I)


def _coordinated_days(f: Facts) -> list[DateMention]:
    """'two attacks which targeted the garrison on October 20 and August 15': one earlier attack a day, when the
    sentence joins two or more days with 'and'; else []."""
    days = sorted((x for x in f.event_dates if x.precision == "day"), key=lambda x: x.start)
    run = days[:1]
    for x in days[1:]:
        if _AND_ON.fullmatch(f.sent.text, run[-1].end, x.start):
            run.append(x)
        elif len(run) < 2:
            run = [x]
    return run if len(run) > 1 else []


def _target_date(f: Facts, t: Target, span: tuple[int, int], r: _Reading) -> DateMention | None:
    date = anchor_date(f, t, span)
    undated = date is None or date.reporting
    if undated and r.focus is not None and r.focus.date is not None and segments.SAME_DAY.search(f.sent.text):
        return r.focus.date  # "Hours later, another attack ...": the same day
    if t.site is None and undated and r.frame is not None:
        return r.frame  # "That was set off when a drone strike on a coalition base killed ...": still then
    return date


def _one_target(state: State, f: Facts, t: Target, span: tuple[int, int], n: int, r: _Reading) -> list[Draft]:
    """Anchor one target a sentence names; the drafts it informs as news."""
    idx, text = f.sent.index, f.sent.text
    date = _target_date(f, t, span, r)
    own = span if n > 1 or span != (0, len(text)) else None
    if r.focus is not None and refers_to_focus(f, t, date, r.focus):
        _anchor(state, r.focus, idx, date, own)
        return [r.focus]
    if r.focus is not None and _the_weekday_told_with_the_focus(state, t, date, r.focus):
        _anchor(state, r.focus, idx, None, own)
        return [r.focus]
    if r.focus is not None and (
        _names_the_attack_in_focus(f, t, r.focus, state)
        or (n == 1 and _the_weapon_in_focus_placed(state, f, t, r.focus))
    ):
        r.focus.site = t.site
        _anchor(state, r.focus, idx, date, own)
        return [r.focus]
    placed = _the_unnamed_attack_placed(state, f, t)
    if placed is not None:
        placed.site = t.site
        _anchor(state, placed, idx, date, own)
        return [placed]
    # an undated mention of a site an earlier attack was told at may name that attack again
    site = t.site
    earlier = (
        _the_earlier_attack_named_again(state, f, t, site, r) or _the_earlier_volley_again(state, f, site)
        if site is not None and (date is None or date.reporting)
        else None
    )
    if earlier is not None:
        _anchor(state, earlier, idx, date, own)
        return []
    background = background_reason(f, t, date, state.published)
    if background is None and t.before_strike and answered_by_the_strike(text, t.start):
        background = ANSWERED_BY_A_STRIKE
    # "This is the first such attack since ...": the attack in focus; a site told before a strike's clause
    speaks_of_focus = r.focus is not None and _SPEAKS_OF_FOCUS.match(text) is not None
    if (t.before_strike or speaks_of_focus) and not background:
        return []
    if speaks_of_focus and t.site is None:
        # "The incident marked the first time American soldiers were killed since the attacks began in October":
        # the attack in focus compared with a period, no earlier attack of its own
        return []
    if background:
        if (
            t.site is None
            and r.focus is not None
            and r.focus.site is not None
            and (DEFINITE.search(text, 0, t.start) or THE_SITE.search(text))
            and not compiled(state.gazetteer).sites.in_another_province(r.focus.site, t.place)
        ):
            # "The base, which hosts coalition personnel, was hit by a rocket on June 20", "days after two soldiers
            # were killed in a similar strike on the same base": the site in focus
            t = Target(r.focus.site, None, r.focus.site.country, t.start, t.end)
        r.earlier(state, t, idx, date, own, why=background)
        return []
    counted = segments.COUNTED_SITES.match(text, t.start) is not None  # "three bases in Syria": attacks of their own
    if t.site is None and not counted and (segments.is_roundup_summary(text) or _bases_in_a_title(state, f, t)):
        _anchor(state, _new(state, "primary", t, summary=True), idx, date, own)
        return []
    touched = []
    for d, dspan in _primary_drafts(state, f, t, span, date, r.focus, n):
        _anchor(state, d, idx, date, dspan)
        touched.append(d)
        r.focus = d
    return touched


# An attack named by its site with the definite article: "injured in the Asad Airbase attack", "launched the attack
# on the Asad Airbase"
_THE_ATTACK_ON_BEFORE = prefilter.compile(
    r"\b(?:the|that|this)\s+(?:[\w-]+\s+){0,2}?(?:attack|strike|assault)\s+(?:on|against|at)\s+(?:the\s+)?$", re.I
)
_THE_BEFORE = prefilter.compile(r"\b(?:the|that|this)\s+$", re.I)
_ATTACK_AFTER = prefilter.compile(r"\s*(?:[\w-]+\s+)?(?:attack|strike|assault)\b", re.I)


def _the_earlier_attack_named_again(state: State, f: Facts, t: Target, site: Site, r: _Reading) -> Draft | None:
    """'The attack on the Rumalyn Landing Zone comes just days after attackers targeted the Asad Airbase. Four U.S.
    service members were injured in the Asad Airbase attack': the attack named again by its site with the definite
    article is the earlier one already told there, not news - when no news is told on that site."""
    text = f.sent.text
    named = _THE_ATTACK_ON_BEFORE.search(text, max(0, t.start - 60), t.start) or (
        _THE_BEFORE.search(text, max(0, t.start - 8), t.start) and _ATTACK_AFTER.match(text, t.end)
    )
    if not named or any(d.role == "primary" and d.site == site for d in state.drafts):
        return None
    told = [d for (slug, _), d in r.background.items() if slug == site.slug]
    return told[0] if len(told) == 1 else None


def _the_earlier_volley_again(state: State, f: Facts, site: Site) -> Draft | None:
    """'The attack came after a volley of rockets exploded near the U.S. Embassy in Baghdad on Sunday. The Iraqi
    military said that an outlaw group fired the rockets at Baghdad's heavily fortified Green Zone': the projectiles
    named again with 'the', undated, at the site of an earlier attack told with them or a site beside it, are that
    attack's - when no news is told there."""
    again = {w.category for w in f.weapons if _THE_WEAPON.search(f.sent.text, 0, w.start)}
    if not again or any(
        d.role == "primary" and d.site is not None and km(d.site, site) <= NEAR_KM for d in state.drafts
    ):
        return None
    told = [
        d
        for d in state.drafts
        if d.role == "background"
        and d.site is not None
        and km(d.site, site) <= NEAR_KM
        and again <= {w.category for i in d.anchors for w in state.facts[i].weapons}
    ]
    return told[-1] if told else None


# How far before a dated attack's day its weekday may stand: "On Saturday, March 12, ..."
_WEEKDAY_BEFORE_THE_DAY = 16


def _the_weekday_told_with_the_focus(state: State, t: Target, date: DateMention | None, focus: Draft) -> bool:
    """'On Thursday, May 4, some ten rockets struck Camp Taji ... Footage has since surfaced of
    Thursday's rocket attack at Camp Taji': a weekday the attack in focus was told on, beside its date, names that
    attack again on its site - even where the weekday counted from the publication falls on another date."""
    if date is None or date.kind != "weekday" or focus.role != "primary" or focus.site is None or t.site is None:
        return False
    told = focus.date
    if told is None or told.kind != "explicit" or focus.date_sentence is None or t.site.slug != focus.site.slug:
        return False
    text = state.facts[focus.date_sentence].sent.text
    with_the_day = text[max(0, told.start - _WEEKDAY_BEFORE_THE_DAY) : told.end].lower()
    return re.search(rf"\b{re.escape(date.text.lower())}\b", with_the_day) is not None


# Sites in the plural: "US-Occupied Bases", "American bases"
_PLURAL_SITES = prefilter.compile(
    r"\b(?:bases|airbases|outposts|installations|facilities|garrisons|compounds|positions|sites)\b", re.I
)


def _bases_in_a_title(state: State, f: Facts, t: Target) -> bool:
    """'Retaliatory Drone Strikes Hit US-Occupied Bases in Syria, Iraq': a title line's unnamed bases in the plural
    sum up the attacks the body tells one by one - a summary, not an attack of its own."""
    in_a_title = f.sent.index < state.title_lines
    return in_a_title and _PLURAL_SITES.search(f.sent.text, t.start, max(t.end, t.start)) is not None


# The attack told last, pointed at from afar: "in that attack", "that strike"
_THAT_ATTACK = prefilter.compile(r"\bthat\s+(?:[\w-]+\s+)?(?:attack|strike|assault|incident|bombing)\b", re.I)


def _its_weapon_again(state: State, f: Facts, told: Draft, focus: Draft | None) -> bool:
    """'the suicide drone' after an earlier attack by a drone, in the story of a rocket attack: the weapon named
    again with 'the' is the earlier attack's."""
    if focus is None or focus is told:
        return False
    again = {w.category for w in f.weapons if _THE_WEAPON.search(f.sent.text, 0, w.start)}
    theirs = {w.category for i in told.anchors for w in state.facts[i].weapons}
    ours = {w.category for i in focus.anchors for w in state.facts[i].weapons}
    return bool(again) and again <= theirs and not again & ours


# "the suicide drone", "the missiles": a weapon named before
_THE_WEAPON = prefilter.compile(r"\bthe\s+(?:[\w-]+\s+){0,2}?$", re.I)


# The attack a strike answered, told in the strike's sentence: "... conducted in response to an Iranian drone attack"
_IN_ANSWER_TO_AN_ATTACK = prefilter.compile(
    r"\b(?:in\s+)?(?:response|retaliation|reply)\s+(?:to|for)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:attack|assault)\b",
    re.I,
)
# "In the attack, ...", "During that assault, ...": the attack just told, pointed at
_IN_THE_ATTACK = prefilter.compile(
    r"^\W*(?:in|during)\s+(?:the|that|this)\s+(?:[\w-]+\s+)?(?:attack|assault|incident)\b", re.I
)


def the_answered_attack_again(state: State, idx: int) -> bool:
    """'The series of strikes have been conducted in response to an Iranian drone attack on a helipad at the US base
    in Rumaila. In the attack, one US serviceman was killed': right after a strike's sentence that names the attack it
    answered, 'in the attack' is that one, not the news."""
    if idx == 0 or not _IN_THE_ATTACK.match(state.facts[idx].sent.text):
        return False
    before = state.facts[idx - 1]
    return _IN_ANSWER_TO_AN_ATTACK.search(before.sent.text) is not None and not before.sites


# A response told bare, its cause the event just told: "..., in response.", "In retaliation, ..."
_IN_ANSWER_BARE = prefilter.compile(
    r"^\W*in\s+(?:response|retaliation|reply|turn)\s*,|,\s+in\s+(?:response|retaliation|reply|turn)\W*$", re.I
)


# A sentence opening on the time of an event: "When Iran fired at the Al Asad Air Base, multiple soldiers suffered
# concussions" - told right after the story moved back to an earlier year, it is that year's event
_WHEN_OPENING = prefilter.compile(r"^\W*when\s", re.I)


def _answers_an_earlier_year(f: Facts, frame: DateMention | None, year: int) -> bool:
    """'... a repeat of last year's tit-for-tat escalation, that culminated in the US assassination of Soleimani.
    Dozens of US service members were injured as Iran targeted two airbases, including the Ain al-Asad airbase, in
    response.': once the story has moved back to an earlier year, an undated attack told bare as the answer to what
    was just told is that year's, even on the site of the news."""
    if frame is None or frame.date.year >= year or f.event_dates:
        return False
    return _IN_ANSWER_BARE.search(f.sent.text) is not None or _WHEN_OPENING.match(f.sent.text) is not None


# How much of a sentence's opening makes it the same sentence printed again
_REPEAT_KEY = 80


def find_anchors(state: State) -> None:
    """One draft per attack; each sentence that reports one is an anchor of it."""
    r = _Reading()
    seen: set[str] = set()
    for f in state.facts:
        key = f.sent.text[:_REPEAT_KEY]
        if key in seen:
            # a paragraph printed again (a page's teaser repeated after its paywall, a quote repeated, cut short at
            # the end of a page's text): told once
            continue
        seen.add(key)
        if CAPTION in f.vetoes:
            # "Debris ... is seen at Camp Taji ..., Iraq March 12, 2020.": what a photo's caption shows is an earlier
            # attack, told aside - the story read around it keeps its focus and its time
            for t in merge_near(targets(f), state.drafts):
                r.earlier(state, t, f.sent.index, anchor_date(f, t, (0, len(f.sent.text))), None, why=IN_A_CAPTION)
            continue
        before = r.frame
        r.frame = past_frame(f, r.frame, state.drafts)
        found = merge_near(targets(f), state.drafts)
        if not found:
            _no_target(state, f, r)
            continue
        if _answers_an_earlier_year(f, before, state.published.year):
            for t in found:
                r.earlier(state, t, f.sent.index, before, None, why="told in answer to an earlier year's event")
            r.frame = before
            continue
        text = f.sent.text
        if (
            all(t.site is None for t in found)
            and r.focus is not None
            and the_answered_attack_again(state, f.sent.index)
        ):
            continue  # the toll of the attack a strike answered, told right after it: not the news's
        told_last = state.owner.get(f.sent.index - 1, [])
        if (
            all(t.site is None for t in found)
            and told_last
            and all(o.role == "background" for o in told_last)
            and (_THAT_ATTACK.search(text) or _its_weapon_again(state, f, told_last[-1], r.focus))
        ):
            # "... came a day after a contractor was killed when a drone crashed into a base near Hasakah. Five
            # service members were wounded in that attack. U.S. forces determined the suicide drone was of Iranian
            # design.": the attack told last, not the news
            _anchor(state, told_last[-1], f.sent.index, None, None)
            continue
        spans = segments.clause_spans(text, [(t.start, max(t.end, t.start)) for t in found])
        if len(found) == 1:
            spans = [segments.after_clause_span(text, found[0].start)]
        touched: list[Draft] = []
        for t, span in zip(found, spans, strict=True):
            touched += _one_target(state, f, t, span, len(found), r)
        if not split_breakdown(state, f, touched):
            split_times(state, f, touched)
            split_days(state, f, touched)
        if not f.past_event_dates and any(d.role == "primary" and d.site is not None for d in touched):
            # "... in a shock attack from Gaza on October 7. 'There was an attempted drone attack at Al-Tanf.'": the
            # story is back at its news; the unnamed attack told next is the news's, not that time's
            r.frame = None
        if len({id(d) for d in touched}) == 1 and not touched[0].counted and segments.ordinal_cuts(text):
            r.focus = _split_ordinals(state, f, touched[0])


def fold_summaries(state: State) -> None:
    """A summary line frames the attacks told one by one (its day, 'no casualties', claim apply to each);
    when the article tells none, the summary is the one attack it reports."""
    named = [d for d in state.drafts if d.role == "primary" and d.site is not None and not d.summary]
    for d in state.drafts:
        # "targeted two U.S. bases in Iraq" followed by the attacks on al-Asad and al-Harir: the counted,
        # unnamed targets were the named ones - the line frames them (not so the attacks left unnamed by
        # "three times, including X and Y", told in the same sentence as the named ones)
        if d.counted and d.site is None and d.role == "primary":
            told_apart = [n for n in named if not set(n.anchors) & set(d.anchors)]
            # named: drafts with a site
            d.summary = any(same_story(d, n.site.country, None, n.date) for n in told_apart)  # type: ignore[union-attr]
    summaries = [d for d in state.drafts if d.summary]
    if not summaries:
        return
    others = [d for d in state.drafts if d.role == "primary" and not d.summary]
    if not others:
        keep = summaries[0]
        keep.summary = False
        for s in summaries[1:]:
            keep.anchors = sorted({*keep.anchors, *s.anchors})
            keep.date = keep.date or s.date
            keep.date_sentence = keep.date_sentence if keep.date_sentence is not None else s.date_sentence
        drop_drafts(state, summaries[1:], keep)
        return
    frames = sorted({i for s in summaries for i in s.anchors})
    for d in others:
        d.frames = frames
        d.shared.update(frames)
    drop_drafts(state, summaries, None)


def drop_drafts(state: State, gone: list[Draft], into: Draft | None) -> None:
    ids = {id(g) for g in gone}
    state.drafts = [d for d in state.drafts if id(d) not in ids]
    for idx, owners in list(state.owner.items()):
        kept = [o for o in owners if id(o) not in ids]
        if into is not None and len(kept) < len(owners) and not any(o is into for o in kept):
            kept.append(into)
        if kept:
            state.owner[idx] = kept
        else:
            del state.owner[idx]
