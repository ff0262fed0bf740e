"""Golden articles (written by us) with the expected subset of the extractor's output."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from ingest.extractor import extract

CASES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"
NAMES = sorted(p.stem for p in CASES.glob("*.txt"))


def _subset(expected: Any, actual: Any) -> bool:
    if isinstance(expected, dict):
        return isinstance(actual, dict) and all(_subset(v, actual.get(k)) for k, v in expected.items())
    if isinstance(expected, list) and expected and isinstance(expected[0], str):
        return sorted(expected) == sorted(actual or [])
    return expected == actual


@pytest.mark.parametrize("name", NAMES)
def test_golden_article(name: str, gazetteer) -> None:
    text = (CASES / f"{name}.txt").read_text()
    expected = json.loads((CASES / f"{name}.json").read_text())
    got = [i.to_dict() for i in extract(text, dt.date.fromisoformat(expected["published"]), gazetteer)]
    for inc in got:
        ev = inc["evidence"]
        for item in ev.values():
            assert text[item["start"] : item["end"]] == item["text"]
    if "incidents_primary" in expected:
        assert [i for i in got if i["role"] == "primary"] == expected["incidents_primary"]
        return
    for want in expected["incidents"]:
        matches = [g for g in got if _subset(want, g)]
        assert matches, f"no incident matches {want}; got {[{k: g[k] for k in list(g)[:12]} for g in got]}"
    assert len([g for g in got if g["role"] == "primary"]) == len(
        [w for w in expected["incidents"] if w["role"] == "primary"]
    )
    if expected.get("only_these"):
        # one attack, one incident: nothing beyond the incidents listed, backgrounds included
        assert len(got) == len(expected["incidents"])
