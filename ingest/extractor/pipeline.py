"""The extractor's ordered rules. Each takes the shared ``State`` and fills in one thing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc

from ingest.extractor import cues
from ingest.extractor.attribution import find_attribution
from ingest.extractor.counts import best_low_high
from ingest.extractor.events import Draft, Facts, anchor_date, is_background, read_facts, targets
from ingest.extractor.factions import FactionMatcher
from ingest.extractor.names import set_skeleton_norms
from ingest.extractor.sentences import Sentence, parse, sentence_at, split_sentences
from ingest.extractor.sites import SiteMatcher
from ingest.extractor.types import COUNT_FIELDS, Count, Evidence, ExtractedIncident, Faction, Gazetteer, Report
from ingest.extractor.weapons import categories


@dataclass(frozen=True)
class Compiled:
    sites: SiteMatcher
    factions: FactionMatcher


@cache
def compiled(gazetteer: Gazetteer) -> Compiled:
    """Matchers built once per gazetteer (the frozen Gazetteer is the cache key)."""
    return Compiled(SiteMatcher(gazetteer), FactionMatcher(gazetteer))


@dataclass
class State:
    text: str
    published: dt.date
    gazetteer: Gazetteer
    doc: Doc | None = None
    sentences: list[Sentence] = field(default_factory=list)
    facts: list[Facts] = field(default_factory=list)
    drafts: list[Draft] = field(default_factory=list)
    owner: dict[int, list[Draft]] = field(default_factory=dict)  # sentence index -> drafts it informs
    incidents: list[ExtractedIncident] = field(default_factory=list)


def read_sentences(state: State) -> None:
    state.doc = set_skeleton_norms(parse(state.text))
    state.sentences = split_sentences(state.doc)


def read_mentions(state: State) -> None:
    """Sites, factions, weapons, dates, figures and cues, sentence by sentence."""
    matchers = compiled(state.gazetteer)
    by_sent_sites: dict[int, list] = {}
    by_sent_factions: dict[int, list] = {}
    for m in matchers.sites.find(state.doc):
        s = sentence_at(state.sentences, m.start)
        if s is not None:
            by_sent_sites.setdefault(s.index, []).append(m)
    for m in matchers.factions.find(state.doc):
        s = sentence_at(state.sentences, m.start)
        if s is not None:
            by_sent_factions.setdefault(s.index, []).append(m)
    previous = None
    for s in state.sentences:
        attribution = find_attribution(s.text, previous)
        previous = attribution or previous
        state.facts.append(
            read_facts(
                s, by_sent_sites.get(s.index, []), by_sent_factions.get(s.index, []), state.published, attribution
            )
        )


def find_anchors(state: State) -> None:
    """One draft per attacked target and role; a repeated target adds an anchor sentence."""
    by_key: dict[tuple, Draft] = {}
    for f in state.facts:
        for target in targets(f):
            date = anchor_date(f, target)
            role = "background" if is_background(f, target, date) else "primary"
            draft = Draft(role, target.site, target.place, target.country)
            key = draft.key if role == "primary" else (*draft.key, date.date if date else None)
            if key in by_key:
                draft = by_key[key]
            else:
                by_key[key] = draft
                state.drafts.append(draft)
            if f.sent.index not in draft.anchors:
                draft.anchors.append(f.sent.index)
            if draft.date is None and date is not None:
                draft.date, draft.date_sentence = date, f.sent.index
            state.owner.setdefault(f.sent.index, [])
            if draft not in state.owner[f.sent.index]:
                state.owner[f.sent.index].append(draft)


def merge_generic(state: State) -> None:
    """'a US base in Iraq' and 'Ain al-Asad' in the same story are one attack."""
    named = [d for d in state.drafts if d.site is not None and d.role == "primary"]
    for d in list(state.drafts):
        if d.site is not None or d.role != "primary":
            continue
        same = [n for n in named if d.country in (None, n.site.country)]
        same = same or [
            g
            for g in state.drafts
            if (g is not d and g.site is None and g.role == "primary" and None in (g.country, d.country))
            or (g is not d and g.site is None and g.role == "primary" and g.country == d.country)
        ]
        same = (
            [g for g in same if g.anchors and g.anchors[0] < d.anchors[0]]
            if all(g.site is None for g in same)
            else same
        )
        if not same:
            continue
        into = same[0]
        into.anchors = sorted({*into.anchors, *d.anchors})
        into.country = into.country or d.country
        into.place = into.place or d.place
        if into.date is None and d.date is not None:
            into.date, into.date_sentence = d.date, d.date_sentence
        for idx, owners in state.owner.items():
            merged: list[Draft] = []
            for o in owners:
                o = into if o is d else o
                if not any(o is m for m in merged):
                    merged.append(o)
            state.owner[idx] = merged
        state.drafts.remove(d)


def attach_details(state: State) -> None:
    """Sentences between anchors inform the attack last named (or the one whose site they name)."""
    primaries = [d for d in state.drafts if d.role == "primary"]
    current = primaries[0] if primaries else None
    for f in state.facts:
        idx = f.sent.index
        if idx in state.owner:
            current = state.owner[idx][-1]
            continue
        if current is None or f.vetoes & {"other_actor", "shipping", "foiled", "tally"}:
            continue
        named = {m.site.slug for m in f.sites}
        target = next(
            (d for d in state.drafts if d.site is not None and d.site.slug in named and d.role == "primary"), None
        )
        target = target or next((d for d in state.drafts if d.site is not None and d.site.slug in named), None)
        draft = target or current
        draft.details.append(idx)
        state.owner[idx] = [draft]


def drop_denied(state: State) -> None:
    """'Officials did not believe the drone was targeting the base': not an attack on it."""
    for idx, owners in state.owner.items():
        if "denial" in state.facts[idx].vetoes:
            for d in owners:
                d.denied = True
    state.drafts = [d for d in state.drafts if not (d.denied and d.role == "primary")]


def resolve_dates(state: State) -> None:
    """A primary attack without its own date takes a date from its other sentences, the lead, or publication."""
    for d in state.drafts:
        if d.date is not None or d.role != "primary":
            continue
        for idx in d.sentences():
            found = [x for x in state.facts[idx].dates if not x.past and x.kind != "since" and x.precision == "day"]
            if found:
                d.date, d.date_sentence = found[0], idx
                break
        if d.date is None:
            for f in state.facts[:3]:
                found = [x for x in f.dates if not x.past and x.kind != "since" and x.precision == "day"]
                if found:
                    d.date, d.date_sentence = found[0], f.sent.index
                    break


def _evidence(state: State, idx: int) -> Evidence:
    s = state.sentences[idx]
    return Evidence(s.text, s.start, s.end)


def _perpetrator(state: State, d: Draft) -> tuple[Faction | None, bool, int | None]:
    """Named group that claimed the attack or that officials held responsible; generic mentions never count."""
    claimed, faction, where = False, None, None
    indexes = set(d.sentences())
    if d.role == "primary":
        for idx, owners in state.owner.items():
            f = state.facts[idx]
            if not f.sites and cues.PLURAL_ATTACKS.search(f.sent.text) and all(o.role == "primary" for o in owners):
                indexes.add(idx)
    for idx in sorted(indexes):
        f = state.facts[idx]
        text = f.sent.text
        if cues.GENERIC_CLAIM.search(text) or cues.NO_CLAIM.search(text):
            continue
        if cues.CLAIM.search(text):
            claimed = True
            if f.factions and faction is None:
                faction, where = f.factions[0].faction, idx
            elif where is None:
                where = idx
        elif cues.BLAME.search(text) and f.factions and faction is None:
            faction, where = f.factions[0].faction, idx
    return faction, claimed, where


def build_incidents(state: State) -> None:
    for d in state.drafts:
        anchor = d.anchors[0]
        evidence: dict[str, Evidence] = {"role": _evidence(state, anchor)}
        date, precision = None, "day"
        if d.date is not None:
            date, precision = d.date.date, d.date.precision
            evidence["date"] = _evidence(state, d.date_sentence)
        elif d.role == "primary":
            date = state.published
        if d.site is not None:
            evidence["base"] = _evidence(state, anchor)
        if d.place:
            evidence["place"] = _evidence(state, anchor)
        country = d.site.country if d.site else d.country
        if country:
            evidence["country"] = _evidence(state, anchor)
        weapon_mentions, weapon_idx = [], None
        for idx in d.sentences():
            f = state.facts[idx]
            if f.weapons and (idx in d.anchors or f.attack):
                weapon_mentions.extend(f.weapons)
                weapon_idx = weapon_idx if weapon_idx is not None else idx
        weapons = categories(weapon_mentions)
        if weapon_idx is not None:
            evidence["weapons"] = _evidence(state, weapon_idx)
        counts: dict[str, Count] = {}
        for name in COUNT_FIELDS:
            reports = []
            for idx in d.sentences():
                f = state.facts[idx]
                if idx in d.anchors and len(state.owner.get(idx, [])) > 1:
                    continue  # a sentence naming several attacks does not say whose figure it is
                for fig in f.figures:
                    if fig.field == name:
                        reports.append(Report(fig.value, f.attribution, _evidence(state, idx)))
            best, low, high = best_low_high([r.value for r in reports])
            counts[name] = Count(best, low, high, tuple(reports))
            if reports:
                evidence[name] = next(r.evidence for r in reports if r.value == best)
        faction, claimed, where = _perpetrator(state, d)
        if where is not None:
            if faction is not None:
                evidence["perpetrator"] = _evidence(state, where)
            if claimed:
                evidence["claimed"] = _evidence(state, where)
        confidence = 0.35 + 0.25 * (d.site is not None) + 0.1 * (d.date is not None) + 0.1 * (weapons != ("unknown",))
        confidence += 0.1 * any(c.best is not None for c in counts.values()) + 0.05 * (len(d.anchors) > 1)
        confidence -= 0.15 * (d.role == "background")
        state.incidents.append(
            ExtractedIncident(
                role=d.role,
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
                confidence=max(0.0, min(1.0, confidence)),
                evidence=evidence,
                summary=_summary(d, date, weapons, counts, faction),
            )
        )


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


RULES: tuple[Callable[[State], None], ...] = (
    read_sentences,
    read_mentions,
    find_anchors,
    merge_generic,
    attach_details,
    drop_denied,
    resolve_dates,
    build_incidents,
)


def run(text: str, published: dt.date, gazetteer: Gazetteer) -> list[ExtractedIncident]:
    state = State(text, published, gazetteer)
    for rule in RULES:
        rule(state)
    return state.incidents
