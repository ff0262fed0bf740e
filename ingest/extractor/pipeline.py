"""The extractor's ordered rules. Each takes the shared ``State`` and fills in one thing."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from ingest.extractor import cues, prefilter, vocabulary
from ingest.extractor.anchoring import (
    count_unnamed_attacks,
    drop_drafts,
    find_anchors,
    fold_summaries,
    the_answered_attack_again,
)
from ingest.extractor.assemble import build_incidents
from ingest.extractor.attribution import find_attribution
from ingest.extractor.counts import NOUN_MODIFIER
from ingest.extractor.dates import WEEKDAYS, DateMention, days_from_the_last, find_dates, reported_period, same_period
from ingest.extractor.events import (
    ANOTHER_STORY,
    CAPTION,
    DATED_BEFORE_THE_NEWS,
    IN_AN_AFTER_CLAUSE,
    Draft,
    Facts,
    after_an_opening_strike,
    answers_a_strike,
    not_the_place_hit,
    read_facts,
    zero_casualties_before_strike,
)
from ingest.extractor.follow_ups import PERIOD_FOLLOWED_UP, fold_follow_ups, follow_up_a_period
from ingest.extractor.names import set_skeleton_norms
from ingest.extractor.numbers import UNITS, numerals
from ingest.extractor.places import COUNTRY_WORDS
from ingest.extractor.quotes import quote_depth
from ingest.extractor.references import DEFINITE, THE_SITE, earlier_attacks_counted
from ingest.extractor.sentences import Sentence, parse, sentence_at, split_sentences, title_lines
from ingest.extractor.state import State, compiled
from ingest.extractor.types import ExtractedIncident, Gazetteer, Site
from ingest.extractor.vocabulary import words


def read_sentences(state: State) -> None:
    state.doc = set_skeleton_norms(parse(state.text))
    state.sentences = split_sentences(state.doc)
    state.title_lines = title_lines(state.sentences)


def read_mentions(state: State) -> None:
    """Sites, factions, weapons, dates, figures and cues, sentence by sentence."""
    matchers = compiled(state.gazetteer)
    by_sent_sites: dict[int, list] = {}
    by_sent_factions: dict[int, list] = {}
    for m in matchers.sites.find(state.doc):
        s = sentence_at(state.sentences, m.start)
        if s is not None:
            by_sent_sites.setdefault(s.index, []).append(m)
    for m in matchers.factions.find(state.doc):
        s = sentence_at(state.sentences, m.start)
        if s is not None:
            by_sent_factions.setdefault(s.index, []).append(m)
    previous = None
    last_day: DateMention | None = None
    linking = False  # in the list of titles a link marker ("Featured Stories") heads
    for s in state.sentences:
        linking = _opens_or_goes_on_a_list_of_links(state, s, linking)
        if linking or cues.LINKED_TITLE.match(s.text):
            # "Read more: Iraqi resistance targets US base in Al-Tanf": the title of another story, told nothing -
            # not even a weapon or a figure ("Also Read: North Korea Fires Cruise Missiles off East Coast")
            linked = read_facts(s, [], [], state.published, None)
            linked.attack, linked.weapons, linked.figures, linked.dates = False, [], [], []
            state.facts.append(linked)
            continue
        attribution = find_attribution(s.text, previous)
        previous = attribution or previous
        sites, factions = by_sent_sites.get(s.index, []), by_sent_factions.get(s.index, [])
        f = read_facts(s, sites, factions, state.published, attribution)
        if state.facts and "tally" in state.facts[-1].vetoes and cues.TALLY_ITEM.match(s.text):
            # "SOHR documented 40 attacks ...; they are distributed as follows: • Seven attacks on Al-Tanf garrison.
            # • One attack on Qasrak base.": each item is a part of the tally, no attack told
            f.vetoes.add("tally")
        if cues.PICTURE_SEEN.search(s.text):
            # "The remains of a drone that was shot down are seen at Ain al-Asad air base ..., Iraq January 4, 2022.":
            # a picture described, often a file photo of an earlier attack - the story around it tells the news
            f.vetoes.add(CAPTION)
        if not f.attack and _photo_caption(state, s):
            # "... at the White House in Washington, U.S., April 15, 2024. (... via REUTERS)": the photo's day (a
            # caption that tells the attack dates it: "... were killed in a March 11, 2020, rocket attack on Camp Taji")
            f.dates = []
        _date_from_the_last_day(f, last_day, state.published)
        if not f.vetoes & {CAPTION, "habitual", "hypothetical"}:
            # a photo's day dates no sentence after it, nor does the day a threat or a trend is told from ("have
            # threatened to attack US interests since ... October 7. A group said earlier in the day that ...")
            last_day = next((x for x in reversed(f.event_dates) if x.precision == "day"), last_day)
        state.facts.append(f)


def _opens_or_goes_on_a_list_of_links(state: State, s: Sentence, linking: bool) -> bool:
    """Is ``s`` the title of another story: right after a link marker ("Featured Stories"), or a title line (no
    sentence's stop) in the list the marker heads? Each headline there ("Four Soldiers Injured"), and each date
    between them, is the other story's; the first line that ends as a sentence closes the list."""
    if state.facts and cues.LINK_MARKER.match(state.facts[-1].sent.text):
        return True
    return linking and cues.ENDS_A_SENTENCE.search(s.text) is None


def _photo_caption(state: State, s: Sentence) -> bool:
    """A photo's caption: a sentence with the photo's credit ("... Qahtaniyah ..., on May 8, 2020. / AFP / DELIL
    SOULEIMAN", "This Dec. 29, 2019, aerial file photo ... (AP Photo/Nasser Nasser, File)") or just before a
    line that is only the credit in brackets ("(... Media Office/Handout via REUTERS)")."""
    if cues.PHOTO_CREDIT.search(s.text):
        return True
    following = state.sentences[s.index + 1] if s.index + 1 < len(state.sentences) else None
    return following is not None and following.text.endswith(")") and bool(cues.PHOTO_CREDIT.search(following.text))


def _date_from_the_last_day(f: Facts, last_day: DateMention | None, published: dt.date) -> None:
    """'October 30 witnessed four attacks ... The following day, drones targeted Shaddadi': a day told from the
    event day told last, in this sentence or before it, is that day's neighbour."""
    own = [x for x in f.dates if x.precision == "day" and x.kind != "since"]
    added = days_from_the_last(f.sent.text, last_day, own, published)
    if added:
        f.dates = sorted([*f.dates, *added], key=lambda d: d.start)


def _moves_on(f: Facts, d: Draft) -> bool:
    """A sentence about trends, threats, another day's attack or an attack on another target is not the
    continuation of ``d``."""
    if f.vetoes & {"habitual", "hypothetical"}:
        return True
    if f.attack and not f.sites and not f.generic_target and cues.ANOTHER_TARGET.search(f.sent.text):
        return True
    if f.attack and not f.sites and not f.generic_target and "other_target" in f.vetoes:
        # "it launched a drone attack on an Israeli military target in the Golan Heights": another target's attack,
        # its drones and its day not the coalition attack's
        return True
    if f.attack and not f.sites and cues.CIVIL_TARGET.search(f.sent.text):
        return True  # "A drone hit facilities at the Hor Mor gas field": another target's attack, and its toll
    if f.attack and not f.sites and cues.CIVILIAN_BUILDING_HIT.search(f.sent.text):
        return True  # "The incident came hours after a strike on a Gaza hospital killed hundreds": another story
    if f.attack and cues.DAYS_LATER.search(f.sent.text):
        return True  # "a week later, ten rockets were fired": an attack on another day
    for x in f.dates:
        if x.reporting or x.kind == "since" or x.precision == "year":
            continue
        if x.past:
            return True
        mine = d.date
        same_kind = mine is not None and not mine.reporting and mine.precision == x.precision == "day"
        if same_kind and x.date != mine.date:
            return True
    return False


# ("The Iranian assault, intended as retaliation, caused no casualties": an assault is the attack too)
_THE_ATTACK = prefilter.compile(
    r"\b(?:the|this|that)\s+(?:[\w-]+\s+)?(?:attack|assault|strike|incident|bombing)\b", re.I
)


# The noun another actor's strike is told with: after the story moves to such a strike, "the strike" is that one.
_THE_STRIKE = prefilter.compile(r"\b(?:the|this|that)\s+(?:[\w-]+\s+)?(?:air)?strikes?\b", re.I)


# The site in focus named by its kind as what was attacked: "to target the air base", "struck the base", "downed
# one drone near the base perimeter"
_THE_SITE_TARGETED = prefilter.compile(
    r"\b(?:(?:target\w*|attack\w*|struck|strike|hit(?:ting)?)\s+(?:at\s+|on\s+)?"
    r"|(?:downed|shot\s+down|intercepted)\s+(?:[\w-]+\s+){0,3}?(?:near|over|at|outside|above)\s+)"
    r"the\s+(?:air\s*)?(?:base|airbase|airfield|outpost|garrison|compound)\b",
    re.I,
)


# "the attack on Erbil", "the strike against Tanf": the attack named by a proper name after its preposition
_THE_ATTACK_ON_A_NAME = prefilter.compile(
    r"\b(?i:the|this|that)\s+(?:[\w-]+\s+)?(?i:attack|assault|strike)\s+(?i:on|at|against)\s+(?:al-)?(?P<name>[A-Z][\w'-]{2,})"
)


def _the_attack_on_its_name(text: str, d: Draft) -> bool:
    """Does the sentence speak of the attack on a name that is a word of the site's own name ("the attack on Erbil"
    after a drone attack on Erbil Air Base), the site left unmatched because the town names more than one site?"""
    own = {w.lower() for w in re.findall(r"[\w'-]+", d.site.name if d.site else "")}
    return any(m.group("name").lower() in own for m in _THE_ATTACK_ON_A_NAME.finditer(text))


def _returns_to(f: Facts, d: Draft, *, after_strike: bool = False, after_earlier: bool = False) -> bool:
    """A sentence dated the attack's own day is about it again; so is one that speaks of 'the attack' and of
    nothing else ('No one was hurt in the attack') - but not of 'the strike' once the story has moved to another
    actor's strike ('Four people were killed in the strike': the strike's toll), nor of 'the incident' once it has
    moved to an earlier attack the news was measured from. A sentence whose attack aims at 'the base' (the site in
    focus named by its kind) is about it again."""
    mine = d.date
    if mine is not None and any(x.date == mine.date and x.precision == "day" and not x.reporting for x in f.dates):
        return True
    if f.attack and d.site is not None and not (f.sites or f.vetoes) and _THE_SITE_TARGETED.search(f.sent.text):
        return True  # "the group claimed credit for using a drone to target the air base": the site in focus
    if d.site is not None and not (f.sites or f.vetoes) and _the_attack_on_its_name(f.sent.text, d):
        return True  # "the attack on Erbil was conducted by a single drone": the site in focus by its town's name
    plain = not (f.sites or f.weapons or f.dates or f.vetoes or f.factions)
    the_attack = _THE_ATTACK.search(f.sent.text)
    if the_attack is None or (after_strike and _THE_STRIKE.fullmatch(the_attack.group(0))):
        return False
    if after_earlier:
        return False  # "It said Coalition forces sustained minor injuries in the incident": the earlier one, told last
    return plain


def _nothing_hurt(f: Facts) -> bool:
    """'All of the missiles were intercepted, and no US casualties have been reported' after a sentence telling
    several attacks together: a zero toll, said of them all."""
    zero = {"killed", "injured", "intercepted_all", "zero_of_the_coalition"}
    return (
        bool(f.figures)
        and all(g.value == 0 and g.field in zero for g in f.figures)
        and any(g.field in {"killed", "injured"} for g in f.figures)
        and not (f.sites or f.dates or f.vetoes)
    )


def _primaries_told_before(state: State, idx: int) -> list[Draft]:
    """The primary attacks the sentences before ``idx`` have told, in the order they were first told."""
    told: list[Draft] = []
    for i in sorted(i for i in state.owner if i < idx):
        told += [d for d in state.owner[i] if d.role == "primary" and all(d is not t for t in told)]
    return told


# What stands reported as of the report: "No casualties have been reported", "no group has yet claimed"
_AS_OF_NOW = prefilter.compile(
    r"\b(?:has|have)\s+(?:not\s+|yet\s+|so\s+far\s+)*been\s+(?:\w+ly\s+)?(?:reported|confirmed|recorded)\b", re.I
)


def _told_as_of_now(f: Facts) -> bool:
    """A toll that stands reported as of the report, in a sentence naming no site or day of its own."""
    return bool(f.figures) and not (f.sites or f.event_dates) and _AS_OF_NOW.search(f.sent.text) is not None


# The attack as the subject measured from an earlier event: "The incident came one day after a fatal blast at an
# Iraqi military command post", "Thursday's reported attacks come after CENTCOM confirmed that U.S. forces had been
# attacked by drones in Iraq" (not "hours after" nor "two hours after": news together, the next sentences still the
# attack's)
_CAME_AFTER = prefilter.compile(
    r"^\W*(?:the|this|that|these|those|[\w-]+[\'\u2019]s)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:attacks?|incidents?|assaults?|strikes?)"
    # ("The strike on the airfield follows an assault last week on an Iraqi army post": the attack named by its
    # target, then placed after another)
    r"(?:\s+(?:on|against|at|off)\s+(?:[\w'\u2019.-]+\s+){0,4}?[\w'\u2019.-]+)?"
    r"\s+(?:(?:came|comes|come)\s+(?!(?:just\s+|only\s+|a\s+few\s+)?"
    rf"(?:(?:about\s+|some\s+|nearly\s+)?(?:an|{numerals(1, 12)}|\d+)\s+)?(?:hours?|minutes?)\b)"
    r"(?:[\w-]+\s+){0,3}?after|follows|followed(?!\s+by\b))\s+",
    re.I,
)


def _story_moves_to_an_earlier_attack(f: Facts) -> bool:
    """Does the sentence measure the attack from an earlier event told as an attack ('came one day after a fatal
    blast at ...')? What the next sentences tell of it ('The explosion reportedly killed one member ...', 'It said
    American troops engaged two drones in western Iraq') is that event's until the story comes back."""
    m = _CAME_AFTER.match(f.sent.text)
    return m is not None and cues.ATTACK.search(f.sent.text, m.end()) is not None


def attach_details(state: State) -> None:
    """Sentences between anchors inform the attack last named (or the one whose site they name). Once the
    story moves on (a trend, another day's attack) the following sentences are context until it comes back:
    they may carry a claim, never a weapon or a figure."""
    primaries = [d for d in state.drafts if d.role == "primary"]
    current = primaries[0] if primaries else None
    moved: set[int] = set()
    to_strike: set[int] = set()  # the drafts whose story moved on to another actor's strike
    to_earlier: set[int] = set()  # the drafts whose story moved on to an earlier attack they were measured from
    told_together: list = []  # the attacks the last anchor sentence told together
    each: list = []  # "In both cases, ...": the attacks a statement is about, until its quotation closes
    quoted = 0
    for f in state.facts:
        idx = f.sent.index
        if idx in state.owner:
            current = state.owner[idx][-1]
            moved -= {id(o) for o in state.owner[idx]}
            to_strike -= {id(o) for o in state.owner[idx]}
            to_earlier -= {id(o) for o in state.owner[idx]}
            told_together = [o for o in state.owner[idx] if o.role == "primary"]
            each = []
            if _story_moves_to_an_earlier_attack(f):
                moved.add(id(current))
                to_earlier.add(id(current))
            continue
        if current is None:
            continue
        if _nothing_hurt(f) and cues.EITHER_OF_THEM.search(f.sent.text):
            # "no injuries were reported from either incident": the zero toll of each attack told so far,
            # though they were told in sentences of their own
            told_so_far = _primaries_told_before(state, idx)
            each, quoted = (told_so_far, 0) if len(told_so_far) > 1 else (each, quoted)
        counted_together = len(told_together) > 1 and all(o.counted for o in told_together)
        if (
            len(told_together) > 1
            and (
                cues.EACH_OF_THEM.match(f.sent.text)
                or (counted_together and cues.THEIR_BASES.search(f.sent.text))
                or _nothing_hurt(f)
            )
            # ("... at Ain al-Asad and at the Erbil air base. There were no casualties reported in Erbil": one's)
            and _the_attack_in_the_town(state, f) is None
        ):
            each, quoted = list(told_together), 0
        if each:
            # 'In both cases, "the drone was shot down prior to reaching its target. No casualties."' - each
            # attack's, up to the end of the quotation the statement opened
            for d in each:
                d.details.append(idx)
            state.owner[idx] = list(each)
            quoted = quote_depth(f.sent.text, quoted)
            if quoted <= 0:
                each = []
            continue
        if f.vetoes & (ANOTHER_STORY | {"tally"}):
            if not zero_casualties_before_strike(f):
                if "other_actor" in f.vetoes:
                    # "Following the attack, the SDF launched retaliatory shelling": the story has moved to the
                    # strike; what follows is the strike's until a sentence comes back to the attack
                    moved.add(id(current))
                    to_strike.add(id(current))
                elif {"tally", "habitual"} <= f.vetoes:
                    # "US troops have been targeted 38 times since October 17": the story has moved to the
                    # campaign's running totals ("At least 46 personnel sustained injuries") until it comes back
                    moved.add(id(current))
                continue
            # the toll told before the strike is the attack's; nothing after it is
            f.figures = [g for g in f.figures if g.end <= f.actor_at]
            f.dates = [x for x in f.dates if x.end <= f.actor_at]
        _less_the_earlier_event(f)
        named = {m.site.slug for m in f.sites}
        target = next(
            (d for d in state.drafts if d.site is not None and d.site.slug in named and d.role == "primary"), None
        )
        target = target or next((d for d in state.drafts if d.site is not None and d.site.slug in named), None)
        target = target or _told_again(state, f, current) or _the_attack_in_the_town(state, f)
        draft = target or current
        if target is None and draft.role == "background" and _told_as_of_now(f):
            # "In April, two drones were shot down near the base. No casualties have been reported, said the
            # sources.": after an earlier attack told in passing, what is reported as of now is the news's
            news = [d for d in state.drafts if d.role == "primary"]
            draft = news[0] if len(news) == 1 else draft
        if _moves_on(f, draft):
            # a side note with an old date and no attack in it (a photo caption, a founding year) is
            # context itself, but the story has not moved on: what follows still tells the attack
            if f.attack or f.vetoes & {"habitual", "hypothetical"}:
                moved.add(id(draft))
            draft.context.append(idx)
        elif (
            id(draft) in moved
            and target is None
            and (
                not _returns_to(f, draft, after_strike=id(draft) in to_strike, after_earlier=id(draft) in to_earlier)
                or (id(draft) in to_strike and the_answered_attack_again(state, idx))
            )
        ):
            draft.context.append(idx)
        else:
            moved.discard(id(draft))
            to_strike.discard(id(draft))
            to_earlier.discard(id(draft))
            draft.details.append(idx)
            if _story_moves_to_an_earlier_attack(f):
                moved.add(id(draft))
                to_earlier.add(id(draft))
        state.owner[idx] = [draft]


# A town a sentence places what it tells in: "There were no casualties reported in Erbil."
_IN_A_TOWN = prefilter.compile(r"\bin\s+(?:the\s+(?:city|town)\s+of\s+)?(?P<town>[A-Z][\w'\u2019-]+)")


def _the_attack_in_the_town(state: State, f: Facts) -> Draft | None:
    """'Iran fired missiles at Ain al-Asad ... There were no casualties reported in Erbil': a sentence naming no
    site that places what it tells in a town tells of the news at the one military site named for that town."""
    if f.sites:
        return None
    sites = compiled(state.gazetteer).sites
    for m in _IN_A_TOWN.finditer(f.sent.text):
        site = sites.named_for_town(m.group("town"))
        news = next((d for d in state.drafts if d.role == "primary" and d.site == site), None) if site else None
        if news is not None:
            return news
    return None


# A lead counting the attacks it sums up: "at least four rocket and drone attacks", "three attacks"
_COUNTED_ATTACKS = prefilter.compile(
    rf"\b(?:{numerals(2, 20)}|\d+)\s+(?:[\w-]+\s+){{0,4}}?(?:attacks|strikes|assaults)\b", re.I
)


def zero_toll_of_the_counted_attacks(state: State) -> None:
    """'A U.S. military official stated on Monday that at least four rocket and drone attacks recently targeted U.S.
    and international forces in northeastern Syria. The official added that there were no casualties': a zero toll
    told of the attacks a lead counts, before any of them is told by its site, is each one's in that country."""
    primaries = [d for d in state.drafts if d.role == "primary"]
    for d in primaries:
        lead = state.facts[d.anchors[0]] if d.anchors else None
        if lead is None or lead.sites or not _COUNTED_ATTACKS.search(lead.sent.text):
            continue
        first_site = min((i for i in d.anchors if state.facts[i].sites), default=None)
        if first_site is None:
            continue
        zeros = [i for i in d.details if lead.sent.index < i < first_site and _nothing_hurt(state.facts[i])]
        for other in primaries if zeros else ():
            if other is not d and other.country == d.country and min(other.anchors, default=-1) >= first_site:
                other.shared.update(zeros)


def _volley(state: State, d: Draft) -> tuple[set[str], set[int]]:
    """The weapons and launch counts the attack's own sentences tell."""
    weapons = {w.category for i in d.anchors for w in state.facts[i].weapons}
    launched = {g.value for i in d.anchors for g in state.facts[i].figures if g.field == "launched"}
    return weapons, launched


def _told_again(state: State, f: Facts, current: Draft) -> Draft | None:
    """'At least nine rockets have been fired at a US military base near Conoco ... Earlier, a missile struck a
    military base near the Al-Omar oil field ... militias fires 9 rockets at US Military base': a sentence naming no
    site whose volley (weapon and count) is another attack's, not the one in focus's, tells that attack again."""
    weapons = {w.category for w in f.weapons}
    launched = {g.value for g in f.figures if g.field == "launched" and g.value > 1}
    if not launched and not f.sites and len(weapons) == 1:
        return _named_by_its_weapon(state, f, current)
    if not weapons or not launched or f.sites:
        return None
    focus_weapons, _ = _volley(state, current)
    if weapons & focus_weapons:
        return None
    volleys = [(d, _volley(state, d)) for d in state.drafts if d is not current and d.role == "primary"]
    told = [d for d, (its_weapons, its_launched) in volleys if weapons <= its_weapons and launched <= its_launched]
    return told[0] if len(told) == 1 else None


# "the drone attacks", "the rocket attack": an attack named by its weapon
_THE_WEAPON_ATTACK = prefilter.compile(r"\bthe\s+(?:[\w-]+\s+)?$", re.I)


def _named_by_its_weapon(state: State, f: Facts, current: Draft) -> Draft | None:
    """'At least one armed drone was launched at the Ain al-Asad air base ... That followed five rockets fired ... at
    a base in Rumalyn ... There were no reports of casualties or significant damage from the drone attacks': an
    attack named by a weapon the attack in focus did not use is the one other attack of the story that did."""
    w = f.weapons[0]
    if not (_THE_WEAPON_ATTACK.search(f.sent.text, 0, w.start) and NOUN_MODIFIER.match(f.sent.text[w.end :])):
        return None
    if w.category in _volley(state, current)[0]:
        return None
    told = [d for d in state.drafts if d is not current and d.role == "primary" and w.category in _volley(state, d)[0]]
    return told[0] if len(told) == 1 else None


def _less_the_earlier_event(f: Facts) -> None:
    """'The development comes a day after the group claimed shooting down an MQ-9 Reaper drone': in a sentence that
    tells no attack of its own, what follows 'comes a day after' is an earlier event's - its weapons, figures and
    days are not the attack's."""
    earlier = cues.CAME_DAYS_AFTER.search(f.sent.text)
    if earlier is None:
        return
    f.weapons = [w for w in f.weapons if w.end <= earlier.start()]
    f.figures = [g for g in f.figures if g.end <= earlier.start()]
    f.dates = [x for x in f.dates if x.end <= earlier.start()]


def claims_of_the_framed_attacks(state: State) -> None:
    """'United States forces were attacked four times ... The Islamic Resistance in Iraq claimed responsibility for
    the attack': a claim naming no site, told after the attacks one summary line frames, is each one's claim, not
    only the one told last (it joins each as context: a claim, never a figure)."""
    for idx, owners in list(state.owner.items()):
        f = state.facts[idx]
        if len(owners) != 1 or f.sites or idx in owners[0].anchors or not cues.CLAIM.search(f.sent.text):
            continue
        frames = set(owners[0].frames)
        framed = [d for d in state.drafts if d.role == "primary" and frames & set(d.frames) and min(d.anchors) < idx]
        if not frames or len(framed) < 2:
            continue
        for d in framed:
            if idx not in d.details and idx not in d.context:
                d.context.append(idx)
        state.owner[idx] = [*owners, *(d for d in framed if d is not owners[0])]


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
    weapons, _ = _volley(state, d)
    return any(
        "drill" in state.facts[i].vetoes and weapons & {w.category for w in state.facts[i].weapons}
        for i in d.sentences()
    )


# "missiles struck near Erbil-Pirmam road and Erbil International Airport": a place named as where things fell
# (its country's possessive before it: "a clash near Syria's al-Shaddadi")
_NEAR = prefilter.compile(
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
    state.drop_primaries(lambda d: _every_mention_after(state, d, _NEAR) or _only_shot_down_there(state, d))


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
_FOLLOWED_ATTACKS = prefilter.compile(
    r"\b(?:followed|follows|came\s+after|comes\s+after|come\s+after)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:attacks?|strikes?|assaults?|barrages?)\s+(?:on|against|at|targeting)\b",
    re.I,
)


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
    if f.attack or _THE_ATTACK.search(f.sent.text):
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


# An attack named by its day: "Tehran's attack on June 23", "the attack of June 23", "The Iranian missile strike on
# 23 June"
_ATTACK_ON_THE_DAY = prefilter.compile(
    r"(?:\bthe|\bthis|\bthat|[\w-]+['\u2019]s)\s+(?:[\w-]+\s+){0,2}?(?:attack|strike|assault|retaliation)\s+(?:on|of)\s+$",
    re.I,
)


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
                _ATTACK_ON_THE_DAY.search(f.sent.text, 0, x.start)
                or (_THE_DAY_BEFORE.search(f.sent.text, 0, x.start) and _ATTACK_AFTER_THE_DAY.match(f.sent.text, x.end))
            )
        ),
        None,
    )


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
        if x is not None and (not month or same_period(x, d.date)):
            d.date, d.date_sentence = x, f.sent.index
            return


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
            if _NEAR.search(f.sent.text, 0, at) is None and not not_the_place_hit(f.sent.text, at):
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
                    focus.site.country,
                    anchors=[f.sent.index],
                    date=day,
                    date_sentence=f.sent.index if day is not None else None,
                    why="an earlier attack on the site the news is counted among",
                )
            )


RULES: tuple[Callable[[State], None], ...] = (
    read_sentences,
    read_mentions,
    find_anchors,
    place_the_volley_by_its_part,
    fold_follow_ups,
    follow_up_a_period,
    attach_details,
    zero_toll_of_the_counted_attacks,
    fold_summaries,
    claims_of_the_framed_attacks,
    drop_denied,
    drop_drills,
    drop_reconnaissance_flights,
    drop_collateral_sites,
    drop_vacated_sites,
    background_in_strike_stories,
    resolve_dates,
    date_the_attack_followed_up,
    drop_sites_the_coalition_had_left,
    earlier_days_as_background,
    attacks_before_the_window,
    attacks_of_the_weeks_counted,
    attacks_behind_a_statement,
    old_news_as_background,
    attacks_in_the_reported_period,
    attacks_the_article_lists,
    the_attack_a_reaction_follows,
    name_the_lone_unnamed_attack,
    the_countrys_bases_are_its_named_attack,
    one_attack_one_incident,
    earlier_attacks_counted_on_the_site,
    build_incidents,
)


def run(text: str, published: dt.date, gazetteer: Gazetteer) -> list[ExtractedIncident]:
    state = State(text, published, gazetteer)
    for rule in RULES:
        rule(state)
    return state.incidents
