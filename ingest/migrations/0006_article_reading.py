"""ArticleReading: every attack a parse read in an article and what became of it.

Articles parsed before this table existed get readings rebuilt from what they kept: their
sources (a new draft or a joined incident) and the "skipped" entries of their outcome (not kept,
with the recorded reason). A new parse replaces them with the merge's own record.
"""

import datetime as dt

import django.db.models.deletion
from django.db import migrations, models

BACKFILLED = "recorded before readings were kept; rebuilt from the article's sources"


def _date(value):
    """A stored ``date_iso`` ("2024-09-10", "2024-09", "2024") as (date, precision)."""
    value = (value or "").strip()
    for fmt, precision in (("%Y-%m-%d", "day"), ("%Y-%m", "month"), ("%Y", "year")):
        try:
            return dt.datetime.strptime(value, fmt).date(), precision
        except ValueError:
            continue
    return None, ""


def backfill(apps, schema_editor):
    Article = apps.get_model("ingest", "Article")
    IncidentSource = apps.get_model("ingest", "IncidentSource")
    ArticleReading = apps.get_model("ingest", "ArticleReading")
    rows = []
    for article in Article.objects.filter(status="done", is_reference=False).iterator():
        outcome = article.outcome or {}
        created = set(outcome.get("created", []))
        position = 0
        sources = IncidentSource.objects.filter(article=article).select_related("incident__base")
        for source in sources.order_by("role", "created_at", "pk"):
            incident = source.incident
            on, precision = _date((source.reported or {}).get("date"))
            where = (
                incident.base.name if incident.base else ", ".join(p for p in (incident.place, incident.country) if p)
            )
            evidence = source.evidence or {}
            sentence = next((evidence[k].get("text", "") for k in ("role", "base", "date") if k in evidence), "")
            rows.append(
                ArticleReading(
                    article=article,
                    position=position,
                    role=source.role,
                    date=on,
                    date_precision=precision,
                    site=where[:300],
                    sentence=sentence,
                    confidence=(source.reported or {}).get("confidence"),
                    outcome="created" if incident.pk in created else "joined",
                    incident=incident,
                    incident_number=incident.pk,
                    reason=BACKFILLED,
                )
            )
            position += 1
        for entry in outcome.get("skipped", []):
            what, _, reason = str(entry).partition(": ")
            parts = what.split(" ", 2)
            role = parts[0] if parts and parts[0] in ("primary", "background") else "background"
            on, precision = _date(parts[1] if len(parts) > 1 else "")
            rows.append(
                ArticleReading(
                    article=article,
                    position=position,
                    role=role,
                    date=on,
                    date_precision=precision,
                    site=(parts[2] if len(parts) > 2 else "")[:300],
                    outcome="not_kept",
                    reason=reason or "no reason recorded",
                )
            )
            position += 1
    ArticleReading.objects.bulk_create(rows, batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("incidents", "0003_move_incidentsource_to_ingest"),
        ("ingest", "0005_incidentsource"),
    ]

    operations = [
        migrations.CreateModel(
            name="ArticleReading",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("position", models.PositiveSmallIntegerField(help_text="Order in the extractor's output.")),
                (
                    "role",
                    models.CharField(
                        choices=[("primary", "Primary report"), ("background", "Background mention")], max_length=10
                    ),
                ),
                ("date", models.DateField(blank=True, null=True)),
                ("date_precision", models.CharField(blank=True, max_length=10)),
                (
                    "site",
                    models.CharField(
                        blank=True, help_text="Where the parser placed it: base, place or country.", max_length=300
                    ),
                ),
                ("sentence", models.TextField(blank=True, help_text="The sentence the attack was read from.")),
                ("summary", models.TextField(blank=True, help_text="The extractor's one-line summary.")),
                ("confidence", models.FloatField(blank=True, null=True)),
                (
                    "outcome",
                    models.CharField(
                        choices=[("created", "New draft"), ("joined", "Joined incident"), ("not_kept", "Not kept")],
                        max_length=10,
                    ),
                ),
                (
                    "incident_number",
                    models.PositiveIntegerField(blank=True, help_text="The incident id chosen then.", null=True),
                ),
                ("reason", models.TextField(blank=True)),
                (
                    "article",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="readings", to="ingest.article"
                    ),
                ),
                (
                    "incident",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="article_readings",
                        to="incidents.incident",
                    ),
                ),
            ],
            options={
                "ordering": ["article", "position"],
                "constraints": [
                    models.UniqueConstraint(fields=("article", "position"), name="article_reading_position_unique"),
                    models.CheckConstraint(
                        condition=models.Q(("role__in", ["primary", "background"])), name="article_reading_role_valid"
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(
                                ("incident__isnull", True), ("incident_number__isnull", True), ("outcome", "not_kept")
                            ),
                            models.Q(("incident_number__isnull", False), ("outcome__in", ["created", "joined"])),
                            _connector="OR",
                        ),
                        name="article_reading_outcome_has_incident",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(("outcome", "not_kept"), _negated=True),
                            models.Q(("reason", ""), _negated=True),
                            _connector="OR",
                        ),
                        name="article_reading_not_kept_has_reason",
                    ),
                ],
            },
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop, elidable=True),
    ]
