"""Which of the extractor's optional rules earn their place on reporting they were not taught from.

python -m bench.ablation [--no-write]   (from the repository root; --no-write only prints)

Each optional rule of ``pipeline.RULES`` (every rule but the stages that read, anchor, attach, date and assemble) is
switched off in turn, and the holdouts whose labels are committed and whose texts are on this machine are scored
again: apart, the sets whose errors were never read and those taught from. A rule whose removal raises the never-read
figure is one the next round should look at first - fitted to the articles it was taught from, or too broad for
others. Nothing here changes the extractor; a decision taken on the never-read sets' totals makes them validation
sets, and the round's note should say so.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bench.extractor import ROOT, _extract_all, _never_read_and_taught, holdout_articles, score
from bench.holdouts import PREFIX, committed_gold, gold_dir
from bench.report import write_section
from ingest.extractor import EXTRACTOR_VERSION, pipeline
from ingest.extractor.cli import load_gazetteer
from ingest.extractor.state import State

# The stages every reading needs: without them there is no draft, no detail, no day or no incident to score
CORE = frozenset(
    {"read_sentences", "read_mentions", "find_anchors", "attach_details", "resolve_dates", "build_incidents"}
)


def optional_rules() -> list[Callable[[State], None]]:
    return [rule for rule in pipeline.RULES if rule.__name__ not in CORE]


@contextmanager
def without(rule: Callable[[State], None]) -> Iterator[None]:
    """The pipeline with ``rule`` left out, for the time of the block."""
    kept = pipeline.RULES
    pipeline.RULES = tuple(r for r in kept if r is not rule)
    try:
        yield
    finally:
        pipeline.RULES = kept


@dataclass(frozen=True)
class Figures:
    articles: int
    f1: float
    fields: float
    neg_fp: int

    def minus(self, other: Figures) -> tuple[float, float, int]:
        return self.f1 - other.f1, self.fields - other.fields, self.neg_fp - other.neg_fp


def figures(articles: list[dict], gold: Path, gazetteer) -> Figures:
    """score.py's pooled figures for ``articles`` against the labels in ``gold``."""
    result = score(_extract_all(articles, gazetteer), [a["id"] for a in articles], gold)
    return Figures(len(articles), result["f1"], result["field_accuracy_mean"], result["neg_fp"])


def pooled(sets: list[str], into: Path) -> tuple[list[dict], Path]:
    """The articles of ``sets`` whose texts are here, and one folder holding all their labels."""
    articles = []
    for name in sets:
        folder = ROOT / f"{PREFIX}{name}"
        gold = gold_dir(folder)  # the committed labels, else the labeller's own (committed_gold: None then)
        found = holdout_articles(folder)
        for a in found:
            (into / f"{a['id']}.json").write_text((gold / f"{a['id']}.json").read_text())
        articles += found
    return articles, into


def measured_sets() -> list[str]:
    """The committed-label holdouts whose texts are on this machine."""
    return sorted(
        p.name.removeprefix(PREFIX)
        for p in ROOT.glob(f"{PREFIX}*")
        if p.is_dir() and committed_gold(p) is not None and holdout_articles(p)
    )


def ablation(groups: dict[str, tuple[list[dict], Path]], gazetteer) -> tuple[dict[str, Figures], list[tuple]]:
    """The figures of each group with every rule, and each optional rule's change to them when left out."""
    base = {name: figures(arts, gold, gazetteer) for name, (arts, gold) in groups.items() if arts}
    rows = []
    for rule in optional_rules():
        with without(rule):
            changed = {
                name: figures(arts, gold, gazetteer).minus(base[name]) for name, (arts, gold) in groups.items() if arts
            }
        rows.append((rule.__name__, changed))
    return base, rows


def lines(base: dict[str, Figures], rows: list[tuple], sets: dict[str, list[str]]) -> list[str]:
    names = list(base)
    out = [
        "## Ablation",
        "",
        f"Extractor version `{EXTRACTOR_VERSION}`. Each optional rule of `pipeline.RULES` left out in turn, scored on "
        "the holdouts whose labels are committed and whose texts are on this machine ("
        + "; ".join(f"{name}: {', '.join(sets[name]) or 'none'}" for name in names)
        + "). A positive change on the never-read sets means the extractor would read them better without the rule.",
        "",
        "| with every rule | " + " | ".join(f"{n}: articles, F1, fields, neg_fp" for n in names) + " |",
        "| --- | " + " | ".join("---" for _ in names) + " |",
        "| | " + " | ".join(f"{b.articles}, {b.f1:.3f}, {b.fields:.3f}, {b.neg_fp}" for b in base.values()) + " |",
        "",
        "| rule left out | " + " | ".join(f"{n}: change in F1, fields, neg_fp" for n in names) + " |",
        "| --- | " + " | ".join("---:" for _ in names) + " |",
    ]
    for rule, changed in rows:
        cells = [f"{changed[n][0]:+.3f}, {changed[n][1]:+.3f}, {changed[n][2]:+d}" for n in names]
        out.append(f"| `{rule}` | " + " | ".join(cells) + " |")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-write", action="store_true", help="print only; leave docs/benchmarks.md alone")
    args = parser.parse_args(argv)
    sets = _never_read_and_taught(measured_sets())
    if not any(sets.values()):
        print("no holdout with committed labels has its texts on this machine: python -m bench.holdouts missing")
        return 1
    gazetteer = load_gazetteer()
    with tempfile.TemporaryDirectory() as tmp:
        groups = {}
        for name, names in sets.items():
            folder = Path(tmp) / name.split()[0]
            folder.mkdir()
            groups[name] = pooled(names, folder)
        base, rows = ablation(groups, gazetteer)
    text = lines(base, rows, sets)
    print("\n".join(text))
    if not args.no_write:
        write_section("ablation", "\n".join(text))
    return 0


if __name__ == "__main__":
    sys.exit(main())
