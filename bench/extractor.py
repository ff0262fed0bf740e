"""Extractor benchmark: articles/second on one core, and the dev-set score when the texts are present.

python -m bench.extractor [--no-write]   (from the repository root; --no-write only prints)
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from functools import cache
from pathlib import Path

from bench.holdouts import committed_gold, gold_dir, second_gold_dir
from bench.report import write_section
from ingest.extractor import EXTRACTOR_VERSION, extract, forget_sentences
from ingest.extractor.cli import load_gazetteer

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EVAL = SHARED / "eval"
TEXTS = ROOT / ".eval-texts"
FIXTURES = ROOT / "tests" / "fixtures" / "articles"
FOLD_RECORD = Path(__file__).resolve().parent / "extractor_folds.json"
SECONDS = 5.0
SPEED_TARGET = 150


def fold_of(article_id: str) -> int:
    """The fold ``../shared/eval/folds.py`` gives an article (its own function, so the split is the same)."""
    return _shared("folds").fold_of(article_id)


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


def speed(articles: list[dict], gazetteer) -> tuple[float, float]:
    """Articles per second of wall time and per second of this process's CPU time, on one pinned core. On a
    busy machine the wall figure drops while the CPU figure holds: the CPU figure is what one idle core does."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    for a in articles:  # warm-up: builds the matchers once
        extract(a["text"], dt.date.fromisoformat(a["published"]), gazetteer)
    done, start, cpu = 0, time.perf_counter(), time.process_time()
    while time.perf_counter() - start < SECONDS:
        for a in articles:
            forget_sentences()
            extract(a["text"], dt.date.fromisoformat(a["published"]), gazetteer)
            done += 1
    return done / (time.perf_counter() - start), done / (time.process_time() - cpu)


def _extract_all(articles: list[dict], gazetteer) -> Path:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as fh:
        for a in articles:
            incidents = [i.to_dict() for i in extract(a["text"], dt.date.fromisoformat(a["published"]), gazetteer)]
            fh.write(json.dumps({"id": a["id"], "incidents": incidents}) + "\n")
    return Path(fh.name)


def score(pred: Path, ids: list[str], gold: Path | None = None) -> dict:
    """score.py's figures for the articles ``ids`` (gold from the dev set, or ``gold``)."""
    id_file = Path(str(pred) + ".ids")
    id_file.write_text("\n".join(ids))
    args = [sys.executable, str(EVAL / "score.py"), str(pred), "--json", "--ids", str(id_file)]
    if gold is not None:
        args += ["--gold", str(gold)]
    return json.loads(subprocess.run(args, capture_output=True, text=True, check=True).stdout)


@cache
def _shared(name: str):
    """A module of ``../shared/eval/`` (score.py, folds.py), loaded from its file."""
    spec = importlib.util.spec_from_file_location(f"eval_{name}", EVAL / f"{name}.py")
    if spec is None or spec.loader is None:  # a path ending in .py always has a spec and a source loader
        raise ImportError(f"cannot load {EVAL / f'{name}.py'}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


BANDS = ((0.0, 0.7, "below 0.7 (marked for review)"), (0.7, 0.9, "0.7 to 0.9"), (0.9, 1.01, "0.9 and above"))
_FIELD_KEY = {"site": "base"}


def calibration(pred: Path, gold_dir: Path) -> list[tuple[str, int, int]]:
    """(band, fields, right) over the matched primary incidents: how often a field at that confidence is right."""
    sc = _shared("score")
    preds = {json.loads(line)["id"]: json.loads(line)["incidents"] for line in pred.read_text().splitlines()}
    tally = {label: [0, 0] for *_, label in BANDS}
    for gold_file in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_file.read_text())
        if gold["id"] not in preds:
            continue
        golds = [i for i in gold["incidents"] if i.get("role", "primary") == "primary"]
        found = [i for i in preds[gold["id"]] if i["role"] == "primary"]
        pairs, _ = sc.match(golds, found)
        for g, p in pairs:
            if p is None:
                continue
            for name in sc.FIELDS:
                conf = p.get("field_confidence", {}).get(_FIELD_KEY.get(name, name), p.get("confidence", 0.5))
                label = next(label for lo, hi, label in BANDS if lo <= conf < hi)
                tally[label][0] += 1
                tally[label][1] += bool(sc.field_ok(name, g, p))
    return [(label, tally[label][0], tally[label][1]) for *_, label in BANDS]


def _row(name: str, r: dict) -> str:
    bg = "n/a" if r["background_recall"] is None else f"{r['background_recall']:.2f}"
    return (
        f"| {name} | {r['articles']} | {r['precision']:.2f} | {r['recall']:.2f} | {r['f1']:.2f} | "
        f"{r['field_accuracy_mean']:.2f} | {r['neg_fp']} | {bg} |"
    )


def holdout_articles(folder: Path) -> list[dict]:
    """The articles of a holdout as they were scored: its input.jsonl when the labeller wrote one (it gives a date
    to an article whose page has none), else its gold files and texts."""
    scored = folder / "input.jsonl"
    if scored.exists():
        return [json.loads(line) for line in scored.read_text().splitlines() if line.strip()]
    out = []
    for gold_file in sorted(gold_dir(folder).glob("*.json")):
        gold = json.loads(gold_file.read_text())
        path = folder / "texts" / f"{gold['id']}.txt"
        if path.exists():
            text = re.sub(r"^\s*date \d{4}-\d{2}-\d{2}\s+", "", path.read_text())  # as make_jsonl.py does
            out.append({"id": gold["id"], "text": text, "published": publication_day(gold["published"])})
    return out


def publication_day(published: str) -> str:
    """The day handed to the extractor for a label's publication date. A labeller who could date a page only to
    its month writes ``2023-11``, only to its year ``2023``; the extractor needs a day, and the middle of the
    month (or of the year) is the one that is never more than about half of it off."""
    if re.fullmatch(r"\d{4}-\d{2}", published):
        return f"{published}-15"
    return f"{published}-07-01" if re.fullmatch(r"\d{4}", published) else published


# Why a gold primary attack was missed, or a predicted one was wrong, in the order they are tested
MISSED = (
    "told, but as background",
    "told, but with no site (the site's words unresolved)",
    "told, but at another site",
    "not found",
)
WRONG = (
    "an attack the gold tells as background",
    "in a hard negative (no attack on a site)",
    "with no site",
    "a second incident at a gold attack's site",
    "at a site the gold has no attack on",
)


def error_sources(pred: Path, gold_dir: Path) -> dict[str, int]:
    """Where the primary errors of one labelled set come from: each missed gold primary and each predicted primary
    that matches none, by the first reason in ``MISSED`` / ``WRONG`` that holds, and each wrong field of a matched
    pair (``field <name>``). score.py's own matching decides what is matched."""
    sc = _shared("score")
    preds = {json.loads(line)["id"]: json.loads(line)["incidents"] for line in pred.read_text().splitlines()}
    out: Counter[str] = Counter()
    for gold_file in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_file.read_text())
        if gold["id"] not in preds:
            continue
        golds = [i for i in gold["incidents"] if i.get("role", "primary") == "primary"]
        backgrounds = [i for i in gold["incidents"] if i.get("role") == "background"]
        found = [i for i in preds[gold["id"]] if i["role"] == "primary"]
        others = [i for i in preds[gold["id"]] if i["role"] != "primary"]
        pairs, extra = sc.match(golds, found)
        unplaced = [p for p in extra if not (p.get("base") or {}).get("name")]
        for g, p in pairs:
            if p is None:
                out[_why_missed(sc, g, others, unplaced, extra)] += 1
            else:
                out["matched"] += 1
                out.update(f"field {name}" for name in sc.FIELDS if not sc.field_ok(name, g, p))
        out.update(_why_wrong(sc, p, golds, backgrounds) for p in extra)
    return dict(out)


def _why_missed(sc, g: dict, others: list[dict], unplaced: list[dict], extra: list[dict]) -> str:
    """The first reason in ``MISSED`` that holds for a gold primary no predicted primary matched."""
    if any(sc.same_site(g, o) for o in others):
        return MISSED[0]
    if g.get("site") and unplaced:
        return MISSED[1]
    return MISSED[2] if g.get("site") and extra else MISSED[3]


def _why_wrong(sc, p: dict, golds: list[dict], backgrounds: list[dict]) -> str:
    """The first reason in ``WRONG`` that holds for a predicted primary that matches no gold primary."""
    if any(sc.same_site(b, p) for b in backgrounds):
        return WRONG[0]
    if not golds:
        return WRONG[1]
    if not (p.get("base") or {}).get("name"):
        return WRONG[2]
    return WRONG[3] if any(sc.same_site(g, p) for g in golds) else WRONG[4]


def _never_read_and_taught(sets) -> dict[str, list[str]]:
    """The committed-label sets measured today, apart: those whose errors were never read and those taught from
    (``taught_holdouts`` in the record)."""
    taught = set(json.loads(FOLD_RECORD.read_text()).get("taught_holdouts", []))
    return {
        "never read": [s for s in sets if s not in taught],
        "taught (in sample)": [s for s in sets if s in taught],
    }


def holdout_calibration_lines(bands: dict[str, list[tuple[str, int, int]]]) -> list[str]:
    """How often a field is right at each confidence on the committed-label holdouts (``bands``: set -> (band,
    fields, right)), the never-read sets apart from the taught ones."""
    if not bands:
        return []
    groups = _never_read_and_taught(bands)
    tally = {g: {label: [0, 0] for *_, label in BANDS} for g in groups}
    for g, sets in groups.items():
        for s in sets:
            for label, n, right in bands[s]:
                tally[g][label][0] += n
                tally[g][label][1] += right

    def cell(n: int, right: int) -> str:
        return f"{n} | {right / n:.0%}" if n else "0 | -"

    return [
        "",
        "### Field confidence on the blind sets",
        "",
        "The same count on the holdouts whose labels are committed and whose texts are on this machine (matched "
        "primary incidents; target: fields at 0.9 and above right at least 95 % of the time). The never-read sets "
        "are what an editor meets on new reporting.",
        "",
        "| confidence | " + " | ".join(f"{g}: fields | right" for g in groups) + " |",
        "| --- |" + " ---: | ---: |" * len(groups),
        *[f"| {label} | " + " | ".join(cell(*tally[g][label]) for g in groups) + " |" for *_, label in BANDS],
    ]


def error_source_lines(sources: dict[str, dict[str, int]]) -> list[str]:
    """The error sources summed over the committed-label holdouts measured today (``sources``: set -> counts), apart
    for the sets whose errors were never read and those taught from (``taught_holdouts`` in the record)."""
    if not sources:
        return []
    groups = _never_read_and_taught(sources)
    total = {name: sum((Counter(sources[s]) for s in sets), Counter()) for name, sets in groups.items()}

    def rows(keys) -> list[str]:
        return [f"| {k} | " + " | ".join(str(total[g].get(k, 0)) for g in groups) + " |" for k in keys]

    def header(what: str) -> list[str]:
        return [f"| {what} | " + " | ".join(groups) + " |", "| --- |" + " ---: |" * len(groups)]

    fields = sorted(
        {k for t in total.values() for k in t if k.startswith("field ")},
        key=lambda k: -sum(t.get(k, 0) for t in total.values()),
    )
    described = "; ".join(f"{g}: {', '.join(sorted(sets)) or 'none'}" for g, sets in groups.items())
    return [
        "",
        "### Where the errors on the blind sets come from",
        "",
        "Today's extractor on the holdouts whose labels are committed and whose texts are on this machine "
        f"({described}). Each error is counted once, by the first reason that holds; score.py's matching decides "
        "what is matched.",
        "",
        *header("gold primary attacks"),
        *rows(["matched", *MISSED]),
        "",
        *header("predicted primaries that match no gold primary"),
        *rows(WRONG),
        "",
        *header("wrong field of a matched attack"),
        *[row.replace("| field ", "| ", 1) for row in rows(fields)],
    ]


def holdout_lines(
    gazetteer,
    sources: dict[str, dict[str, int]] | None = None,
    bands: dict[str, list[tuple[str, int, int]]] | None = None,
) -> list[str]:
    """Each blind holdout: its score before its errors were read (from the record), and today's score when its
    texts are on this machine (texts are never committed; from holdout 134 on the labels are, in bench/holdouts/).
    The error sources of each set with committed labels go into ``sources``, how often its fields are right at each
    confidence into ``bands``."""
    records = {h["folder"]: h for h in json.loads(FOLD_RECORD.read_text()).get("holdouts", [])}
    folders = sorted(
        {*records, *(p.name for p in ROOT.glob(".eval-holdout*") if p.is_dir())},
        key=lambda name: (len(name), name),  # .eval-holdout2 before .eval-holdout10
    )
    lines = [
        "",
        "### Blind holdouts",
        "",
        "Real articles labelled by the `SCHEMA.md` rules by a team member who never ran or read the extractor. "
        "Each was scored once **before any of its errors were read**; that figure is the one that predicts unseen "
        "reporting. Where its errors were then taught, today's figure on it is in sample. The texts are never "
        "committed; up to holdout 133 the labels were git-ignored too and only the record survives, from 134 on "
        "they are committed in `bench/holdouts/` and today's figure is measured wherever the texts have been "
        "fetched (`python -m bench.holdouts missing` lists them).",
        "",
        "| holdout | articles | before its errors were read: F1 | fields | neg_fp | background recall | now: F1 | "
        "fields |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    notes = []
    for name in folders:
        first = records.get(name)
        held = holdout_articles(ROOT / name)
        pred = _extract_all(held, gazetteer) if held else None
        now = score(pred, [a["id"] for a in held], gold_dir(ROOT / name)) if pred else None
        committed = committed_gold(ROOT / name)
        if pred and committed is not None and sources is not None:
            sources[name.removeprefix(".eval-holdout")] = error_sources(pred, committed)
        if pred and committed is not None and bands is not None:
            bands[name.removeprefix(".eval-holdout")] = calibration(pred, committed)
        if now:
            print(f"{name}: F1={now['f1']:.2f} fields={now['field_accuracy_mean']:.2f} neg_fp={now['neg_fp']}")
        before = (
            f"{first['f1']:.2f} | {first['fields']:.2f} | {first['neg_fp']} | {first['background_recall']:.2f}"
            if first
            else "not recorded | | |"
        )
        today = f"{now['f1']:.2f} | {now['field_accuracy_mean']:.2f}" if now else "texts not on this machine |"
        count = first["articles"] if first else len(held)
        lines.append(f"| `{name}` | {count} | {before} | {today} |")
        if first:
            notes.append(f"- `{name}` (scored at {first['scored_at']}): {first['note']}")
    return [*lines, "", *notes]


def gold_as_prediction(gold_dir: Path) -> Path:
    """A labeller's gold written as an extractor's output, so score.py can score one labeller against another."""
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as fh:
        for gold_file in sorted(gold_dir.glob("*.json")):
            gold = json.loads(gold_file.read_text())
            incidents = [
                {
                    **{k: i.get(k) for k in ("role", "date", "country", "weapons", "perpetrator", "claimed")},
                    **{k: i.get(k) for k in ("launched", "intercepted", "killed", "injured")},
                    "base": {"name": i["site"], "lat": i.get("lat"), "lon": i.get("lon")} if i.get("site") else None,
                }
                for i in gold["incidents"]
            ]
            fh.write(json.dumps({"id": gold["id"], "incidents": incidents}) + "\n")
    return Path(fh.name)


_AGREEMENT_PAIRS = ("second_vs_first", "first_vs_second", "extractor_vs_first", "extractor_vs_second")


def agreement(folder: Path, gazetteer) -> dict[str, dict]:
    """A holdout labelled twice: the second labeller scored against the first's gold and the first against the
    second's, and the extractor against each (the second labels in ``gold_second/``, or committed in
    ``bench/holdouts/<set>/second/``)."""
    first, second = gold_dir(folder), second_gold_dir(folder)
    held = holdout_articles(folder)
    ids = [a["id"] for a in held]
    extracted = _extract_all(held, gazetteer)
    scores = {
        "second_vs_first": score(gold_as_prediction(second), ids, first),
        "first_vs_second": score(gold_as_prediction(first), ids, second),
        "extractor_vs_first": score(extracted, ids, first),
        "extractor_vs_second": score(extracted, ids, second),
    }
    return {name: {"f1": r["f1"], "fields": r["field_accuracy_mean"]} for name, r in scores.items()}


def agreement_lines(gazetteer) -> list[str]:
    """Inter-annotator agreement on the holdouts labelled twice: today's figures where both labels are on this
    machine, else the recorded ones."""
    records = json.loads(FOLD_RECORD.read_text()).get("agreement", [])
    if not records:
        return []
    lines = [
        "",
        "### Two labellers",
        "",
        "Holdouts labelled a second time by another team member, from the same texts and publication dates, who saw "
        "neither the first labels nor the extractor's output. F1 and fields as score.py gives them with one "
        "labeller's gold as the prediction and the other's as the gold; the extractor scored against each (recorded: "
        "before the set's errors were read; where both labels are on this machine, today's extractor, in sample once "
        "the set was taught).",
        "",
        "| holdout | articles | second vs first: F1 | fields | first vs second: F1 | fields | extractor vs first: F1 "
        "| fields | extractor vs second: F1 | fields |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for record in records:
        folder = ROOT / record["folder"]
        on_machine = second_gold_dir(folder).is_dir() and holdout_articles(folder)
        figures = agreement(folder, gazetteer) if on_machine else record
        cells = " | ".join(f"{figures[k]['f1']:.2f} | {figures[k]['fields']:.2f}" for k in _AGREEMENT_PAIRS)
        lines.append(f"| `{record['folder']}` | {record['articles']} | {cells} |")
        print(f"{record['folder']} agreement: " + ", ".join(f"{k} F1={figures[k]['f1']:.2f}" for k in _AGREEMENT_PAIRS))
    return lines


def dev_lines(record: dict, last: dict, *, measured_here: bool) -> list[str]:
    """The dev set's figures: each fold before its errors were read (the record), and in sample (``last``: measured in
    this run, or the last run that had the dev texts)."""
    before = record["before_tuning"]
    mean = {key: sum(b[key] for b in before) / len(before) for key in ("f1", "fields")}
    total = last["total"]
    print(
        f"in-sample ({'this run' if measured_here else 'last measured at ' + last['version']}): F1={total['f1']:.2f} "
        f"fields={total['field_accuracy_mean']:.2f}"
    )
    print(f"scored before tuning (mean of folds): F1={mean['f1']:.2f} fields={mean['fields']:.2f}")
    where = (
        []
        if measured_here
        else [
            "",
            f"The dev texts are not on this machine: the in-sample figures below are those of the last run that had "
            f"them, with extractor version `{last['version']}` ({last['speed']} real articles per CPU-second then). "
            "The before-tuning figures are a record and need no texts.",
        ]
    )
    lines = [
        "",
        "### Accuracy: scored before tuning, and in sample",
        *where,
        "",
        "The dev set is split into five fixed folds (`../shared/eval/folds.py`). Each fold was scored with the "
        "extractor as it stood **before its errors were read** (the figure that predicts unseen articles), then "
        "its errors were taught as general skills. The in-sample figure is today's score on articles whose "
        "errors were read: it does not predict unseen articles.",
        "",
        "| fold | articles | scored before tuning: F1 | fields | in sample now: F1 | fields |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
        *[
            f"| {k} | {r['articles']} | {b['f1']:.2f} | {b['fields']:.2f} | {r['f1']:.2f} | {r['fields']:.2f} |"
            for k, (b, r) in enumerate(zip(before, last["folds"], strict=True))
        ],
        f"| **mean / all** | {total['articles']} | **{mean['f1']:.2f}** | **{mean['fields']:.2f}** | "
        f"**{total['f1']:.2f}** | **{total['field_accuracy_mean']:.2f}** |",
        "",
        record["note"],
        "",
        f"In sample, all {total['articles']} articles:",
        "",
        "| set | articles | precision | recall | F1 | fields | neg_fp | background recall |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        _row("dev (in sample)", total),
        "",
        "| field | accuracy in sample |",
        "| --- | ---: |",
        *[f"| {k} | {v:.2f} |" for k, v in total["field_accuracy"].items()],
        "",
        "### Field confidence",
        "",
        "How often a field is right at each confidence the extractor gives it (matched primary incidents, "
        "in sample; target: fields at 0.9 and above right at least 95 % of the time).",
        "",
        "| confidence | fields | right |",
        "| --- | ---: | ---: |",
        *[f"| {label} | {n} | {share:.0%} |" if n else f"| {label} | 0 | - |" for label, n, share in last["bands"]],
    ]
    for label, n, share in last["bands"]:
        print(f"confidence {label}: {n} fields, {share or 0:.0%} right")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-write", action="store_true", help="print only; leave docs/benchmarks.md alone")
    args = parser.parse_args(argv)
    gazetteer = load_gazetteer()
    articles = dev_articles()
    dev = len(articles) > 1
    held = [] if dev else [a for p in sorted(ROOT.glob(".eval-holdout*")) if p.is_dir() for a in holdout_articles(p)]
    if dev:
        measured = f"the {len(articles)} real dev articles (texts fetched into `.eval-texts/`)"
    elif held:
        measured = (
            f"the {len(held)} real blind-holdout articles whose texts are on this machine (the dev texts are absent)"
        )
        articles = held
    else:
        articles = fixture_articles()
        measured = (
            f"our {len(articles)} short fixture articles (the dev texts are absent, so this is NOT the speed on real "
            "articles)"
        )
    wall, rate = speed(articles, gazetteer)
    met = "met" if rate >= SPEED_TARGET else "NOT met"
    lines = [
        "## Extractor",
        "",
        f"Extractor version `{EXTRACTOR_VERSION}`, measured on {measured}.",
        "",
        f"- Speed: **{rate:.0f} articles per CPU-second** on one core ({wall:.0f} per wall-clock second on this "
        f"machine during the run, load average {os.getloadavg()[0]:.1f}); each article extracted repeatedly for "
        f"{SECONDS:.0f} s; the compiled gazetteer and word skeletons are kept between calls, as in a running worker, "
        "and the per-sentence memos are cleared before every article, so the figure is not a cache hit. Target ≥ "
        f"{SPEED_TARGET} real articles/s: {met}.",
    ]
    print(f"speed: {rate:.1f} articles/CPU-second ({wall:.1f}/s wall) over {measured}")
    record = json.loads(FOLD_RECORD.read_text())
    if dev and (EVAL / "score.py").exists():
        pred = _extract_all(articles, gazetteer)
        ids = [a["id"] for a in articles]
        folds = [score(pred, [i for i in ids if fold_of(i) == k]) for k in range(5)]
        last = {
            "version": EXTRACTOR_VERSION,
            "speed": round(rate),
            "folds": [{"articles": r["articles"], "f1": r["f1"], "fields": r["field_accuracy_mean"]} for r in folds],
            "total": {key: value for key, value in score(pred, ids).items() if key != "per_article"},
            "bands": [(label, n, right / n if n else None) for label, n, right in calibration(pred, EVAL / "dev")],
        }
        if not args.no_write:
            # kept, so that a machine without the dev texts still shows the last in-sample measurement
            FOLD_RECORD.write_text(json.dumps({**record, "dev_in_sample": last}, indent=2, ensure_ascii=False) + "\n")
        lines += dev_lines(record, last, measured_here=True)
    elif record.get("dev_in_sample"):
        lines += dev_lines(record, record["dev_in_sample"], measured_here=False)
    sources: dict[str, dict[str, int]] = {}
    bands: dict[str, list[tuple[str, int, int]]] = {}
    lines += holdout_lines(gazetteer, sources, bands)
    lines += error_source_lines(sources)
    lines += holdout_calibration_lines(bands)
    lines += agreement_lines(gazetteer)
    if not args.no_write:
        write_section("extractor", "\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
