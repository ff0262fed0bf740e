"""Two articles about one attack become one incident with two sources and reconciled figures."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from incidents.models import Incident
from ingest import merge
from ingest.extractor.types import Evidence
from ingest.models import Article, IncidentSource
from ingest.tasks import process_article
from tests.factories import ArticleFactory, BaseFactory, IncidentFactory
from tests.ingest.conftest import ARTICLE_A, ARTICLE_B, ATTACK_DAY, PUBLISHED_A, PUBLISHED_B, count


def _merge(article, items):
    with transaction.atomic():
        return merge.incidents_merge(article=article, extracted=items)


def test_two_real_articles_about_one_attack_make_one_incident(asad):
    a = ArticleFactory(text=ARTICLE_A, published=PUBLISHED_A)
    b = ArticleFactory(text=ARTICLE_B, published=PUBLISHED_B)
    process_article.apply(args=(a.pk,))
    process_article.apply(args=(b.pk,))
    incident = Incident.objects.get()
    assert incident.base == asad
    assert incident.date == ATTACK_DAY
    assert set(incident.sources.values_list("article_id", flat=True)) == {a.pk, b.pk}
    # Two rockets per one source, three per the other: best = highest, low/high the range.
    assert (incident.launched, incident.launched_low, incident.launched_high) == (3, 2, 3)
    b.refresh_from_db()
    assert b.outcome["joined"] == [incident.pk]


def test_merge_reconciles_counts_across_sources(asad, extracted):
    first, second = ArticleFactory(), ArticleFactory()
    _merge(first, [extracted(asad, launched=count(3), injured=count(0))])
    overnight = {"date": Evidence("Rockets struck late on Tuesday night.", 0, 36)}  # a day off, loosely dated
    _merge(
        second,
        [
            extracted(
                asad,
                date=ATTACK_DAY + dt.timedelta(days=1),
                launched=count(2, 5),
                injured=count(4),
                evidence=overnight,
            )
        ],
    )
    incident = Incident.objects.get()
    assert incident.sources.count() == 2
    assert (incident.launched, incident.launched_low, incident.launched_high) == (5, 2, 5)
    assert (incident.injured, incident.injured_low, incident.injured_high) == (4, 0, 4)


def test_merge_needs_compatible_weapons(asad, extracted):
    _merge(ArticleFactory(), [extracted(asad, weapons=("drone",))])
    _merge(ArticleFactory(), [extracted(asad, weapons=("rocket",))])
    _merge(ArticleFactory(), [extracted(asad, weapons=())])  # unknown weapon joins the closest
    assert Incident.objects.count() == 2
    assert sorted(Incident.objects.values_list("weapons", flat=True)) == [["drone"], ["rocket"]]
    assert IncidentSource.objects.count() == 3


def test_merge_needs_date_within_a_day(asad, extracted):
    _merge(ArticleFactory(), [extracted(asad)])
    _merge(ArticleFactory(), [extracted(asad, date=ATTACK_DAY + dt.timedelta(days=2))])
    assert Incident.objects.count() == 2


def test_merge_by_place_and_country_without_base(db, extracted):
    _merge(ArticleFactory(), [extracted(None, place="Hasakah", country="SY")])
    _merge(ArticleFactory(), [extracted(None, place="hasakah", country="SY", weapons=("rocket", "drone"))])
    _merge(ArticleFactory(), [extracted(None, place="Hasakah", country="IQ")])
    assert Incident.objects.count() == 2
    syria = Incident.objects.get(country="SY")
    assert syria.sources.count() == 2
    assert syria.weapons == ["drone", "rocket"]


def test_published_incident_gaining_a_source_stays_published(asad, extracted):
    incident = IncidentFactory(base=asad, date=ATTACK_DAY, weapons=["rocket"], launched=4)
    _merge(ArticleFactory(), [extracted(asad, launched=count(2))])
    incident.refresh_from_db()
    assert incident.status == Incident.Status.PUBLISHED
    assert incident.sources.count() == 1
    # The reviewed figure takes part in the range: it is not silently lowered.
    assert (incident.launched, incident.launched_low, incident.launched_high) == (4, 2, 4)


def test_two_attacks_in_one_article_stay_two_incidents(asad, extracted):
    _merge(ArticleFactory(), [extracted(asad), extracted(asad, date=ATTACK_DAY + dt.timedelta(days=1))])
    assert Incident.objects.count() == 2


def test_reprocess_with_changed_extraction_drops_orphan_draft(asad, extracted):
    article = ArticleFactory()
    _merge(article, [extracted(asad)])
    old = Incident.objects.get()
    article.outcome = {"created": [old.pk]}
    _merge(article, [extracted(asad, date=ATTACK_DAY - dt.timedelta(days=10))])
    assert not Incident.objects.filter(pk=old.pk).exists()
    assert Incident.objects.get().date == ATTACK_DAY - dt.timedelta(days=10)


def test_unknown_base_is_skipped_with_reason(db, extracted):
    ghost = BaseFactory.build(slug="nowhere", name="Nowhere")
    outcome = _merge(ArticleFactory(), [extracted(ghost)])
    assert Incident.objects.count() == 0
    assert "not in the gazetteer" in outcome["skipped"][0]


def test_article_status_lists_created_and_joined_incidents(editor_client, asad, extracted):
    first, second = ArticleFactory(status=Article.Status.DONE), ArticleFactory(status=Article.Status.DONE)
    first.outcome = _merge(first, [extracted(asad)])
    first.save()
    second.outcome = _merge(second, [extracted(asad)])
    second.save()
    incident = Incident.objects.get()
    links = editor_client.get(second.get_status_url()).json()["incidents"]
    assert [(link["id"], link["outcome"]) for link in links] == [(incident.pk, "joined")]
    assert editor_client.get(first.get_status_url()).json()["incidents"][0]["outcome"] == "created"
