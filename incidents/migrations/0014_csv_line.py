"""Each incident's CSV row, written by the database when the incident, its site or its groups change (PostgreSQL).

The row is the one ``COPY (...) TO STDOUT WITH (FORMAT csv)`` wrote for it from incidents.selectors.csv_copy's
columns (frozen here, as a migration's SQL is): each value formatted as Python prints it, quoted as COPY quotes a
CSV value, joined with commas and ended with CRLF. Its sources' URLs and count come from the articles citing it;
ingest's migration 0008 adds the triggers on those tables. tests/api/test_csv_copy.py compares the export joined
from these lines with the rows Python writes, after every kind of write.
"""

from django.db import migrations, models

# ISO 3166 code -> the country's name, as incidents.models.Country labels them when this was written.
COUNTRY_NAMES = {
    "IQ": "Iraq",
    "SY": "Syria",
    "JO": "Jordan",
    "KW": "Kuwait",
    "SA": "Saudi Arabia",
    "AE": "United Arab Emirates",
    "QA": "Qatar",
    "BH": "Bahrain",
    "IL": "Israel",
    "LB": "Lebanon",
    "YE": "Yemen",
    "IR": "Iran",
    "TR": "Turkey",
}
COUNT_COLUMNS = {  # the CSV's name -> the incident's column
    **{f"launched{s}": f"launched{s}" for s in ("", "_low", "_high")},
    **{f"intercepted{s}": f"intercepted{s}" for s in ("", "_low", "_high")},
    **{f"fatalities{s}": f"killed{s}" for s in ("", "_low", "_high")},
    **{f"injured{s}": f"injured{s}" for s in ("", "_low", "_high")},
}


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _text(expr: str) -> str:
    """Python's csv module writes nothing for empty text, as COPY does for NULL."""
    return f"NULLIF({expr}, '')"


def _inert(expr: str) -> str:
    """A leading formula character gets a quote in front (spreadsheets run such cells)."""
    return f"CASE WHEN left({expr}, 1) IN ('=', '+', '-', '@', chr(9), chr(13)) THEN '''' || {expr} ELSE {expr} END"


def _float(expr: str) -> str:
    """repr(float): PostgreSQL's shortest float8 text, with ".0" where Python writes one."""
    return f"CASE WHEN {expr} = trunc({expr}) AND abs({expr}) < 1e15 THEN {expr}::text || '.0' ELSE {expr}::text END"


def _iso_time_of_day(expr: str) -> str:
    """time.isoformat(): microseconds only when there are any, then all six digits."""
    return f"CASE WHEN position('.' in {expr}::text) = 0 THEN {expr}::text ELSE rpad({expr}::text, 15, '0') END"


def _iso_utc(expr: str) -> str:
    """datetime.isoformat() of a timestamp with time zone, in UTC."""
    text = f"replace(({expr} AT TIME ZONE 'UTC')::text, ' ', 'T')"
    return f"CASE WHEN date_trunc('second', {expr}) = {expr} THEN {text} ELSE rpad({text}, 26, '0') END || '+00:00'"


_COUNTRY = (
    "CASE f.c_country "
    + " ".join(f"WHEN {_literal(code)} THEN {_literal(name)}" for code, name in COUNTRY_NAMES.items())
    + " ELSE f.c_country END"
)
# The export's columns in order (incidents.selectors.export.CSV_COLUMNS), each value's text or NULL.
COLUMNS = {
    "event_id": "f.c_id::text",
    "event_date": "f.c_date::text",
    "date_precision": "f.c_date_precision",
    "year": "date_part('year', f.c_date)::int::text",
    "time_of_day": _iso_time_of_day("f.c_time_of_day"),
    "country": _text(_COUNTRY),
    "iso": _text("f.c_country"),
    "admin1": _text("f.c_province"),
    "location": _text(_inert("COALESCE(NULLIF(f.c_base_name, ''), f.c_place, '')")),
    "latitude": _float("f.c_latitude"),
    "longitude": _float("f.c_longitude"),
    "geo_precision": _text("f.c_location_precision"),
    "base_slug": _text("f.c_base_slug"),
    "weapons": _text(
        "CASE WHEN jsonb_typeof(f.c_weapons) = 'array' THEN "
        "array_to_string(ARRAY(SELECT jsonb_array_elements_text(f.c_weapons)), ';') END"
    ),
    **{name: f"f.c_{column}::text" for name, column in COUNT_COLUMNS.items()},
    "perpetrator": _text("f.c_perpetrator_name"),
    "perpetrator_slug": _text("f.c_perpetrator_slug"),
    "claimed": "CASE WHEN f.c_claimed THEN 'true' ELSE 'false' END",
    "claimed_by": _text("f.c_claimed_by_name"),
    "summary": _text(_inert("f.c_summary")),
    "source_urls": "s.urls",
    "source_count": "COALESCE(s.n, 0)::text",
    "status": _text("f.c_status"),
    "updated_at": _iso_utc("f.c_updated_at"),
}
LINE = " || ',' || ".join(f"incidents_csv_value({expr})" for expr in COLUMNS.values()) + " || E'\\r\\n'"
# What a line is written from: the incident's columns and its site's and groups' names.
ROWS = """SELECT i.id AS c_id, i.date AS c_date, i.date_precision AS c_date_precision, i.time_of_day AS c_time_of_day,
        i.country AS c_country, b.province AS c_province, b.name AS c_base_name, i.place AS c_place,
        i.latitude AS c_latitude, i.longitude AS c_longitude, i.location_precision AS c_location_precision,
        b.slug AS c_base_slug, i.weapons AS c_weapons, {counts}, p.name AS c_perpetrator_name,
        p.slug AS c_perpetrator_slug, i.claimed AS c_claimed, c.name AS c_claimed_by_name, i.summary AS c_summary,
        i.status AS c_status, i.updated_at AS c_updated_at
    FROM incidents_incident AS i
    LEFT JOIN incidents_base AS b ON b.id = i.base_id
    LEFT JOIN incidents_faction AS p ON p.id = i.perpetrator_id
    LEFT JOIN incidents_faction AS c ON c.id = i.claimed_by_id
    WHERE i.id = ANY(ids)""".format(counts=", ".join(f"i.{c} AS c_{c}" for c in COUNT_COLUMNS.values()))  # noqa: S608
# Its sources: the URLs of the articles citing it, sorted, empty ones left out, and how many there are.
SOURCES = """SELECT string_agg(NULLIF(a.url, ''), '; ' ORDER BY a.url) AS urls, COUNT(*) AS n
    FROM incidents_incidentsource AS src JOIN ingest_article AS a ON a.id = src.article_id
    WHERE src.incident_id = f.c_id"""
# Incident columns a line reads: an update of anything else (version, reviewer, confidence) rewrites none.
READ = (
    "date, date_precision, time_of_day, country, base_id, place, latitude, longitude, location_precision, "
    "weapons, " + ", ".join(COUNT_COLUMNS.values()) + ", perpetrator_id, claimed, claimed_by_id, summary, status, "
    "updated_at"
)

POSTGRES_FUNCTIONS = f"""
-- A value as COPY's CSV format writes it: NULL as nothing, text holding a comma, a quote or a line break (or
-- empty) in quotes, its quotes doubled.
CREATE FUNCTION incidents_csv_value(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE
        WHEN value IS NULL THEN ''
        WHEN value = '' OR value ~ '[",\\r\\n]' THEN '"' || replace(value, '"', '""') || '"'
        ELSE value
    END
$$;

CREATE FUNCTION incidents_csv_refresh(ids bigint[]) RETURNS void LANGUAGE plpgsql
-- The text of dates and floats as the export writes them (config/settings.py sets DateStyle ISO).
SET "DateStyle" = 'ISO, MDY' SET extra_float_digits = 1 AS $$
BEGIN
    -- Writers of one incident's line take turns on the incident's row, locked first and in one order: the
    -- statement below reads with a snapshot taken after the other writer committed (READ COMMITTED).
    PERFORM 1 FROM incidents_incident WHERE id = ANY(ids) ORDER BY id FOR NO KEY UPDATE;
    INSERT INTO incidents_csvline (incident_id, line)
    SELECT f.c_id, {LINE}
    FROM ({ROWS}) AS f
    LEFT JOIN LATERAL ({SOURCES}) AS s ON TRUE
    ON CONFLICT (incident_id) DO UPDATE SET line = EXCLUDED.line;
END $$;

CREATE FUNCTION incidents_csv_incidents_touched() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    ids bigint[];
BEGIN
    -- Statement-level with transition tables: every row the statement added, removed or changed in what its
    -- line shows.
    IF TG_OP = 'DELETE' THEN
        DELETE FROM incidents_csvline AS l USING old_rows AS o WHERE l.incident_id = o.id;
        RETURN NULL;
    ELSIF TG_OP = 'INSERT' THEN
        SELECT array_agg(id) INTO ids FROM new_rows;
    ELSE
        DELETE FROM incidents_csvline AS l
        USING (SELECT id FROM old_rows EXCEPT SELECT id FROM new_rows) AS gone WHERE l.incident_id = gone.id;
        SELECT array_agg(n.id) INTO ids FROM new_rows AS n LEFT JOIN old_rows AS o ON o.id = n.id
        WHERE o.id IS NULL OR ({", ".join("o." + c for c in READ.split(", "))}) IS DISTINCT FROM
                               ({", ".join("n." + c for c in READ.split(", "))});
    END IF;
    IF ids IS NOT NULL THEN
        PERFORM incidents_csv_refresh(ids);
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION incidents_csv_incidents_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM incidents_csvline;
    RETURN NULL;
END $$;

-- A site's or a group's name or slug, a site's province: the lines of the incidents that show them.
CREATE FUNCTION incidents_csv_bases_touched() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    ids bigint[];
BEGIN
    SELECT array_agg(i.id) INTO ids FROM incidents_incident AS i
    JOIN old_rows AS o ON o.id = i.base_id JOIN new_rows AS n ON n.id = o.id
    WHERE (o.name, o.slug, o.province) IS DISTINCT FROM (n.name, n.slug, n.province);
    IF ids IS NOT NULL THEN
        PERFORM incidents_csv_refresh(ids);
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION incidents_csv_factions_touched() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    ids bigint[];
BEGIN
    SELECT array_agg(i.id) INTO ids FROM incidents_incident AS i
    WHERE i.perpetrator_id IN (SELECT n.id FROM old_rows AS o JOIN new_rows AS n ON n.id = o.id
                               WHERE (o.name, o.slug) IS DISTINCT FROM (n.name, n.slug))
       OR i.claimed_by_id IN (SELECT n.id FROM old_rows AS o JOIN new_rows AS n ON n.id = o.id
                              WHERE o.name IS DISTINCT FROM n.name);
    IF ids IS NOT NULL THEN
        PERFORM incidents_csv_refresh(ids);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER incidents_incident_csv_insert AFTER INSERT ON incidents_incident
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION incidents_csv_incidents_touched();
CREATE TRIGGER incidents_incident_csv_update AFTER UPDATE ON incidents_incident
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION incidents_csv_incidents_touched();
CREATE TRIGGER incidents_incident_csv_delete AFTER DELETE ON incidents_incident
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION incidents_csv_incidents_touched();
CREATE TRIGGER incidents_incident_csv_truncate AFTER TRUNCATE ON incidents_incident
    FOR EACH STATEMENT EXECUTE FUNCTION incidents_csv_incidents_truncated();
CREATE TRIGGER incidents_base_csv_update AFTER UPDATE ON incidents_base
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION incidents_csv_bases_touched();
CREATE TRIGGER incidents_faction_csv_update AFTER UPDATE ON incidents_faction
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION incidents_csv_factions_touched();

SELECT incidents_csv_refresh(array_agg(id)) FROM incidents_incident HAVING count(*) > 0;
"""  # noqa: S608 (our constants only, no values)

DROP_FUNCTIONS = """
DROP TRIGGER IF EXISTS incidents_incident_csv_insert ON incidents_incident;
DROP TRIGGER IF EXISTS incidents_incident_csv_update ON incidents_incident;
DROP TRIGGER IF EXISTS incidents_incident_csv_delete ON incidents_incident;
DROP TRIGGER IF EXISTS incidents_incident_csv_truncate ON incidents_incident;
DROP TRIGGER IF EXISTS incidents_base_csv_update ON incidents_base;
DROP TRIGGER IF EXISTS incidents_faction_csv_update ON incidents_faction;
DROP FUNCTION IF EXISTS incidents_csv_incidents_touched();
DROP FUNCTION IF EXISTS incidents_csv_incidents_truncated();
DROP FUNCTION IF EXISTS incidents_csv_bases_touched();
DROP FUNCTION IF EXISTS incidents_csv_factions_touched();
DROP FUNCTION IF EXISTS incidents_csv_refresh(bigint[]);
DROP FUNCTION IF EXISTS incidents_csv_value(text);
"""


def create_triggers(apps, schema_editor):
    # PostgreSQL only: elsewhere the export formats every incident (the table stays empty and is never read).
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_FUNCTIONS, None)  # None: no placeholders


def drop_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_FUNCTIONS, None)


class Migration(migrations.Migration):
    dependencies = [
        ("incidents", "0013_timeline_rollup"),
        # The lines read the articles citing each incident (their tables: ingest's).
        ("ingest", "0005_incidentsource"),
    ]

    operations = [
        migrations.CreateModel(
            name="CsvLine",
            fields=[
                ("incident_id", models.BigIntegerField(primary_key=True, serialize=False)),
                ("line", models.TextField(help_text="The CSV row, quoted as COPY quotes it, ending in CRLF.")),
            ],
        ),
        migrations.RunPython(create_triggers, drop_triggers),
    ]
