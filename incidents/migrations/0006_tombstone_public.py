from django.db import migrations, models


def mark_never_published(apps, schema_editor):
    """Tombstones of incidents that were never published (by their history) are internal."""
    tombstone = apps.get_model("incidents", "IncidentTombstone")
    historical = apps.get_model("incidents", "HistoricalIncident")
    incident = apps.get_model("incidents", "Incident")
    ids = set(tombstone.objects.values_list("incident_id", flat=True))
    published = set(historical.objects.filter(id__in=ids, status="published").values_list("id", flat=True))
    published |= set(incident.objects.filter(pk__in=ids, status="published").values_list("pk", flat=True))
    tombstone.objects.filter(incident_id__in=ids - published).update(public=False)


class Migration(migrations.Migration):
    dependencies = [
        ("incidents", "0005_release"),
    ]

    operations = [
        migrations.AddField(
            model_name="incidenttombstone",
            name="public",
            field=models.BooleanField(default=True, help_text="The incident was published at some point."),
        ),
        migrations.RunPython(mark_never_published, migrations.RunPython.noop),
    ]
