"""Patterns that skip text which cannot match them.

Most sentences hold none of the words a cue is looking for, yet a large alternation (``HABITUAL``, ``TALLY``,
the casualty phrasings) is tried at every character of every sentence. ``compile`` reads a pattern's syntax tree
once and finds the *required words*: a set of strings of which every possible match contains at least one
("claim", "responsib" for a claim cue). ``Pattern.search`` first checks, with plain substring tests on the
case-folded text, that one of them occurs, and runs the regular expression only then.

The skip is exact, never a heuristic: a string that holds none of the required words cannot match, so results
are the same as ``re.compile``'s. A pattern with no required word (it can match digits or any word) is run as it
is. ``tests/extractor/test_prefilter.py`` checks the analysis on constructed patterns and, on every sentence of
our golden articles, that each gated pattern matches only where its gate lets it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from re import _constants as C
from re import _parser as sre_parse
from typing import Any

# Below this length a required word is found in almost every sentence: the gate would cost and save nothing.
_MIN_WORD = 3

# A character of the sentence a pattern reads on in: no stop but an abbreviation's point ("U.S. forces", "the U.S.
# Embassy compound"), followed by no space or by a lower-case word
IN_SENTENCE = r"(?:[^.;]|\.(?=\S|\s+[a-z]))"

_last: tuple[str, str] = ("", "")


def _folded(text: str) -> str:
    """``text.casefold()``, remembered for the last text: a sentence is read by dozens of patterns in a row.
    One tuple, replaced whole, so threads never pair one text with another's folding."""
    global _last
    last = _last
    if last[0] is text:
        return last[1]
    folded = text.casefold()
    _last = (text, folded)
    return folded


Words = frozenset[str] | None  # None: no requirement can be stated


def _best(a: Words, b: Words) -> Words:
    """The more selective of two requirements (longest shortest word, then fewest words)."""
    if a is None:
        return b
    if b is None:
        return a
    return max(a, b, key=lambda w: (min(map(len, w)), -len(w)))


def required_words(seq: Any, ignore_case: bool) -> Words:
    """Strings of which every match of the parsed sequence ``seq`` contains at least one, or None."""
    best: Words = None
    run: list[str] = []

    def close_run() -> None:
        nonlocal best, run
        if run:
            best = _best(best, frozenset({"".join(run)}))
            run = []

    for op, arg in seq:
        if op is C.LITERAL:
            run.append(chr(arg).casefold())
            continue
        close_run()
        if op is C.SUBPATTERN:
            _group, add_flags, del_flags, sub = arg
            case = (ignore_case or bool(add_flags & re.I)) and not del_flags & re.I
            best = _best(best, required_words(sub, case))
        elif op is C.BRANCH:
            alternatives = [required_words(alt, ignore_case) for alt in arg[1]]
            if all(alt is not None for alt in alternatives):
                best = _best(best, frozenset().union(*alternatives))  # type: ignore[arg-type]
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            low, _high, sub = arg
            if low >= 1:
                best = _best(best, required_words(sub, ignore_case))
        elif op is C.ATOMIC_GROUP:
            best = _best(best, required_words(arg, ignore_case))
        # anything else (classes, anchors, look-arounds, back-references) ends a run and requires nothing
    close_run()
    if best is not None and min(map(len, best)) < _MIN_WORD:
        return None
    return _minimal(best) if best is not None else None


def _minimal(words: frozenset[str]) -> frozenset[str]:
    """The same requirement with fewer words: a word that contains another of the set adds nothing (a text
    holding 'attacked' holds 'attack')."""
    return frozenset(w for w in words if not any(o != w and o in w for o in words))


class Pattern:
    """A compiled regular expression behind a required-word gate; the methods the extractor uses, same results."""

    __slots__ = ("_gate", "_re", "_words", "flags", "pattern", "words")

    def __init__(self, compiled: re.Pattern[str]) -> None:
        self._re = compiled
        self.pattern = compiled.pattern
        self.flags = compiled.flags
        self.words = required_words(sre_parse.parse(compiled.pattern, compiled.flags), bool(compiled.flags & re.I))
        self._words = tuple(sorted(self.words, key=len)) if self.words is not None else ()
        self._gate: tuple[str | None, bool] = (None, True)

    def could_match(self, text: str) -> bool:
        if self.words is None:
            return True
        last = self._gate
        if last[0] is text:  # the same sentence asked again (another span of it, another rule)
            return last[1]
        found = any(map(_folded(text).__contains__, self._words))
        self._gate = (text, found)  # replaced whole: threads never pair one text with another's answer
        return found

    def search(self, text: str, pos: int = 0, endpos: int = 2**62) -> re.Match[str] | None:
        return self._re.search(text, pos, endpos) if self.could_match(text) else None

    def match(self, text: str, pos: int = 0, endpos: int = 2**62) -> re.Match[str] | None:
        return self._re.match(text, pos, endpos) if self.could_match(text) else None

    def fullmatch(self, text: str, pos: int = 0, endpos: int = 2**62) -> re.Match[str] | None:
        return self._re.fullmatch(text, pos, endpos) if self.could_match(text) else None

    def finditer(self, text: str, pos: int = 0, endpos: int = 2**62) -> Iterator[re.Match[str]]:
        return self._re.finditer(text, pos, endpos) if self.could_match(text) else iter(())

    def findall(self, text: str, pos: int = 0, endpos: int = 2**62) -> list[Any]:
        return self._re.findall(text, pos, endpos) if self.could_match(text) else []

    def sub(self, repl: Any, text: str, count: int = 0) -> str:
        return self._re.sub(repl, text, count) if self.could_match(text) else text

    def split(self, text: str, maxsplit: int = 0) -> list[str]:
        return self._re.split(text, maxsplit) if self.could_match(text) else [text]

    def __repr__(self) -> str:
        return f"prefilter.compile({self.pattern[:40]!r}…, words={sorted(self.words) if self.words else None})"


def compile(pattern: str, flags: int = 0) -> Pattern:
    return Pattern(re.compile(pattern, flags))
