"""Load the shipped gazetteer (incidents/data/*.json) into Base and Faction rows.

Loading is idempotent and respects editors: each row remembers the checksum of the
shipped record it was last loaded from. A row whose fields still match that record is
brought up to date with the file; a row an editor changed in the admin is left alone.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import models, transaction

from incidents.models import Base, Faction

DATA_DIR = Path(__file__).resolve().parent / "data"

BASE_FIELDS = (
    "name",
    "aliases",
    "kind",
    "country",
    "province",
    "latitude",
    "longitude",
    "operators",
    "notes",
    "source_url",
    "compound",
    "hosted_until",
)
# Fields added after rows were first seeded: left out of the checksum while empty, so a row
# seeded before the field existed is not mistaken for an editor's edit.
LATE_FIELDS = ("compound", "hosted_until")
FACTION_FIELDS = ("name", "aliases", "kind", "aligned_with", "notes", "source_url", "umbrella_id")


@dataclass
class LoadReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    kept_edits: list[str] = field(default_factory=list)
    unchanged: int = 0

    def __str__(self) -> str:
        return (
            f"{len(self.created)} created, {len(self.updated)} updated, "
            f"{len(self.kept_edits)} kept (edited by an editor), {self.unchanged} unchanged"
        )


def _checksum(values: dict[str, Any]) -> str:
    values = {k: v for k, v in values.items() if not (k in LATE_FIELDS and not v)}
    return hashlib.sha256(json.dumps(values, sort_keys=True, default=str).encode()).hexdigest()


def _current(row: models.Model, fields: tuple[str, ...]) -> dict[str, Any]:
    return {f: getattr(row, f) for f in fields}


def _upsert(
    model: type[models.Model], slug: str, values: dict[str, Any], fields: tuple[str, ...], report: LoadReport
) -> models.Model:
    wanted = _checksum(values)
    row = model.objects.filter(slug=slug).first()  # type: ignore[attr-defined]
    if row is None:
        row = model.objects.create(slug=slug, seed_checksum=wanted, **values)  # type: ignore[attr-defined]
        report.created.append(slug)
        return row
    if row.seed_checksum and _checksum(_current(row, fields)) != row.seed_checksum:
        report.kept_edits.append(slug)
        return row
    if row.seed_checksum == wanted:
        report.unchanged += 1
        return row
    for name, value in values.items():
        setattr(row, name, value)
    row.seed_checksum = wanted
    row.save(update_fields=[*values.keys(), "seed_checksum", "updated_at"])
    report.updated.append(slug)
    return row


def base_values(entry: dict[str, Any]) -> dict[str, Any]:
    return {
        "name": entry["name"],
        "aliases": list(entry.get("aliases") or []),
        "kind": entry["kind"],
        "country": entry["country"],
        "province": entry.get("province") or "",
        "latitude": float(entry["lat"]),
        "longitude": float(entry["lon"]),
        "operators": list(entry.get("operators") or []),
        "notes": entry.get("notes") or "",
        "source_url": entry.get("source_url") or "",
        "compound": entry.get("compound") or "",
        "hosted_until": dt.date.fromisoformat(entry["hosted_until"]) if entry.get("hosted_until") else None,
    }


@transaction.atomic
def gazetteer_load(*, data_dir: Path = DATA_DIR) -> LoadReport:
    """Create or refresh bases and factions from the shipped JSON files."""
    report = LoadReport()
    for entry in json.loads((data_dir / "bases.json").read_text()):
        _upsert(Base, entry["slug"], base_values(entry), BASE_FIELDS, report)

    factions = json.loads((data_dir / "factions.json").read_text())
    # Umbrellas first, so members can point at them.
    by_slug = {f["slug"]: f for f in factions}
    ordered: list[dict[str, Any]] = []

    def visit(entry: dict[str, Any]) -> None:
        if entry in ordered:
            return
        if entry.get("umbrella"):
            visit(by_slug[entry["umbrella"]])
        ordered.append(entry)

    for entry in factions:
        visit(entry)
    ids: dict[str, int] = {}
    for entry in ordered:
        values = {
            "name": entry["name"],
            "aliases": list(entry.get("aliases") or []),
            "kind": entry.get("kind") or "",
            "aligned_with": entry.get("aligned_with") or "",
            "notes": entry.get("notes") or "",
            "source_url": entry.get("source_url") or "",
            "umbrella_id": ids.get(entry["umbrella"]) if entry.get("umbrella") else None,
        }
        row = _upsert(Faction, entry["slug"], values, FACTION_FIELDS, report)
        ids[entry["slug"]] = row.pk
    return report
