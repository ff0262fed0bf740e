"""The map's pre-written chunks (``PointsChunk``, kept by the database's triggers, migration 0012): the answer
joined from them is byte for byte the one formatted incident by incident, and stays so after every kind of
write (edits, publishing, merges, deletions, bulk and raw SQL updates, concurrent writers)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection, transaction

from incidents.models import Incident, PointsChunk
from incidents.selectors import points
from incidents.selectors.points import PointsChunkQuery, incidents_points
from tests.api.derived_tables import queried_incidents, rebuilt
from tests.concurrency import run_together
from tests.factories import BaseFactory, FactionFactory, IncidentFactory, UserFactory

pytestmark = pytest.mark.postgres

# (status, date_from, date_to, country, weapon): open ends, whole months, days inside one month, a range
# across years, ends on a month's first and last day, no match.
QUERIES = [
    ("published", None, None, "", ""),
    ("published", dt.date(2024, 1, 1), dt.date(2024, 12, 31), "", ""),
    ("published", dt.date(2024, 1, 15), dt.date(2024, 3, 3), "", ""),
    ("published", dt.date(2024, 2, 1), None, "", ""),
    ("published", None, dt.date(2024, 2, 29), "", ""),
    ("published", dt.date(2024, 2, 10), dt.date(2024, 2, 20), "", ""),
    ("published", dt.date(2023, 12, 31), dt.date(2025, 1, 1), "IQ", ""),
    ("published", dt.date(2024, 1, 1), dt.date(2024, 6, 30), "", "drone"),
    ("published", None, None, "", "rocket"),
    ("published", None, None, "SY", ""),
    ("published", dt.date(2030, 1, 1), None, "", ""),
    ("published", dt.date(2024, 5, 1), dt.date(2024, 4, 1), "", ""),
    ("draft", None, None, "", ""),
    ("rejected", dt.date(2024, 1, 1), dt.date(2024, 3, 31), "", "drone"),
]


@pytest.fixture
def spread(db):
    """Incidents over 2023-2025 with every shape the map writes: no coordinates, text needing escapes, no
    place, several weapons (one twice), no weapon, unknown counts, every status."""
    iq, sy = BaseFactory(slug="iq-base", country="IQ"), BaseFactory(slug="sy-base", country="SY")
    group = FactionFactory(slug="kh")
    weapons = [["drone"], ["rocket", "drone"], [], ["drone", "drone"], ["missile"]]
    places = ["", 'Camp "Quote" \\ é', "near the river", ""]
    statuses = ["published", "published", "published", "draft", "rejected"]
    for i in range(90):
        base = [iq, sy, None][i % 3]
        IncidentFactory(
            date=dt.date(2023, 11, 20) + dt.timedelta(days=i * 9 + i % 4),
            base=base,
            country=base.country if base else "JO",
            latitude=None if i % 7 == 0 else 33.123456 + i / 1000,
            longitude=None if i % 7 == 0 else 44.654321 - i / 1000,
            weapons=weapons[i % 5],
            killed=None if i % 4 == 0 else i % 3,
            launched=i % 6 or None,
            perpetrator=group if i % 2 else None,
            claimed=bool(i % 3 == 1),
            place=places[i % 4],
            status=statuses[i % 5],
        )
    return group


def _rows_path(query: tuple) -> str:
    return incidents_points(queried_incidents(query))


def _chunks_path(query: tuple) -> str:
    return incidents_points(Incident.objects.none(), chunks=PointsChunkQuery(*query))


def _assert_chunks_agree() -> None:
    for query in QUERIES:
        assert _chunks_path(query) == _rows_path(query), query


def _rebuilt() -> set[tuple]:
    """Every chunk as rebuilt from scratch: what the table must hold."""
    return rebuilt("incidents_pointschunk", "incidents_points_refresh", _stored)


def _stored() -> set[tuple]:
    return set(PointsChunk.objects.values_list("status", "facet", "span", "period", "n", "ids", "lat", "place"))


def _assert_fresh() -> None:
    assert _stored() == _rebuilt()
    _assert_chunks_agree()


@pytest.mark.django_db
def test_the_joined_chunks_are_the_answer_written_incident_by_incident(spread):
    assert PointsChunk.objects.filter(span="m").exists()
    assert PointsChunk.objects.filter(span="d", facet="w:drone").exists()
    _assert_chunks_agree()
    assert '"count":0,"id":[]' in _chunks_path(QUERIES[10])


@pytest.mark.django_db
def test_the_map_view_joins_chunks_for_dates_country_or_weapon_only(api, spread, monkeypatch):
    used = []
    real = points._points_from_chunks
    monkeypatch.setattr(points, "_points_from_chunks", lambda query: used.append(query) or real(query))
    url = "/api/v1/incidents/points/"
    chunked = [
        "?date_from=2024-01-15&date_to=2024-03-03",
        "?country=IQ",
        "?weapon=drone&date_to=2024-05-31",
        "?date_from=2024-02-01&format=json",
    ]
    formatted = [
        "?country=IQ&weapon=drone",
        "?faction=kh",
        "?claimed=true",
        "?q=river",
        "?bbox=40,30,50,40",
        "?min_killed=1",
        "?as_of=2025-06-01",
    ]
    for query in chunked + formatted:
        used.clear()
        answer = api.get(url + query)
        assert answer.status_code == 200, query
        assert bool(used) == (query in chunked), query
        if query == "?weapon=drone&date_to=2024-05-31":
            assert used == [PointsChunkQuery("published", None, dt.date(2024, 5, 31), "", "drone")]


@pytest.mark.django_db
def test_editors_drafts_come_from_their_own_chunks(editor_client, spread):
    answer = editor_client.get("/api/v1/incidents/points/?status=draft").json()
    assert answer["id"] == list(
        Incident.objects.filter(status="draft").order_by("-date", "-id").values_list("id", flat=True)
    )
    assert editor_client.get("/api/v1/incidents/points/?status=all").json()["count"] == Incident.objects.count()


@pytest.mark.django_db
def test_edits_publishing_and_deletions_rewrite_the_chunks(spread):
    incident = Incident.objects.filter(status="published").order_by("id").first()
    incident.killed, incident.place, incident.latitude = 7, "moved", None
    incident.save()
    _assert_fresh()
    draft = Incident.objects.filter(status="draft").order_by("id").first()
    draft.decide(Incident.Status.PUBLISHED, by=UserFactory())
    _assert_fresh()
    moved = Incident.objects.filter(status="published").order_by("-id").first()
    moved.date = dt.date(2023, 6, 1)  # a month that had no chunk
    moved.weapons = ["ied", "rocket"]
    moved.save()
    _assert_fresh()
    Incident.objects.filter(pk=incident.pk).first().delete()
    _assert_fresh()


@pytest.mark.django_db
def test_a_change_to_what_the_map_does_not_show_leaves_the_chunks_alone(spread):
    before = set(PointsChunk.objects.values_list("id", flat=True))
    Incident.objects.filter(status="published").update(summary="Edited summary.", killed_high=None)
    assert set(PointsChunk.objects.values_list("id", flat=True)) == before
    _assert_chunks_agree()


@pytest.mark.django_db
def test_a_merge_rewrites_the_chunks_of_both_incidents(spread):
    from ingest.merge import incident_merge_into

    survivor, absorbed = Incident.objects.filter(status="published").order_by("id")[:2]
    incident_merge_into(absorbed_id=absorbed.pk, survivor_id=survivor.pk, by=UserFactory())
    assert not Incident.objects.filter(pk=absorbed.pk).exists()
    _assert_fresh()


@pytest.mark.django_db
def test_bulk_and_raw_sql_writes_rewrite_the_chunks(spread):
    Incident.objects.filter(country="IQ").update(date=dt.date(2024, 3, 15))
    _assert_fresh()
    Incident.objects.filter(status="rejected").update(status="published")
    _assert_fresh()
    with connection.cursor() as cursor:
        cursor.execute("UPDATE incidents_incident SET weapons = '[\"mortar\"]'::jsonb WHERE killed IS NULL")
        cursor.execute("DELETE FROM incidents_incident WHERE perpetrator_id IS NULL AND status = 'published'")
    _assert_fresh()
    IncidentFactory(date=dt.date(2024, 3, 15), weapons=["drone"])
    _assert_fresh()


@pytest.mark.django_db(transaction=True)
def test_truncating_the_incidents_empties_the_chunks():
    IncidentFactory()
    assert PointsChunk.objects.exists()
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE incidents_incident CASCADE")
    assert not PointsChunk.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_of_one_month_leave_every_change_in_the_chunks():
    base = BaseFactory(slug="same-month", country="IQ")
    incidents = [IncidentFactory(base=base, date=dt.date(2024, 2, 1 + i)) for i in range(8)]

    def edit(incident: Incident, killed: int) -> None:
        with transaction.atomic():
            Incident.objects.filter(pk=incident.pk).update(killed=killed)
            IncidentFactory(base=base, date=dt.date(2024, 2, 20 + killed))

    run_together(*(lambda i=i, incident=incident: edit(incident, i) for i, incident in enumerate(incidents)))
    assert Incident.objects.count() == 16
    assert _stored() == _rebuilt()
    _assert_chunks_agree()


def test_the_answer_is_its_members_in_order(db):
    """The answer is joined from its pieces once (megabytes at every incident): the same text as each member's
    JSON written one after another, for chunks and for none."""
    base = BaseFactory(slug="one-base", country="IQ")
    IncidentFactory(date=dt.date(2024, 3, 5), base=base, latitude=33.5, longitude=44.25, weapons=["drone"], killed=2)
    IncidentFactory(date=dt.date(2024, 3, 9), base=None, country="SY", latitude=None, longitude=None, weapons=[])
    lookups = points.points_lookups()
    newest, oldest = Incident.objects.order_by("-date")
    for query, expected in [
        (
            ("published", None, None, "", ""),
            f'"count":2,"id":[{newest.pk},{oldest.pk}],"lat":[null,33.5],"lon":[null,44.25],'
            '"date":["2024-03-09","2024-03-05"],"date_precision":["day","day"],"weapons":[[],["drone"]],'
            '"launched":[null,null],"intercepted":[null,null],"killed":[null,2],"injured":[null,null],'
            f'"base":[null,{base.pk}],"perpetrator":[null,null],"claimed":[false,false],"place":[null,null]',
        ),
        (
            ("published", dt.date(2030, 1, 1), None, "", ""),
            '"count":0,"id":[],"lat":[],"lon":[],"date":[],"date_precision":[],"weapons":[],"launched":[],'
            '"intercepted":[],"killed":[],"injured":[],"base":[],"perpetrator":[],"claimed":[],"place":[]',
        ),
    ]:
        columns = '"columns":["id", "lat", "lon", "date", "date_precision", "weapons", "launched", "intercepted", '
        columns += '"killed", "injured", "base", "perpetrator", "claimed", "place"]'
        assert _chunks_path(query) == "{" + columns + "," + expected + "," + lookups + "}"
        assert _rows_path(query) == _chunks_path(query)


@pytest.mark.django_db
def test_rows_are_not_filtered_when_chunks_and_rollups_answer(api, spread, monkeypatch):
    """The map and the timeline by faction answered from the chunks and rollups check the status asked for but
    never build the filtered rows (incidents.api.filters.checked_rows); other requests still do, first."""
    from incidents.api.filters import IncidentFilter

    built = []
    real = IncidentFilter.filter_queryset
    monkeypatch.setattr(IncidentFilter, "filter_queryset", lambda self, qs: built.append(1) or real(self, qs))
    for url in (
        "/api/v1/incidents/points/?date_from=2024-01-15&country=IQ",
        "/api/v1/stats/timeline/?split=faction&date_from=2024-01-15&weapon=drone",
        "/api/v1/stats/timeline/?split=faction&date_from=2024-01-15&weapon=drone",  # from the cache
    ):
        assert api.get(url).status_code == 200
    assert built == []
    assert api.get("/api/v1/stats/timeline/?split=base&date_from=2024-01-15").status_code == 200  # rows needed
    assert api.get("/api/v1/incidents/points/?faction=kh").status_code == 200
    assert len(built) == 2
    assert api.get("/api/v1/incidents/points/?faction=nobody").status_code == 400
