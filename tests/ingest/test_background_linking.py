"""Background mentions link to the incident they describe; alone, only a dated attack on a base becomes a draft."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from incidents.models import Incident
from ingest import merge
from ingest.models import IncidentSource
from tests.factories import ArticleFactory, IncidentFactory
from tests.ingest.conftest import ATTACK_DAY, count


def _merge(article, items):
    with transaction.atomic():
        return merge.incidents_merge(article=article, extracted=items)


def test_background_mention_links_to_existing_incident(asad, extracted):
    existing = IncidentFactory(base=asad, date=ATTACK_DAY, weapons=["rocket"], launched=2)
    article = ArticleFactory()
    outcome = _merge(article, [extracted(asad, role="background", launched=count(9))])
    source = IncidentSource.objects.get()
    assert source.incident == existing
    assert source.role == IncidentSource.Role.BACKGROUND
    assert outcome["linked"] == [existing.pk]
    existing.refresh_from_db()
    assert existing.launched == 2  # background figures do not move a reported attack's counts
    assert Incident.objects.count() == 1


def test_background_month_precision_links_within_the_month(asad, extracted):
    existing = IncidentFactory(base=asad, date=dt.date(2023, 8, 20), weapons=["rocket"])
    _merge(ArticleFactory(), [extracted(asad, role="background", date=dt.date(2023, 8, 1), date_precision="month")])
    assert IncidentSource.objects.get().incident == existing


def test_vague_background_without_match_creates_nothing(asad, extracted):
    outcome = _merge(
        ArticleFactory(), [extracted(asad, role="background", date=dt.date(2023, 8, 1), date_precision="month")]
    )
    assert Incident.objects.count() == 0
    assert "too vague" in outcome["skipped"][0]


def test_background_without_base_creates_nothing(db, extracted):
    _merge(ArticleFactory(), [extracted(None, role="background", place="Hasakah", country="SY")])
    assert Incident.objects.count() == 0


def test_dated_background_on_a_base_creates_a_draft(asad, extracted):
    outcome = _merge(ArticleFactory(), [extracted(asad, role="background")])
    incident = Incident.objects.get()
    assert incident.status == Incident.Status.DRAFT
    assert incident.sources.get().role == IncidentSource.Role.BACKGROUND
    assert outcome["created"] == [incident.pk]


def test_background_and_primary_of_same_attack_in_one_article_make_one_source(asad, extracted):
    _merge(ArticleFactory(), [extracted(asad, role="background"), extracted(asad)])
    assert Incident.objects.count() == 1
    assert IncidentSource.objects.get().role == IncidentSource.Role.PRIMARY
