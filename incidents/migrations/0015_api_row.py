"""Each incident's row of the API's JSON list pages, written by the database with its CSV line (PostgreSQL).

The row is the JSON ``incidents.selectors.api_page`` had PostgreSQL write for every page (frozen here, as a
migration's SQL is): the bytes ``incidents.api.serializers.incident_rows`` and DRF's renderer write, times in UTC,
without its first two members (the id and the incident page's URL, which names the request's host: the page adds
them). The triggers of migration 0014 now write both texts of the incidents a statement touched, and follow what
only the row shows (an incident's every column; ingest's migration 0009: the articles' titles, outlets and dates,
the sources' roles). tests/api/test_list_page_json.py compares the pages with the rows Python writes.
"""

from importlib import import_module

from django.db import migrations, models

COUNTS = [f"{name}{s}" for name in ("launched", "intercepted", "killed", "injured") for s in ("", "_low", "_high")]
# The members after "url", in the API's order, and how each is written: (key, kind).
MEMBERS = [
    ("status", "text"),
    ("version", "integer"),
    ("date", "date"),
    ("date_precision", "text"),
    ("time_of_day", "time"),
    ("base", "b"),
    ("place", "text"),
    ("latitude", "float"),
    ("longitude", "float"),
    ("location_precision", "text"),
    ("country", "text"),
    ("weapons", "weapons"),
    *((name, "integer") for name in COUNTS),
    ("perpetrator", "pf"),
    ("claimed", "boolean"),
    ("claimed_by", "cb"),
    ("summary", "text"),
    ("confidence", "float"),
    ("reviewed_at", "datetime"),
    ("created_at", "datetime"),
    ("updated_at", "datetime"),
    ("sources", "sources"),
]


def _text(column: str) -> str:
    return f"COALESCE(to_json({column})::text, 'null')"  # quoted and escaped as Python's json does


def _datetime(column: str) -> str:
    # In UTC: "T", all six digits of a fraction when there is one (PostgreSQL drops trailing zeros), "Z".
    utc = f"replace(({column} AT TIME ZONE 'UTC')::text, ' ', 'T')"
    return (
        f"""CASE WHEN {column} IS NULL THEN 'null' WHEN date_trunc('second', {column}) = {column} """
        f"""THEN '"' || {utc} || 'Z"' ELSE '"' || rpad({utc}, 26, '0') || 'Z"' END"""
    )


def _value(key: str, kind: str) -> str:
    column = f'i."{key}"'
    if kind in ("b", "pf", "cb"):  # the joined site or group
        return (
            f"""CASE WHEN {kind}.id IS NULL THEN 'null' ELSE '{{"id":' || {kind}.id || ',"name":' """
            f"""|| {_text(f"{kind}.name")} || ',"slug":' || {_text(f"{kind}.slug")} || '}}' END"""
        )
    return {
        "text": lambda: _text(column),
        "integer": lambda: f"COALESCE({column}::text, 'null')",
        "boolean": lambda: f"CASE WHEN {column} THEN 'true' WHEN NOT {column} THEN 'false' ELSE 'null' END",
        # PostgreSQL's shortest text of a float is Python's repr but for the ".0" of whole numbers (below 1e15).
        "float": lambda: (
            f"CASE WHEN {column} IS NULL THEN 'null' WHEN {column} = trunc({column}) THEN {column}::text || '.0' "
            f"ELSE {column}::text END"
        ),
        "date": lambda: f"""COALESCE('"' || {column}::text || '"', 'null')""",
        # Python's isoformat writes all six digits of a fraction; PostgreSQL drops trailing zeros ('.5').
        "time": lambda: (
            f"""CASE WHEN {column} IS NULL THEN 'null' WHEN position('.' in {column}::text) = 0 """
            f"""THEN '"' || {column}::text || '"' ELSE '"' || rpad({column}::text, 15, '0') || '"' END"""
        ),
        "datetime": lambda: _datetime(column),
        # jsonb writes ", " between elements; of strings only, '", "' is nowhere else (a quote inside is escaped).
        "weapons": lambda: f"""replace({column}::text, '", "', '","')""",
        "sources": lambda: "'[' || COALESCE(src.list, '') || ']'",
    }[kind]()


TAIL = "concat(" + ", ".join(f"""',"{key}":', {_value(key, kind)}""" for key, kind in MEMBERS) + ", '}')"
# Whether the database writes every value as the API's Python does: weapons a list of strings, floats below 1e15.
EXACT = " AND ".join(
    [
        """jsonb_typeof(i."weapons") = 'array'""",
        """NOT jsonb_path_exists(i."weapons", 'strict $[*] ? (@.type() != "string")')""",
        *(f'(i."{c}" IS NULL OR abs(i."{c}") < 1e15)' for c in ("latitude", "longitude", "confidence")),
    ]
)
# Each incident's sources in the API's order (role, then when they were added), with their articles.
SOURCE = (
    """'{"article_id":' || s."article_id"::text || ',"title":' || """
    + _text('a."title"')
    + """ || ',"outlet":' || """
    + _text('a."outlet"')
    + """ || ',"url":' || """
    + _text('a."url"')
    + """ || ',"published":' || COALESCE('"' || a."published"::text || '"', 'null') || ',"role":' || """
    + _text('s."role"')
    + " || '}'"
)
SOURCES = (
    f"""SELECT s."incident_id" AS incident_id, string_agg({SOURCE}, ',' ORDER BY s."role" ASC, s."created_at" ASC) """  # noqa: S608
    """AS list FROM "incidents_incidentsource" AS s JOIN "ingest_article" AS a ON a."id" = s."article_id" """
    """WHERE s."incident_id" IN (SELECT id FROM p) GROUP BY 1"""
)
JOINS = """JOIN "incidents_incident" AS i ON i."id" = p.id
    LEFT JOIN "incidents_base" AS b ON b."id" = i."base_id"
    LEFT JOIN "incidents_faction" AS pf ON pf."id" = i."perpetrator_id"
    LEFT JOIN "incidents_faction" AS cb ON cb."id" = i."claimed_by_id"
    LEFT JOIN src ON src.incident_id = i."id\""""
_CSV = import_module("incidents.migrations.0014_csv_line")

POSTGRES_FUNCTIONS = f"""
CREATE FUNCTION incidents_api_write(ids bigint[]) RETURNS void LANGUAGE plpgsql
SET "DateStyle" = 'ISO, MDY' SET extra_float_digits = 1 AS $$
BEGIN
    WITH p AS (SELECT DISTINCT unnest(ids) AS id), src AS ({SOURCES})
    INSERT INTO incidents_apirow (incident_id, tail, exact)
    SELECT p.id, {TAIL}, {EXACT}
    FROM p {JOINS}
    ON CONFLICT (incident_id) DO UPDATE SET tail = EXCLUDED.tail, exact = EXCLUDED.exact;
END $$;

CREATE FUNCTION incidents_csv_write(ids bigint[]) RETURNS void LANGUAGE plpgsql
SET "DateStyle" = 'ISO, MDY' SET extra_float_digits = 1 AS $$
BEGIN
    INSERT INTO incidents_csvline (incident_id, line)
    SELECT f.c_id, {_CSV.LINE}
    FROM ({_CSV.ROWS}) AS f
    LEFT JOIN LATERAL ({_CSV.SOURCES}) AS s ON TRUE
    ON CONFLICT (incident_id) DO UPDATE SET line = EXCLUDED.line;
END $$;

-- Both texts of the incidents ``ids``: their CSV lines and their API rows.
CREATE FUNCTION incidents_lines_refresh(ids bigint[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    -- Writers of one incident's texts take turns on the incident's row, locked first and in one order: the
    -- statements below read with a snapshot taken after the other writer committed (READ COMMITTED).
    PERFORM 1 FROM incidents_incident WHERE id = ANY(ids) ORDER BY id FOR NO KEY UPDATE;
    PERFORM incidents_csv_write(ids);
    PERFORM incidents_api_write(ids);
END $$;

-- What ingest's functions of migration 0008 call until its migration 0009 points them at the one above.
CREATE OR REPLACE FUNCTION incidents_csv_refresh(ids bigint[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM incidents_lines_refresh(ids);
END $$;

ALTER FUNCTION incidents_csv_incidents_touched() RENAME TO incidents_lines_incidents_touched;
ALTER FUNCTION incidents_csv_incidents_truncated() RENAME TO incidents_lines_incidents_truncated;
ALTER FUNCTION incidents_csv_bases_touched() RENAME TO incidents_lines_bases_touched;
ALTER FUNCTION incidents_csv_factions_touched() RENAME TO incidents_lines_factions_touched;
ALTER TRIGGER incidents_incident_csv_insert ON incidents_incident RENAME TO incidents_incident_lines_insert;
ALTER TRIGGER incidents_incident_csv_update ON incidents_incident RENAME TO incidents_incident_lines_update;
ALTER TRIGGER incidents_incident_csv_delete ON incidents_incident RENAME TO incidents_incident_lines_delete;
ALTER TRIGGER incidents_incident_csv_truncate ON incidents_incident RENAME TO incidents_incident_lines_truncate;
ALTER TRIGGER incidents_base_csv_update ON incidents_base RENAME TO incidents_base_lines_update;
ALTER TRIGGER incidents_faction_csv_update ON incidents_faction RENAME TO incidents_faction_lines_update;

CREATE OR REPLACE FUNCTION incidents_lines_incidents_touched() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    ids bigint[];
BEGIN
    -- Statement-level with transition tables: every row the statement added, removed or changed (an API row
    -- shows every column).
    IF TG_OP = 'DELETE' THEN
        DELETE FROM incidents_csvline AS l USING old_rows AS o WHERE l.incident_id = o.id;
        DELETE FROM incidents_apirow AS r USING old_rows AS o WHERE r.incident_id = o.id;
        RETURN NULL;
    ELSIF TG_OP = 'INSERT' THEN
        SELECT array_agg(id) INTO ids FROM new_rows;
    ELSE
        DELETE FROM incidents_csvline AS l
        USING (SELECT id FROM old_rows EXCEPT SELECT id FROM new_rows) AS gone WHERE l.incident_id = gone.id;
        DELETE FROM incidents_apirow AS r
        USING (SELECT id FROM old_rows EXCEPT SELECT id FROM new_rows) AS gone WHERE r.incident_id = gone.id;
        SELECT array_agg(n.id) INTO ids FROM new_rows AS n LEFT JOIN old_rows AS o ON o.id = n.id
        WHERE o.id IS NULL OR o IS DISTINCT FROM n;
    END IF;
    IF ids IS NOT NULL THEN
        PERFORM incidents_lines_refresh(ids);
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION incidents_lines_incidents_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM incidents_csvline;
    DELETE FROM incidents_apirow;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION incidents_lines_bases_touched() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    ids bigint[];
BEGIN
    SELECT array_agg(i.id) INTO ids FROM incidents_incident AS i
    JOIN old_rows AS o ON o.id = i.base_id JOIN new_rows AS n ON n.id = o.id
    WHERE (o.name, o.slug, o.province) IS DISTINCT FROM (n.name, n.slug, n.province);
    IF ids IS NOT NULL THEN
        PERFORM incidents_lines_refresh(ids);
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION incidents_lines_factions_touched() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    ids bigint[];
BEGIN
    SELECT array_agg(i.id) INTO ids FROM incidents_incident AS i
    WHERE i.perpetrator_id IN (SELECT n.id FROM old_rows AS o JOIN new_rows AS n ON n.id = o.id
                               WHERE (o.name, o.slug) IS DISTINCT FROM (n.name, n.slug))
       OR i.claimed_by_id IN (SELECT n.id FROM old_rows AS o JOIN new_rows AS n ON n.id = o.id
                              WHERE (o.name, o.slug) IS DISTINCT FROM (n.name, n.slug));
    IF ids IS NOT NULL THEN
        PERFORM incidents_lines_refresh(ids);
    END IF;
    RETURN NULL;
END $$;

SELECT incidents_api_write(array_agg(id)) FROM incidents_incident HAVING count(*) > 0;
"""  # noqa: S608 (our constants only, no values)

# Back to migration 0014's functions and triggers.
DROP_FUNCTIONS = """
DROP FUNCTION IF EXISTS incidents_lines_incidents_touched() CASCADE;
DROP FUNCTION IF EXISTS incidents_lines_incidents_truncated() CASCADE;
DROP FUNCTION IF EXISTS incidents_lines_bases_touched() CASCADE;
DROP FUNCTION IF EXISTS incidents_lines_factions_touched() CASCADE;
DROP FUNCTION IF EXISTS incidents_csv_refresh(bigint[]);
DROP FUNCTION IF EXISTS incidents_lines_refresh(bigint[]);
DROP FUNCTION IF EXISTS incidents_csv_write(bigint[]);
DROP FUNCTION IF EXISTS incidents_api_write(bigint[]);
""" + _CSV.POSTGRES_FUNCTIONS[
    _CSV.POSTGRES_FUNCTIONS.index("CREATE FUNCTION incidents_csv_refresh") : _CSV.POSTGRES_FUNCTIONS.index(
        "SELECT incidents_csv_refresh"
    )
]


def create_functions(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_FUNCTIONS, None)  # None: no placeholders


def drop_functions(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_FUNCTIONS, None)


class Migration(migrations.Migration):
    dependencies = [
        ("incidents", "0014_csv_line"),
    ]

    operations = [
        migrations.CreateModel(
            name="ApiRow",
            fields=[
                ("incident_id", models.BigIntegerField(primary_key=True, serialize=False)),
                ("tail", models.TextField()),
                ("exact", models.BooleanField()),
            ],
        ),
        migrations.RunPython(create_functions, drop_functions),
    ]
