from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.core.management import call_command

from incidents.models import Base
from ingest.extractor.types import Count, Evidence, ExtractedIncident, Report, Site

# Two reports of the same attack (Ain al-Asad, Tuesday 16 January 2024) with different figures.
ARTICLE_A = (
    "Two rockets hit Ain al-Asad air base in western Iraq on Tuesday, the US military said. "
    "No casualties were reported."
)
ARTICLE_B = "Three Katyusha rockets targeted the Ain al-Assad airbase late on Tuesday, Iraqi security sources said."
PUBLISHED_A = dt.date(2024, 1, 18)
PUBLISHED_B = dt.date(2024, 1, 17)
ATTACK_DAY = dt.date(2024, 1, 16)


@pytest.fixture
def gazetteer(db: Any) -> None:
    """The shipped bases and factions, as the extractor sees them in production."""
    call_command("load_gazetteer", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.fixture
def asad(gazetteer: None) -> Base:
    return Base.objects.get(slug="ain-al-asad-air-base")


def site_of(base: Base) -> Site:
    return Site(
        slug=base.slug,
        name=base.name,
        aliases=tuple(base.aliases),
        country=base.country,
        lat=base.latitude,
        lon=base.longitude,
        kind=base.kind,
        province=base.province,
    )


def count(*values: int, text: str = "figure") -> Count:
    if not values:
        return Count()
    ev = Evidence(text, 0, len(text))
    return Count(
        best=max(values),
        low=min(values),
        high=max(values),
        reports=tuple(Report(v, None, ev) for v in values),
    )


@pytest.fixture
def extracted() -> Callable[..., ExtractedIncident]:
    """Build an ExtractedIncident by hand: merge tests must not depend on the extractor's wording."""

    def build(base: Base | None = None, **fields: Any) -> ExtractedIncident:
        values: dict[str, Any] = {
            "role": "primary",
            "date": ATTACK_DAY,
            "date_precision": "day",
            "base": site_of(base) if base else None,
            "place": None,
            "country": base.country if base else "IQ",
            "weapons": ("rocket",),
            "summary": "Rocket attack.",
            "confidence": 0.9,
        }
        values.update(fields)
        return ExtractedIncident(**values)

    return build
