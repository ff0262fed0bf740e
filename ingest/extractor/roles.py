"""Which attacks are the article's news (primary) and which are earlier ones told in passing (background): the
strike story, the earlier days, the windows a lead counts, old news, the list of attacks the article recaps."""

from __future__ import annotations

import datetime as dt
import re

from ingest.extractor import cues, prefilter, vocabulary
from ingest.extractor.anchoring import (
    count_unnamed_attacks,
)
from ingest.extractor.dates import WEEKDAYS, DateMention, find_dates, reported_period
from ingest.extractor.events import (
    ANOTHER_STORY,
    DATED_BEFORE_THE_NEWS,
    IN_AN_AFTER_CLAUSE,
    Draft,
    Facts,
    after_an_opening_strike,
    answers_a_strike,
)
from ingest.extractor.follow_ups import PERIOD_FOLLOWED_UP
from ingest.extractor.numbers import UNITS
from ingest.extractor.references import THE_SITE
from ingest.extractor.state import State
from ingest.extractor.vocabulary import words

# Why an attack is background, for the rules that read it again (``attacks_the_article_lists``) and for editors
_STRIKE_STORY = "the article's news is another actor's strike"


_BEFORE_THE_LEAD = "days before the attack the article leads with"


def background_in_strike_stories(state: State) -> None:
    """An article whose news is a strike by the US or another state (its first sentence telling an attack does)
    tells militia attacks as the strike's cause: background, also when it gives one its own day ('a Friday
    attack on Kirkuk Air Base'; the strike answers it). Without this the strike's day would be given to the
    militia attack."""
    # the first sentence of the lead that tells news, not a trend ("Militias have repeatedly attacked US forces") nor
    # an event dated in the past (a file photo's caption: "A vehicle burns at Baghdad airport after a US airstrike,
    # Jan. 3, 2020" above an attack two years later)
    lead = next(
        (
            f
            for f in state.lead_attacks
            if not (f.vetoes and f.vetoes <= {"habitual", "hypothetical"}) and not _dated_in_the_past(f)
        ),
        None,
    )
    if lead is None or "other_actor" not in lead.vetoes or _ATTACK_AFTER_A_STRIKE.match(lead.sent.text):
        return
    if _strike_sets_the_scene(lead.sent.text):
        return
    answering = next((f for f in state.lead_attacks if _ANSWERED_AT_ONCE.search(f.sent.text)), None)
    answered = answering is not None
    # the strike's day, from the lead or the sentence telling what it answered ("Tuesday's strikes came hours after")
    strike_day = next(
        (x.date for f in (lead, answering) if f for x in f.event_dates if x.precision == "day" and not x.past), None
    )
    struck = _struck(lead)
    answers = {i for d in state.drafts for i in d.anchors if answers_a_strike(state.facts[i].sent.text)}
    for d in state.drafts:
        if d.role != "primary":
            continue
        if struck and any(
            g.faction.slug in struck or g.faction.umbrella in struck for i in d.anchors for g in state.facts[i].factions
        ):
            # "Israel and the US launched a fierce military attack on Iran ... Among the US bases that Iran attacked
            # are the Al Udeid Air Base in Qatar": the state struck answering at a US base - the news, not the cause
            continue
        if any(i in answers or (i - 1 in answers and _GOES_ON.match(state.facts[i].sent.text)) for i in d.anchors):
            # "Responding to this attack, yesterday evening, Iranian factions targeted a US military base": the
            # attack answers the strike, it came after it - the news, not its cause; and so does the attack the next
            # sentence adds to it ("Additionally, rockets were fired at a US base in the al-Omar oil field")
            continue
        if (
            d.event_day is not None
            and d.event_day == state.published
            and strike_day in (None, state.published)
            and any((f.sites or f.generic_target) and f.weapons for f in (state.facts[i] for i in d.anchors))
        ):
            # "US conducts airstrikes in Syria after drone attack kills American contractor" over "An unmanned aerial
            # vehicle struck a coalition military base in Syria on Thursday" (that day's article): an attack of the
            # article's own day is news with the strike that answered it
            continue
        if answered and (d.event_day is None or d.event_day == strike_day):
            # "US forces responded Wednesday evening to rocket attacks at two sites in Syria": the attacks the
            # strike answered that day are news with it
            continue
        d.role, d.why = "background", _STRIKE_STORY


# A sentence adding to the one before: "Additionally, rockets were fired at ...", "In addition, ..."
_GOES_ON = prefilter.compile(r"^\W*(?:additionally|in\s+addition|also|likewise|similarly)\b", re.I)


# What a strike was aimed at, right before it: "launched a fierce military attack on Iran"
_AIMED_AT_BEFORE = prefilter.compile(r"\b(?:on|against|at)\s+(?:the\s+)?$", re.I)


def _struck(lead: Facts) -> set[str]:
    """The states the strike the lead tells was aimed at ("... launched a fierce military attack on Iran"); not a
    group ("US strikes on Kataib Hezbollah" answer the group's attacks: those are the strike's cause)."""
    at = lead.sent.start
    states = set(vocabulary.STATE_ADJECTIVES.values())
    return {
        g.faction.slug
        for g in lead.factions
        if g.faction.name in states and _AIMED_AT_BEFORE.search(lead.sent.text, 0, g.start - at)
    }


def _strike_sets_the_scene(text: str) -> bool:
    """Is the strike told only in the opening phrase the main clause is set in ("Despite a recent U.S. airstrike
    that damaged a storage facility, Iranian-backed militias show no signs of backing down")? The news is the
    main clause's, not the strike."""
    strike = cues.OTHER_ACTOR.search(text)
    return strike is not None and after_an_opening_strike(text, strike.start()) is not None


def _dated_in_the_past(f: Facts) -> bool:
    """Does the sentence date what it tells in the past only ('early Friday, Jan. 3, 2020' in an article of 2022)?"""
    return bool(f.event_dates) and all(x.past for x in f.event_dates)


# The attack as the subject, the strike what it came after: "The attempted drone attack followed US strikes on two
# military facilities in eastern Syria" - the news is the attack
_ATTACK_AFTER_A_STRIKE = prefilter.compile(
    rf"^\W*(?:the|this|that|an?|{words(WEEKDAYS)}['\u2019]s)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:attack|assault|barrage)\s+(?:\w+\s+)?(?:followed|follows|came\s+after|comes\s+after)\b",
    re.I,
)


# A strike told as the answer to attacks, on their day: "responded Wednesday evening to rocket attacks at two sites",
# "Tuesday's strikes came hours after the U.S. said militants fired two one-way attack drones at the al-Asad Air Base"
_ANSWERED_AT_ONCE = prefilter.compile(
    r"\brespond(?:ed|s|ing)\b[^.;]{0,40}?\bto\s+(?:[\w-]+\s+){0,3}?(?:attacks?|barrages?|strikes?)\b"
    r"|\b(?:came|come|comes|coming)\s+(?:just\s+|only\s+|a\s+few\s+)?(?:hours|minutes)\s+after\b"
    # a strike in self-defence answers fire at the troops as it comes: "conducted a self-defense strike in response to
    # mortar and rocket fire targeting their position", "destroyed a rocket launcher in self-defense after reports of
    # a failed rocket attack" (not a retaliation days later: "in response to a drone attack on Tower 22")
    r"|\bself[- ]defen[cs]e\b[^.;]{0,60}?\b(?:in\s+response\s+to|after|against)\s+(?:[\w-]+\s+){0,5}?"
    r"(?:attacks?|fire|barrages?|strikes?|launch(?:es)?)\b"
    # "carried out retaliatory air strikes on Monday in Iraq after a one-way drone attack earlier in the day"
    r"|\bafter\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:attacks?|strikes?|barrages?)\s+earlier\s+(?:in\s+the|that)\s+day\b",
    re.I,
)


# Days before the lead attack from which an attack told after it is an earlier event, not the news
EARLIER_DAYS = 1


def _told_as_news_too(state: State, d: Draft) -> bool:
    """'Also on Wednesday overnight, two drones attacked the base', 'Separately, rockets struck': an attack added
    to the news, not recalled."""
    return any(cues.NEWS_ADDED.search(state.facts[i].sent.text) for i in d.anchors)


def earlier_days_as_background(state: State) -> None:
    """The news is the attack the article leads with: attacks told after it on an earlier day ('On Monday, a
    rocket attack killed a family near Baghdad airport' in the story of Tuesday night's rockets at Erbil) are
    background, unless added to the news ('Also on Wednesday overnight, two drones attacked') or the lead counts the
    attacks of a window ('attacked at least 24 times in recent days') and the attack is of its last week. An attack
    dated only by the day someone spoke of it, a day before the lead's attack, happened before it too."""
    primaries = [d for d in state.drafts if d.role == "primary" and d.anchors]
    if len(primaries) < 2:
        return
    lead = min(primaries, key=lambda d: min(d.anchors))
    mine, earlier = lead.event_day, EARLIER_DAYS
    if mine is None and lead.date is not None and lead.date.reporting and lead.date.precision == "day":
        # 'a swarm of drones struck a US base in Shaddadi, Al Mayadeen reported on Wednesday': the attack was that
        # day or the night before, so an attack told after it two or more days before Wednesday is earlier
        mine, earlier = lead.date.date, EARLIER_DAYS + 1
    if mine is None and lead.date is None:
        # "Three rockets landed at the Conoco base ... On May 3, it was reported that the base in
        # the Omar field had been hit": the undated lead is the day's news, and an attack someone spoke of two or
        # more days before the article is earlier
        _reported_before_the_undated_lead(state, lead, primaries)
        return
    if mine is None:
        return
    # "attacked at least 24 times in recent days, including ...": the lead counts a window's attacks, and those it
    # then tells of its last days are its news
    window = min(_window_the_lead_counts(state), OLD_NEWS_DAYS) or _days_the_news_is_counted_in(state, lead)
    for d in primaries:
        if d is lead or min(d.anchors) < min(lead.anchors) or d.why == PERIOD_FOLLOWED_UP:
            continue  # (the attacks of a period a follow-up is about are all its news)
        day = d.event_day
        if window and day is not None and (mine - day).days < window:
            continue
        if day is not None and (mine - day).days >= earlier and not _told_as_news_too(state, d):
            d.role, d.why = "background", f"{_BEFORE_THE_LEAD} ({day:%d %b})"
        elif day is None and d.date is not None and _EARLIER_THIS_WEEK.fullmatch(d.date.text):
            # "Earlier this week, five Americans were injured when two rockets struck the sprawling Al-Asad Air Base"
            # after Friday's attack: told as before the news
            d.role, d.why = "background", "told 'earlier this week', before the attack the article leads with"
        elif day is None and d.date is not None and d.date.told_before(mine):
            d.role, d.why = "background", f"told on {d.date.date:%d %b}, before the attack the article leads with"


def _reported_before_the_undated_lead(state: State, lead: Draft, primaries: list[Draft]) -> None:
    """The attacks told after an undated lead and dated only by a report two or more days before publication are
    background: the lead is told as the news of the article's day."""
    for d in primaries:
        if d is lead or min(d.anchors) < min(lead.anchors) or d.event_day is not None or d.date is None:
            continue
        if d.date.told_before(state.published - dt.timedelta(days=EARLIER_DAYS)) and not _told_as_news_too(state, d):
            d.role, d.why = "background", f"reported on {d.date.date:%d %b}, before the undated news"


def _days_the_news_is_counted_in(state: State, lead: Draft) -> int:
    """'Two rockets were fired at the US embassy ... It is the fourth attack on US targets in just two days': the lead
    attack counted among the attacks of a window of days, in its own sentences, makes those of the window the news
    (within a week at most). Not a count of the attacks on one site ('attack base housing US forces for second time
    in two days', 'the second on the base in two days'): the earlier one there is recalled. The window's days, or 0."""
    for idx in sorted({*lead.anchors, *lead.details}):
        f = state.facts[idx]
        m = cues.NTH_IN_A_WINDOW.search(f.sent.text)
        if m is None or (m.group("unit") or "").lower() != "days":
            continue
        if m.group("for") or THE_SITE.search(f.sent.text, m.start()) or any(x.start > m.start() for x in f.sites):
            continue
        n = (m.group("n") or "").lower()
        return min(UNITS.get(n) or (int(n) if n.isdigit() else OLD_NEWS_DAYS), OLD_NEWS_DAYS)
    return 0


# A week's earlier days, as an attack told after the lead is dated: "Earlier this week, five Americans were injured"
_EARLIER_THIS_WEEK = prefilter.compile(r"earlier\s+this\s+week", re.I)


# "since" opening the window the lead counts its attacks in: "at least four attacks since the US strikes on Sunday"
_SINCE = prefilter.compile(r"\bsince\b", re.I)


# How far after "since" the day that opens the window may stand ("since the US military conducted airstrikes on Sunday")
_SINCE_REACH = 80


def _window_opening(f: Facts, published: dt.date) -> DateMention | None:
    """The day a 'since' of this sentence opens its window on (None when none). Read afresh: a 'since' clause
    is a cause phrase, whose dates the sentence's facts leave out."""
    since = _SINCE.search(f.sent.text)
    if since is None:
        return None
    return next(
        (
            x
            for x in find_dates(f.sent.text, published)
            if since.end() <= x.start <= since.end() + _SINCE_REACH and x.precision == "day" and not x.reporting
        ),
        None,
    )


def attacks_before_the_window(state: State) -> None:
    """A lead that counts the news from a day on ('at least four incidents occurring since the US airstrikes on
    Sunday', 'attacks since October 17') bounds it: an attack told later on a day before that one is earlier
    history, background ('On Friday morning, a drone targeted al-Tanf' in that story)."""
    day: DateMention | dt.date | None  # the walrus below binds it here too
    opening = next((day for f in state.lead if f.attack and (day := _window_opening(f, state.published))), None)
    if opening is None:
        return
    for d in state.drafts:
        day = d.event_day
        if d.role == "primary" and day is not None and day < opening.date:
            d.role, d.why = "background", "before the day the lead counts the attacks from"


# A lead's window of weeks ("In recent weeks, ... leading to multiple attacks on American bases"), and how far back it
# reaches when the attacks it frames are told later by their day
_WINDOW_OF_WEEKS = prefilter.compile(
    r"\b(?:in|over|during)\s+(?:recent|the\s+(?:past|last))\s+(?:few\s+)?weeks\b", re.I
)


WINDOW_OF_WEEKS_DAYS = 21


def _window_the_lead_counts(state: State) -> int:
    """How many days back the attacks the lead counts reach ("attacked at least 24 times in recent days", "In
    recent weeks, ... leading to multiple attacks"): a week, three for a window of weeks; 0 when it counts none."""
    counting = [f.sent.text for f in state.lead if cues.COUNTED_WINDOW.match(f.sent.text)]
    if any(_WINDOW_OF_WEEKS.search(text) for text in counting):
        return WINDOW_OF_WEEKS_DAYS
    return OLD_NEWS_DAYS if counting else 0


def attacks_of_the_weeks_counted(state: State) -> None:
    """A lead framing the attacks of recent weeks ("In recent weeks, tensions ... have grown, leading to
    several attacks on American bases in Syria and Iraq") makes those it then tells by a day of those weeks its news
    ("Two more attacks took place on May 11 at American bases in ..."), though more than a week old."""
    window = _window_the_lead_counts(state)
    if window <= OLD_NEWS_DAYS:
        return
    for d in state.drafts:
        day = d.event_day
        old = d.role == "background" and d.why == DATED_BEFORE_THE_NEWS
        if old and day is not None and (state.published - day).days <= window:
            d.role, d.why = "primary", "an attack of the recent weeks the lead counts"


def _demote_older_than(state: State, days: int, why: str) -> None:
    """Every primary attack on a day ``days`` or more before the article becomes background, for ``why``."""
    for d in state.drafts:
        day = d.event_day
        if d.role == "primary" and day is not None and (state.published - day).days >= days:
            d.role, d.why = "background", why


# Days before publication from which an attack the lead does not tell is old news
OLD_NEWS_DAYS = 7


# Days before publication from which an attack the lead leaves out is context for the lead's own news
STATEMENT_CONTEXT_DAYS = 2


def _first_news(state: State) -> Facts | None:
    """The first sentence that tells news: an attack, or someone saying or announcing something (not a caption)."""
    return next((f for f in state.facts if f.attack or cues.REPORTED.search(f.sent.text)), None)


def attacks_behind_a_statement(state: State) -> None:
    """A lead that tells no attack ('Kataib Hezbollah announced on Tuesday the suspension of all its military
    operations') has other news: an attack told after it on a day two or more before the article ('Three US
    troops were killed in a drone attack ... on Sunday') is its context, background."""
    first = _first_news(state)
    if first is not None and not first.attack:
        _demote_older_than(state, STATEMENT_CONTEXT_DAYS, "context of a statement the article leads with")


def the_attack_a_reaction_follows(state: State) -> None:
    """An article that tells no attack as its news has a reaction as its news ('Explosions are heard over Manama,
    after Tehran's military announces it aimed a missile salvo at the Isa air base' over a story of the Gulf states'
    answer). When the attack it reacts to was made background only by being told in an 'after' clause, the article
    is a follow-up whose news is that attack (``SCHEMA``: a follow-up reports the attack it follows up): the first
    one told at a named site becomes primary. A story whose news is another actor's strike ('the U.S. military
    carried out air strikes on Thursday after four American troops were wounded') keeps every attack background, and so
    does a story whose news is an attack on no site ('A roadside bomb hit a convoy ... The blast came after a volley of
    rockets struck near the US Embassy')."""
    if any(d.role == "primary" for d in state.drafts) or any(f.vetoes & ANOTHER_STORY for f in state.lead_attacks):
        return
    told = [d for d in state.drafts if d.role == "background" and d.site is not None and d.why == IN_AN_AFTER_CLAUSE]
    if told:
        news = min(told, key=lambda d: min(d.anchors, default=len(state.facts)))
        news.role, news.why = "primary", "the attack a reaction the article reports follows"


def old_news_as_background(state: State) -> None:
    """In a story whose lead tells an attack on something other than a coalition site (a convoy on the road, a
    ship, a plot foiled), an attack on a site a week or more before the article is history it recalls ('A volley
    of rockets exploded near the US embassy on December 20' in a story of the 27th about bombs on convoys):
    background. A follow-up whose lead tells the attack itself (a casualty count disclosed a week later) keeps
    it as the news. (A lead telling another actor's strike makes every attack background: see
    ``background_in_strike_stories``.)"""
    first = _first_news(state)
    if first is not None and not first.attack:
        return  # a statement's story: ``attacks_behind_a_statement``
    lead = next((f for f in state.lead if f.attack), None)
    if lead is not None and lead.vetoes & (ANOTHER_STORY - {"other_actor"}):
        _demote_older_than(state, OLD_NEWS_DAYS, "a week or more old in a story about another kind of attack")


def attacks_in_the_reported_period(state: State) -> None:
    """A situation report names the days it covers ('Iraq Situation Report: March 11 - 17, 2020'): an attack on
    one of them is its news, whatever else its lead tells (a drawdown, a strike, a map's legend)."""
    period = next(filter(None, (reported_period(f.sent.text, state.published) for f in state.facts[:3])), None)
    if period is None:
        return
    for d in state.drafts:
        day = d.event_day
        if d.role == "background" and day is not None and period[0] <= day <= period[1]:
            d.role, d.why = (
                "primary",
                f"an attack of the period the report covers ({period[0]:%d %b}-{period[1]:%d %b})",
            )


# Where a timeline's entry puts its day: first on its line ("On 17 October 2023, ...", "OCT. 18 - ...", "- August 15:")
_ENTRY_OPENING = prefilter.compile(r"^\W*(?:on\s+|in\s+)?$", re.I)


def _list_entries(state: State) -> dict[int, DateMention | None]:
    """The entries of a list of attacks, each sentence with the day its entry opens with: the lines that open with
    the day of the attack they tell, when two or more do (an entry runs to the next one or its paragraph's end),
    and whatever follows a line that introduces a list of attacks."""
    openers = {
        f.sent.index: day
        for f in state.facts
        if f.attack and _starts_a_line(state, f) and (day := next((x for x in f.dates if _opens_with(f, x)), None))
    }
    entries: dict[int, DateMention | None] = {}
    heading = next((f.sent.index for f in state.facts if cues.LIST_HEADING.match(f.sent.text)), None)
    if heading is not None:
        # "Here is a summary of the attacks:": what follows is the list, dated entries or not
        entries.update(dict.fromkeys(range(heading + 1, len(state.facts))))
    if len(openers) < 2 or _recap_between(state, openers):
        return entries
    day, paragraph = None, -1
    for f in state.facts:
        if f.sent.index in openers:
            day, paragraph = openers[f.sent.index], f.sent.paragraph
        elif f.sent.paragraph != paragraph:
            day = None
        if day is not None:
            # "OCT. 19 - ... Separately, drones and rockets target two bases": the entry's sentences, its day
            entries[f.sent.index] = day
    return entries


def _recap_between(state: State, openers: dict[int, DateMention]) -> bool:
    """'On June 9th, five rockets targeted Balad ... In February, three rockets targeted the airfield. In March
    a further six ... On April 18 the coalition said ...': a line dated by its month between two lines opening with a
    day tells the site's history in prose, not the entries of a list (a list dates each of its entries by its day)."""
    first, last = min(openers), max(openers)
    return any(
        f.attack
        and _starts_a_line(state, f)
        and any(x.kind == "month" and _ENTRY_OPENING.match(f.sent.text, 0, x.start) for x in f.dates)
        for f in state.facts[first + 1 : last]
    )


def _starts_a_line(state: State, f: Facts) -> bool:
    return f.sent.start == 0 or state.text[: f.sent.start].rstrip(" \t").endswith("\n")


def _opens_with(f: Facts, x: DateMention) -> bool:
    return (
        x.kind == "explicit"
        and x.precision == "day"
        and not x.reporting
        and _ENTRY_OPENING.match(f.sent.text, 0, x.start) is not None
    )


# Background for what surrounds the attack, not for how it is told: an entry of the article's list is reported
_NOT_IN_PASSING = (DATED_BEFORE_THE_NEWS, _STRIKE_STORY, _BEFORE_THE_LEAD)


def attacks_the_article_lists(state: State) -> None:
    """A timeline ('OCT. 18 - U.S. forces in Iraq are targeted in two separate drone attacks.' 'OCT. 19 - ...'),
    an encyclopedia's section ('On 17 October 2023, militants launched a drone strike on al-Asad ...' 'On 20
    January 2024, ...') or a summary ('Here is a summary of the attacks:', 'The tit-for-tat attacks included:')
    lists the attacks the article reports, however old: each entry's attack is news, not an earlier attack told in
    passing, on its entry's day when its own sentences give none."""
    entries = _list_entries(state)
    for d in list(state.drafts):
        told = sorted(i for i in d.anchors if i in entries)
        if d.role == "background" and d.why.startswith(_NOT_IN_PASSING) and told and len(told) == len(d.anchors):
            d.role, d.why = "primary", "an entry of the list of attacks the article gives"
            day = entries[told[0]]
            if day is not None and d.event_day is None:
                d.date, d.date_sentence = day, told[0]
            if d.site is None:
                count_unnamed_attacks(state, d, told[0])
