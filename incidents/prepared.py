"""Querysets of a fixed shape whose SQL Django compiles once per process; each use binds its own values.

Why: compiling a queryset (its columns, joins, ordering and filters into SQL) costs Django about a millisecond
for a query of the incident page's width, on every request, though the text never changes from one incident to
the next: only the ids do. ``prepared(key, build, *ids)`` builds and compiles ``build(*markers)`` the first time
(the markers being integers no row has), remembers where each marker went among the parameters, and from then on
runs a copy of that queryset with that SQL and the ids put in the markers' places, through Django's own iterable
(model instances, ``select_related`` rows, prefetches, converters: all as before). Only whole numbers in a 32-bit
column's range are bound; a shape whose markers do not each land exactly once among the parameters is left to
the ORM. The columns' converters (``SQLCompiler.get_converters``: a field's ``from_db_value``, the backend's)
are looked up once per shape and connection too: asking each of the ~40 columns of the incident page's query
for them cost ~0.25 ms a page, for the same answer every time.
(``tests/incidents/test_prepared.py`` checks the bound SQL and parameters are the ones the ORM compiles.)
"""

from __future__ import annotations

import copy
import hashlib
import re
import threading
import weakref
from collections.abc import Callable, Hashable
from typing import Any

from django.db import ProgrammingError, connections
from django.db.models import QuerySet
from django.db.models.sql.compiler import SQLCompiler

# Whole numbers no row has (negative) and no query writes itself, inside the range of a 32-bit column: Django
# compiles a lookup of a value outside its column's range to no condition at all (IntegerFieldOverflow), so a
# shape compiled with such a marker would not be the shape of real values. Values outside the range (an id of
# eleven digits in a URL) are left to the ORM for the same reason.
_MARKERS = (-2_147_480_001, -2_147_480_003, -2_147_480_007)
_INT32 = range(-(2**31), 2**31)
# On PostgreSQL a shape is also a prepared statement of each session that runs it (PREPARE once, then EXECUTE
# with the values): PostgreSQL then parses and plans it once per connection, where a query's text costs it
# ~0.3 ms of planning every time (the incident page's four queries: ~1.2 ms of its ~1.7 ms of database CPU). At
# most this many statements a session (a site's pages each have a shape of their own); beyond, the plain SQL.
MAX_STATEMENTS = 64
_PLACEHOLDER = re.compile(r"%[%s]")
# psycopg connection -> the names of the statements prepared on it (a connection Django replaces has none).
_sessions: weakref.WeakKeyDictionary[Any, set[str]] = weakref.WeakKeyDictionary()


def statement_name(text: str) -> str:
    """The name a prepared statement goes by: named for what it prepares, so the same text finds the same name."""
    return f"bw_{hashlib.sha1(text.encode()).hexdigest()[:24]}"  # noqa: S324 - a name, not a secret


def _statement(sql: str, params: tuple[Any, ...]) -> str | None:
    """What PREPARE takes for ``sql``: each parameter's type, then ``sql`` with ``$1``, ``$2``, ... for its
    placeholders and ``%%`` as ``%``. The types are those of the literals Django sends for the values: a whole
    number is one (``bigint``), a string is typed by where it stands (``unknown``). None for other values (a date,
    a float, a flag: their literals carry types this does not write)."""
    types = []
    for param in params:
        if isinstance(param, int) and not isinstance(param, bool):
            types.append("bigint")
        elif isinstance(param, str):
            types.append("unknown")
        else:
            return None
    pieces: list[str] = []
    n = last = 0
    for found in _PLACEHOLDER.finditer(sql):
        pieces.append(sql[last : found.start()])
        if found.group() == "%%":
            pieces.append("%")
        else:
            n += 1
            pieces.append(f"${n}")
        last = found.end()
    pieces.append(sql[last:])
    if n != len(params):
        return None
    return (f"({', '.join(types)}) " if types else "") + "AS " + "".join(pieces)


class _Compiled:
    def __init__(self, compiler: SQLCompiler, sql: str, params: tuple[Any, ...], places: list[int]) -> None:
        self.compiler, self.sql, self.params, self.places = compiler, sql, params, places
        # (connection, the columns' ids) -> their converters, as SQLCompiler.get_converters gives them. The
        # columns are the compiled query's own (each use's compiler is a shallow copy of this one); the
        # connection is a thread's, and its backend's converters may be bound to it.
        self._converters: dict[tuple[Any, tuple[int, ...]], dict[int, Any]] = {}
        self.statement = _statement(sql, params) if compiler.connection.vendor == "postgresql" else None
        # Named for what it prepares (its values' types included), so the same statement finds the same name.
        self.name = statement_name(self.statement or sql)
        self.execute = f"EXECUTE {self.name}" + (f"({', '.join(['%s'] * len(params))})" if params else "")

    def converters(self, compiler: SQLCompiler, expressions: list[Any]) -> dict[int, Any]:
        """``compiler.get_converters(expressions)``, worked out on the first call for this connection."""
        key = (compiler.connection, tuple(map(id, expressions)))
        found = self._converters.get(key)
        if found is None:
            found = SQLCompiler.get_converters(compiler, expressions)
            with _lock:
                self._converters[key] = found
        return found

    def bind(self, values: tuple[int, ...], db: str) -> tuple[str, tuple[Any, ...]]:
        """(SQL, parameters) to run for ``values`` on ``db``: this thread's session's prepared statement where
        there is one (prepared here if need be), else the compiled SQL."""
        params = list(self.params)
        for place, value in zip(self.places, values, strict=True):
            # As the ORM passes it: a big integer column's value wrapped (psycopg's Int8), another's a plain int.
            params[place] = type(params[place])(value)
        if self.statement is not None and session_statement(db, self.name, self.statement):
            return self.execute, tuple(params)
        return self.sql, tuple(params)


# Name -> what PREPARE takes, of every statement a session was asked to hold (``statements()``).
_texts: dict[str, str] = {}
# Names of statements PostgreSQL refused to prepare: their callers run the plain SQL instead.
_refused: set[str] = set()


def session_statement(db: str, name: str, statement: str) -> bool:
    """Whether ``name`` is a prepared statement of this thread's session on ``db``, prepared now if it is not yet:
    ``PREPARE name statement`` (``statement``: the parameters' types, if any, then ``AS`` and the query). False when
    the session holds ``MAX_STATEMENTS`` already or PostgreSQL refuses it (then never tried again): run the plain
    SQL. PostgreSQL only. Callers name a statement for its text, so the same text finds the same name."""
    if name in _refused:
        return False
    if name not in _texts:
        with _lock:
            _texts[name] = statement
    wrapper = connections[db]
    # this request's session, checked; django-stubs lacks health_check_done (Django 5.1+):
    if wrapper.connection is not None and wrapper.health_check_done:  # type: ignore[attr-defined]
        names = _sessions.get(wrapper.connection)
        if names is not None and name in names:
            return True
    # Through Django's cursor: its health check first, so a connection it replaces is the one prepared on.
    with wrapper.cursor() as cursor:
        with _lock:
            names = _sessions.setdefault(wrapper.connection, set())
        if name in names:
            return True
        if len(names) >= MAX_STATEMENTS:
            return False
        # On the driver's cursor, not logged as the page's queries; in a transaction, behind a savepoint of its
        # own, so a statement PostgreSQL refuses leaves the transaction as it was.
        raw, guarded = cursor.cursor, wrapper.in_atomic_block
        try:
            with wrapper.wrap_database_errors:
                if guarded:
                    raw.execute("SAVEPOINT bw_prepare")
                try:
                    raw.execute(f"PREPARE {name} {statement}")
                except Exception:
                    if guarded:
                        raw.execute("ROLLBACK TO SAVEPOINT bw_prepare")
                    raise
                if guarded:
                    raw.execute("RELEASE SAVEPOINT bw_prepare")
        except ProgrammingError:
            with _lock:
                _refused.add(name)
            return False
        names.add(name)
    return True


_compiled: dict[Hashable, _Compiled | None] = {}
# (key, number of values) -> ``build(*markers)``: the shape each use clones (``all()``) rather than building it
# again from its values.
_shapes: dict[Hashable, QuerySet[Any]] = {}
_lock = threading.Lock()


def _compile(shape: QuerySet[Any], arity: int) -> _Compiled | None:
    markers = _MARKERS[:arity]
    template = shape.all()  # compiled from a copy: compiling touches the query's aliases
    compiler = template.query.get_compiler(using=template.db)
    sql, params = compiler.as_sql()
    places = [
        [i for i, p in enumerate(params) if isinstance(p, int) and not isinstance(p, bool) and p == m] for m in markers
    ]
    if any(len(found) != 1 for found in places) or any(m in sql for m in map(str, markers)):
        return None
    return _Compiled(compiler, sql, tuple(params), [found[0] for found in places])


def prepared(key: Hashable, build: Callable[..., QuerySet[Any]], *values: int) -> list[Any]:
    """The rows of ``build(*values)``, whose SQL is compiled once per ``key`` (one key per shape: ``build`` must give
    the same query whatever the values, only the values differing). A list, not the queryset: a queryset made
    from it (``count()``, ``filter()``) would run the bound SQL of the rows instead of its own.

    ``build`` itself runs once per key, with the markers: each use runs a copy of that queryset (``all()``) with
    its values bound, not a queryset built again from them (filtering and joining cost Django about as much as
    compiling did: ~0.3 ms of the incident page's four queries). So the values may only go into the SQL.
    """
    if not values or len(values) > len(_MARKERS) or any(type(v) is not int or v not in _INT32 for v in values):
        return list(build(*values))
    shape = _shapes.get((key, len(values)))
    if shape is None:
        shape = build(*_MARKERS[: len(values)])
        with _lock:
            _shapes[(key, len(values))] = shape
    db = shape.db
    cache_key = (key, db, connections[db].vendor)
    compiled = _compiled.get(cache_key, _compiled)
    if isinstance(compiled, dict):  # the cache itself, returned for a missing key (a _Compiled is never a dict)
        compiled = _compile(shape, len(values))
        with _lock:
            _compiled[cache_key] = compiled
    if compiled is None:
        return list(build(*values))
    sql, params = compiled.bind(values, db)
    compiler = copy.copy(compiled.compiler)
    compiler.connection = connections[db]  # this thread's connection, not the compiling one's
    compiler.as_sql = lambda *args, **kwargs: (sql, params)  # type: ignore[method-assign]
    compiler.get_converters = lambda expressions: compiled.converters(compiler, expressions)  # type: ignore[method-assign]
    queryset = shape.all()
    queryset.query.get_compiler = lambda *args, **kwargs: compiler  # type: ignore[method-assign]
    return list(queryset)


def statements() -> dict[str, str]:
    """Name -> what ``PREPARE`` takes, for every statement a session of this process was asked to hold
    (``session_statement``: the compiled shapes' and the API pages'): what another session must prepare to run the
    ``EXECUTE name(...)`` the app writes (``bench.api`` replays the app's SQL on a session of its own)."""
    with _lock:
        return dict(_texts)


def forget() -> None:
    """Drop every compiled shape (tests that change the database's settings)."""
    with _lock:
        _compiled.clear()
        _shapes.clear()
    # The sessions keep their statements: each is named for its SQL, so the same SQL finds it again.
