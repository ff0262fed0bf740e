"""Follow-up reports: an article that leads with an earlier attack (an investigation, a casualty count disclosed
later, medals for the wounded) reports that attack - one primary incident on its finest day, with what the article
tells of it elsewhere, not a primary dated on publication beside backgrounds of the same attack.

Runs right after ``anchoring.find_anchors``, before details are attached.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ingest.extractor import prefilter
from ingest.extractor.anchoring import drop_drafts
from ingest.extractor.dates import PRECISION_RANK, DateMention, same_period
from ingest.extractor.events import (
    ANOTHER_STORY,
    CAPTION,
    DATED_BEFORE_THE_NEWS,
    MEASURED_FROM,
    NOT_AN_ATTACK,
    Draft,
)

if TYPE_CHECKING:
    from ingest.extractor.state import State

# Words that tell an earlier attack as another one: "the base was also attacked last week", "a similar attack"
_ANOTHER_ONE = prefilter.compile(
    # ("earlier this year" dates the attack; "an earlier attack" is another one)
    r"\b(?:also|again|another|previous(?:ly)?|earlier(?!\s+(?:this|that|in|on|today)\b)|similar|last\s+(?:came|was))\b",
    re.I,
)


def fold_follow_ups(state: State) -> None:
    """A follow-up report ('Three US soldiers were killed in a drone attack at an outpost in Jordan last year',
    an investigation, a casualty count disclosed later) leads with an earlier attack: its news is that attack.
    When the only primary attack, told undated in the lead, has its day given in the lead as a past attack on
    the same site (or an unnamed site in its country; or anywhere, when the primary names no place), the two
    are one attack - the primary, on that day."""
    lead = {f.sent.index for f in state.lead}
    primaries = [d for d in state.drafts if d.role == "primary"]
    if not primaries:
        _promote_the_lead_attack(state)
        return
    if len(primaries) != 1:
        return
    news = primaries[0]
    if news.date is not None and not news.date.reporting:
        _join_the_lead_attack(state, news)
        return
    placeless = news.site is None and news.country is None
    told = [
        b
        for b in state.drafts
        if b.role == "background"
        and b.date is not None
        and lead & set(b.anchors)
        and (placeless or _same_target(news, b))
        # a photo's caption above the story ("... are seen at Ain al-Asad air base ..., January 4, 2022.") shows an
        # earlier attack, not the one the story follows up, unless the lead tells that attack too
        and not all(CAPTION in state.facts[i].vetoes for i in lead & set(b.anchors))
    ]
    if not lead & set(news.anchors):
        # "An Iranian missile attack on June 23 caused minor damage to Al Udeid Air Base" (the lead, weeks before
        # publication) ... "One of the missiles struck Al Udeid Air Base": the undated attack told after the lead
        # is the lead's attack when it names the lead's own site
        told = [b for b in told if news.site is not None and b.site is not None and b.site.slug == news.site.slug]
    if not told or any(_ANOTHER_ONE.search(state.facts[i].sent.text) for i in told[0].anchors):
        return
    _absorb(state, news, told[0])


def _join_the_lead_attack(state: State, news: Draft) -> None:
    """'Eight US troops wounded in Syria drone attack last week' (the lead), then 'wounded in a drone attack on
    Friday at Rumalyn Landing Zone': the lead's earlier attack, on no named site, is the day's attack told further
    on when that day falls in its period and its site in its country - one attack, the primary, with what the lead
    tells of it."""
    lead = {f.sent.index for f in state.lead_attacks}
    told = [
        b
        for b in state.drafts
        if b.role == "background"
        and b.site is None
        and b.date is not None
        and news.date is not None
        and lead & set(b.anchors)
        and min(b.anchors) < min(news.anchors)
        and same_period(b.date, news.date)
        and (b.country is None or b.country == news.country_code)
    ]
    if len(told) != 1 or any(_ANOTHER_ONE.search(state.facts[i].sent.text) for i in (*told[0].anchors, *news.anchors)):
        return
    news.anchors = sorted({*news.anchors, *told[0].anchors})
    news.why = "the attack this follow-up report is about"
    drop_drafts(state, told, news)


def _promote_the_lead_attack(state: State) -> None:
    """'US soldier critically injured in Christmas Day drone attack' (published nine days later): an article
    whose lead tells one earlier attack, and no attack as today's news, follows that attack up - it is the
    primary, with what the article tells of it elsewhere."""
    lead = state.lead_attacks
    if not lead or any(f.vetoes & ANOTHER_STORY for f in lead):
        return  # a strike, a convoy, a ship or a plot is the news; the attack is its background
    told = [
        d for d in state.drafts if d.role == "background" and d.date and {f.sent.index for f in lead} & set(d.anchors)
    ]
    if not told:
        return
    news = min(told, key=lambda d: min(d.anchors))
    first = state.facts[min(news.anchors)]
    if first.vetoes & NOT_AN_ATTACK or _ANOTHER_ONE.search(first.sent.text) or news.why == MEASURED_FROM:
        return  # "announced ... two days after a drone attack killed three": the announcement is the news
    if any(f.vetoes & _TREND and f.sent.index < first.sent.index for f in lead):
        # "Militia attacks on US bases are rapidly escalating, a watchdog report found ... while US forces hunkered
        # down in response to the attack": a lead that tells attacks as a trend or a tally before the one attack is
        # a trend piece; the attack it then names in passing is no follow-up's news
        return
    # "... following separate strikes on Al-Tanf base in Syria and Al-Asad air base in Iraq on October 17 and 18":
    # the attacks the lead's sentence tells together, each on its own site and read alike, are its news together
    together = [
        d
        for d in told
        if d is not news
        and min(d.anchors) == first.sent.index
        and d.why == news.why
        and d.site is not None
        and news.site is not None
        and d.site.slug != news.site.slug
    ]
    for d in [news, *together]:
        d.role = "primary"
        _absorb(state, d, d)


# Vetoes that tell attacks as a trend or a tally, not one attack
_TREND = frozenset({"habitual", "tally"})


def _same_target(a: Draft, b: Draft) -> bool:
    """``b`` may tell the attack ``a`` is: the same site, an unnamed site in its country, or no place at all."""
    if a.site is not None and b.site is not None:
        return a.site.slug == b.site.slug
    if b.site is None and b.country is None:
        return True
    return b.country is not None and b.country == a.country_code


def _absorb(state: State, news: Draft, first: Draft) -> None:
    """``news`` is the attack ``first`` tells: every background attack on the same target within the period of
    ``first``'s date joins it ('last year' in the lead, 'the January 28, 2024, attack on Tower 22' further on),
    and it takes the finest of their dates."""
    when = first.date
    if when is None:
        return
    news.site, news.place = news.site or first.site, news.place or first.place
    news.country = news.country or first.country
    same = [
        b
        for b in state.drafts
        if b.role == "background" and b.date is not None and same_period(b.date, when) and _same_target(news, b)
    ]
    dated = [news, *same] if news.date is not None and not news.date.reporting else same
    finest = min(dated or [news], key=lambda d: PRECISION_RANK[d.date.precision] if d.date else 9)
    for b in same:
        news.anchors = sorted({*news.anchors, *b.anchors})
        news.site = news.site or b.site
    news.date, news.date_sentence = finest.date, finest.date_sentence
    news.why = "the attack this follow-up report is about"
    drop_drafts(state, same, news)


# The role's reason for each attack of a period a follow-up report is about (read again by the rules on roles)
PERIOD_FOLLOWED_UP = "an attack this follow-up report is about"


def follow_up_a_period(state: State) -> None:
    """'The Pentagon now says 23 troops were diagnosed with brain injuries from attacks ... in Syria in March': a
    lead that counts what the attacks of an earlier period did, with no attack of its own day as news, follows
    those attacks up - each attack of that period the article tells by its day is a primary, and an undated
    attack told on the same site is that one."""
    period = _period_followed_up(state)
    if period is None:
        return
    if any(d.role == "primary" and d.date is not None and not d.date.reporting for d in state.drafts):
        return  # the article has news of its own day
    told = [
        d
        for d in state.drafts
        if d.role == "background"
        and d.why == DATED_BEFORE_THE_NEWS
        and d.date is not None
        and d.date.precision == "day"
        and same_period(d.date, period)
    ]
    if len(told) < 2:
        return  # one attack: the single follow-up rules read it
    for d in told:
        d.role, d.why = "primary", PERIOD_FOLLOWED_UP
    # the lead's toll is the attacks' together ("23 troops were diagnosed ... from attacks in March"): each is told
    # there, none alone has its positive figures
    first = min(i for d in told for i in d.anchors)
    for idx in range(first):
        if idx not in state.owner:
            state.owner[idx] = list(told)
            for d in told:
                d.details.append(idx)
                d.shared.add(idx)
    for p in [d for d in state.drafts if d.role == "primary" and d not in told and d.site is not None]:
        # p: a draft with a site
        same = next((d for d in told if d.site is not None and d.site.slug == p.site.slug), None)  # type: ignore[union-attr]
        if same is not None and (p.date is None or p.date.reporting):
            same.anchors = sorted({*same.anchors, *p.anchors})
            drop_drafts(state, [p], same)


def _period_followed_up(state: State) -> DateMention | None:
    """The earlier month or week a lead sentence counts the toll of attacks in ('from attacks ... in March')."""
    for f in state.lead_attacks:
        if not _TOLL_OF_ATTACKS.search(f.sent.text) or not any(g.value > 0 for g in f.figures):
            continue
        period = next((x for x in f.past_event_dates if x.precision in {"month", "week"}), None)
        if period is not None:
            return period
    return None


# "diagnosed with traumatic brain injuries from attacks", "wounded in the attacks": a toll of attacks in the plural
_TOLL_OF_ATTACKS = prefilter.compile(r"\b(?:from|in|during|by)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?attacks\b", re.I)
