"""The extractor benchmark reads each blind holdout as it was scored."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from bench import extractor, holdouts
from bench.extractor import agreement, agreement_lines, gold_as_prediction, holdout_articles
from ingest.extractor.cli import load_gazetteer


def _gold(folder: Path, article_id: str, published: str | None) -> None:
    (folder / "gold").mkdir(parents=True, exist_ok=True)
    (folder / "texts").mkdir(exist_ok=True)
    (folder / "gold" / f"{article_id}.json").write_text(json.dumps({"id": article_id, "published": published}))
    (folder / "texts" / f"{article_id}.txt").write_text("date 2024-01-02\nRockets hit the base.")


def test_a_holdout_is_read_from_its_scored_input_when_there_is_one(tmp_path: Path) -> None:
    _gold(tmp_path, "neg-h0001", None)  # the page gave no date; the input scored gave it one
    (tmp_path / "input.jsonl").write_text(
        json.dumps({"id": "neg-h0001", "text": "Rockets hit the base.", "published": "2024-01-01"}) + "\n"
    )
    assert holdout_articles(tmp_path) == [
        {"id": "neg-h0001", "text": "Rockets hit the base.", "published": "2024-01-01"}
    ]


def test_without_an_input_a_holdout_is_read_from_its_gold_and_texts(tmp_path: Path) -> None:
    _gold(tmp_path, "iq-h0001", "2024-01-02")
    assert holdout_articles(tmp_path) == [
        {"id": "iq-h0001", "text": "Rockets hit the base.", "published": "2024-01-02"}
    ]


def _labels(folder: Path, name: str, killed: int | None) -> None:
    (folder / name).mkdir(parents=True, exist_ok=True)
    incident = {
        "role": "primary",
        "date": "2024-01-01",
        "site": "Ain al-Asad Air Base",
        "lat": 33.7856,
        "lon": 42.4412,
        "country": "Iraq",
        "weapons": ["rocket"],
        "launched": 2,
        "intercepted": None,
        "killed": killed,
        "injured": None,
        "perpetrator": None,
        "claimed": False,
    }
    (folder / name / "iq-h0001.json").write_text(
        json.dumps({"id": "iq-h0001", "published": "2024-01-02", "incidents": [incident]})
    )
    (folder / name / "neg-h0002.json").write_text(
        json.dumps({"id": "neg-h0002", "published": "2024-01-02", "incidents": []})
    )


def test_a_labellers_gold_reads_as_an_extractor_output(tmp_path: Path) -> None:
    _labels(tmp_path, "gold", killed=0)
    lines = [json.loads(line) for line in gold_as_prediction(tmp_path / "gold").read_text().splitlines()]
    assert [line["id"] for line in lines] == ["iq-h0001", "neg-h0002"]
    (incident,) = lines[0]["incidents"]
    assert incident["base"] == {"name": "Ain al-Asad Air Base", "lat": 33.7856, "lon": 42.4412}
    assert (incident["role"], incident["date"], incident["weapons"], incident["launched"], incident["killed"]) == (
        "primary",
        "2024-01-01",
        ["rocket"],
        2,
        0,
    )
    assert lines[1]["incidents"] == []


def test_recorded_agreement_is_shown_where_the_second_labels_are_not_on_the_machine(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    figures = {name: {"f1": 0.96, "fields": 0.93} for name in extractor._AGREEMENT_PAIRS}
    record = tmp_path / "record.json"
    record.write_text(json.dumps({"agreement": [{"folder": ".eval-holdout7", "articles": 14, **figures}]}))
    monkeypatch.setattr(extractor, "FOLD_RECORD", record)
    monkeypatch.setattr(extractor, "ROOT", tmp_path)
    lines = agreement_lines(gazetteer=None)
    assert "| `.eval-holdout7` | 14 | 0.96 | 0.93 | 0.96 | 0.93 | 0.96 | 0.93 | 0.96 | 0.93 |" in lines


@pytest.mark.skipif(not (extractor.EVAL / "score.py").exists(), reason="needs ../shared/eval/score.py")
def test_each_labeller_is_scored_against_the_other(tmp_path: Path) -> None:
    _labels(tmp_path, "gold", killed=0)
    _labels(tmp_path, "gold_second", killed=None)  # the second labeller read no toll
    (tmp_path / "input.jsonl").write_text(
        "\n".join(
            json.dumps({"id": i, "text": "Two rockets hit Ain al-Asad air base on Monday.", "published": "2024-01-02"})
            for i in ("iq-h0001", "neg-h0002")
        )
        + "\n"
    )
    figures = agreement(tmp_path, load_gazetteer())
    assert figures["second_vs_first"]["f1"] == figures["first_vs_second"]["f1"] == 1.0
    assert figures["second_vs_first"]["fields"] == figures["first_vs_second"]["fields"] == pytest.approx(8 / 9)
    assert set(figures) == set(extractor._AGREEMENT_PAIRS)


# Committed labels (bench/holdouts/): our annotations travel with the project, the article texts never do.

ARTICLE = "Posted 2024-01-08 09:15:02. Two rockets struck the western edge of the airbase late on Sunday, officials say"


def _labeller_folder(root: Path, set_name: str, note: str, query: str | None = "rockets airbase sunday") -> Path:
    folder = root / f".eval-holdout{set_name}"
    _gold(folder, "iq-h9901", "2024-01-08")
    gold = {
        "id": "iq-h9901",
        "url": "https://example.org/news/1",
        "query": query,
        "published": "2024-01-08",
        "published_basis": "the page's stamp: 2024-01-08 09:15:02",
        "incidents": [{"role": "primary", "date": "2024-01-07", "note": note}],
        "notes": "",
    }
    (folder / "gold" / "iq-h9901.json").write_text(json.dumps(gold))
    (folder / "texts" / "iq-h9901.txt").write_text(ARTICLE)
    return folder


@pytest.fixture
def committed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    target = tmp_path / "bench_holdouts"
    monkeypatch.setattr(holdouts, "COMMITTED", target)
    monkeypatch.setattr(holdouts, "ROOT", tmp_path)
    return target


def test_a_sentence_of_a_note_that_repeats_the_article_is_left_out_of_the_commit(
    tmp_path: Path, committed: Path
) -> None:
    note = "Two rockets struck the western edge of the airbase. The labeller read the count from the lead."
    holdouts.export(_labeller_folder(tmp_path, "901", note))
    (incident,) = json.loads((committed / "901" / "iq-h9901.json").read_text())["incidents"]
    assert incident["note"] == "The labeller read the count from the lead."


def test_a_date_stamp_shared_with_the_article_is_a_fact_not_wording(tmp_path: Path, committed: Path) -> None:
    holdouts.export(_labeller_folder(tmp_path, "902", "A note."))
    gold = json.loads((committed / "902" / "iq-h9901.json").read_text())
    assert gold["published_basis"] == "the page's stamp: 2024-01-08 09:15:02"
    assert gold["query"] == "rockets airbase sunday"
    assert gold["url"] == "https://example.org/news/1"


def test_a_label_without_the_query_that_finds_its_page_is_refused(tmp_path: Path, committed: Path) -> None:
    with pytest.raises(ValueError, match="query"):
        holdouts.export(_labeller_folder(tmp_path, "903", "A note.", query=None))
    assert not list(committed.glob("*/*.json"))


def test_committed_labels_are_read_with_the_fetched_texts_and_the_rest_listed_to_fetch(
    tmp_path: Path, committed: Path
) -> None:
    folder = _labeller_folder(tmp_path, "904", "A note.")
    holdouts.export(folder)
    (folder / "gold" / "iq-h9901.json").unlink()  # a fresh clone has only the committed copy
    assert holdout_articles(folder) == [{"id": "iq-h9901", "text": ARTICLE, "published": "2024-01-08"}]
    assert holdouts.missing() == []
    (folder / "texts" / "iq-h9901.txt").unlink()
    assert holdouts.missing() == [
        {
            "path": ".eval-holdout904/texts/iq-h9901.txt",
            "url": "https://example.org/news/1",
            "query": "rockets airbase sunday",
        }
    ]


SCHEMA_WEAPONS = {"rocket", "drone", "missile", "mortar", "ied", "small_arms", "unknown"}


def test_a_publication_known_to_its_month_is_handed_over_as_the_middle_of_it() -> None:
    assert extractor.publication_day("2023-11") == "2023-11-15"
    assert extractor.publication_day("2023") == "2023-07-01"
    assert extractor.publication_day("2023-11-02") == "2023-11-02"


@pytest.mark.parametrize("path", sorted(holdouts.COMMITTED.glob("*/*.json")), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_each_committed_label_can_find_its_article_and_follows_the_schema(path: Path) -> None:
    gold = json.loads(path.read_text())
    assert gold["id"] == path.stem
    assert gold["url"].startswith("http")
    assert gold["query"].strip()
    # a page dated only to its month is labelled so, and handed to the extractor as the middle of that month
    dt.date.fromisoformat(extractor.publication_day(gold["published"]))
    for incident in gold["incidents"]:
        assert incident["role"] in {"primary", "background"}
        assert set(incident.get("weapons") or []) <= SCHEMA_WEAPONS
        for count in ("launched", "intercepted", "killed", "injured"):
            assert incident.get(count) is None or (isinstance(incident[count], int) and incident[count] >= 0)


def test_a_second_labellers_labels_are_committed_beside_the_first_and_read_from_there(
    tmp_path: Path, committed: Path
) -> None:
    folder = _labeller_folder(tmp_path, "905", "A note.")
    (folder / "gold_second").mkdir()
    second = {"id": "iq-h9901", "published": "2024-01-08", "incidents": [], "notes": "Read as no attack."}
    (folder / "gold_second" / "iq-h9901.json").write_text(json.dumps(second))
    holdouts.export(folder)
    assert json.loads((committed / "905" / "second" / "iq-h9901.json").read_text()) == second
    assert holdouts.second_gold_dir(folder) == committed / "905" / "second"
    assert [p.name for p in holdouts.gold_dir(folder).glob("*.json")] == ["iq-h9901.json"]


def _attack(role: str, site: str | None, lat: float | None, lon: float | None, killed: int | None = None) -> dict:
    return {
        "role": role,
        "date": "2024-01-01",
        "site": site,
        "lat": lat,
        "lon": lon,
        "country": "Iraq",
        "weapons": ["rocket"],
        "launched": None,
        "intercepted": None,
        "killed": killed,
        "injured": None,
        "perpetrator": None,
        "claimed": False,
    }


def _found(role: str, name: str | None, lat: float | None, lon: float | None, killed: int | None = None) -> dict:
    base = {"name": name, "lat": lat, "lon": lon} if name else None
    return {**_attack(role, None, None, None, killed), "base": base}


ASAD, TAJI, ERBIL = (
    ("Ain al-Asad Air Base", 33.7856, 42.4412),
    ("Camp Taji", 33.5217, 44.2567),
    (
        "Erbil Air Base (Erbil International Airport)",
        36.2376,
        43.9632,
    ),
)


@pytest.mark.skipif(not (extractor.EVAL / "score.py").exists(), reason="needs ../shared/eval/score.py")
def test_error_sources_tell_why_each_primary_was_missed_or_wrong(tmp_path: Path) -> None:
    gold = {
        # matched, with one wrong field; a second gold primary told only as background
        "iq-h0001": [_attack("primary", *ASAD, killed=1), _attack("primary", *TAJI)],
        # the site's words unresolved: the prediction has no base
        "iq-h0002": [_attack("primary", *ERBIL)],
        # an old attack the gold tells as background, predicted as the news
        "iq-h0003": [_attack("background", *TAJI)],
        # a hard negative with an invented attack
        "neg-h0004": [],
        # not found at all
        "iq-h0005": [_attack("primary", *ASAD)],
    }
    pred = {
        "iq-h0001": [_found("primary", *ASAD, killed=0), _found("background", *TAJI)],
        "iq-h0002": [_found("primary", None, None, None)],
        "iq-h0003": [_found("primary", *TAJI)],
        "neg-h0004": [_found("primary", *ERBIL)],
        "iq-h0005": [],
    }
    (tmp_path / "gold").mkdir()
    for article_id, incidents in gold.items():
        (tmp_path / "gold" / f"{article_id}.json").write_text(json.dumps({"id": article_id, "incidents": incidents}))
    lines = "\n".join(json.dumps({"id": k, "incidents": v}) for k, v in pred.items())
    (tmp_path / "pred.jsonl").write_text(lines + "\n")
    assert extractor.error_sources(tmp_path / "pred.jsonl", tmp_path / "gold") == {
        "matched": 1,
        "field killed": 1,
        "told, but as background": 1,
        "told, but with no site (the site's words unresolved)": 1,
        "with no site": 1,  # the same unplaced prediction, as a wrong one
        "an attack the gold tells as background": 1,
        "in a hard negative (no attack on a site)": 1,
        "not found": 1,
    }
    # apart for the sets never read and those taught from
    # (900 stands for a set never read: no round teaches from it)
    table = "\n".join(extractor.error_source_lines({"134": {"not found": 2}, "900": {"not found": 3}}))
    assert "| not found | 3 | 2 |" in table


def test_field_confidence_on_the_blind_sets_is_pooled_apart_for_the_never_read_and_the_taught() -> None:
    bands = {
        # 134 was taught from (the record's taught_holdouts); 900 and 901 stand for sets never read
        "134": [("below 0.7 (marked for review)", 2, 1), ("0.7 to 0.9", 10, 9), ("0.9 and above", 20, 20)],
        "900": [("below 0.7 (marked for review)", 1, 0), ("0.7 to 0.9", 4, 3), ("0.9 and above", 10, 9)],
        "901": [("below 0.7 (marked for review)", 0, 0), ("0.7 to 0.9", 4, 4), ("0.9 and above", 10, 10)],
    }
    taught = set(json.loads(extractor.FOLD_RECORD.read_text())["taught_holdouts"])
    assert "134" in taught
    assert not {"900", "901"} & taught
    table = "\n".join(extractor.holdout_calibration_lines(bands))
    assert "| never read: fields | right | taught (in sample): fields | right |" in table
    assert "| 0.9 and above | 20 | 95% | 20 | 100% |" in table
    assert "| below 0.7 (marked for review) | 1 | 0% | 2 | 50% |" in table
    assert extractor.holdout_calibration_lines({}) == []


def test_without_the_dev_texts_the_last_in_sample_measurement_is_shown_as_such() -> None:
    record = json.loads(extractor.FOLD_RECORD.read_text())
    last = {
        "version": "1999.1.1",
        "speed": 40,
        "folds": [{"articles": 2, "f1": 0.5, "fields": 0.25}] * 5,
        "total": {
            "articles": 10,
            "precision": 0.5,
            "recall": 0.5,
            "f1": 0.5,
            "field_accuracy_mean": 0.25,
            "neg_fp": 1,
            "background_recall": None,
            "field_accuracy": {"date": 0.25},
        },
        "bands": [["0.9 and above", 4, 0.75], ["below 0.7 (marked for review)", 0, None]],
    }
    text = "\n".join(extractor.dev_lines(record, last, measured_here=False))
    assert "not on this machine" in text
    assert "`1999.1.1`" in text
    assert "| 0 | 2 | " in text  # each fold's before-tuning record beside its last in-sample figure
    assert "| dev (in sample) | 10 | 0.50 | 0.50 | 0.50 | 0.25 | 1 | n/a |" in text
    assert "| 0.9 and above | 4 | 75% |" in text
    measured = "\n".join(extractor.dev_lines(record, last, measured_here=True))
    assert "not on this machine" not in measured
