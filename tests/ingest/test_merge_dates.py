"""Dates by precision when matching: two stated calendar days that differ are two attacks; a day read
against the publication date ("on Thursday") or told as a night attack may be a day off (ingest.dating)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import transaction

from incidents.models import Incident
from ingest import merge
from ingest.dating import day_is_loose
from ingest.extractor.types import Evidence
from tests.factories import ArticleFactory, IncidentFactory
from tests.ingest.conftest import ATTACK_DAY

NEXT_DAY = ATTACK_DAY + dt.timedelta(days=1)


def _said(text: str) -> dict[str, Evidence]:
    return {"date": Evidence(text, 0, len(text))}


def _merge(extracted, asad, on: dt.date, sentence: str) -> dict:
    with transaction.atomic():
        return merge.incidents_merge(
            article=ArticleFactory(), extracted=[extracted(asad, date=on, evidence=_said(sentence))]
        )


@pytest.mark.parametrize(
    ("sentence", "loose"),
    [
        ("Twenty personnel sustained minor injuries on Oct. 18 when two drones targeted the base.", False),
        ("Rockets hit the base on 16 January 2024, officials said.", False),
        ("The base was attacked by drones on Thursday, two officials said.", True),
        ("Rockets struck the base yesterday.", True),
        ("Drones attacked the base on Wednesday overnight.", True),
        ("Rockets hit the base late on 16 January, after midnight local time.", True),
        ("BAGHDAD, Nov 8 (Reuters) - An armed drone targeted the airbase, sources said on Wednesday.", True),
    ],
)
def test_a_day_is_loose_when_read_against_publication_or_told_at_night(sentence, loose):
    assert day_is_loose(sentence) is loose


def test_two_stated_calendar_days_that_differ_are_two_attacks(asad, extracted):
    _merge(extracted, asad, ATTACK_DAY, "Rockets hit the base on 16 January 2024.")
    _merge(extracted, asad, NEXT_DAY, "Rockets hit the base again on 17 January 2024.")
    assert sorted(Incident.objects.values_list("date", flat=True)) == [ATTACK_DAY, NEXT_DAY]


def test_a_weekday_read_against_publication_joins_the_attack_a_day_off(asad, extracted):
    """The Al-Tanf case of the dev set: 'on Oct. 18' in one article, 'on Thursday' (the 19th) in another."""
    first = _merge(extracted, asad, ATTACK_DAY, "Drones targeted the base on Jan. 16, the command said.")
    second = _merge(extracted, asad, NEXT_DAY, "The base was attacked by drones on Wednesday, officials said.")
    assert second["joined"] == first["created"]
    incident = Incident.objects.get()
    assert incident.date == ATTACK_DAY  # the stated calendar day stands
    assert incident.sources.count() == 2


def test_an_incident_dated_only_loosely_takes_a_stated_day_a_day_off(asad, extracted):
    first = _merge(extracted, asad, NEXT_DAY, "Rockets hit the base overnight, sources said.")
    second = _merge(extracted, asad, ATTACK_DAY, "Rockets hit the base on 16 January 2024.")
    assert second["joined"] == first["created"]
    assert Incident.objects.get().date == ATTACK_DAY  # the stated calendar day corrects the draft's loose one


def test_a_stated_day_never_moves_a_reviewed_incidents_date(asad, extracted, editor):
    first = _merge(extracted, asad, NEXT_DAY, "Rockets hit the base overnight, sources said.")
    Incident.objects.get(pk=first["created"][0]).publish(by=editor)
    _merge(extracted, asad, ATTACK_DAY, "Rockets hit the base on 16 January 2024.")
    assert Incident.objects.get().date == NEXT_DAY


def _pinned(asad) -> Incident:
    return IncidentFactory(
        base=asad, date=ATTACK_DAY, weapons=["rocket"], editor_fields={"date": "2024-01-20T10:00:00+00:00"}
    )


def test_a_date_an_editor_set_is_not_loose(asad, extracted):
    _pinned(asad)
    outcome = _merge(extracted, asad, NEXT_DAY, "Rockets hit the base on 17 January 2024.")
    assert len(outcome["created"]) == 1
    assert Incident.objects.count() == 2


def test_a_loose_report_finds_an_editors_date_a_day_off(asad, extracted):
    pinned = _pinned(asad)
    outcome = _merge(extracted, asad, NEXT_DAY, "Rockets hit the base on Wednesday night.")
    assert outcome["joined"] == [pinned.pk]
    pinned.refresh_from_db()
    assert pinned.date == ATTACK_DAY


def test_the_same_day_is_preferred_to_a_loose_day_off(asad, extracted):
    on_the_day = IncidentFactory(base=asad, date=NEXT_DAY, weapons=["rocket"])
    IncidentFactory(base=asad, date=ATTACK_DAY, weapons=["rocket"])
    outcome = _merge(extracted, asad, NEXT_DAY, "Rockets struck the base on Wednesday night.")
    assert outcome["joined"] == [on_the_day.pk]


def test_a_loose_day_never_reaches_two_days_off(asad, extracted):
    _merge(extracted, asad, ATTACK_DAY, "Rockets hit the base on 16 January 2024.")
    _merge(extracted, asad, ATTACK_DAY + dt.timedelta(days=2), "Rockets hit the base overnight on Thursday.")
    assert Incident.objects.count() == 2
