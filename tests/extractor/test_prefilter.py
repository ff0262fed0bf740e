"""The required-word gate in front of the extractor's patterns never changes what they find."""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import pytest

import ingest.extractor
from ingest.extractor import prefilter
from ingest.extractor.sentences import parse, split_sentences

ARTICLES = Path(__file__).resolve().parent.parent / "fixtures" / "articles"


@pytest.mark.parametrize(
    ("pattern", "flags", "words"),
    [
        (r"\bclaim(?:ed|s)?\s+responsibility\b", 0, {"responsibility"}),
        (r"kill|dead|wound", re.I, {"kill", "dead", "wound"}),
        (r"Rocket(?:s)?", re.I, {"rocket"}),  # case-folded, like the text it is tested on
        (r"\b(?:shot|brought)\s+\w+", 0, {"shot", "brought"}),
        (r"\b(?:shot|brought)\s+down\b", 0, {"down"}),  # the more selective requirement
        (r"(?:\d+|several)\s+rockets", 0, {"rockets"}),  # the required part after an open alternative
        (r"(?:attack(?:ed)?){1,3}", 0, {"attack"}),  # repeated at least once
        (r"(?:attack)?\s+base", 0, {"base"}),  # optional parts require nothing
        (r"\d+|several", 0, None),  # one branch can match with no word at all
        (r"(?<=US )base(?!s)", 0, {"base"}),  # look-arounds require nothing of the match
        (r"\bat\b", 0, None),  # too short to be worth a gate
        (r"attacked|attacks|attack", 0, {"attack"}),  # a word holding another adds nothing
    ],
)
def test_required_words(pattern: str, flags: int, words: set[str] | None) -> None:
    compiled = prefilter.compile(pattern, flags)
    assert (set(compiled.words) if compiled.words is not None else None) == words


def test_gate_skips_only_text_that_cannot_match() -> None:
    cue = prefilter.compile(r"\bclaim(?:ed|s)?\s+responsibility\b", re.I)
    assert cue.search("The group CLAIMED Responsibility on Telegram.")
    assert cue.search("No one was hurt.") is None
    assert list(cue.finditer("no word here")) == []
    assert cue.sub("X", "nothing to replace") == "nothing to replace"
    assert cue.sub("X", "they claimed responsibility") == "they X"


def _extractor_patterns() -> list[tuple[str, prefilter.Pattern]]:
    found = []
    for info in pkgutil.iter_modules(ingest.extractor.__path__):
        module = importlib.import_module(f"ingest.extractor.{info.name}")
        for name, value in vars(module).items():
            values = value if isinstance(value, tuple) else (value,)
            for v in values:
                if isinstance(v, tuple):
                    v = next((x for x in v if isinstance(x, prefilter.Pattern)), None)
                if isinstance(v, prefilter.Pattern):
                    found.append((f"{info.name}.{name}", v))
    return found


def test_every_extractor_pattern_is_gated_exactly_on_the_golden_articles() -> None:
    """On every sentence of our golden articles, a pattern that matches is one its gate lets through."""
    patterns = _extractor_patterns()
    assert len(patterns) > 100  # the modules' patterns, not an empty list
    gated = [(name, p) for name, p in patterns if p.words is not None]
    assert len(gated) > 60
    sentences = [s.text for txt in sorted(ARTICLES.glob("*.txt")) for s in split_sentences(parse(txt.read_text()))]
    matched = 0
    for name, p in gated:
        for text in sentences:
            if p._re.search(text) is not None:
                matched += 1
                assert p.could_match(text), f"{name} matches {text!r} but its gate {sorted(p.words or ())} skips it"
    assert matched > 500
