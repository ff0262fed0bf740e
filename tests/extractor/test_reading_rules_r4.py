"""Reading rules added after a fourth check on unseen articles (2026.11.5). Sentences are our own."""

import pytest

from ingest.extractor import cues
from ingest.extractor.weapons import find_weapons
from tests.extractor.helpers import primaries
from tests.extractor.helpers import sorted_figures as figures

# --- interceptions without a number ---------------------------------------------------------------------


def test_pronoun_interception_takes_the_launch_count(gazetteer) -> None:
    text = (
        "Three drones were launched at Ain al-Asad air base on Friday, the Iraqi army said. "
        "Air defences at the base shot them down before they reached it."
    )
    [inc] = primaries(text, gazetteer)
    assert (inc["launched"], inc["intercepted"]) == (3, 3)


def test_definite_plural_interception(gazetteer) -> None:
    text = "Two rockets were fired at the Erbil air base on Friday. The rockets were intercepted, officials said."
    [inc] = primaries(text, gazetteer)
    assert (inc["launched"], inc["intercepted"]) == (2, 2)


def test_singular_interception_without_launch_count(gazetteer) -> None:
    text = "A drone approached Erbil airport late on Friday, officials said. Coalition forces downed the drone."
    [inc] = primaries(text, gazetteer)
    assert (inc["launched"], inc["intercepted"]) == (1, 1)


def test_partial_interception_is_not_all(gazetteer) -> None:
    text = "Two drones attacked Ain al-Asad air base on Friday. One struck a hangar and the other was shot down."
    [inc] = primaries(text, gazetteer)
    assert inc["intercepted"] != 2


def test_interception_follows_the_source_that_counted() -> None:
    assert ("intercepted", 9) in figures("Officials said 11 rockets were fired and 9 were destroyed by defences.")


def test_quoted_interception_verb() -> None:
    assert ("intercepted", 4) in figures('Four rockets aimed at the zone were "intercepted" by the system.')


# --- casualties ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The strike ended with zero casualties, the group said.",
        "The drone fell near the runway without any human or material casualties.",
    ],
)
def test_zero_casualty_wordings(text) -> None:
    assert figures(text) == [("injured", 0), ("killed", 0)]


def test_deaths_as_a_noun() -> None:
    assert ("killed", 1) in figures("Rockets hit the camp on Monday, resulting in at least one death.")


# --- claims, weapons, trends ----------------------------------------------------------------------------


def test_nobody_has_claimed_is_no_claim() -> None:
    assert cues.NO_CLAIM.search("Nobody has claimed responsibility so far.")
    assert cues.NO_CLAIM.search("No one had yet claimed the strike.")


def test_defence_system_name_is_no_weapon() -> None:
    text = "A counter-rocket, artillery and mortar system engaged the drone over the compound."
    assert {w.category for w in find_weapons(text)} == {"drone"}


def test_trend_weapons_are_habitual() -> None:
    assert cues.HABITUAL.search("Most of these attacks use rockets or one-way drones.")
    assert cues.HABITUAL.search("Militias have used rockets, drones and mortars against the bases.")


def test_counted_volley_in_present_perfect_is_news(gazetteer) -> None:
    text = (
        "Officials say at least eight rockets have targeted a military base in western Iraq that hosts US troops. "
        "The rockets struck Ain al-Asad air base at dawn on Friday, a spokesman said."
    )
    [inc] = primaries(text, gazetteer)
    assert inc["base"]["slug"] == "ain-al-asad-air-base"
    assert inc["launched"] == 8


def test_attacks_in_general_in_a_withdrawal_piece(gazetteer) -> None:
    text = (
        "Baghdad and Washington agreed on a timetable for coalition troops to leave. "
        "The deal follows months of attacks by Iran-aligned militias against US forces, which have wounded dozens. "
        "Troops will leave Ain al-Asad air base by next autumn."
    )
    assert primaries(text, gazetteer) == []
