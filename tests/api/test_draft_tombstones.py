"""A draft no anonymous reader ever saw leaves no public tombstone: re-parsing an article, merging or
deleting such a draft is editors' news only (the changes feed and the anonymous ETags stay as they were)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import transaction
from django.utils import timezone

from incidents.models import Incident, IncidentTombstone
from ingest import merge
from tests.factories import ArticleFactory, IncidentFactory, IncidentSourceFactory

pytestmark = pytest.mark.django_db

PUBLIC_URLS = [
    "/api/v1/incidents/",
    "/api/v1/incidents/points/",
    "/api/v1/incidents/?format=geojson",
    "/api/v1/stats/timeline/",
]


def _since() -> str:
    return (timezone.now() - dt.timedelta(seconds=1)).isoformat().replace("+00:00", "Z")


def _tombstone_ids(client, since: str) -> list[int]:
    response = client.get(f"/api/v1/changes/?since={since}")
    assert response.status_code == 200, response.content
    return [t["id"] for t in response.json()["tombstones"]]


def _reparse_dropping_the_attack(article) -> None:
    """Re-parsing finds nothing this time: the article's own draft is left without a source and deleted."""
    with transaction.atomic():
        merge.incidents_merge(article=article, extracted=[])


def test_reparsing_away_a_draft_leaves_no_public_tombstone(api, editor_api):
    published = IncidentFactory(status=Incident.Status.PUBLISHED, date=dt.date(2024, 1, 1))
    article = ArticleFactory()
    draft_id = IncidentSourceFactory(
        article=article, incident=IncidentFactory(status=Incident.Status.DRAFT)
    ).incident_id
    since = _since()
    etags = {url: api.get(url)["ETag"] for url in PUBLIC_URLS}
    changes_etag = api.get(f"/api/v1/changes/?since={since}")["ETag"]

    _reparse_dropping_the_attack(article)

    assert not Incident.objects.filter(pk=draft_id).exists()
    assert list(IncidentTombstone.objects.values_list("incident_id", "public")) == [(draft_id, False)]
    assert _tombstone_ids(api, since) == []
    assert _tombstone_ids(editor_api, since) == [draft_id]  # an editor's sync still learns of it
    for url, etag in etags.items():
        assert api.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304, url
    assert api.get(f"/api/v1/changes/?since={since}", HTTP_IF_NONE_MATCH=changes_etag).status_code == 304
    assert Incident.objects.filter(pk=published.pk).exists()


def test_a_deleted_incident_that_was_published_once_stays_public_news(api, editor):
    incident = IncidentFactory(status=Incident.Status.PUBLISHED)
    incident.reject(by=editor)  # unpublished: public tombstone
    since = _since()
    etag = api.get("/api/v1/incidents/")["ETag"]
    pk = incident.pk
    Incident.objects.filter(pk=pk).delete()  # a rejected incident that had been public
    stones = api.get(f"/api/v1/changes/?since={since}").json()["tombstones"]
    assert [(t["id"], t["reason"]) for t in stones] == [(pk, "unpublished"), (pk, "deleted")]
    assert api.get("/api/v1/incidents/", HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_merging_or_deleting_a_never_published_draft_is_editors_news_only(api, editor_api, editor):
    survivor = IncidentFactory(status=Incident.Status.PUBLISHED)
    absorbed, deleted, rejected = (IncidentFactory(status=Incident.Status.DRAFT) for _ in range(3))
    rejected.reject(by=editor)
    ids = sorted([absorbed.pk, deleted.pk, rejected.pk])
    since = _since()
    merge.incident_merge_into(absorbed_id=absorbed.pk, survivor_id=survivor.pk, by=editor)
    deleted.delete()
    Incident.objects.filter(pk=rejected.pk).delete()
    assert _tombstone_ids(api, since) == []
    assert sorted(_tombstone_ids(editor_api, since)) == ids
    # the merge redirect still works from the internal tombstone
    assert editor_api.get(f"/api/v1/incidents/{absorbed.pk}/").status_code == 301
