"""Blind holdouts whose labels are committed, so they can be scored again on any machine.

A holdout is a set of real articles labelled by the `SCHEMA.md` rules by someone who never read or ran the
extractor. Its labels are our own annotations: each file gives the article's address (``url``), the search words
that find it again (``query``), its publication date and the attacks it tells, with notes written in the
labeller's own words. They are committed under ``bench/holdouts/<set>/``. The article texts are not ours and are
never committed: they are fetched from their pages into ``.eval-holdout<set>/texts/<id>.txt`` (git-ignored),
exactly as the dev texts are fetched into ``.eval-texts/``.

python -m bench.holdouts export .eval-holdout134    copy a labeller's gold into bench/holdouts/134/ (and a second
                                                    labeller's gold_second/, when there is one, into 134/second/)
python -m bench.holdouts missing                    list the texts still to fetch (JSON lines: path, url, query)
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMMITTED = Path(__file__).resolve().parent / "holdouts"
PREFIX = ".eval-holdout"
SHARED_RUN = 6  # words in a row that a committed note may not share with the article
_NOTE_FIELDS = ("notes", "published_basis")
_INCIDENT_NOTE_FIELDS = ("note",)


def set_name(folder: str | Path) -> str:
    """``.eval-holdout134`` -> ``134``."""
    name = Path(folder).name
    if not name.startswith(PREFIX):
        raise ValueError(f"{name}: a holdout folder is named {PREFIX}<set>")
    return name.removeprefix(PREFIX)


def committed_gold(folder: str | Path) -> Path | None:
    """The committed labels of a holdout folder, when they were committed."""
    if not Path(folder).name.startswith(PREFIX):
        return None
    path = COMMITTED / set_name(folder)
    return path if path.is_dir() else None


def gold_dir(folder: Path) -> Path:
    """Where a holdout's labels are read from: the committed copy, else the labeller's own git-ignored folder."""
    return committed_gold(folder) or folder / "gold"


def second_gold_dir(folder: Path) -> Path:
    """A second labeller's labels of the same articles (blind to the first), committed or on this machine."""
    committed = committed_gold(folder)
    return committed / "second" if committed and (committed / "second").is_dir() else folder / "gold_second"


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower())


def _runs(words: list[str]) -> set[tuple[str, ...]]:
    """Runs of SHARED_RUN words that carry wording (at least four of them are not numbers: a date stamp is a fact)."""
    runs = (tuple(words[i : i + SHARED_RUN]) for i in range(len(words) - SHARED_RUN + 1))
    return {run for run in runs if sum(not w.isdigit() for w in run) >= 4}


def without_article_wording(note: str, article: str) -> str:
    """The note less every sentence of it that repeats SHARED_RUN words of the article in a row."""
    taken = _runs(_words(article))
    sentences = re.split(r"(?<=[.;!?])\s+", note.strip())
    return " ".join(s for s in sentences if not (_runs(_words(s)) & taken)).strip()


def export(folder: Path) -> Path:
    """Copy a holdout's gold into ``bench/holdouts/<set>/`` (a second labeller's into ``<set>/second/``), with no
    sentence of a note that repeats the article."""
    target = COMMITTED / set_name(folder)
    _export_labels(folder, folder / "gold", target, first=True)
    if (folder / "gold_second").is_dir():
        _export_labels(folder, folder / "gold_second", target / "second", first=False)
    return target


def _export_labels(folder: Path, labels: Path, target: Path, *, first: bool) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for source in sorted(labels.glob("*.json")):
        gold = json.loads(source.read_text())
        text_file = folder / "texts" / f"{gold['id']}.txt"
        if first and not (gold.get("query") and gold.get("url")):
            raise ValueError(f"{source}: a committed label needs the url and the query that finds its page again")
        article = text_file.read_text() if text_file.exists() else ""
        for key in _NOTE_FIELDS:
            if gold.get(key):
                gold[key] = without_article_wording(gold[key], article)
        for incident in gold.get("incidents", []):
            for key in _INCIDENT_NOTE_FIELDS:
                if incident.get(key):
                    incident[key] = without_article_wording(incident[key], article)
        (target / source.name).write_text(json.dumps(gold, indent=2, ensure_ascii=False) + "\n")


def missing() -> list[dict]:
    """Each committed label whose article text is not on this machine: where to save it, and how to find it."""
    out = []
    for gold_file in sorted(COMMITTED.glob("*/*.json")):
        gold = json.loads(gold_file.read_text())
        path = ROOT / f"{PREFIX}{gold_file.parent.name}" / "texts" / f"{gold['id']}.txt"
        if not path.exists():
            out.append({"path": str(path.relative_to(ROOT)), "url": gold["url"], "query": gold["query"]})
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("export", help="commit a labeller's gold").add_argument("folder", type=Path)
    sub.add_parser("missing", help="list the article texts to fetch")
    args = parser.parse_args(argv)
    if args.command == "export":
        print(export(args.folder).relative_to(ROOT))
    else:
        for row in missing():
            print(json.dumps(row))
    return 0


if __name__ == "__main__":
    sys.exit(main())
