"""The incidents' CSV lines and API rows (incidents migrations 0014, 0015) follow their sources: a source added,
removed, moved or given another role, an article's URL, title, outlet or date changed, rewrites both texts of the
incidents concerned (PostgreSQL)."""

from importlib import import_module

from django.db import migrations

POSTGRES_FUNCTIONS = """
ALTER FUNCTION ingest_csv_sources_touched() RENAME TO ingest_lines_sources_touched;
ALTER FUNCTION ingest_csv_articles_touched() RENAME TO ingest_lines_articles_touched;
ALTER FUNCTION ingest_csv_sources_truncated() RENAME TO ingest_lines_sources_truncated;
ALTER TRIGGER ingest_incidentsource_csv_insert ON incidents_incidentsource RENAME TO ingest_incidentsource_lines_insert;
ALTER TRIGGER ingest_incidentsource_csv_update ON incidents_incidentsource RENAME TO ingest_incidentsource_lines_update;
ALTER TRIGGER ingest_incidentsource_csv_delete ON incidents_incidentsource RENAME TO ingest_incidentsource_lines_delete;
ALTER TRIGGER ingest_incidentsource_csv_truncate ON incidents_incidentsource
    RENAME TO ingest_incidentsource_lines_truncate;
ALTER TRIGGER ingest_article_csv_update ON ingest_article RENAME TO ingest_article_lines_update;

CREATE OR REPLACE FUNCTION ingest_lines_sources_touched() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    ids bigint[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(DISTINCT incident_id) INTO ids FROM new_rows;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(DISTINCT incident_id) INTO ids FROM old_rows;
    ELSE
        -- A row's incident, article, role or time added (the API rows' order) changed.
        SELECT array_agg(DISTINCT v.incident_id) INTO ids
        FROM old_rows AS o FULL JOIN new_rows AS n ON n.id = o.id
        CROSS JOIN LATERAL (VALUES (o.incident_id), (n.incident_id)) AS v(incident_id)
        WHERE v.incident_id IS NOT NULL
          AND (o.id IS NULL OR n.id IS NULL
               OR (o.incident_id, o.article_id, o.role, o.created_at)
                  IS DISTINCT FROM (n.incident_id, n.article_id, n.role, n.created_at));
    END IF;
    IF ids IS NOT NULL THEN
        PERFORM incidents_lines_refresh(ids);
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION ingest_lines_articles_touched() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    ids bigint[];
BEGIN
    SELECT array_agg(DISTINCT src.incident_id) INTO ids
    FROM incidents_incidentsource AS src
    JOIN old_rows AS o ON o.id = src.article_id JOIN new_rows AS n ON n.id = o.id
    WHERE (o.url, o.title, o.outlet, o.published) IS DISTINCT FROM (n.url, n.title, n.outlet, n.published);
    IF ids IS NOT NULL THEN
        PERFORM incidents_lines_refresh(ids);
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION ingest_lines_sources_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM incidents_lines_refresh(array_agg(id)) FROM incidents_incident HAVING count(*) > 0;
    RETURN NULL;
END $$;

-- Nothing calls it any more (incidents migration 0015 kept it for the functions above until now).
DROP FUNCTION incidents_csv_refresh(bigint[]);
"""

_BEFORE = import_module("ingest.migrations.0008_csv_line_sources")
# Back to migration 0008's functions and triggers, and the refresh they call (as incidents migration 0015 left it).
DROP_FUNCTIONS = (
    """
CREATE FUNCTION incidents_csv_refresh(ids bigint[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM incidents_lines_refresh(ids);
END $$;
DROP FUNCTION IF EXISTS ingest_lines_sources_touched() CASCADE;
DROP FUNCTION IF EXISTS ingest_lines_articles_touched() CASCADE;
DROP FUNCTION IF EXISTS ingest_lines_sources_truncated() CASCADE;
"""
    + _BEFORE.POSTGRES_FUNCTIONS
)


def create_functions(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_FUNCTIONS, None)  # None: no placeholders


def drop_functions(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_FUNCTIONS, None)


class Migration(migrations.Migration):
    dependencies = [
        ("incidents", "0015_api_row"),
        ("ingest", "0008_csv_line_sources"),
    ]

    operations = [migrations.RunPython(create_functions, drop_functions)]
