"""Versioned saves: a decision is never undone by a form that raced it; a stale save is refused with a conflict page.

The issue's first two rows: "A Publish or Reject is silently undone by a form save that raced
with it" and "Two editors editing one draft: the second save wins with no warning".
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from incidents.models import Incident, StaleVersion
from tests.concurrency import run_together
from tests.factories import ArticleFactory, IncidentFactory, IncidentSourceFactory, UserFactory
from tests.ingest.review_forms import form_data, review_url


def _editor(name: str) -> Client:
    user = UserFactory(username=name)
    user.groups.add(Group.objects.get_or_create(name="editors")[0])
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def draft(db):
    incident = IncidentFactory(status=Incident.Status.DRAFT, weapons=["rocket"], launched=2, killed=0)
    IncidentSourceFactory(incident=incident, article=ArticleFactory())
    return incident


# --- sequential: the behaviour, on any database ------------------------------------------------


def test_form_save_writes_only_the_fields_it_changed(draft, editor):
    """A form loaded before a Publish, saved after it, keeps the incident published (it writes summary only)."""
    form = form_data(draft, summary="Two rockets, no casualties.")
    draft.publish(by=editor)  # someone else publishes meanwhile: version 2
    client = _editor("second")
    response = client.post(review_url(draft), {**form, "version": draft.version})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.status, draft.summary, draft.reviewed_by) == ("published", "Two rockets, no casualties.", editor)


def test_stale_save_is_refused_with_what_the_other_editor_changed(draft):
    first, second = _editor("first"), _editor("second")
    seen = form_data(draft)  # both open the form at version 1
    assert first.post(review_url(draft), {**seen, "killed": 3}).status_code == 302

    response = second.post(review_url(draft), {**seen, "killed": 0, "injured": 2})

    assert response.status_code == 409
    draft.refresh_from_db()
    assert (draft.killed, draft.injured, draft.version) == (3, None, 2)  # nothing of the second editor's written
    conflict = response.context["conflict"]
    assert [(c.label, c.seen, c.now) for c in conflict.theirs] == [("killed", "0", "3")]
    assert [(c.label, c.mine) for c in conflict.mine] == [("injured", "2")]
    assert [e.who for e in conflict.entries] == ["first"]
    html = response.content.decode()
    assert "Not saved: this incident changed while you were editing it" in html
    # The form is shown again on the current version with the editor's change filled in.
    form = response.context["form"]
    assert form["version"].value() == 2
    assert str(form["injured"].value()) == "2"
    assert str(form["killed"].value()) == "3"


def test_reapplying_after_a_conflict_saves_the_editors_changes(draft):
    first, second = _editor("first"), _editor("second")
    seen = form_data(draft)
    first.post(review_url(draft), {**seen, "killed": 3})
    conflict = second.post(review_url(draft), {**seen, "injured": 2})
    assert conflict.status_code == 409

    form = conflict.context["form"]
    resubmit = {name: form[name].value() for name in form.fields if form[name].value() not in (None, "", False)}
    resubmit.update(action="save", claimed="on" if resubmit.get("claimed") else "")
    assert second.post(review_url(draft), resubmit).status_code == 302

    draft.refresh_from_db()
    assert (draft.killed, draft.injured, draft.version) == (3, 2, 3)
    assert set(draft.editor_fields) == {"killed", "injured"}


def test_stale_publish_is_refused_and_changes_nothing(draft, editor_client):
    seen = draft.version
    other = _editor("other")
    other.post(review_url(draft), form_data(draft, summary="Changed first."))
    response = editor_client.post(reverse("ingest:review-publish", args=[draft.pk]), {"version": seen})
    assert response.status_code == 409
    assert response.context["conflict"].mine == []  # a bare Publish carried no field edits
    assert [c.label for c in response.context["conflict"].theirs] == ["summary"]
    draft.refresh_from_db()
    assert (draft.status, draft.summary) == ("draft", "Changed first.")


def test_api_publish_with_a_stale_version_answers_409(draft, editor):
    from rest_framework.authtoken.models import Token
    from rest_framework.test import APIClient

    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=editor).key}")
    url = reverse("api-incident-publish", args=[draft.pk])
    draft.summary = "edited elsewhere"
    draft.save_versioned(fields=["summary"])  # version 2

    stale = api.post(url, {"version": 1}, format="json")
    assert stale.status_code == 409
    assert stale.json() == {"detail": f"Incident {draft.pk} changed since version 1.", "version": 2}
    draft.refresh_from_db()
    assert draft.status == "draft"

    fresh = api.post(url, {"version": 2}, format="json")
    assert fresh.status_code == 200
    assert (fresh.json()["status"], fresh.json()["version"]) == ("published", 3)


def test_admin_refuses_a_stale_change_form(draft, client, admin_client_user):
    client.force_login(admin_client_user)
    url = reverse("admin:incidents_incident_change", args=[draft.pk])
    page = client.get(url)
    data = {k: v for k, v in page.context["adminform"].form.initial.items() if v is not None}
    data.update(
        date=draft.date.isoformat(),
        weapons='["rocket"]',
        seen_version=1,
        killed=5,
        editor_fields="{}",
        **{f"sources-{k}": v for k, v in {"TOTAL_FORMS": 1, "INITIAL_FORMS": 1}.items()},
    )
    draft.summary = "edited elsewhere"
    draft.save_versioned(fields=["summary"])
    response = client.post(url, data)
    assert response.status_code == 200  # the form again, with the reason
    assert "Someone changed this incident while you were editing it" in response.content.decode()
    draft.refresh_from_db()
    assert draft.killed == 0


def test_a_bare_decision_is_taken_on_the_row_as_it_is_now(draft) -> None:
    """A Publish loaded before another editor's save, and sent without a version, publishes the saved row: the
    save is kept and the decision is no conflict. A decision that writes fields stays checked against the version
    they were made on."""
    clicked = Incident.objects.get(pk=draft.pk)  # the page the Publish button was on
    draft.killed = 4
    draft.save_versioned(fields=["killed"])
    clicked.publish(by=UserFactory())
    draft.refresh_from_db()
    assert (draft.status, draft.killed, draft.version) == (Incident.Status.PUBLISHED, 4, 3)
    stale = Incident.objects.get(pk=draft.pk)
    draft.save_versioned(fields=["summary"])
    stale.launched = 9
    with pytest.raises(StaleVersion):
        stale.decide(Incident.Status.REJECTED, by=UserFactory(), fields=["launched"])
    draft.refresh_from_db()
    assert (draft.status, draft.launched) == (Incident.Status.PUBLISHED, 2)


# --- real concurrency (PostgreSQL) --------------------------------------------------------------


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("decision", ["publish", "reject"])
def test_a_decision_racing_a_form_save_is_never_undone(decision):
    """12 rounds: one editor clicks Publish/Reject while another saves the form loaded before it."""
    deciding, saving = _editor("decider"), _editor("saver")
    for round_ in range(12):
        incident = IncidentFactory(status=Incident.Status.DRAFT, weapons=["rocket"], killed=0)
        form = form_data(incident, killed=round_ + 1)
        decide_url = reverse(f"ingest:review-{decision}", args=[incident.pk])
        decided, saved = run_together(
            lambda url=decide_url: deciding.post(url),
            lambda incident=incident, form=form: saving.post(review_url(incident), form),
        )
        incident.refresh_from_db()
        assert decided.status_code == 302, round_
        assert incident.status == ("published" if decision == "publish" else "rejected"), round_
        if saved.status_code == 302:
            assert incident.killed == round_ + 1  # the save went first: both kept
        else:
            assert saved.status_code == 409  # the decision went first: the stale form is refused, not applied
            assert incident.killed == 0


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_editors_saving_at_once_one_wins_the_other_gets_the_conflict():
    first, second = _editor("first"), _editor("second")
    for round_ in range(8):
        incident = IncidentFactory(status=Incident.Status.DRAFT, weapons=["rocket"], killed=0)
        seen = form_data(incident)
        a, b = run_together(
            lambda i=incident, s=seen: first.post(review_url(i), {**s, "killed": 3}),
            lambda i=incident, s=seen: second.post(review_url(i), {**s, "killed": 7}),
        )
        assert sorted([a.status_code, b.status_code]) == [302, 409], round_
        incident.refresh_from_db()
        assert incident.killed == (3 if a.status_code == 302 else 7)
        assert incident.version == 2
        assert incident.history.count() == 2  # created, and the one save that won
