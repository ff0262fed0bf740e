"""Every way an incident disappears leaves a tombstone, so sync clients drop their copy.

The issue's sixth row: deleting a published incident in the admin wrote no tombstone.
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from incidents.models import Incident, IncidentTombstone
from tests.concurrency import run_together
from tests.factories import IncidentFactory, UserFactory

pytestmark = pytest.mark.django_db


def _stones() -> list[tuple[int, str]]:
    return sorted(IncidentTombstone.objects.values_list("incident_id", "reason"))


def test_admin_delete_leaves_a_tombstone(client, admin_client_user):
    incident = IncidentFactory()
    client.force_login(admin_client_user)
    response = client.post(reverse("admin:incidents_incident_delete", args=[incident.pk]), {"post": "yes"})
    assert response.status_code == 302
    assert not Incident.objects.filter(pk=incident.pk).exists()
    assert _stones() == [(incident.pk, "deleted")]


def test_admin_bulk_delete_leaves_one_tombstone_each(client, admin_client_user):
    doomed = [IncidentFactory(), IncidentFactory()]
    kept = IncidentFactory()
    client.force_login(admin_client_user)
    response = client.post(
        reverse("admin:incidents_incident_changelist"),
        {"action": "delete_selected", "_selected_action": [i.pk for i in doomed], "post": "yes"},
    )
    assert response.status_code == 302
    assert list(Incident.objects.values_list("pk", flat=True)) == [kept.pk]
    assert _stones() == sorted((i.pk, "deleted") for i in doomed)


def test_queryset_delete_leaves_tombstones():
    a, b, c = IncidentFactory(summary="x"), IncidentFactory(summary="x"), IncidentFactory(summary="y")
    deleted, _ = Incident.objects.filter(summary="x").delete()
    assert deleted == 2
    assert _stones() == sorted([(a.pk, "deleted"), (b.pk, "deleted")])
    assert Incident.objects.get() == c


def test_instance_delete_leaves_a_tombstone():
    incident = IncidentFactory()
    pk = incident.pk
    incident.delete()
    assert _stones() == [(pk, "deleted")]


def test_the_changes_feed_lists_deletions(client):
    incident = IncidentFactory()
    pk = incident.pk
    Incident.objects.filter(pk=pk).delete()
    body = client.get("/api/v1/changes/?since=2000-01-01").json()
    assert [(t["id"], t["reason"]) for t in body["tombstones"]] == [(pk, "deleted")]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_deletions_each_leave_their_tombstone():
    incidents = [IncidentFactory() for _ in range(6)]
    ids = [i.pk for i in incidents]
    results = run_together(
        lambda: Incident.objects.filter(pk__in=ids[:3]).delete(),
        lambda: Incident.objects.filter(pk__in=ids[3:]).delete(),
        lambda: Incident.objects.get(pk=ids[0]).delete() if Incident.objects.filter(pk=ids[0]).exists() else None,
    )
    assert not Incident.objects.exists()
    assert {pk for pk, _ in _stones()} == set(ids)
    assert not [r for r in results[:2] if isinstance(r, BaseException)]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_admins_deleting_at_once_through_the_admin_leave_a_public_tombstone_for_each_published_incident():
    """Two admins bulk-delete overlapping selections while a third deletes one incident from its page."""
    admins = []
    for name in ("one", "two", "three"):
        client = Client()
        client.force_login(UserFactory(username=name, is_staff=True, is_superuser=True))
        admins.append(client)
    changelist = reverse("admin:incidents_incident_changelist")
    for round_ in range(4):
        incidents = [IncidentFactory(status=Incident.Status.PUBLISHED) for _ in range(6)]
        ids = [i.pk for i in incidents]

        def bulk(client, chosen):
            return client.post(changelist, {"action": "delete_selected", "_selected_action": chosen, "post": "yes"})

        results = run_together(
            lambda chosen=ids[:4]: bulk(admins[0], chosen),
            lambda chosen=ids[2:]: bulk(admins[1], chosen),
            lambda pk=ids[3]: admins[2].post(reverse("admin:incidents_incident_delete", args=[pk]), {"post": "yes"}),
        )
        assert not [r for r in results if isinstance(r, BaseException)], results
        assert all(r.status_code in (200, 302) for r in results), [r.status_code for r in results]
        assert not Incident.objects.filter(pk__in=ids).exists(), round_
        stones = IncidentTombstone.objects.filter(incident_id__in=ids)
        assert set(stones.values_list("incident_id", flat=True)) == set(ids), round_
        assert set(stones.values_list("reason", "public")) == {("deleted", True)}
