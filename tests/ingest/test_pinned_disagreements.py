"""Every field an editor set, not only the counts: a later source's differing value is kept with its
attribution and shown on the review screen ("A new source reports ...; you set ..."), never applied."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import transaction

from incidents.models import Base, Faction, Incident
from ingest import merge
from ingest.extractor.types import Count, Evidence, Report
from ingest.extractor.types import Faction as ExtractedFaction
from ingest.pinned import pinned_disagreements
from tests.factories import ArticleFactory
from tests.ingest.conftest import ATTACK_DAY
from tests.ingest.review_forms import form_data, review_url

PREVIOUS_DAY = ATTACK_DAY - dt.timedelta(days=1)


def _report(extracted, base, **fields):
    article = ArticleFactory(title="Second wire")
    with transaction.atomic():
        merge.incidents_merge(article=article, extracted=[extracted(base, **fields)])
    return article


def _faction(slug: str) -> ExtractedFaction:
    faction = Faction.objects.get(slug=slug)
    return ExtractedFaction(slug=faction.slug, name=faction.name, aliases=(), umbrella=None)


@pytest.fixture
def draft(asad, extracted):
    """A draft from a first article: rockets at Ain al-Asad on the attack day, no perpetrator, no claim."""
    _report(extracted, asad, evidence={"date": Evidence("Rockets hit the base on 16 January 2024.", 0, 40)})
    return Incident.objects.get()


def _edit(client, incident: Incident, **changes) -> Incident:
    response = client.post(review_url(incident), form_data(incident, **changes))
    assert response.status_code == 302
    incident.refresh_from_db()
    return incident


def _messages(client, incident: Incident) -> list[str]:
    response = client.get(review_url(incident))
    assert response.status_code == 200
    html = response.content.decode()
    messages = [d.message for d in response.context["disagreements"]]
    for message in messages:
        assert message in html
    return messages


def test_a_later_source_differing_on_each_pinned_field_is_shown_and_not_applied(draft, asad, extracted, editor_client):
    kh = Faction.objects.get(slug="kataib-hezbollah")
    _edit(
        editor_client,
        draft,
        weapons=["mortar", "rocket"],
        perpetrator=kh.pk,
        summary="Rockets; Kataib Hezbollah named by officials.",
    )
    victory = Base.objects.get(slug="victory-base-complex")
    _edit(editor_client, draft, base=victory.pk, date=PREVIOUS_DAY.isoformat())  # the editor's site and date
    nujaba = _faction("harakat-hezbollah-al-nujaba")
    _report(
        extracted,
        victory,
        weapons=("drone", "rocket"),
        perpetrator=nujaba,
        claimed=True,
        date=PREVIOUS_DAY,
        evidence={"date": Evidence("Drones and rockets hit the base on 15 January 2024.", 0, 51)},
    )
    _report(
        extracted,
        Base.objects.get(slug="baghdad-diplomatic-support-center"),
        weapons=("rocket",),
        date=ATTACK_DAY,
        evidence={"date": Evidence("Rockets hit the compound late on Tuesday night.", 0, 47)},
    )

    draft.refresh_from_db()
    assert (draft.base, draft.weapons, draft.perpetrator, draft.claimed) == (victory, ["mortar", "rocket"], kh, False)
    assert draft.date == PREVIOUS_DAY
    messages = _messages(editor_client, draft)
    assert "A new source reports weapons Drone, Rocket; you set Mortar, Rocket." in messages
    assert f"A new source reports perpetrator {nujaba.name}; you set {kh.name}." in messages
    assert f"A new source reports site Baghdad Diplomatic Support Center; you set {victory.name}." in messages
    assert "A new source reports date 16 Jan 2024; you set 15 Jan 2024." in messages
    assert f"A new source reports claimed a claim by {nujaba.name}; you set no claim." not in messages  # not pinned


def test_a_claim_reported_after_the_editor_set_no_claim_is_shown(draft, asad, extracted, editor_client):
    iri = Faction.objects.get(slug="islamic-resistance-in-iraq")
    _edit(editor_client, draft, perpetrator=iri.pk)
    draft.editor_fields["claimed"] = draft.editor_fields["perpetrator"]  # and decided: no claim
    draft.save_versioned(fields=["editor_fields"])
    _report(extracted, asad, perpetrator=_faction(iri.slug), claimed=True)
    draft.refresh_from_db()
    assert draft.claimed is False
    assert f"A new source reports claimed a claim by {iri.name}; you set no claim." in _messages(editor_client, draft)


def test_a_coarser_date_that_agrees_is_not_news(draft, asad, extracted, editor_client):
    _edit(editor_client, draft, date=ATTACK_DAY.isoformat(), summary="Checked against the wire.")
    draft.editor_fields["date"] = draft.editor_fields["summary"]
    draft.save_versioned(fields=["editor_fields"])
    _report(extracted, asad, date=ATTACK_DAY.replace(day=1), date_precision="month")
    assert pinned_disagreements(Incident.objects.get(pk=draft.pk)) == []


def test_each_count_figure_keeps_its_attribution(draft, asad, extracted, editor_client):
    _edit(editor_client, draft, launched=10)
    said = Evidence("Officials said four rockets were fired.", 0, 39)
    launched = Count(best=4, low=4, high=4, reports=(Report(4, "Iraqi security sources", said),))
    _report(extracted, asad, launched=launched)
    assert "A new source reports launched 4 (Iraqi security sources); you set 10." in _messages(editor_client, draft)


def test_fields_the_editor_never_set_raise_nothing(draft, asad, extracted, editor_client):
    _report(extracted, asad, weapons=("drone", "rocket"), perpetrator=_faction("kataib-hezbollah"))
    draft.refresh_from_db()
    assert sorted(draft.weapons) == ["drone", "rocket"]  # followed the sources
    assert _messages(editor_client, draft) == []
