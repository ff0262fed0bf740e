from incidents.models import Incident, IncidentTombstone


def test_delete_with_tombstone_records_the_id(world):
    pk = world.syria.pk
    stone = world.syria.delete_with_tombstone()
    assert (stone.incident_id, stone.reason, stone.merged_into) == (pk, "deleted", None)
    assert not Incident.objects.filter(pk=pk).exists()


def test_merge_tombstone_points_at_the_survivor(world):
    stone = world.syria.delete_with_tombstone(merged_into=world.rocket)
    assert (stone.reason, stone.merged_into) == ("merged", world.rocket)


def test_rejecting_a_published_incident_leaves_an_unpublished_tombstone(world, editor):
    world.drone.reject(by=editor)
    assert list(IncidentTombstone.objects.values_list("incident_id", "reason")) == [(world.drone.pk, "unpublished")]


def test_reviewing_a_draft_leaves_no_tombstone(world, editor):
    world.draft.reject(by=editor)
    assert not IncidentTombstone.objects.exists()
