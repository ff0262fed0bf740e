"""The database itself rejects rows that break an invariant."""

import pytest
from django.db import IntegrityError, transaction

from incidents.models import Base, Incident
from ingest.models import Article
from tests.factories import ArticleFactory, BaseFactory, FactionFactory, IncidentFactory

pytestmark = pytest.mark.django_db


def rejected(**fields) -> bool:
    incident = IncidentFactory()
    try:
        with transaction.atomic():
            Incident.objects.filter(pk=incident.pk).update(**fields)
    except IntegrityError:
        return True
    return False


@pytest.mark.parametrize("field", ["launched", "intercepted", "killed", "injured"])
def test_negative_counts_are_rejected(field):
    assert rejected(**{field: -1})


@pytest.mark.parametrize("field", ["launched", "intercepted", "killed", "injured"])
def test_low_above_best_is_rejected(field):
    assert rejected(
        **{field: 2, f"{field}_low": 3, "launched": 10} if field == "intercepted" else {field: 2, f"{field}_low": 3}
    )


@pytest.mark.parametrize("field", ["launched", "killed", "injured"])
def test_best_above_high_is_rejected(field):
    assert rejected(**{field: 5, f"{field}_high": 4})


def test_consistent_best_low_high_is_accepted():
    assert not rejected(launched=3, launched_low=2, launched_high=3, intercepted=2, killed=0, injured=0)


def test_intercepted_above_launched_is_rejected():
    assert rejected(launched=2, intercepted=3)


def test_intercepted_without_launched_is_accepted():
    assert not rejected(launched=None, intercepted=3)


@pytest.mark.parametrize(("lat", "lon"), [(91, 40), (-91, 40), (33, 181), (33, -181)])
def test_incident_coordinates_out_of_range_are_rejected(lat, lon):
    assert rejected(latitude=lat, longitude=lon)


def test_incident_latitude_without_longitude_is_rejected():
    assert rejected(latitude=33.0, longitude=None)


def test_claimed_by_without_claim_is_rejected():
    assert rejected(claimed=False, claimed_by=FactionFactory())


def test_unknown_status_is_rejected():
    assert rejected(status="secret")


@pytest.mark.parametrize(("lat", "lon"), [(95, 40), (33, 200)])
def test_base_coordinates_out_of_range_are_rejected(lat, lon):
    with pytest.raises(IntegrityError):
        Base.objects.create(name="X", slug="x", kind="garrison", country="IQ", latitude=lat, longitude=lon)


def test_base_slug_is_unique():
    BaseFactory(slug="same")
    with pytest.raises(IntegrityError):
        Base.objects.create(name="Other", slug="same", kind="garrison", country="IQ", latitude=1, longitude=1)


def test_article_checksum_is_unique_across_spacing_and_case():
    ArticleFactory(text="Rockets hit the base.  Nobody was hurt.")
    with pytest.raises(IntegrityError):
        ArticleFactory(text="rockets hit the base. Nobody was HURT.")


def test_article_url_is_unique_but_blank_urls_are_allowed():
    ArticleFactory(url="")
    ArticleFactory(url="")
    ArticleFactory(url="https://example.org/a")
    with pytest.raises(IntegrityError):
        ArticleFactory(url="https://example.org/a")


def test_article_text_cannot_be_empty():
    with pytest.raises(IntegrityError):
        Article.objects.bulk_create([Article(text="", published="2024-01-01", checksum="x")])
