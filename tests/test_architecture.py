"""Dependencies run one way: ingest depends on incidents, never the reverse; the extractor is pure.

Read from the source with ``ast`` (every import, at module level or inside a function), so
a lazy import counts as much as one at the top.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIRST_PARTY = {"config", "incidents", "ingest", "tests", "bench"}
# Django-free modules outside the extractor that it may share (the one best/low/high rule).
EXTRACTOR_MAY_IMPORT = {"incidents.counts"}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Absolute names of every module ``path`` imports."""
    package = _module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            names.add(module)
            # "from ingest import tasks" imports the module ingest.tasks.
            names.update(f"{module}.{alias.name}" for alias in node.names)
    return names


def _sources(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


def _top(name: str) -> str:
    return name.split(".")[0]


def test_nothing_under_incidents_imports_ingest():
    offenders = {
        str(path.relative_to(ROOT)): sorted(n for n in _imports(path) if _top(n) == "ingest")
        for path in _sources("incidents")
    }
    assert {path: names for path, names in offenders.items() if names} == {}


def test_the_extractor_imports_no_django_and_nothing_outside_it():
    offenders = {}
    for path in _sources("ingest/extractor"):
        bad = [
            name
            for name in _imports(path)
            if _top(name) == "django"
            or (
                _top(name) in FIRST_PARTY
                and not name.startswith("ingest.extractor")
                and name.rpartition(".")[0] not in EXTRACTOR_MAY_IMPORT
                and name not in EXTRACTOR_MAY_IMPORT
                and name not in {"ingest", "incidents"}  # the packages' own (empty) __init__
            )
        ]
        if bad:
            offenders[str(path.relative_to(ROOT))] = sorted(bad)
    assert offenders == {}


def test_what_the_extractor_shares_is_django_free_and_imports_nothing_first_party():
    for name in EXTRACTOR_MAY_IMPORT:
        imported = _imports(ROOT / (name.replace(".", "/") + ".py"))
        assert not [n for n in imported if _top(n) in {"django", *FIRST_PARTY}], name
    for package in ("incidents", "ingest"):
        assert not _imports(ROOT / package / "__init__.py"), package


def test_no_import_cycles_between_the_apps_modules():
    """Outside the extractor, no module of incidents or ingest reaches itself through its imports."""
    modules = {
        _module_name(path): path
        for folder in ("incidents", "ingest")
        for path in _sources(folder)
        if "migrations" not in path.parts and "extractor" not in path.parts
    }
    graph = {name: {n for n in _imports(path) if n in modules and n != name} for name, path in modules.items()}
    cycles = []
    for start in graph:
        stack, seen = [(start, [start])], set()
        while stack:
            node, trail = stack.pop()
            for nxt in graph[node]:
                if nxt == start:
                    cycles.append(" -> ".join([*trail, start]))
                elif nxt not in seen:
                    seen.add(nxt)
                    stack.append((nxt, [*trail, nxt]))
    assert cycles == []
