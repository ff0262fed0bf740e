"""The incidents' CSV lines (incidents migration 0014) follow their sources: a source added, removed or moved, an
article's URL changed, rewrites the lines of the incidents concerned (PostgreSQL)."""

from django.db import migrations

POSTGRES_FUNCTIONS = """
CREATE FUNCTION ingest_csv_sources_touched() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    ids bigint[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(DISTINCT incident_id) INTO ids FROM new_rows;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(DISTINCT incident_id) INTO ids FROM old_rows;
    ELSE
        SELECT array_agg(DISTINCT v.incident_id) INTO ids
        FROM old_rows AS o FULL JOIN new_rows AS n ON n.id = o.id
        CROSS JOIN LATERAL (VALUES (o.incident_id), (n.incident_id)) AS v(incident_id)
        WHERE v.incident_id IS NOT NULL
          AND (o.id IS NULL OR n.id IS NULL OR (o.incident_id, o.article_id) IS DISTINCT FROM (n.incident_id, n.article_id));
    END IF;
    IF ids IS NOT NULL THEN
        PERFORM incidents_csv_refresh(ids);
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION ingest_csv_articles_touched() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    ids bigint[];
BEGIN
    SELECT array_agg(DISTINCT src.incident_id) INTO ids
    FROM incidents_incidentsource AS src
    JOIN old_rows AS o ON o.id = src.article_id JOIN new_rows AS n ON n.id = o.id
    WHERE o.url IS DISTINCT FROM n.url;
    IF ids IS NOT NULL THEN
        PERFORM incidents_csv_refresh(ids);
    END IF;
    RETURN NULL;
END $$;

-- Sources emptied at once: every line is written again (without them).
CREATE FUNCTION ingest_csv_sources_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM incidents_csv_refresh(array_agg(id)) FROM incidents_incident HAVING count(*) > 0;
    RETURN NULL;
END $$;

CREATE TRIGGER ingest_incidentsource_csv_insert AFTER INSERT ON incidents_incidentsource
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ingest_csv_sources_touched();
CREATE TRIGGER ingest_incidentsource_csv_update AFTER UPDATE ON incidents_incidentsource
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION ingest_csv_sources_touched();
CREATE TRIGGER ingest_incidentsource_csv_delete AFTER DELETE ON incidents_incidentsource
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ingest_csv_sources_touched();
CREATE TRIGGER ingest_incidentsource_csv_truncate AFTER TRUNCATE ON incidents_incidentsource
    FOR EACH STATEMENT EXECUTE FUNCTION ingest_csv_sources_truncated();
CREATE TRIGGER ingest_article_csv_update AFTER UPDATE ON ingest_article
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION ingest_csv_articles_touched();
"""

DROP_FUNCTIONS = """
DROP TRIGGER IF EXISTS ingest_incidentsource_csv_insert ON incidents_incidentsource;
DROP TRIGGER IF EXISTS ingest_incidentsource_csv_update ON incidents_incidentsource;
DROP TRIGGER IF EXISTS ingest_incidentsource_csv_delete ON incidents_incidentsource;
DROP TRIGGER IF EXISTS ingest_incidentsource_csv_truncate ON incidents_incidentsource;
DROP TRIGGER IF EXISTS ingest_article_csv_update ON ingest_article;
DROP FUNCTION IF EXISTS ingest_csv_sources_touched();
DROP FUNCTION IF EXISTS ingest_csv_articles_touched();
DROP FUNCTION IF EXISTS ingest_csv_sources_truncated();
"""


def create_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_FUNCTIONS, None)  # None: no placeholders


def drop_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_FUNCTIONS, None)


class Migration(migrations.Migration):
    dependencies = [
        ("incidents", "0014_csv_line"),
        ("ingest", "0007_reading_role_reason"),
    ]

    operations = [migrations.RunPython(create_triggers, drop_triggers)]
