"""Anchoring: one draft per attack, reading the article in order with the attack in focus.

Rules, in the order they are tried for each target a sentence names (see ``segments`` for the cues):

1. A sentence naming several targets gives each its own clause (``segments.clause_spans``).
2. A target in a background frame (an earlier date, "after ... X", "previously") is a background draft,
   one per site and date.
3. A summary line ("attacked four times on Thursday") frames the attacks told one by one; it becomes an
   attack of its own only when no other is told (``fold_summaries``).
4. "two sites in northeastern Syria": one unnamed draft per site; enumerated weapons pair with them in order.
5. An unnamed target ("the base", "a US base in Syria") continues the attack in focus when country, place
   and day agree; otherwise an earlier unnamed draft of the same story; otherwise it starts a draft.
6. "The attack targeted the Green Zone": the definite attack already told, with a finer location.
7. A named site continues its latest draft unless the day differs or a new-event cue ("another",
   "separately", "a second attack") opens one.
8. A named site gives its name to the unnamed attack in focus (same country and day).
9. "The first attack ... the second attack": the attack in focus splits into one draft per ordinal.
10. "The al-Tanf garrison in southeastern Syria is ...", right after an unnamed attack: that is its name.
11. "X was attacked twice": one draft per attack on X; "three times, including at X and Y": the rest are
    unnamed drafts (``split_times``).
12. Sites a few km apart named in one sentence ("the Green Zone ... the US embassy") are one target
    (``merge_near``).
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

from ingest.extractor import cues, segments
from ingest.extractor.dates import DateMention
from ingest.extractor.events import Draft, Facts, Target, anchor_date, is_background, targets, told_as_reference
from ingest.extractor.types import Site

if TYPE_CHECKING:
    from ingest.extractor.state import State


def date_compatible(a: DateMention | None, b: DateMention | None) -> bool:
    """Two day-precision event dates that differ mean two attacks; anything vaguer is compatible."""
    if a is None or b is None or a.reporting or b.reporting:
        return True
    if a.precision != "day" or b.precision != "day":
        return True
    return a.date == b.date


def _norm_place(place: str | None) -> str:
    return re.sub(r"\b(?:the|province|governorate|region|city)\b|\W", "", (place or "").lower())


def same_story(d: Draft, country: str | None, place: str | None, date: DateMention | None) -> bool:
    """Could this unnamed mention be the attack ``d``? Country, place (when both are stated) and day agree."""
    if country and d.country_code and country != d.country_code:
        return False
    # "Syria" and "northeastern Syria" may be the same story; "Hasakah" and "Deir ez-Zor" are not
    a, b = _norm_place(place), _norm_place(d.place)
    if a and b and a not in b and b not in a:
        return False
    return date_compatible(d.date, date)


def _anchor(state: State, d: Draft, idx: int, date: DateMention | None, span: tuple[int, int] | None) -> None:
    if idx not in d.anchors:
        d.anchors.append(idx)
    if span is not None:
        old = d.spans.get(idx)
        d.spans[idx] = span if old is None else (min(old[0], span[0]), max(old[1], span[1]))
    if date is not None and (d.date is None or (d.date.reporting and not date.reporting)):
        d.date, d.date_sentence = date, idx
    owners = state.owner.setdefault(idx, [])
    if not any(o is d for o in owners):
        owners.append(d)


def _new(state: State, role: str, t: Target, **kw) -> Draft:
    d = Draft(role, t.site, t.place, t.country, **kw)
    state.drafts.append(d)
    return d


def _counted(state: State, f: Facts, t: Target, k: int) -> list[tuple[Draft, tuple[int, int] | None]]:
    """'attacked at two sites ... with multiple rockets and a one-way attack drone': k drafts, the i-th weapon
    phrase to the i-th site when the sentence lists exactly k."""
    n = len(f.sent.text)
    spans: list[tuple[int, int] | None] = [None] * k
    if len(f.weapons) == k and len({w.category for w in f.weapons}) == k:
        starts = segments.list_item_starts(f.sent.text, [(w.start, w.end) for w in f.weapons])
        spans = list(segments.split_by_positions(n, starts))
    return [(_new(state, "primary", t, counted=True), sp) for sp in spans]


def _primary_drafts(
    state: State, f: Facts, t: Target, span: tuple[int, int], date: DateMention | None, focus: Draft | None, n: int
) -> list[tuple[Draft, tuple[int, int] | None]]:
    text = f.sent.text
    own = span if n > 1 or span != (0, len(text)) else None
    fresh = segments.opens_new_event(text, span[0], span[1])
    primaries = [d for d in state.drafts if d.role == "primary" and not d.summary]
    if t.site is None:
        k = segments.counted_sites(text)
        if k > 1:
            return _counted(state, f, t, k)
        if not fresh and focus is not None and same_story(focus, t.country, t.place, date):
            return [(focus, own)]
        for d in reversed(primaries):
            if d.site is None and not d.counted and not fresh and same_story(d, t.country, t.place, date):
                return [(d, own)]
        return [(_new(state, "primary", t), own)]
    if (
        focus is not None
        and focus.site is not None
        and focus.site.slug != t.site.slug
        and n == 1
        and not fresh
        and segments.ANAPHORIC.match(text)
        and date_compatible(focus.date, date)
    ):
        return [(focus, own)]
    same = [d for d in primaries if d.site is not None and d.site.slug == t.site.slug]
    if not same and not fresh:
        # "the latest attack on the US embassy" after rockets on the Green Zone: a site a few km from the one
        # already told is the same attack seen from nearer or farther
        same = [d for d in primaries if d.site is not None and _km(d.site, t.site) <= NEAR_KM]
    # the latest attack on this site of a compatible day ("Ten rockets were fired Wednesday ..." again, after
    # Saturday's attack on the same site was told)
    match = next((d for d in reversed(same) if date_compatible(d.date, date)), None)
    if match is not None and not fresh:
        return [(match, own)]
    if (
        focus is not None
        and focus.site is None
        and not focus.counted
        and not fresh
        and same_story(focus, t.site.country, None, date)
    ):
        focus.site = t.site
        if n > 1:
            # "The drones targeted al-Harir and al-Asad": what was told before of the attack unnamed was told
            # of all the attacks this sentence names - its figures belong to none of them
            focus.shared_before = f.sent.index
        return [(focus, own)]
    return [(_new(state, "primary", t), own)]


def _split_ordinals(state: State, f: Facts, d: Draft) -> Draft:
    """'The first attack ... while the second drone attack ...': one draft per ordinal; what was told of
    them together before is shared (its positive figures belong to neither)."""
    idx, text = f.sent.index, f.sent.text
    spans = segments.split_by_positions(len(text), segments.ordinal_cuts(text))
    earlier = [i for i in d.anchors if i != idx]
    d.shared.update(earlier)
    d.spans[idx] = spans[0]
    last = d
    for sp in spans[1:]:
        c = Draft("primary", d.site, d.place, d.country, anchors=[*earlier, idx], date=d.date)
        c.date_sentence, c.shared, c.spans = d.date_sentence, set(earlier), {idx: sp}
        state.drafts.append(c)
        for i in c.anchors:
            state.owner.setdefault(i, []).append(c)
        last = c
    return last


def _names_unnamed(f: Facts, focus: Draft | None, state: State) -> bool:
    """'The al-Tanf garrison in southeastern Syria is located ...' right after an unnamed attack names it."""
    if focus is None or focus.site is not None or focus.counted or focus.summary or not focus.anchors:
        return False
    slugs = {m.site.slug for m in f.sites}
    if len(slugs) != 1 or f.sent.index - max(focus.anchors) > 3 or f.vetoes & {"other_actor", "foiled", "shipping"}:
        return False
    m = f.sites[0]
    if m.start - f.sent.start > 12 or focus.country_code not in (None, m.site.country):
        return False
    return not any(d.site is not None and d.site.slug == m.site.slug for d in state.drafts if d.role == "primary")


def _km(a: Site, b: Site) -> float:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return float("inf")
    p = math.pi / 180
    h = (
        math.sin((b.lat - a.lat) * p / 2) ** 2
        + math.cos(a.lat * p) * math.cos(b.lat * p) * math.sin((b.lon - a.lon) * p / 2) ** 2
    )
    return 12742 * math.asin(math.sqrt(h))


NEAR_KM = 3.0


def merge_near(found: list[Target], known: list[Draft]) -> list[Target]:
    """'Rockets landed in the Green Zone, whose apparent target was the US embassy': sites a few km apart
    named in one sentence are one place hit by one attack. The one already told keeps it, else the first named."""
    told = {d.site.slug for d in known if d.site is not None and d.role == "primary"}
    out: list[Target] = []
    for t in found:
        near = next((o for o in out if o.site and t.site and _km(o.site, t.site) <= NEAR_KM), None)
        if near is None:
            out.append(t)
        elif t.site.slug in told and near.site.slug not in told:
            out[out.index(near)] = Target(t.site, t.place, t.country, near.start, near.end)
    return out


_TIMES = re.compile(
    r"\b(?:attacked|targeted|hit|struck|shelled|came\s+under\s+(?:\w+\s+)?(?:attack|fire))\s+"
    r"(?P<n>twice|two|three|four|five|\d)(?:\s+times)?\b(?P<incl>[^.;]{0,30}?\bincluding\b)?",
    re.I,
)
_THE_SITE = re.compile(r"\b(?:the|that)\s+(?:base|garrison|airbase|air\s+base|site|outpost|facility)\b", re.I)
# "It was also attacked in May": the site in focus, by a pronoun
_IT_WAS_HIT = re.compile(
    r"^\W*it\s+(?:was|had\s+been|has\s+been)\s+(?:also\s+|previously\s+|last\s+)?(?:attacked|hit|targeted|struck|shelled)\b",
    re.I,
)
_DEFINITE = re.compile(r"(?:^|\W)(?:the|this|that)\s+$", re.I)
_THAT_TIME = re.compile(r"\bthat\s+(?:month|week|day|year)\b", re.I)
# A sentence whose subject is the attack just told: "This is the first such attack targeting coalition troops
# since ...", "It marked the second attack on the base this week"
_SPEAKS_OF_FOCUS = re.compile(
    r"^\W*(?:this|it|that|the\s+attack|the\s+strike)\s+(?:is|was|marks|marked|became|comes|came|represents)\s+"
    r"(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?(?:attack|strike|incident|time)\b",
    re.I,
)
# "The base last came under attack", "inside the same Iraqi airbase", "the storage facility of the air base"
_THE_SITE_AGAIN = re.compile(
    r"\b(?i:the|that)\s+(?:same\s+)?(?:[A-Z][\w-]+\s+)?(?:base|garrison|airbase|air\s+base|site|outpost)\b"
)
# "targeted, for the second time within hours, the Kharab al-Jir base": this attack and an earlier one that day
_AGAIN_TODAY = re.compile(
    r"\bfor\s+the\s+(?P<n>second|third)\s+time\s+(?:within\s+(?:hours|a\s+day|24\s+hours)|in\s+(?:hours|a\s+day|24\s+hours)"
    r"|today|on\s+the\s+same\s+day|that\s+day)\b",
    re.I,
)
_TIMES_N = {"twice": 2, "two": 2, "three": 3, "four": 4, "five": 5, "second": 2, "third": 3}


def times_told(text: str) -> tuple[int, bool]:
    """'the base was attacked twice' -> (2, False); 'came under attack three times ..., including at X' ->
    (3, True); (0, False) when the sentence gives no such count."""
    again = _AGAIN_TODAY.search(text)
    if again is not None:
        return _TIMES_N.get(again.group("n").lower(), 2), False
    m = _TIMES.search(text)
    if m is None or (m.group("n").isdigit() and "times" not in m.group(0)):
        return 0, False
    n = _TIMES_N.get(m.group("n").lower()) or int(m.group("n"))
    if n < 2 or n > 5 or (m.group("n").lower() != "twice" and "times" not in m.group(0)):
        return 0, False
    return n, m.group("incl") is not None


def split_times(state: State, f: Facts, touched: list[Draft]) -> None:
    """'The al-Shaddadi base was attacked twice': as many attacks on that site as the count says (what the
    sentence tells is shared by them); 'three times on Sunday, including near X and at Y': the attacks left
    unnamed are drafts of their own, on the same day and in the same country."""
    n, including = times_told(f.sent.text)
    named = list({id(d): d for d in touched if d.role == "primary" and d.site is not None}.values())
    if n == 0 or not named:
        return
    idx = f.sent.index
    if including:
        first = named[0]
        for _ in range(n - len(named)):
            c = Draft("primary", None, None, first.country_code, anchors=[idx], date=first.date, counted=True)
            c.date_sentence, c.shared = first.date_sentence, {idx}
            state.drafts.append(c)
            state.owner.setdefault(idx, []).append(c)
        return
    if len(named) != 1:
        return
    d = named[0]
    same = [o for o in state.drafts if o.role == "primary" and o.site is d.site and date_compatible(o.date, d.date)]
    earlier = [i for i in d.anchors if i != idx]
    for _ in range(n - len(same)):
        c = Draft("primary", d.site, d.place, d.country, anchors=[*earlier, idx], date=d.date)
        c.date_sentence, c.shared = d.date_sentence, {*earlier, idx}
        state.drafts.append(c)
        for i in c.anchors:
            state.owner.setdefault(i, []).append(c)


def earlier_attack_told(f: Facts, focus: Draft | None) -> tuple[Target, DateMention] | None:
    """An earlier attack told without a site of its own: 'The site last came under attack in late March' (the
    site in focus), 'In December, a similar rocket fusillade killed a U.S. contractor' (an unnamed site in the
    story's country). It needs a past date, and a weapon or a casualty figure unless it speaks of 'the base'."""
    if not f.attack or f.sites or f.vetoes & {"other_actor", "shipping", "foiled", "other_target", "tally", "denial"}:
        return None
    past = [x for x in f.dates if x.past and not x.reporting and x.kind != "since"]
    if not past and cues.SIMILAR_ATTACK.search(f.sent.text) and _THAT_TIME.search(f.sent.text):
        # "officials said in October they believe Iran was behind a similar attack on the base that month"
        past = [x for x in f.dates if x.past and x.kind != "since"]
    if not past or focus is None:
        return None
    if focus.site is not None and (_THE_SITE_AGAIN.search(f.sent.text) or _IT_WAS_HIT.match(f.sent.text)):
        return Target(focus.site, None, focus.site.country, 0, 0), past[0]
    told = f.weapons and any(g.field in {"killed", "injured", "launched"} and g.value > 0 for g in f.figures)
    if not told or f.vetoes:
        return None
    country = f.place_country or focus.country_code
    return Target(None, f.place, country, 0, 0), past[0]


def past_frame(f: Facts, frame: DateMention | None, drafts: list[Draft]) -> DateMention | None:
    """'The site last came under attack in late March, when ...': once a sentence tells an attack in the past,
    the unnamed, undated attacks told next are that time's, until a sentence dates an event anew or names a site
    whose attack is the news."""
    events = [x for x in f.dates if not x.reporting and x.kind != "since"]
    past = [x for x in events if x.past]
    if f.attack and past:
        return past[0]
    if any(not x.past for x in events):
        return None
    news = {d.site.slug for d in drafts if d.role == "primary" and d.site is not None}
    if any(m.site.slug in news for m in f.sites):
        return None
    return frame


def refers_to_focus(f: Facts, t: Target, date: DateMention | None, focus: Draft) -> bool:
    """'The White House said Wednesday that the group was behind the weekend drone attack that killed three
    soldiers at a base in Jordan': an attack named by what it did, right after it was told, is the attack in
    focus again - not an earlier one."""
    if focus.role != "primary" or not told_as_reference(f, t):
        return False
    # the relative clause gives no day (else it is no reference); a day elsewhere in the sentence is the speaker's
    if t.site is None:
        return same_story(focus, t.country, t.place, None)
    return focus.site is not None and _km(focus.site, t.site) <= NEAR_KM


def find_anchors(state: State) -> None:
    """One draft per attack; each sentence that reports one is an anchor of it."""
    background: dict[tuple, Draft] = {}
    focus: Draft | None = None
    frame: DateMention | None = None  # the earlier time the story has moved back to, if it has
    for f in state.facts:
        idx, text = f.sent.index, f.sent.text
        frame = past_frame(f, frame, state.drafts)
        found = merge_near(targets(f), state.drafts)
        # "This is the first such attack on coalition troops since ...": the attack in focus, not a new one
        speaks_of_focus = focus is not None and _SPEAKS_OF_FOCUS.match(text) is not None
        if not found:
            earlier = earlier_attack_told(f, focus)
            if earlier is not None:
                t, date = earlier
                key = (t.site.slug if t.site else ("generic", t.country), date.date)
                if key not in background:
                    background[key] = _new(state, "background", t)
                _anchor(state, background[key], idx, date, None)
            elif _names_unnamed(f, focus, state):
                focus.site = f.sites[0].site
            elif _THE_SITE.search(text) and times_told(text)[0] and focus is not None and focus.site is not None:
                # "the base was attacked twice": the site in focus, counted
                _anchor(state, focus, idx, None, None)
                split_times(state, f, [focus])
            continue
        spans = segments.clause_spans(text, [(t.start, max(t.end, t.start)) for t in found])
        if len(found) == 1:
            spans = [segments.after_clause_span(text, found[0].start)]
        touched: list[Draft] = []
        for t, span in zip(found, spans, strict=True):
            date = anchor_date(f, t, span)
            undated = date is None or date.reporting
            if undated and focus is not None and focus.date is not None and segments.SAME_DAY.search(text):
                date = focus.date
            own = span if len(found) > 1 or span != (0, len(text)) else None
            if t.site is None and undated and frame is not None:
                date = frame  # "That was set off when a drone strike on a coalition base killed ...": still then
            if focus is not None and refers_to_focus(f, t, date, focus):
                _anchor(state, focus, idx, date, own)
                touched.append(focus)
                continue
            if (t.before_strike or speaks_of_focus) and not is_background(f, t, date):
                continue
            if is_background(f, t, date):
                if (
                    t.site is None
                    and focus is not None
                    and focus.site is not None
                    and _DEFINITE.search(text, 0, t.start)
                ):
                    # "The base, which hosts coalition personnel, was hit by a rocket on June 20": the site in focus
                    t = Target(focus.site, None, focus.site.country, t.start, t.end)
                key = (t.site.slug if t.site else ("generic", t.country), date.date if date else None)
                if key not in background:
                    background[key] = _new(state, "background", t)
                _anchor(state, background[key], idx, date, own)
                continue
            if t.site is None and segments.is_roundup_summary(text):
                d = _new(state, "primary", t, summary=True)
                _anchor(state, d, idx, date, own)
                continue
            for d, dspan in _primary_drafts(state, f, t, span, date, focus, len(found)):
                _anchor(state, d, idx, date, dspan)
                touched.append(d)
                focus = d
        split_times(state, f, touched)
        distinct = {id(d) for d in touched}
        if len(distinct) == 1 and not touched[0].counted and segments.ordinal_cuts(text):
            focus = _split_ordinals(state, f, touched[0])


def fold_summaries(state: State) -> None:
    """A summary line frames the attacks told one by one (its day, 'no casualties', claim apply to each);
    when the article tells none, the summary is the one attack it reports."""
    named = [d for d in state.drafts if d.role == "primary" and d.site is not None and not d.summary]
    for d in state.drafts:
        # "targeted two U.S. bases in Iraq" followed by the attacks on al-Asad and al-Harir: the counted,
        # unnamed targets were the named ones - the line frames them (not so the attacks left unnamed by
        # "three times, including X and Y", told in the same sentence as the named ones)
        if d.counted and d.site is None and d.role == "primary":
            told_apart = [n for n in named if not set(n.anchors) & set(d.anchors)]
            d.summary = any(same_story(d, n.site.country, None, n.date) for n in told_apart)
    summaries = [d for d in state.drafts if d.summary]
    if not summaries:
        return
    others = [d for d in state.drafts if d.role == "primary" and not d.summary]
    if not others:
        keep = summaries[0]
        keep.summary = False
        for s in summaries[1:]:
            keep.anchors = sorted({*keep.anchors, *s.anchors})
            keep.date = keep.date or s.date
            keep.date_sentence = keep.date_sentence if keep.date_sentence is not None else s.date_sentence
        _drop(state, summaries[1:], keep)
        return
    frames = sorted({i for s in summaries for i in s.anchors})
    for d in others:
        d.frames = frames
        d.shared.update(frames)
    _drop(state, summaries, None)


def _drop(state: State, gone: list[Draft], into: Draft | None) -> None:
    ids = {id(g) for g in gone}
    state.drafts = [d for d in state.drafts if id(d) not in ids]
    for idx, owners in list(state.owner.items()):
        kept = [o for o in owners if id(o) not in ids]
        if into is not None and len(kept) < len(owners) and not any(o is into for o in kept):
            kept.append(into)
        if kept:
            state.owner[idx] = kept
        else:
            del state.owner[idx]
