"""IncidentSource moves to the ingest app (ingest 0005 takes it over): state only.

The table ``incidents_incidentsource`` and its rows stay exactly where they are.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("incidents", "0002_base_compound"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="IncidentSource")],
            database_operations=[],
        ),
    ]
