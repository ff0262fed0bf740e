"""The extractor's gazetteer, built from the Base and Faction tables and cached per process."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import Count, Max

from incidents.models import Base, Faction

if TYPE_CHECKING:
    from ingest.extractor.types import Gazetteer

_gazetteer_cache: dict[str, Any] = {"key": None, "value": None}


def gazetteer_records() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Bases and factions as the dicts ``Gazetteer.from_records`` takes."""
    sites = [
        {
            "slug": b.slug,
            "name": b.name,
            "aliases": list(b.aliases or []),
            "country": b.country,
            "lat": b.latitude,
            "lon": b.longitude,
            "kind": b.kind,
            "province": b.province,
            "hosted_until": b.hosted_until,
        }
        for b in Base.objects.order_by("slug")
    ]
    factions = [
        {
            "slug": f.slug,
            "name": f.name,
            "aliases": list(f.aliases or []),
            "umbrella": f.umbrella.slug if f.umbrella else None,
        }
        for f in Faction.objects.select_related("umbrella").order_by("slug")
    ]
    return sites, factions


def gazetteer_get() -> Gazetteer:
    """The extractor's gazetteer built from the database, cached until a base or faction changes.

    The cache key is (count, latest ``updated_at``) of both tables: any edit, addition or
    deletion changes it, and checking it costs two aggregate queries.
    """
    # Imported here: the extractor loads spaCy, which web processes never need.
    from ingest.extractor.types import Gazetteer

    key = (
        tuple(Base.objects.aggregate(n=Count("id"), at=Max("updated_at")).values()),
        tuple(Faction.objects.aggregate(n=Count("id"), at=Max("updated_at")).values()),
    )
    if _gazetteer_cache["key"] != key:
        sites, factions = gazetteer_records()
        _gazetteer_cache["value"] = Gazetteer.from_records(sites, factions)
        _gazetteer_cache["key"] = key
    return _gazetteer_cache["value"]
