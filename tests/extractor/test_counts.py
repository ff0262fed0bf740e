import datetime as dt

import pytest

from ingest.extractor import cues
from ingest.extractor.counts import best_low_high
from tests.extractor.helpers import primaries
from tests.extractor.helpers import sorted_figures as figures


def test_launched_and_intercepted_of_which() -> None:
    assert figures("The base was targeted with three rockets, two of which were shot down.") == [
        ("intercepted", 2),
        ("launched", 3),
    ]


def test_vague_or_partial_figures_are_not_counts() -> None:
    assert figures("Several personnel were wounded.") == [("injured_vague", 0)]  # a toll, but no count
    assert figures("Three other rockets fell near the base.") == []
    assert figures("A drone attack hit the base.") == []


def test_best_is_highest() -> None:
    assert best_low_high([3, 2]) == (3, 2, 3)
    assert best_low_high([]) == (None, None, None)


def test_partitive_intercept() -> None:
    assert ("intercepted", 1) in figures("One of the drones was shot down.")
    assert ("intercepted", 2) in figures("Two of the rockets were intercepted by air defences.")


def test_no_attempt_to_intercept_is_zero() -> None:
    assert ("intercepted", 0) in figures("There was no effort to shoot down the incoming drone.")


def test_count_of_attacks_is_not_a_launch_count() -> None:
    assert ("launched", 2) not in figures("Four soldiers were hurt in two separate drone attacks on the base.")


def test_diverted_rocket_is_intercepted() -> None:
    assert ("intercepted", 1) in figures("One of the rockets was diverted by the defence system.")


def test_interception_verbs_and_long_subjects() -> None:
    assert figures("Air defences thwarted three drones over the camp.") == [("intercepted", 3), ("launched", 3)]
    text = "Two drones heading for the coalition camp near the airport after midnight were neutralised."
    assert figures(text) == [("intercepted", 2), ("launched", 2)]
    # another verb in between: the number belongs to the launch only
    assert figures("Two drones were launched at the base and one was shot down.") == [("launched", 2)]
    # others told apart: the interception count is not the launch count
    assert ("launched", 1) not in figures("One drone was downed, while another struck a hangar.")


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


@pytest.mark.parametrize("verb", ["struck down", "brought down", "knocked down"])
def test_more_interception_verbs(verb: str) -> None:
    found = figures(f"Air defences {verb} four drones over the base.")
    assert ("intercepted", 4) in found
    assert ("launched", 4) in found


def test_a_count_whose_noun_is_left_out_after_the_verb() -> None:
    got = figures("Fourteen missiles were launched at the base, but air defences intercepted 13.")
    assert ("intercepted", 13) in got
    assert ("launched", 14) in got


def test_an_interception_told_as_a_noun() -> None:
    got = figures("Forces announced the interception and destruction of an explosive-laden drone.")
    assert ("intercepted", 1) in got
    assert ("launched", 1) in got


def test_a_number_word_joined_to_a_word_is_no_count() -> None:
    assert ("launched", 3) in figures("Three \u201cone-way\u201d drones attacked the garrison.")
    assert ("launched", 1) not in figures("Three \u201cone-way\u201d drones attacked the garrison.")


def test_two_modifiers_sharing_a_hyphen_stand_between_a_count_and_its_projectiles() -> None:
    # "short- and medium-range": one modifier pair, not two things counted
    assert ("launched", 12) in figures("Iran fired about 12 short- and medium-range ballistic missiles at the base.")


def test_a_drone_launched_at_a_base_is_counted() -> None:
    assert ("launched", 1) in figures("A drone launched at the base was shot down.")


def test_an_interception_told_in_the_base_form() -> None:
    got = figures("Air defence managed to engage the drone and bring it down, the source said.")
    assert ("intercepted_all", 1) in got


def test_dozens_and_lower_bounds() -> None:
    assert figures("More than two dozen Katyusha rockets hit Camp Taji on Saturday.") == [("launched", 24)]
    assert figures("More than 20 rockets hit the base.") == [("launched", 20)]


def test_rockets_never_fired_are_no_count() -> None:
    assert figures("The army recovered seven rocket launchers and 24 unused rockets nearby.") == []


def test_most_if_not_all_is_no_count_of_interceptions() -> None:
    got = figures("Three rockets were fired. Most if not all of the rockets were apparently destroyed mid-air.")
    assert ("intercepted_all", 0) not in got


def test_interceptions_denied_doubted_or_told_of_the_whole_volley() -> None:
    """'did not intercept' is none stopped; 'these drones were neutralized' is every one of them; an interception
    in question ('whether the drone was intercepted') tells nothing; 'shot down one of the drones' is one."""
    assert figures("It is unclear why the air defences did not intercept the drone.") == [("intercepted", 0)]
    assert figures("The battery could not stop the drone before it hit the hangar.") == [("intercepted", 0)]
    assert figures("These drones were neutralized far from the base.") == [("intercepted_all", 0)]
    assert figures("Officials would not say whether the drone was intercepted.") == []
    assert figures("Defences shot down one of the drones, while the other hit an empty hangar.") == [
        ("intercepted", 1),
        ("launched", 2),
    ]


def test_the_volley_aimed_at_a_base_is_counted_though_it_was_stopped(gazetteer) -> None:
    """'three drones attempting to strike the base' were launched: their aim is no hypothesis."""
    text = (
        "US air defences stopped a drone over al-Tanf garrison on Monday. "
        "A source said the forces downed three drones attempting to strike the al-Tanf base."
    )
    (got,) = primaries(text, gazetteer)
    assert (got["launched"], got["intercepted"]) == (3, 3)


def test_a_drone_named_alone_is_one_launched(gazetteer) -> None:
    text = "The group said it used a drone to strike the Ain al-Asad air base on Friday."
    (got,) = primaries(text, gazetteer)
    assert got["launched"] == 1
    text = "A drone attack hit the Ain al-Asad air base on Friday."  # the attack's kind, not its count
    (got,) = primaries(text, gazetteer)
    assert got["launched"] is None


def test_a_volley_at_two_bases_is_neither_bases_count(gazetteer) -> None:
    text = (
        "The Pentagon said 109 troops were diagnosed with brain injuries after the Jan. 8 missile attack on the "
        "Ain al-Asad air base. Iran launched 16 missiles at two Iraqi airbases that night."
    )
    (got,) = primaries(text, gazetteer)
    assert (got["launched"], got["injured"]) == (None, 109)


def test_a_projectile_named_outside_an_attack_is_no_count(gazetteer) -> None:
    text = (
        "Militia channels celebrated the drone attacks on al-Tanf garrison on Wednesday. "
        "Another poster showed a drone next to a US flag."
    )
    (got,) = primaries(text, gazetteer)
    assert got["launched"] is None


def test_a_sentence_opening_with_the_whole_counts_it() -> None:
    assert figures("Of 12 rockets fired, two landed inside the base, a spokesman said.") == [("launched", 12)]
    assert figures("Out of nine drones launched, six were shot down.") == [("intercepted", 6), ("launched", 9)]
    # a part taken from a whole told elsewhere is no count of the launch
    assert figures("Two of the rockets landed inside the base.") == []


def test_an_apposition_in_the_subject_of_an_interception(gazetteer) -> None:
    text = (
        "A drone, identified as armed, was intercepted and shot down by US air defences near Ain al-Asad air base "
        "on Monday."
    )
    (got,) = primaries(text, gazetteer, published=dt.date(2024, 1, 1))
    assert (got["launched"], got["intercepted"]) == (1, 1)
    # a clause of its own between commas still ends the subject
    assert ("intercepted", 2) not in figures("Two drones, which were launched at dawn, and one was shot down.")


def test_the_day_of_a_date_counts_nothing() -> None:
    assert figures("On Dec. 3 rockets hit the base.") == []
    assert figures("NOV. 9 - Drones targeted US troops in Iraq.") == []
    assert figures("On 3 December three rockets hit the base.") == [("launched", 3)]


def test_where_between_the_interception_verb_and_its_object() -> None:
    assert figures("US forces on Sunday shot down in Syria's northeast a drone that approached the base.") == [
        ("intercepted", 1),
        ("launched", 1),
    ]
    assert figures("Air defences downed over Erbil two drones on Monday.") == [("intercepted", 2), ("launched", 2)]


def test_rockets_reported_to_have_fallen_are_counted(gazetteer) -> None:
    # "have fallen" tells the attack as "fell" does, so the sentence's count is the attack's
    assert cues.ATTACK.search("At least two rockets are reported to have fallen in the Green Zone.")
    text = (
        "Rockets land near US Embassy in Baghdad's Green Zone on August 16\n"
        "At least two Katyusha rockets are reported to have fallen in Baghdad's Green Zone on Sunday, August 16. "
        "The indirect fire landed in the vicinity of the US Embassy."
    )
    (attack,) = primaries(text, gazetteer, published=dt.date(2020, 8, 16))
    assert attack["launched"] == 2


def test_intact_projectiles_recovered_were_never_fired() -> None:
    assert figures("Forces recovered eight intact missiles from the vehicle the attack was launched from.") == []
    assert figures("Forces said five rockets hit the base and three intact rockets were found.") == [("launched", 5)]


def test_people_held_for_firing_are_no_launch_count() -> None:
    # the count before "for firing rockets" counts the men arrested, not the rockets
    assert ("launched", 3) not in figures("Police arrested three men for firing rockets at the base.")
    assert ("launched", 3) in figures("Militants fired three rockets at the base.")


def test_all_but_a_few_of_a_total_told_after_them() -> None:
    assert ("intercepted", 15) in figures(
        "Air defenses were able to intercept all but two of around 17 ballistic missiles and rockets."
    )
    assert ("intercepted", 4) in figures("The defences shot down all but two of the six drones.")


def test_a_phrasal_interception_verb_split_by_its_object() -> None:
    text = "A drone approached the base, and the troops managed to shoot the drone down."
    assert cues.ATTACK.search(text) is not None
    assert ("intercepted_all", 1) in figures(text)


def test_part_of_a_counted_whole_intercepted() -> None:
    # the counted whole is the launch, the part the interception
    text = "Three of the eight drones launched at the base overnight were shot down by air defences."
    assert figures(text) == [("intercepted", 3), ("launched", 8)]
    assert figures("Two of the rockets fired were intercepted.") == [("intercepted", 2)]


def test_an_interception_over_another_country_is_not_the_attacks(gazetteer) -> None:
    text = (
        "Two drones struck Al-Harir air base in northern Iraq on Friday. "
        "Later, three missiles were intercepted over Qatar. "
        "A group said it shot down a US drone off the coast of Yemen."
    )
    [attack] = primaries(text, gazetteer)
    assert (attack["weapons"], attack["launched"], attack["intercepted"]) == (["drone"], 2, None)


def test_a_countrys_own_total_is_not_the_bases(gazetteer) -> None:
    text = (
        "Missiles struck Camp Arifjan on Monday, officials said. "
        "Kuwait said it had shot down 30 missiles launched against it this week."
    )
    [inc] = primaries(text, gazetteer)
    assert (inc["launched"], inc["intercepted"]) == (None, None)


def test_a_first_reports_zero_toll_gives_way_to_people_later_told_hurt(gazetteer) -> None:
    corrected = (
        "Rockets hit Ain al-Asad air base on Tuesday. Officials initially said no one was hurt, but a later "
        "statement said two troops were wounded."
    )
    assert [(p["killed"], p["injured"]) for p in primaries(corrected, gazetteer)] == [(None, 2)]
    counted_later = (
        "Rockets hit Ain al-Asad air base on Tuesday. Citing initial reports, a spokesman said there were no "
        "casualties. A contractor was lightly wounded, an official said later."
    )
    assert [(p["killed"], p["injured"]) for p in primaries(counted_later, gazetteer)] == [(None, 1)]
    # a first report nothing corrects stands
    kept = "Rockets hit Ain al-Asad air base on Tuesday, with no casualties reported initially."
    assert [(p["killed"], p["injured"]) for p in primaries(kept, gazetteer)] == [(0, 0)]


def test_an_article_before_a_weapon_in_the_plural_counts_no_launch() -> None:
    # "an attack using rockets": the article is the attack's, the rockets uncounted
    assert figures("Militants launched an attack using rockets on the base.") == []
    assert figures("They mounted a heavy assault using unmanned aerial vehicles.") == []
    # a singular weapon after its article is one
    assert figures("A rocket hit the base.") == [("launched", 1)]


def test_a_counted_part_of_the_projectiles_downed_is_no_whole_volley() -> None:
    # "13 of the projectiles were shot down": 13 stopped, not every one fired
    assert figures("He said 13 of the projectiles were shot down by air defences but two fell on the base.") == [
        ("intercepted", 13)
    ]
    assert figures("Thirteen of the missiles were brought down.") == [("intercepted", 13)]
    assert figures("Some of the projectiles were shot down.") == []
    assert figures("The projectiles were shot down.") == [("intercepted_all", 0)]


def test_parts_of_a_volley_told_one_by_one_add_up() -> None:
    # "two of the rockets ..., while another ...": at least three were fired
    assert ("launched", 3) in figures(
        "Two of the rockets fell inside the embassy compound, while another hit near the coalition base."
    )
    assert ("launched", 3) not in figures("Two of the rockets fell inside the compound, and another attack followed.")
