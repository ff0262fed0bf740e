import datetime as dt

from incidents.models import Base


def test_bases_list_counts_published_incidents_with_first_and_last_dates(api, world):
    response = api.get("/api/v1/bases/")
    assert response.status_code == 200
    bases = {b["slug"]: b for b in response.json()}
    assert bases["al-asad"]["incident_count"] == 1  # the draft is not counted
    assert bases["al-tanf"]["incident_count"] == 1  # nor the rejected one
    assert (bases["al-asad"]["first_incident"], bases["al-asad"]["last_incident"]) == ("2024-01-02", "2024-01-02")
    assert bases["tower-22"]["province"] == "Mafraq"


def test_base_detail_by_slug(api, world):
    body = api.get("/api/v1/bases/tower-22/").json()
    assert (body["name"], body["incident_count"], body["last_incident"]) == ("Tower 22", 1, "2024-01-28")
    assert api.get("/api/v1/bases/atlantis/").status_code == 404


def test_faction_lists_umbrella_members_and_rolled_up_figures(api, world):
    factions = {f["slug"]: f for f in api.get("/api/v1/factions/").json()}
    iri = factions["iri"]
    assert iri["umbrella"] is None
    assert iri["members"] == [{"id": world.kh.pk, "name": "Kataib Hezbollah", "slug": "kh"}]
    assert (iri["incident_count"], iri["first_incident"], iri["last_incident"]) == (2, "2024-01-02", "2024-01-28")
    kh = factions["kh"]
    assert kh["umbrella"] == {"id": world.iri.pk, "name": "Islamic Resistance in Iraq", "slug": "iri"}
    assert kh["incident_count"] == 2  # its own and its drone unit's; its draft not
    assert factions["kh-unit"]["incident_count"] == 1
    assert factions["other"]["incident_count"] == 1


def test_faction_detail_by_slug(api, world):
    body = api.get("/api/v1/factions/kh-unit/").json()
    assert body["umbrella"]["slug"] == "kh"
    assert body["incident_count"] == 1
    assert api.get("/api/v1/factions/nobody/").json() == {"detail": "No Faction matches the given query."}


def test_a_base_tells_the_day_the_coalition_left_it(api, world):
    tanf = Base.objects.get(slug="al-tanf")
    tanf.hosted_until = dt.date(2026, 2, 12)
    tanf.save()
    bases = {b["slug"]: b for b in api.get("/api/v1/bases/").json()}
    assert bases["al-tanf"]["hosted_until"] == "2026-02-12"
    assert bases["tower-22"]["hosted_until"] is None
