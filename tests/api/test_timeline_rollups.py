"""The timeline's rollups (``TimelineRollup``, kept by the same triggers as the map's chunks, migration 0013):
the timeline summed from them is byte for byte the one grouped from every incident, and stays so after every
kind of write, concurrent writers of one week across two months included."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection, transaction

from incidents.models import Incident, TimelineRollup
from incidents.selectors import timeline_json
from incidents.selectors.points import PointsChunkQuery
from incidents.selectors.timeline_json import incident_timeline_json
from tests.api.derived_tables import queried_incidents, rebuilt
from tests.api.test_points_chunks import QUERIES, spread  # noqa: F401 (a fixture)
from tests.concurrency import run_together
from tests.factories import BaseFactory, IncidentFactory, UserFactory

pytestmark = pytest.mark.postgres

SHAPES = [(interval, split) for interval in ("week", "month", "day") for split in ("faction", None)]


def _assert_rollups_agree() -> None:
    for query in QUERIES:
        for interval, split in SHAPES:
            incidents = queried_incidents(query)
            rows = incident_timeline_json(incidents, interval=interval, split=split)
            summed = incident_timeline_json(incidents, interval=interval, split=split, rollup=PointsChunkQuery(*query))
            assert summed == rows, (query, interval, split)


def _stored() -> set[tuple]:
    return set(TimelineRollup.objects.values_list("status", "facet", "span", "period", "perpetrator_id", "n", "killed"))


def _rebuilt() -> set[tuple]:
    return rebuilt("incidents_timelinerollup", "incidents_timeline_refresh", _stored)


def _assert_fresh() -> None:
    assert _stored() == _rebuilt()
    _assert_rollups_agree()


@pytest.mark.django_db
def test_the_summed_rollups_are_the_timeline_grouped_from_every_incident(spread):  # noqa: F811
    assert set(TimelineRollup.objects.values_list("span", flat=True)) == {"d", "w", "m"}
    _assert_rollups_agree()


@pytest.mark.django_db
def test_the_timeline_view_sums_rollups_for_dates_country_or_weapon_only(api, spread, monkeypatch):  # noqa: F811
    used = []
    real = timeline_json._rollup_groups_sql
    monkeypatch.setattr(
        timeline_json, "_rollup_groups_sql", lambda query, **kw: used.append((query, kw)) or real(query, **kw)
    )
    url = "/api/v1/stats/timeline/?"
    summed = ["interval=week&split=faction&date_from=2024-01-15", "country=IQ", "interval=month&weapon=drone"]
    grouped = ["split=base", "split=country", "split=weapon", "faction=kh", "claimed=true", "as_of=2025-06-01"]
    for query in summed + grouped:
        used.clear()
        assert api.get(url + query).status_code == 200, query
        assert bool(used) == (query in summed), query


@pytest.mark.django_db
def test_edits_publishing_merges_and_deletions_rewrite_the_rollups(spread):  # noqa: F811
    from ingest.merge import incident_merge_into

    incident = Incident.objects.filter(status="published").order_by("id").first()
    incident.killed, incident.injured, incident.perpetrator = 9, 4, None
    incident.save()
    _assert_fresh()
    draft = Incident.objects.filter(status="draft").order_by("id").first()
    draft.decide(Incident.Status.PUBLISHED, by=UserFactory())
    _assert_fresh()
    survivor, absorbed = Incident.objects.filter(status="published").order_by("-id")[:2]
    incident_merge_into(absorbed_id=absorbed.pk, survivor_id=survivor.pk, by=UserFactory())
    _assert_fresh()
    Incident.objects.filter(country="IQ").update(date=dt.date(2024, 3, 15))
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM incidents_incident WHERE perpetrator_id IS NULL AND status = 'published'")
    _assert_fresh()


@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_of_one_week_across_two_months_leave_every_change():
    base = BaseFactory(slug="week-edge", country="IQ")
    # The week of Monday 29 January 2024 ends on Sunday 4 February.
    days = [dt.date(2024, 1, 29), dt.date(2024, 1, 31), dt.date(2024, 2, 2), dt.date(2024, 2, 4)]

    def write(day: dt.date, killed: int) -> None:
        with transaction.atomic():
            IncidentFactory(base=base, date=day, killed=killed)

    run_together(*(lambda day=day, k=k: write(day, k) for k, day in enumerate(days * 2)))
    assert Incident.objects.count() == 8
    assert _stored() == _rebuilt()
    week = TimelineRollup.objects.get(span="w", facet="", status="published", period=dt.date(2024, 1, 29))
    assert (week.n, week.killed) == (8, sum(range(8)))


@pytest.mark.django_db(transaction=True)
def test_truncating_the_incidents_empties_the_rollups():
    IncidentFactory()
    assert TimelineRollup.objects.exists()
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE incidents_incident CASCADE")
    assert not TimelineRollup.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query", ["date_to=9999-12-31", "date_from=0001-01-01", "date_from=0001-01-01&date_to=0001-01-20"]
)
def test_dates_at_the_ends_of_the_calendar_answer_from_the_incidents(api, spread, query):  # noqa: F811
    for url in ("/api/v1/incidents/points/?", "/api/v1/stats/timeline/?interval=month&", "/api/v1/stats/timeline/?"):
        assert api.get(url + query).status_code == 200, url + query
