"""The day of each attack: an event day from its own sentences, the summary that frames it, the sentence that sets
the scene or the lead; else the earliest day someone reported it (an attack is reported on or after its day)."""

from __future__ import annotations

import datetime as dt
import re

from ingest.extractor import prefilter
from ingest.extractor.dates import DateMention, same_period
from ingest.extractor.details import THE_ATTACK
from ingest.extractor.events import (
    ATTACKS_FOLLOWED,
    Draft,
    Facts,
)
from ingest.extractor.references import ATTACK_ON_THE_DAY
from ingest.extractor.state import State


def _event_day(f: Facts, past: bool = False):
    return [x for x in f.event_dates if (past or not x.past) and x.precision == "day"]


def _setting(state: State, d: Draft) -> list[int]:
    """'Last Thursday, a series of attacks targeted US troops. Rockets struck a base in Anbar.': the sentence
    just before an undated attack, when it tells no attack of its own, sets the day the story has moved to."""
    first = min(d.anchors)
    if first == 0 or d.role != "primary":
        return []
    before = first - 1
    if any(before in o.anchors for o in state.drafts if o is not d):
        return []
    return [before]


def resolve_dates(state: State) -> None:
    """An undated primary attack takes, in order: an event day from its own sentences, from the summary line
    that frames it, from the lead; else the earliest day an official spoke of it (its own sentences, then
    the article's) - an attack is reported on or after its day, so never a day after the one it was told on; else
    (in assembly) the publication date."""
    lead = [f.sent.index for f in state.lead]
    reporting = sorted(
        (
            (x.date, f.sent.index, x)
            for f in state.facts
            for x in f.dates
            if x.reporting and not x.past and x.precision == "day"
        ),
        key=lambda item: (item[0], item[1], item[2].start),  # two mentions of one day in a sentence: by place
    )
    for d in state.drafts:
        if d.role != "primary" or (d.date is not None and not d.date.reporting):
            continue
        # "the attacks on al-Asad and al-Harir" - told together, they share the day one of them is given
        together = [
            (min(o.anchors), o.date_sentence, o.date)
            for o in state.drafts
            if o is not d
            and o.role == "primary"
            and set(o.anchors) & set(d.anchors)
            and o.date is not None
            and not o.date.reporting
            and o.date.precision == "day"
        ]
        if together:
            _, d.date_sentence, d.date = min(together, key=lambda x: x[0])
            continue
        # an attack happens on or before the day it was told of: a later day found elsewhere is another attack's
        told = d.date.date if d.date is not None and d.date.precision == "day" else None
        own = [i for i in d.sentences() if _dates_the_attack(state.facts[i], d)]
        for group in (own, d.frames, _setting(state, d), lead):
            found = [
                (idx, x)
                for idx in group
                for x in _event_day(state.facts[idx], past=group is not lead)
                if (told is None or x.date <= told) and not _the_day_of_what_it_followed(state.facts[idx], d, x)
            ]
            if found:
                d.date_sentence, d.date = found[0]
                break
        own_reports = _reports_not_of_another_attack(state, d, reporting)
        if d.date is None and own_reports:
            _, d.date_sentence, d.date = _earliest_report(own_reports, max(d.anchors))
        elif d.date is not None and d.date.reporting:
            # the day it was told on is no bound when one of its own sentences reported it earlier: "TEHRAN, Sep. 19
            # - ... reported a rocket attack on the base. Al-Watan on Sunday night reported that the base was
            # targeted" - the attack is Sunday's
            own_sentences = set(d.sentences())
            earlier = [item for item in own_reports if item[1] in own_sentences and item[0] < d.date.date]
            if earlier:
                _, d.date_sentence, d.date = earlier[0]


# "The attacks followed drone attacks against ...", "came after a rocket strike on ...": earlier attacks the story
# measures its news against
_FOLLOWED_ATTACKS = prefilter.compile(rf"\b{ATTACKS_FOLLOWED}\s+(?:on|against|at|targeting)\b", re.I)


def _the_day_of_what_it_followed(f: Facts, d: Draft, x: DateMention) -> bool:
    """'The attacks followed drone attacks against the US embassy in Baghdad and the US consulate in Erbil on
    Tuesday': the day told after the attacks a story followed, on other sites, is theirs."""
    m = _FOLLOWED_ATTACKS.search(f.sent.text, 0, x.start)
    if m is None or ";" in f.sent.text[m.end() : x.start]:
        return False
    return any(s.start - f.sent.start >= m.end() and s.site != d.site for s in f.sites)


def _dates_the_attack(f: Facts, d: Draft) -> bool:
    """Can the day a sentence of the attack's gives be the attack's? Not when the sentence tells no attack, names
    neither 'the attack' nor its site ('Global consulting firm McKinsey agreed Friday to pay $650 million', a stray
    story's line; 'The Prime Minister returned home on Saturday from his trip to the US')."""
    if f.attack or THE_ATTACK.search(f.sent.text):
        return True
    return d.site is not None and any(m.site == d.site for m in f.sites)


def _reports_not_of_another_attack(
    state: State, d: Draft, reporting: list[tuple[dt.date, int, DateMention]]
) -> list[tuple[dt.date, int, DateMention]]:
    """The report days that may be ``d``'s: not one told, after ``d``'s sentences, in a sentence telling another
    site's attack ("Three rockets landed at the Conoco base ... On May 3, it was reported that the base in the
    Omar field had been hit": that day is the Omar attack's report, not the undated Conoco attack's)."""
    last = max(d.anchors)
    others = {
        i for o in state.drafts if o is not d and o.site is not None and o.site != d.site for i in o.anchors if i > last
    }
    return [item for item in reporting if item[1] not in others or item[1] in d.anchors]


def _earliest_report(reporting: list[tuple[dt.date, int, DateMention]], last: int) -> tuple[dt.date, int, DateMention]:
    """The earliest day someone spoke of the attack whose last own sentence is ``last``: among the days told up
    to it, when any ('The Islamic Resistance in Iraq announced on Saturday that it targeted al-Tanf ...
    Simultaneously, ... explosions at al-Omar'), not a statement told after it ('The Brigades said in a statement on
    Thursday that ...', about something else); else the article's."""
    return next((item for item in reporting if item[1] <= last), reporting[0])


# ... or by the day before its noun: "since the Jan. 8 attack", "the January 28 drone strike"
_THE_DAY_BEFORE = prefilter.compile(r"\bthe\s+$", re.I)


_ATTACK_AFTER_THE_DAY = prefilter.compile(
    r"\s*,?\s*(?:(?:ballistic|missile|rocket|drone|deadly)\s+){0,2}(?:attack|strike|assault|barrage)\b", re.I
)


def _names_the_attack_by_its_day(state: State, f: Facts, d: Draft) -> DateMention | None:
    """The day a sentence names the attack by ("Tehran's attack on June 23", "The missile strike by Iran on 23 June
    came after ..."), in the lead or further on, when the sentence tells no other attack and raises no veto (not "The
    US air strike on 23 June hit a depot")."""
    if f.vetoes or any(f.sent.index in o.anchors for o in state.drafts if o is not d):
        return None
    return next(
        (
            x
            for x in f.dates
            if x.precision == "day"
            and not x.reporting
            and (
                ATTACK_ON_THE_DAY.search(f.sent.text, 0, x.start)
                or (_THE_DAY_BEFORE.search(f.sent.text, 0, x.start) and _ATTACK_AFTER_THE_DAY.match(f.sent.text, x.end))
            )
        ),
        None,
    )


def date_the_attack_followed_up(state: State) -> None:
    """'An Iranian attack on Al Udeid may have hit a dome, new satellite images revealed on Friday. Tehran's attack
    on June 23 had been a response to ...': when the story's one attack is dated only by its report, the first
    definite mention of the attack by its day dates it."""
    primaries = [d for d in state.drafts if d.role == "primary"]
    if len(primaries) != 1:
        return
    d = primaries[0]
    # dated by its report, or only to its month ("the Iranian ballistic missile strikes on Ayn Al Asad Air Base in
    # Iraq this month ... since the Jan. 8 attack"): the day it is named by, in that month
    month = d.date is not None and not d.date.reporting and d.date.precision == "month"
    if d.date is not None and not d.date.reporting and not month:
        return
    for f in state.facts:
        x = _names_the_attack_by_its_day(state, f, d)
        # month: d.date is not None
        if x is not None and (not month or same_period(x, d.date)):  # type: ignore[arg-type]
            d.date, d.date_sentence = x, f.sent.index
            return
