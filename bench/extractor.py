"""Extractor benchmark: articles/second on one core, and the dev-set score when the texts are present.

python -m bench.extractor            (from the repository root)
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.report import write_section
from ingest.extractor import EXTRACTOR_VERSION, extract
from ingest.extractor.cli import load_gazetteer

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EVAL = SHARED / "eval"
TEXTS = ROOT / ".eval-texts"
FIXTURES = ROOT / "tests" / "fixtures" / "articles"
SECONDS = 5.0


def dev_articles() -> list[dict]:
    """(id, text, published) for every dev gold file whose text is available."""
    out = []
    for gold_file in sorted((EVAL / "dev").glob("*.json")):
        gold = json.loads(gold_file.read_text())
        if gold.get("text_file"):
            path = SHARED / gold["text_file"].split("shared/", 1)[1]
        else:
            path = TEXTS / f"{gold['id']}.txt"
        if path.exists():
            text = re.sub(r"^\s*date \d{4}-\d{2}-\d{2}\s+", "", path.read_text())
            out.append({"id": gold["id"], "text": text, "published": gold["published"]})
    return out


def fixture_articles() -> list[dict]:
    out = []
    for txt in sorted(FIXTURES.glob("*.txt")):
        expected = json.loads(txt.with_suffix(".json").read_text())
        out.append({"id": txt.stem, "text": txt.read_text(), "published": expected["published"]})
    return out


def speed(articles: list[dict], gazetteer) -> float:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    for a in articles:  # warm-up: builds the matchers once
        extract(a["text"], dt.date.fromisoformat(a["published"]), gazetteer)
    done, start = 0, time.perf_counter()
    while time.perf_counter() - start < SECONDS:
        for a in articles:
            extract(a["text"], dt.date.fromisoformat(a["published"]), gazetteer)
            done += 1
    return done / (time.perf_counter() - start)


def score(articles: list[dict], gazetteer) -> dict | None:
    scorer = EVAL / "score.py"
    if not scorer.exists():
        return None
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as fh:
        for a in articles:
            incidents = [i.to_dict() for i in extract(a["text"], dt.date.fromisoformat(a["published"]), gazetteer)]
            fh.write(json.dumps({"id": a["id"], "incidents": incidents}) + "\n")
        pred = fh.name
    ids = Path(pred + ".ids")
    ids.write_text("\n".join(a["id"] for a in articles))
    result = subprocess.run(
        [sys.executable, str(scorer), pred, "--json", "--ids", str(ids)], capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)


def main() -> int:
    gazetteer = load_gazetteer()
    articles = dev_articles()
    dev = len(articles) > 1
    if not dev:
        articles = fixture_articles()
    rate = speed(articles, gazetteer)
    lines = [
        "## Extractor",
        "",
        f"Extractor version `{EXTRACTOR_VERSION}`; {len(articles)} {'dev' if dev else 'fixture'} articles.",
        "",
        f"- Speed: **{rate:.0f} articles/second** on one core (each article extracted repeatedly for {SECONDS:.0f} s).",
    ]
    print(f"speed: {rate:.1f} articles/second over {len(articles)} articles")
    result = score(articles, gazetteer) if dev else None
    if result:
        acc = result["field_accuracy"]
        line = (
            f"P={result['precision']:.2f} R={result['recall']:.2f} F1={result['f1']:.2f} "
            f"neg_fp={result['neg_fp']} fields={result['field_accuracy_mean']:.2f}"
        )
        print(line)
        print("field accuracy: " + ", ".join(f"{k}={v:.2f}" for k, v in acc.items()))
        lines += [
            f"- Dev set ({result['articles']} articles, {result['gold_primary']} gold primary incidents): "
            f"primary precision **{result['precision']:.2f}**, recall **{result['recall']:.2f}**, "
            f"F1 **{result['f1']:.2f}**, incidents found in negative articles (neg_fp) **{result['neg_fp']}**, "
            f"mean field accuracy **{result['field_accuracy_mean']:.2f}**.",
            "",
            "| field | accuracy |",
            "| --- | --- |",
            *[f"| {k} | {v:.2f} |" for k, v in acc.items()],
        ]
    write_section("extractor", "\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
