"""The review queue: editors only, evidence highlighted and escaped, every field editable, publish/reject, history."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from incidents.models import Incident
from tests.factories import ArticleFactory, IncidentFactory, IncidentSourceFactory, UserFactory

EVIL = "<script>alert('x')</script> Two rockets hit the base. Nothing else."


@pytest.fixture
def draft(db):
    incident = IncidentFactory(status=Incident.Status.DRAFT, weapons=["rocket"], launched=2)
    article = ArticleFactory(text=EVIL)
    start = EVIL.index("Two rockets")
    end = EVIL.index("Nothing") - 1
    IncidentSourceFactory(
        incident=incident,
        article=article,
        evidence={
            "launched": {"text": EVIL[start:end], "start": start, "end": end},
            "weapons": {"text": EVIL[start:end], "start": start, "end": end},
            "bogus": {"text": "not there", "start": 0, "end": 9},
        },
    )
    return incident


def test_queue_lists_drafts_oldest_first_with_source_counts(editor_client, draft):
    newer = IncidentFactory(status=Incident.Status.DRAFT)
    IncidentFactory(status=Incident.Status.PUBLISHED)
    response = editor_client.get(reverse("ingest:review-queue"))
    assert response.status_code == 200
    rows = list(response.context["incidents"])
    assert rows == [draft, newer]
    assert [r.n_sources for r in rows] == [1, 0]


def test_review_pages_need_an_editor(client, draft):
    urls = [reverse("ingest:review-queue"), reverse("ingest:review-incident", args=[draft.pk])]
    for url in urls:
        assert client.get(url).status_code == 302
    client.force_login(UserFactory(username="reader"))
    for url in urls:
        assert client.get(url).status_code == 403


def test_review_page_highlights_evidence_and_escapes_article_text(editor_client, draft):
    response = editor_client.get(reverse("ingest:review-incident", args=[draft.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert (
        '<mark class="evidence" title="launched, weapons" data-fields="launched, weapons">'
        "Two rockets hit the base.</mark>" in html
    )
    assert "bogus" not in html.split("<pre")[1].split("</pre>")[0]


@pytest.mark.parametrize(("action", "status"), [("publish", "published"), ("reject", "rejected")])
def test_editor_publishes_or_rejects(editor_client, editor, draft, action, status):
    response = editor_client.post(reverse(f"ingest:review-{action}", args=[draft.pk]))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == status
    assert draft.reviewed_by == editor
    assert (draft in Incident.objects.published()) is (status == "published")
    public = editor_client.get(draft.get_absolute_url())
    assert public.status_code == 200
    editor_client.logout()
    assert editor_client.get(draft.get_absolute_url()).status_code == (200 if status == "published" else 404)


@pytest.mark.parametrize("action", ["publish", "reject"])
def test_non_editors_cannot_publish_or_reject(client, draft, action):
    url = reverse(f"ingest:review-{action}", args=[draft.pk])
    assert client.post(url).status_code == 302  # to the login page
    client.force_login(UserFactory(username="reader"))
    assert client.post(url).status_code == 403
    draft.refresh_from_db()
    assert draft.status == Incident.Status.DRAFT
    assert draft.reviewed_by is None


def test_publish_needs_post(editor_client, draft):
    assert editor_client.get(reverse("ingest:review-publish", args=[draft.pk])).status_code == 405
    draft.refresh_from_db()
    assert draft.status == Incident.Status.DRAFT


def test_publish_needs_csrf(editor, draft):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    assert client.post(reverse("ingest:review-publish", args=[draft.pk])).status_code == 403
    draft.refresh_from_db()
    assert draft.status == Incident.Status.DRAFT


def _form_data(incident, **overrides):
    data = {
        "date": incident.date.isoformat(),
        "date_precision": incident.date_precision,
        "base": incident.base_id or "",
        "place": incident.place,
        "latitude": incident.latitude or "",
        "longitude": incident.longitude or "",
        "location_precision": incident.location_precision,
        "country": incident.country,
        "weapons": incident.weapons,
        "launched": 2,
        "summary": incident.summary,
    }
    data.update(overrides)
    return data


def test_editor_edits_fields_and_history_records_who(editor_client, editor, draft):
    url = reverse("ingest:review-incident", args=[draft.pk])
    response = editor_client.post(
        url, _form_data(draft, launched=4, launched_low=3, launched_high=5, weapons=["rocket", "drone"], claimed="")
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.launched, draft.launched_low, draft.launched_high) == (4, 3, 5)
    assert draft.weapons == ["drone", "rocket"]
    page = editor_client.get(url)
    history = page.context["history"]
    assert history[0].who == "editor"
    assert {c.field for c in history[0].changes} >= {"launched", "launched low", "launched high", "weapons"}
    assert b"launched: 2 \xe2\x86\x92 4" in page.content


def test_edit_violating_constraints_reshows_the_form(editor_client, draft):
    url = reverse("ingest:review-incident", args=[draft.pk])
    response = editor_client.post(url, _form_data(draft, launched=2, intercepted=5, latitude=95, longitude=10))
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert "latitude" in errors or "__all__" in errors
    draft.refresh_from_db()
    assert draft.intercepted is None


def test_review_marks_the_fields_read_with_low_confidence(editor_client, gazetteer, django_capture_on_commit_callbacks):
    """An article that gives the attack no day: the date comes from the publication, and the editor is told."""
    from ingest import submission

    with django_capture_on_commit_callbacks(execute=True):
        article = submission.article_submit(
            text="Rockets hit Ain al-Asad air base, the coalition said. Nobody was hurt.", published=dt.date(2024, 3, 5)
        ).article
    article.refresh_from_db()
    [incident] = Incident.objects.filter(sources__article=article)
    response = editor_client.get(reverse("ingest:review-incident", args=[incident.pk]))
    assert response.status_code == 200
    assert "date" in response.context["uncertain"]
    assert response.context["uncertain"]["date"] < 0.7
    assert "base" not in response.context["uncertain"]  # Ain al-Asad is named
    html = response.content.decode()
    assert 'class="field uncertain"' in html
    assert "check (confidence" in html
