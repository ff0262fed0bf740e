"""One attack is one incident: matching by geography (co-located or nearby sites) and dates by precision.

The issue's fifth row: an article about the 1 October 2024 rockets at Baghdad airport became a
new incident at "Victory Base Complex" next to the reference incident at "Baghdad Diplomatic
Support Center": same day, same coordinates, same weapons.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import transaction

from incidents.models import Base, Incident
from ingest import merge
from tests.concurrency import run_together
from tests.factories import ArticleFactory, BaseFactory, IncidentFactory
from tests.ingest.review_forms import review_url

ATTACK = dt.date(2024, 10, 1)


@pytest.fixture
def airport(gazetteer):
    return Base.objects.get(slug="victory-base-complex"), Base.objects.get(slug="baghdad-diplomatic-support-center")


def _merge(extracted, base, **fields):
    article = ArticleFactory(published=ATTACK + dt.timedelta(days=1))
    with transaction.atomic():
        return merge.incidents_merge(article=article, extracted=[extracted(base, date=ATTACK, **fields)])


def test_a_report_at_a_colocated_site_joins_the_existing_incident(airport, extracted):
    victory, bdsc = airport
    reference = IncidentFactory(base=bdsc, date=ATTACK, weapons=["rocket"], status=Incident.Status.PUBLISHED)

    outcome = _merge(extracted, victory)

    assert outcome["joined"] == [reference.pk]
    assert outcome["created"] == []
    assert list(Incident.objects.values_list("pk", flat=True)) == [reference.pk]
    assert reference.sources.count() == 1
    reference.refresh_from_db()
    assert reference.base == bdsc  # the published incident keeps its site


def test_a_report_at_a_site_a_few_km_away_joins_too(gazetteer, extracted, asad):
    annex = BaseFactory(slug="asad-annex", latitude=asad.latitude + 0.02, longitude=asad.longitude)  # ~2 km
    existing = IncidentFactory(base=asad, date=ATTACK, weapons=["rocket"])
    assert _merge(extracted, annex)["joined"] == [existing.pk]


def test_a_site_far_away_is_another_attack(gazetteer, extracted, asad):
    far = BaseFactory(slug="far-site", latitude=asad.latitude + 0.3, longitude=asad.longitude)  # ~33 km
    IncidentFactory(base=asad, date=ATTACK, weapons=["rocket"])
    assert len(_merge(extracted, far)["created"]) == 1
    assert Incident.objects.count() == 2


@pytest.mark.parametrize(("day", "joins"), [(dt.date(2024, 10, 20), True), (dt.date(2024, 11, 2), False)])
def test_a_day_report_matches_a_month_precise_incident_only_within_its_month(extracted, asad, day, joins):
    month = IncidentFactory(base=asad, date=dt.date(2024, 10, 1), date_precision="month", weapons=["rocket"])
    article = ArticleFactory(published=day)
    with transaction.atomic():
        outcome = merge.incidents_merge(article=article, extracted=[extracted(asad, date=day)])
    assert (outcome["joined"] == [month.pk]) is joins


def test_contradicting_weapons_at_a_colocated_site_stay_apart(airport, extracted):
    victory, bdsc = airport
    IncidentFactory(base=bdsc, date=ATTACK, weapons=["drone"])
    assert len(_merge(extracted, victory, weapons=("rocket",))["created"]) == 1


def test_the_review_screen_lists_duplicate_candidates_with_the_reason(airport, editor_client):
    victory, bdsc = airport
    draft = IncidentFactory(base=victory, date=ATTACK, weapons=["rocket"], status=Incident.Status.DRAFT)
    reference = IncidentFactory(base=bdsc, date=ATTACK, weapons=["rocket"], status=Incident.Status.PUBLISHED)
    IncidentFactory(base=bdsc, date=ATTACK + dt.timedelta(days=9), weapons=["rocket"])  # another attack

    response = editor_client.get(review_url(draft))

    assert response.status_code == 200
    [candidate] = response.context["duplicates"]
    assert candidate.incident == reference
    assert candidate.reasons == [
        "same date",
        f"{bdsc} and {victory} are co-located",
        "same weapons (rocket)",
    ]
    html = response.content.decode()
    assert f"Merge into incident {reference.pk}" in html
    assert "are co-located" in html


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_workers_reporting_the_attack_under_each_name_make_one_incident(gazetteer, extracted):
    victory = Base.objects.get(slug="victory-base-complex")
    bdsc = Base.objects.get(slug="baghdad-diplomatic-support-center")
    for round_ in range(6):
        Incident.objects.all().delete()
        results = run_together(lambda: _merge(extracted, victory), lambda: _merge(extracted, bdsc))
        assert not any(isinstance(r, BaseException) for r in results), results
        assert Incident.objects.count() == 1, round_
        assert Incident.objects.get().sources.count() == 2


def test_attacks_on_consecutive_nights_in_one_article_pair_with_their_own_days(extracted, asad):
    """The first-told attack (the 8th) must not take the incident of the 9th a day off: exact dates match first."""
    ninth = IncidentFactory(base=asad, date=dt.date(2023, 11, 9), weapons=["drone"])
    article = ArticleFactory(published=dt.date(2023, 11, 9))
    reports = [
        extracted(asad, date=dt.date(2023, 11, 8), weapons=("drone",), summary="Wednesday night."),
        extracted(asad, date=dt.date(2023, 11, 9), weapons=("drone",), summary="Thursday evening."),
    ]
    with transaction.atomic():
        outcome = merge.incidents_merge(article=article, extracted=reports)
    assert outcome["joined"] == [ninth.pk]
    [eighth] = outcome["created"]
    assert Incident.objects.get(pk=eighth).date == dt.date(2023, 11, 8)
