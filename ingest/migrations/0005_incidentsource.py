"""IncidentSource now belongs to the ingest app (incidents 0003 gave it up): state only.

The model keeps its table (``incidents_incidentsource``), columns, indexes and constraint, so
no row moves. Its content type (and so its permissions and admin log entries) is relabelled.
"""

import django.db.models.deletion
from django.db import migrations, models


def relabel_content_type(apps, schema_editor, old="incidents", new="ingest"):
    content_type = apps.get_model("contenttypes", "ContentType")
    if not content_type.objects.filter(app_label=new, model="incidentsource").exists():
        content_type.objects.filter(app_label=old, model="incidentsource").update(app_label=new)


def unlabel_content_type(apps, schema_editor):
    relabel_content_type(apps, schema_editor, old="ingest", new="incidents")


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("incidents", "0003_move_incidentsource_to_ingest"),
        ("ingest", "0004_article_outcome"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="IncidentSource",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "role",
                            models.CharField(
                                choices=[("primary", "Primary report"), ("background", "Background mention")],
                                default="primary",
                                max_length=10,
                            ),
                        ),
                        ("evidence", models.JSONField(blank=True, default=dict)),
                        ("reported", models.JSONField(blank=True, default=dict)),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        (
                            "article",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="incident_sources",
                                to="ingest.article",
                            ),
                        ),
                        (
                            "incident",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="sources",
                                to="incidents.incident",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "incidents_incidentsource",
                        "ordering": ["role", "created_at"],
                        "constraints": [
                            models.UniqueConstraint(fields=("incident", "article"), name="incident_source_unique")
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(relabel_content_type, unlabel_content_type),
    ]
