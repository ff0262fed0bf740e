"""Admin edits go through the same versioned, pinned write as the review form."""

from __future__ import annotations

import pytest
from django.urls import reverse

from incidents.models import Incident, IncidentTombstone
from tests.factories import IncidentFactory
from tests.incidents.admin_forms import loaded_form

pytestmark = pytest.mark.django_db


def test_an_admin_edit_writes_the_changed_field_and_pins_it(client, admin_client_user):
    incident = IncidentFactory(killed=0)
    client.force_login(admin_client_user)
    url = reverse("admin:incidents_incident_change", args=[incident.pk])
    response = client.post(url, loaded_form(client, incident, killed=4))
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    incident.refresh_from_db()
    assert (incident.killed, incident.version) == (4, 2)
    assert list(incident.editor_fields) == ["killed"]
    assert incident.history.order_by("-history_id").first().history_user == admin_client_user


def test_unpublishing_in_the_admin_leaves_a_tombstone(client, admin_client_user):
    incident = IncidentFactory(status=Incident.Status.PUBLISHED)
    client.force_login(admin_client_user)
    url = reverse("admin:incidents_incident_change", args=[incident.pk])
    assert client.post(url, loaded_form(client, incident, status="draft")).status_code == 302
    assert list(IncidentTombstone.objects.values_list("incident_id", "reason")) == [(incident.pk, "unpublished")]
