"""Which figures of a sentence are one attack's, and the counts a text gives without a number: 'shot them
down' (every projectile told), 'all but one of the rockets', 'one ... the other' (two), 'the rocket' (one)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ingest.extractor import prefilter, vocabulary
from ingest.extractor.counts import NOUN_MODIFIER, one_and_the_other
from ingest.extractor.events import ANOTHER_STORY, Draft, Facts
from ingest.extractor.places import COUNTRY_WORDS
from ingest.extractor.segments import counted_sites, list_item
from ingest.extractor.types import Count, Evidence, Figure, Report
from ingest.extractor.vocabulary import words

if TYPE_CHECKING:
    from ingest.extractor.state import State
    from ingest.extractor.weapons import WeaponMention


def evidence_of(state: State, idx: int) -> Evidence:
    """Sentence ``idx`` as evidence: its exact text and character offsets in the article."""
    s = state.sentences[idx]
    return Evidence(s.text, s.start, s.end)


# Projectiles that reached the ground: "several rockets landed inside the area", "a number of UAVs did impact on
# the camp" (not stopped in the same clause: "the rockets were shot down and fell", "no drone hit")
_PROJECTILES_STRUCK = prefilter.compile(
    rf"\b{words(vocabulary.PROJECTILES)}\b"
    r"(?:(?!\b(?:not|n't|never|intercept\w*|shot|down|downed|destroyed|debris|fragments?)\b)[^.;,]){0,60}?"
    r"\b(?:(?:did\s+)?impact(?:ed)?|landed|fell|struck|hit|crashed\s+into|slammed\s+into)\b",
    re.I,
)
_NONE_STRUCK = prefilter.compile(r"\b(?:no|none|neither)\b(?:\s+\w+){0,3}\s*$", re.I)


def others_got_through(state: State, d: Draft) -> bool:
    """'The embassy's defence system shot down three rockets ... several rockets landed inside the area': do the
    attack's own sentences tell projectiles that reached the ground? Then the number shot down is not the number
    fired, and no launch count is read off an interception."""
    for idx in d.sentences():
        f = state.facts[idx]
        # (a headline sums up: "Drones hit refinery and US base"; a sentence naming another site tells its own)
        if idx in d.shared or idx == 0 or any(d.site is None or m.site.slug != d.site.slug for m in f.sites):
            continue
        text = f.sent.text
        if any(not _NONE_STRUCK.search(text, 0, m.start()) for m in _PROJECTILES_STRUCK.finditer(text)):
            return True
    return False


# A toll told as the first reports' ("initially assessed no casualties", "Citing initial reports, ... no US
# casualties", "no casualties reported at first")
_FIRST_REPORT = prefilter.compile(r"\binitial(?:ly)?\b|\bat\s+first\b|\b(?:first|early|earlier)\s+reports?\b", re.I)
# The correction in the same sentence: "..., but a later, fuller assessment showed a few soldiers had slight injuries"
_CORRECTED = prefilter.compile(
    r"\b(?:but|however)\b[^.;]{0,160}?\b(?:injur\w*|wounded|hurt|harmed|casualt\w*|killed|died|dead|TBI)\b", re.I
)


def first_report_zeros(f: Facts) -> list[Figure]:
    """The zero tolls ``f`` tells as the first reports'."""
    if _FIRST_REPORT.search(f.sent.text) is None:
        return []
    return [g for g in f.figures if g.value == 0 and g.field in {"killed", "injured"}]


def zeros_given_way(state: State, d: Draft, f: Facts) -> bool:
    """Does a zero toll the first reports gave give way to people later told hurt - in its own sentence after 'but'
    ("initially assessed no casualties, but a review found some personnel had minor injuries") or counted in another
    of the attack's sentences ("Citing initial reports, he said there were no US casualties ... An employee of the
    contractor was lightly wounded")?"""
    zeros = first_report_zeros(f)
    if not zeros:
        return False
    if any(_CORRECTED.search(f.sent.text, g.end) for g in zeros):
        return True
    return any(
        g.field == "injured" and g.value > 0
        for idx in d.sentences()
        if idx != f.sent.index and idx not in d.shared
        for g in state.facts[idx].figures
    )


def launch_echoes(f: Facts) -> set[int]:
    """The launch figures of ``f`` read off an interception ('shot down two drones': two launched)."""
    return {
        g.value
        for g in f.figures
        if g.field == "launched"
        and any(h.field == "intercepted" and (h.start, h.end) == (g.start, g.end) for h in f.figures)
    }


_MORE_THAN_INTERCEPTED = prefilter.compile(r"\b(?:another|others?|the rest|remaining)\b", re.I)


def at_least_intercepted(launched: Count, intercepted: Count, got_through: bool = False) -> Count:
    """'US forces shot down a drone over the embassy': what was shot down was launched, so an unstated
    launch count is at least the intercepted one (not a count when others got through: ``others_got_through``)."""
    if launched.best is not None or not intercepted.best or got_through:
        return launched
    # "one drone was shot down, but another hit the base": more were launched than the figure says
    if any(_MORE_THAN_INTERCEPTED.search(r.evidence.text) for r in intercepted.reports):
        return launched
    return Count(intercepted.best, intercepted.best, intercepted.best, intercepted.reports)


_PROJECTILES = frozenset({"rocket", "drone", "missile", "mortar"})
# ("Hours later, another drone exploded outside the base": the attack's own one)
_SINGULAR_HEAD = prefilter.compile(
    r"(?:\bthe|\bthat|\ba\s+single|\ba\s+lone|\bone|\ban?|\banother)\s+[\"\u201c]?(?:[\w-]+\s+)?$", re.I
)


def named_last_in_another_story(state: State, idx: int, named: list[WeaponMention]) -> bool:
    """'Police in Babylon discovered a cruise missile that was used in an attempt to attack U.S. forces. A photo shows
    a mysterious cruise missile ... The missile has a range of up to 2,000 kilometers': the projectile named again is
    the one an event told last named - here a weapon found, another story than the attack's."""
    kinds = {w.category for w in named}
    for f in reversed(state.facts[:idx]):
        if not any(w.category in kinds for w in f.weapons) or not (f.attack or f.vetoes):
            continue  # a description in between ("A photo shows a mysterious cruise missile") tells no event
        return bool(f.vetoes & ANOTHER_STORY)
    return False


def singular_launch(state: State, d: Draft, launched: Count, evidence: dict) -> Count:
    """'a single rocket attack ... The rocket did not hit the base': an attack whose sentences speak of its
    projectile only in the singular, and of it as 'the rocket' itself (not 'the rocket attack'), launched one."""
    if launched.best is not None:
        return launched
    found = None
    for idx in d.sentences():
        f = state.facts[idx]
        span = d.spans.get(idx)
        for w in f.weapons:
            if w.category not in _PROJECTILES or (span is not None and not span[0] <= w.start < span[1]):
                continue
            if idx not in d.anchors and named_last_in_another_story(state, idx, [w]):
                continue  # "The missile has a range of 2,000 km" after a missile found: that one, not the attack's
            if w.text.lower().endswith("s") or re.match(r"\s+(?:and|or)\b", f.sent.text[w.end :]):
                return launched  # plural, or one of a list of weapons: the count is not told
            head = not NOUN_MODIFIER.match(f.sent.text[w.end :])
            singular = _SINGULAR_HEAD.search(f.sent.text, 0, w.start)
            # "used a drone to strike the base" counts one; "a poster depicted a drone" tells no attack
            if singular and singular.group(0).lower().startswith(("a ", "an ")) and not f.attack:
                singular = None
            if found is None and head and singular:
                found = idx
    if found is None:
        return launched
    ev = evidence_of(state, found)
    evidence["launched"] = ev
    return Count(1, 1, 1, (Report(1, state.facts[found].attribution, ev),))


def one_and_the_other_launch(state: State, d: Draft, launched: Count, evidence: dict) -> Count:
    """'One drone was shot down. The other impacted the base.': two, told over two sentences (the 'one drone'
    read alone counted one)."""
    if launched.best is not None and launched.best != 1:
        return launched
    own = d.sentences()
    for idx in own:
        if idx + 1 not in own or idx in d.shared or idx + 1 in d.shared:
            continue
        first = state.sentences[idx].text.rstrip().rstrip(".")
        if one_and_the_other(f"{first}, {state.sentences[idx + 1].text}"):
            ev = evidence_of(state, idx)
            evidence["launched"] = ev
            return Count(2, 2, 2, (Report(2, state.facts[idx].attribution, ev),))
    return launched


def _launch_before(state: State, d: Draft, idx: int, start: int) -> int | None:
    """The launch count told last before an interception: the source that spoke of 'the rockets' being
    intercepted is the one that counted them."""
    for j in sorted((i for i in d.sentences() if i <= idx), reverse=True):
        figs = [g for g in state.facts[j].figures if g.field == "launched" and (j < idx or g.start < start)]
        own = own_figures(state.facts[j], d, "launched")
        figs = [g for g in figs if g.value in own]
        if figs:
            return max(figs, key=lambda g: g.start).value
    return None


def all_intercepted(state: State, d: Draft, launched: Count, intercepted: Count, evidence: dict) -> Count:
    """'the air defences shot them down', 'the drone was downed': an interception without a number takes in every
    projectile of the attack - its launch count when known, else one for a singular ('it', 'the drone'); 'all but
    one of the rockets' takes the launch count less the exceptions."""
    if intercepted.best is not None:
        return intercepted
    for idx in d.sentences():
        f = state.facts[idx]
        if idx in d.shared:
            continue
        span = d.spans.get(idx)
        for fig in f.figures:
            if fig.field not in {"intercepted_all", "intercepted_except"}:
                continue
            if span is not None and not span[0] <= fig.start < span[1]:
                continue
            value = _launch_before(state, d, idx, fig.start)
            if fig.field == "intercepted_except":
                # "all but one of the rockets": the launch count less the exceptions
                value = None if value is None or value < fig.value else value - fig.value
            else:
                value = value if value is not None else (1 if fig.value == 1 else None)
            if value is None:
                continue
            ev = evidence_of(state, idx)
            evidence["intercepted"] = ev
            return Count(value, value, value, (Report(value, f.attribution, ev),))
    return intercepted


# "A third rocket fell on a nearby village without causing any casualties": the toll of that one projectile, told
# apart from the ones that hit the base, is not the attack's
_A_PART_OF_THE_VOLLEY = prefilter.compile(
    r"\W*(?:(?:a|the)\s+(?:second|third|fourth|fifth|last|remaining|other)|another)\s+(?:[\w-]+\s+)?"
    rf"{words(vocabulary.PROJECTILES)}\b",
    re.I,
)


def _in_another_item(f: Facts, fig: Figure, span: tuple[int, int] | None) -> bool:
    """Is the figure told in another item, naming its own site, of a list parted by semicolons than the attack's
    clause ``span``? ("a drone attack at Al Harir, with no reported casualties; drone strikes at Al Asad, causing no
    injuries": the first zero is Harir's alone; "...; no one was hurt" names no site and covers each)"""
    text = f.sent.text
    if span is None or span[0] <= fig.start < span[1]:
        return False
    start, end = list_item(text, fig.start)
    if not any(start <= m.start - f.sent.start < end for m in f.sites):
        return False
    gap = text[fig.end : span[0] + 1] if fig.start < span[0] else text[max(span[1] - 1, 0) : fig.start]
    return ";" in gap


# A volley aimed at bases in the plural: 'Iran had launched "more than a dozen" missiles from inside its territory at
# bases hosting US troops, with several landing at al-Asad air base'
_AT_BASES = prefilter.compile(
    r"[^.;,]{0,60}?\b(?:at|on|against|toward|towards|targeting|targeted)\s+(?:the\s+|several\s+|multiple\s+)?"
    r"(?:[\w.-]+\s+){0,2}?(?:bases|airbases|air\s+bases)\b",
    re.I,
)


def _at_several_bases(f: Facts, fig: Figure) -> bool:
    """Is the projectiles' count told of a volley at bases in the plural, the sentence naming one site at most? It is
    the total of the attacks on them, not one's."""
    return fig.field in {"launched", "intercepted"} and len(f.sites) < 2 and bool(_AT_BASES.match(f.sent.text, fig.end))


# A toll summed over many attacks, told in its own clause: "At least 24 U.S. troops were hurt amid a wave of attacks
# on their bases", "two dozen US troops were injured last week in a series of drone attacks", "24 U.S. troops
# injured in attacks since Gaza war began", "Roughly 70 U.S. troops have received minor injuries ... in that time"
_OVER_MANY_ATTACKS = prefilter.compile(
    r"\b(?:in|amid|during|across|from|by|over)\s+(?:a\s+|the\s+)?(?:(?:wave|series|spate|string|barrage)\s+of\s+)"
    r"(?:[\w-]+\s+){0,3}?(?:attacks|strikes|assaults)\b"
    r"|\b(?:attacks|strikes|assaults)\s+(?:\w+\s+){0,2}?since\b"
    r"|\b(?:in|during|over)\s+that\s+(?:time|period|span|stretch)\b|\bsince\s+then\b",
    re.I,
)
# ("two were injured, the latest in a series of attacks": the tail places this attack's toll in the series)
_THE_LATEST = prefilter.compile(r"\b(?:latest|last|newest|most\s+recent|one)\s*$", re.I)


def _a_running_total(text: str, fig: Figure) -> bool:
    """Is the toll ``fig`` summed over many attacks, as its own clause tells (up to the next clause)?"""
    end = min(
        (i for i in (text.find(c, fig.end) for c in (";", ", including", " including")) if i >= 0),
        default=-1,
    )
    end = len(text) if end < 0 else end
    return any(
        not _THE_LATEST.search(text, max(0, m.start() - 24), m.start())
        for m in _OVER_MANY_ATTACKS.finditer(text, fig.start, end)
    )


# A sentence told of another country's own event, by its opening: "Jordan shot down two ballistic missiles, with no
# casualties reported", "In the UAE, debris from intercepted missiles hit a residential area, killing one civilian"
_COUNTRIES = "|".join(
    sorted((re.escape(w) for w in COUNTRY_WORDS if not w.endswith(("i", "ian"))), key=len, reverse=True)
)
_ANOTHER_COUNTRYS_EVENT = prefilter.compile(
    rf"^\W*(?:in\s+(?:the\s+)?(?P<where>{_COUNTRIES})\s*,"
    rf"|(?:the\s+)?(?P<who>{_COUNTRIES})\s+(?:also\s+)?(?:shot|intercepted|downed|destroyed|reported|said)\b)",
    re.I,
)


# Where in the air or at sea a projectile or aircraft was when it was stopped: "Two Iranian missiles were intercepted
# over Qatar", "said it shot down a US MQ-9 Reaper drone off the coast of Yemen" (not "in", which also tells where
# a launch came from or where the forces are)
_OVER_A_COUNTRY = prefilter.compile(
    rf"\b(?:over|above|off\s+(?:the\s+)?(?:coast|coasts|shores?)\s+of)\s+(?:the\s+)?"
    rf"(?:(?P<where>{_COUNTRIES})|(?P<other>{words(vocabulary.COUNTRIES_WITHOUT_SITES)}))\b",
    re.I,
)


def another_countrys_event(f: Facts, d: Draft) -> bool:
    """Does the sentence, naming no site, open on a country other than the site's as the place or the actor of
    what it tells, or place what it tells over another country's land or off its coast?"""
    if d.site is None or f.sites:
        return False
    m = _ANOTHER_COUNTRYS_EVENT.match(f.sent.text)
    if m is not None:
        return COUNTRY_WORDS[(m.group("where") or m.group("who")).lower()] != d.site.country
    places = {
        COUNTRY_WORDS[m.group("where").lower()] if m.group("where") else m.group("other").lower()
        for m in _OVER_A_COUNTRY.finditer(f.sent.text)
    }
    return bool(places) and d.site.country not in places


def own_figures(f: Facts, d: Draft, name: str) -> list[int]:
    """Figures of ``d`` in one sentence: in its clause; 'no casualties' covers every attack the sentence
    tells; a sentence telling several attacks together gives none of them a positive figure."""
    span = d.spans.get(f.sent.index)
    out: list[int] = []
    if another_countrys_event(f, d):
        return out
    for fig in f.figures:
        if fig.field != name:
            continue
        if fig.value == 0 and name in {"killed", "injured"}:
            if not _A_PART_OF_THE_VOLLEY.match(f.sent.text) and not _in_another_item(f, fig, span):
                out.append(fig.value)
        elif f.sent.index in d.shared or (d.shared_before is not None and f.sent.index < d.shared_before):
            continue
        elif d.site is not None and len(f.sites) < 2 and counted_sites(f.sent.text) > 1:
            continue  # "Iran launched 16 missiles at two Iraqi airbases": the two attacks' total, not this one's
        elif d.site is not None and _at_several_bases(f, fig):
            continue  # "launched more than a dozen missiles at bases hosting US troops": the total over the bases
        elif name in {"killed", "injured"} and _a_running_total(f.sent.text, fig):
            continue  # "At least 24 U.S. troops were hurt amid a wave of attacks": the campaign's toll
        elif span is None or span[0] <= fig.start < span[1]:
            out.append(fig.value)
    return out
