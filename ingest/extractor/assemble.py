"""Assembly: a finished draft becomes an ``ExtractedIncident`` - weapons and figures from the sentences that
tell THAT attack (its own clause of a multi-attack sentence, its direct continuation), claims from anything
attached to it, evidence for every field."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from ingest.extractor import cues
from ingest.extractor.confidence import Reading, field_confidence, overall
from ingest.extractor.counts import NOUN_MODIFIER, best_low_high, one_and_the_other
from ingest.extractor.events import Draft, Facts, main_clause
from ingest.extractor.types import COUNT_FIELDS, Count, Evidence, ExtractedIncident, Faction, Report
from ingest.extractor.weapons import WeaponMention, categories

if TYPE_CHECKING:
    from ingest.extractor.state import State


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
    return lead if len({w.category for w in lead}) == 1 else []


_MORE_THAN_INTERCEPTED = re.compile(r"\b(?:another|others?|the rest|remaining)\b", re.I)


def at_least_intercepted(launched: Count, intercepted: Count) -> Count:
    """'US forces shot down a drone over the embassy': what was shot down was launched, so an unstated
    launch count is at least the intercepted one."""
    if launched.best is not None or not intercepted.best:
        return launched
    # "one drone was shot down, but another hit the base": more were launched than the figure says
    if any(_MORE_THAN_INTERCEPTED.search(r.evidence.text) for r in intercepted.reports):
        return launched
    return Count(intercepted.best, intercepted.best, intercepted.best, intercepted.reports)


_PROJECTILES = frozenset({"rocket", "drone", "missile", "mortar"})
_SINGULAR_HEAD = re.compile(r"(?:\bthe|\bthat|\ba\s+single|\ba\s+lone|\bone)\s+(?:[\w-]+\s+)?$", re.I)


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
            if w.text.lower().endswith("s") or re.match(r"\s+(?:and|or)\b", f.sent.text[w.end :]):
                return launched  # plural, or one of a list of weapons: the count is not told
            head = not NOUN_MODIFIER.match(f.sent.text[w.end :])
            if found is None and head and _SINGULAR_HEAD.search(f.sent.text, 0, w.start):
                found = idx
    if found is None:
        return launched
    ev = _evidence(state, found)
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
            ev = _evidence(state, idx)
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
            ev = _evidence(state, idx)
            evidence["intercepted"] = ev
            return Count(value, value, value, (Report(value, f.attribution, ev),))
    return intercepted


def own_figures(f: Facts, d: Draft, name: str) -> list[int]:
    """Figures of ``d`` in one sentence: in its clause; 'no casualties' covers every attack the sentence
    tells; a sentence telling several attacks together gives none of them a positive figure."""
    span = d.spans.get(f.sent.index)
    out = []
    for fig in f.figures:
        if fig.field != name:
            continue
        if fig.value == 0 and name in {"killed", "injured"}:
            out.append(fig.value)
        elif f.sent.index in d.shared or (d.shared_before is not None and f.sent.index < d.shared_before):
            continue
        elif span is None or span[0] <= fig.start < span[1]:
            out.append(fig.value)
    return out


def _evidence(state: State, idx: int) -> Evidence:
    s = state.sentences[idx]
    return Evidence(s.text, s.start, s.end)


def tells_another_attack(f: Facts, d: Draft) -> bool:
    """'In December, a similar rocket fusillade killed a contractor, an attack the U.S. blamed on X': a sentence
    that is not one of the attack's own and tells an attack dated in the past (an earlier month, last week) keeps
    its claim or blame for that attack. (A claim made on a later day is still this attack's.)"""
    if f.sent.index in d.anchors or not f.attack:
        return False
    return any(x.past and not x.reporting and x.kind != "since" for x in f.dates)


def _owned_by_group(f: Facts) -> bool:
    """'The Islamic Revolutionary Guard Corps confirmed the strikes': a named group, before the verb, owns them."""
    m = cues.OWNED.search(f.sent.text)
    return m is not None and any(g.start - f.sent.start < m.start() for g in f.factions)


def _perpetrator(state: State, d: Draft) -> tuple[Faction | None, bool, int | None]:
    """Named group that claimed the attack or that officials held responsible; generic mentions never count."""
    claimed, faction, where = False, None, None
    indexes = {*d.sentences(), *d.context, *d.frames}
    if d.role == "primary":
        for idx, owners in state.owner.items():
            f = state.facts[idx]
            if not f.sites and cues.PLURAL_ATTACKS.search(f.sent.text) and all(o.role == "primary" for o in owners):
                indexes.add(idx)
    for idx in sorted(indexes):
        f = state.facts[idx]
        text = f.sent.text
        main = main_clause(text)  # "claimed the attack, the latest in a series of assaults": a claim of this one
        if cues.GENERIC_CLAIM.search(main) or cues.NO_CLAIM.search(text) or tells_another_attack(f, d):
            continue
        if _owned_by_group(f) or (
            cues.CLAIM.search(text) and not (cues.OFFICIAL_CLAIMED.search(text) and not f.factions)
        ):
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
        weapon_mentions, weapon_idx, weapon_sources = [], None, 0
        for idx in d.sentences():
            f = state.facts[idx]
            alone = len(state.owner.get(idx, [])) == 1
            found = own_weapons(f, d, alone) if idx in d.anchors else (f.weapons if f.attack else [])
            if found:
                weapon_mentions.extend(found)
                weapon_sources += 1
                weapon_idx = weapon_idx if weapon_idx is not None else idx
        weapons = categories(weapon_mentions)
        if weapon_idx is not None:
            evidence["weapons"] = _evidence(state, weapon_idx)
        counts: dict[str, Count] = {}
        for name in COUNT_FIELDS:
            reports = []
            for idx in sorted({*d.sentences(), *d.shared}):
                f = state.facts[idx]
                for value in own_figures(f, d, name):
                    reports.append(Report(value, f.attribution, _evidence(state, idx)))
            best, low, high = best_low_high([r.value for r in reports])
            counts[name] = Count(best, low, high, tuple(reports))
            if reports:
                evidence[name] = next(r.evidence for r in reports if r.value == best)
        told = dict(counts)
        counts["intercepted"] = all_intercepted(state, d, counts["launched"], counts["intercepted"], evidence)
        counts["launched"] = one_and_the_other_launch(state, d, counts["launched"], evidence)
        counts["launched"] = at_least_intercepted(counts["launched"], counts["intercepted"])
        counts["launched"] = singular_launch(state, d, counts["launched"], evidence)
        inferred = {name for name in COUNT_FIELDS if counts[name] is not told[name]}
        if counts["launched"].best is not None and "launched" not in evidence and "intercepted" in evidence:
            evidence["launched"] = evidence["intercepted"]
        faction, claimed, where = _perpetrator(state, d)
        if where is not None:
            if faction is not None:
                evidence["perpetrator"] = _evidence(state, where)
            if claimed:
                evidence["claimed"] = _evidence(state, where)
        fields = field_confidence(
            Reading(
                role=d.role,
                date_source=_date_source(d),
                date_precision=precision,
                named_site=d.site is not None,
                site_by_landmark=False,
                weapons=weapons,
                weapon_sources=weapon_sources,
                counts=counts,
                inferred=inferred,
                perpetrator_kind="none" if faction is None else ("claim" if claimed else "blame"),
                claim_kind="claim" if claimed else ("denied" if _claim_denied(state, d) else "silent"),
            )
        )
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
