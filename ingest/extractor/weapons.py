"""Weapon vocabulary -> the contract's categories (rocket, drone, missile, mortar, ied, small_arms)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from ingest.extractor import prefilter, vocabulary
from ingest.extractor.numbers import numerals

# Order matters: longer, more specific phrases first ("ballistic missile" before "missile").
_VOCAB: tuple[tuple[str, str], ...] = (
    (
        "drone",
        r"one[- ]way(?:[- ]attack)?\s+(?:drones?|uavs?)|kamikaze(?:\s+drones?)?|suicide\s+drones?|loitering\s+munitions?",  # noqa: E501
    ),
    (
        "drone",
        r"unmanned\s+aerial\s+(?:vehicles?|systems?)|unmanned\s+aircraft(?:\s+systems?)?|uavs?|uas|drones?|quadcopters?",
    ),
    ("missile", r"ballistic\s+missiles?|cruise\s+missiles?|precision\s+missiles?"),
    ("mortar", r"mortars?(?:\s+(?:rounds?|shells?|bombs?))?"),
    # tube artillery is indirect fire like a mortar's (the codebook has no artillery class)
    ("mortar", r"artillery\s+(?:shells?|rounds?|fire|shelling)"),
    ("rocket", r"katyushas?|grad\s+rockets?|grads?\b|rockets?|rocket[- ]propelled\s+grenades?|rpgs?"),
    # the same in the other languages of the wire copy (vocabulary.OTHER_LANGUAGES_ATTACK_WORDS): Italian, Spanish,
    # Portuguese, French, German
    ("rocket", r"razz[io]|cohetes?|foguetes?|roquettes?"),
    ("drone", r"droni|drohnen?|dron"),
    # ... and Arabic: Katyusha, a drone ("مسيرة", with its article or a clinging "with"), a mortar
    ("rocket", r"كاتيوشا|الكاتيوشا"),
    ("drone", r"[وبل]?(?:ال)?مسي[ّ]?ر(?:ة|ات)|درون"),
    ("mortar", r"هاون|الهاون"),
    ("ied", r"roadside\s+bombs?|improvised\s+explosive\s+devices?|ieds?|explosive\s+devices?|car\s+bombs?"),
    (
        "small_arms",
        r"gunfire|small[- ]arms(?:\s+fire)?|machine[- ]?guns?|sniper\s+fire|opened\s+fire|gunmen|rifle\s+fire",
    ),
    # "four shells landed inside the base": projectiles of a kind the report does not tell (rockets, mortars or guns)
    ("unknown", r"shells?"),
    # "two rounds of indirect fire struck the base": rounds of no told kind (rockets or mortars), counted like shells
    ("unknown", r"rounds?\s+of\s+indirect[- ]fire|indirect[- ]fire\s+rounds?"),
    # last: a bare "missile" is generic (``WeaponMention.generic``), in the other languages too (Italian "missili",
    # Spanish "misiles", Portuguese "mísseis"), and so are German's "Rakete" and Arabic's "صاروخ" (a rocket or a
    # missile)
    ("missile", r"missiles?|missili|misiles?|m[ií]ssil|m[ií]sseis|raketen?|[وبل]?(?:ال)?(?:صاروخ(?:ين|ان)?|صواريخ)"),
)
# "anti-rocket system", "counter-drone defences": the defence, not the weapon
_WEAPON = prefilter.compile(
    "|".join(f"(?P<w{i}>(?<!anti-)(?<!counter-)\\b(?:{p})\\b)" for i, (_, p) in enumerate(_VOCAB)), re.I
)
CATEGORIES = ("rocket", "drone", "missile", "mortar", "ied", "small_arms", "unknown")


@dataclass(frozen=True)
class WeaponMention:
    category: str
    start: int
    end: int
    text: str
    generic: bool  # a bare "missile(s)": newspapers often call rockets missiles


# "counter-rocket, artillery and mortar (C-RAM) system": the name of a defence, not the weapons fired
_DEFENCE_NAME = prefilter.compile(
    r"\bcounter[- ]rocket,?\s+(?:artillery,?\s+)?(?:and\s+|or\s+|&\s+)?mortars?\b(?:\s*\(?C-?RAM\)?)?", re.I
)


# "the C-RAM system, designed to destroy incoming rockets and mortar shells": what a defence is for, up to the
# clause end, names no weapon fired
_DEFENCE_SYSTEM = (
    r"(?:C-?RAM|Patriot|Iron\s+Dome|Avenger|Phalanx|(?:air\s+|missile\s+|rocket\s+)?defen[cs]e\s+systems?"
    r"|air\s+defen[cs]es?|interceptors?)"
)
# the purpose ends at a dash, a bracket, "during"/"when", or a comma not continuing the list of weapons
_PURPOSE_END = (
    r"(?=\s*(?:[\u2014)]|--|\s-\s|\bduring\b|\bwhen\b|$|,(?!\s*(?:and\s+|or\s+)?(?:incoming\s+)?"
    r"(?:artillery|rockets?|mortars?|drones?|missiles?|shells?|uavs?|projectiles?|cruise|ballistic)\b)))"
)
_DEFENCE_PURPOSE = prefilter.compile(
    rf"\b{_DEFENCE_SYSTEM}\b[^.;]{{0,60}}?\b(?:designed|supposed|meant|intended|built|used|able|made)\s+to\b[^;]*?"
    + _PURPOSE_END
    + rf"|\b{_DEFENCE_SYSTEM}\b[^.;]{{0,60}}?\b(?:capable\s+of|against|protects?\s+against)\s+(?:incoming\s+)?[^;]*?"
    + _PURPOSE_END
    # "the C-RAM defense system that intercepts rounds of artillery and mortar fire mid-flight": what a defence does,
    # told in the present of a relative clause, is its function, not this attack's weapons
    + rf"|\b{_DEFENCE_SYSTEM}\b[^.;]{{0,40}}?\b(?:that|which)\s+(?:\w+ly\s+)?"
    r"(?:(?:intercept|destroy|detect|defeat|track|engage|counter)s?|(?:shoot|knock)s?\s+down|protects?\s+against)"
    # the relative clause ends where the main clause's verb comes back ("... which destroy drones were switched on")
    r"\b[^;]*?(?:(?=\s+(?:was|were|is|are|had|has|have)\b)|" + _PURPOSE_END + ")",
    re.I,
)
# What a defence fires to stop the attack, its own rounds counted or not: "air defense systems which fired a series of
# rockets to shoot down the aerial vehicle", "the Phalanx system - a six-ton machine-gun that fires up to 75 rounds
# per second to intercept incoming rockets"
_INTERCEPTOR_FIRE = prefilter.compile(
    rf"\b{_DEFENCE_SYSTEM}\b[^.;]{{0,60}}?\b(?:fired|launched|fires|launches|shoots)\b[^.;]{{0,60}}?"
    r"\bto\s+(?:(?:shoot|bring|knock|take)\s+down|intercept|destroy)\b",
    re.I,
)


# A count in what a defence did tells an outcome, not a purpose: "air defenses able to intercept all but two of
# around 17 ballistic missiles and rockets" (those were fired), unlike "designed to destroy incoming rockets"
_COUNTED = prefilter.compile(rf"\b(?:\d+|{numerals(2, 20)}|all\s+but)\b", re.I)


# "US military jets and reconnaissance drones also flew over the field following the attack": the coalition's own
# aircraft, named by their owner, are not the weapons of the attack on it
_COALITION_AIRCRAFT = prefilter.compile(
    # (the owner as written: "US", not the pronoun "us")
    rf"(?<![\w-])(?-i:{vocabulary.words([w for w in vocabulary.COALITION if w != 'foreign'])})(?:['\u2019]s)?\s+"
    r"(?:military\s+|air\s+force\s+|army\s+)?"
    r"(?:(?:fighter\s+)?(?:jets|warplanes|aircraft|helicopters|planes)\s+(?:and|or)\s+)?"
    # ("a US MQ-9 Reaper drone", "a US UAV [drone]": a model's name, an editor's gloss)
    r"(?:(?:MQ|RQ)-\d+\w?\s+)?(?:(?:Reaper|Predator|Global\s+Hawk|Gr[ae]y\s+Eagle)\s+)?"
    r"(?:reconnaissance\s+|surveillance\s+|spy\s+|armed\s+)?(?:drones?|uavs?)\b(?:\s*\[(?:drone|uav)s?\])?",
    re.I,
)


# The coalition's own aircraft lost: "A US drone crashed near Iraqi Balad airbase", "a US MQ-9 Reaper drone was shot
# down by militants" - no attack on a site, whoever downed it
OWN_AIRCRAFT_LOST = prefilter.compile(
    _COALITION_AIRCRAFT.pattern + r"\s+(?:was\s+|were\s+|has\s+been\s+|had\s+been\s+)?"
    r"(?:crash(?:ed|es|ing)?|shot\s+down|downed|went\s+down|brought\s+down|lost)\b",
    re.I,
)


def defence_spans(text: str) -> list[tuple[int, int]]:
    """Spans naming a defence system or telling what it is for, or the coalition's own aircraft: their weapon words
    are not weapons fired at it."""
    purposes = [m.span() for m in _DEFENCE_PURPOSE.finditer(text) if not _COUNTED.search(m.group(0))]
    purposes += [m.span() for m in _INTERCEPTOR_FIRE.finditer(text)]
    aircraft = [m.span() for m in _COALITION_AIRCRAFT.finditer(text)]
    return [m.span() for m in _DEFENCE_NAME.finditer(text)] + purposes + aircraft


def find_weapons(text: str) -> list[WeaponMention]:
    out: list[WeaponMention] = []
    found = list(_WEAPON.finditer(text))
    defences = defence_spans(text) if found else []
    for m in found:
        if any(a <= m.start() < b for a, b in defences):
            continue
        i = int(m.lastgroup[1:])  # type: ignore[index]  # every alternative of _WEAPON is a named group
        category = _VOCAB[i][0]
        generic = category == "missile" and i == len(_VOCAB) - 1
        prev = out[-1] if out else None
        if prev and prev.category == category and re.fullmatch(r"[\s-]?", text[prev.end : m.start()]):
            # "Katyusha rockets" is one mention
            out[-1] = WeaponMention(category, prev.start, m.end(), text[prev.start : m.end()], prev.generic and generic)
            continue
        out.append(WeaponMention(category, m.start(), m.end(), m.group(0), generic))
    return _missiles_beside_drones(text, out)


# What may stand between two nouns of one list: "missiles and drones", "12 missiles and 40 attack drones", "30 drones
# and two missiles"
_LISTED_WITH = prefilter.compile(
    r"\s*(?:,\s*)?(?:and|or|as\s+well\s+as)\s+(?:(?:\d[\d,]*|[a-z]+)\s+)?(?:[\w-]+\s+)?", re.I
)


def _missiles_beside_drones(text: str, mentions: list[WeaponMention]) -> list[WeaponMention]:
    """A bare 'missiles' listed with drones is a weapon of its own: a drone is never called a missile, as a rocket
    often is ("fired drones and missiles", "30 drones and two missiles")."""
    out = list(mentions)
    for i, (a, b) in enumerate(pairwise(mentions)):
        if {a.category, b.category} != {"missile", "drone"} or not _LISTED_WITH.fullmatch(text, a.end, b.start):
            continue
        for j, m in ((i, a), (i + 1, b)):
            if m.generic:
                out[j] = WeaponMention(m.category, m.start, m.end, m.text, False)
    return out


def categories(mentions: list[WeaponMention]) -> tuple[str, ...]:
    """The incident's weapon set. A bare 'missile' beside a rocket/drone/mortar is that weapon, not a second one;
    shells of no told kind beside a weapon that is told are of that weapon."""
    specific = {m.category for m in mentions if not m.generic}
    cats = set(specific)
    if any(m.generic for m in mentions) and not specific & {"rocket", "drone", "mortar"}:
        cats.add("missile")
    if cats - {"unknown"}:
        cats.discard("unknown")  # "rocket shells", "rockets ... and shells": the shells are of the kind told
    if not cats:
        return ("unknown",)
    return tuple(c for c in CATEGORIES if c in cats)
