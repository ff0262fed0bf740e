"""Command line: ``python -m ingest.extractor FILE --published YYYY-MM-DD`` or ``--jsonl IN.jsonl``.

``run(argv, gazetteer)`` is shared with the Django ``manage.py extract`` command, which passes a
gazetteer read from the database.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from ingest.extractor import extract
from ingest.extractor.types import Gazetteer

DEFAULT_GAZETTEER = Path(__file__).resolve().parents[2] / "incidents" / "data"


def load_gazetteer(directory: Path | str = DEFAULT_GAZETTEER) -> Gazetteer:
    directory = Path(directory)
    sites = json.loads((directory / "bases.json").read_text(encoding="utf-8"))
    factions = json.loads((directory / "factions.json").read_text(encoding="utf-8"))
    return Gazetteer.from_records(sites, factions)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="extract", description="Extract attacks on coalition sites from articles.")
    p.add_argument("file", nargs="?", help="article text file")
    p.add_argument("--published", help="publication date YYYY-MM-DD (with FILE)")
    p.add_argument("--jsonl", help='input lines {"id", "text", "published"}')
    p.add_argument("--gazetteer", help="folder with bases.json and factions.json")
    return p


def _incidents(text: str, published: str, gazetteer: Gazetteer) -> list[dict]:
    return [i.to_dict() for i in extract(text, dt.date.fromisoformat(published), gazetteer)]


def run(argv: Sequence[str] | None, gazetteer: Gazetteer, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    args = parser().parse_args(argv)
    if args.jsonl:
        with open(args.jsonl, encoding="utf-8") as fh:
            for line in fh:
                if not line.strip():
                    continue
                rec = json.loads(line)
                incidents = _incidents(rec["text"], rec["published"], gazetteer)
                out.write(json.dumps({"id": rec.get("id"), "incidents": incidents}, ensure_ascii=False) + "\n")
        return 0
    if not args.file or not args.published:
        parser().print_usage(sys.stderr)
        print("extract: give FILE --published YYYY-MM-DD, or --jsonl IN.jsonl", file=sys.stderr)
        return 2
    text = Path(args.file).read_text(encoding="utf-8")
    out.write(
        json.dumps({"incidents": _incidents(text, args.published, gazetteer)}, ensure_ascii=False, indent=1) + "\n"
    )
    return 0
