"""The data version is kept by database triggers (migration 0008): any write to incidents, tombstones,
bases or factions moves it, through any path, raw SQL included; only writes anonymous readers can see
move the public token; folding old change rows never moves it; concurrent writers never wait on it."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from incidents.api.caching import _read_data_version
from incidents.models import Base, DataChange, DataVersion, Incident, IncidentTombstone
from tests.factories import IncidentFactory


def test_a_raw_sql_update_of_a_published_incident_moves_both_tokens(world):
    before = _read_data_version()
    with connection.cursor() as cursor:
        cursor.execute("UPDATE incidents_incident SET summary = 'Edited by hand.' WHERE id = %s", [world.drone.pk])
    after = _read_data_version()
    assert after.token != before.token
    assert after.public_token != before.public_token
    assert after.last_modified is not None
    assert after.public_last_modified is not None


def test_editing_a_draft_moves_only_the_editors_token(world):
    before = _read_data_version()
    Incident.objects.filter(pk=world.draft.pk).update(summary="A draft corrected.")
    after = _read_data_version()
    assert after.token != before.token
    assert after.public_token == before.public_token
    assert after.public_last_modified == before.public_last_modified


def test_publishing_and_unpublishing_move_the_public_token(world):
    first = _read_data_version()
    Incident.objects.filter(pk=world.draft.pk).update(status=Incident.Status.PUBLISHED)
    published = _read_data_version()
    Incident.objects.filter(pk=world.draft.pk).update(status=Incident.Status.DRAFT)  # was public before
    assert len({first.public_token, published.public_token, _read_data_version().public_token}) == 3


def test_deleting_a_draft_leaves_the_public_token(world):
    before = _read_data_version()
    Incident.objects.filter(pk=world.draft.pk).delete()
    assert _read_data_version().public_token == before.public_token


def test_a_private_tombstone_is_editors_news_and_a_public_one_everyones(world):
    before = _read_data_version()
    IncidentTombstone.objects.create(incident_id=10**9, reason=IncidentTombstone.Reason.DELETED, public=False)
    private = _read_data_version()
    assert private.token != before.token
    assert private.public_token == before.public_token
    IncidentTombstone.objects.create(incident_id=10**9 + 1, reason=IncidentTombstone.Reason.DELETED, public=True)
    assert _read_data_version().public_token != private.public_token


def test_a_gazetteer_change_moves_both_tokens(world):
    before = _read_data_version()
    Base.objects.filter(slug="al-asad").update(name="Al Asad Airbase")
    after = _read_data_version()
    assert after.token != before.token
    assert after.public_token != before.public_token


def test_a_statement_that_changes_no_row_moves_nothing(world):
    before = _read_data_version()
    Incident.objects.filter(pk=-1).update(summary="nothing")
    Base.objects.filter(slug="no-such-base").delete()
    assert _read_data_version() == before


@pytest.mark.postgres
def test_folding_the_change_rows_keeps_the_count_and_bounds_the_table(world):
    tokens = []
    for n in range(1100):
        Incident.objects.filter(pk=world.draft.pk).update(summary=f"Draft revision {n}.")
        if n % 100 == 0:
            tokens.append(_read_data_version().token)
    assert len(set(tokens)) == len(tokens)
    # every statement still counted once: folded rows plus the rows not folded yet
    row = DataVersion.objects.get()
    assert row.changes > 0
    assert DataChange.objects.count() < 600
    before = _read_data_version()
    Incident.objects.filter(pk=world.draft.pk).update(summary="One more.")
    assert int(_read_data_version().token.split(":")[1]) == int(before.token.split(":")[1]) + 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_do_not_wait_on_the_version():
    """Two open transactions both write; neither blocks on the other (no shared counter row to lock)."""
    first, second = IncidentFactory(summary="First."), IncidentFactory(summary="Second.")
    start = _read_data_version()
    both_written = threading.Barrier(2, timeout=10)
    errors: list[BaseException] = []

    def write(pk: int) -> None:
        try:
            with connections["default"].cursor() as cursor:
                cursor.execute("BEGIN")
                cursor.execute("UPDATE incidents_incident SET summary = 'Concurrent.' WHERE id = %s", [pk])
                both_written.wait()  # both transactions hold their change row before either commits
                cursor.execute("COMMIT")
        except BaseException as error:  # reported by the assertion below
            errors.append(error)
        finally:
            connections["default"].close()

    threads = [threading.Thread(target=write, args=(pk,)) for pk in (first.pk, second.pk)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(15)
    assert errors == []
    assert int(_read_data_version().token.split(":")[1]) == int(start.token.split(":")[1]) + 2


@pytest.mark.django_db(transaction=True)
def test_a_truncated_version_row_comes_back_with_a_new_epoch():
    IncidentFactory(summary="Before.")
    before = _read_data_version()
    DataVersion.objects.all().delete()
    DataChange.objects.all().delete()
    IncidentFactory(summary="After.")
    after = _read_data_version()
    assert after.token.split(":")[0] != before.token.split(":")[0]
