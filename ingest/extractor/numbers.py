"""Numbers written in digits or words: '14', '2,500', 'three', 'twenty-five', 'a pair of'."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.extractor import prefilter

UNITS = {
    "zero": 0, "no": 0, "one": 1, "a": 1, "an": 1, "single": 1, "lone": 1, "two": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {"dozen": 12, "hundred": 100, "thousand": 1000}  # "two dozen rockets" is 24
IDIOMS = {
    "a pair of": 2, "a dozen": 12, "both": 2, "twin": 2, "a couple of": 2,
    # half of a dozen, however written: "half a dozen rockets", "a half-dozen drones"
    "half a dozen": 6, "a half dozen": 6, "half dozen": 6,
}  # fmt: skip
# Spelled numerals only ("a", "single", "no" also count in UNITS but are no numerals to list in a pattern).
_NUMERALS = {w: v for w, v in UNITS.items() if w not in {"a", "an", "single", "lone", "no"}}


def numerals(low: int, high: int) -> str:
    """A regular-expression alternation of the spelled numbers from ``low`` to ``high``: numerals(2, 4) matches
    'two', 'three' or 'four'. Patterns that take a small count written out use this, not a list of their own."""
    found = sorted((w for w, v in _NUMERALS.items() if low <= v <= high), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(found) + ")"


# Quantities too vague to count; they block a neighbouring figure from being read as exact.
VAGUE = frozenset({"several", "multiple", "dozens", "scores", "hundreds", "many", "numerous", "some", "few", "other"})
# The least some vague quantities mean ("dozens" are two dozen at least): a smaller exact figure is a part of them
LEAST_OF_VAGUE = {"dozens": 24, "scores": 40, "hundreds": 200}

_WORD = "|".join(sorted([*UNITS, *TENS, *SCALES], key=len, reverse=True))
_NUMBER = prefilter.compile(
    # "BM-21", "Fateh-110", "MQ-9": a model designator, not a count
    r"(?<![\w.,])(?<![A-Za-z]-)"
    r"(?:(?P<idiom>(?:a\s+)?half(?:\s+a|\s+|-)\s*dozen|a pair of|a dozen|a couple of|both|twin)"
    r"|(?P<digits>\d{1,3}(?:,\d{3})+|\d+)(?![\w.,]?\d)"
    # "one-way drones", "a two-seater": a number word joined to another word makes an adjective, not a count
    rf"|(?P<words>(?:{_WORD})(?:(?:-|\s+|\s+and\s+)(?:{_WORD}))*)(?!-[A-Za-z]))(?![\w])",
    re.I,
)


@dataclass(frozen=True)
class NumberMention:
    value: int
    start: int  # offsets within the string searched
    end: int
    text: str


def words_to_int(words: str) -> int | None:
    """'twenty-five' -> 25, 'one hundred and two' -> 102, 'seven' -> 7; None if not a number."""
    total = current = 0
    seen = False
    last = ""
    for w in re.split(r"[\s-]+", words.lower().strip()):
        if w in {"and", ""}:
            continue
        if w in UNITS:
            if last in {"unit", "teen"}:
                return None  # "two one" is two numbers
            current += UNITS[w]
            last = "teen" if UNITS[w] >= 10 else "unit"
        elif w in TENS:
            if last in {"unit", "teen", "tens"}:
                return None
            current += TENS[w]
            last = "tens"
        elif w in SCALES:
            last = "scale"
            current = max(current, 1) * SCALES[w]
            if SCALES[w] >= 1000:
                total += current
                current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def parse_number(text: str) -> int | None:
    """A whole string as one number, or None."""
    text = re.sub(r"[\s-]+", " ", text.strip().lower())
    if text in IDIOMS:
        return IDIOMS[text]
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", text):
        return int(text.replace(",", ""))
    return words_to_int(text)


# Four digits from 1900 to 2099 written without a separator: a year, never a count of projectiles or people
_YEAR = re.compile(r"(?:19|20)\d\d")


def find_numbers(text: str) -> list[NumberMention]:
    """Every number in ``text``. 'a'/'an'/'no' are included; callers decide whether they count."""
    out = []
    for m in _NUMBER.finditer(text):
        raw = m.group(0)
        if _YEAR.fullmatch(raw):
            continue  # "In 2018 rockets targeted the consulate": a year counts nothing
        value = parse_number(raw)
        if value is None and m.group("words"):
            raw = re.split(r"[\s-]+", raw)[0]
            value = parse_number(raw)
        if value is None:
            continue
        # "one and two" is two numbers, not three
        if m.group("words") and re.search(r"\band\b", raw) and not re.search(r"hundred|thousand", raw, re.I):
            first = raw.split()[0]
            value = parse_number(first)
            if value is None:
                continue
            out.append(NumberMention(value, m.start(), m.start() + len(first), first))
            continue
        out.append(NumberMention(value, m.start(), m.start() + len(raw), raw))
    return out
