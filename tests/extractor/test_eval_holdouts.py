"""The extractor benchmark reads each blind holdout as it was scored."""

from __future__ import annotations

import json
from pathlib import Path

from bench.extractor import holdout_articles


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
