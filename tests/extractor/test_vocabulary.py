"""Vocabulary tables become the patterns' alternatives: every word is found, dots stay dots."""

import re

import pytest

from ingest.extractor import cues, vocabulary
from ingest.extractor.vocabulary import words
from tests.extractor.helpers import primaries
from tests.extractor.helpers import sorted_figures as figures


def test_words_matches_each_phrase_as_written() -> None:
    pattern = re.compile(rf"^{words(['U.S.', 'United States', 'US'])}$", re.I)
    assert pattern.match("U.S.")
    assert pattern.match("United   States")  # any run of spaces between the words
    assert not pattern.match("UxSx")  # a dot is a dot


def test_longest_phrase_wins() -> None:
    match = re.match(words(["shot", "shot down"]), "shot down")
    assert match is not None
    assert match.group(0) == "shot down"


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


@pytest.mark.parametrize("verb", vocabulary.OWN_ATTACK_VERBS)
def test_every_deed_of_a_group_is_read_as_its_claim(verb) -> None:
    assert cues.CLAIM.search(f"The faction said its fighters {verb} the base at dawn."), verb
    assert cues.CLAIM.search(f"A spokesman for the movement said the group had {verb} the airport."), verb


@pytest.mark.parametrize("noun", vocabulary.GROUP_FIGHTERS)
def test_every_name_a_group_gives_its_men_makes_a_claim(noun) -> None:
    assert cues.CLAIM.search(f"The group said on Sunday that its {noun} targeted the base."), noun


@pytest.mark.parametrize("verb", vocabulary.TREND_VERBS)
def test_every_trend_verb_is_a_habit(verb) -> None:
    assert cues.HABITUAL.search(f"Attacks on US forces have {verb} since October."), verb


@pytest.mark.parametrize("noun", vocabulary.TALLY_NOUNS)
def test_every_tally_noun_counts_attacks(noun) -> None:
    assert cues.TALLY.search(f"Militias have carried out 150 {noun} on US forces."), noun


@pytest.mark.parametrize("place", vocabulary.ELSEWHERE_BOUND)
def test_every_destination_elsewhere_marks_projectiles_bound_past_a_site(place) -> None:
    assert cues.OTHER_TARGET.search(f"Two drones en route to {place} were shot down over the base.")


@pytest.mark.parametrize("word", vocabulary.PROJECTILES)
def test_no_projectile_attempting_to_strike_is_a_hypothesis(word) -> None:
    assert not cues.HYPOTHETICAL.search(f"Forces downed the {word} attempting to strike the base.")
    assert cues.HYPOTHETICAL.search("Militants were attempting to strike the base.")


@pytest.mark.parametrize(
    "text",
    [
        "Eleven missiles smashed into Ain al-Asad air base on Tuesday.",
        "A drone smashes into a hangar at Harir air base, officials say.",
        "Two rockets smashing into the US embassy compound in Baghdad set a car on fire on Tuesday.",
    ],
)
def test_smashing_into_a_site_is_an_attack(gazetteer, text: str) -> None:
    assert len(primaries(text, gazetteer)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Militias said they had bombed the US base at Harir with drones on Friday.",
        "Unknown attackers bombed the coalition base at al-Shaddadi overnight, a monitor said.",
        "The Conoco gas field, which hosts US troops, was bombed by drones on Friday.",
    ],
)
def test_bombing_a_site_is_an_attack(gazetteer, text: str) -> None:
    assert len(primaries(text, gazetteer)) == 1
