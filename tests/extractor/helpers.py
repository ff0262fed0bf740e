"""Shorthands the extractor's rule tests share."""

import datetime as dt

from ingest.extractor import extract
from ingest.extractor.counts import sentence_figures
from ingest.extractor.weapons import find_weapons

PUBLISHED = dt.date(2024, 3, 9)  # a Saturday


def figures(text: str) -> list[tuple[str, int]]:
    """(field, value) of every figure in one sentence, in reading order."""
    return [(f.field, f.value) for f in sentence_figures(text, find_weapons(text))]


def sorted_figures(text: str) -> list[tuple[str, int]]:
    return sorted(figures(text))


def incidents(text: str, gazetteer, published: dt.date = PUBLISHED) -> list[dict]:
    return [i.to_dict() for i in extract(text, published, gazetteer)]


def primaries(text: str, gazetteer, published: dt.date = PUBLISHED) -> list[dict]:
    return [i for i in incidents(text, gazetteer, published) if i["role"] == "primary"]


def primary_sites(text: str, gazetteer, published: dt.date = PUBLISHED) -> list[str | None]:
    """The gazetteer slug of each primary attack's site (None where it names none), in output order."""
    return [(i["base"] or {}).get("slug") for i in primaries(text, gazetteer, published)]
