"""Articles parsed before readings were recorded get them rebuilt from their sources and skipped outcome."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("incidents", "0003_move_incidentsource_to_ingest"), ("ingest", "0005_incidentsource")]
AFTER = [("ingest", "0006_article_reading")]


def _migrate(targets=None):
    executor = MigrationExecutor(connection)
    targets = targets or executor.loader.graph.leaf_nodes()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("latest_migrations_after")
def test_done_articles_get_readings_from_their_sources_and_skipped_entries():
    old = _migrate(BEFORE)
    base = old.get_model("incidents", "Base").objects.create(
        name="Tower 22", slug="tower-22", kind="outpost", country="JO", latitude=33.3, longitude=38.7
    )
    incident = old.get_model("incidents", "Incident").objects.create(date=dt.date(2024, 1, 28), country="JO", base=base)
    Article = old.get_model("ingest", "Article")
    done = Article.objects.create(
        text="Drone hits Tower 22.",
        published=dt.date(2024, 1, 29),
        checksum="x" * 64,
        status="done",
        outcome={"created": [incident.pk], "skipped": ["background 2023-09 Baghdad: too vague for a draft"]},
    )
    Article.objects.create(text="Queued.", published=dt.date(2024, 1, 29), checksum="y" * 64, status="queued")
    old.get_model("ingest", "IncidentSource").objects.create(
        incident=incident,
        article=done,
        role="primary",
        reported={"date": "2024-01-28", "confidence": 0.9},
        evidence={"role": {"text": "Drone hits Tower 22.", "start": 0, "end": 20}},
    )

    new = _migrate(AFTER)
    readings = list(new.get_model("ingest", "ArticleReading").objects.order_by("article_id", "position"))
    assert [(r.article_id, r.position, r.role, r.outcome, r.incident_number) for r in readings] == [
        (done.pk, 0, "primary", "created", incident.pk),
        (done.pk, 1, "background", "not_kept", None),
    ]
    assert (readings[0].date, readings[0].site, readings[0].sentence) == (
        dt.date(2024, 1, 28),
        "Tower 22",
        "Drone hits Tower 22.",
    )
    assert (readings[1].date, readings[1].date_precision, readings[1].site, readings[1].reason) == (
        dt.date(2023, 9, 1),
        "month",
        "Baghdad",
        "too vague for a draft",
    )
    _migrate()
