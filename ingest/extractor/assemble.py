"""Assembly: a finished draft becomes an ``ExtractedIncident`` - weapons and figures from the sentences that
tell THAT attack (its own clause of a multi-attack sentence, its direct continuation), claims from anything
attached to it, evidence for every field."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from ingest.extractor import cues, prefilter, segments, vocabulary
from ingest.extractor.casualties import toll_of_others
from ingest.extractor.confidence import Reading, field_confidence, overall
from ingest.extractor.counts import best_low_high
from ingest.extractor.dates import WEEKDAYS
from ingest.extractor.events import Draft, Facts, main_clause
from ingest.extractor.figures import (
    all_intercepted,
    another_countrys_event,
    at_least_intercepted,
    evidence_of,
    launch_echoes,
    named_last_in_another_story,
    one_and_the_other_launch,
    others_got_through,
    own_figures,
    singular_launch,
    zeros_given_way,
)
from ingest.extractor.numbers import numerals
from ingest.extractor.types import (
    COUNT_FIELDS,
    Count,
    Evidence,
    ExtractedIncident,
    Faction,
    Gazetteer,
    Precision,
    Report,
)
from ingest.extractor.weapons import WeaponMention, categories

if TYPE_CHECKING:
    from ingest.extractor.factions import FactionMention
    from ingest.extractor.state import State


# The weapons named as what one verb launched at the targets named next: "launched drones and rockets on bases housing
# U.S. forces in ..."
_ONE_VERBS_TARGETS = prefilter.compile(
    r"\b(?:launched|fired|used)\s+(?:[\w-]+\s+){0,3}?(?:drones?|rockets?|missiles?)\s+(?:and|or)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:drones?|rockets?|missiles?)\s+(?:on|at|against|toward|towards)\s+"
    rf"{prefilter.IN_SENTENCE}*$",
    re.I,
)


def own_weapons(f: Facts, d: Draft, alone: bool = False) -> list[WeaponMention]:
    """The weapons of ``d`` in one of its anchor sentences: those in its clause; a clause without any
    shares the ones told before the first clause ('Rockets hit X and Y'); the only attack a sentence
    names takes the sentence's weapons when its own clause has none ('X was hit after militias fired
    five rockets')."""
    span = d.spans.get(f.sent.index)
    if span is None:
        return f.weapons
    inside = [w for w in f.weapons if span[0] <= w.start < span[1]]
    if inside:
        return inside
    if alone:
        return f.weapons
    if span[0] == 0:
        return inside
    first = min((m.start - f.sent.start for m in f.sites), default=span[0])
    lead = [w for w in f.weapons if w.start < min(first, span[0])]
    if len({w.category for w in lead}) == 1:
        return lead
    # "its fighters launched bomb-laden drones and rockets on bases ... in Iraq's Erbil Airport and Syria's Conoco
    # and Kharab al-Jeir": the targets of the one verb share all the weapons it names before them
    return lead if _ONE_VERBS_TARGETS.search(f.sent.text, 0, first) else []


def tells_another_attack(f: Facts, d: Draft) -> bool:
    """'In December, a similar rocket fusillade killed a contractor, an attack the U.S. blamed on X': a sentence
    that is not one of the attack's own and tells an attack dated in the past (an earlier month, last week) keeps
    its claim or blame for that attack. (A claim made on a later day is still this attack's.)"""
    if f.sent.index in d.anchors or not f.attack:
        return False
    if not f.sites and not f.generic_target and "other_target" in f.vetoes:
        # "The Islamic Resistance in Iraq announced that it launched a drone attack on an Israeli military target in
        # the Golan Heights": the claim is of that attack, not of the coalition site's
        return True
    # ("confirmed that they fired the rockets to retaliate for last week's killing": the past is the motive's)
    motive = cues.MOTIVE.search(f.sent.text)
    return any(motive is None or x.start < motive.start() for x in f.past_event_dates)


def _owned_by_group(f: Facts) -> bool:
    """'The Islamic Revolutionary Guard Corps confirmed the strikes': a named group, before the verb, owns them."""
    m = cues.OWNED.search(f.sent.text)
    return m is not None and any(g.start - f.sent.start < m.start() for g in f.factions)


# "The group", "The Iran-backed militant group", "The factions, self-identified as ...": a group named before or
# after, by its kind
_THE_GROUP = prefilter.compile(
    r"^\W*(?:the|this|these)\s+(?:[\w-]+\s+){0,3}?(?:groups?|factions?|militias?|organi[sz]ations?|movements?)\b",
    re.I,
)


# The named actor of the attack in the reporter's words: "Iran launched a missile attack on Al Udeid", "the
# missiles fired by Iran", "14 missiles launched by Iran"
_AGENT_VERB = prefilter.compile(
    # the name's acronym and an apposition may stand before the verb: "the Islamic Resistance in Iraq (IRI), an
    # umbrella group of Iranian-backed armed factions, attacked two bases"
    r"(?:\s*\([A-Z]{2,6}\))?(?:\s*,\s*(?:an?|the)\s+[^,;.()]{1,80},)?"
    # the perfect tells the same act: "the Pentagon said that Iran had launched more than a dozen missiles at bases"
    r"\s+(?:(?:had|has|have)\s+)?(?:\w+ly\s+|also\s+)?(?:launched|fired|attacked|struck|targeted|shelled|bombed)\b",
    re.I,
)
# ("missiles fired by Yemen's Houthi rebels": a country's possessive may stand before the name); the passive of an
# attack verb and an attack noun take their actor with "by" too: "were targeted in a drone attack by the Islamic
# Resistance in Iraq", "the base was attacked by Kataib Hezbollah"
_AGENT_BY = prefilter.compile(
    r"\b(?:fired|launched|carried\s+out|conducted|sent|targeted|attacked|struck|shelled|bombed"
    r"|attacks?|strikes?|assaults?|barrages?)"
    # its target may come between: "the attack that targeted Al-Udeid Air Base by the Iranian Revolutionary Guard",
    # "the attack on Al Udeid Air Base by Iran's Islamic Revolutionary Guard Corps"
    # (the target told by its name alone, so that "by" is the attack's: not "a strike on a depot used by the IRGC",
    # nor "the attacks on militias backed by Iran")
    r"(?:\s+(?:(?:that|which)\s+)?(?:on|at|against|targeted|targeting|hit|struck)\s+(?:the\s+)?"
    r"(?-i:[A-Z])[\w'\u2019-]*(?:\s+(?-i:[A-Z])[\w'\u2019-]*){0,5})?"
    r"\s+by\s+(?:the\s+)?(?:[\w-]+['\u2019]s\s+|(?-i:[A-Z])[a-z]+(?:an|i)\s+)?$",
    re.I,
)
# The actor as the attack noun's possessor or modifier: "Iran's missile attack on Al Udeid", "the Houthi missile
# strike", "Kataib Hezbollah's drone attack"
_AGENT_OF = prefilter.compile(
    # ("Iran's first direct missile attack against US forces": the words that say which attack of the actor's)
    rf"(?:['\u2019]s)?\s+(?:{vocabulary.words(vocabulary.ATTACK_MODIFIERS)}\s+){{0,3}}"
    r"(?:attacks?|strikes?|barrages?|salvos?)\b(?!\s+(?:on|against)\s+(?:it|its|them|their)\b)",
    re.I,
)
# A state named by its adjective before its own attack: "an Iranian missile attack on the base" (not "Iranian-made",
# "pro-Iranian", nor the weapons of others: "an Iranian drone" is often a militia's drone made in Iran)
_STATE_ATTACK = {
    state: prefilter.compile(
        rf"(?<![-\w]){adjective}\s+(?i:(?:(?:ballistic|missile|retaliatory)\s+){{0,2}}(?:attacks?|strikes?|barrages?)\b"
        # ... or before its missiles doing it: "An Iranian ballistic missile struck the United States' military base
        # at Al-Udeid", "Iranian missiles targeted military areas including the Al Udeid Air Base"
        r"|(?:(?:ballistic|cruise)\s+)?missiles?\s+(?:has\s+|have\s+|had\s+)?"
        r"(?:struck|hit|targeted|slammed\s+into|landed|fell|exploded)\b)"
        # the state named as where the projectiles came from: "A ballistic missile fired from Iran has hit the
        # Al-Udeid base", "these missiles were launched from Iran and targeted at least two Iraqi military bases",
        # "Launched from Iranian territory and by Iranian forces" (not "While not launched from Iran, the drones ...")
        # ("launched from neighbouring Iran")
        rf"|(?<!\bnot\s)\b(?i:fired|launched)\s+from\s+(?:inside\s+|(?i:neighbou?ring)\s+)?"
        rf"(?:{state}|{adjective}\s+(?i:territory|soil))\b"
    )
    for adjective, state in vocabulary.STATE_ADJECTIVES.items()
}


# "Previous Iranian missile attack damage to Ain al-Asad" (a photo caption): another attack than this one
_AN_EARLIER = prefilter.compile(r"\b(?:previous|earlier|prior|past|last|former|an?other)\s+$", re.I)


# A named group counted as the dead or wounded: "ISIL attacks: 14 Popular Mobilisation Forces killed in Iraq",
# "killing five Kataib Hezbollah fighters"
_A_COUNT_BEFORE = prefilter.compile(rf"(?:\b\d+|\b{numerals(2, 99)})\s+(?:of\s+)?(?:the\s+)?$", re.I)
_HURT_BEFORE = prefilter.compile(
    rf"\b(?:killing|killed|wounding|wounded|injuring|injured)\s+(?:at\s+least\s+)?(?:\d+|{numerals(2, 99)})\s+"
    r"(?:of\s+)?(?:the\s+)?$",
    re.I,
)
_HURT_AFTER = prefilter.compile(
    r"\s+(?:[\w-]+\s+)?(?:(?:were|are|was|have\s+been)\s+)?(?:killed|wounded|injured|dead)\b", re.I
)


def _a_groups_toll(f: Facts) -> bool:
    """Are a named group's people the sentence's dead or wounded? Then it tells an attack on that group ("ISIL
    attacks: 14 Popular Mobilisation Forces killed in Iraq", a linked story's title), and its actor is that
    attack's, not the coalition's."""
    text, at = f.sent.text, f.sent.start
    return any(
        _HURT_BEFORE.search(text, 0, g.start - at)
        or (_A_COUNT_BEFORE.search(text, 0, g.start - at) and _HURT_AFTER.match(text, g.end - at))
        for g in f.factions
    )


def _agent(f: Facts, gazetteer: Gazetteer) -> Faction | None:
    """The group or state a sentence telling one attack (no habit, trend or other story) names as its actor."""
    if f.vetoes:
        return None  # "the Islamic Resistance in Iraq launched regular drone attacks": a campaign's actor
    if _a_groups_toll(f):
        return None  # "ISIL attacks: 14 Popular Mobilisation Forces killed": an attack on that group
    text, at = f.sent.text, f.sent.start
    for g in _named_for_sure(f):
        if (
            _AGENT_VERB.match(text, g.end - at)
            or _AGENT_OF.match(text, g.end - at)
            or _AGENT_BY.search(text, 0, g.start - at)
        ):
            return g.faction
    for state, pattern in _STATE_ATTACK.items():
        m = pattern.search(text)
        if m is not None and not _AN_EARLIER.search(text, 0, m.start()):
            return next((x for x in gazetteer.factions if x.name == state), None)
    return None


_EITHER_OR = prefilter.compile(r"\s*,?\s+or\s", re.I)
# A sponsor named together with the groups it sponsors, by no name of theirs: "blaming Iran and its proxy forces for
# the attack" blames a network, no one actor (like "Iran-backed militias", ``factions._SPONSOR_AFTER``)
_WITH_ITS_CLIENTS = prefilter.compile(
    rf"\s*,?\s+and\s+(?:its|their)\s+(?:[\w-]+\s+)?{vocabulary.words(vocabulary.CLIENT_WORDS)}\b", re.I
)


def _named_for_sure(f: Facts) -> list[FactionMention]:
    """The groups a sentence names, less those given as one of two alternatives ("Iran or its proxies") or as the
    sponsor of others it names with them ("Iran and its proxy forces")."""
    at = f.sent.start
    return [
        g
        for g in f.factions
        if not _EITHER_OR.match(f.sent.text, g.end - at) and not _WITH_ITS_CLIENTS.match(f.sent.text, g.end - at)
    ]


# Where a clause ends inside a sentence: a dash, a semicolon, a bracket, a conjunction after a comma
_CLAUSE_BREAK = re.compile(r"\s[\u2013\u2014-]{1,2}\s|;|\(|\)|,\s+(?:and|but|while|whereas)\s")


# The grammar of blame: "blamed X for Y", "Y was blamed on X", "X was blamed for Y", "X was responsible for Y"
_BLAMED_FOR = prefilter.compile(r"[^,;]{0,80}?\bfor\s+(?P<what>[^,;.]{1,60})", re.I)
_AN_ATTACK = prefilter.compile(
    r"\b(?:attacks?|strikes?|assaults?|bombings?|barrages?|salvos?|shelling|it|this|them|these|those)\b", re.I
)
_PASSIVE_BEFORE = prefilter.compile(r"\b(?:was|were|is|are|been|be)\s+(?:\w+ly\s+)?$", re.I)
_ON_AFTER = prefilter.compile(r"\s+(?:\w+\s+)?on\b", re.I)


def _blamed(f: Facts) -> list[FactionMention]:
    """The groups the sentence's blame names in its own clause: "The US blames the attacks on groups backed by
    Iran - an assertion dismissed by Tehran": Tehran, named in a clause of its own, is not the one blamed."""
    text = f.sent.text
    m = cues.BLAME.search(text)
    if m is None:
        return []
    start = max((b.end() for b in _CLAUSE_BREAK.finditer(text, 0, m.start())), default=0)
    if cues.HABITUAL.search(text, start, m.start()) or cues.SIMILAR_ATTACKS.search(text, start, m.start()):
        # "the latest in the string of attacks largely attributed to the PMF", "similar strikes in recent weeks
        # have been attributed to": the series or the others are blamed, not this attack
        return []
    after = _CLAUSE_BREAK.search(text, m.end())
    end = after.start() if after else len(text)
    named = [g for g in _named_for_sure(f) if start <= g.start - f.sent.start < end]
    at = f.sent.start
    # what the blame is for must be an attack: "Iran said the United States was responsible for Haniyeh's
    # assassination", "Iran has blamed Israel and the US for Haniyeh's death" blame no one for this attack
    cause = _BLAMED_FOR.match(text, m.end())
    if cause is not None and not _AN_ATTACK.search(cause.group("what")):
        return []
    verb = m.group(0).lower()
    if verb.startswith("blam"):
        # the one blamed stands after the verb (after "on" in "was blamed on Israel"), before it only in
        # "Kataib Hezbollah was blamed for the attack"
        if _PASSIVE_BEFORE.search(text, start, m.start()) and not _ON_AFTER.match(text, m.end()):
            return [g for g in named if g.start - at < m.start()][-1:]
        return [g for g in named if g.start - at >= m.end()]
    if verb.endswith("by"):
        # "the attack was planned, resourced and facilitated by the Islamic Resistance in Iraq": the agent after "by"
        return [g for g in named if g.start - at >= m.end()]
    if verb.startswith(("was", "were", "is", "are")):
        # "... that Kataib Hezbollah was responsible", "Iran-backed militias were behind": the subject, the group
        # named last before the verb - not a country named further on ("escalation between the US and Iran")
        return [g for g in named if g.end - at <= m.start()][-1:]
    if verb.startswith(("carried", "attributed")):
        return [g for g in named if g.start - at >= m.end()]
    return named


# "claimed responsibility for one of these explosions": the claim's object points back at what was just told
_THESE_EVENTS = prefilter.compile(
    r"\b(?:for|of)\s+(?:one\s+of\s+|some\s+of\s+|both\s+of\s+)?(?:these|those|the\s+latter)\s+(?:[\w-]+\s+)?"
    r"(?:explosions|blasts|bombings|attacks|strikes|incidents|operations|explosion|blast|bombing)\b",
    re.I,
)


def _claims_what_was_told_before(state: State, idx: int, d: Draft) -> bool:
    """'Trucks carrying coalition supplies were bombed. A group claimed one of these explosions': a claim whose
    object points back ('these explosions') claims the event the last attack sentence before it told - another
    attack's, when that sentence is not one of ``d``'s."""
    if not _THESE_EVENTS.search(state.facts[idx].sent.text):
        return False
    told = next((j for j in range(idx - 1, -1, -1) if state.facts[j].attack), None)
    return told is not None and told not in d.sentences()


def _claimant_named_next(state: State, idx: int) -> list:
    """'An Iraqi group claimed responsibility ... The group, called X, said ...': the claimant named in the next
    sentence that speaks of 'the group', or that names it as the one speaking ('"No one can stop our operations,"
    X said in the statement')."""
    if idx + 1 >= len(state.facts):
        return []
    nxt = state.facts[idx + 1]
    if _THE_GROUP.match(nxt.sent.text):
        return nxt.factions
    if _DISOWNS.search(nxt.sent.text):
        return []  # "Kataib Hezbollah said it had nothing to do with the attack": a group speaking to deny it
    return [g for g in nxt.factions if _SPEAKS.match(nxt.sent.text, g.end - nxt.sent.start)][:1]


_DISOWNS = prefilter.compile(
    r"\b(?:denied|denies|deny|denying|nothing\s+to\s+do\s+with|not\s+involved|no\s+(?:role|part|link)\s+in)\b", re.I
)
# The group named as the one speaking: "X said in the statement", "X added"
_SPEAKS = prefilter.compile(
    rf"\s+(?:also\s+|later\s+)?{vocabulary.words(vocabulary.REPORTING_VERBS, vocabulary.POSTING_VERBS)}\b"
)


def _claimant_named_before(state: State, idx: int) -> list:
    """'... three facilities used by Kataib Hezbollah. The Iran-backed militant group earlier claimed credit': the
    claim's subject is 'the group', the one the sentence before named last."""
    if idx == 0 or not _THE_GROUP.match(state.facts[idx].sent.text):
        return []
    return state.facts[idx - 1].factions[-1:]


def _blamed_beside_no_claim(f: Facts) -> list[FactionMention]:
    """The groups officials blame after a clause saying no one claimed the attack ([] when the blame is in that
    clause or there is none)."""
    text = f.sent.text
    denied = cues.NO_CLAIM.search(text)
    comma = text.find(",", denied.end()) if denied is not None else -1
    if comma < 0 or not cues.BLAME.search(text, comma) or cues.SPECULATION.search(text):
        return []
    return [m for m in _blamed(f) if m.start - f.sent.start > comma]


@lru_cache(maxsize=512)
def _claim_by_group(text: str) -> bool:
    """A claim, unless a state is the one speaking ('US Central Command announced that its forces conducted an
    airstrike' owns a strike, it claims no attack). Kept: each incident asks it of the article's sentences."""
    m = cues.CLAIM.search(text)
    return m is not None and not cues.STATE_SPEAKER.search(text, 0, m.start())


# The role's reason when no rule gave one: the attack the article tells as its news, or one told in passing
_DEFAULT_WHY = {"primary": "the attack the article reports", "background": "an earlier attack told in passing"}


# A relative clause set off between dashes or commas describes the group, it is not the claim: "The Islamic
# Resistance in Iraq - which has claimed many of the recent attacks on US forces - said it carried out the attack"
_RELATIVE_ASIDE = prefilter.compile(
    r"(?:\s[\u2014\u2013-]\s|,\s)(?:which|who)\s[^\u2014\u2013,.;]{0,160}?(?:\s[\u2014\u2013-]\s|,\s)", re.I
)


# "These have been blamed on Kataib Hezbollah": a subject pointing back at what the sentence before told
_THESE = prefilter.compile(r"^\W*(?:these|they|those|such\s+attacks)\b", re.I)


def _blames_the_series_told_before(state: State, idx: int) -> bool:
    """'Over the last two years, dozens of rocket attacks have targeted ... These have been blamed on Kataib
    Hezbollah': blame whose subject is the habit or series the sentence before told is that series' blame."""
    return (
        idx > 0
        and _THESE.match(state.facts[idx].sent.text) is not None
        and bool(state.facts[idx - 1].vetoes & {"habitual", "tally"})
    )


# "The militant groups stated", "The groups say": the groups the sentence before spoke of, by no name of their own
_THE_GROUPS = prefilter.compile(
    r"^\W*(?:the|these|those)\s+(?:[\w-]+\s+)?(?:groups|militias|factions|militants)\b", re.I
)


def _speaks_for_the_series_told_before(state: State, idx: int) -> bool:
    """'Militant groups have targeted U.S. and coalition forces ... over 40 times since early October. The militant
    groups stated the attacks were in response to U.S. support for Israel': the unnamed groups of a habit or tally
    the sentence before told speak of that series (its motive), claiming no one attack."""
    f = state.facts[idx]
    return (
        idx > 0
        and not f.factions
        and _THE_GROUPS.match(f.sent.text) is not None
        and bool(state.facts[idx - 1].vetoes & {"habitual", "tally"})
    )


# A noun described at the sentence's end by what is done there as a habit: "..., a desert post often crossed by
# smugglers" tells of the place, not of the attack or its claim
_HABIT_OF_A_PLACE = prefilter.compile(
    rf",\s+(?:a|an)\s+(?:[\w-]+\s+){{1,4}}?{vocabulary.words(vocabulary.HABIT_WORDS)}\s+\w+ed\s+by\b[^;]*$", re.I
)


@lru_cache(maxsize=512)
def _less_asides(text: str) -> str:
    """The sentence less its relative asides and the habits of a place (kept: each incident asks it again)."""
    return _HABIT_OF_A_PLACE.sub("", _RELATIVE_ASIDE.sub(" ", text))


# The attack named by its day: "the Monday evening attack", "Saturday's attack", "Tuesday's drone strike"
_ATTACK_OF_A_DAY = (
    rf"(?P<day>{'|'.join(WEEKDAYS)})(?:['\u2019]s)?\s+(?:(?:morning|afternoon|evening|night)['\u2019]?s?\s+)?"
    r"(?:(?!(?:the|a|an)\s)[\w-]+\s+)?(?:attack|strike|assault|bombing|barrage|shelling)\b"
)
# A claim that names its attack by the day: "the group that claimed responsibility for the Monday evening attack"
_CLAIM_OF_A_DAY = prefilter.compile(
    rf"\b(?:claim(?:ed|s|ing)?|t(?:ook|aken|akes|aking))\s+(?:responsibility|credit)\s+for\s+(?:the\s+)?"
    rf"{_ATTACK_OF_A_DAY}",
    re.I,
)
# ... and in the passive, the attack or the responsibility for it as the subject: "Tuesday's attack was claimed by
# X", "the responsibility for Saturday's attack was claimed by X"
_DAYS_ATTACK_CLAIMED = prefilter.compile(
    rf"(?<![\w-]){_ATTACK_OF_A_DAY}\s+(?:was|has\s+been|had\s+been)\s+(?:\w+ly\s+)?(?:claimed|taken|assumed)\b",
    re.I,
)


def _day_claimed(text: str) -> int | None:
    """The weekday of the attack a claim names by its day, if it does."""
    m = _CLAIM_OF_A_DAY.search(text) or _DAYS_ATTACK_CLAIMED.search(text)
    return WEEKDAYS[m.group("day").lower()] if m is not None else None


def _claims_by_day(state: State, d: Draft) -> tuple[set[int], set[int]]:
    """The sentences claiming ``d`` by its day ("claimed responsibility for the Monday evening attack", wherever the
    story told it), and those claiming another draft's day instead."""
    days = {x.event_day.weekday() for x in state.drafts if x is not d and x.event_day is not None}
    mine, others = set(), set()
    for f in state.facts:
        day = _day_claimed(f.sent.text)
        if day is None:
            continue
        if d.event_day is not None and d.event_day.weekday() == day:
            mine.add(f.sent.index)
        elif day in days:
            others.add(f.sent.index)
    return mine, others


# A subject pointing back at the attacks just told together: "Both attacks", "The two strikes", "These attacks"
_THE_ATTACKS_TOLD = prefilter.compile(
    r"^\W*(?:both|all|the|these|those)\s+(?:(?:two|three|four|five)\s+)?(?:attacks|strikes|assaults)\b", re.I
)


def _of_the_attacks_framed(state: State, d: Draft) -> set[int]:
    """'A drone and rockets targeted two military bases on Monday. Both attacks were claimed by X. ... A drone
    attack targeted the Ain al-Asad airbase': a sentence after the summary line that frames ``d``, pointing back
    at the attacks it summed up before any is told on its own, is of each of them."""
    out = set()
    for idx in d.frames:
        for j in range(idx + 1, min(idx + 4, len(state.facts))):
            f = state.facts[j]
            if state.owner.get(j) or f.sites:
                break
            # (or a group owning what the line told: "Tehran fired more than a dozen ballistic missiles against
            # two bases. The Revolutionary Guards confirmed that they fired the rockets")
            if _THE_ATTACKS_TOLD.match(f.sent.text) or cues.EACH_OF_THEM.match(f.sent.text) or _owned_by_group(f):
                out.add(j)
    return out


def _a_part_of(part: Faction, whole: Faction) -> bool:
    """Is ``part`` one of the forces of ``whole`` - a state's own force (the Revolutionary Guards of Iran), a group of
    an umbrella - and so the more exact name for what ``whole`` was said to do?"""
    return part.umbrella == whole.slug and whole.umbrella is None


def _perpetrator(state: State, d: Draft) -> tuple[Faction | None, bool, int | None]:
    """Named group that claimed the attack or that officials held responsible; generic mentions never count."""
    claimed, faction, where = False, None, None
    by_claim = False  # the faction is the one a claim named (not an actor or a group blamed)
    by_day, of_another_day = _claims_by_day(state, d)
    framed = _of_the_attacks_framed(state, d)
    indexes = {*d.sentences(), *d.context, *d.frames, *framed, *by_day} - of_another_day
    if d.role == "primary":
        for idx, owners in state.owner.items():
            f = state.facts[idx]
            plural = cues.PLURAL_ATTACKS.search(_less_asides(f.sent.text))
            if not f.sites and plural and all(o.role == "primary" for o in owners):
                indexes.add(idx)
    if any(cues.NO_CLAIM.search(state.facts[i].sent.text) for i in d.anchors):
        # "Iraqi group says it hit three US bases in Syria ... US officials have not attributed responsibility for a
        # fourth attack, on the al-Omar oil field base": the attack's own sentence, saying no one is named, outranks
        # the claim of the line that frames the attacks together
        indexes -= {*d.frames, *framed}
    for idx in sorted(indexes):
        f = state.facts[idx]
        text = f.sent.text
        main = main_clause(text)  # "claimed the attack, the latest in a series of assaults": a claim of this one
        if cues.GENERIC_CLAIM.search(_less_asides(main)) or tells_another_attack(f, d):
            continue
        if cues.NO_CLAIM.search(text):
            # "Although no group has claimed responsibility, the ministry believes that the attack was carried out by
            # the PMU": officials' blame in a clause of its own still names the group
            blamed = _blamed_beside_no_claim(f)
            if blamed and faction is None:
                faction, where = blamed[0].faction, idx
            continue
        if _claims_what_was_told_before(state, idx, d) or _speaks_for_the_series_told_before(state, idx):
            continue
        if _owned_by_group(f) or (
            _claim_by_group(_less_asides(text)) and not (cues.OFFICIAL_CLAIMED.search(text) and not f.factions)
        ):
            claimed = True
            named = f.factions or _claimant_named_next(state, idx) or _claimant_named_before(state, idx)
            if named and faction is None:
                faction, where = named[0].faction, idx
            elif named and faction is not None and _a_part_of(named[0].faction, faction):
                # "Iran claims responsibility" (the headline), "Iran's Revolutionary Guard claimed
                # responsibility": the force that claims for its state is the more exact claimant
                faction, where = named[0].faction, idx
            elif named and faction is not None and not by_claim and faction.umbrella != named[0].faction.slug:
                # "a missile barrage launched by Iran-back militias ... The Islamic Resistance in Iraq claimed
                # responsibility": the group that claimed the attack is surer than the actor or sponsor the
                # reporter or officials named before it (not a state claiming what its own force was said to do)
                faction, where = named[0].faction, idx
            elif where is None:
                where = idx
            by_claim = by_claim or bool(named)
        elif (
            idx not in d.context
            and (agent := _agent(f, state.gazetteer)) is not None
            and (faction is None or _a_part_of(agent, faction))
        ):
            # (a sentence the story moved on to names the actor of another event: "In response to the Soleimani
            # killing, Iran launched a massive ballistic missile attack"); "Iran fired missiles ... the attack that
            # targeted the base by the Iranian Revolutionary Guard": the state's own force is the more exact actor
            faction, where = agent, idx
        elif (
            cues.BLAME.search(text)
            and f.factions
            and faction is None
            and not cues.SPECULATION.search(text)
            and not _blames_the_series_told_before(state, idx)
            # "The Observatory has documented 68 attacks carried out by those groups, mainly the Islamic Resistance
            # in Iraq": blame told of a habit or a tally is the series', not this attack's
            and not f.vetoes & {"habitual", "tally"}
        ):
            sure = _blamed(f)  # "carried out by Iran or Iranian-backed proxies": an alternative names no one
            if sure:
                faction, where = sure[0].faction, idx
    if claimed and faction is None and where is not None:
        # "The pro-Iranian Islamic Resistance group claimed responsibility for a new attack on Ain al Asad ... The
        # Islamic Resistance in Iraq also claimed responsibility for a drone strike on a US base in Syria": the
        # group that "also" claimed is the one that claimed before
        also = next((f for f in state.facts[where + 1 :] if f.factions and _ALSO_CLAIMED.search(f.sent.text)), None)
        if also is not None:
            faction = also.factions[0].faction
    return faction, claimed, where


_ALSO_CLAIMED = prefilter.compile(r"\balso\s+(?:claimed|took|assumed)\s+(?:responsibility|credit)\b", re.I)


def _when(state: State, d: Draft, evidence: dict[str, Evidence]) -> tuple[dt.date | None, Precision]:
    """The attack's date and precision: its own, else (a primary) the publication date."""
    if d.date is not None:
        evidence["date"] = evidence_of(state, d.date_sentence)  # type: ignore[arg-type]  # set with the date
        return d.date.date, d.date.precision
    return (state.published if d.role == "primary" else None), "day"


def _weapons(state: State, d: Draft, evidence: dict[str, Evidence]) -> tuple[tuple[str, ...], int]:
    """The weapon categories of the attack's own clauses, and how many sentences named one."""
    mentions, first, sources = [], None, 0
    several = [idx for idx in d.sentences() if _told_of_several(state, d, idx)]
    for idx in d.sentences():
        f = state.facts[idx]
        if idx in several:
            continue
        alone = len(state.owner.get(idx, [])) == 1
        if idx not in d.anchors and alone and _THE_ATTACKS.match(f.sent.text):
            continue  # "The attacks were carried out with a mix of drones and rockets": a tally's, not this one's
        if idx not in d.anchors and another_countrys_event(f, d):
            continue  # "the Houthis said they shot down a US drone off the coast of Yemen": another country's event
        if tells_another_attack(f, d):
            # "The same air base was targeted early last year by the IRGC in a ballistic missile attack": an earlier
            # attack on the site, told in a sentence of its own, keeps its weapons as it keeps its claim
            continue
        found = own_weapons(f, d, alone) if idx in d.anchors else (f.weapons if f.attack else [])
        if not found and idx not in d.anchors and alone and (the := _THE_PROJECTILES.match(f.sent.text)):
            # "Three missiles targeted the military terminal ... The three Katyusha rockets did not cause any
            # casualties": the attack's projectiles named again, by their kind
            named = [w for w in f.weapons if w.start < the.end()]
            found = [] if named_last_in_another_story(state, idx, named) else named
        if found:
            mentions.extend(found)
            sources += 1
            first = first if first is not None else idx
    if not mentions:
        # "Iran attacked at least two U.S. air bases with ballistic missiles" framing the attacks told one by one:
        # the frame's weapons are each one's when its own sentences name none
        for idx in [*several, *d.frames]:
            if state.facts[idx].weapons:
                mentions.extend(state.facts[idx].weapons)
                first = first if first is not None else idx
    if first is not None:
        evidence["weapons"] = evidence_of(state, first)
    return categories(mentions), sources


# A sentence whose subject is attacks in the plural
_THE_ATTACKS = prefilter.compile(r"^\W*(?:the|these|those|such)\s+(?:[\w-]+\s+)?attacks\b", re.I)
# The projectiles of the attack told as a subject, by the definite article: "The three Katyusha rockets did not cause
# any casualties" (not the coalition's own: "The US drone")
_THE_PROJECTILES = prefilter.compile(
    rf"^\W*(?:the|both|all\s+(?:the\s+)?)\s*(?:(?:{numerals(2, 12)}|\d+)\s+)?"
    rf"(?:(?!{vocabulary.words(vocabulary.COALITION)}\b)[\w-]+\s+){{0,2}}?{vocabulary.words(vocabulary.PROJECTILES)}\b",
    re.I,
)


# Attacks in the plural, each of its weapons a modifier: "two separate rocket and explosive drone attacks", "Target Of
# Drone, Rocket Attacks"
_ATTACKS_BY_WEAPONS = prefilter.compile(
    rf"\b{vocabulary.words(vocabulary.PROJECTILES)}\s*(?:,|and|or|/)\s*(?:[\w-]+\s+){{0,2}}?{vocabulary.words(vocabulary.PROJECTILES)}\s+"
    r"(?:attacks|strikes|barrages)\b",
    re.I,
)


def _told_of_several(state: State, d: Draft, idx: int) -> bool:
    """Does the sentence tell this attack together with others it does not name ("U.S. bases in Hasakah and Deir
    ez-Zor came under attack from drones and rockets", "Three bases came under separate attacks by drones and
    rockets") before they are told one by one? Its weapons are all of theirs: each attack's only when its own
    sentences name none."""
    if d.shared_before is not None and idx < d.shared_before:
        return True
    if idx in d.shared and idx not in d.anchors and len(state.owner.get(idx, [])) > 1:
        return True  # a follow-up's lead on the attacks of a period ("waged by an Iran-made drone and rockets")
    f = state.facts[idx]
    if not f.sites and _ATTACKS_BY_WEAPONS.search(f.sent.text) and any(state.facts[i].sites for i in d.anchors):
        # "U.S. forces in Iraq and Syria faced two separate rocket and explosive drone attacks" leading the attack
        # told by its site: the weapons of the attacks together
        return True
    return idx not in d.anchors and segments.counted_sites(f.sent.text) > 1


def _toll_told_in_the_body(state: State, d: Draft, name: str) -> bool:
    """'Two Dozen US Troops Injured in Syria, Iraq ... 20 American personnel sustained minor injuries at al-Tanf':
    the headline sums up the story; when the attack's own sentences in the body give its toll, that toll is it."""
    return any(
        v for idx in d.sentences() if idx != 0 and idx not in d.shared for v in own_figures(state.facts[idx], d, name)
    )


def _counts(state: State, d: Draft, evidence: dict[str, Evidence]) -> tuple[dict[str, Count], set[str]]:
    """Each count from every report the attack's sentences give (best/low/high by the one rule), then the counts
    a text gives without a number; also which counts were inferred so."""
    counts: dict[str, Count] = {}
    others_hurt = _others_hurt(state, d)
    got_through = others_got_through(state, d)
    for name in COUNT_FIELDS:
        reports: list[Report] = []
        for idx in sorted({*d.sentences(), *d.shared}):
            f = state.facts[idx]
            values = own_figures(f, d, name)
            if name == "launched" and values and got_through:
                values = [v for v in values if v not in launch_echoes(f)]
            if (
                others_hurt
                and name in {"killed", "injured"}
                and any(g.field == "zero_of_the_coalition" for g in f.figures)
            ):
                values = [v for v in values if v]  # "No casualties ... among U.S. troops": the others' toll untold
            if name in {"killed", "injured"} and zeros_given_way(state, d, f):
                values = [v for v in values if v]  # "initially assessed no casualties, but ...": a first report's
            if idx == 0 and name in {"killed", "injured"} and _toll_told_in_the_body(state, d, name):
                values = [v for v in values if not v]  # "Two Dozen US Troops Injured" (the headline's sum)
            reports.extend(Report(value, f.attribution, evidence_of(state, idx)) for value in values)
        best, low, high = best_low_high([r.value for r in reports])
        vague = _told_without_a_count(state, d, name, best) if best else None
        if vague is not None:
            # "several were wounded ... one police officer was wounded": the figures are parts of a toll no
            # source counted; the count stays unknown, and its evidence is the sentence that says so. A figure
            # of "several" or more ("initially several were injured ... at least 5 were injured") is its count.
            counts[name] = Count(None, None, None, ())
            evidence[name] = evidence_of(state, vague)
            continue
        counts[name] = Count(best, low, high, tuple(reports))
        if reports:
            evidence[name] = next(r.evidence for r in reports if r.value == best)
    told = dict(counts)
    counts["intercepted"] = all_intercepted(state, d, counts["launched"], counts["intercepted"], evidence)
    counts["launched"] = one_and_the_other_launch(state, d, counts["launched"], evidence)
    counts["launched"] = at_least_intercepted(counts["launched"], counts["intercepted"], got_through)
    counts["launched"] = singular_launch(state, d, counts["launched"], evidence)
    if counts["launched"].best is not None and "launched" not in evidence and "intercepted" in evidence:
        evidence["launched"] = evidence["intercepted"]
    return counts, {name for name in COUNT_FIELDS if counts[name] is not told[name]}


def _others_hurt(state: State, d: Draft) -> bool:
    """Did the attack kill or wound people who are not the coalition's ("killed six allied Kurdish fighters")? Then a
    zero toll said of the coalition's people only is not the attack's."""
    return any(
        toll_of_others(f.sent.text, g)
        for f in (state.facts[idx] for idx in d.sentences() if idx not in d.shared)
        for g in f.figures
    )


# The least a vague toll ("several", "a number of") means: a smaller exact figure can only be a part of it.
SEVERAL = 3


def _told_without_a_count(state: State, d: Draft, name: str, best: int) -> int | None:
    """The attack's own sentence that tells this toll with a vague quantity ('several were wounded', 'dozens of
    personnel were injured') more than ``best`` - the exact figure is a part of it -, if any."""
    for idx in d.sentences():
        least = own_figures(state.facts[idx], d, f"{name}_vague")
        if least and best < max(SEVERAL, *least):
            return idx
    return None


def _claimed_with(d: Draft, other: Draft | None, claim_at: int | None) -> bool:
    """``d`` is first told in a sentence that tells ``other`` too, after the sentence that claimed ``other`` ("X
    said it has targeted at least three US bases. ... have targeted the Al-Tanf, Al-Rukban and Al-Malikiya bases"):
    the claim made before the attacks were told together is of them all (not "claimed responsibility for the
    attack on the air base" told after them, one of them)."""
    return (
        other is not None
        and other.role == "primary"
        and claim_at is not None
        and d.anchors[0] in other.anchors
        and claim_at < d.anchors[0]
    )


def _actor_again(state: State, d: Draft) -> bool:
    """The attack's own sentence says the actor of an attack told before acts again ('they also targeted')."""
    return any(cues.SAME_ACTOR_AGAIN.search(state.facts[i].sent.text) for i in d.anchors)


def build_incidents(state: State) -> None:
    before: tuple[Faction | None, bool] = (None, False)  # the claim of the last primary attack read
    last: tuple[Draft | None, int | None] = (None, None)  # that attack, and where its claim was read
    for d in state.drafts:
        anchor = d.anchors[0]
        evidence: dict[str, Evidence] = {"role": evidence_of(state, anchor)}
        date, precision = _when(state, d, evidence)
        country = d.site.country if d.site else d.country
        for key, present in (("base", d.site is not None), ("place", bool(d.place)), ("country", bool(country))):
            if present:
                evidence[key] = evidence_of(state, anchor)
        if d.site_sentence is not None:
            evidence["base"] = evidence_of(state, d.site_sentence)  # named apart from the attack's own sentences
        weapons, weapon_sources = _weapons(state, d, evidence)
        counts, inferred = _counts(state, d, evidence)
        faction, claimed, where = _perpetrator(state, d)
        if d.role == "primary":
            claim_at = where
            if faction is None and before[0] is not None and (_actor_again(state, d) or _claimed_with(d, *last)):
                faction, claimed, where, claim_at = before[0], claimed or before[1], anchor, last[1]
            before, last = (faction, claimed), (d, claim_at)
        if where is not None and faction is not None:
            evidence["perpetrator"] = evidence_of(state, where)
        if where is not None and claimed:
            evidence["claimed"] = evidence_of(state, where)
        fields = field_confidence(
            Reading(
                role=d.role,
                date_source=_date_source(d),
                date_precision=precision,
                named_site=d.site is not None and d.site_sentence is None,
                site_by_landmark=False,
                weapons=weapons,
                weapon_sources=weapon_sources,
                counts=counts,
                inferred=inferred,
                perpetrator_kind="none" if faction is None else ("claim" if claimed else "blame"),
                claim_kind="claim" if claimed else ("denied" if _claim_denied(state, d) else "silent"),
                # an article in a language the extractor reads only in part (or not at all): every field to the editor
                read_in_full=state.language.read == "full",
            )
        )
        state.incidents.append(
            ExtractedIncident(
                role=d.role,
                role_reason=d.why or _DEFAULT_WHY[d.role],
                date=date,
                date_precision=precision,
                base=d.site,
                place=None if d.site else d.place,
                country=country,
                weapons=weapons,
                launched=counts["launched"],
                intercepted=counts["intercepted"],
                killed=counts["killed"],
                injured=counts["injured"],
                perpetrator=faction,
                claimed=claimed,
                confidence=overall(fields),
                field_confidence=fields,
                evidence=evidence,
                summary=_summary(d, date, weapons, counts, faction),
            )
        )


def _date_source(d: Draft) -> str:
    if d.date is None:
        return "publication"
    if d.date.reporting:
        return "reporting"
    return "own" if d.date_sentence in d.anchors else "related"


def _claim_denied(state: State, d: Draft) -> bool:
    """'No group has claimed the attack' told of this attack."""
    return any(cues.NO_CLAIM.search(state.facts[i].sent.text) for i in {*d.sentences(), *d.context})


def _summary(d: Draft, date: dt.date | None, weapons: tuple[str, ...], counts: dict[str, Count], faction) -> str:
    where = d.site.name if d.site else (d.place or "an unnamed coalition site")
    parts = [f"{d.role.capitalize()}: {'/'.join(weapons)} attack on {where}"]
    if date:
        parts.append(f"on {date.isoformat()}")
    figures = [f"{name} {c.best}" for name, c in counts.items() if c.best is not None]
    if figures:
        parts.append("(" + ", ".join(figures) + ")")
    if faction:
        parts.append(f"by {faction.name}")
    return " ".join(parts) + "."
