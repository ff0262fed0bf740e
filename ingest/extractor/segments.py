"""Event segmentation: which part of a sentence belongs to which attack, and when a mention starts a new one.

A careful coder reads a roundup as several events, not one: a sentence naming two sites gives each site
its own clause ("drones were launched at X and a drone was launched at Y"); "two sites in northeastern
Syria" are two attacks; "the first attack ... the second attack" are two; a summary line ("US forces
were attacked four times") is no attack of its own but frames the ones it sums up; and "another",
"separately" or a different day start a new attack even on a site already reported.
"""

from __future__ import annotations

import re
from itertools import pairwise

from ingest.extractor import prefilter, vocabulary
from ingest.extractor.numbers import UNITS, numerals
from ingest.extractor.quotes import in_quote
from ingest.extractor.vocabulary import words

# Where one target's clause ends and the next one's begins.
_CLAUSE_BREAK = prefilter.compile(
    r"[,;:]|\s[-\u2013\u2014]\s|\s(?:and|while|whereas|but|after|before|as well as|then|followed by)\s", re.I
)
# "rockets hit another base near the airport": a second target, so a second attack (unless the site it names was
# told attacked already: ``only_another_site``)
_ANOTHER_SITE = r"\banother\s+(?:[\w-]+\s+){0,2}?(?:base|site|outpost|garrison|facility|installation|compound|camp)\b"
# A mention that opens a new attack, even on a site already reported.
NEW_EVENT = prefilter.compile(
    # ("Separately, rockets struck an Iraqi base"; not "an adviser separately claimed that the base was cut off":
    # another telling of the attack)
    r"\banother\s+(?:[\w-]+\s+){0,2}?(?:attack|strike|assault|barrage|salvo|bombardment)\b"
    r"|\bseparately\b(?!,?\s+(?:said|says|claimed|claims|told|reported|announced|stated|confirmed|added)\b)"
    rf"|{_ANOTHER_SITE}"
    # "Hours later, at least one missile hit close to a military base": a sentence opening on a later time
    r"|^\W*(?:(?:a\s+few\s+|several\s+)?(?:hours|minutes)|shortly|moments)\s+(?:later|afterwards|after(?=\s*,))"
    r"|\b(?:a|in\s+a)\s+(?:second|third|separate|further|fresh|new)\s+(?:[\w-]+\s+)?"
    r"(?:attack|strike|assault|barrage|salvo|incident)\b"
    # "Also on Wednesday, two drones attacked the base", "Also on Wednesday, the Pentagon said it shot down two
    # drones": a sentence adding to the news
    r"|^\W*also\s*,?\s+(?:on|late|early|overnight)\b"
    # "Earlier in the day, a rocket attack targeted the base": another attack the same day (not "Earlier in the day,
    # an army source told Xinhua that missiles hit the base": the telling was earlier, the attack is the one told)
    r"|^\W*(?:earlier|later)\s+(?:in\s+the\s+day|that\s+day|the\s+same\s+day)\b"
    r"(?![^.;]{0,80}?\b(?:told|said|says|reported|announced|stated|confirmed)\b(?:\s+[\w-]+){0,3}?\s+that\b)",
    re.I,
)


def opens_new_event(text: str, start: int, end: int) -> bool:
    """A new-event cue ('another attack', 'a new attack') in this span - not inside a quoted statement, where
    'a new terrorist attack' measures the news against history rather than opening a second attack."""
    return any(not in_quote(text, m.start()) for m in NEW_EVENT.finditer(text, start, end))


_ANOTHER_SITE_AT = prefilter.compile(_ANOTHER_SITE, re.I)


def only_another_site(text: str, start: int, end: int) -> bool:
    """Is every new-event cue of the span an 'another base' ("two rocket attacks struck another US base in the
    Green Village area"): the base is another than one told before, its attack not necessarily new?"""
    found = [m for m in NEW_EVENT.finditer(text, start, end) if not in_quote(text, m.start())]
    return bool(found) and all(_ANOTHER_SITE_AT.match(text, m.start()) for m in found)


# "the first attack ... the second drone attack": one enumerated attack per ordinal.
_ORDINAL = prefilter.compile(
    r"\bthe\s+(?P<ord>first|second|third|fourth|fifth|other)\s+(?:[\w-]+\s+){0,2}?(?:attack|strike|assault|barrage|salvo|wave)\b",
    re.I,
)
# A summary of several attacks that are told one by one elsewhere: "attacked four times", "three attacks in a day".
_COUNT_WORD = rf"(?:{numerals(2, 10)}|twice|[2-9])"
_ROUNDUP = prefilter.compile(
    rf"\b{_COUNT_WORD}\s+(?:separate\s+|different\s+|more\s+|new\s+|fresh\s+)?(?:times|attacks|strikes|assaults)\b|\btwice\b"
    # "Several rockets were launched on Thursday and Friday targeting bases housing troops from the coalition":
    # bases in the plural, told one by one next
    r"|\b(?:targeting|targeted|against)\s+(?:[\w.-]+\s+){0,2}?bases\s+(?:housing|hosting|of|used\s+by|where)\b",
    re.I,
)
# Several unnamed targets in one phrase: "two sites in northeastern Syria", "both bases".
COUNTED_SITES = prefilter.compile(
    rf"\b(?P<n>{numerals(2, 5)}|both|[2-5])\s+(?:[\w.-]+\s+){{0,2}}?"
    r"(?:bases|airbases|sites|outposts|locations|installations|facilities|positions|garrisons)\b",
    re.I,
)
# The definite attack already told: "The attack targeted the Green Zone" refines where, not what - an ordinal past
# the first counts another attack ("The second attack targeted the Ain al Asad air base" after rockets on Baghdad).
ANAPHORIC = prefilter.compile(
    # ... also as someone reports it: 'CENTCOM added that the attack "involved a one-way attack drone at the Al-Tanf
    # base"' (where it was, as another source tells it)
    r"^(?:[^.;\"\u201c]{0,60}?\b(?:said|added|stated|confirmed|reported)\s+(?:that\s+)?)?"
    r"(?:the|this|that)\s+(?!(?:second|third|fourth|fifth|other|next)\s)(?:\w+\s+)?"
    r"(?:attack|strike|assault|barrage|bombardment|shelling)\s+[\"\u201c]?"
    r"(?:targeted|hit|struck|was aimed at|landed|fell|was directed at|involved|occurred at|took place at)\b",
    re.I,
)
# "on that same day", "the same day": the date of the attack just told.
SAME_DAY = prefilter.compile(
    r"\b(?:that|the)\s+same\s+(?:day|night|evening|morning)\b|\bthat\s+day\b"
    r"|\b(?:(?:a\s+few\s+|several\s+)?(?:hours|minutes)|shortly|moments)\s+(?:later|after(?:wards)?)\b|\b(?:later|earlier)\s+(?:that|in\s+the)\s+day\b",
    re.I,
)


def list_item(text: str, at: int) -> tuple[int, int]:
    """The item of a list parted by semicolons that holds offset ``at`` ("a drone attack at Al Harir, with no
    reported casualties; drone strikes at Al Asad, causing no injuries"); the whole text when it has none."""
    end = text.find(";", at)
    return text.rfind(";", 0, at) + 1, len(text) if end < 0 else end


def clause_spans(text: str, targets: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One span (offsets in ``text``) per target (start, end): each target's clause runs to the first
    clause break after it; the first target's clause starts at the sentence start. Targets coordinated as
    the objects of one verb ("attacked X, Y and Z with drones") share what follows the last of them: its
    weapons, toll and time belong to each."""
    if len(targets) <= 1:
        return [(0, len(text))] * len(targets)
    order = sorted(range(len(targets)), key=lambda i: targets[i][0])
    spans: list[tuple[int, int]] = [(0, len(text))] * len(targets)
    start = 0
    for pos, i in enumerate(order):
        if pos == len(order) - 1:
            spans[i] = (start, len(text))
            break
        _, end = targets[i]
        nxt = max(targets[order[pos + 1]][0], end)
        m = _CLAUSE_BREAK.search(text, end, nxt)
        cut = m.start() if m else nxt
        semicolon = text.rfind(";", end, nxt)
        if semicolon >= 0:
            # "a drone attack at Al Harir, with no reported casualties; drone strikes at Al Asad, causing ...":
            # items of a list told with commas inside are parted by semicolons - the words up to one are the item's
            cut = semicolon
        spans[i] = (start, cut)
        start = cut
    # a run of coordinated targets: each clause reaches to the end of the run's last one
    for pos in range(len(order) - 2, -1, -1):
        i, j = order[pos], order[pos + 1]
        if coordinated(text[targets[i][1] : targets[j][0]]):
            spans[i] = (spans[i][0], spans[j][1])
    return spans


# The words that tell an event of its own in a clause
_EVENT_WORDS = r"attack\w*|target\w*|struck|strikes?|hit|fired|launched|shot|downed|intercepted|raid\w*|bomb\w*"
# What may stand between two targets of one verb: list separators and the words that name a target
# ("the US forces at", "a base in"); a verb, a number or a weapon between them makes each its own clause.
_COORDINATION = prefilter.compile(r",|\band\b|\bas\s+well\s+as\b|&", re.I)
_OWN_CLAUSE = prefilter.compile(
    rf"\d|\b(?:{numerals(1, 20)}|while|whereas|but|after|before|then|followed|when|where|which|who|that)\b"
    rf"|\b(?:{_EVENT_WORDS}|landed|fell|exploded|{words(vocabulary.PROJECTILES)})\b",
    re.I,
)


def coordinated(gap: str) -> bool:
    """The words between two targets ("X, Y", "X and the US forces at Y", "the Kharab al Jir base, Patrol Base
    Shaddadi") join them as objects (or subjects) of one verb."""
    return len(gap) <= 40 and _COORDINATION.search(gap) is not None and _OWN_CLAUSE.search(gap) is None


_AFTER = prefilter.compile(r"\s(?:after|following)\s", re.I)


def after_clause_span(text: str, target: int) -> tuple[int, int]:
    """'US forces down drone near embassy after rockets target X': an 'after' splits the sentence into two
    events; a lone target keeps only its side (the whole sentence when there is no 'after')."""
    cuts = [m.start() for m in _AFTER.finditer(text)]
    if not cuts:
        return (0, len(text))
    before = [c for c in cuts if c < target]
    after = [c for c in cuts if c >= target]
    start = before[-1] if before else 0
    if start and _TOLL.search(text, 0, start) and not _OTHER_EVENT.search(text, 0, start):
        start = 0  # "Two soldiers are dead after 15 rockets hit X": the main clause is the after-clause's toll
    end = after[0] if after else len(text)
    if after and not _OTHER_EVENT.search(text, start, end) and _the_volley_told_after(text, end):
        # "Explosions were heard around the base early on Monday, following a rocket attack from Iraq, with five
        # rockets landing near the base": the site's clause tells only what was heard or seen, the attack is told
        # after it - one event, whose volley is the site's
        end = after[1] if len(after) > 1 else len(text)
    return (start, end)


# The attack itself told after the site's clause: "following a rocket attack", "after a drone attack" (not "after a
# US airstrike": no strike, no named actor before the weapon)
_THE_ATTACK_AFTER = prefilter.compile(
    rf"\s(?:after|following)\s+(?:an?|the)\s+(?:[a-z-]+\s+)?{words(vocabulary.PROJECTILES)}\s+"
    r"(?:attacks?|barrages?|salvos?|volleys?)\b",
)


# The volley itself as the subject of what reached the site, told after the site's clause: "after a pair of rockets
# hit the U.S. military base", "after a bomb-carrying unmanned aircraft struck the site" (lower-case words
# before the projectile: no named actor, not "after US drones struck")
_THE_VOLLEY_AFTER = prefilter.compile(
    rf"\s(?:after|following)\s+(?:an?|the|{numerals(1, 20)}|\d+)\s+(?:[a-z-]+\s+){{0,3}}?"
    rf"{words(vocabulary.PROJECTILES, vocabulary.PROJECTILE_HEADS)}\s+"
    rf"(?:[a-z]+ly\s+)?{words(vocabulary.IMPACT_VERBS)}\b",
)


def _the_volley_told_after(text: str, at: int) -> bool:
    """Does the 'after' at ``at`` open the attack itself - named ("after a drone attack") or told by its volley
    reaching the site ("after two rockets struck the base")?"""
    return _THE_ATTACK_AFTER.match(text, at) is not None or _THE_VOLLEY_AFTER.match(text, at) is not None


_TOLL = prefilter.compile(
    r"\b(?:dead|killed|died|deaths?|wounded|wounds|injured|injur(?:y|ies)|hurt|casualties)\b", re.I
)
_OTHER_EVENT = prefilter.compile(rf"\b(?:{_EVENT_WORDS})\b", re.I)


# "At least four rockets landed near the base, while another attack involved a drone and three rockets": a second
# attack told in a clause of its own
_ANOTHER_ATTACK = prefilter.compile(
    r"(?:,\s*|\s)(?:while|whereas|and)\s+(?P<at>another\s+(?:[\w-]+\s+)?(?:attack|strike|assault))\b", re.I
)


def ordinal_cuts(text: str) -> list[int]:
    """Offsets where enumerated attacks start ('the first attack ... the second attack', '..., while another
    attack ...'); [] unless 2+."""
    found = [(m.start(), m.group("ord").lower()) for m in _ORDINAL.finditer(text)]
    if not found:
        another = [m.start("at") for m in _ANOTHER_ATTACK.finditer(text)]
        return [0, another[0]] if len(another) == 1 else []
    if len({o for _, o in found}) < 2:
        return []
    cuts, seen = [], set()
    for start, o in found:
        if o not in seen:
            seen.add(o)
            cuts.append(start)
    return cuts


def is_roundup_summary(text: str) -> bool:
    """'US forces were attacked four times in Iraq and Syria on Thursday': a count of today's attacks."""
    return _ROUNDUP.search(text) is not None


def counted_sites(text: str) -> int:
    """How many unnamed targets one phrase names ('two sites in northeastern Syria' -> 2); 1 when none."""
    m = COUNTED_SITES.search(text)
    if m is None:
        return 1
    n = m.group("n").lower()
    return 2 if n == "both" else (int(n) if n.isdigit() else UNITS.get(n, 1))


def split_by_positions(length: int, starts: list[int]) -> list[tuple[int, int]]:
    """Spans [0, s2), [s2, s3), ... [sk, length) for k items starting at ``starts`` (the first owns the lead)."""
    cuts = [0, *starts[1:], length]
    return [(cuts[i], cuts[i + 1]) for i in range(len(starts))]


_LIST_SEP = prefilter.compile(r",\s*(?:and\s+)?|\s+(?:and|or)\s+", re.I)


def list_item_starts(text: str, items: list[tuple[int, int]]) -> list[int]:
    """Where each item of 'multiple rockets and a one-way attack drone' begins, its count included: the
    end of the separator before it (the first item starts where it stands)."""
    starts = [items[0][0]]
    for (_, prev_end), (start, _) in pairwise(items):
        seps = list(_LIST_SEP.finditer(text, prev_end, start))
        starts.append(seps[-1].end() if seps else start)
    return starts
