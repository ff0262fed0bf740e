"""The admin's incident change form as a browser would post it."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from django.test import Client
from django.urls import reverse

from incidents.models import Incident


def url(incident: Incident) -> str:
    return reverse("admin:incidents_incident_change", args=[incident.pk])


def loaded_form(client: Client, incident: Incident, **changes: Any) -> dict[str, Any]:
    """What the browser posts: the change form as loaded now, with ``changes`` typed in."""
    form = client.get(url(incident)).context["adminform"].form
    data: dict[str, Any] = {"seen_version": form["seen_version"].value()}
    for name, value in {**form.initial, **changes}.items():
        if value is None or value is False:
            continue
        if value is True:
            value = "on"
        elif isinstance(value, dt.date | dt.time):
            value = value.isoformat()
        elif isinstance(value, list | dict):
            value = json.dumps(value)
            data[f"initial-{name}"] = value
        data[name] = value
    data.update({"sources-TOTAL_FORMS": 0, "sources-INITIAL_FORMS": 0})
    return data
