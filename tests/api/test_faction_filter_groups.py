"""The faction filter reads every faction's group (itself and the groups under it) once per data version
(``incidents.querysets.faction_groups``): a group moved, added or renamed since is filtered as it now stands."""

from incidents.models import Faction
from tests.factories import FactionFactory, IncidentFactory


def _ids(api, query):
    response = api.get(f"/api/v1/incidents/?page_size=500&{query}")
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


def test_a_group_put_under_an_umbrella_is_filtered_with_it_at_once(api, world):
    assert _ids(api, "faction=iri") == {world.rocket.pk, world.drone.pk}
    Faction.objects.filter(pk=world.other.pk).update(umbrella=world.kh_unit)
    assert _ids(api, "faction=iri") == {world.rocket.pk, world.drone.pk, world.syria.pk}
    assert _ids(api, "faction=kh") == {world.rocket.pk, world.drone.pk, world.syria.pk}


def test_a_new_group_and_a_new_slug_are_known_at_once(api, world):
    assert api.get("/api/v1/incidents/?faction=new-group").status_code == 400
    new = FactionFactory(slug="new-group", umbrella=world.iri)
    attack = IncidentFactory(perpetrator=new)
    assert _ids(api, "faction=new-group") == {attack.pk}
    assert attack.pk in _ids(api, "faction=iri")
    Faction.objects.filter(pk=new.pk).update(slug="renamed-group")
    response = api.get("/api/v1/incidents/?faction=new-group")
    assert response.status_code == 400
    assert "Unknown faction: new-group." in response.json()["faction"][0]
    assert _ids(api, "faction=renamed-group,other") == {attack.pk, world.syria.pk}
