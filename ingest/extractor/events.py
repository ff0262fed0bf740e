"""Per-sentence facts and the rules that find the attacks (anchors) an article reports."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import pairwise

from ingest.extractor import cues, prefilter, segments, vocabulary
from ingest.extractor.casualties import zero_tolls
from ingest.extractor.counts import sentence_figures
from ingest.extractor.dates import WEEKDAYS, DateMention, find_dates, same_period
from ingest.extractor.factions import FactionMention
from ingest.extractor.language import ENGLISH, Language
from ingest.extractor.numbers import find_numbers, numerals
from ingest.extractor.places import COUNTRY_NAMES, COUNTRY_WORD, COUNTRY_WORDS, find_place
from ingest.extractor.sentences import Sentence
from ingest.extractor.sites import SiteMention
from ingest.extractor.types import Figure, Role, Site
from ingest.extractor.vocabulary import words
from ingest.extractor.weapons import OWN_AIRCRAFT_LOST, WeaponMention, find_weapons

# A site after one of these is where something came from or who spoke, not what was hit.
# "bases south of the Euphrates, in western Iraq (e.g., al-Asad Air Base)": a site given as an example of the
# kind of place attacked, not one attacked ("including" lists attacked ones and stays a target)
_AN_EXAMPLE_BEFORE = prefilter.compile(
    r"(?:\be\.\s?g\.|\bfor\s+(?:example|instance)|\bsuch\s+as)[\s,:]*(?:the\s+)?(?:[\w-]+\s+){0,2}$", re.I
)
_NOT_TARGET_BEFORE = prefilter.compile(
    # where it came from: "fired from the town of Irbil", "flew ... from the Iraqi border town of al-Qaim"
    r"(?:\bfrom(?:\s+the)?(?:\s+[\w-]+){0,3}?\s+(?:town|city|village|district)\s+of|\bfrom"
    r"|\bspokes\w+\s+(?:at|in|for|of)|\bstatement\s+from|\bofficials?\s+(?:at|in|for|of)|"
    r"\bwithdraw\w*\s+(?:from|to)|\bmove\w*\s+to|\brelocat\w*\s+to|\bvisit\w*"
    # where the wounded were taken: "all were taken to the Baghdad Diplomatic Support Center", "taken to al-Omar
    # military hospital", "helicopters evacuated the wounded to the Al-Tanf garrison"
    r"|\b(?:taken|transferred|transported|rushed|flown|evacuated|airlifted|medevac\w*)\s+(?:[\w-]+\s+){0,3}?to"
    # "targeted Kadhimi's residence in the walled green zone": the site says where the home is, not what was hit
    # (a name's article may stand before the mention: "taken to al-Omar military hospital")
    rf"|\b{words(vocabulary.PRIVATE_PLACES)}\s+in)\s+(?:the\s+)?(?:\w+\s+){{0,2}}(?:(?:al|el)-)?$",
    re.I,
)


_LOCATOR = prefilter.compile(
    # (not across a clause of its own or a new volley: "rockets landed inside the Conoco site followed by more rockets
    # near Mission Support Site Green Village" tells two sites hit)
    rf"^(?:(?!\b(?:and|or|landed|fell|hit|struck|targeted|attacked|while|{words(vocabulary.PROJECTILES)})\b)[^.;])*?"
    # (the owner may stand before the landmark's name: "near the U.S. al-Tanf garrison")
    r"\b(?:near|outside|close\s+to|(?:north|south|east|west)\s+of|at)\s+(?:the\s+)?"
    r"(?:(?:U\.?S\.?|American|US-led|coalition)\s+)?(?:(?:al|el)-)?$",
    re.I,
)
# A site as the speaker, not the target: "the U.S. Embassy said", "a U.S. Embassy spokesperson told", "the U.S.
# embassy statement said"
_SPEAKS = prefilter.compile(
    r"\s*(?:in\s+[A-Z][a-z]+\s*)?,?\s*(?:spokes(?:man|woman|person)|statement|said|says|stated|added|told)\b"
)


_BASE_BESIDE = prefilter.compile(
    r"\b(?:base|camp|compound|facility|outpost|position)\s+(?:next\s+to|adjacent\s+to|beside|alongside)\s+(?:the\s+)?$",
    re.I,
)
# A nationality describing armed groups ("Iraqi militias", "Syrian Kurdish fighters", "an Iraqi Shiite militia")
_NATIONALITY_OF_A_GROUP = prefilter.compile(
    rf"\b{words(vocabulary.GROUP_NATIONALITIES)}\s+(?:[\w-]+\s+){{0,2}}?{words(vocabulary.ARMED_GROUP_NOUNS)}\b",
    re.I,
)
# "the drone came from Iraq, not Turkey", "rockets launched from inside Syria": where a projectile came from,
# not where it struck
_ORIGIN = prefilter.compile(
    r"\b(?:came|come|comes|coming|launched|fired|flown|originat\w*)\s+from\s+(?:inside\s+|within\s+)?(?:the\s+)?"
    rf"{COUNTRY_WORD.pattern}(?:\s*,?\s*(?:and\s+|but\s+)?not\s+(?:from\s+)?(?:the\s+)?{COUNTRY_WORD.pattern})?",
    re.I,
)
# "This attack prompted heightened alertness at American bases": where a precaution is taken, not a target
_PRECAUTION_AT = prefilter.compile(
    r"\b(?:alert(?:ness)?|vigilance|readiness|precautions?|security\s+measures)\s+(?:levels?\s+)?"
    r"(?:at|in|around|across)\s+(?:the\s+)?$",
    re.I,
)
# "drones being downed outside of US bases": a place beside the bases, not them
_LOCATIVE_BEFORE = prefilter.compile(rf"\b{cues.BESIDE}\s+(?:the\s+)?$", re.I)


# Cues that tell another kind of story: a state's strike, a ship, a convoy on the road, a plot foiled. Told in the
# lead, the attacks on coalition sites the article mentions are its background.
ANOTHER_STORY = frozenset({"other_actor", "shipping", "on_the_road", "foiled"})
# Cues that stop a sentence from reporting an attack on a coalition site.
NOT_AN_ATTACK = frozenset(
    {
        "other_actor",
        "shipping",
        "on_the_road",
        "foiled",
        "other_target",
        "tally",
        "hypothetical",
        "habitual",
        "denial",
        "drill",
    }
)


@dataclass
class Facts:
    """What one sentence says, offsets of mentions relative to the sentence."""

    sent: Sentence
    sites: list[SiteMention]
    factions: list[FactionMention]
    weapons: list[WeaponMention]
    dates: list[DateMention]
    figures: list[Figure]
    attribution: str | None
    attack: bool
    generic_target: bool
    place: str | None
    place_country: str | None
    vetoes: set[str] = field(default_factory=set)
    actor_at: int = -1  # start of the clause telling a strike by another actor (other_actor veto), else -1

    @property
    def event_dates(self) -> list[DateMention]:
        """The dates that date an event (not when someone spoke, not a 'since' bound)."""
        return [x for x in self.dates if not x.reporting and x.kind != "since"]

    @property
    def past_event_dates(self) -> list[DateMention]:
        """Event dates in the past: 'in December', 'last week', a day more than a week before publication."""
        return [x for x in self.event_dates if x.past]


@dataclass
class Target:
    site: Site | None
    place: str | None
    country: str | None
    start: int  # offset in the sentence
    end: int = -1  # end of the mention (start when unknown)
    # told before a clause about another actor's strike ("the last time ... at K-1 in December - Washington
    # responded with air strikes"): an attack only as an earlier event
    before_strike: bool = False
    by_town: bool = False  # the site is told by the town it is named for, not by its own name


@dataclass(eq=False)
class Draft:
    """An incident under construction."""

    role: Role
    site: Site | None
    place: str | None
    country: str | None
    anchors: list[int] = field(default_factory=list)
    details: list[int] = field(default_factory=list)
    date: DateMention | None = None
    date_sentence: int | None = None
    # the sentence that names the site when none of the attack's own does ("aimed at ... the base in Al-Shaddadi")
    site_sentence: int | None = None
    # the site is the one military site named for the town the attack was told in ("a base ... in Erbil"): a guess
    # the site's own name, told of the same attack later ("The assault targeted Bashur base"), replaces
    site_by_town: bool = False
    denied: bool = False
    # sentence index -> the part of it (offsets in the sentence) that tells this attack
    spans: dict[int, tuple[int, int]] = field(default_factory=dict)
    # sentences that tell this attack together with others: their positive figures are nobody's
    shared: set[int] = field(default_factory=set)
    # attached sentences that have moved on (trends, other events): read for claims only
    context: list[int] = field(default_factory=list)
    frames: list[int] = field(default_factory=list)  # summary lines of a roundup that frame this attack
    counted: bool = False  # one of "two sites in northeastern Syria"
    summary: bool = False  # "attacked four times": frames the attacks told one by one
    # sentences before this one told this attack together with others named later: their positive figures are
    # nobody's
    shared_before: int | None = None
    # why the attack has its role, in words an editor reads ("dated before the news", "the lead's news is a strike")
    why: str = ""

    @property
    def event_day(self) -> dt.date | None:
        """The day the attack happened, when the text gives one (not a day someone spoke of it)."""
        x = self.date
        return x.date if x is not None and not x.reporting and x.precision == "day" else None

    @property
    def key(self) -> tuple:
        return (self.site.slug if self.site else ("generic", self.country), self.role)

    def sentences(self) -> list[int]:
        return sorted({*self.anchors, *self.details})

    def span(self, idx: int, length: int) -> tuple[int, int]:
        return self.spans.get(idx, (0, length))

    @property
    def country_code(self) -> str | None:
        return self.site.country if self.site else self.country


# A web address written out in the page's text
_LINK = prefilter.compile(r"\b(?:https?://|www\.)\S+", re.I)
_STRIKE_NOUN_BEFORE = prefilter.compile(r"\b(?:air\s?strikes?|strikes|raids?|retaliation)\b", re.I)


def read_facts(
    sent: Sentence,
    sites: list[SiteMention],
    factions: list[FactionMention],
    published: dt.date,
    attribution: str | None,
    language: Language = ENGLISH,
) -> Facts:
    text = sent.text
    # weapons of "previous attacks" told for comparison are not this sentence's
    others = [m.span() for m in cues.OTHER_ATTACKS.finditer(text) if not _a_barrage_on(text, m, sites, sent)]
    weapons = [w for w in find_weapons(text) if not any(a <= w.start < b for a, b in others)]
    # (a page's address is no sentence: "https://.../militias-vow-to-strike-us-bases/" tells nothing happened)
    links = [m.span() for m in _LINK.finditer(text)]
    told = [m for m in cues.ATTACK.finditer(text) if not any(a <= m.start() < b for a, b in links)]
    attack = bool(told) and not (cues.NEGATED_ATTACK.search(text) and len(told) <= 1)
    if attack and _only_targets_as_a_role(text):
        attack = False
    lost = [m.span() for m in OWN_AIRCRAFT_LOST.finditer(text)] if attack else []
    if lost and all(any(a <= m.start() < b for a, b in lost) for m in cues.ATTACK.finditer(text)):
        attack = False  # "A US drone crashed near Iraqi Balad airbase": the coalition's aircraft lost, no attack
    place, place_country = _where(text, sent, factions)
    dates = [
        x
        for x in find_dates(text, published, other_languages=not language.in_english)
        if not _in_a_clause_of_its_own(text, x.start)
    ]
    # another actor's strike - unless the only one is a retaliation aimed at the coalition, the attack itself
    actor = cues.OTHER_ACTOR.search(text)
    if actor is not None and (_retaliation_against_the_coalition(text, sites) or _not_the_actor(text, actor)):
        actor = None
    actor_at = _clause_start(text, actor.start()) if actor else -1
    motive = cues.MOTIVE.search(text)
    if (
        motive is not None
        and cues.ATTACK.search(text, 0, motive.start())
        # (not another actor's strike answering an attack: "The U.S. strikes were in response to a rocket attack on
        # the Conoco gas field" - the attack in the motive is the coalition's)
        and cues.OTHER_ACTOR.search(text, 0, motive.start()) is None
        and not _STRIKE_NOUN_BEFORE.search(text, 0, motive.start())
    ):
        # "Iran also launched ballistic missiles against the base in retaliation for the United States' killing of
        # General Qassem Soleimani ... in a drone operation outside Baghdad's airport": a site in the motive places
        # the cause, not the attack's target
        sites = [m for m in sites if m.start - sent.start < motive.start()]
    ours = _a_group_hit_in_its_own_words(text, factions, attribution)
    if ours is not None:
        # "The attack on our forces in Al-Qa'im": the site places the group's own forces, not a coalition target
        sites = [m for m in sites if not ours <= m.start - sent.start <= ours + _OUR_SIDE_PLACED]
    vetoes = _vetoes(text, sent, sites, dates, actor_at)
    if _a_groups_own_hit(text, sent, factions):
        vetoes.add("other_target")
    if actor is not None:
        vetoes.add("other_actor")
        if sites and all(m.end - sent.start <= actor_at for m in sites):
            # "The morning attack on Mission Support Site Conoco came as Iran marked the anniversary of the killing
            # of Soleimani, in a U.S. drone strike": the weapon of the strike told after the attack is the strike's
            weapons = [w for w in weapons if w.start < actor_at]
    answer = cues.COALITION_ANSWER.match(text)
    if answer is not None:
        # "In response to the attack, US troops shelled the launch area with artillery": the shells are the
        # answer's; the attack's weapon is the one its phrase names
        weapons = [w for w in weapons if w.start < answer.end()]
    figures = _figures(text, weapons, attack)
    if not sites and _a_states_own_total(text):
        figures = []  # "Kuwait says it shot down 40 missiles fired against it": the country's count, not the base's
    if not sites and cues.ABOUT_OTHER_ATTACKS.match(text):
        figures = []  # "In other onslaughts, more than 50 Americans have suffered injuries": the others' toll
    cause = _strike_as_cause(text, actor.start()) if actor else None
    lead_in = _strike_leading_in(text, actor.start()) if actor and cause is None else None
    if lead_in is not None:
        # "Hours after a flurry of US airstrikes against militia bases, four rockets were fired at the al-Taji
        # military base": the strike is the time the attack is told from; what its clause says is the strike's
        main = replace(sent, text=text[lead_in:], start=sent.start + lead_in)
        vetoes = _vetoes(main.text, main, sites, [x for x in dates if x.start >= lead_in], -1)
        actor_at = -1
        weapons = [w for w in weapons if w.start >= lead_in]
        factions = [g for g in factions if g.start - sent.start >= lead_in]
        figures = [g for g in figures if g.start >= lead_in]
        dates = [x for x in dates if x.start >= lead_in]
    situated = _situated_after(text) if cause is None and lead_in is None else None
    if situated is not None and not any(m.start - sent.start >= situated for m in sites):
        # (not "The attack comes after four rockets struck Balad Air Base": an attack of its own, told by its site)
        weapons = [w for w in weapons if w.start < situated]
        factions = [g for g in factions if g.start - sent.start < situated]
        figures = [g for g in figures if g.start < situated]
    if cause is not None:
        # "the base was struck with 15 rockets following a US airstrike on trucks": the strike is the attack's
        # occasion, told in a phrase of its own; what the phrase says is the strike's, the rest the attack's
        vetoes.discard("other_actor")
        actor_at = cause
        weapons = [w for w in weapons if w.start < cause]
        # ("..., as tensions escalate following US-Israeli strikes on Iran": the state the strike hit, or the one
        # that struck, is no actor of the attack)
        factions = [g for g in factions if g.start - sent.start < cause]
        figures = [g for g in figures if g.start < cause]
        dates = [x for x in dates if x.start < cause]
    return Facts(
        sent=sent,
        sites=sites,
        factions=factions,
        weapons=weapons,
        dates=dates,
        figures=figures,
        attribution=attribution,
        attack=attack,
        generic_target=bool(cues.GENERIC_TARGET.search(text)),
        place=place,
        place_country=place_country,
        vetoes=vetoes,
        actor_at=actor_at,
    )


# What a named group owns, as the object hit: "An unknown drone attacked two military vehicles belonging to the
# Popular Mobilization Forces", "struck the headquarters of Kataib Hezbollah" (not "the attack of the Islamic
# Resistance": a noun's "of" names its agent)
_HIT_THE_GROUPS_OWN = prefilter.compile(
    r"\b(?:attacked|struck|hit|targeted|bombed|shelled|destroyed)\s+(?:[\w-]+\s+){1,4}?"
    r"(?:belonging\s+to|owned\s+by|operated\s+by|of)\s+(?:the\s+)?$",
    re.I,
)


def _a_groups_own_hit(text: str, sent: Sentence, factions: list[FactionMention]) -> bool:
    """Does the sentence tell a named group's own things hit (its vehicles, its headquarters)? The group is the
    target: no coalition site was attacked, whatever place the sentence names."""
    return any(
        _HIT_THE_GROUPS_OWN.search(text, max(0, g.start - sent.start - 80), g.start - sent.start) for g in factions
    )


# A run of attacks on one site the sentence names: "a series of missile and drone attacks on the United States Navy's
# Fifth Fleet headquarters" - the barrage told, its weapons this attack's
_BARRAGE_ON_A_SITE = prefilter.compile(
    r"(?:series|wave|barrage|salvo)\s+of\s+(?:[\w-]+\s+){0,4}?(?:attacks|strikes|assaults)\s+(?:on|against|targeting)\s+"
    r"(?:the\s+)?(?:[\w'\u2019-]+\s+){0,4}?(?:\w{1,3}-)?",
    re.I,
)


def _a_barrage_on(text: str, m: re.Match[str], sites: list[SiteMention], sent: Sentence) -> bool:
    """Is the run of attacks found at ``m`` a barrage on a site the sentence names, not other attacks?"""
    return any(
        m.start() < site.start - sent.start <= m.end()
        and _BARRAGE_ON_A_SITE.fullmatch(text, m.start(), site.start - sent.start)
        for site in sites
    )


# A count just before the actor: "Three US Troops Killed, 25 Injured" counts the dead, it tells no one killing
_COUNT_BEFORE = prefilter.compile(rf"\b(?:\d+|{numerals(1, 20)})\s+$", re.I)


def _a_group_hit_in_its_own_words(text: str, factions: list[FactionMention], speaker: str | None) -> int | None:
    """Where the group's own side named as hit ends ('The attack on our forces| in Al-Qa'im ... is not surprising,
    Kata'ib Hezbollah noted'), when a group speaks of an attack on its own side: a strike on it, not an attack on
    the coalition site that places it (a US official's "our forces" are the coalition's: the speaker decides; and
    what else the sentence tells - "struck Ain al-Asad in response to the attack on our brothers" - stays told)."""
    ours = cues.OUR_SIDE_HIT.search(text)
    if speaker is None or ours is None or not any(m.text in speaker or speaker in m.text for m in factions):
        return None
    return ours.end()


# How far after "our forces" a site places them: "our forces in Al-Qa'im", "our positions near the town of al-Qaim"
_OUR_SIDE_PLACED = 30


def _only_targets_as_a_role(text: str) -> bool:
    """Are the sentence's only attack words "targets" said of what someone is or may become ("with U.S. troops at
    bases becoming targets", "US bases are legitimate targets")? It tells no attack."""
    roles = [m.end() for m in cues.TARGETS_AS_A_ROLE.finditer(text)]
    return bool(roles) and all(m.end() in roles for m in cues.ATTACK.finditer(text))


def _not_the_actor(text: str, actor: re.Match[str]) -> bool:
    """Are the US troops the actor matched names not acting: a headline's toll ("Three US Troops Killed") or the
    object of a headline's passive ("Airbase hosting US troops in Iraq targeted with drones")?"""
    if _PASSIVE_AFTER.match(text, actor.end()) and actor.group(0).lower().endswith(("ed", "hit", "struck")):
        return True
    if not actor.group(0).lower().endswith(("killed", "wounded")):
        return False
    return bool(_COUNT_BEFORE.search(text, 0, actor.start()) or _TOLL_AFTER.match(text, actor.end()))


# "US Military Forces Killed, Wounded In Attack By ...": the other half of a toll, or the attack they fell in, after
# the participle - the troops are its victims, not the actors of a strike
_TOLL_AFTER = prefilter.compile(
    r"\s*(?:,|and)\s*(?:wounded|injured|hurt)\b|\s+in\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?(?:attack|strike|assault)\b", re.I
)


# "... targeted with drones", "... attacked by militias": the participle before it is a passive's
_PASSIVE_AFTER = prefilter.compile(r"\s+(?:with|by)\s", re.I)


def _where(text: str, sent: Sentence, factions: list[FactionMention]) -> tuple[str | None, str | None]:
    """The place and country the sentence tells, with the words that name no place of the attack masked."""
    # "the Islamic Resistance in Iraq targeted a base in Syria": a group's name says nothing of where
    where = _mask(text, [(m.start - sent.start, m.end - sent.start) for m in factions])
    # "an umbrella for Iranian-backed Iraqi militias": a group's nationality says nothing of where either
    where = _mask(where, [m.span() for m in _NATIONALITY_OF_A_GROUP.finditer(where)])
    where = _mask(where, [m.span() for m in _ORIGIN.finditer(where)])
    place, place_country, _ = find_place(where)
    if place_country is None:
        first = COUNTRY_WORD.search(where)
        place_country = COUNTRY_WORDS[first.group(0).lower()] if first else None
    return place, place_country


# What a denial is about when it denies earlier attacks only: "had not been the target of previous attacks", "was not
# targeted in any earlier strikes"
_OF_EARLIER_ATTACKS = prefilter.compile(
    r"\s+(?:of|in|by|during)\s+(?:any\s+|the\s+|its\s+)?(?:previous|earlier|prior|past|former)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:attacks?|strikes?|assaults?|barrages?|rounds?)\b",
    re.I,
)


# ... and when the target it denies is the host country or its people: "the attack was not aimed at Qatar or its
# people" - the host spared, the attack on the base on its soil not denied
_THE_HOST_SPARED = prefilter.compile(
    r"\s+(?:the\s+(?:state\s+of\s+)?)?(?:(?:brotherly|friendly|neighbou?ring)\s+(?:and\s+)?)*"
    rf"(?:{COUNTRY_NAMES})\b(?!\s+(?:bases?|forces|troops)\b)",
    re.I,
)


# A site named only as what the projectiles fell near: 'Missiles landed "close enough" to Al Dhafra in UAE and Al Udeid
# in Qatar', "splashed down in waters near the base"
_ONLY_NEAR = prefilter.compile(
    r"\b(?:near|close(?:\s+enough)?[\"'\u201d]?\s+to|not\s+far\s+from|in\s+the\s+vicinity\s+of)\s+"
    r"(?:[^.;]{0,40}?\s+(?:and|or)\s+)?(?:the\s+)?(?:(?:al|el)[-\s])?$",
    re.I,
)


# Projectiles whose aim a relative clause tells, up to its verb: 'drones" that were trying to', 'a drone which was
# attempting to'
_A_PROJECTILES_AIM = prefilter.compile(
    rf"\b{words(vocabulary.PROJECTILES)}[\"\u201d\u2019']?\s+(?:that|which)\s+(?:were|was|had\s+been)\s+$", re.I
)


# The vetoes a sentence's words raise, each with the pattern that raises it
_VETO_CUES = (
    ("shipping", cues.SHIPPING),
    ("foiled", cues.FOILED),
    ("other_target", cues.OTHER_TARGET),
    ("tally", cues.TALLY),
    ("habitual", cues.COMMENTARY),
    ("hypothetical", cues.HYPOTHETICAL),
    ("habitual", cues.HABITUAL),
    ("denial", cues.DENIAL),
)


def _vetoes(text: str, sent: Sentence, sites: list[SiteMention], dates: list[DateMention], actor_at: int) -> set[str]:
    """Why the sentence may tell no attack on a coalition site, each veto read in its scope."""
    main = main_clause(text)
    if actor_at > 0 and cues.ATTACK.search(text, 0, actor_at):
        # "..., injuring one soldier, to which the US responded with strikes on militias, mainly Kataib Hezbollah":
        # trend and threat words in the strike's clause are the strike's
        main = main[:actor_at]
    vetoes = set()
    for name, pattern in _VETO_CUES:
        scope = main if name in _SCOPED else text
        if name == "habitual" and pattern is cues.HABITUAL:
            named = [m.start - sent.start for m in sites]
            since = any(x.kind == "since" for x in dates)
            if _habitual(scope, [] if since else named):
                vetoes.add(name)
        elif name == "foiled":
            if any(
                not _OUTCOME_OF_THE_TOLD.search(scope, 0, m.start())
                and not _after_a_told_attack(scope, m.start())
                and not _FOILED_IN_FLIGHT.search(scope[m.end() :])
                for m in pattern.finditer(scope)
            ):
                vetoes.add(name)
        elif name == "denial":
            # "The outpost that was hit had not been the target of previous attacks": earlier attacks denied, not this
            if any(
                not _OF_EARLIER_ATTACKS.match(scope, m.end()) and not _THE_HOST_SPARED.match(scope, m.end())
                for m in pattern.finditer(scope)
            ):
                vetoes.add(name)
        elif name == "other_target":
            if any(not _coalition_hit_in_another_clause(scope, m.start()) for m in pattern.finditer(scope)):
                vetoes.add(name)
        elif name == "hypothetical":
            # (not the aim of projectiles told in a relative clause: 'shot down three "bomb-laden drones" that were
            # trying to target a US base' - they flew at it)
            if any(not _A_PROJECTILES_AIM.search(scope, 0, m.start()) for m in pattern.finditer(scope)):
                vetoes.add(name)
        elif pattern.search(scope):
            vetoes.add(name)
    if not sites and _attacks_in_general(text, dates):
        vetoes.add("habitual")
    if cues.CHARGED_WITH_ATTACK.search(text) and not any(not x.reporting for x in dates):
        # "The Iraqi army arrested 14 suspects for allegedly firing rockets at the airport": undated, the attack is
        # what they are held for, told as a practice (a dated one, "for firing rockets at the base on Tuesday", is news)
        vetoes.add("habitual")
    amid = _AMID_ATTACKS.search(text)
    if amid is not None and not cues.ATTACK.search(text, 0, amid.start()):
        # "US forces have withdrawn from two bases, including al-Omar, amid rising militia attacks": the attacks are
        # the setting of another event, the bases named are not their targets
        vetoes.add("habitual")
    near_only = all(_ONLY_NEAR.search(text, max(0, m.start - sent.start - 80), m.start - sent.start) for m in sites)
    if (
        (cues.DRILL_LAUNCHED.search(text) or (near_only and cues.DRILL.search(text)))
        and cues.DRILLING_STATE.search(text)
        and not cues.GENERIC_TARGET.search(text)
    ):
        # "3 Iranian missiles splashed down in waters near the bases as part of Iran's military exercises": a state's
        # drill, no attack - where the sentence names the state and no coalition site or forces as hit, only as what
        # the projectiles fell near ("rockets hit the base during a training drill" is an attack); and "Iran's
        # Revolutionary Guards launched a military drill close to Al Dhafra": the drill is what was launched
        vetoes.add("drill")
    if cues.RECONNAISSANCE.search(text):
        # "American forces shot down an Iranian drone ... while the drone was conducting a reconnaissance tour over the
        # military base": a drone watching the base, downed, attacked nothing
        vetoes.add("reconnaissance")
    road = cues.ON_THE_ROAD.search(text)
    if road and all(m.start - sent.start > road.start() for m in sites):
        # "a bomb hit a convoy carrying supplies for the coalition": the convoy, not a site, was hit; a site named
        # after the convoy ("targeted a coalition convoy in the Taji area") is where it was or went
        vetoes.add("on_the_road")
    return vetoes


def _figures(text: str, weapons: list[WeaponMention], attack: bool) -> list[Figure]:
    """The sentence's figures that count this attack's projectiles and casualties."""
    figures = sentence_figures(text, weapons)
    if not attack:
        # "Another poster depicted a drone": an article counts one projectile only where an attack is told
        figures = [g for g in figures if not (g.field == "launched" and _ARTICLE.match(text, g.start))]
    measure = _SUPERLATIVE_SINCE.search(text)
    if measure:
        # "the deadliest assault on US troops since 13 Americans were killed in Kabul": the earlier event's toll
        figures = [g for g in figures if g.start < measure.end()]
    return figures


# "were targeted by rockets, which were also thwarted": the fate of projectiles the sentence told fired, not a plot
# stopped before launch
_OUTCOME_OF_THE_TOLD = prefilter.compile(
    r"\b(?:which|that|all\s+of\s+which|both\s+of\s+which)\s+(?:were|was)\s+(?:also\s+|all\s+|quickly\s+)?$", re.I
)
# A foil told by the downing of its projectiles: "thwarted an attack targeting its forces, intercepting two drones
# before they could strike", "foiled the attack by shooting down three drones" - they flew, the attack happened
_FOILED_IN_FLIGHT = prefilter.compile(
    r"^[^.;]*?\b(?:intercepting|intercepted|shooting\s+down|shot\s+down|downing|downed)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:drones?|uavs?|missiles?|rockets?)\b",
    re.I,
)
# Attacks in the plural as the setting of what the sentence tells: "amid rising militia attacks", "amid a wave of
# attacks on US forces"
_AMID_ATTACKS = prefilter.compile(r"\b(?:amid|amidst)\s+(?:[\w-]+\s+){0,4}?(?:attacks|strikes|assaults)\b", re.I)


# Where a coordinated clause begins: "three rockets targeted the base at 7:05 pm, and a fourth missile with its
# launch tubes was found at the launch point" - what was found is that clause's, the attack before it was fired
_COORDINATED_CLAUSE = prefilter.compile(r",\s+(?:and|while|but)\s|;\s", re.I)


# What a source adds after telling the attack is a clause of its own: '"The attack resulted in no injuries or damage to
# the base," the statement read, adding that the SDF visited the rocket origin site and found a third unfired rocket'
# ... and a find joined by a bare "and", its own subject and passive: "one rocket struck the Conoco site on Monday night
# and one other rocket was discovered at the launch point"
_AND_A_FIND = r"\s+and\s+(?=(?:[\w-]+\s+){1,5}?(?:was|were)\s+(?:later\s+)?(?:found|discovered|seized|recovered)\b)"
_ADDED_CLAUSE = prefilter.compile(
    # ("ten Katyusha rockets attacked al-Taji camp without losses, confirming that a truck was found carrying a
    # missile platform": what the statement adds after the attack, in a participle of its own)
    r",\s+(?:and\s+)?(?:adding|confirming|noting|explaining|stating)\s+(?:that\s+)?|"
    + _AND_A_FIND
    + "|"
    + _COORDINATED_CLAUSE.pattern,
    re.I,
)


def _after_a_told_attack(text: str, at: int) -> bool:
    """The cue at ``at`` lies in a clause coordinated after one that told an attack, or added after it."""
    # (the whole text searched: a cut's lookahead reads the clause it opens, up to the cue and past it)
    cuts = [c for c in _ADDED_CLAUSE.finditer(text) if c.end() <= at]
    return bool(cuts) and cues.ATTACK.search(text, 0, cuts[-1].start()) is not None


def _coalition_hit_in_another_clause(text: str, at: int) -> bool:
    """The cue at ``at`` lies in a clause coordinated with one that tells the coalition's own sites attacked: 'an
    American destroyer intercepted missiles headed toward Israel, while American sites in Iraq and Syria were again
    the target of drone assaults' - the other target is the first clause's, the second tells an attack on them."""
    cuts = [0, *(c.end() for c in _COORDINATED_CLAUSE.finditer(text)), len(text)]
    clauses = [(start, end) for start, end in pairwise(cuts) if not start <= at < end]
    return any(
        cues.GENERIC_TARGET.search(text, start, end) and cues.ATTACK.search(text, start, end) for start, end in clauses
    )


# Vetoes read in the main clause only: a trend, tally or threat told in a tail that situates the attack, and the
# militias a strike told there was aimed at ("..., in the first attack since the U.S. launched strikes against
# Iran-backed militias")
_SCOPED = frozenset({"tally", "habitual", "hypothetical", "other_target"})


@lru_cache(maxsize=512)
def main_clause(text: str) -> str:
    """The sentence less a tail that situates the attack it tells ('..., the latest of a series of strikes this
    week'), when the part before the tail tells an attack itself (kept: each stage asks it again)."""
    m = cues.SITUATING_TAIL.search(text)
    if m is None and _ATTACK_AS_SUBJECT.match(text):
        m = _SITUATING_PREDICATE.search(text)
    if m is None or m.start() == 0 or not cues.ATTACK.search(text, 0, m.start()):
        return text
    return text[: m.start()]


# The attack itself as the subject of what situates it: "The attack in the early hours of Tuesday, which caused no
# casualties, is the latest in a series of attacks on US troops"
_ATTACK_AS_SUBJECT = prefilter.compile(
    r"^\W*(?:the|this|that)\s+(?:[\w'\u2019-]+\s+){0,2}?(?:attack|strike|assault|incident)\b", re.I
)
_SITUATING_PREDICATE = prefilter.compile(
    r"\s(?:is|was|marks|marked|became|becomes)\s+(?:the\s+)?(?:latest|last|most\s+recent|newest|\d+(?:st|nd|rd|th))\b.*$",
    re.I | re.S,
)


def _retaliation_against_the_coalition(text: str, sites: list) -> bool:
    """'The Islamic Resistance targets US bases in retaliatory strikes': when the only strike words are a
    retaliation with no state as their actor, and the sentence's target is a coalition site or the coalition, the
    retaliation is the attack on the coalition, not another actor's strike."""
    causes = [c.end() for c in cues.CAUSE_PHRASE.finditer(text)]
    found = [
        m.group(0)
        for m in cues.OTHER_ACTOR.finditer(text)
        # "..., days after a US airstrike killed three of its fighters": the strike told as the cause
        if not any(0 <= m.start() - end <= 40 for end in causes)
    ]
    if not found or not all(cues.RETALIATION_ONLY.fullmatch(g) for g in found):
        return False
    return bool(sites) or cues.GENERIC_TARGET.search(text) is not None


# The cause is a person's death told with the strike that killed them: "in revenge for the death of Iranian general
# Qassem Suleimani, killed in a US drone strike" (the strike is inside the cause, however long its name)
_A_DEATH_TOLD = prefilter.compile(
    rf"\s*(?:the\s+)?{words(vocabulary.KILLING_NOUNS)}\s+of\b[^.;]*?\bkilled\s+(?:[\w-]+\s+){{0,3}}?(?:in|by)\s+(?:an?\s+|the\s+)?$",
    re.I,
)


def _strike_as_cause(text: str, at: int) -> int | None:
    """Where a phrase telling another actor's strike as the attack's cause or occasion begins ('following a US
    airstrike', 'in retaliation for US strikes'), when the clause before it tells an attack; else None."""
    m = cues.CAUSE_PHRASE.search(text, 0, at + 20)
    far = m is not None and at - m.end() > 40 and not _A_DEATH_TOLD.match(text, m.end(), at)
    if m is None or m.start() > at or far or not cues.ATTACK.search(text, 0, m.start()):
        # "Two drones were shot down at the airport, amid tensions on the anniversary of the killing of a general
        # in a U.S. drone strike": a strike told in the tail that situates the attack is the tail's
        main = len(main_clause(text))
        return main if main <= at else None
    return m.start()


# The attack in focus as the subject of what places it in time: "It occurs in tensions stoked by the war, days after
# Israel was said to have retaliated ...", "This comes after ...", "The attack followed ..."
_ATTACK_SITUATED = prefilter.compile(
    r"^\W*(?:it|this|that|the\s+(?:attack|strike|assault|incident)"
    # ... or a day's attack, named with its target: "Tuesday's attack on Erbil airport comes hours after the Iranian
    # Revolutionary Guard launched ballistic missiles against the Kurdish region"
    rf"|(?:{words(WEEKDAYS)}|today|yesterday)['\u2019]s\s+(?:[\w-]+\s+)?(?:attack|strike|assault)"
    r"(?:\s+(?:on|at|against)(?:\s+[\w'\u2019.-]+){1,4}?(?=\s+(?:\w+ly\s+)?(?:follows|followed|comes?|came)\b))?)"
    r"\s+(?:\w+ly\s+)?"
    r"(?:(?P<follows>follows|followed)|comes?|came|occurs|occurred|happened|took\s+place)\b",
    re.I,
)


# The site as the subject of the attack's passive, then placed after another attack: "The airfield was hit two hours
# after a drone attack on another base" (the attack named by its noun: not "hit after midnight with rockets")
_SITE_HIT_AFTER = prefilter.compile(
    r"^\W*(?:[\w'\u2019.-]+\s+){1,6}?(?:was|were)\s+(?:\w+ly\s+)?(?:targeted|attacked|hit|struck)\s+"
    r"(?:[\w-]+\s+){0,4}?(?P<after>after|following)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:attack|strike|assault|bombing)s?\b",
    re.I,
)


# A country as the sentence's subject ("Kuwait says ...", "The kingdom of Bahrain said ...") and what was fired at
# the country itself ("launched against it", "fired at the kingdom")
_A_COUNTRY_SPEAKS = prefilter.compile(
    rf"^\W*(?:the\s+(?:[\w-]+\s+){{0,3}}?of\s+)?{COUNTRY_WORD.pattern}[^.;]{{0,60}}?\b(?:says|said|reports|reported)\b",
    re.I,
)
_FIRED_AT_THE_COUNTRY = prefilter.compile(
    r"\b(?:launched|fired|directed|aimed)\s+(?:at|against|toward|towards)\s+"
    r"(?:it|the\s+(?:kingdom|country|emirate|state))\b",
    re.I,
)


def _a_states_own_total(text: str) -> bool:
    """Does a country speak of what was fired at the whole country ('Kuwait says it intercepted 40 missiles and 30
    drones launched against it')? Its counts are the country's, over all the sites and towns hit, not one base's."""
    return _A_COUNTRY_SPEAKS.match(text) is not None and _FIRED_AT_THE_COUNTRY.search(text) is not None


def _situated_after(text: str) -> int | None:
    """Where the event the attack is placed after begins, when the attack itself is the subject ('It came days after
    a drone strike on ...', 'The airfield was hit hours after a drone attack on ...'): what that event's phrase
    names - weapons, groups, figures - is the event's."""
    hit = _SITE_HIT_AFTER.match(text)
    if hit is not None:
        return hit.start("after")
    m = _ATTACK_SITUATED.match(text)
    if m is None:
        return None
    if m.group("follows"):
        return m.end()
    after = cues.CAUSE_PHRASE.search(text, m.end())
    return after.start() if after is not None else None


# The answer to a strike, opening a sentence: "In a widely expected response to US strikes ..., Iran fired missiles
# at ...", "Responding to this attack, ... factions targeted a US military base"
_ANSWERING = (
    r"in\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:response|retaliation|reply|revenge)\s+(?:to|for)"
    r"|(?:responding|retaliating)\s+(?:to|for|against)"
)
# A sentence opening on the circumstance of its main clause: "Hours after a flurry of US airstrikes ...,", "Despite
# a recent U.S. airstrike ...,", "In the wake of the strikes,", "Amid rising tension after ...,", and the setting
# told as a state of things ("With tensions escalating in the region following the US strikes on Iran, Tehran
# fired missiles at ...")
_OPENING_CIRCUMSTANCE = prefilter.compile(
    rf"^\W*(?:with\s+(?:[\w'-]+\s+){{1,3}}?{words(vocabulary.RISING_WORDS)}\s+"
    r"(?:[^,;]{0,60}?\s)?(?=after|following|amid|over)\w+"
    rf"|(?:(?:hours?|minutes?|days?|weeks?|shortly|soon|just|only|a\s+day|a\s+few\s+hours|{numerals(1, 12)})\s+)*"
    rf"(?:after|following)|amid|despite|in\s+the\s+wake\s+of|{_ANSWERING})\s",
    re.I,
)
_ANSWER_OPENING = prefilter.compile(rf"^\W*(?:{_ANSWERING})\s", re.I)


def answered_by_the_strike(text: str, at: int) -> bool:
    """Is the offset ``at`` in the opening of a sentence whose main clause tells another actor's strike ("In response
    to attacks by Kataib Hezbollah, including the attack on al-Asad Airbase on Jan. 20, US forces conducted
    airstrikes")? What the opening names is the attack the strike answered."""
    m = _OPENING_CIRCUMSTANCE.match(text)
    strike = cues.OTHER_ACTOR.search(text, at)
    return m is not None and m.end() <= at and strike is not None and "," in text[at : strike.start()]


# The strike an attack came after, told last: "Militias launched two drones at the Harir airbase ... shortly after
# the airstrike"
_AFTER_THE_STRIKE = prefilter.compile(
    r"\b(?:(?:shortly|hours|minutes|soon|just|only\s+hours|a\s+day)\s+)?after\s+(?:the|this|that|these|those)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:air\s?strikes?|strikes?|raids?|bombings?)\b",
    re.I,
)


def answers_a_strike(text: str) -> bool:
    """Does the sentence tell an attack as the answer to a strike, in a main clause of its own after the opening
    that holds the strike ("Responding to this attack, yesterday evening, factions targeted a US military base"), or
    before the strike it came after ("Militias launched two drones at the Harir airbase shortly after the
    airstrike")? Such an attack came after the strike: it is news, not the strike's cause."""
    m = _ANSWER_OPENING.match(text)
    comma = text.find(",", m.end()) if m else -1
    if comma >= 0:
        return not cues.OTHER_ACTOR.search(text, comma + 1) and bool(cues.ATTACK.search(text, comma + 1))
    after = _AFTER_THE_STRIKE.search(text)
    return (
        after is not None
        and not cues.OTHER_ACTOR.search(text, 0, after.start())
        and bool(cues.ATTACK.search(text, 0, after.start()))
    )


def after_an_opening_strike(text: str, at: int) -> int | None:
    """Where the main clause begins, when the sentence opens on a circumstance that holds the strike whose actor
    stands at ``at`` ("Despite a recent U.S. airstrike that damaged a depot, militias show no sign of backing down")
    and the main clause tells no other actor's strike; else None."""
    m = _OPENING_CIRCUMSTANCE.match(text)
    comma = text.find(",", at)
    if m is None or at < m.end() or comma < 0:
        return None
    main = comma + 1
    return None if cues.OTHER_ACTOR.search(text, main) else main


def _strike_leading_in(text: str, at: int) -> int | None:
    """Where the main clause begins, when the sentence opens on the time after a strike whose actor stands at
    ``at`` ("Hours after US airstrikes ..., four rockets were fired at the base") and the main clause tells an
    attack, by no other actor; else None."""
    main = after_an_opening_strike(text, at)
    return main if main is not None and cues.ATTACK.search(text, main) else None


_BUT = prefilter.compile(r",\s+but\s+|;\s+", re.I)


_ARTICLE = prefilter.compile(r"an?\s", re.I)
# A superlative measured against an earlier event: "the deadliest assault ... since", "the first such attack since"
_SUPERLATIVE_SINCE = prefilter.compile(
    r"\b(?:deadliest|worst|largest|biggest|heaviest|bloodiest|first|most\s+\w+)\b[^;]{0,80}?\bsince\b", re.I
)


def _in_a_clause_of_its_own(text: str, pos: int) -> bool:
    """'X claimed the attack on the base, but tensions have not dropped since ... last year': a date in a clause
    joined by 'but' (or after a semicolon) that tells no attack, after a clause that does, dates something else."""
    breaks = list(_BUT.finditer(text, 0, pos))
    if not breaks:
        return False
    cut = breaks[-1]
    following = _BUT.search(text, pos)
    clause = text[cut.end() : following.start() if following else len(text)]
    return bool(cues.ATTACK.search(text, 0, cut.start())) and not cues.ATTACK.search(clause)


def _clause_start(text: str, pos: int) -> int:
    """Where the clause holding ``pos`` starts (after the last comma, semicolon or dash before it)."""
    return max(text.rfind(c, 0, pos) for c in ",;:\u2014\u2013") + 1 if pos else 0


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    for a, b in spans:
        text = text[:a] + " " * (b - a) + text[b:]
    return text


def zero_casualties_before_strike(f: Facts) -> bool:
    """'No casualties were reported from the attack, ... the anniversary of a US airstrike': the sentence opens on
    the attack's toll and only later names a strike by another actor."""
    if f.vetoes - {"other_actor"} or f.actor_at < 0:
        return False
    return any(g.value == 0 and g.field in {"killed", "injured"} and g.end <= f.actor_at for g in f.figures)


# A habit or trend told as what one attack came after: "the deadly attack that came after months of similar
# strikes on bases" - the habit is the attack's setting, not the sentence's news
_AFTER_THE_ATTACK = prefilter.compile(
    r"\b(?P<noun>(?:the|this|that|an?)\s+(?:[\w-]+\s+){0,2}?(?:attack|strike|assault|bombing))\s*,?\s+(?:(?:that|which)\s+)?"
    r"(?:came|comes|followed|follows)\s+(?:after|amid|on\s+the\s+heels\s+of)?\s*$",
    re.I,
)


@lru_cache(maxsize=256)
def _habits(text: str) -> tuple[re.Match[str], ...]:
    """The habits and trends a sentence tells ('months of similar strikes', 'have been targeting'). Kept for the
    sentence's other questions: a sentence is asked several times whether it tells a habit, and where."""
    return (*cues.HABITUAL.finditer(text), *(m for m in cues.PRACTICE.finditer(text) if not _the_launchers(text, m)))


# The agent of a projectile's passive: "an explosive-laden drone launched by illegal militias targeting the military
# base ... was shot down" - what targets the base is the drone, not the militias as a practice
_LAUNCHED_BY = prefilter.compile(r"\b(?:launched|fired|sent|flown)\s+by\s+(?:[\w-]+\s+){0,3}?$", re.I)
_GROUP_NOUN = prefilter.compile(rf"{words(vocabulary.ARMED_GROUPS)}\b", re.I)


def _the_launchers(text: str, m: re.Match[str]) -> bool:
    """Is the practice found at ``m`` a projectile's launchers, named as the agent of its passive?"""
    return bool(_GROUP_NOUN.match(text, m.start()) and _LAUNCHED_BY.search(text, 0, m.start()))


def _setting_at(text: str) -> int:
    """Where the setting of the attack told begins ('... in the deadly attack that came after months of similar
    strikes on bases that house US troops'): what it names was attacked in the habit, not in this attack. The
    text's length when there is none."""
    for m in _habits(text):
        after = _AFTER_THE_ATTACK.search(text, 0, m.start())
        if after is not None:
            return after.start() + len(after.group("noun"))
        during = _DURING_A_HABIT.search(text, 0, m.start())
        if during is not None and cues.GENERIC_TARGET.search(text, 0, during.start()):
            return during.start()
    return len(text)


# A habit told as the time the attack fell in: "Iran said it had wrecked a headquarters at an American
# facility in Qatar amid a wave of drone and missile strikes"
_DURING_A_HABIT = prefilter.compile(r"\b(?:during|amid)\s+(?:a|an|the)\s+(?:[\w-]+\s+)?$", re.I)


# The perfect of one attack on a site named as its object: "The mujahideen of the Islamic Resistance in Iraq have
# attacked the US occupation base Tal Baidar with drones" (a claim's news, not a practice)
_PERFECT_ON_A_SITE = prefilter.compile(
    r"\b(?:have|has)\s+(?:targeted|attacked|struck"
    # ... and its noun: "has carried out strikes on the UAE's Al Dhafra Air Base", "have launched a drone attack on"
    r"|(?:carried\s+out|launched|conducted)\s+(?:an?\s+)?"
    # ... or a barrage of them on the site: "has launched a series of missile and drone attacks on the United States
    # Navy's Fifth Fleet headquarters"
    r"(?:(?:series|wave|barrage|salvo)\s+of\s+)?(?:[\w-]+\s+){0,3}?(?:strikes?|attacks?)\s+(?:on|against|targeting))"
    # (a site's mention starts after its article: "the Al-|Tanf"; a country's possessive may stand before its name)
    r"\s+(?:the\s+)?(?:[\w'\u2019-]+\s+){0,4}?(?:\w{1,3}-)?$",
    re.I,
)


# ... and on a counted set of bases: "said on Monday it has targeted three US bases in Syria"
_PERFECT_ON_COUNTED_SITES = prefilter.compile(
    rf"(?:have|has)\s+(?:targeted|attacked|struck)\s+(?:at\s+least\s+)?(?:\d+|{numerals(2, 12)})\s+"
    r"(?:[\w.\u201c\u201d\"-]+\s+){0,3}?(?:bases|sites|positions|facilities)\b",
    re.I,
)


# ... and one attack as its object, wherever it hit: "The group has reportedly launched a joint drone and missile
# attack on an American base in Jordan" (the news, not a practice: "have launched attacks" stays one)
_PERFECT_OF_ONE_ATTACK = prefilter.compile(
    r"(?:have|has)\s+(?:\w+ly\s+|also\s+)?(?:launched|carried\s+out|conducted)\s+(?:a|an|one)\s+"
    r"(?:[\w-]+\s+){0,4}?(?:attack|strike|assault|barrage)\b(?!s)",
    re.I,
)


def _habitual(text: str, named_at: list[int] | None = None) -> bool:
    """A habit or trend - except "at least 10 rockets have targeted the base", a counted volley told as news,
    a habit an attack is told to have come after (its setting, ``_setting_at``), and the perfect whose object is
    the sites named at ``named_at`` (offsets in ``text``; "have targeted the Al-Tanf, Al-Rukban and Al-Malikiya
    bases"), when no other habit is told."""
    habits = _habits(text)
    if not habits:
        return False
    counted = [m.span() for m in cues.COUNTED_PERFECT.finditer(text)]
    setting = _setting_at(text)
    told = [m for m in habits if not any(a <= m.start() <= b for a, b in counted) and m.start() < setting]
    # the perfect's own words may hold a barrage's noun ("has launched a series of ... attacks on" the site)
    if (
        named_at
        and told
        and all(m.end() <= min(named_at) for m in told)
        and _PERFECT_ON_A_SITE.fullmatch(text, told[0].start(), min(named_at))
    ):
        return False
    if len(told) == 1 and _PERFECT_ON_COUNTED_SITES.match(text, told[0].start()):
        return False  # "said on Monday it has targeted three US bases in Syria": a claim's count, not a practice
    if len(told) == 1 and _PERFECT_OF_ONE_ATTACK.match(text, told[0].start()):
        return False  # "has reportedly launched a joint drone and missile attack on an American base": one
    return bool(told)


_SINGULAR_ATTACK = prefilter.compile(r"\b(?:the|this|that|an?|its)\s+(?:[\w-]+\s+){0,2}?attack\b", re.I)


def _attacks_in_general(text: str, dates: list[DateMention]) -> bool:
    """'amid rising attacks by militias on US forces', 'attacks on coalition forces' with no site and no day:
    attacks in general - unless counted ('two drone attacks on US forces')."""
    if _SINGULAR_ATTACK.search(text):
        return False  # "it was the second attack since militias stopped attacks on US forces": about this one
    if cues.UNCOUNTED_ATTACKS.search(text):
        return True
    if cues.ATTACKING_AS_A_PRACTICE.search(text):
        return not _dates_a_day(dates)
    counted = False
    for m in cues.ATTACKS_IN_GENERAL.finditer(text):
        if _THE_ATTACKS_TOLD.match(m.group(0)) and zero_tolls(text):
            # "officials have reported no injuries or damage as a result of these attacks": the toll of the
            # attacks just told, none of them hurting anyone (a positive toll summed over them is nobody's)
            return False
        before = text[max(0, m.start() - 30) : m.start()].split()[-2:]
        counted = counted or any(find_numbers(w) and w.lower() not in {"a", "an", "no"} for w in before)
        # "carried out attacks on two military bases housing American forces": the sites counted, each attacked
        counted = counted or _ON_COUNTED_SITES.match(m.group(0)) is not None
        if not counted:
            break
    else:
        return False
    return not _dates_a_day(dates)


_ON_COUNTED_SITES = prefilter.compile(
    r"(?:attacks|operations)\s+(?:[\w-]+\s+)?(?:on|against|targeting)\s+(?:the\s+)?"
    rf"(?:\d+|{numerals(2, 12)})\s+(?:[\w-]+\s+)?(?:bases|sites|positions|outposts|facilities|installations)\b",
    re.I,
)
_THE_ATTACKS_TOLD = prefilter.compile(r"(?:as\s+a\s+result\s+of|from|in|during)\s+(?:the|these|those)\s", re.I)


def _dates_a_day(dates: list[DateMention]) -> bool:
    """Does the sentence give the day of an event (not of a statement, not a 'since' bound)?"""
    return any(d.precision == "day" and not d.reporting and d.kind != "since" for d in dates)


# A strike told as the answer to an attack not told before: "The U.S. strikes follow a rocket attack on ...", "the
# raids were in response to a drone attack on ..." (from the strike's actor on; "responded to the initial attacks"
# speaks of attacks already told)
_STRIKE_ANSWERS = prefilter.compile(
    # ("launched airstrikes on seven facilities of militias in Syria and Iraq in response to a drone attack on
    # Tower 22": the answer may come after the strike's objects)
    # ("conducted strikes on militia-linked facilities and personnel after several service members were injured in
    # a ballistic missile attack on Al-Asad Airbase": the attack told by its toll, after the strike's objects)
    r"(?:[^;,]{0,40}?|[^;]{0,100}?(?=\bin\s+(?:response|retaliation)|\bafter\s))"
    r"\b(?:follow(?:s|ed)?|answer(?:s|ed)?|c(?:a|o)mes?\s+after|(?:(?:was|were|are|is)\s+)?in\s+(?:response|retaliation)"
    r"\s+(?:to|for)|respond(?:s|ed)?\s+to|retaliat(?:es|ed)\s+for"
    r"|after\s+(?:[\w-]+\s+){1,6}?(?:were|was)\s+(?:killed|injured|wounded|hurt)\s+in)\s+an?\s+(?:[\w-]+\s+){0,3}?"
    r"(?:attacks?|strikes?|barrages?|salvos?)\s+(?:on|against|at|targeting)\b",
    re.I,
)


def targets(facts: Facts) -> list[Target]:
    """The coalition sites this sentence reports as attacked ([] when it is not an attack sentence). In a
    sentence whose only veto is another actor's strike, the sites named before the strike's clause are kept,
    marked ``before_strike``."""
    if not facts.attack:
        return []
    text = facts.sent.text
    if facts.vetoes & NOT_AN_ATTACK:
        strike_at = facts.actor_at
        if facts.vetoes == {"other_actor"} and strike_at >= 0:
            # "The U.S. strikes follow a 30-plus rocket attack on Iraq's K-1 base": the attack the strike answers
            answered = _STRIKE_ANSWERS.match(text, strike_at)
            if answered is not None:
                return [t for t in _site_targets(facts) if t.start >= answered.end()]
        if facts.vetoes != {"other_actor"} or strike_at <= 0 or not cues.ATTACK.search(text, 0, strike_at):
            return []
        pre = [t for t in _site_targets(facts) if t.end <= strike_at]
        return [Target(t.site, t.place, t.country, t.start, t.end, before_strike=True) for t in pre]
    setting = _setting_at(text)
    out = [t for t in _site_targets(facts) if t.start < setting]
    if out:
        # "including on al-Asad air base in western Iraq and three troop locations in Syria": the counted,
        # unnamed targets in another country are attacks of their own
        counted = _counted_elsewhere(text, {t.country for t in out})
        if counted is not None:
            out.append(counted)
    if not out and facts.place and not facts.generic_target:
        latest = _THE_LATEST_ATTACK.match(text)
        if latest is not None and any(not x.past and x.precision == "day" for x in facts.event_dates):
            # "The latest attack took place in the autonomous Kurdistan region in northern Iraq on Thursday": a
            # tally's newest attack, dated, placed where no site is named
            out.append(Target(None, facts.place, facts.place_country, latest.start(), latest.end()))
    if not out and facts.generic_target:
        g = next(
            (
                g
                for g in cues.GENERIC_TARGET.finditer(text)
                if not _LOCATIVE_BEFORE.search(text, 0, g.start())
                and not _PRECAUTION_AT.search(text, 0, g.start())
                and g.start() < setting
            ),
            None,
        )
        if g is not None:
            out.append(_generic_target(facts, g.start(), g.end()))
    return out


# "The latest attack", "The most recent strike": the newest attack of those a tally counts, as a subject
_THE_LATEST_ATTACK = prefilter.compile(
    r"^\W*the\s+(?:latest|most\s+recent|newest)\s+(?:[\w-]+\s+)?(?:attack|strike|assault)\s+"
    r"(?:took\s+place|happened|occurred|came|was)\b",
    re.I,
)


def _generic_target(facts: Facts, start: int, end: int) -> Target:
    """An unnamed site is where the sentence places it, unless its own words place it in another country: in
    'a group in Iraq claimed that it targeted a US military base in Syria' the base is in Syria."""
    where = _IN_COUNTRY.match(facts.sent.text, end)
    own = COUNTRY_WORDS.get(where.group("c").lower()) if where else None
    if own is not None and own != facts.place_country:
        return Target(None, None, own, start, end)
    return Target(None, facts.place, facts.place_country, start, end)


_IN_COUNTRY = prefilter.compile(r"\s+in\s+(?:the\s+)?(?:(?:north|south)?(?:east|west)?(?:ern)?\s+)?(?P<c>\w+)", re.I)


def _counted_elsewhere(text: str, countries: set[str | None]) -> Target | None:
    """A phrase counting unnamed targets ('three troop locations in Syria') placed in a country none of the named
    targets is in."""
    m = segments.COUNTED_SITES.search(text)
    if m is None or segments.counted_sites(m.group(0)) < 2:
        return None
    where = _IN_COUNTRY.match(text, m.end())
    country = COUNTRY_WORDS.get(where.group("c").lower()) if where else None
    if country is None or country in countries:
        return None
    return Target(None, None, country, m.start(), m.end())


# "ten kilometres west of Baghdad International Airport": the site places what fell that far away from it
_DISTANCE_BEFORE = prefilter.compile(
    rf"\b(?P<n>\d+|{numerals(1, 20)})[\s-]*(?:km|kilomet(?:re|er)s?|miles?)\s+"
    r"(?:(?:north|south)?[\s-]?(?:east|west)?(?:ern)?\s+)?(?:of|from)\s+(?:the\s+)?$",
    re.I,
)
# From this many kilometres away a site is a landmark; closer, reports mean the site itself ("2 km from the airport").
LANDMARK_KM = 5


def not_the_place_hit(text: str, at: int) -> bool:
    """Is the site named at ``at`` a landmark kilometres from what was hit, an example of a kind of place, or a
    place the sentence names for another part than the target (where fire came from, where the wounded were taken,
    whose spokesman spoke)?"""
    if _NOT_TARGET_BEFORE.search(text[max(0, at - 40) : at]):
        return True
    example = _AN_EXAMPLE_BEFORE.search(text, max(0, at - 40), at)
    return example is not None or _kilometres_away(text[max(0, at - 50) : at])


def _kilometres_away(before: str) -> bool:
    """Does ``before`` end with a distance of a landmark ('ten kilometres west of'), far enough to be no hit?"""
    m = _DISTANCE_BEFORE.search(before)
    if m is None:
        return False
    n = find_numbers(m.group("n"))
    return bool(n) and n[0].value >= LANDMARK_KM


def _site_targets(facts: Facts) -> list[Target]:
    text = facts.sent.text
    out: list[Target] = []
    seen: set[str] = set()
    prev_end = None
    for m in facts.sites:
        rel = m.start - facts.sent.start
        # "the Harir base near Erbil airport", "the Harir base at Erbil International Airport": a site placed by
        # another site just named is a landmark
        locator = prev_end is not None and _LOCATOR.search(text[prev_end:rel]) is not None
        prev_end = m.end - facts.sent.start
        if locator or m.site.slug in seen:
            continue
        if not_the_place_hit(text, rel) or _SPEAKS.match(text, m.end - facts.sent.start):
            continue
        if _BASE_BESIDE.search(text, max(0, rel - 60), rel):
            # "the base adjacent to Erbil Airport": an unnamed base beside the site (not "a base near X", which
            # reporting uses for the site's own compound)
            seen.add(m.site.slug)
            out.append(Target(None, None, m.site.country, rel, rel + (m.end - m.start)))
            continue
        seen.add(m.site.slug)
        out.append(Target(m.site, None, m.site.country, rel, rel + (m.end - m.start), by_town=m.by_town))
    return out


def anchor_date(facts: Facts, target: Target, span: tuple[int, int] | None = None) -> DateMention | None:
    """The date of the attack a target belongs to: the event date in its own clause, else the nearest one,
    else a reporting date."""
    events = facts.event_dates
    own = [d for d in events if span is not None and span[0] <= d.start < span[1]]
    if own or events:
        candidates = own or events
        nearest = min(candidates, key=lambda d: abs(d.start - target.start))
        # "tonight, Sunday, for another time this week": the day within the week, not the week ("earlier this
        # year ... received the Purple Heart on Saturday": a day within a year or a month may be another event's)
        finer = [
            d for d in candidates if nearest.precision == "week" and d.precision == "day" and same_period(d, nearest)
        ]
        return min(finer, key=lambda d: abs(d.start - target.start)) if finer else nearest
    reporting = [d for d in facts.dates if d.reporting and d.precision == "day"]
    return reporting[0] if reporting else None


# The defence against an attack, told as what happened: "air defense systems intercepted multiple missiles"
_AIMED_AT = prefilter.compile(r"\b(?:target\w*|attack\w*|hit|struck|strikes?|fired|launched|aimed)\b", re.I)


def _defence_before(text: str, at: int) -> bool:
    """Does the main clause before an 'after' clause at ``at`` tell only projectiles intercepted ("Qatar's air
    defense systems intercepted multiple missiles over the capital Doha on Monday after Iran launched a military
    operation targeting U.S. forces stationed at Al Udeid Air Base")? Then the 'after' clause is the attack they
    stopped, not an earlier one."""
    head = text[:at]
    return bool(cues.INTERCEPTION.search(head)) and not _AIMED_AT.search(head)


# A toll told in the passive, the main clause's only attack words: "A number of U.S. service members were seriously
# injured in Iraq on Saturday after militants targeted al-Assad Airbase", "five people had been injured after two
# rockets were launched towards the base"
_PASSIVE_TOLL = prefilter.compile(
    rf"\b(?:was|were|been|being)\s+(?:\w+ly\s+)?(?:{words(vocabulary.KILLED_WORDS, vocabulary.INJURED_WORDS)})\b", re.I
)


def _toll_before(text: str, at: int) -> bool:
    """Does the main clause before an 'after' clause at ``at`` tell only who was killed or hurt? Then the 'after'
    clause is the attack that did it, not an earlier one (as an interception's is: ``_defence_before``)."""
    head = text[:at]
    tolls = [m.span() for m in _PASSIVE_TOLL.finditer(head)]
    return bool(tolls) and all(any(a <= m.start() < b for a, b in tolls) for m in cues.ATTACK.finditer(head))


def _leading_after_clause(text: str, m: re.Match[str], target: Target) -> bool:
    """'After three troops were killed in an attack on X, ... there have been few attacks': a sentence-initial
    after-clause names an earlier event that the main clause (itself about attacks) is measured from."""
    if not cues.LEADING_ADVERB.fullmatch(text[: m.start()]):
        return False
    comma = text.find(",", m.end())
    if comma < 0 or not (m.end() <= target.start < comma):
        return False
    return cues.ATTACK.search(text, comma) is not None


def told_as_reference(facts: Facts, target: Target) -> bool:
    """'Biden said on Tuesday he would respond to the drone strike that killed three troops in Jordan': an attack
    named by what it did, in a relative clause, is an earlier event - unless the clause gives it a day."""
    for m in cues.REFERENCE_CLAUSE.finditer(facts.sent.text):
        if m.start() <= target.start < m.end():
            return not any(
                m.start() <= d.start < m.end() and d.precision == "day" and not d.reporting for d in facts.dates
            )
    return False


# "two days after", "weeks after", "a day after": an interval of days or more before the event of the main clause
_DAYS_AFTER = prefilter.compile(
    rf"\b(?:a|{numerals(1, 12)}|several|few|\d+)\s+(?:days?|weeks?|months?)\s+after\b", re.I
)


# A truce as the subject of a verb of sequence: "The fragile truce followed", "The ceasefire came after" - what it
# followed is the fighting it ended (not "This was followed by", a passive; an alert or a summons that "followed" an
# attack may be the attack's own story, and a recent attack told after a statement is news: not read here)
_A_LATER_EVENT_FOLLOWED = prefilter.compile(
    r"^\W*(?:the|this|that|its|their|[\w-]+['\u2019]s)\s+(?:(?!(?:was|were|is|are|has|have|had)\b)[\w-]+\s+){0,2}?"
    rf"{words(vocabulary.TRUCE_NOUNS)}\s+(?:[\w-]+\s+){{0,2}}?"
    r"(?P<verb>followed|follows|came\s+after|comes\s+after)\s",
    re.I,
)


# Attacks as the object of a verb of sequence: "follows another attack", "came after a rocket strike"
ATTACKS_FOLLOWED = (
    r"(?P<verb>followed|follows|came\s+after|comes\s+after|come\s+after)\s+(?:[\w'\u2019-]+\s+){0,3}?"
    r"(?:attacks?|strikes?|assaults?|barrages?)\b"
)


# The news already told (an attack, a statement) as the subject of a verb of sequence, an attack its object: "The
# latest strike follows another attack days earlier on ...", "The wounds from the drone strike followed a rocket
# attack ... at Harir on Tuesday", "The news follows Sunday's strike on US troops in Jordan" - what the news
# followed came days before it (not "came hours after", the same day's)
_THE_NEWS_FOLLOWED = prefilter.compile(
    r"^\W*(?:the|this|that|these|those)\s+(?:(?!(?:was|were|is|are|has|have|had)\b)[\w-]+\s+){0,5}?" + ATTACKS_FOLLOWED,
    re.I,
)
# An interval of days back from the news: "just days prior", "two days earlier", "a few days before"
_DAYS_BACK = prefilter.compile(
    rf"\b(?:(?:just|only)\s+)?(?:a\s+few|several|{numerals(1, 12)}|\d+)?\s*days?\s+(?:prior|earlier|before)\b", re.I
)


# Days before the article from which a day the news followed is an earlier one (not the same night's news)
FOLLOWED_DAYS_BEFORE = 2


def _followed_by_the_news(facts: Facts, target: Target, published: dt.date | None) -> bool:
    """Is ``target`` in the object of a verb of sequence whose subject is the news told before (an attack, an
    announcement: "The latest strike follows another attack days earlier ... on Harir air base", "The news
    follows Sunday's strike on US troops in Jordan"), told days before it - by an interval, or a day two or more
    before the article? An attack the news merely followed ("The blast followed an earlier attack on ...", "The alert
    followed a drone attack ... on Saturday" that day) may be the same day's news."""
    text = facts.sent.text
    m = _THE_NEWS_FOLLOWED.match(text)
    if m is None or target.start < m.end("verb"):
        return False
    if _DAYS_BACK.search(text, m.end("verb")) is not None:
        return True
    return published is not None and any(
        d.start > m.end("verb") and d.precision == "day" and (published - d.date).days >= FOLLOWED_DAYS_BEFORE
        for d in facts.event_dates
    )


# The reason an attack told in the opening a strike's clause follows is background ("In response to ... the attack on
# al-Asad Airbase on Jan. 20, US forces conducted airstrikes")
ANSWERED_BY_A_STRIKE = "told as what another actor's strike answered"
# The reason an attack dated in the past is background (rules that read roles compare it, editors read it)
DATED_BEFORE_THE_NEWS = "dated before the news"
# ... and an attack a later event is measured from ("announced ... two days after a drone attack killed three", "The
# fragile truce followed an extraordinary night in which Tehran ... launched missiles at an American air base")
MEASURED_FROM = "told as what a later event came after"
# The start of a war or a campaign, after 'since' or 'after': the period a tally counts from, not an earlier attack
_A_WARS_START = prefilter.compile(
    r"\s+(?:the\s+)?(?:launch|start|beginning|outbreak|onset|eruption)\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:war|conflict|fighting|hostilities|campaign|offensive|aggression)\b",
    re.I,
)
# ... and an attack told in an 'after' clause of another event ("... the second attack in a day, after two rockets on
# Sunday targeted X")
IN_AN_AFTER_CLAUSE = "told in an 'after' clause, before the news"
# the veto a photo's caption carries ("... are seen at Ain al-Asad air base ..., Iraq January 4, 2022."), and the
# reason what it shows is background: an earlier attack, or the news told again by the story around it
CAPTION = "caption"
IN_A_CAPTION = "told in a photo's caption"


def background_reason(
    facts: Facts, target: Target, date: DateMention | None, published: dt.date | None = None
) -> str | None:
    """Why the attack this sentence tells of ``target`` is an earlier one, not the news (None when it is news)."""
    text = facts.sent.text
    if date is not None and date.past:
        return DATED_BEFORE_THE_NEWS
    if any(d.kind == "since" and d.start < target.start for d in facts.dates) and date is None:
        return "told as the start of a period ('since ...')"
    if cues.BACKGROUND.search(main_clause(text)) or told_as_reference(facts, target):
        return "told as an earlier attack or by reference"
    main = main_clause(text)
    pluperfects = [*cues.PLUPERFECT.finditer(main), *cues.PLUPERFECT_ALREADY.finditer(main)]
    if any(not cues.REPORTED_THAT.search(main, 0, m.start()) for m in pluperfects):
        return "told in the past perfect"
    if cues.EARLIER_IN_THE_PAST_PERFECT.search(main):
        return "told as earlier, in the past perfect"
    # "announced on Tuesday the suspension of its operations two days after a drone attack killed three US service
    # members": the attack is what a later event is measured from, days before it
    days_after = _DAYS_AFTER.search(text)
    if days_after is not None and not cues.ATTACK.search(text, 0, days_after.start()):
        return MEASURED_FROM
    # "The fragile truce followed an extraordinary night in which Tehran retaliated ... by launching missiles at an
    # American air base in Qatar": the subject is a truce, the attack the fighting it followed
    later = _A_LATER_EVENT_FOLLOWED.match(text)
    if later is not None and later.end() <= target.start and not cues.ATTACK.search(text, 0, later.start("verb")):
        return MEASURED_FROM
    if _followed_by_the_news(facts, target, published):
        return MEASURED_FROM
    # "... the second attack in a day, after two rockets on Sunday targeted X": X is the earlier one
    for m in cues.AFTER_CLAUSE.finditer(text):
        if cues.REPORTED_AFTER.match(text, m.end()) or cues.CAME_HOURS_AFTER.search(text, 0, m.end()):
            continue  # "after Reuters had reported that ...": a report, not an earlier attack
        if _A_WARS_START.match(text, m.end()):
            continue  # "the party with the most attacks since the launch of the war on Gaza": a period, no attack
        if _defence_before(text, m.start()) or _toll_before(text, m.start()):
            continue  # "Air defences intercepted missiles over Doha after Iran launched an attack on X": its outcome
        if _leading_after_clause(text, m, target) or (
            0 < m.start() < target.start
            and cues.ATTACK.search(text[: m.start()])
            and cues.ATTACK.search(text[m.end() : target.start + 60])
        ):
            return IN_AN_AFTER_CLAUSE
    return None
