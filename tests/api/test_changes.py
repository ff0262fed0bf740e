import datetime as dt

from django.utils import timezone
from freezegun import freeze_time

from incidents.models import Incident, IncidentTombstone
from tests.factories import IncidentFactory


def _changes(api, query):
    response = api.get(f"/api/v1/changes/?{query}")
    assert response.status_code == 200, response.content
    return response.json()


def test_everything_since_the_beginning(api, world):
    body = _changes(api, "since=2000-01-01")
    assert {r["id"] for r in body["incidents"]} == {world.rocket.pk, world.drone.pk, world.syria.pk, world.unsourced.pk}
    assert body["tombstones"] == []
    assert body["has_more"] is False
    assert body["next_after_id"] == body["incidents"][-1]["id"]


def test_only_changes_after_since_are_listed(api, world):
    with freeze_time("2030-01-01T12:00:00Z"):
        world.syria.summary = "Updated."
        world.syria.save()
        fresh = IncidentFactory(base=world.tower)
    body = _changes(api, "since=2030-01-01T00:00:00Z")
    assert [r["id"] for r in body["incidents"]] == [world.syria.pk, fresh.pk]
    assert body["next_since"] == "2030-01-01T12:00:00Z"


def test_paging_with_next_since_and_after_id_sees_every_row_once(api, world):
    with freeze_time("2030-01-01T12:00:00Z"):
        created = [IncidentFactory(base=world.tower).pk for _ in range(5)]
    seen, query = [], "since=2030-01-01T00:00:00Z&limit=2"
    for _ in range(5):
        body = _changes(api, query)
        seen += [r["id"] for r in body["incidents"]]
        query = f"since={body['next_since']}&after_id={body['next_after_id']}&limit=2"
        if not body["has_more"]:
            break
    assert seen == created


def test_deleted_merged_and_unpublished_incidents_leave_tombstones(api, world, editor):
    since = timezone.now() - dt.timedelta(seconds=1)
    drone_pk, syria_pk = world.drone.pk, world.syria.pk
    world.drone.delete_with_tombstone()
    world.syria.delete_with_tombstone(merged_into=world.rocket)
    world.unsourced.reject(by=editor)
    body = _changes(api, f"since={since.isoformat().replace('+00:00', 'Z')}")
    stones = [(t["id"], t["reason"], t["merged_into"]) for t in body["tombstones"]]
    assert stones == [
        (drone_pk, "deleted", None),
        (syria_pk, "merged", world.rocket.pk),
        (world.unsourced.pk, "unpublished", None),
    ]
    assert world.unsourced.pk not in [r["id"] for r in body["incidents"]]
    assert not Incident.objects.filter(pk__in=[drone_pk, syria_pk]).exists()


def test_publishing_a_draft_makes_it_appear_for_anonymous_clients(api, world, editor):
    since = timezone.now()
    world.draft.publish(by=editor)
    body = _changes(api, f"since={since.isoformat()}".replace("+", "%2B"))
    assert [r["id"] for r in body["incidents"]] == [world.draft.pk]
    assert not IncidentTombstone.objects.exists()


def test_changes_take_the_incident_filters(api, world):
    body = _changes(api, "since=2000-01-01&country=JO")
    assert [r["id"] for r in body["incidents"]] == [world.drone.pk]


def test_since_with_an_odd_offset_is_read_as_utc(api, world):
    body = _changes(api, "since=2000-01-01T19:04:56%2B21:18")
    assert body["since"] == "1999-12-31T21:46:56Z"
    assert api.get("/api/v1/changes/?since=0001-01-01T00:00:00%2B05:00").status_code == 400
