"""Moving IncidentSource from incidents to ingest keeps every row (state-only migrations)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("incidents", "0002_base_compound"), ("ingest", "0004_article_outcome")]
AFTER = [("incidents", "0003_move_incidentsource_to_ingest"), ("ingest", "0005_incidentsource")]


def _migrate(targets=None):
    """Migrate to ``targets`` (default: the latest of every app) and return the models as they were there."""
    executor = MigrationExecutor(connection)
    targets = targets or executor.loader.graph.leaf_nodes()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("latest_migrations_after")
def test_sources_survive_the_move_to_ingest():
    old = _migrate(BEFORE)
    incident = old.get_model("incidents", "Incident").objects.create(date=dt.date(2024, 1, 28), country="JO")
    article = old.get_model("ingest", "Article").objects.create(
        text="Drone hits Tower 22.", published=dt.date(2024, 1, 29), checksum="x" * 64
    )
    source = old.get_model("incidents", "IncidentSource").objects.create(
        incident=incident, article=article, role="primary", evidence={"date": {"text": "t", "start": 0, "end": 1}}
    )
    content_type = old.get_model("contenttypes", "ContentType").objects.get_or_create(
        app_label="incidents", model="incidentsource"
    )[0]

    new = _migrate(AFTER)
    moved = new.get_model("ingest", "IncidentSource").objects.get()
    assert (moved.pk, moved.incident_id, moved.article_id) == (source.pk, incident.pk, article.pk)
    assert moved.role == "primary"
    assert moved.evidence == {"date": {"text": "t", "start": 0, "end": 1}}
    relabelled = new.get_model("contenttypes", "ContentType").objects.get(pk=content_type.pk)
    assert relabelled.app_label == "ingest"

    _migrate(BEFORE)  # and back
    assert old.get_model("incidents", "IncidentSource").objects.filter(pk=source.pk).exists()
    _migrate()
