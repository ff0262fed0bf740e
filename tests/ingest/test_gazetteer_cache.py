"""The extractor's gazetteer is built from the database and rebuilt when a base or faction changes."""

from __future__ import annotations

from incidents.models import Base
from ingest.gazetteer_cache import gazetteer_get
from tests.factories import BaseFactory, FactionFactory


def test_gazetteer_is_cached_until_bases_or_factions_change(db):
    BaseFactory(slug="alpha", name="Alpha", aliases=["Alfa"])
    first = gazetteer_get()
    assert gazetteer_get() is first
    assert [s.slug for s in first.sites] == ["alpha"]

    base = Base.objects.get(slug="alpha")
    base.aliases = ["Alfa", "Alpha Camp"]
    base.save()
    edited = gazetteer_get()
    assert edited is not first
    assert edited.sites[0].aliases == ("Alfa", "Alpha Camp")

    umbrella = FactionFactory(slug="umbrella")
    FactionFactory(slug="member", umbrella=umbrella)
    factions = {f.slug: f for f in gazetteer_get().factions}
    assert factions["member"].umbrella == "umbrella"

    Base.objects.filter(slug="alpha").delete()
    assert gazetteer_get().sites == ()
