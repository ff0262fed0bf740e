"""Vocabulary tables become the patterns' alternatives: every word is found, dots stay dots."""

import re

import pytest

from ingest.extractor import cues, vocabulary
from ingest.extractor.vocabulary import words
from tests.extractor.helpers import sorted_figures as figures


def test_words_matches_each_phrase_as_written() -> None:
    pattern = re.compile(rf"^{words(['U.S.', 'United States', 'US'])}$", re.I)
    assert pattern.match("U.S.")
    assert pattern.match("United   States")  # any run of spaces between the words
    assert not pattern.match("UxSx")  # a dot is a dot


def test_longest_phrase_wins() -> None:
    assert re.match(words(["shot", "shot down"]), "shot down").group(0) == "shot down"


@pytest.mark.parametrize(
    ("cue", "table"),
    [
        (cues.ATTACK, vocabulary.ATTACK_WORDS),
        (cues.SHIPPING, vocabulary.SHIPPING),
    ],
    ids=["attack", "shipping"],
)
def test_every_word_of_a_table_is_read_by_its_cue(cue, table) -> None:
    for word in table:
        assert cue.search(f"Officials said {word} near the site."), word


@pytest.mark.parametrize("noun", vocabulary.PERSON)
def test_every_person_noun_is_counted_in_a_toll(noun) -> None:
    assert ("injured", 1) in figures(f"A {noun} was wounded in the attack.")
