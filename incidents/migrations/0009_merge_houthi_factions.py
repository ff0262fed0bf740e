"""The Houthis were shipped twice, as ``ansar-allah`` and as ``houthis`` (two entries added independently,
with the same aliases). The gazetteer now ships one, ``ansar-allah``; a database that loaded both keeps its
incidents, and their history, on that one, and loses the copy."""

from django.db import migrations

KEPT, DROPPED = "ansar-allah", "houthis"


def merge(apps, schema_editor):
    Faction = apps.get_model("incidents", "Faction")
    dropped = Faction.objects.filter(slug=DROPPED).first()
    if dropped is None:
        return
    kept = Faction.objects.filter(slug=KEPT).first()
    if kept is None:  # only the copy was loaded: it becomes the one entry (the next gazetteer load refreshes it)
        dropped.slug = KEPT
        dropped.save(update_fields=["slug"])
        return
    for model in ("Incident", "HistoricalIncident"):
        rows = apps.get_model("incidents", model).objects
        rows.filter(perpetrator_id=dropped.pk).update(perpetrator_id=kept.pk)
        rows.filter(claimed_by_id=dropped.pk).update(claimed_by_id=kept.pk)
    Faction.objects.filter(umbrella_id=dropped.pk).update(umbrella_id=kept.pk)
    dropped.delete()


class Migration(migrations.Migration):
    dependencies = [("incidents", "0008_data_version")]
    operations = [migrations.RunPython(merge, migrations.RunPython.noop)]
