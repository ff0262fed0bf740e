"""Admin edits go through the same versioned, pinned write as the review form."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.urls import reverse

from incidents.models import Incident, IncidentTombstone
from tests.factories import IncidentFactory

pytestmark = pytest.mark.django_db


def _change_form(client, incident: Incident, **changes) -> dict:
    page = client.get(reverse("admin:incidents_incident_change", args=[incident.pk]))
    data = {}
    for name, value in {**page.context["adminform"].form.initial, **changes}.items():
        if value is None or value is False:
            continue
        if value is True:
            value = "on"
        elif isinstance(value, dt.date | dt.time):
            value = value.isoformat()
        elif isinstance(value, list | dict):
            value = json.dumps(value)
            data[f"initial-{name}"] = value  # the hidden initial a browser sends back (callable default)
        data[name] = value
    data.update({"sources-TOTAL_FORMS": 0, "sources-INITIAL_FORMS": 0})
    return data


def test_an_admin_edit_writes_the_changed_field_and_pins_it(client, admin_client_user):
    incident = IncidentFactory(killed=0)
    client.force_login(admin_client_user)
    url = reverse("admin:incidents_incident_change", args=[incident.pk])
    response = client.post(url, _change_form(client, incident, killed=4))
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    incident.refresh_from_db()
    assert (incident.killed, incident.version) == (4, 2)
    assert list(incident.editor_fields) == ["killed"]
    assert incident.history.order_by("-history_id").first().history_user == admin_client_user


def test_unpublishing_in_the_admin_leaves_a_tombstone(client, admin_client_user):
    incident = IncidentFactory(status=Incident.Status.PUBLISHED)
    client.force_login(admin_client_user)
    url = reverse("admin:incidents_incident_change", args=[incident.pk])
    assert client.post(url, _change_form(client, incident, status="draft")).status_code == 302
    assert list(IncidentTombstone.objects.values_list("incident_id", "reason")) == [(incident.pk, "unpublished")]
