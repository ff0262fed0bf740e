"""One review form: "Save and publish" and "Reject" save the edits typed into it in the same step.

The issue's fourth row: edits were dropped when the editor clicked Publish instead of Save.
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from incidents.models import Incident, IncidentTombstone
from tests.concurrency import run_together
from tests.factories import ArticleFactory, IncidentFactory, IncidentSourceFactory, UserFactory
from tests.ingest.review_forms import form_data, review_url


@pytest.fixture
def draft(db):
    incident = IncidentFactory(status=Incident.Status.DRAFT, weapons=["rocket"], launched=2, killed=0)
    IncidentSourceFactory(incident=incident, article=ArticleFactory())
    return incident


def test_the_page_has_one_form_with_save_publish_and_reject(editor_client, draft):
    html = editor_client.get(review_url(draft)).content.decode()
    form = html.split('class="review-form"')[1].split("</form>")[0]
    for button in ('value="save">Save<', 'value="publish">Save and publish<', 'value="reject" class="danger">Reject<'):
        assert button in form
    assert f'name="version" value="{draft.version}"' in form


def test_save_and_publish_keeps_the_edits(editor_client, editor, draft):
    response = editor_client.post(review_url(draft), form_data(draft, action="publish", launched=10, killed=1))
    assert response.status_code == 302
    assert response.url == "/review/"
    draft.refresh_from_db()
    assert (draft.status, draft.launched, draft.killed, draft.reviewed_by) == ("published", 10, 1, editor)
    assert draft.version == 2  # one write: edits and decision together
    assert set(draft.editor_fields) == {"launched", "killed"}
    assert draft.history.count() == 2


def test_reject_keeps_the_edits_too(editor_client, draft):
    response = editor_client.post(review_url(draft), form_data(draft, action="reject", summary="Not an attack."))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.status, draft.summary) == ("rejected", "Not an attack.")


def test_publish_with_invalid_edits_is_refused_and_nothing_changes(editor_client, draft):
    response = editor_client.post(review_url(draft), form_data(draft, action="publish", launched=2, intercepted=5))
    assert response.status_code == 400
    draft.refresh_from_db()
    assert (draft.status, draft.intercepted, draft.version) == ("draft", None, 1)


def test_unpublishing_through_the_form_leaves_a_tombstone(editor_client, draft, editor):
    draft.publish(by=editor)
    draft.refresh_from_db()
    assert editor_client.post(review_url(draft), form_data(draft, action="reject")).status_code == 302
    assert list(IncidentTombstone.objects.values_list("incident_id", "reason")) == [(draft.pk, "unpublished")]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_save_and_publish_racing_another_save_never_drops_edits():
    clients = []
    for name in ("publisher", "fixer"):
        user = UserFactory(username=name)
        user.groups.add(Group.objects.get_or_create(name="editors")[0])
        client = Client()
        client.force_login(user)
        clients.append(client)
    publisher, fixer = clients
    for round_ in range(8):
        incident = IncidentFactory(status=Incident.Status.DRAFT, weapons=["rocket"], launched=2)
        publish = form_data(incident, action="publish", launched=10)
        fix = form_data(incident, summary="Fixed.")
        published, fixed = run_together(
            lambda i=incident, d=publish: publisher.post(review_url(i), d),
            lambda i=incident, d=fix: fixer.post(review_url(i), d),
        )
        assert sorted([published.status_code, fixed.status_code]) == [302, 409], round_
        incident.refresh_from_db()
        if published.status_code == 302:
            assert (incident.status, incident.launched, incident.summary) != ("draft", 10, "Fixed.")
            assert (incident.status, incident.launched) == ("published", 10)
        else:
            assert (incident.status, incident.launched, incident.summary) == ("draft", 2, "Fixed.")
