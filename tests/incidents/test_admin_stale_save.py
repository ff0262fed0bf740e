"""A stale save in the admin is refused with the form re-shown: the conflict explained, the editor's own
changes kept on the current version, nothing of the other editor's undone, never an error page."""

from __future__ import annotations

import pytest
from django import forms
from django.test import Client

from incidents.admin import IncidentAdminForm
from incidents.models import Incident
from tests.concurrency import run_together
from tests.factories import IncidentFactory, UserFactory
from tests.incidents.admin_forms import loaded_form as _loaded_form
from tests.incidents.admin_forms import url as _url

pytestmark = pytest.mark.django_db


def _reshown(response) -> dict[str, list[str]]:
    """The re-shown form's values, as the browser would send them back."""
    data = response.context["adminform"].form.data
    return {key: data.getlist(key) for key in data}


def _admin(name: str) -> Client:
    client = Client()
    client.force_login(UserFactory(username=name, is_staff=True, is_superuser=True))
    return client


def test_a_stale_admin_save_reshows_the_form_with_the_conflict_explained():
    incident = IncidentFactory(killed=3, summary="Rockets.", status=Incident.Status.DRAFT)
    alice, bob = _admin("alice"), _admin("bob")
    alices_form = _loaded_form(alice, incident, summary="Rockets; two hit the runway.")
    assert bob.post(_url(incident), _loaded_form(bob, incident, killed=0)).status_code == 302

    response = alice.post(_url(incident), alices_form)

    assert response.status_code == 200  # the form again, not an error page
    html = response.content.decode()
    assert "Someone changed this incident while you were editing it (your version 1, now 2)" in html
    assert "They changed killed: 3 → 0." in html
    assert "your own changes (Summary) filled in" in html
    incident.refresh_from_db()
    assert (incident.killed, incident.summary, incident.version) == (0, "Rockets.", 2)  # nothing written
    reshown = _reshown(response)
    assert reshown["summary"] == ["Rockets; two hit the runway."]  # hers, kept
    assert reshown["killed"] == ["0"]  # his, not her stale 3
    assert reshown["seen_version"] == ["2"]

    assert alice.post(_url(incident), reshown).status_code == 302  # saved again, on the current version
    incident.refresh_from_db()
    assert (incident.killed, incident.summary, incident.version) == (0, "Rockets; two hit the runway.", 3)
    assert set(incident.editor_fields) == {"killed", "summary"}


def test_a_save_losing_the_race_after_its_form_was_checked_gets_the_form_not_a_500(monkeypatch):
    """The other write lands between the form's version check and the write itself (simulated: the
    first check runs as if before it)."""
    incident = IncidentFactory(killed=3, summary="Rockets.")
    alice = _admin("alice")
    form = _loaded_form(alice, incident, summary="Checked.")
    other = Incident.objects.get(pk=incident.pk)
    other.killed = 5
    other.save_versioned(fields=["killed"])
    checked_in_time: list[bool] = []
    real_clean = IncidentAdminForm.clean

    def clean_before_the_other_write(self):
        if not checked_in_time:
            checked_in_time.append(True)
            return forms.ModelForm.clean(self)
        return real_clean(self)

    monkeypatch.setattr(IncidentAdminForm, "clean", clean_before_the_other_write)
    response = alice.post(_url(incident), form)
    assert checked_in_time
    assert response.status_code == 200
    assert "They changed killed: 3 → 5." in response.content.decode()
    incident.refresh_from_db()
    assert (incident.killed, incident.summary, incident.version) == (5, "Rockets.", 2)
    assert _reshown(response)["summary"] == ["Checked."]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_admins_saving_at_once_one_wins_the_other_is_shown_the_conflict():
    alice, bob = _admin("alice"), _admin("bob")
    for round_ in range(6):
        incident = IncidentFactory(killed=3, summary="Rockets.")
        forms = (_loaded_form(alice, incident, summary="Checked."), _loaded_form(bob, incident, killed=0))
        results = run_together(
            lambda f=forms[0], i=incident: alice.post(_url(i), f), lambda f=forms[1], i=incident: bob.post(_url(i), f)
        )
        assert not [r for r in results if isinstance(r, BaseException)], results
        assert sorted(r.status_code for r in results) == [200, 302], round_
        loser = next(r for r in results if r.status_code == 200)
        assert "Someone changed this incident while you were editing it" in loser.content.decode()
        client = alice if loser is results[0] else bob
        assert client.post(_url(incident), _reshown(loser)).status_code == 302
        incident.refresh_from_db()
        assert (incident.killed, incident.summary) == (0, "Checked."), round_  # both kept
