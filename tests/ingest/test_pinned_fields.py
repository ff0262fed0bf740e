"""A field an editor set is never overwritten by a later source; the source's figure is shown for the editor to decide.

The issue's third row: an editor's corrections to a draft (launched 10, killed 1) were replaced
when the next article about the attack arrived (launched 4, killed 0).
"""

from __future__ import annotations

import pytest
from django.db import transaction

from incidents.models import Incident
from ingest import merge
from ingest.models import IncidentSource
from tests.concurrency import run_together
from tests.factories import ArticleFactory
from tests.ingest.conftest import count
from tests.ingest.review_forms import form_data, review_url


def _report(asad, extracted, **counts):
    article = ArticleFactory()
    with transaction.atomic():
        merge.incidents_merge(
            article=article,
            extracted=[extracted(asad, **{name: count(*values) for name, values in counts.items()})],
        )
    return article


@pytest.fixture
def corrected(asad, extracted, editor_client):
    """A draft from a first article (launched 3, killed 0) that the editor corrected to launched 10, killed 1."""
    _report(asad, extracted, launched=[3], killed=[0])
    incident = Incident.objects.get()
    response = editor_client.post(
        review_url(incident), form_data(incident, launched=10, killed=1, summary="Ten rockets; one killed.")
    )
    assert response.status_code == 302
    incident.refresh_from_db()
    assert (incident.launched, incident.killed, incident.status) == (10, 1, "draft")
    return incident


def test_a_later_source_does_not_overwrite_what_the_editor_set(corrected, asad, extracted):
    article = _report(asad, extracted, launched=[4], killed=[0], injured=[2])

    corrected.refresh_from_db()
    assert (corrected.launched, corrected.launched_low, corrected.launched_high) == (10, None, None)
    assert corrected.killed == 1
    assert corrected.summary == "Ten rockets; one killed."
    assert corrected.injured == 2  # a field the editor never set still follows the sources
    assert IncidentSource.objects.filter(incident=corrected, article=article).exists()  # kept as a source
    assert set(corrected.editor_fields) == {"launched", "killed", "summary"}


def test_the_review_screen_shows_the_new_sources_differing_figures(corrected, asad, extracted, editor_client):
    _report(asad, extracted, launched=[4], killed=[0])

    response = editor_client.get(review_url(corrected))

    assert response.status_code == 200
    messages = [d.message for d in response.context["disagreements"]]
    assert "A new source reports launched 4; you set 10." in messages
    assert "A new source reports killed 0; you set 1." in messages
    html = response.content.decode()
    assert "A new source reports launched 4; you set 10." in html
    assert "set by an editor" in html


def test_the_first_sources_figures_are_not_reported_as_new(corrected, editor_client):
    response = editor_client.get(review_url(corrected))
    assert response.context["disagreements"] == []


def test_publishing_unchanged_fields_does_not_pin_them(asad, extracted, editor_client):
    _report(asad, extracted, launched=[3])
    incident = Incident.objects.get()
    assert editor_client.post(review_url(incident), form_data(incident, action="publish")).status_code == 302
    incident.refresh_from_db()
    assert incident.status == "published"
    assert incident.editor_fields == {}


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_an_editors_save_racing_a_new_source_is_never_lost(gazetteer, asad, extracted, editor_client):
    """The worker merges a new source while the editor saves: either order, the editor's figures stand
    (or the editor is told of the worker's change and nothing is written)."""
    for round_ in range(6):
        Incident.objects.all().delete()
        _report(asad, extracted, launched=[3], killed=[0])
        incident = Incident.objects.get()
        form = form_data(incident, launched=10, killed=1)
        saved, merged = run_together(
            lambda i=incident, f=form: editor_client.post(review_url(i), f),
            lambda: _report(asad, extracted, launched=[4], killed=[0]),
        )
        assert not isinstance(merged, BaseException), merged
        incident.refresh_from_db()
        assert incident.sources.count() == 2, round_
        if saved.status_code == 302:
            assert (incident.launched, incident.killed) == (10, 1), round_
        else:
            assert saved.status_code == 409, round_  # the worker's write came first: the editor sees it
            assert (incident.launched, incident.killed) == (4, 0), round_
            assert incident.editor_fields == {}
