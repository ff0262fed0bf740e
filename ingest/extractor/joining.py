"""One attack, one incident: a volley placed by its part, the lone unnamed attack named by the base last attacked,
a country's bases told in general, an attack told again as a reference, the earlier attacks counted on a site."""

from __future__ import annotations

import re

from ingest.extractor import prefilter, vocabulary
from ingest.extractor.anchoring import (
    drop_drafts,
)
from ingest.extractor.events import (
    Draft,
    not_the_place_hit,
)
from ingest.extractor.no_attack import NEAR
from ingest.extractor.numbers import numerals
from ingest.extractor.references import DEFINITE, THE_SITE, earlier_attacks_counted
from ingest.extractor.state import State, compiled
from ingest.extractor.types import Site
from ingest.extractor.vocabulary import words

# "the Jan. 8 missile attack on Al Asad": an attack named by its day, as a reference
_DATED_ATTACK_AFTER = prefilter.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:attack|strike|assault|bombing)\b", re.I)


def _the_dated_attack(state: State, d: Draft) -> bool:
    """Is ``d`` told as 'the <day> attack' - a definite reference to an attack by its day?"""
    x = d.date
    if x is None or d.date_sentence is None:
        return False
    text = state.facts[d.date_sentence].sent.text
    return bool(DEFINITE.search(text, 0, x.start)) and bool(_DATED_ATTACK_AFTER.match(text, x.end))


# A part of the volley just told, opening its sentence: "Three of the rockets impacted within a base ...", "One of the
# drones hit ..."
_PART_OF_THE_VOLLEY = prefilter.compile(
    rf"^\W*(?:\d+|{numerals(1, 20)}|some|most|all|several)\s+of\s+(?:the|these|those)\s+(?:[\w-]+\s+)?"
    rf"(?P<w>{words(vocabulary.PROJECTILES)})\b",
    re.I,
)


def place_the_volley_by_its_part(state: State) -> None:
    """'Nearly 14 rockets were launched toward Erbil city on February 15. Three of the rockets impacted within a base
    hosting Coalition troops near Erbil international airport.': the volley told without a site, then a part of it
    placed at one, is one attack on that site - its day and its count are the site's attack's."""
    for d in list(state.drafts):
        if d.site is None:
            continue
        for idx in d.anchors:
            m = _PART_OF_THE_VOLLEY.match(state.facts[idx].sent.text)
            if m is None or idx == 0:
                continue
            before = state.facts[idx - 1]
            # the same weapon in both: the part is of that volley
            if not before.weapons or {w.category for w in before.weapons} != {
                w.category for w in state.facts[idx].weapons
            }:
                continue
            told = [o for o in state.owner.get(idx - 1, []) if o is not d]
            if not told and before.attack and not before.sites and before.sent.index not in d.anchors:
                # the volley's sentence made no attack of its own (told toward a town): it is this one's
                d.anchors = sorted({*d.anchors, idx - 1})
                state.owner.setdefault(idx - 1, []).append(d)
                day = next((x for x in before.event_dates if x.precision == "day"), None)
                if day is not None and (d.date is None or d.date.reporting):
                    d.date, d.date_sentence = day, idx - 1
                break
            if len(told) != 1 or told[0].site is not None or told[0].anchors != [idx - 1]:
                continue
            volley = told[0]
            if volley.country is not None and volley.country != d.site.country:
                continue
            d.anchors = sorted({*d.anchors, *volley.anchors})
            d.details = sorted({*d.details, *volley.details} - set(d.anchors))
            if volley.date is not None and (d.date is None or d.date.reporting):
                d.date, d.date_sentence = volley.date, volley.date_sentence
            d.spans = {**volley.spans, **d.spans}
            drop_drafts(state, [volley], d)
            break


# "Last time the K1 base was attacked was on 27 December": the site of the news, attacked before - the base the
# story is about, named by its earlier attack
_ATTACKED_LAST_TIME = prefilter.compile(r"\b(?:the\s+)?last\s+time\s+(?:that\s+)?(?:the\s+)?$", re.I)


def name_the_lone_unnamed_attack(state: State) -> None:
    """A story of one attack told without its site's name ('a US patrol base in northeastern Syria') that names one
    coalition site of that country elsewhere, not as a landmark, not as another attack's ('aimed at coalition
    forces at the US patrol base in Al-Shaddadi', 'deployed at a base known as Tower 22') tells where it was."""
    primaries = [d for d in state.drafts if d.role == "primary"]
    if len(primaries) != 1 or primaries[0].site is not None:
        return
    d = primaries[0]
    others = {i for o in state.drafts if o is not d for i in o.anchors}
    named: dict[str, tuple[Site, int]] = {}
    for f in state.facts:
        if f.vetoes:
            continue
        for m in f.sites:
            at = m.start - f.sent.start
            if f.sent.index in others and not _ATTACKED_LAST_TIME.search(f.sent.text, 0, at):
                continue  # another attack's site - unless told as the one "last" attacked before this one
            if NEAR.search(f.sent.text, 0, at) is None and not not_the_place_hit(f.sent.text, at):
                named.setdefault(m.site.slug, (m.site, f.sent.index))
    if not named:
        # '... injures 34 in Jordan', then 'a drone attack near the Syrian border in northeastern Jordan': the part
        # of the country its own sentences place it in, when a gazetteer description places one site there
        sites = compiled(state.gazetteer).sites
        for idx in d.anchors:
            site = sites.in_region(state.facts[idx].place)
            if site is not None:
                named.setdefault(site.slug, (site, idx))
    if len(named) != 1:
        return
    ((site, idx),) = named.values()
    if d.country is None or site.country == d.country:
        d.site, d.site_sentence = site, idx


# The coalition's sites of a country named in general, in the plural: "a fresh attack to target US bases there"
_THE_COUNTRYS_BASES = prefilter.compile(
    rf"(?<![\w.-]){words(vocabulary.COALITION)}\s+(?:military\s+)?(?:bases|installations|facilities|sites)\b", re.I
)


def the_countrys_bases_are_its_named_attack(state: State) -> None:
    """'#Breaking | Air defences activated over Qatar, likely after Iran launched a fresh attack to target US bases
    there' beside 'Iran's missile strike on Al Udeid Air Base' the same day: an attack on the country's US bases told
    in general, not counted, placed nowhere in it, is the one attack named there that day - not a second one."""
    for d in list(state.drafts):
        if d.role != "primary" or d.site is not None or d.place is not None or d.counted or d.event_day is None:
            continue
        if not all(_THE_COUNTRYS_BASES.search(state.facts[i].sent.text) for i in d.anchors):
            continue
        named = [
            o
            for o in state.drafts
            if o.role == "primary"
            and o.site is not None
            and o.country_code == d.country_code
            and o.event_day == d.event_day
        ]
        if len(named) != 1:
            continue
        (news,) = named
        news.details = sorted({*news.details, *d.anchors, *d.details} - set(news.anchors))
        drop_drafts(state, [d], news)


def one_attack_one_incident(state: State) -> None:
    """A 'background' attack on the same site and the same day as a primary one is that attack told again as a
    reference ('an investigation on the rocket strikes that targeted sites near Erbil airport', then 'the rocket
    strikes that took place on Wednesday near Erbil airport'): its sentences join the primary, no second
    incident."""
    primaries = [d for d in state.drafts if d.role == "primary" and d.site is not None]
    for b in list(state.drafts):
        # the reference may carry only the day it was spoken of ("announced on Wednesday an investigation")
        day = b.date.date if b.date is not None and b.date.precision == "day" else None
        if b.role != "background" or b.site is None or day is None:
            continue
        slug = b.site.slug
        news = next((p for p in primaries if p.site is not None and p.site.slug == slug and p.event_day == day), None)
        if news is None and _the_dated_attack(state, b):
            # a follow-up that leads with an undated attack ('troops diagnosed with brain injury after Iran's missile
            # attack on Al Asad') names its day later as 'the Jan. 8 missile attack on Al Asad': that attack
            news = next(
                (
                    p
                    for p in primaries
                    if p.site is not None
                    and p.site.slug == slug
                    and p.event_day is None
                    and (p.date is None or day <= p.date.date)
                ),
                None,
            )
            if news is not None:
                news.date, news.date_sentence = b.date, b.date_sentence
        if news is None:
            continue
        news.anchors = sorted({*news.anchors, *b.anchors})
        news.details = sorted({*news.details, *b.details} - set(news.anchors))
        news.context = sorted({*news.context, *b.context})
        news.spans = {**b.spans, **news.spans}
        drop_drafts(state, [b], news)


def earlier_attacks_counted_on_the_site(state: State) -> None:
    """'The attack was the third in six months on the base, known as Tower 22': the news counted among the attacks
    on its site over a window tells of earlier ones there - background attacks, less those the article tells
    itself ('In late July, multiple rockets were launched at Ain al-Asad airbase' before 'Monday's attack marks the
    third time in recent weeks that the base has come under attack'). The site is the one the sentence names, or
    'the base' of the attack in focus; it must be a site whose attack is the news."""
    news = {d.site.slug: d for d in state.drafts if d.role == "primary" and d.site is not None}
    for f in state.facts:
        counted = earlier_attacks_counted(f)
        if counted is None:
            continue
        earlier, day, named_from = counted
        named = {m.site.slug for m in f.sites if m.start - f.sent.start >= named_from}
        if named:
            focus = news.get(next(iter(named))) if len(named) == 1 else None
        else:
            owners = [d for d in state.owner.get(f.sent.index, []) if d.site is not None and d.role == "primary"]
            the_site = THE_SITE.search(f.sent.text, named_from) is not None
            focus = owners[0] if len(owners) == 1 and the_site else None
        if focus is None:
            continue
        told = [d for d in state.drafts if d.role == "background" and d.site == focus.site]
        for _ in range(earlier - len(told)):
            state.drafts.append(
                Draft(
                    "background",
                    focus.site,
                    None,
                    # focus: a draft with a site
                    focus.site.country,  # type: ignore[union-attr]
                    anchors=[f.sent.index],
                    date=day,
                    date_sentence=f.sent.index if day is not None else None,
                    why="an earlier attack on the site the news is counted among",
                )
            )
