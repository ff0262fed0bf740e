"""The review form as a browser would post it: every field as the page showed it, plus the overrides."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse

from incidents.models import Incident
from ingest.forms import IncidentReviewForm


def form_data(incident: Incident, *, action: str = "save", version: int | None = None, **overrides: Any) -> dict:
    data: dict[str, Any] = {}
    for name, value in IncidentReviewForm(instance=incident).initial.items():
        if value is None or value is False:
            continue
        if value is True:
            value = "on"
        elif isinstance(value, dt.date | dt.time):
            value = value.isoformat()
        data[name] = value
    for name, value in overrides.items():
        if value is None or value is False:
            data.pop(name, None)
        else:
            data[name] = "on" if value is True else value
    data["version"] = incident.version if version is None else version
    data["action"] = action
    return data


def review_url(incident: Incident | int) -> str:
    return reverse("ingest:review-incident", args=[getattr(incident, "pk", incident)])
