"""How a story refers to attacks: the attack in focus again, an earlier attack, the same place told twice.

``anchoring`` asks these questions of each sentence; each answer is a small function with its own tests.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace

from ingest.extractor import cues, prefilter, vocabulary
from ingest.extractor.dates import DateMention
from ingest.extractor.events import NOT_AN_ATTACK, Draft, Facts, Target, told_as_reference
from ingest.extractor.places import COUNTRY_WORDS
from ingest.extractor.types import Site

# "It was also attacked in May": the site in focus, by a pronoun
_IT_WAS_HIT = prefilter.compile(
    r"^\W*it\s+(?:was|had\s+been|has\s+been)\s+(?:also\s+|previously\s+|last\s+)?(?:attacked|hit|targeted|struck|shelled)\b",
    re.I,
)
# "the base", "that base", "the same base": the site already told
DEFINITE = prefilter.compile(r"(?:^|\W)(?:the|this|that)\s+(?:same\s+)?$", re.I)
# An attack named by its day, up to the day: "Tehran's attack on June 23", "the attack of June 23", "saying it
# launched the attack on Feb. 4", "the operation on"
ATTACK_ON_THE_DAY = prefilter.compile(
    r"(?:\bthe|\bthis|\bthat|[\w-]+['\u2019]s)\s+(?:[\w-]+\s+){0,2}?(?:attack|strike|assault|retaliation|operation)"
    r"\s+(?:on|of)\s+$",
    re.I,
)
_THAT_TIME = prefilter.compile(r"\bthat\s+(?:month|week|day|year)\b", re.I)

# "The base last came under attack", "inside the same Iraqi airbase", "the storage facility of the air base", "an armed
# drone targeting the facility"
THE_SITE = prefilter.compile(
    r"\b(?i:the|that)\s+(?:same\s+)?(?:[A-Z][\w-]+\s+)?"
    r"(?:base|garrison|airbase|air\s+base|site|outpost|facility|installation)\b"
)


# An earlier attack may be told as a habit's example or a hypothesis' precedent; not as another actor's strike,
# a convoy, a ship, a tally or a denial.
_NOT_AN_EARLIER_ATTACK = NOT_AN_ATTACK - {"hypothetical", "habitual"}


def date_compatible(a: DateMention | None, b: DateMention | None) -> bool:
    """Two day-precision event dates that differ mean two attacks; so does an attack told on a day before the
    other happened ("Ryder told reporters Monday that there was a rocket attack" beside Tuesday's attack);
    anything vaguer is compatible."""
    if a is None or b is None:
        return True
    if a.reporting or b.reporting:
        told, event = (a, b) if a.reporting else (b, a)
        return event.reporting or event.precision != "day" or not told.told_before(event.date)
    if a.precision != "day" or b.precision != "day":
        return True
    return a.date == b.date


_COMPASS = re.compile(r"^(?:north|south)?(?:east|west)?(?:ern)?(?=[a-z])")


def _norm_place(place: str | None) -> str:
    """A place to compare; a country's name is no place within it ('Iraq' and 'Erbil' may tell one attack)."""
    norm = re.sub(r"\b(?:the|province|governorate|region|city)\b|\W", "", (place or "").lower())
    # "northeastern Syria" is a part of the country, not a place to tell two attacks apart by
    norm = _COMPASS.sub("", norm)
    return "" if norm in COUNTRY_WORDS else norm


def same_story(d: Draft, country: str | None, place: str | None, date: DateMention | None) -> bool:
    """Could this unnamed mention be the attack ``d``? Country, place (when both are stated) and day agree."""
    if country and d.country_code and country != d.country_code:
        return False
    # "Syria" and "northeastern Syria" may be the same story; "Hasakah" and "Deir ez-Zor" are not
    a, b = _norm_place(place), _norm_place(d.place)
    if a and b and a not in b and b not in a:
        return False
    # "a military base in southern Syria" and "an oil facility in eastern Syria": parts of a country told by compass
    # words neither of which holds the other are two places ("eastern" and "northeastern" may be one)
    x, y = _compass(place), _compass(d.place)
    if x and y and not (x <= y or y <= x):
        return False
    return date_compatible(d.date, date)


_COMPASS_WORD = re.compile(r"\b(north|south)?[\s-]?(east|west)?(?:ern)?\b", re.I)


def _compass(place: str | None) -> frozenset[str]:
    """The compass points a place's opening words give ('northeastern Syria': north, east), else empty."""
    m = _COMPASS_WORD.match((place or "").strip())
    return frozenset(p.lower() for p in m.groups() if p) if m else frozenset()


def km(a: Site, b: Site) -> float:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return float("inf")
    p = math.pi / 180
    h = (
        # no coordinate is None (returned above)
        math.sin((b.lat - a.lat) * p / 2) ** 2  # type: ignore[operator]
        + math.cos(a.lat * p) * math.cos(b.lat * p) * math.sin((b.lon - a.lon) * p / 2) ** 2  # type: ignore[operator]
    )
    return 12742 * math.asin(math.sqrt(h))


NEAR_KM = 3.0


def merge_near(found: list[Target], known: list[Draft]) -> list[Target]:
    """'Rockets landed in the Green Zone, whose apparent target was the US embassy': sites a few km apart
    named in one sentence are one place hit by one attack. The one already told keeps it, else the first named."""
    told = {d.site.slug for d in known if d.site is not None and d.role == "primary"}
    out: list[Target] = []
    for t in found:
        near = next((o for o in out if o.site and t.site and km(o.site, t.site) <= NEAR_KM), None)
        if near is None:
            out.append(t)
        # near was found only with both sites set
        elif t.site.slug in told and near.site.slug not in told:  # type: ignore[union-attr]
            out[out.index(near)] = Target(t.site, t.place, t.country, near.start, near.end)
    return out


# Days between two dates of one attack told across midnight ("claimed to have attacked the base on Sunday" for an
# attack early on Monday): from this many days apart, they are two attacks
ACROSS_MIDNIGHT = 2


def earlier_attack_told(f: Facts, focus: Draft | None) -> tuple[Target, DateMention] | None:
    """An earlier attack told without a site of its own: 'The site last came under attack in late March' (the
    site in focus), 'In December, a similar rocket fusillade killed a U.S. contractor' (an unnamed site in the
    story's country). It needs a past date, and a weapon or a casualty figure unless it speaks of 'the base'."""
    if not f.attack or f.sites or f.vetoes & _NOT_AN_EARLIER_ATTACK:
        return None
    past = f.past_event_dates
    if not past and cues.SIMILAR_ATTACK.search(f.sent.text) and _THAT_TIME.search(f.sent.text):
        # "officials said in October they believe Iran was behind a similar attack on the base that month"
        past = [x for x in f.dates if x.past and x.kind != "since"]
    if focus is None:
        return None
    the_site = focus.site if THE_SITE.search(f.sent.text) or _IT_WAS_HIT.match(f.sent.text) else None
    if not past and the_site is not None and focus.event_day is not None:
        # "The base had been attacked on Friday too" after Monday's attack: days before the news, on the site
        past = [x for x in f.event_dates if x.precision == "day" and (focus.event_day - x.date).days >= ACROSS_MIDNIGHT]
        # "On April 8, the coalition said it shot down an armed drone targeting the facility": told weeks before the
        # news, the attack was by then
        past = past or [
            x for x in f.dates if x.told_before(focus.event_day) and (focus.event_day - x.date).days >= ACROSS_MIDNIGHT
        ]
    if not past:
        return None
    if the_site is not None:
        return Target(the_site, None, the_site.country, 0, 0), past[0]
    told = f.weapons and any(g.field in {"killed", "injured", "launched"} and g.value > 0 for g in f.figures)
    if not told or f.vetoes:
        return None
    country = f.place_country or focus.country_code
    return Target(None, f.place, country, 0, 0), past[0]


def past_frame(f: Facts, frame: DateMention | None, drafts: list[Draft]) -> DateMention | None:
    """'The site last came under attack in late March, when ...': once a sentence tells an attack in the past,
    the unnamed, undated attacks told next are that time's, until a sentence dates an event anew or names a site
    whose attack is the news."""
    past = f.past_event_dates
    if f.attack and past:
        return past[0]
    if len(past) < len(f.event_dates):
        return None  # the sentence dates an event anew
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
    return focus.site is not None and km(focus.site, t.site) <= NEAR_KM


# "since January, when several rockets landed": the day the window opens on is the earlier attack's own
_WHEN_AFTER = prefilter.compile(r"\s*,?\s*when\b", re.I)


def earlier_attacks_counted(f: Facts) -> tuple[int, DateMention | None, int] | None:
    """'The attack was the third in six months on the base', 'the second strike on Camp Taji since January': the
    attack in focus counted among the attacks on its site over a window tells how many came before it. The one
    earlier attack takes the day the window opens on when that is its own ('the first time the Green Village was
    hit by rocket fire since January', 'since January, when several rockets landed in and around the base'); 'the
    first' counts one only so. The last value is where the site counted on may be named from: after the count
    ('the second strike on Camp Taji', 'the third time ... that the base has come under attack'), or anywhere when
    the site is the subject of a verb 'for the second time' ('The base ... was targeted for the second time since
    June 20') - not a site the count only follows ('an attack on Rumalyn, marking the first time since Feb. 4
    that militias have attacked a U.S. facility'). None when the sentence counts nothing."""
    m = cues.NTH_IN_A_WINDOW.search(f.sent.text)
    if m is None or not f.attack or f.vetoes & {"tally", "denial"}:
        return None
    nth = vocabulary.ORDINALS[m.group("nth").lower()]
    since = next((x for x in f.dates if x.kind == "since" and x.start >= m.start()), None)
    opened = since is not None and (nth == 1 or _WHEN_AFTER.match(f.sent.text, since.end) is not None)
    if nth == 1 and not opened:
        return None
    earlier = max(nth - 1, 1)
    named_from = 0 if m.group("for") else m.start()
    if earlier == 1 and opened:
        # opened only with since set
        return earlier, replace(since, kind="explicit" if since.precision == "day" else "month"), named_from  # type: ignore[type-var,union-attr]
    return earlier, None, named_from
