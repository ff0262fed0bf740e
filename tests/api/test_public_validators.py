"""Public validators (ETag, Last-Modified) change only when public data changes: an edit to a draft leaves
every anonymous answer's validators as they were (they would otherwise tell that something hidden changed),
while editors' validators and the public ones on a published change still move."""

from __future__ import annotations

import pytest

from incidents.models import Incident

pytestmark = pytest.mark.django_db

URLS = [
    "/api/v1/incidents/points/",
    "/api/v1/incidents/",
    "/api/v1/incidents/?format=csv",
    "/api/v1/incidents/?format=geojson",
    "/api/v1/stats/timeline/",
    "/api/v1/bases/",
    "/api/v1/bases/al-asad/",
    "/api/v1/factions/",
]


def _validators(client) -> dict[str, tuple[str, str]]:
    answers = {url: client.get(url) for url in URLS}
    assert {r.status_code for r in answers.values()} == {200}
    return {url: (r["ETag"], r["Last-Modified"]) for url, r in answers.items()}


def test_a_draft_edit_leaves_the_public_validators_unchanged(api, editor_api, world):
    public, editor = _validators(api), _validators(editor_api)
    world.draft.summary = "Edited, still a draft."
    world.draft.save()
    Incident.objects.filter(pk=world.rejected.pk).update(summary="Edited, still rejected.")
    assert _validators(api) == public
    assert _validators(editor_api) != editor


def test_a_new_draft_leaves_the_public_validators_unchanged(api, editor_api, world):
    public, editor = _validators(api), _validators(editor_api)
    Incident.objects.create(date=world.draft.date, base=world.asad, status=Incident.Status.DRAFT)
    assert _validators(api) == public
    assert _validators(editor_api) != editor


def test_publishing_a_draft_changes_the_public_validators(api, editor, world):
    public = _validators(api)
    world.draft.publish(by=editor)
    changed = _validators(api)
    assert all(changed[url][0] != public[url][0] for url in URLS if "factions" not in url)


def test_a_published_incident_leaving_the_public_set_changes_them(api, editor, world):
    public = _validators(api)
    world.rocket.reject(by=editor)
    assert _validators(api)["/api/v1/incidents/"] != public["/api/v1/incidents/"]
