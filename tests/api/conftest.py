"""A small world for the API tests: an umbrella with nested members, bases in two countries,
published, draft and rejected incidents with sourced articles submitted by a named user."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from django.core.cache import caches
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from incidents.models import Base, Faction, Incident
from tests.factories import (
    ArticleFactory,
    BaseFactory,
    FactionFactory,
    IncidentFactory,
    IncidentSourceFactory,
    UserFactory,
)


@dataclass
class World:
    iri: Faction
    kh: Faction
    kh_unit: Faction
    other: Faction
    tower: Base
    asad: Base
    tanf: Base
    rocket: Incident
    drone: Incident
    syria: Incident
    unsourced: Incident
    draft: Incident
    rejected: Incident


@pytest.fixture(autouse=True)
def _fresh_throttles():
    # Throttle counters live in the cache; each test starts from zero.
    caches["throttle"].clear()
    yield
    caches["throttle"].clear()


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def editor_token(editor) -> str:
    return Token.objects.create(user=editor).key


@pytest.fixture
def editor_api(editor_token):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {editor_token}")
    return client


@pytest.fixture
def world(db) -> World:
    iri = FactionFactory(slug="iri", name="Islamic Resistance in Iraq", kind="umbrella")
    kh = FactionFactory(slug="kh", name="Kataib Hezbollah", umbrella=iri)
    kh_unit = FactionFactory(slug="kh-unit", name="KH Drone Unit", umbrella=kh)
    other = FactionFactory(slug="other", name="Other Group")
    tower = BaseFactory(
        slug="tower-22", name="Tower 22", country="JO", latitude=33.3, longitude=38.7, province="Mafraq"
    )
    asad = BaseFactory(slug="al-asad", name="Al Asad Air Base", country="IQ", latitude=33.8, longitude=42.4)
    tanf = BaseFactory(slug="al-tanf", name="Al-Tanf Garrison", country="SY", latitude=33.5, longitude=38.6)
    submitter = UserFactory(username="secret-submitter")
    rocket = IncidentFactory(
        date=dt.date(2024, 1, 2),
        base=asad,
        weapons=["rocket", "drone"],
        launched=8,
        intercepted=2,
        killed=0,
        injured=2,
        perpetrator=kh,
        claimed=True,
        claimed_by=iri,
        summary="Rockets and a drone hit Al Asad.",
    )
    IncidentSourceFactory(
        incident=rocket,
        article=ArticleFactory(
            title="Barrage on Al Asad",
            url="https://news.example/asad",
            text="Eight rockets struck the base. The word zanzibar appears only here.",
            submitted_by=submitter,
        ),
        evidence={"launched": {"text": "Eight rockets struck the base.", "start": 0, "end": 29}},
    )
    drone = IncidentFactory(
        date=dt.date(2024, 1, 28),
        base=tower,
        weapons=["drone"],
        launched=1,
        killed=3,
        killed_low=3,
        killed_high=3,
        injured=47,
        perpetrator=kh_unit,
        summary="One-way drone on Tower 22.",
    )
    IncidentSourceFactory(
        incident=drone,
        article=ArticleFactory(
            title="Three killed at Tower 22", url="https://news.example/t22", submitted_by=submitter
        ),
    )
    IncidentSourceFactory(
        incident=drone,
        article=ArticleFactory(title="Tower 22 background", url="https://wire.example/t22"),
        role="background",
    )
    syria = IncidentFactory(
        date=dt.date(2024, 2, 5),
        base=tanf,
        weapons=["mortar"],
        killed=None,
        injured=None,
        perpetrator=other,
        summary="Mortars near al-Tanf.",
    )
    unsourced = IncidentFactory(
        date=dt.date(2023, 11, 20),
        base=None,
        place="Erbil outskirts",
        country="IQ",
        latitude=None,
        longitude=None,
        weapons=[],
        summary='=HYPERLINK("evil") unlocated report.',
    )
    draft = IncidentFactory(
        date=dt.date(2024, 3, 1),
        base=asad,
        status=Incident.Status.DRAFT,
        killed=9,
        perpetrator=kh,
        summary="Draft-only secret incident.",
    )
    IncidentSourceFactory(incident=draft, article=ArticleFactory(title="Draft article", submitted_by=submitter))
    rejected = IncidentFactory(
        date=dt.date(2024, 3, 2), base=tanf, status=Incident.Status.REJECTED, summary="Rejected secret incident."
    )
    return World(iri, kh, kh_unit, other, tower, asad, tanf, rocket, drone, syria, unsourced, draft, rejected)


def ids(response) -> list[int]:
    return [row["id"] for row in response.json()["results"]]
