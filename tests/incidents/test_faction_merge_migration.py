"""A database that loaded the Houthis twice (``ansar-allah`` and ``houthis``) keeps one faction, and every
incident and history row that named the copy names the one kept."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("incidents", "0008_data_version")]
AFTER = [("incidents", "0009_merge_houthi_factions")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def _faction(apps, slug, name):
    return apps.get_model("incidents", "Faction").objects.create(slug=slug, name=name, aliases=["Houthis"])


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("latest_migrations_after")
def test_incidents_and_their_history_move_to_the_faction_kept():
    old = _migrate(BEFORE)
    kept = _faction(old, "ansar-allah", "Ansar Allah (Houthis)")
    copy = _faction(old, "houthis", "Houthis")
    base = old.get_model("incidents", "Base").objects.create(
        name="Al Dhafra Air Base", slug="al-dhafra", kind="air_base", country="AE", latitude=24.25, longitude=54.55
    )
    Incident = old.get_model("incidents", "Incident")
    claimed = Incident.objects.create(
        date=dt.date(2022, 1, 24), country="AE", base=base, perpetrator=copy, claimed=True, claimed_by=copy
    )
    other = Incident.objects.create(date=dt.date(2022, 1, 31), country="AE", base=base, perpetrator=kept)
    Historical = old.get_model("incidents", "HistoricalIncident")
    Historical.objects.create(
        id=claimed.pk,
        date=claimed.date,
        country="AE",
        base_id=base.pk,
        perpetrator_id=copy.pk,
        claimed_by_id=copy.pk,
        history_date=dt.datetime(2022, 1, 25, tzinfo=dt.UTC),
        history_type="+",
        created_at=dt.datetime(2022, 1, 25, tzinfo=dt.UTC),
        version=1,
        status="draft",
    )

    new = _migrate(AFTER)
    factions = new.get_model("incidents", "Faction").objects
    assert list(factions.filter(slug__in=["ansar-allah", "houthis"]).values_list("slug", flat=True)) == ["ansar-allah"]
    rows = new.get_model("incidents", "Incident").objects
    assert set(rows.values_list("pk", "perpetrator_id", "claimed_by_id")) == {
        (claimed.pk, kept.pk, kept.pk),
        (other.pk, kept.pk, None),
    }
    history = new.get_model("incidents", "HistoricalIncident").objects.get(id=claimed.pk)
    assert (history.perpetrator_id, history.claimed_by_id) == (kept.pk, kept.pk)


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("latest_migrations_after")
def test_a_database_with_only_the_copy_keeps_it_under_the_shipped_slug():
    old = _migrate(BEFORE)
    copy = _faction(old, "houthis", "Houthis")

    new = _migrate(AFTER)
    assert new.get_model("incidents", "Faction").objects.get(pk=copy.pk).slug == "ansar-allah"
