"""Which attack each sentence that names none tells of: the sentences between anchors inform the attack last
named, a statement about several attacks informs each, and once the story moves on (a strike, a trend, an earlier
attack) what follows is context, read for claims only."""

from __future__ import annotations

import re

from ingest.extractor import cues, prefilter
from ingest.extractor.anchoring import (
    the_answered_attack_again,
)
from ingest.extractor.counts import NOUN_MODIFIER
from ingest.extractor.events import (
    ANOTHER_STORY,
    Draft,
    Facts,
    zero_casualties_before_strike,
)
from ingest.extractor.numbers import numerals
from ingest.extractor.quotes import quote_depth
from ingest.extractor.state import State, compiled


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
        # same_kind: mine is not None
        if same_kind and x.date != mine.date:  # type: ignore[union-attr]
            return True
    return False


# ("The Iranian assault, intended as retaliation, caused no casualties": an assault is the attack too)
THE_ATTACK = prefilter.compile(
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
    the_attack = THE_ATTACK.search(f.sent.text)
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


def volley(state: State, d: Draft) -> tuple[set[str], set[int]]:
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
    focus_weapons, _ = volley(state, current)
    if weapons & focus_weapons:
        return None
    volleys = [(d, volley(state, d)) for d in state.drafts if d is not current and d.role == "primary"]
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
    if w.category in volley(state, current)[0]:
        return None
    told = [d for d in state.drafts if d is not current and d.role == "primary" and w.category in volley(state, d)[0]]
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
