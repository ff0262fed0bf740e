"""Projectile figures in one sentence: how many were launched and how many intercepted.

People killed and injured are read by ``casualties``; ``sentence_figures`` gathers both. Every figure is kept
as a report; best/low/high come from the one rule in ``incidents.counts``.
"""

from __future__ import annotations

import re

from incidents.counts import best_low_high  # noqa: F401  (the one rule; assemble.py reads it here)
from ingest.extractor import prefilter, vocabulary
from ingest.extractor.casualties import casualty_figures
from ingest.extractor.dates import MONTHS
from ingest.extractor.numbers import VAGUE, NumberMention, find_numbers, numerals
from ingest.extractor.types import Figure
from ingest.extractor.vocabulary import words
from ingest.extractor.weapons import WeaponMention

NOUN_MODIFIER = prefilter.compile(
    r"^\s*(?:attacks?|strikes?|assaults?|barrages?|launch(?:es|ers?)?|salvos?|fire|threat|operators?|units?|team|blasts?"
    r"|explosions?|bombings?|incidents?|warfare|programs?|sightings?|debris)\b",
    re.I,
)
# Interception verbs ("shot down", "intercepted", "neutralised"): vocabulary.INTERCEPTION_VERBS
_STOP = words(vocabulary.INTERCEPTION_VERBS)
# "three drones [directed towards the base] were destroyed": the subject's own verb, however long the subject,
# as long as no other clause starts in between ("two drones were launched and one was shot down": not 2)
# (an apposition between commas may stand in the subject: "a drone, identified as armed, was intercepted")
_NOT_ANOTHER_CLAUSE = r"(?!\b(?:and|but|while|whereas|which|that|who|was|were|had|have|being)\b)"
_INTERCEPTED = prefilter.compile(
    rf"^(?:{_NOT_ANOTHER_CLAUSE}[^.;,]|,(?:{_NOT_ANOTHER_CLAUSE}[^.;,]){{1,40}},){{0,120}}?"
    rf"\b(?:was|were|had been|have been|being)\s+(?:\w+\s+)?[\"'\u201c]?{_STOP}",
    re.I,
)
# "Two drones attacked on Monday a military base near the airport and were shot down": a second predicate of the
# same subject, the counted projectiles ("Three rockets were fired at the base and were intercepted"); no subject of
# its own after the conjunction, no relative or contrasting clause between
_INTERCEPTED_TOO = prefilter.compile(
    r"^(?:(?!\b(?:which|that|who|while|whereas)\b)[^.;,]){1,120}?"
    rf"\b(?:and|but)\s+(?:were|had\s+been|have\s+been)\s+(?:\w+\s+)?[\"'\u201c]?{_STOP}",
    re.I,
)
_INTERCEPT_OF = prefilter.compile(
    rf"^\s*of\s+(?:which|them|these|those|the\s+\w+)\s+(?:were|was|had been)?\s*(?:\w+\s+)?{_STOP}",
    re.I,
)
_OTHERS = prefilter.compile(r"\b(?:another|a second|the other|the rest|remaining|others)\b", re.I)
# "intercepted two drones" and its noun: "the interception (and destruction) of a drone"; where, between the verb and
# its object ("shot down in Syria's northeast a drone", "downed over Erbil two drones")
_INTERCEPT_VERB = prefilter.compile(
    rf"(?:{_STOP}(?:\s+(?:in|over|near|above)\s+(?:[\w'\u2019-]+\s+){{0,2}}[\w'\u2019-]+)?"
    r"|\binterception\s+(?:and\s+(?:the\s+)?\w+\s+)?of)\s+(?:at least\s+)?$",
    re.I,
)


# A number of something else: a measure or a time ("107 mm", "5 km", "10 pm", "three days")
_UNIT = prefilter.compile(
    r"\s*-?\s*(?:%|percent|mm\b|millimet|km|kilomet|mile|meter|metre|am|pm|a\.m|p\.m|years?|months?|days?|hours?|"
    r"minutes?)",
    re.I,
)


# The day of a date, not a count: "Dec. 3 rockets hit the base", "OCT. 18 - two drones ..." (``before`` is lowered;
# "On 3 December three rockets ...": a number in words after the month counts)
_MONTH_BEFORE = prefilter.compile(rf"\b{words(MONTHS)}\.?\s*$")


# The whole a sentence's part is taken from, opening it: "Of 14 rockets fired", "Out of 14 rockets"
_WHOLE_OF = prefilter.compile(r"\s*(?:out\s+)?of\s+", re.I)


def _usable(n: NumberMention, text: str, *, allow_article: bool) -> bool:
    if n.text.lower() in {"a", "an"} and not allow_article:
        return False
    if n.text.lower() == "no":
        return False
    before = text[max(0, n.start - 12) : n.start].lower()
    after = text[n.end : n.end + 12].lower()
    # "two of the rockets", "one per day", "more than" - but "a barrage of eight rockets" counts them
    quantity = re.search(r"\b(?:barrage|salvo|volley|total|wave|series|swarm)\s+of\s*$", before)
    # "the interception of a drone" is a count of the drones stopped
    stopped = _INTERCEPT_VERB.search(text[max(0, n.start - 40) : n.start])
    # "more than 20 rockets" is a lower bound, read as 20 like "at least 20"
    bound = "at least" in before or re.search(r"\bmore\s+than\s*$", before)
    # "Of 14 rockets fired, three hit the airport": a sentence opening with "of" gives the whole
    whole = _WHOLE_OF.fullmatch(text, 0, n.start)
    if re.search(r"\b(?:of|per|than)\s*$", before) and not (bound or quantity or stopped or whole):
        return False
    if _UNIT.match(after) or (n.text.isdigit() and _MONTH_BEFORE.search(before)):
        return False
    return not re.match(r"\s*(?:other|more|additional)\b", after)


# "One of the drones was shot down", "two of the rockets were intercepted"; the whole may be counted and its
# launch told by a participle ("three of the seven rockets fired were intercepted": seven launched, three stopped)
_PARTITIVE_INTERCEPT = prefilter.compile(
    r"\s+of\s+(?:the|them|these|those)\s+(?:[\w-]+\s+){0,3}?(?P<w>[\w-]+)"
    # ("three of the nine rockets launched at the base on Thursday were intercepted": the participle's phrase, no other
    # clause in it)
    rf"(?:\s+(?:fired|launched)\b(?:{_NOT_ANOTHER_CLAUSE}[^.;,]){{0,60}}?)?"
    r"\s+(?:was|were|had been|have been)\s+"
    rf"(?:\w+\s+)?{_STOP}",
    re.I,
)
# "there was no effort to shoot down the drone", "none were intercepted", "was not intercepted", "did not intercept"
_NONE_INTERCEPTED = prefilter.compile(
    r"\bno\s+(?:effort|attempt|bid)\s+(?:was made\s+)?to\s+(?:shoot|bring)\s+down|\bno\s+attempt\s+to\s+intercept"
    r"|\bnone\s+(?:of\s+them\s+)?(?:was|were)\s+(?:shot down|intercepted)"
    r"|\b(?:was|were)\s+not\s+(?:shot down|intercepted)"
    r"|\b(?:failed|were\s+unable|was\s+unable)\s+to\s+(?:intercept|shoot\s+down)"
    # "it's not clear why air defenses did not intercept the drone"
    r"|\b(?:did|could|would)(?:\s+not|n't)\s+(?:\w+\s+)?(?:intercept|shoot\s+down|stop)\b",
    re.I,
)


_PROJECTILE = words(vocabulary.PROJECTILES)
# "13 were destroyed by air defences" after "15 rockets": the noun left out
_ELLIPTIC_INTERCEPT = prefilter.compile(
    rf"(?<![\w.,-])(?P<n>\d+|{numerals(2, 12)})\s+(?:of\s+them\s+)?"
    rf"(?:were|had\s+been|have\s+been)\s+(?:\w+\s+)?[\"'\u201c]?{_STOP}"
    # "14 missiles were launched, but air defences intercepted 13": the verb before the number
    rf"|\b{_STOP}\s+(?:at\s+least\s+)?(?P<after>\d+|{numerals(2, 12)})"
    r"(?=\s*(?:[.,;:]|of\s+them\b|and\b|but\b|while\b|$))",
    re.I,
)
# "The first was shot down in the air by C-RAM, the second fell in a square": one of those told
_ORDINAL_INTERCEPT = prefilter.compile(
    rf"\bthe\s+(?:first|second|third|last|other)(?:\s+one)?\s+(?:was|had\s+been)\s+(?:\w+\s+)?{_STOP}", re.I
)
# An interception that names no number but takes in every projectile of the attack: "shot them down",
# "the two drones were downed", "intercepted it", "the drone was shot down". Value 1 = singular, 0 = all.
_ALL_INTERCEPTED = prefilter.compile(
    # ("managed to shoot the drone down")
    rf"\b(?:shot|shoot|brought|bring|took|take|knocked|knock)\s+(?P<a>them|it|both|the\s+(?:[\w-]+\s+)?{_PROJECTILE})\s+down\b"
    rf"|\b(?:{_STOP}|brought\s+down|intercepting|neutrali[sz]ing|downing|shooting\s+down|destroying"
    r"|(?:intercepting|neutrali[sz]ing)\s+and\s+(?:neutrali[sz]ing|destroying|downing))"
    # ("US forces claim to have intercepted all three, destroying two": every one of the volley, counted again)
    rf"\s+(?P<b>them|it|both(?:\s+of\s+them)?|all\s+(?:of\s+)?(?:them|the\s+\w+)|all\s+(?:{numerals(2, 20)}|\d+)"
    rf"|the\s+(?:[\w-]+\s+){{0,2}}?{_PROJECTILE})(?![\w-])"
    # "the drone targeting al-Harir was intercepted": a short participial phrase may follow the noun
    # "[t]he drone": an editor's bracket inside a quotation
    rf"|(?P<c>\bthey|\bboth|\ball|(?:\bthe|\bthese|\bthose|\[t\]he)\s+(?:[\w-]+\s+){{0,2}}?{_PROJECTILE})"
    r"(?:\s+(?:targeting|aimed\s+at|heading\s+(?:for|to|toward)|directed\s+at|fired\s+at|launched\s+at)\s+(?:the\s+)?"
    r"[\w-]+(?:\s+(?:air\s+)?base)?)?\s+(?:were|was|had\s+been|have\s+been)\s+"
    rf"(?:\w+\s+)?[\"'\u201c]?(?:{_STOP}|brought\s+down)"
    # "attacked by two drones on April 8, with both aircraft intercepted by the base's C-RAM": the volley told before
    # as the subject of an absolute clause
    rf"|\bwith\s+(?P<e>both|all)(?:\s+of\s+them|\s+(?:the\s+|its\s+|their\s+)?[\w-]+)?\s+(?:having\s+been\s+|being\s+)?"
    rf"(?:\w+ly\s+)?(?:{_STOP}|brought\s+down)"
    # "successfully prevented both missiles from impacting the base"
    rf"|\bprevented\s+(?P<d>both|all|them|it|the\s+(?:[\w-]+\s+){{0,2}}?{_PROJECTILE})\s+(?:\w+\s+)?"
    r"from\s+(?:impacting|reaching|hitting|striking)",
    re.I,
)
_PARTIAL = prefilter.compile(
    r"\b(?:another|the other|the rest|remaining|others|one of|some of|most of|most\s+if\s+not\s+all|a second)\b", re.I
)
# "shot down all but one of the rockets", "intercepted most of the drones except for two": every projectile less
# the exceptions (a marker figure ``intercepted_except`` holding the number left out; assembly subtracts it)
# ("able to intercept all but two of around 17 missiles": the total told after the exceptions)
_MANAGED_TO_STOP = r"(?:were\s+|was\s+)?(?:able|managed)\s+to\s+(?:intercept|shoot\s+down|bring\s+down|down|destroy)"
_ALL_BUT = prefilter.compile(
    rf"\b(?:{_STOP}|brought\s+down|{_MANAGED_TO_STOP})\s+(?:all|most|every\s+one)\s+(?:of\s+)?(?:the\s+|them\b)?"
    rf"(?:[\w-]+\s+){{0,2}}?(?:{_PROJECTILE}\s+)?(?:except\s+(?:for\s+)?|but\s+|save\s+)"
    rf"(?P<n>{numerals(1, 5)}|\d+|a\s+single)\b"
    rf"(?:\s+of\s+(?:the\s+)?(?:around\s+|about\s+|some\s+|nearly\s+)?(?P<total>\d+|{numerals(2, 20)})\b)?"
    rf"|\b(?:all|every\s+one)\s+but\s+(?P<m>{numerals(1, 5)}|\d+)\s+of\s+(?:the\s+|them\b)(?:[\w-]+\s+){{0,2}}?"
    rf"(?:{_PROJECTILE}\s+)?(?:were|was|had\s+been|have\s+been)\s+(?:\w+\s+)?{_STOP}",
    re.I,
)


# "officials did not know whether the drone was intercepted": an interception in question is none told
_UNCERTAIN = prefilter.compile(r"\b(?:whether|if)\b[^,;.]*$", re.I)


# A sentence opening on one more projectile stopped: "Another one-way attack drone was shot down ..."
_ANOTHER_ONE_DOWNED = prefilter.compile(
    rf"^\W*another\s+(?:[\w-]+\s+){{0,3}}?{_PROJECTILE}\s+(?:was|had\s+been|has\s+been)\s+(?:\w+\s+)?{_STOP}\b",
    re.I,
)


def implicit_intercepts(text: str, weapons: list[WeaponMention]) -> list[Figure]:
    """'13 were destroyed' -> 13; 'shot them down', 'the drone was downed' -> every projectile of the attack
    (a marker figure ``intercepted_all``: 1 when singular, 0 for all of them; assembly takes the launch count)."""
    out: list[Figure] = []
    m: re.Match[str] | None
    but = _ALL_BUT.search(text) if weapons else None
    if but:
        nums = find_numbers((but.group("n") or but.group("m")).replace("a single", "one"))
        total = find_numbers(but.group("total") or "")
        if nums and total and total[0].value > nums[0].value:
            # "all but two of around 17 missiles": the total less the exceptions
            return [Figure("intercepted", total[0].value - nums[0].value, but.start(), but.end())]
        if nums:
            return [Figure("intercepted_except", nums[0].value, but.start(), but.end())]
    ordinal = _ORDINAL_INTERCEPT.search(text)
    if ordinal:
        return [Figure("intercepted", 1, ordinal.start(), ordinal.end())]
    another = _ANOTHER_ONE_DOWNED.match(text)
    if another:
        # "Another one-way attack drone was shot down in Tall Baydar on Monday": one more, launched and stopped
        return [
            Figure("intercepted", 1, another.start(), another.end()),
            Figure("launched", 1, another.start(), another.end()),
        ]
    for m in _ELLIPTIC_INTERCEPT.finditer(text) if weapons else ():
        if any(w.end <= m.start() for w in weapons):
            nums = find_numbers(m.group("n") or m.group("after"))
            if nums:
                out.append(Figure("intercepted", nums[0].value, m.start(), m.end()))
    if out or _PARTIAL.search(text):
        return out
    m = _ALL_INTERCEPTED.search(text)
    part = _PART_OF.search(text, max(0, m.start() - 20), m.start()) if m else None
    if part is not None:
        # "13 of the projectiles were shot down": a part of them, counted (not "some of them": uncounted)
        nums = find_numbers(part.group("n"))
        # part is searched for only after m
        return [Figure("intercepted", nums[0].value, part.start(), m.end())] if nums else out  # type: ignore[union-attr]
    if m and not _UNCERTAIN.search(text, max(0, m.start() - 80), m.start()):
        word = (m.group("a") or m.group("b") or m.group("c") or m.group("d") or m.group("e") or "").lower()
        singular = word == "it" or (word.startswith(("the ", "[t]he ")) and not word.endswith("s"))
        out.append(Figure("intercepted_all", 1 if singular else 0, m.start(), m.end()))
    return out


# A part of the projectiles, right before them: "13 of the projectiles were shot down", "some of the drones"
_PART_OF = prefilter.compile(rf"(?<![\w.,-])(?P<n>\d+|{numerals(1, 20)}|some|most|several|many|few)\s+of\s+$", re.I)
# "the defences shot down one of the drones": the verb before the part
_ACTIVE_PARTITIVE = prefilter.compile(
    rf"\b{_STOP}\s+(?:only\s+)?$",
    re.I,
)
_OF_THE_PROJECTILES = prefilter.compile(
    rf"\s+of\s+(?:the|these|those)\s+(?:[\w-]+\s+){{0,2}}?(?P<w>{_PROJECTILE})\b|\s+of\s+them\b", re.I
)


def partitive_intercepts(text: str, weapons: list[WeaponMention], numbers: list[NumberMention]) -> list[Figure]:
    """'One of the drones was shot down', 'shot down one of the drones' -> intercepted 1; 'no effort to shoot
    down the drone' -> 0."""
    out: list[Figure] = []
    for n in numbers:
        if n.text.lower() in {"a", "an", "no"}:
            continue
        m = _PARTITIVE_INTERCEPT.match(text, n.end)
        if m and any(w.start <= m.start("w") < w.end for w in weapons):
            out.append(Figure("intercepted", n.value, n.start, m.end()))
            # the counted whole between the article and the noun is the launch ("of the seven rockets")
            whole = [w for w in numbers if m.start() < w.start < m.start("w") and w.value > n.value]
            if whole:
                out.append(Figure("launched", whole[0].value, whole[0].start, m.end()))
            continue
        part = _OF_THE_PROJECTILES.match(text, n.end)
        if part and weapons and _ACTIVE_PARTITIVE.search(text, max(0, n.start - 40), n.start):
            out.append(Figure("intercepted", n.value, n.start, part.end()))
    m = _NONE_INTERCEPTED.search(text)
    if m and not out and weapons:
        out.append(Figure("intercepted", 0, m.start(), m.end()))
    return out


# "a rocket and drone attack": a weapon coordinated with another that modifies the attack noun
_COORDINATED_MODIFIER = prefilter.compile(
    rf"^\s*(?:,|and|or|/)\s*(?:[\w-]+\s+){{0,2}}?{_PROJECTILE}\s+(?:attacks?|strikes?|assaults?|barrages?|fire)\b", re.I
)
# "shot down one rocket and the other struck a storage facility": one and the other are two
_ONE_AND_THE_OTHER = prefilter.compile(
    rf"\bone\s+(?:of\s+the\s+)?(?:[\w-]+\s+)?(?P<w>{_PROJECTILE})\b[^.;]{{0,80}}?\b(?:the\s+other|the\s+second)\b(?!\s+\w+\s+(?:attack|strike))",
    re.I,
)


# "two of the rockets fell inside the embassy compound, while another hit near the coalition base": the parts told
# one by one make the volley (at least two and one more)
_SOME_AND_ANOTHER = prefilter.compile(
    # (an abbreviation's points inside: "fell inside the U.S. Embassy compound, while another ...")
    rf"\b(?P<n>{numerals(2, 10)}|[2-9])\s+of\s+the\s+(?:[\w-]+\s+)?(?P<w>{_PROJECTILE})\b"
    rf"{prefilter.IN_SENTENCE}{{0,80}}?"
    r"\b(?:while|whereas|and|but)\s+(?:another|a\s+third|one\s+more)\b(?!\s+(?:\w+\s+)?(?:attack|strike))",
    re.I,
)


def one_and_the_other(text: str) -> list[Figure]:
    m = _ONE_AND_THE_OTHER.search(text)
    if m:
        return [Figure("launched", 2, m.start(), m.end())]
    some = _SOME_AND_ANOTHER.search(text)
    if some:
        n = find_numbers(some.group("n"))
        return [Figure("launched", n[0].value + 1, some.start(), some.end())] if n else []
    return []


# Projectiles that were never fired: "recovered seven launchers and 24 unused rockets"
_NEVER_FIRED = prefilter.compile(rf"\b{words(vocabulary.NEVER_FIRED)}\b", re.I)


# A weapon named in the plural ("rockets", "ballistic missiles"): an article before it belongs to another noun
_PLURAL_PROJECTILE = prefilter.compile(r".*(?<!ua)s", re.I | re.S)


_SUSPENDED_HYPHEN = re.compile(r"(?<=\w)-\s+(?:and|or|to)\s+(?=\w)", re.I)


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
                # a modifier may share its hyphenated word with another: "14 short- and medium-range ballistic
                # missiles" (the suspended hyphen's "and" joins the two modifiers, no two things counted)
                between = _SUSPENDED_HYPHEN.sub(" ", text[n.end : w.start])
                # a modifier may be quoted: three "one-way" drones, two \u2018suicide\u2019 drones
                if re.fullmatch(r"[\s-]*(?:[\w\u2018\u2019\u201c\u201d\"'.-]+[\s-]+){0,3}", between) and not re.search(
                    r"\b(?:of|which|and|or|were|was|the|by|at|on|in|to|from|with|than|for)\b", between, re.I
                ):
                    if _UNIT.match(text, n.end) and best is not None:
                        continue  # "14 107 mm rockets": the calibre is no count
                    if _NEVER_FIRED.search(between):
                        best = None  # "24 unused rockets" were found, not fired
                        continue
                    best = n
        if best is None or not _usable(best, text, allow_article=True):
            if best is not None and best.text.lower() in VAGUE:
                continue
            m = _INTERCEPT_VERB.search(text[max(0, w.start - 40) : w.start])
            if m is None:
                continue
        if best is None:
            continue
        if best.text.lower() in {"a", "an"} and _PLURAL_PROJECTILE.fullmatch(w.text):
            continue  # "launched an attack using rockets": the article is the attack's, the rockets uncounted
        if best.text.lower() in {"a", "an", "single", "lone"} and (
            NOUN_MODIFIER.match(tail) or re.search(r"\bsuch\s*$", text[: best.start])
        ):
            continue
        if NOUN_MODIFIER.match(tail) or _COORDINATED_MODIFIER.match(tail):
            continue  # "two drone attacks" counts attacks, not the drones fired in them
        shared_subject = best.value > 1 and _INTERCEPTED_TOO.match(text[w.end : w.end + 160])
        if (
            _INTERCEPTED.match(text[w.end : w.end + 140])
            or shared_subject
            or _INTERCEPT_VERB.search(text[max(0, best.start - 40) : best.start])
        ):
            out.append(Figure("intercepted", best.value, best.start, w.end))
            # "shot down two drones", "three drones ... were destroyed": that many were launched - unless others
            # are told apart ("one drone was shot down, but another hit")
            if not _OTHERS.search(text):
                out.append(Figure("launched", best.value, best.start, w.end))
        else:
            out.append(Figure("launched", best.value, best.start, w.end))
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
