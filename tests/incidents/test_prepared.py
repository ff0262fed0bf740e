"""Querysets compiled once per process (incidents/prepared.py): the SQL and parameters a prepared queryset runs are
the ones the ORM compiles for the same values, so the rows, and the incident page built from them, are the same."""

from __future__ import annotations

import datetime as dt
import re
import threading

import pytest
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext

from incidents import prepared as prepared_module
from incidents import views
from incidents.history import incident_history
from incidents.models import Incident
from incidents.prepared import prepared
from tests.factories import ArticleFactory, BaseFactory, FactionFactory, IncidentFactory, IncidentSourceFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_prepared")]


@pytest.fixture
def site():
    base = BaseFactory(slug="site-p", name="Site <P>")
    groups = [FactionFactory(slug=f"g-{i}", name=f"Group {i}") for i in range(2)]
    incidents = [
        IncidentFactory(
            base=base,
            perpetrator=groups[i % 2],
            claimed=i % 3 == 0,
            claimed_by=groups[0] if i % 3 == 0 else None,
            killed=i,
        )
        for i in range(14)
    ]
    incidents.append(IncidentFactory(base=base, status=Incident.Status.DRAFT, summary="A draft"))
    for i, incident in enumerate(incidents[:4]):
        IncidentSourceFactory(incident=incident, article=ArticleFactory(), role="background" if i % 2 else "primary")
        IncidentSourceFactory(incident=incident, article=ArticleFactory(text=f"long {i} " * 500), role="primary")
    incidents[0].killed = 40
    incidents[0].save()  # a change in the history
    return incidents


def _as_run(sql: str) -> str:
    """The SQL a query ran: on PostgreSQL a prepared shape runs as ``EXECUTE name(values)``, and what it runs is
    the statement prepared under that name with the values in its ``$n`` places."""
    found = re.fullmatch(r"EXECUTE (\w+)(?:\((.*)\))?", sql)
    if found is None:
        return sql
    name, args = found.groups()
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements WHERE name = %s", [name])
        (statement,) = cursor.fetchone()
    body = statement.split(" AS ", 1)[1]
    values = args.split(", ") if args else []  # ids and plain words: no comma inside a value
    return re.sub(r"\$(\d+)", lambda m: values[int(m.group(1)) - 1], body)


def _executed(rows_of) -> tuple[list[str], list]:
    """(the SQL run, parameters bound in, and the rows) of ``rows_of()``."""
    with CaptureQueriesContext(connection) as run:
        rows = list(rows_of())
    return [_as_run(query["sql"]) for query in run.captured_queries], rows


def test_bound_sql_and_parameters_are_what_the_orm_compiles(site):
    def build(base_id, pk):
        return Incident.objects.published().filter(base_id=base_id).exclude(pk=pk).for_table()[:10]

    for incident in site:
        ids = (incident.base_id, incident.pk)
        sql, rows = _executed(lambda ids=ids: prepared("related", build, *ids))
        orm_sql, orm_rows = _executed(lambda ids=ids: build(*ids))
        assert sql == orm_sql
        assert len(sql) == 1
        assert [i.pk for i in rows] == [i.pk for i in orm_rows]
        assert str(incident.pk) in sql[0]
    assert len([key for key in prepared_module._compiled if key[0] == "related"]) == 1


@pytest.mark.parametrize("as_editor", [False, True])
def test_the_incident_page_is_the_orms_page(client, editor, site, monkeypatch, as_editor):
    """Every incident's page, the first compiling and the others binding, as the ORM alone writes it."""
    if as_editor:
        client.force_login(editor)

    def page(incident: Incident) -> bytes:
        html = client.get(incident.get_absolute_url()).content
        return re.sub(rb'name="csrfmiddlewaretoken" value="[^"]*"', b"", html)  # a new mask every time

    pages = [page(incident) for incident in site]
    monkeypatch.setattr(views, "prepared", lambda key, build, *values: build(*values))
    monkeypatch.setattr("incidents.history.prepared", lambda key, build, *values: build(*values))
    assert [page(incident) for incident in site] == pages
    assert (b"A draft" in pages[-1]) == as_editor
    assert b"Change history" in pages[0]


def test_history_is_the_orms(site, editor):
    for for_editor in (False, True):
        for incident in site[:3]:
            args = {"for_editor": for_editor, "limit": 50}
            sql, got = _executed(lambda incident=incident, args=args: incident_history(incident, **args))
            with CaptureQueriesContext(connection) as orm:
                expected = list(incident.history.order_by("-history_date", "-history_id")[:51])
            assert sql[0] == orm.captured_queries[0]["sql"] or for_editor  # editors' also joins the user
            prepared_module.forget()
            assert got == incident_history(incident, for_editor=for_editor, limit=50)
            assert len(expected) == (2 if incident is site[0] else 1)
    # Bound, not left to the ORM: the historical id is a big integer column (its value passed as psycopg's Int8).
    assert all(entry is not None for entry in prepared_module._compiled.values())


@pytest.mark.django_db(transaction=True)
def test_another_thread_runs_it_on_its_own_connection(site):
    def build(pk):
        return Incident.objects.filter(pk=pk)

    assert [i.pk for i in prepared("one", build, site[0].pk)] == [site[0].pk]
    seen: list = []

    def other() -> None:
        from django.db import connections

        try:
            seen.append(([i.pk for i in prepared("one", build, site[1].pk)], id(connections["default"])))
        finally:
            connections["default"].close()

    thread = threading.Thread(target=other)
    thread.start()
    thread.join()
    from django.db import connections

    assert seen[0][0] == [site[1].pk]
    assert seen[0][1] != id(connections["default"])


def test_shapes_it_cannot_bind_are_left_to_the_orm(site):
    def twice(pk):
        return Incident.objects.filter(Q(pk=pk) | Q(base_id=pk))

    assert sorted(i.pk for i in prepared("twice", twice, site[1].pk)) == sorted(i.pk for i in twice(site[1].pk))
    assert [entry for key, entry in prepared_module._compiled.items() if key[0] == "twice"] == [None]
    by_slug = prepared("text", lambda slug: Incident.objects.filter(base__slug=slug), "site-p")
    assert len(by_slug) == len(site)
    assert not [key for key in prepared_module._compiled if key[0] == "text"]
    # An id beyond a 32-bit column's range: the ORM compiles it to no row at all, and so does this.
    assert list(prepared("big", lambda pk: Incident.objects.filter(pk=pk), 10**12)) == []
    assert not [key for key in prepared_module._compiled if key[0] == "big"]


def test_a_count_beside_an_id_keeps_its_condition(site):
    """A 32-bit column compared with the id: a marker beyond that range would have compiled the condition away."""

    def build(pk):
        return Incident.objects.filter(Q(pk=pk) | Q(killed=pk))

    for incident in site[:6]:
        assert sorted(i.pk for i in prepared("pk-or-killed", build, incident.pk)) == sorted(
            i.pk for i in build(incident.pk)
        )


def test_converters_are_looked_up_once_per_shape_and_give_the_orms_values(site, monkeypatch):
    """The columns' converters (JSON weapons, the joined rows' fields) are asked for once, then reused: the
    values are the ORM's for every incident, the first compiling and the others binding."""
    from django.db.models.sql.compiler import SQLCompiler

    def build(pk):
        return Incident.objects.select_related("base", "perpetrator").filter(pk=pk)

    def values(rows) -> list[tuple]:
        return [
            (i.pk, i.weapons, i.date, i.updated_at, i.base.name, i.perpetrator and i.perpetrator.slug) for i in rows
        ]

    looked_up = []
    original = SQLCompiler.get_converters

    def counting(self, expressions):
        looked_up.append(len(expressions))
        return original(self, expressions)

    for incident in site:
        monkeypatch.setattr(SQLCompiler, "get_converters", counting)
        got = values(prepared("converters", build, incident.pk))
        monkeypatch.setattr(SQLCompiler, "get_converters", original)
        assert got == values(build(incident.pk))
        assert isinstance(got[0][1], list)  # JSON read back as a list, not its text
    assert len(looked_up) == 1


def test_the_queryset_is_built_once_per_shape_and_each_use_binds_its_own_values(site):
    """``build`` runs once, with the markers; each later use runs a copy of that shape with its values bound,
    and gets the rows the ORM gives for them."""
    built = []

    def build(base_id, pk):
        built.append((base_id, pk))
        return Incident.objects.published().filter(base_id=base_id).exclude(pk=pk).for_table()[:10]

    for incident in site:
        rows = prepared("related-once", build, incident.base_id, incident.pk)
        orm = list(Incident.objects.published().filter(base_id=incident.base_id).exclude(pk=incident.pk)[:10])
        assert [(i.pk, i.perpetrator_id, i.killed) for i in rows] == [(i.pk, i.perpetrator_id, i.killed) for i in orm]
        assert incident.pk not in [i.pk for i in rows]
    assert built == [prepared_module._MARKERS[:2]]


def test_the_statement_types_its_values_as_their_literals_are():
    """A whole number's literal is a number and a string's is typed by where it stands; other values' literals
    carry types of their own, and leave the shape to its plain SQL."""
    sql = 'SELECT "a", %s AS "n" FROM "t" WHERE "t"."id" = %s AND "b" LIKE \'x%%\' AND "c" = %s'
    assert prepared_module._statement(sql, (7, 8, "word")) == (
        "(bigint, bigint, unknown) AS "
        'SELECT "a", $1 AS "n" FROM "t" WHERE "t"."id" = $2 AND "b" LIKE \'x%\' AND "c" = $3'
    )
    assert prepared_module._statement('SELECT "a" FROM "t"', ()) == 'AS SELECT "a" FROM "t"'
    for other in (dt.date(2024, 1, 1), 1.5, True, None):
        assert prepared_module._statement('SELECT "a" FROM "t" WHERE "b" = %s', (other,)) is None


@pytest.mark.skipif(connection.vendor != "postgresql", reason="prepared statements are PostgreSQL's")
@pytest.mark.django_db(transaction=True)  # the test closes its connection
def test_postgresql_prepares_each_shape_once_a_session_and_again_on_a_new_connection(client, site):
    def statements() -> set[str]:
        with connection.cursor() as cursor:
            cursor.execute("SELECT name FROM pg_prepared_statements WHERE name LIKE 'bw%%'")
            return {name for (name,) in cursor.fetchall()}

    connection.close()  # a session of its own: earlier tests prepared the same shapes on theirs
    before = statements()
    pages = [client.get(incident.get_absolute_url()).content for incident in site[:3]]
    prepared_here = statements() - before
    assert len(prepared_here) == 4  # the page's shapes (incident, sources, neighbours, history), each once
    with CaptureQueriesContext(connection) as run:
        assert client.get(site[3].get_absolute_url()).status_code == 200
    ran = [query["sql"] for query in run.captured_queries]
    assert len(ran) == 4
    assert all(sql.startswith("EXECUTE bw") for sql in ran)  # no PREPARE counted among the page's queries
    assert statements() - before == prepared_here
    connection.close()  # a new session: it holds none of them, and the page prepares them again
    assert client.get(site[0].get_absolute_url()).content == pages[0]
    assert prepared_here <= statements()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="prepared statements are PostgreSQL's")
@pytest.mark.django_db(transaction=True)  # the test closes its connection
def test_the_statements_a_page_executes_can_be_prepared_on_another_session(client, site):
    # what bench.api replays: each EXECUTE the page ran, prepared from ``statements()`` on a session of its own
    with CaptureQueriesContext(connection) as run:
        assert client.get(site[0].get_absolute_url()).status_code == 200
    names = {re.match(r"EXECUTE (bw_\w+)", query["sql"]).group(1) for query in run.captured_queries}
    known = prepared_module.statements()
    assert names <= set(known)
    connection.close()
    with connection.cursor() as cursor:
        for name in names:
            cursor.execute(f"PREPARE {name} {known[name]}")
        cursor.execute("SELECT count(*) FROM pg_prepared_statements WHERE name LIKE 'bw%%'")
        assert cursor.fetchone()[0] >= len(names)


def test_a_shape_with_a_value_of_another_type_runs_its_plain_sql(site):
    def build(pk):
        return Incident.objects.filter(pk=pk, date__gte=dt.date(2000, 1, 1))

    for incident in site[:3]:
        with CaptureQueriesContext(connection) as run:
            got = prepared("dated", build, incident.pk)
        assert [i.pk for i in got] == [incident.pk]
        assert run.captured_queries[0]["sql"].startswith("SELECT")
    (entry,) = [entry for key, entry in prepared_module._compiled.items() if key[0] == "dated"]
    assert entry is not None
    assert entry.statement is None
