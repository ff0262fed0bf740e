"""Reading rules added after a sixth check on unseen articles (2026.11.7). Sentences are our own."""

import pytest

from ingest.extractor import cues
from ingest.extractor.counts import Figure, coordinated_count, of_the_attacked_side
from ingest.extractor.weapons import defence_spans, find_weapons
from tests.extractor.helpers import primaries
from tests.extractor.helpers import sorted_figures as figures

# --- an earlier attack named by what it did ------------------------------------------------------------------


def test_reference_clause_matches_a_relative_clause_on_an_attack() -> None:
    m = cues.REFERENCE_CLAUSE.search("He vowed to answer the deadly drone attack that killed two US soldiers in Syria.")
    assert m is not None
    assert m.group(0).endswith("in Syria.")
    assert cues.REFERENCE_CLAUSE.search("Two rockets hit the base on Friday.") is None


def test_famous_earlier_attack_in_a_relative_clause_is_background(gazetteer) -> None:
    text = (
        "Three rockets struck Ain al-Asad air base on Friday, Iraqi security sources said. "
        "The defence secretary said on Thursday that Washington would answer the suicide drone attack that killed "
        "two US soldiers at an outpost in Syria."
    )
    found = primaries(text, gazetteer)
    assert len(found) == 1
    assert found[0]["base"]["slug"] == "ain-al-asad-air-base"
    assert found[0]["killed"] is None


def test_a_relative_clause_with_its_own_day_is_still_news(gazetteer) -> None:
    text = "The drone attack that wounded four American troops on Friday hit a US base in Syria's Hasakah province."
    assert len(primaries(text, gazetteer)) == 1


# --- the toll of the other side ------------------------------------------------------------------------------


def test_militants_killed_by_a_strike_are_not_the_attacks_casualties() -> None:
    assert figures("Jets then bombed a depot used by the militia, killing two and wounding three militants.") == []
    assert figures("The strike killed four insurgents near the border.") == []


def test_casualties_in_an_airstrike_clause_belong_to_the_airstrike() -> None:
    text = "The drone came a day after airstrikes on a militia convoy near the border killed five people."
    assert [f for f in figures(text) if f[0] == "killed"] == []


def test_of_the_attacked_side_keeps_the_bases_toll() -> None:
    text = "After airstrikes last week, two rockets hit the base on Friday, wounding three soldiers."
    start = text.index("wounding")
    assert not of_the_attacked_side(text, Figure("injured", 3, start, len(text) - 1))


def test_shared_noun_gives_each_figure_its_own_number() -> None:
    assert figures("The blast at the outpost ended up killing one and injuring two soldiers.") == [
        ("injured", 2),
        ("killed", 1),
    ]


def test_strike_casualties_stay_out_of_the_militia_attack(gazetteer) -> None:
    text = (
        "A drone targeting the al-Tanf garrison was shot down on Friday. "
        "It came hours after an air raid on a militia post near Albu Kamal, killing one and wounding two fighters."
    )
    found = primaries(text, gazetteer)
    assert len(found) == 1
    assert found[0]["killed"] is None
    assert found[0]["injured"] is None


# --- coordinated people ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "count"),
    [("a boy and a woman", 2), ("a guard, a cook and an interpreter", 3), ("a soldier and two contractors", 3)],
)
def test_coordinated_count(phrase: str, count: int) -> None:
    assert coordinated_count(phrase) == count


def test_coordinated_count_leaves_numbered_lists_alone() -> None:
    assert coordinated_count("two soldiers and three contractors") is None


def test_coordinated_singular_people_are_each_counted() -> None:
    assert figures("Police said a boy and a woman were hurt when the shell landed.") == [("injured", 2)]
    assert figures("An airman and a contractor were wounded in the attack.") == [("injured", 2)]
    assert figures("The rockets fell on the camp, wounding a guard and two contractors.") == [("injured", 3)]


# --- defence systems -----------------------------------------------------------------------------------------


def test_a_defence_systems_purpose_names_no_weapon() -> None:
    text = "Staff heard the Patriot battery's defence system - built to stop incoming missiles and drones - at night."
    assert find_weapons(text) == []
    assert defence_spans(text)


def test_the_purpose_ends_with_its_clause() -> None:
    text = "The air defences, able to stop drones and rockets, engaged a rocket on Monday."
    assert [w.category for w in find_weapons(text)] == ["rocket"]


def test_a_defence_that_fires_still_tells_the_weapons() -> None:
    assert [w.category for w in find_weapons("The C-RAM system shot down two mortar rounds.")] == ["mortar"]


def test_defence_description_adds_no_weapon_to_the_attack(gazetteer) -> None:
    text = (
        "Two rockets targeted the US embassy in Baghdad on Friday, security officials said. "
        "Residents heard the embassy's C-RAM system, meant to detect and destroy incoming rockets, artillery and "
        "mortar shells, during the attack."
    )
    found = primaries(text, gazetteer)
    assert len(found) == 1
    assert found[0]["weapons"] == ["rocket"]


# --- habits told with a frequency word ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Over the past year the outposts have been sporadically shelled by rockets and drones.",
        "Coalition positions there come under occasional mortar fire.",
    ],
)
def test_frequency_words_tell_a_habit(text: str) -> None:
    assert cues.HABITUAL.search(text)


def test_a_passive_perfect_with_a_count_is_news(gazetteer) -> None:
    text = "Ain al-Asad air base has been hit by three rockets, Iraqi security officials said on Saturday."
    assert len(primaries(text, gazetteer)) == 1
