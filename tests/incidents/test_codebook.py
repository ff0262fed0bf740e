"""The codebook page: its figures come from the published data; it is linked from every page and the API docs."""

from __future__ import annotations

import datetime as dt

import pytest

from incidents.models import Incident
from tests.factories import BaseFactory, FactionFactory, IncidentFactory, IncidentSourceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def record():
    kh = FactionFactory(slug="kh", name="Kataib Hezbollah")
    asad = BaseFactory(slug="al-asad", name="Al Asad Air Base", country="IQ")
    tower = BaseFactory(slug="tower-22", name="Tower 22", country="JO")
    first = IncidentFactory(base=asad, date=dt.date(2023, 10, 18), perpetrator=kh, claimed=True, claimed_by=kh)
    IncidentFactory(base=tower, date=dt.date(2024, 1, 28), weapons=["drone"], killed=3)
    IncidentFactory(
        base=None, place="a base in Hasakah", country="SY", date=dt.date(2024, 2, 1), date_precision="month"
    )
    IncidentFactory(base=asad, date=dt.date(2025, 5, 5), status=Incident.Status.DRAFT)  # never counted
    IncidentSourceFactory(incident=first)
    return first


def test_codebook_states_the_coverage_computed_from_the_published_data(client, record):
    response = client.get("/codebook/")
    assert response.status_code == 200
    flat = " ".join(response.content.decode().split())
    assert "3 published incidents" in flat
    assert "dated from 18 October 2023 to 1 February 2024" in flat
    assert "at 2 sites of the gazetteer and 1 other place" in flat
    assert "1 group or state is named as perpetrator; 1 incident was claimed" in flat
    assert "1 incident cites at least one source article" in flat
    assert "Iraq 1" in flat
    assert "Jordan 1" in flat
    assert "Syria 1" in flat


def test_codebook_covers_every_rule_a_researcher_needs(client, record):
    flat = " ".join(client.get("/codebook/").content.decode().split())
    for heading in (
        "What counts as an attack on a coalition site",
        "Primary reports and background mentions",
        "Dates and their precision",
        "Locations and their precision",
        "best, low and high",
        "Perpetrator, claim and official attribution",
        "What a source is",
        "Review, publication and change history",
        "Coverage of the record",
    ):
        assert heading in flat
    # The vocabularies come from the models.
    for code in ("near_site", "province", "small_arms", "week", "IQ Iraq"):
        assert code in flat


def test_about_leads_to_the_codebook(client, db):
    response = client.get("/about/")
    assert response.status_code == 301
    assert response["Location"] == "/codebook/"


@pytest.mark.parametrize("path", ["/", "/coverage/", "/codebook/", "/releases/", "/accounts/login/"])
def test_every_page_links_the_codebook(client, record, path):
    text = client.get(path).content.decode()
    assert 'href="/codebook/"' in text
    assert 'href="/releases/"' in text


def test_incident_and_base_pages_link_the_codebook(client, record):
    for path in (f"/incidents/{record.pk}/", "/bases/al-asad/", "/factions/kh/"):
        assert 'href="/codebook/"' in client.get(path).content.decode(), path


def test_api_docs_link_the_codebook(client, db):
    schema = client.get("/api/schema/", {"format": "json"}).json()
    assert "(/codebook/)" in schema["info"]["description"]
    assert "/codebook/" in next(
        p["description"] for p in schema["paths"]["/api/v1/incidents/"]["get"]["parameters"] if p["name"] == "as_of"
    )


def test_an_empty_record_says_so(client, db):
    flat = " ".join(client.get("/codebook/").content.decode().split())
    assert "no incident is published yet" in flat
