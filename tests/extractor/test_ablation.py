"""bench.ablation: each optional rule left out in turn, and what that changes on labelled articles."""

import json
from pathlib import Path

import pytest

from bench import ablation, extractor
from ingest.extractor import pipeline

# Our own article: a state's drill near a coalition base, no attack on it (a hard negative)
DRILL = {
    "id": "neg-a0001",
    "text": (
        "Troops at Ain al-Asad air base took cover on Tuesday when Iranian missiles landed near the base, officials "
        "said. An official said two missiles fell in the desert some distance from the base as part of Iran's "
        "military exercises. No one was hurt."
    ),
    "published": "2024-03-06",
}


def _gold(folder: Path) -> Path:
    (folder / f"{DRILL['id']}.json").write_text(
        json.dumps({"id": DRILL["id"], "published": DRILL["published"], "incidents": []})
    )
    return folder


def test_leaving_out_a_rule_restores_the_pipeline_after(gazetteer) -> None:
    rules = pipeline.RULES
    drills = next(r for r in ablation.optional_rules() if r.__name__ == "drop_drills")
    with ablation.without(drills):
        assert drills not in pipeline.RULES
        assert len(pipeline.RULES) == len(rules) - 1
    assert pipeline.RULES is rules


def test_the_core_stages_are_never_left_out() -> None:
    names = {r.__name__ for r in ablation.optional_rules()}
    assert not names & ablation.CORE
    assert {"drop_drills", "background_in_strike_stories", "earlier_days_as_background"} <= names


@pytest.mark.skipif(not (extractor.EVAL / "score.py").exists(), reason="needs ../shared/eval/score.py")
def test_each_rule_is_scored_by_what_leaving_it_out_changes(gazetteer, tmp_path: Path) -> None:
    base, rows = ablation.ablation({"never read": ([DRILL], _gold(tmp_path))}, gazetteer)
    assert base["never read"].neg_fp == 0  # with every rule, the drill invents no attack
    changed = dict(rows)
    assert changed["drop_drills"]["never read"][2] == 1  # without the drill rule, one attack invented
    assert changed["one_attack_one_incident"]["never read"] == (0.0, 0.0, 0)
    table = "\n".join(ablation.lines(base, rows, {"never read": ["test"]}))
    assert "| `drop_drills` | +0.000, +0.000, +1 |" in table
