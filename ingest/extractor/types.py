"""Frozen value types shared by the extractor's rules and its callers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from ingest.extractor.places import country_name

Role = Literal["primary", "background"]
Precision = Literal["day", "week", "month", "year"]
COUNT_FIELDS = ("launched", "intercepted", "killed", "injured")


@dataclass(frozen=True)
class Figure:
    """A figure one sentence states (offsets within the sentence)."""

    field: str  # launched | intercepted | killed | injured (and the markers intercepted_all / intercepted_except)
    value: int
    start: int
    end: int


@dataclass(frozen=True)
class Site:
    slug: str
    name: str
    aliases: tuple[str, ...]
    country: str  # ISO2, e.g. "IQ"
    lat: float | None
    lon: float | None
    kind: str
    province: str = ""
    hosted_until: dt.date | None = None  # the last day it hosted coalition forces, where they have left it


@dataclass(frozen=True)
class Faction:
    slug: str
    name: str
    aliases: tuple[str, ...]
    umbrella: str | None  # slug of the umbrella faction


def _day(value: dt.date | str | None) -> dt.date | None:
    """A record's day, as a date or an ISO string (bases.json), or None."""
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


@dataclass(frozen=True)
class Gazetteer:
    sites: tuple[Site, ...]
    factions: tuple[Faction, ...]

    def __hash__(self) -> int:
        """Worked out once: the gazetteer is the key of the compiled matchers, asked for several times an article."""
        cached = self.__dict__.get("_hash")
        if cached is None:
            cached = hash((self.sites, self.factions))
            object.__setattr__(self, "_hash", cached)
        return cached

    @classmethod
    def from_records(cls, sites: Iterable[Mapping[str, Any]], factions: Iterable[Mapping[str, Any]]) -> Gazetteer:
        """Build from dicts shaped like incidents/data/bases.json and factions.json (extra keys ignored)."""
        return cls(
            sites=tuple(
                Site(
                    slug=s["slug"],
                    name=s["name"],
                    aliases=tuple(s.get("aliases") or ()),
                    country=s.get("country") or "",
                    lat=None if s.get("lat") is None else float(s["lat"]),
                    lon=None if s.get("lon") is None else float(s["lon"]),
                    kind=s.get("kind") or "",
                    province=s.get("province") or "",
                    hosted_until=_day(s.get("hosted_until")),
                )
                for s in sites
            ),
            factions=tuple(
                Faction(
                    slug=f["slug"],
                    name=f["name"],
                    aliases=tuple(f.get("aliases") or ()),
                    umbrella=f.get("umbrella") or None,
                )
                for f in factions
            ),
        )


@dataclass(frozen=True)
class Evidence:
    """The supporting sentence; ``text == article[start:end]`` exactly."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Report:
    """One source's figure for one count."""

    value: int
    attribution: str | None
    evidence: Evidence

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "attribution": self.attribution, "evidence": self.evidence.to_dict()}


@dataclass(frozen=True)
class Count:
    best: int | None = None
    low: int | None = None
    high: int | None = None
    reports: tuple[Report, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "best": self.best,
            "low": self.low,
            "high": self.high,
            "reports": [r.to_dict() for r in self.reports],
        }


@dataclass(frozen=True)
class ExtractedIncident:
    role: Role
    date: dt.date | None
    date_precision: Precision
    base: Site | None
    place: str | None
    country: str | None  # ISO2
    weapons: tuple[str, ...]
    launched: Count = field(default_factory=Count)
    intercepted: Count = field(default_factory=Count)
    killed: Count = field(default_factory=Count)
    injured: Count = field(default_factory=Count)
    perpetrator: Faction | None = None
    claimed: bool = False
    confidence: float = 0.5
    # per field ("date", "base", "weapons", the counts, "perpetrator", "claimed"): how sure the reading is
    field_confidence: Mapping[str, float] = field(default_factory=dict)
    evidence: Mapping[str, Evidence] = field(default_factory=dict)
    summary: str = ""
    # why it is primary or background, in words an editor reads
    role_reason: str = ""

    def date_iso(self) -> str | None:
        if self.date is None:
            return None
        if self.date_precision == "year":
            return f"{self.date.year:04d}"
        if self.date_precision == "month":
            return f"{self.date.year:04d}-{self.date.month:02d}"
        return self.date.isoformat()

    def to_dict(self) -> dict[str, Any]:
        """The issue's contract object, plus ``counts`` (every source's figure), ``summary`` and ``role_reason``."""
        base = None
        if self.base is not None:
            base = {
                "name": self.base.name,
                "slug": self.base.slug,
                "lat": self.base.lat,
                "lon": self.base.lon,
                "country": country_name(self.base.country),
            }
        return {
            "role": self.role,
            "role_reason": self.role_reason,
            "date": self.date_iso(),
            "date_precision": self.date_precision,
            "base": base,
            "place": self.place,
            "country": country_name(self.country),
            "weapons": list(self.weapons),
            "launched": self.launched.best,
            "intercepted": self.intercepted.best,
            "killed": self.killed.best,
            "injured": self.injured.best,
            "perpetrator": None
            if self.perpetrator is None
            else {"name": self.perpetrator.name, "slug": self.perpetrator.slug},
            "claimed": self.claimed,
            "confidence": round(self.confidence, 3),
            "field_confidence": dict(self.field_confidence),
            "evidence": {k: v.to_dict() for k, v in self.evidence.items()},
            "counts": {f: getattr(self, f).to_dict() for f in COUNT_FIELDS},
            "summary": self.summary,
        }
