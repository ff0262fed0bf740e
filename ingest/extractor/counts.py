"""Figures in one sentence: projectiles launched and intercepted, people killed and injured.

Best/low/high rule (one rule for every count): ``best`` is the HIGHEST figure any report gives,
``low`` the lowest, ``high`` the highest. Lower figures in wire copy are nearly always partial
(the rockets that landed inside the base, the casualties confirmed so far), so the highest
figure is the fullest account; every report is kept with its attribution for review.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from incidents.counts import best_low_high  # noqa: F401  (the one rule; assemble.py reads it here)
from ingest.extractor.numbers import UNITS, VAGUE, NumberMention, find_numbers
from ingest.extractor.weapons import WeaponMention

_PERSON = (
    r"(?:soldiers?|troops?|service\s?members?|servicemembers?|servicemen|personnel|contractors?|people|persons?|"
    r"civilians?|fighters?|Americans?|members?|reservists?|guards?|employees?|workers?|staff(?:ers)?|marines?|sailors?|"
    r"airmen|individuals?|commandos?|officers?|others?|victims?|militants?)"
)
_KILL = r"(?:killed|dead|died|slain)"
_WOUND = r"(?:wounded|injured|hurt)"
# words between a number and its noun; a reporting verb or a relative pronoun ends the phrase ("One of the
# officials said five service members were wounded": five, not one)
_ADJ = (
    r"(?:(?!(?:said|says|told|added|reported|stated|that|who|which|killing|injuring|wounding)\b)"
    r"[\w.'\u2019-]+\s+){0,5}?"
)
NOUN_MODIFIER = re.compile(
    r"^\s*(?:attacks?|strikes?|assaults?|barrages?|launch\w*|salvos?|fire|threat|operators?|units?|team|blasts?"
    r"|explosions?|bombings?|incidents?|warfare|programs?|sightings?|debris)\b",
    re.I,
)
# Interception verbs: "shot down", "struck down", "brought down", "intercepted", "destroyed", "thwarted", "neutralised".
_STOP = (
    r"(?:(?:shot|struck|brought|knocked|taken|took)\s+down|intercepted|downed|destroyed|diverted|thwarted"
    r"|neutrali[sz]ed)"
)
# "three drones [directed towards the base] were destroyed": the subject's own verb, however long the subject,
# as long as no other clause starts in between ("two drones were launched and one was shot down": not 2)
_INTERCEPTED = re.compile(
    r"^(?:(?!\b(?:and|but|while|whereas|which|that|who|was|were|had|have|being)\b)[^.;,]){0,120}?"
    rf"\b(?:was|were|had been|have been|being)\s+(?:\w+\s+)?[\"'\u201c]?{_STOP}",
    re.I,
)
_INTERCEPT_OF = re.compile(
    rf"^\s*of\s+(?:which|them|these|those|the\s+\w+)\s+(?:were|was|had been)?\s*(?:\w+\s+)?{_STOP}",
    re.I,
)
_OTHERS = re.compile(r"\b(?:another|a second|the other|the rest|remaining|others)\b", re.I)
_INTERCEPT_VERB = re.compile(rf"{_STOP}\s+(?:at least\s+)?$", re.I)
_ZERO_BOTH = re.compile(
    r"\bno\s+(?:immediate\s+|reported\s+|reports?\s+of\s+|word\s+of\s+|signs?\s+of\s+)?(?:(?:material\s+)?(?:damage|damages)\s+(?:or|and)\s+)?"
    r"(?:casualties|causalities)\b|\bdid(?:\s+not|n't)\s+(?:cause|result\s+in|inflict|lead\s+to|leave)\s+(?:any\s+)?(?:casualties|causalities)"
    r"|\bwithout\s+(?:causing\s+|leaving\s+|resulting\s+in\s+|inflicting\s+)?(?:any\s+)?(?:human\s+(?:or\s+|and\s+material\s+)?(?:material\s+)?)?(?:casualties|causalities)|\bcaus(?:ing|ed)\s+no\s+(?:casualties|causalities)"
    r"|\bzero\s+casualties\b"
    # "no injuries, deaths or damage": a list naming both
    r"|\bno\s+(?:injur(?:y|ies)(?:\s*,\s*|\s+or\s+|\s+and\s+)(?:or\s+|and\s+)?(?:deaths|fatalities)"
    r"|(?:deaths|fatalities)(?:\s*,\s*|\s+or\s+|\s+and\s+)(?:or\s+|and\s+)?injur(?:y|ies))\b"
    r"|\bno\s+(?:[\w.-]+\s+(?:or\s+|and\s+)?){0,3}?(?:one|personnel|troops?|soldiers|people|persons?|Americans?)\s+(?:was|were)\s+(?:killed\s+or\s+(?:injured|wounded|hurt)"
    r"|(?:injured|wounded|hurt)\s+or\s+killed|harmed)",
    re.I,
)
_ZERO_INJURED = re.compile(
    r"\bno\s+(?:immediate\s+|reported\s+|reports?\s+of\s+)?injur(?:y|ies)\b|\b(?:nobody|no\s+(?:[\w.-]+\s+(?:or\s+|and\s+)?){0,3}?(?:one|personnel|troops?|soldiers|people|persons?|"
    r"Americans?))\s+(?:was|were)\s+(?:\w+\s+)?(?:injured|wounded|hurt)|\bdid(?:\s+not|n't)\s+(?:cause|result\s+in|inflict)\s+"
    r"(?:any\s+)?injur(?:y|ies)|\bwithout\s+(?:causing\s+)?(?:any\s+)?injur(?:y|ies)",
    re.I,
)
_ZERO_KILLED = re.compile(r"\bno\s+(?:deaths|fatalities|one\s+was\s+killed)\b", re.I)


@dataclass(frozen=True)
class Figure:
    field: str  # launched | intercepted | killed | injured
    value: int
    start: int  # offsets within the sentence
    end: int


def _usable(n: NumberMention, text: str, *, allow_article: bool) -> bool:
    if n.text.lower() in {"a", "an"} and not allow_article:
        return False
    if n.text.lower() == "no":
        return False
    before = text[max(0, n.start - 12) : n.start].lower()
    after = text[n.end : n.end + 12].lower()
    if re.search(r"\b(?:of|per|than)\s*$", before) and "at least" not in before:
        return False
    if re.match(
        r"\s*(?:%|percent|km|kilomet|mile|meter|metre|am|pm|a\.m|p\.m|years?|months?|days?|hours?|minutes?)", after
    ):
        return False
    return not re.match(r"\s*(?:other|more|additional)\b", after)


# "One of the drones was shot down", "two of the rockets were intercepted"
_PARTITIVE_INTERCEPT = re.compile(
    r"\s+of\s+(?:the|them|these|those)\s+(?:[\w-]+\s+){0,3}?(?P<w>[\w-]+)\s+(?:was|were|had been|have been)\s+"
    rf"(?:\w+\s+)?{_STOP}",
    re.I,
)
# "there was no effort to shoot down the drone", "none were intercepted", "was not intercepted"
_NONE_INTERCEPTED = re.compile(
    r"\bno\s+(?:effort|attempt|bid)\s+(?:was made\s+)?to\s+(?:shoot|bring)\s+down|\bno\s+attempt\s+to\s+intercept"
    r"|\bnone\s+(?:of\s+them\s+)?(?:was|were)\s+(?:shot down|intercepted)"
    r"|\b(?:was|were)\s+not\s+(?:shot down|intercepted)"
    r"|\bfailed\s+to\s+(?:intercept|shoot\s+down)",
    re.I,
)


_PROJECTILE = r"(?:drones?|rockets?|missiles?|uavs?|uas|projectiles?|katyushas?|mortars?|shells?)"
# "13 were destroyed by air defences" after "15 rockets": the noun left out
_ELLIPTIC_INTERCEPT = re.compile(
    rf"(?<![\w.,-])(?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:of\s+them\s+)?"
    rf"(?:were|had\s+been|have\s+been)\s+(?:\w+\s+)?[\"'\u201c]?{_STOP}",
    re.I,
)
# An interception that names no number but takes in every projectile of the attack: "shot them down",
# "the two drones were downed", "intercepted it", "the drone was shot down". Value 1 = singular, 0 = all.
_ALL_INTERCEPTED = re.compile(
    r"\b(?:shot|brought|took|knocked)\s+(?P<a>them|it|both)\s+down\b"
    rf"|\b(?:{_STOP}|brought\s+down)\s+(?P<b>them|it|both(?:\s+of\s+them)?|all\s+(?:of\s+)?(?:them|the\s+\w+)"
    rf"|the\s+(?:[\w-]+\s+){{0,2}}?{_PROJECTILE})(?![\w-])"
    # "the drone targeting al-Harir was intercepted": a short participial phrase may follow the noun
    rf"|\b(?P<c>they|both|all|the\s+(?:[\w-]+\s+){{0,2}}?{_PROJECTILE})"
    r"(?:\s+(?:targeting|aimed\s+at|heading\s+(?:for|to|toward)|directed\s+at|fired\s+at|launched\s+at)\s+(?:the\s+)?"
    r"[\w-]+(?:\s+(?:air\s+)?base)?)?\s+(?:were|was|had\s+been|have\s+been)\s+"
    rf"(?:\w+\s+)?[\"'\u201c]?(?:{_STOP}|brought\s+down)",
    re.I,
)
_PARTIAL = re.compile(r"\b(?:another|the other|the rest|remaining|others|one of|some of|most of|a second)\b", re.I)
# "shot down all but one of the rockets", "intercepted most of the drones except for two": every projectile less
# the exceptions (a marker figure ``intercepted_except`` holding the number left out; assembly subtracts it)
_ALL_BUT = re.compile(
    rf"\b(?:{_STOP}|brought\s+down)\s+(?:all|most|every\s+one)\s+(?:of\s+)?(?:the\s+|them\b)?(?:[\w-]+\s+){{0,2}}?"
    rf"(?:{_PROJECTILE}\s+)?(?:except\s+(?:for\s+)?|but\s+|save\s+)(?P<n>one|two|three|four|five|\d+|a\s+single)\b"
    rf"|\b(?:all|every\s+one)\s+but\s+(?P<m>one|two|three|four|five|\d+)\s+of\s+(?:the\s+|them\b)(?:[\w-]+\s+){{0,2}}?"
    rf"(?:{_PROJECTILE}\s+)?(?:were|was|had\s+been|have\s+been)\s+(?:\w+\s+)?{_STOP}",
    re.I,
)


def implicit_intercepts(text: str, weapons: list[WeaponMention]) -> list[Figure]:
    """'13 were destroyed' -> 13; 'shot them down', 'the drone was downed' -> every projectile of the attack
    (a marker figure ``intercepted_all``: 1 when singular, 0 for all of them; assembly takes the launch count)."""
    out: list[Figure] = []
    but = _ALL_BUT.search(text) if weapons else None
    if but:
        nums = find_numbers((but.group("n") or but.group("m")).replace("a single", "one"))
        if nums:
            return [Figure("intercepted_except", nums[0].value, but.start(), but.end())]
    for m in _ELLIPTIC_INTERCEPT.finditer(text) if weapons else ():
        if any(w.end <= m.start() for w in weapons):
            nums = find_numbers(m.group("n"))
            if nums:
                out.append(Figure("intercepted", nums[0].value, m.start(), m.end()))
    if out or _PARTIAL.search(text):
        return out
    m = _ALL_INTERCEPTED.search(text)
    if m:
        word = (m.group("a") or m.group("b") or m.group("c") or "").lower()
        singular = word == "it" or (word.startswith("the ") and not word.endswith("s"))
        out.append(Figure("intercepted_all", 1 if singular else 0, m.start(), m.end()))
    return out


def partitive_intercepts(text: str, weapons: list[WeaponMention], numbers: list[NumberMention]) -> list[Figure]:
    """'One of the drones was shot down' -> intercepted 1; 'no effort to shoot down the drone' -> 0."""
    out: list[Figure] = []
    for n in numbers:
        m = _PARTITIVE_INTERCEPT.match(text, n.end)
        if m and n.text.lower() not in {"a", "an", "no"} and any(w.start <= m.start("w") < w.end for w in weapons):
            out.append(Figure("intercepted", n.value, n.start, m.end()))
    m = _NONE_INTERCEPTED.search(text)
    if m and not out and weapons:
        out.append(Figure("intercepted", 0, m.start(), m.end()))
    return out


# "a rocket and drone attack": a weapon coordinated with another that modifies the attack noun
_COORDINATED_MODIFIER = re.compile(
    rf"^\s*(?:,|and|or|/)\s*(?:[\w-]+\s+){{0,2}}?{_PROJECTILE}\s+(?:attacks?|strikes?|assaults?|barrages?|fire)\b", re.I
)
# "shot down one rocket and the other struck a storage facility": one and the other are two
_ONE_AND_THE_OTHER = re.compile(
    rf"\bone\s+(?:of\s+the\s+)?(?:[\w-]+\s+)?(?P<w>{_PROJECTILE})\b[^.;]{{0,80}}?\b(?:the\s+other|the\s+second)\b(?!\s+\w+\s+(?:attack|strike))",
    re.I,
)


def one_and_the_other(text: str) -> list[Figure]:
    m = _ONE_AND_THE_OTHER.search(text)
    return [Figure("launched", 2, m.start(), m.end())] if m else []


def projectile_figures(text: str, weapons: list[WeaponMention], numbers: list[NumberMention]) -> list[Figure]:
    out: list[Figure] = []
    for w in weapons:
        tail = text[w.end : w.end + 40]
        # "three rockets, two of which were shot down" / "two of them were intercepted"
        for n in numbers:
            fresh = not any(f.field == "intercepted" and f.start == n.start for f in out)
            if fresh and w.end <= n.start <= w.end + 60 and _INTERCEPT_OF.match(text[n.end :]):
                out.append(Figure("intercepted", n.value, n.start, n.end))
        # the number right before the weapon noun, adjectives allowed between ("two Katyusha rockets")
        best = None
        for n in numbers:
            if n.end <= w.start and w.start - n.end <= 40:
                between = text[n.end : w.start]
                if re.fullmatch(r"[\s-]*(?:[\w\u2019'.-]+[\s-]+){0,3}", between) and not re.search(
                    r"\b(?:of|which|and|or|were|was|the|by|at|on|in|to|from|with|than)\b", between, re.I
                ):
                    best = n
        if best is None or not _usable(best, text, allow_article=True):
            if best is not None and best.text.lower() in VAGUE:
                continue
            m = _INTERCEPT_VERB.search(text[max(0, w.start - 40) : w.start])
            if m is None:
                continue
        if best is None:
            continue
        if best.text.lower() in {"a", "an", "single", "lone"} and (
            NOUN_MODIFIER.match(tail) or re.search(r"\bsuch\s*$", text[: best.start])
        ):
            continue
        if NOUN_MODIFIER.match(tail) or _COORDINATED_MODIFIER.match(tail):
            continue  # "two drone attacks" counts attacks, not the drones fired in them
        if _INTERCEPTED.match(text[w.end : w.end + 140]) or _INTERCEPT_VERB.search(
            text[max(0, best.start - 40) : best.start]
        ):
            out.append(Figure("intercepted", best.value, best.start, w.end))
            # "shot down two drones", "three drones ... were destroyed": that many were launched - unless others
            # are told apart ("one drone was shot down, but another hit")
            if not _OTHERS.search(text):
                out.append(Figure("launched", best.value, best.start, w.end))
        else:
            out.append(Figure("launched", best.value, best.start, w.end))
    return out


_VAGUE_ARTICLE = re.compile(
    r"\s*(?:at\s+least\s+)?(?:a|an)\s+(?:small\s+|large\s+|great\s+|limited\s+)?(?:number|lot|handful|few|couple|host|series)\b",
    re.I,
)


_SUBSET = re.compile(r"\s*(?:including\b|among\s+them\b|[\w-]+\s+of\s+(?:them|whom|those|these)\b)", re.I)


def _sum_list(phrase: str) -> int | None:
    """'five U.S. service members and one contractor' -> 6; None when a part is vague."""
    total = 0
    found = False
    for part in re.split(r",\s*(?:and\s+)?|\s+and\s+", phrase):
        if _SUBSET.match(part):
            continue  # "five Americans, one of them a service member": already counted
        if _VAGUE_ARTICLE.match(part):
            return None  # "a number of soldiers": no count
        nums = [n for n in find_numbers(part) if n.text.lower() != "no"]
        if not nums:
            if re.search(rf"\b{_PERSON}\b", part, re.I) and re.search(
                r"\b(?:several|dozens|many|multiple|some)\b", part, re.I
            ):
                return None
            continue
        n = nums[0]
        if not re.search(rf"\b{_PERSON}\b", part, re.I):
            continue
        total += n.value
        found = True
    return total if found else None


_NUM_WORDS = "|".join(sorted((w for w in UNITS if w not in {"no", "zero"}), key=len, reverse=True))
_NUMTOK = rf"(?:at\s+least\s+|about\s+|around\s+|some\s+|nearly\s+|up\s+to\s+|approximately\s+)?(?:\d[\d,]*|a\s+dozen|(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[\s-]?)?(?:{_NUM_WORDS})|twenty|thirty|forty|fifty)"  # noqa: E501
_PASSIVE = {
    field: re.compile(
        rf"(?<![\w-])(?P<list>{_NUMTOK}\s+{_ADJ}{_PERSON}(?:(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+){_NUMTOK}\s+{_ADJ}{_PERSON})*)"
        rf"(?:\s+(?:of|from|with|at|in)\s+(?:the\s+)?[\w.'\u2019-]+){{0,2}}\s+(?:(?:were|was|have\s+been|has\s+been|had\s+been|got|being|are|is)\s+)?"
        rf"(?:\w+ly\s+)?{verb}\b",
        re.I,
    )
    for field, verb in (("killed", _KILL), ("injured", _WOUND))
}
_ACTIVE = {
    field: re.compile(
        rf"\b{verb}\s+[\"\u201c]?(?P<list>{_NUMTOK}\s+{_ADJ}{_PERSON}(?:(?:\s*,\s*|\s+and\s+){_NUMTOK}\s+{_ADJ}{_PERSON})*)",
        re.I,
    )
    for field, verb in (
        ("killed", r"(?:killing|killed|kills)"),
        ("injured", r"(?:wounding|wounded|injuring|injured|wounds|injures)"),
    )
}
_WITH_INJURIES = re.compile(
    rf"(?P<list>{_NUMTOK}\s+{_ADJ}{_PERSON})\s+(?:\w+\s+){{0,2}}?(?:with|suffered|sustained|sustaining|suffering|received)\s+(?:\w+\s+){{0,2}}?(?:injuries|wounds|traumatic brain)",  # noqa: E501
    re.I,
)
_SINGULAR = (
    r"(?:soldier|service\s?member|servicemember|serviceman|contractor|civilian|American|member|reservist|guard|"
    r"employee|worker|marine|sailor|airman|officer|person|individual)"
)
_ONE_PERSON = {
    field: re.compile(
        rf"(?<![\w-])(?P<list>(?:a|an|one)\s+(?:[\w.'\u2019-]+\s+){{0,3}}?{_SINGULAR})\s+(?:[\w-]+\s+){{0,3}}?"
        rf"(?:was|has|had|got)\s+(?:\w+ly\s+)?(?:been\s+)?(?:\w+ly\s+)?{verb}\b"
        rf"|\b{active}\s+(?P<list2>(?:a|an|one)\s+(?:[\w.'\u2019-]+\s+){{0,3}}?{_SINGULAR})\b",
        re.I,
    )
    for field, verb, active in (
        ("killed", _KILL, r"(?:killing|killed)"),
        ("injured", _WOUND, r"(?:wounding|injuring|wounded|injured)"),
    )
}
# "a member of the coalition forces received minor injuries": one person
_ONE_WITH_INJURIES = re.compile(
    rf"(?<![\w-])(?:a|an|one)\s+(?:[\w.'\u2019-]+\s+){{0,3}}?{_SINGULAR}(?:\s+(?:of|at|in|from)\s+(?:[\w.'\u2019-]+\s+){{0,3}}?[\w.'\u2019-]+)?"
    r"\s+(?:\w+ly\s+)?(?:received|suffered|sustained)\s+(?:\w+\s+){0,2}?(?:injur(?:y|ies)|wounds?)\b",
    re.I,
)
# "killed three soldiers, and at least 34 were injured": the noun left out after a casualty list
_ELLIPTIC = {
    field: re.compile(
        rf"(?:,\s*(?:and\s+|while\s+)?|\s+(?:and|while)\s+)(?P<n>{_NUMTOK})\s+(?:more\s+)?(?:were|have\s+been|had\s+been)\s+"
        rf"(?:\w+ly\s+)?{verb}\b",
        re.I,
    )
    for field, verb in (("killed", _KILL), ("injured", _WOUND))
}
# "... but it did not occur during one of the attacks": a death or injury the attack did not cause
_NOT_CAUSED = re.compile(
    r"\b(?:did\s+not|didn't|was\s+not|wasn't|were\s+not)\s+(?:occur|happen|take\s+place|result\s+from|caused\s+by)"
    r"|\bnot\s+(?:related|linked|connected|due)\s+to\s+(?:the\s+|an?\s+|any\s+)?(?:\w+\s+)?(?:attacks?|strikes?)"
    r"|\bunrelated\s+to\b",
    re.I,
)
# "resulting in at least one death", "causing two deaths"
_N_DEATHS = re.compile(
    rf"\b(?:resulting\s+in|result\w*\s+in|causing|caused|leaving|left)\s+(?P<n>{_NUMTOK})\s+deaths?\b", re.I
)
_DEATHS_OF = re.compile(rf"\bdeaths?\s+of\s+(?P<list>{_NUMTOK}\s+{_ADJ}{_PERSON})", re.I)


# "a girl and a woman were injured", "wounding a soldier and two contractors": each coordinated singular
# human noun is one person, a numbered plural its number
_HUMAN_ONE = _SINGULAR + r"|girl|boy|woman|man|child|policeman|translator|interpreter|resident|passer-?by"
_ONE_OR_MORE = (
    rf"(?:(?:a|an|one)\s+(?:[\w.'\u2019-]+\s+){{0,2}}?(?:{_HUMAN_ONE})"
    rf"|{_NUMTOK}\s+(?:[\w.'\u2019-]+\s+){{0,2}}?{_PERSON})"
)
_COORD_LIST = rf"(?P<list>{_ONE_OR_MORE}(?:\s*,\s*{_ONE_OR_MORE})*\s*,?\s+and\s+{_ONE_OR_MORE})"
_COORDINATED = {
    field: re.compile(
        rf"(?<![\w-]){_COORD_LIST}\s+(?:were|have\s+been|had\s+been|got)\s+(?:\w+ly\s+)?{verb}\b"
        rf"|\b{active}\s+{_COORD_LIST.replace('<list>', '<list2>')}(?![\w-])",
        re.I,
    )
    for field, verb, active in (
        ("killed", _KILL, r"(?:killing|killed)"),
        ("injured", _WOUND, r"(?:wounding|injuring|wounded|injured)"),
    )
}


def coordinated_count(phrase: str) -> int | None:
    """'a girl and a woman' -> 2; 'a soldier and two contractors' -> 3; None without an 'a'/'an' part."""
    parts = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", phrase)
    if not any(re.match(r"(?:a|an)\s", p, re.I) for p in parts):
        return None  # numbered lists are _PASSIVE/_ACTIVE's
    total = 0
    for part in parts:
        if re.match(r"(?:a|an|one)\s", part, re.I):
            total += 1
        else:
            nums = [n for n in find_numbers(part) if n.text.lower() != "no"]
            if not nums:
                return None
            total += nums[0].value
    return total


# "killing one and injuring two soldiers": the noun told once for both figures
_SHARED_NOUN = re.compile(
    rf"\b(?P<v1>killing|wounding|injuring)\s+(?P<n1>{_NUMTOK})\s+(?:people\s+)?(?:and|while)\s+"
    rf"(?P<v2>killing|wounding|injuring)\s+(?P<n2>{_NUMTOK})\s+{_ADJ}{_PERSON}",
    re.I,
)
# The attacked side of a strike: militants killed are never a militia attack's casualties
_ATTACKED_SIDE = re.compile(
    r"\b(?:militants?|militiam[ae]n|insurgents?|terrorists?|(?:militia|Hezbollah|Kataib|group)\s+(?:fighters|members))\b",
    re.I,
)
# a casualty figure told in the clause of an airstrike ("airstrikes on a militia, killing one")
_AIRSTRIKE = re.compile(
    r"\b(?:air\s?strikes?|air\s?raids?|retaliatory\s+strikes?|(?:U\.?S\.?|American)\s+strikes?)\b", re.I
)
_MILITIA_ATTACK = re.compile(r"\b(?:rockets?|drones?|mortars?|missiles?|attack(?:ed|s)?\s+on|targeted|bases?)\b", re.I)


def of_the_attacked_side(text: str, f: Figure) -> bool:
    """A casualty figure naming militants, or told in an airstrike's clause (an airstrike before it in the
    sentence, no militia weapon or attack between them): the other event's toll."""
    if f.field not in {"killed", "injured"} or f.value == 0:
        return False
    if _ATTACKED_SIDE.search(text, f.start, f.end):
        return True
    strikes = [m for m in _AIRSTRIKE.finditer(text) if m.end() <= f.start]
    return bool(strikes) and not _MILITIA_ATTACK.search(text, strikes[-1].end(), f.start)


# Every casualty pattern below needs one of these words; most sentences have none (speed).
_CASUALTY_WORD = re.compile(r"kill|dead|die|deaths?|slain|wound|injur|hurt|casualt|causalit|fatalit|harmed", re.I)


def casualty_figures(text: str) -> list[Figure]:
    if not _CASUALTY_WORD.search(text):
        return []
    out: list[Figure] = []
    seen: set[tuple[str, int]] = set()

    def add(field: str, m: re.Match[str]) -> None:
        value = _sum_list(m.group("list"))
        if value is None or (field, m.start("list")) in seen:
            return
        seen.add((field, m.start("list")))
        out.append(Figure(field, value, m.start(), m.end()))

    for field in ("killed", "injured"):
        for m in _PASSIVE[field].finditer(text):
            add(field, m)
        for m in _ACTIVE[field].finditer(text):
            add(field, m)
    for m in _SHARED_NOUN.finditer(text):
        for v, n in (("v1", "n1"), ("v2", "n2")):
            field = "killed" if m.group(v).lower() == "killing" else "injured"
            nums = [x for x in find_numbers(m.group(n)) if x.text.lower() != "no"]
            if nums and (field, m.start(n)) not in seen:
                seen.add((field, m.start(n)))
                out = [f for f in out if not (f.field == field and f.start <= m.start(n) < f.end)]
                out.append(Figure(field, nums[-1].value, m.start(n), m.end()))
    for field in ("killed", "injured"):
        for m in _COORDINATED[field].finditer(text):
            group = "list" if m.group("list") else "list2"
            value = coordinated_count(m.group(group))
            if value is None:
                continue
            # the coordinated reading replaces a partial one of the same phrase ("an airman and a contractor")
            overlap = [f for f in out if f.field == field and f.start < m.end(group) and f.end > m.start(group)]
            if all(f.value <= value for f in overlap):
                out = [f for f in out if f not in overlap]
                seen.add((field, m.start(group)))
                out.append(Figure(field, value, m.start(), m.end()))
    for m in _WITH_INJURIES.finditer(text):
        add("injured", m)
    for m in _DEATHS_OF.finditer(text):
        add("killed", m)
    for m in _N_DEATHS.finditer(text):
        nums = [n for n in find_numbers(m.group("n")) if n.text.lower() != "no"]
        if nums:
            out.append(Figure("killed", nums[-1].value, m.start(), m.end()))
    for field in ("killed", "injured"):
        for m in _ONE_PERSON[field].finditer(text):
            phrase = m.group("list") or m.group("list2")
            if re.match(r"(?:a|an)\s+(?:\w+\s+)?(?:number|lot|handful|few|couple|dozen)\b", phrase, re.I):
                continue
            key = (field, m.start())
            if key not in seen and not any(f.field == field and f.start <= m.start() < f.end for f in out):
                seen.add(key)
                out.append(Figure(field, 1, m.start(), m.end()))
    for m in _ONE_WITH_INJURIES.finditer(text):
        if not any(f.field == "injured" and f.start <= m.start() < f.end for f in out):
            out.append(Figure("injured", 1, m.start(), m.end()))
    if out:  # only beside a casualty figure with its noun
        for field in ("killed", "injured"):
            for m in _ELLIPTIC[field].finditer(text):
                nums = [n for n in find_numbers(m.group("n")) if n.text.lower() != "no"]
                if nums and not any(f.field == field and f.start <= m.start("n") < f.end for f in out):
                    out.append(Figure(field, nums[-1].value, m.start("n"), m.end()))
    out = [f for f in out if not of_the_attacked_side(text, f)]
    if _NOT_CAUSED.search(text):
        out = [f for f in out if f.value == 0]
    if _ZERO_BOTH.search(text):
        m = _ZERO_BOTH.search(text)
        out.append(Figure("killed", 0, m.start(), m.end()))
        out.append(Figure("injured", 0, m.start(), m.end()))
    else:
        for field, pattern in (("injured", _ZERO_INJURED), ("killed", _ZERO_KILLED)):
            m = pattern.search(text)
            if m:
                out.append(Figure(field, 0, m.start(), m.end()))
    return out


def sentence_figures(text: str, weapons: list[WeaponMention]) -> list[Figure]:
    """All figures stated in one sentence (offsets relative to it)."""
    numbers = [n for n in find_numbers(text) if not any(w.start <= n.start < w.end for w in weapons)]
    partitive = partitive_intercepts(text, weapons, numbers)
    projectile = [
        f for f in projectile_figures(text, weapons, numbers) if not any(p.start == f.start for p in partitive)
    ]
    implicit = []
    if not any(f.field == "intercepted" for f in partitive + projectile):
        implicit = implicit_intercepts(text, weapons)
    if not any(f.field == "launched" for f in projectile):
        projectile += one_and_the_other(text)
    return partitive + projectile + implicit + casualty_figures(text)
