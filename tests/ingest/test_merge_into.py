"""Merge into…: sources move, counts reconciled by the one rule, a merged tombstone, a history entry, a redirect."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from incidents.models import Base, Incident, IncidentTombstone
from ingest.models import IncidentSource
from tests.concurrency import run_together
from tests.factories import ArticleFactory, IncidentFactory, UserFactory
from tests.ingest.review_forms import review_url

ATTACK = dt.date(2024, 10, 1)


def _source(incident, **counts):
    reported = {"counts": {name: {"best": v, "reports": [{"value": v}]} for name, v in counts.items()}}
    return IncidentSource.objects.create(incident=incident, article=ArticleFactory(), reported=reported)


@pytest.fixture
def pair(gazetteer):
    """The reference incident at the Diplomatic Support Center, and a draft of the same attack at Victory."""
    bdsc = Base.objects.get(slug="baghdad-diplomatic-support-center")
    victory = Base.objects.get(slug="victory-base-complex")
    reference = IncidentFactory(base=bdsc, date=ATTACK, weapons=["rocket"], launched=3, status="published")
    _source(reference, launched=3)
    draft = IncidentFactory(
        base=victory, date=ATTACK, weapons=["rocket"], launched=5, killed=1, status="draft", summary=""
    )
    _source(draft, launched=5, killed=1)
    return reference, draft


def _merge_post(client, draft, reference, **extra):
    data = {"into": reference.pk, "version": draft.version, "into_version": reference.version, **extra}
    return client.post(reverse("ingest:review-merge", args=[draft.pk]), data)


def test_merge_moves_sources_reconciles_counts_and_leaves_a_merged_tombstone(pair, editor_client, editor):
    reference, draft = pair
    draft_pk = draft.pk

    response = _merge_post(editor_client, draft, reference)

    assert response.status_code == 302
    assert response.url == review_url(reference)
    assert not Incident.objects.filter(pk=draft_pk).exists()
    reference.refresh_from_db()
    assert reference.sources.count() == 2
    # best = the highest reported figure, low = the lowest, high = the highest
    assert (reference.launched, reference.launched_low, reference.launched_high) == (5, 3, 5)
    assert reference.killed == 1
    assert reference.status == "published"
    stone = IncidentTombstone.objects.get(incident_id=draft_pk)
    assert (stone.reason, stone.merged_into) == ("merged", reference)
    latest = reference.history.order_by("-history_id").first()
    assert (latest.history_change_reason, latest.history_user) == (f"merged incident {draft_pk} into this one", editor)
    gone = Incident.history.filter(id=draft_pk).order_by("-history_id").first()
    assert (gone.history_type, gone.history_change_reason) == ("-", f"merged into incident {reference.pk}")


def test_the_absorbed_incidents_urls_redirect_to_the_survivor(pair, editor_client, client):
    reference, draft = pair
    _merge_post(editor_client, draft, reference)

    public = client.get(reverse("incidents:incident-detail", args=[draft.pk]))
    assert (public.status_code, public.url) == (301, reference.get_absolute_url())
    review = editor_client.get(review_url(draft.pk))
    assert (review.status_code, review.url) == (302, review_url(reference))
    assert client.get(reverse("incidents:incident-detail", args=[999999])).status_code == 404


def test_merging_a_published_incident_into_a_draft_publishes_the_survivor(pair, editor_client, editor):
    reference, draft = pair
    response = _merge_post(editor_client, reference, draft)
    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.status, draft.reviewed_by) == ("published", editor)


def test_merge_with_a_stale_version_is_refused(pair, editor_client):
    reference, draft = pair
    response = _merge_post(editor_client, draft, reference, into_version=reference.version + 5)
    assert response.status_code == 302
    assert response.url == review_url(draft)
    assert Incident.objects.filter(pk=draft.pk).exists()
    assert not IncidentTombstone.objects.exists()


def test_an_edit_posted_to_a_merged_incident_is_not_silently_dropped(pair, editor_client):
    reference, draft = pair
    _merge_post(editor_client, draft, reference)
    response = editor_client.post(review_url(draft.pk), {"summary": "late edit"}, follow=True)
    assert response.redirect_chain == [(review_url(reference), 302)]
    assert "your changes were not saved" in response.content.decode()


def _api(user) -> APIClient:
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return api


def test_api_merge_answers_the_survivor(pair, editor):
    reference, draft = pair
    url = reverse("api-incident-merge", args=[draft.pk])
    response = _api(editor).post(url, {"into": reference.pk, "version": 1, "into_version": 1}, format="json")
    assert response.status_code == 200
    body = response.json()
    assert (body["id"], body["launched"], len(body["sources"])) == (reference.pk, 5, 2)
    assert IncidentTombstone.objects.get(incident_id=draft.pk).merged_into_id == reference.pk


@pytest.mark.parametrize(
    ("body", "status"),
    [({"into": "self"}, 400), ({}, 400), ({"into": 999999}, 400), ({"into": "ref", "version": 7}, 409)],
)
def test_api_merge_refuses_bad_or_stale_requests(pair, editor, body, status):
    reference, draft = pair
    body = {k: {"self": draft.pk, "ref": reference.pk}.get(v, v) for k, v in body.items()}
    response = _api(editor).post(reverse("api-incident-merge", args=[draft.pk]), body, format="json")
    assert response.status_code == status
    assert Incident.objects.filter(pk=draft.pk).exists()
    assert not IncidentTombstone.objects.exists()


def test_api_merge_is_for_editors_only(pair, client):
    reference, draft = pair
    url = reverse("api-incident-merge", args=[draft.pk])
    assert APIClient().post(url, {"into": reference.pk}, format="json").status_code == 401
    assert _api(UserFactory(username="reader")).post(url, {"into": reference.pk}, format="json").status_code == 403
    assert Incident.objects.filter(pk=draft.pk).exists()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_editors_merging_the_pair_at_once_merge_it_once(gazetteer):
    clients = []
    for name in ("one", "two"):
        user = UserFactory(username=name)
        user.groups.add(Group.objects.get_or_create(name="editors")[0])
        client = Client()
        client.force_login(user)
        clients.append(client)
    for round_ in range(6):
        Incident.objects.all().delete()
        IncidentTombstone.objects.all().delete()
        a = IncidentFactory(date=ATTACK, weapons=["rocket"], status="draft")
        b = IncidentFactory(base=a.base, date=ATTACK, weapons=["rocket"], status="draft")
        _source(a, launched=2)
        _source(b, launched=4)
        results = run_together(
            lambda a=a, b=b: clients[0].post(reverse("ingest:review-merge", args=[a.pk]), {"into": b.pk}),
            lambda a=a, b=b: clients[1].post(reverse("ingest:review-merge", args=[b.pk]), {"into": a.pk}),
        )
        assert not any(isinstance(r, BaseException) for r in results), results
        assert Incident.objects.count() == 1, round_
        survivor = Incident.objects.get()
        assert survivor.sources.count() == 2
        assert survivor.launched == 4
        assert list(IncidentTombstone.objects.values_list("reason", "merged_into")) == [("merged", survivor.pk)]


def test_the_api_redirects_a_merged_incident_to_the_survivor(pair, editor_client, client):
    reference, draft = pair
    _merge_post(editor_client, draft, reference)
    response = Client().get(f"/api/v1/incidents/{draft.pk}/")
    assert response.status_code == 301
    assert response["Location"] == f"/api/v1/incidents/{reference.pk}/"
    assert Client().get("/api/v1/incidents/999999/").status_code == 404
