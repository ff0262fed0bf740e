"""Casualties: killed and injured figures, zero tolls, subsets, coordinated people, and whose casualties they are."""

import datetime as dt

import pytest

from ingest.extractor import cues
from ingest.extractor.casualties import casualty_figures, coordinated_count, of_the_attacked_side, toll_of_others
from ingest.extractor.types import Figure
from tests.extractor.helpers import incidents, primaries
from tests.extractor.helpers import sorted_figures as figures


def test_sum_of_casualty_list() -> None:
    text = "Five U.S. service members and one contractor were wounded when a drone hit the base."
    assert ("injured", 6) in figures(text)


def test_active_and_passive_casualties() -> None:
    assert ("injured", 7) in figures("rockets were fired at the base, injuring seven Americans.")
    assert ("killed", 3) in figures("The drone attack killed three US service members and wounded dozens of others.")


def test_no_casualties_versus_no_injuries() -> None:
    assert set(figures("The attack caused no casualties.")) == {("killed", 0), ("injured", 0)}
    assert figures("There were no injuries.") == [("injured", 0)]
    # the coalition's people only: a zero toll marked as theirs (the attack's unless it hurt others)
    assert figures("There were no US casualties.") == [("injured", 0), ("killed", 0), ("zero_of_the_coalition", 0)]


def test_one_person_casualty() -> None:
    assert ("injured", 1) in figures("A US soldier has reportedly been injured in the attack.")
    assert ("killed", 1) in figures("The strike hit the base, killing an American contractor.")
    assert ("killed", 1) not in figures("The rockets fell on the base, wounding a contractor.")
    assert ("injured", 1) not in figures("A number of soldiers were injured.")


def test_casualty_the_attack_did_not_cause() -> None:
    text = "A contractor died of a cardiac arrest, but it did not occur during one of the attacks."
    assert figures(text) == []


def test_without_resulting_in_casualties() -> None:
    text = "Two drones attacked the base without resulting in any casualties."
    assert {("killed", 0), ("injured", 0)} <= set(figures(text))


def test_a_dozen_and_reporting_verbs_in_casualty_phrases() -> None:
    assert ("injured", 12) in figures("The coalition said about a dozen additional personnel were wounded.")
    got = figures("One of the officials said four troops were badly wounded in the attack.")
    assert ("injured", 4) in got
    assert ("injured", 1) not in got


def test_one_person_treated_for_an_injury() -> None:
    text = "One US service member at Mission Support Site Conoco was treated for a minor injury and returned to duty."
    assert ("injured", 1) in figures(text)
    assert ("injured", 1) in figures("A contractor has been treated for injuries after the rockets hit.")


def test_members_of_the_coalition() -> None:
    assert ("injured", 2) in figures("The spokesman said two members of the coalition were wounded.")


def test_subsets_are_not_added() -> None:
    assert figures("The blast injured six Americans, one of them a soldier.") == [("injured", 6)]
    assert ("injured", 4) in figures("The rockets injured four people, including a contractor.")
    assert ("injured", 5) not in figures("The rockets injured four people, including a contractor.")


def test_no_troops_of_either_army_were_killed_or_wounded() -> None:
    got = set(figures("No US or Iraqi troops were killed or wounded, the statement said."))
    assert got == {("killed", 0), ("injured", 0)}


def test_elliptic_casualty_count_after_a_full_one() -> None:
    assert figures("The blast killed two guards at the outpost, and at least 12 were wounded, officials said.") == [
        ("injured", 12),
        ("killed", 2),
    ]
    # a bare number without any casualty noun in the sentence is not taken
    assert figures("Of the rockets, 12 were found, and 3 were hurt in transit.") == []


def test_quoted_casualty_phrase() -> None:
    assert ("injured", 4) in figures('Two rockets hit the camp on Friday, injuring "four soldiers", the army said.')


def test_one_person_received_injuries() -> None:
    assert ("injured", 1) in figures("A contractor at the base received light injuries from the blast, the army said.")


def test_no_injuries_deaths_or_damage_list() -> None:
    assert figures("No injuries, deaths or damage were reported at the camp.") == [("injured", 0), ("killed", 0)]
    assert figures("There were no deaths or injuries.") == [("injured", 0), ("killed", 0)]


@pytest.mark.parametrize(
    "text",
    [
        "The strike ended with zero casualties, the group said.",
        "The drone fell near the runway without any human or material casualties.",
        "The warning came in time, preventing any casualties.",
        "The alert allowed the troops to avoid any loss of life or injury.",
    ],
)
def test_zero_casualty_wordings(text) -> None:
    assert figures(text) == [("injured", 0), ("killed", 0)]


def test_a_purpose_to_prevent_casualties_is_no_toll() -> None:
    assert figures("Officials moved troops to shelters to prevent further casualties.") == []
    assert figures("The drills are aimed at preventing casualties.") == []


def test_deaths_as_a_noun() -> None:
    assert ("killed", 1) in figures("Rockets hit the camp on Monday, resulting in at least one death.")


def test_no_casualties_before_a_strike_clause(gazetteer) -> None:
    text = (
        "A rocket hit Camp Taji on Friday, the army said. "
        "Nobody was hurt and no casualties were reported, the second attack since a US airstrike on Monday."
    )
    [inc] = primaries(text, gazetteer)
    assert (inc["killed"], inc["injured"], inc["date"]) == (0, 0, "2024-03-08")


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


def test_a_modifier_never_runs_over_the_next_casualty_verb() -> None:
    # not "killed [a British medic and wounded 14 other] personnel"
    assert figures("The attack also killed a British medic and wounded 14 other coalition personnel.") == [
        ("injured", 14),
        ("killed", 1),
    ]


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


def test_also_between_the_verb_and_its_auxiliary() -> None:
    assert ("injured", 40) in figures("More than 40 service members were also injured in the attack.")


def test_losses_is_a_toll_noun() -> None:
    got = figures("Air defences brought the drone down without any losses.")
    assert ("killed", 0) in got
    assert ("injured", 0) in got


def test_groups_joined_by_and_are_one_toll() -> None:
    assert ("injured", 5) in figures("Three soldiers were wounded and two contractors were wounded.")
    got = figures("There was 1 contractor killed, 5 contractors injured, and 1 US service member injured.")
    assert ("injured", 6) in got
    assert ("killed", 1) in got


def test_material_losses_are_of_property_not_people() -> None:
    got = figures("Police said there were no deaths or material losses.")
    assert ("killed", 0) in got
    assert ("injured", 0) not in got


def test_a_toll_told_without_a_count_is_marked() -> None:
    assert ("injured_vague", 0) in figures("Several US and Iraqi service members were wounded in the attack.")
    assert ("injured_vague", 0) in figures("The blast wounded several soldiers.")
    assert figures("A number of US troops may have been injured.") == []


def test_people_named_by_their_country_and_by_the_definite_article_are_counted() -> None:
    assert figures("Two Americans and a Briton died in the barrage.") == [("killed", 3)]
    assert figures(
        "The minister mourned the two US soldiers and the British national who were killed at the camp."
    ) == [("killed", 3)]
    assert figures("Three Iraqis were wounded by shrapnel.") == [("injured", 3)]


def test_tolls_told_as_nouns_after_an_outcome_verb() -> None:
    assert figures("The attack resulted in eight injuries and minor damage.") == [("injured", 8)]
    assert figures("The blast caused two deaths and 14 injuries.") == [("injured", 14), ("killed", 2)]


def test_the_one_among_many_is_told_with_the_whole_toll() -> None:
    assert figures("The airman was one of three US troops injured in the attack on Monday.") == [("injured", 3)]
    assert figures("One of the soldiers was injured.") == [("injured", 1)]


def test_a_war_toll_beside_the_attack_is_not_its_toll() -> None:
    """Thousands are counted whole ('43,616', not 616) and are no attack's toll: the deadliest attack on a
    coalition site left 110 troops injured."""
    assert figures("Another 43,616 people have been wounded in the war as well.") == []
    assert figures("Some 1,200 troops were wounded.") == []
    assert figures("At least 34 troops were wounded.") == [("injured", 34)]


def test_an_exact_count_of_several_is_the_vague_tolls_count(gazetteer) -> None:
    """'several were injured ... at least 5 were injured': five is the toll; 'one police officer' beside 'several'
    is only a part of it."""
    text = (
        "Rockets hit Ain al-Asad air base on Monday night. Initial indications are that several US personnel "
        "were injured, the Pentagon said. An official later confirmed that at least 5 US personnel were injured."
    )
    (got,) = primaries(text, gazetteer)
    assert got["injured"] == 5
    text = (
        "Rockets hit Ain al-Asad air base on Monday night, wounding several Iraqi soldiers. "
        "One police officer was injured."
    )
    (got,) = primaries(text, gazetteer)
    assert got["injured"] is None


def test_the_toll_of_one_stray_projectile_is_not_the_attacks(gazetteer) -> None:
    text = (
        "Rockets hit Ain al-Asad air base on Monday night, where two rockets fell inside the perimeter. "
        "A third rocket fell on a nearby village without causing any damage or casualties."
    )
    (got,) = primaries(text, gazetteer)
    assert (got["killed"], got["injured"]) == (None, None)
    text = (
        "Rockets hit Ain al-Asad air base on Monday night. The rockets fell in an empty field, causing no casualties."
    )
    (got,) = primaries(text, gazetteer)
    assert (got["killed"], got["injured"]) == (0, 0)


def test_a_part_named_after_the_whole_is_not_added_to_it() -> None:
    assert figures("The drone injured 40 people, five Americans among them, on Sunday.") == [("injured", 40)]
    assert figures("The blast wounded two soldiers and three contractors.") == [("injured", 5)]


def test_lives_lost_and_a_superlatives_earlier_event(gazetteer) -> None:
    """'who lost their lives' is a death toll; the toll after 'the deadliest ... since' is the earlier event's."""
    assert figures("The three US soldiers who lost their lives were named on Monday.") == [("killed", 3)]
    text = (
        "A drone killed three US soldiers at Tower 22 on Sunday. "
        "It is the deadliest assault on U.S. service members since 13 Americans were killed in Kabul."
    )
    (got,) = primaries(text, gazetteer, dt.date(2024, 1, 29))
    assert got["killed"] == 3


def test_a_toll_told_after_the_campaigns_running_totals_is_theirs(gazetteer) -> None:
    # Once the story moves to the campaign's totals ("have been targeted 38 times"), the next toll is the campaign's
    text = (
        "Two drones were shot down near Erbil airport on Tuesday, the Kurdistan security service said. "
        "No casualties resulted from the attack, a Pentagon spokesperson said. "
        "US forces have been targeted at least 38 times since October 17 in repeated attacks, the spokesperson added. "
        "At least 46 personnel sustained minor injuries, he said."
    )
    (attack,) = primaries(text, gazetteer, dt.date(2023, 11, 7))
    assert (attack["base"]["slug"], attack["killed"], attack["injured"]) == ("erbil-air-base", 0, 0)


def test_the_toll_of_a_states_strike_named_with_a_possessive_is_not_the_attacks(gazetteer) -> None:
    text = (
        "Rockets struck Ain al-Asad air base on Saturday. The attack appeared to answer Israel's strikes, earlier "
        "that day, in Syria that killed five officers."
    )
    (attack,) = primaries(text, gazetteer, dt.date(2024, 1, 24))
    assert attack["killed"] is None


def test_a_toll_told_with_the_day_it_stood_at_and_the_attacks_setting(gazetteer) -> None:
    """Modelled on follow-ups of the Tower 22 strike: the toll 'as of Monday', in 'the deadly attack that came
    after months of similar strikes on bases' - a day the count stood at, and a habit that is the attack's setting."""
    text = (
        "Three US soldiers were killed when a drone struck Tower 22 in Jordan on Sunday, the Pentagon said.\n"
        "The soldiers served with an engineer company based in Georgia, a spokeswoman said on Monday.\n"
        "She said that, as of Monday, more than 40 service members were injured in the deadly attack that came "
        "after months of similar strikes on bases that house US troops in Syria and Iraq."
    )
    got = incidents(text, gazetteer, published=dt.date(2024, 3, 12))
    assert [(i["role"], i["base"]["slug"], i["injured"]) for i in got] == [("primary", "tower-22", 40)]


def test_a_running_count_of_the_toll_is_the_toll() -> None:
    assert figures(
        "The number of troops diagnosed with brain injuries after the missile attack on the base has now risen to 64, "
        "the Pentagon said."
    ) == [("injured", 64)]
    assert figures("The death toll from the drone strike rose to three on Tuesday.") == [("killed", 3)]
    # a count of attacks is no toll
    assert figures("The number of attacks on US forces has risen to 150, the Pentagon said.") == []


def test_people_treated_for_or_diagnosed_with_injuries_are_injured() -> None:
    assert figures("Eight US troops were treated for injuries after the drone attack.") == [("injured", 8)]
    assert figures("As of Monday, 64 troops have been diagnosed with mild traumatic brain injury.") == [("injured", 64)]
    assert figures("More than 30 service members were treated for concussions, officials said.") == [("injured", 30)]
    # care given for something else, or an examination, is no toll
    assert figures("Eight US troops were treated for heat exhaustion at the base.") == []
    assert figures("Three US soldiers were evaluated for concussions after the attack.") == []


def test_nobody_hurt_in_any_tense_of_the_passive() -> None:
    assert set(figures("The government said no one had been killed or injured in the attack.")) == {
        ("killed", 0),
        ("injured", 0),
    }
    assert figures("Officials said no one has been hurt.") == [("injured", 0)]


def test_no_injuries_as_a_result_of_these_attacks_is_their_toll(gazetteer) -> None:
    text = (
        "A drone attacked the coalition base at Erbil International Airport on Sunday, the counter-terrorism "
        "service said.\n"
        "Security officials have reported no injuries as a result of these attacks."
    )
    (got,) = primaries(text, gazetteer, published=dt.date(2024, 1, 1))
    assert got["injured"] == 0


def test_attackers_killed_by_the_defenders_are_not_the_attacks_toll(gazetteer) -> None:
    text = (
        "Seventeen rockets landed near Qayyarah air base on Friday, causing no casualties among the troops. Security "
        "forces fired back at the launch site, killing three Daesh members."
    )
    (got,) = primaries(text, gazetteer, published=dt.date(2019, 11, 9))
    assert got["killed"] == 0


def test_no_one_of_the_people_a_toll_counts() -> None:
    assert ("injured", 0) in figures("No U.S. service members have been reported injured.")
    assert ("killed", 0) in figures("No contractors were killed.")


def test_a_part_of_the_toll_between_commas() -> None:
    assert ("injured", 9) in figures("Nine others, including a US soldier, were injured.")


def test_one_zero_a_field_in_each_item_of_a_semicolon_list() -> None:
    found = figures("A drone hit X, with no reported casualties; drones hit Y, causing no injuries.")
    assert found.count(("injured", 0)) == 2
    assert found.count(("killed", 0)) == 1


def test_a_zero_toll_of_the_coalition_only_is_marked() -> None:
    text = "No casualties were reported among U.S. troops."
    assert [f.field for f in casualty_figures(text) if f.value == 0] == ["injured", "killed", "zero_of_the_coalition"]
    assert not [f for f in casualty_figures("No casualties were reported.") if f.field == "zero_of_the_coalition"]


@pytest.mark.parametrize(
    "text",
    ["The salvo did not result in any American casualties.", "No US casualties.", "No coalition injuries."],
)
def test_a_zero_toll_whose_noun_names_the_coalitions_people(text: str) -> None:
    # the coalition's people as the toll noun's modifier: a zero toll, said of them only
    zeros = {f.field for f in casualty_figures(text) if f.value == 0}
    assert "injured" in zeros
    assert "zero_of_the_coalition" in zeros


def test_a_toll_of_partner_forces_is_told_apart() -> None:
    text = "The drone attack killed six allied Kurdish fighters late Sunday."
    assert [f.value for f in casualty_figures(text) if toll_of_others(text, f)] == [6]
    text = "The attack killed two US soldiers."
    assert not [f for f in casualty_figures(text) if toll_of_others(text, f)]


def test_a_toll_told_by_its_update() -> None:
    # "The Pentagon on Monday raised the injured toll to at least 40"
    assert ("injured", 40) in figures("The Pentagon on Monday raised the injured toll to at least 40, with a warning.")
    assert ("killed", 4) in figures("Officials revised the death toll to four on Tuesday.")


def test_an_injury_toll_broken_down_by_place_is_not_summed() -> None:
    text = (
        "the injuries have been spread across locations, with at least 32 individuals affected at the al-Tanf base, "
        "13 at the al-Asad base, and one in Erbil"
    )
    assert figures(text) == [("injured", 1), ("injured", 13), ("injured", 32)]
    # a tally of attacks by place counts no one hurt
    assert figures("There have been 60 attacks, with 25 in Iraq and 35 in Syria.") == []


def test_a_number_of_untold_size_counts_no_one() -> None:
    assert ("injured", 1) not in figures("An unspecified number of other civilians were wounded.")
    assert ("injured", 1) not in figures("The blast wounded an undisclosed number of troops.")


def test_people_treated_after_the_attack_are_injured() -> None:
    assert ("injured", 2) in figures("Two service members had been treated after the attack and returned to duty.")
    assert figures("Four service members are being evaluated for possible concussions.") == []


def test_a_count_of_the_hurt_is_a_word_of_its_own() -> None:
    # the last letter of "Syria" is no article: no one counted
    text = "A recent drone attack in Syria has left several U.S. service members with minor injuries."
    assert [f for f in figures(text) if f[0] == "injured"] == []
    assert ("injured", 2) in figures("Two soldiers suffered minor injuries.")


def test_a_quoted_modifier_of_the_toll() -> None:
    assert figures("Rockets hit the base, causing two \u201cminor\u201d injuries.") == [("injured", 2)]
    assert figures("The drone struck the base, resulting in four 'light' injuries.") == [("injured", 4)]


def test_the_rest_of_the_toll_after_another() -> None:
    text = "Two soldiers have been killed and another nine wounded in a rocket attack on the base."
    assert figures(text) == [("injured", 9), ("killed", 2)]


def test_the_people_left_out_of_the_rest_of_the_toll() -> None:
    # "wounded over 40 more": the rest of the toll after the dead, its people left out
    assert figures("The drone killed two reservists and wounded over 40 more at the outpost.") == [
        ("injured", 40),
        ("killed", 2),
    ]
    assert figures("The blast hit the barracks, killing one soldier and injuring more than 25 more troops.") == [
        ("injured", 25),
        ("killed", 1),
    ]
    # "two more landed": a count of projectiles, no toll
    assert figures("Four rockets were fired and two more landed nearby.") == [("launched", 4)]


def test_a_reported_toll_without_its_noun() -> None:
    assert figures("The command confirmed late on Monday that at least 18 were wounded.") == [("injured", 18)]
    # without a report, a bare count told apart from any casualty noun is still not taken
    assert figures("Of the rockets, 12 were found, and 3 were hurt in transit.") == []


def test_a_zero_toll_of_either_incident_is_each_attacks(gazetteer) -> None:
    text = (
        "A drone hit Camp Taji on Friday, the army said. "
        "Hours later, rockets struck Balad Air Base, officials said. "
        "No one was hurt in either incident, the officials added."
    )
    tolls = {i["base"]["slug"]: (i["killed"], i["injured"]) for i in primaries(text, gazetteer)}
    assert tolls == {"camp-taji": (None, 0), "balad-air-base": (None, 0)}


def test_a_toll_that_first_reports_do_not_show_is_zero() -> None:
    text = "Early information did not indicate any damage, injuries or casualties, the ministry said."
    assert figures(text) == [("injured", 0), ("killed", 0)]
    assert figures("The first reports do not show injuries among the troops.") == [("injured", 0)]
    assert figures("The video does not show the drone hitting the base.") == []


def test_casualties_avoided_are_none() -> None:
    assert figures("The early warning helped avoid casualties.") == [("injured", 0), ("killed", 0)]
    assert figures("The crews sheltered in bunkers and avoided injuries.") == [("injured", 0)]
    # a purpose, not an outcome
    assert figures("Troops took cover to avoid casualties.") == []


def test_the_toll_after_an_attack_placed_by_the_hour_is_its_own(gazetteer) -> None:
    text = (
        "A drone struck Camp Taji on Friday, the army said. "
        "The attack came an hour after a supply flight landed at the camp. "
        "No casualties were reported."
    )
    [inc] = primaries(text, gazetteer)
    assert (inc["killed"], inc["injured"]) == (0, 0)


def test_the_toll_of_the_attack_this_one_follows_is_not_its_own(gazetteer) -> None:
    text = (
        "Rockets struck Camp Taji on Friday, the army said. "
        "The strike on the camp follows a bombing attack on a police post in Diyala. "
        "The attack killed two soldiers."
    )
    [inc] = primaries(text, gazetteer)
    assert inc["killed"] is None


def test_headlines_under_a_link_marker_tell_no_toll(gazetteer) -> None:
    text = "Rockets struck Camp Taji on Friday, the army said.\n\nMore Stories\nTwo Soldiers Killed in Mosul Ambush\n"
    [inc] = primaries(text, gazetteer)
    assert inc["killed"] is None


def test_a_death_of_a_medical_cause_is_no_toll() -> None:
    # a death the body's own failing caused ("heart attack", "cardiac arrest") was no wound of the attack
    assert figures("A mechanic was killed when he suffered a heart attack in the bunker.") == []
    assert figures("During a false alarm at the base, a contractor died from a cardiac arrest.") == []
    # a clause of its own keeps the attack's toll
    assert ("killed", 2) in figures("The rockets killed two soldiers; a guard later suffered a heart attack.")


def test_the_toll_of_the_coalitions_answer_is_the_strikes() -> None:
    # the enemy the answer hit, and the toll of the airstrikes as the subject of their own verb
    assert figures("US forces struck back with helicopters, resulting in three enemy fighters killed.") == []
    assert figures("The airstrikes targeted a militia depot, wounding a guard.") == []
    # a militia's attack told between the strike and the toll keeps its toll
    assert ("injured", 2) in figures("US airstrikes came after militias targeted the base, wounding two soldiers.")


def test_a_toll_told_as_hearsay_in_the_infinitive() -> None:
    # "were reported to have sustained": the toll's verb after a hearsay infinitive
    assert ("injured", 2) in figures("Two American sailors were reported to have sustained light injuries.")
    assert ("injured", 3) in figures("Three soldiers were said to have suffered injuries.")


def test_a_toll_denied_is_no_toll_and_no_attack_denied(gazetteer) -> None:
    # denying reports of casualties leaves the attack told and its toll at zero
    for denial in (
        "The official dismissed reports of casualties or damage as false.",
        "The official denied reports of casualties.",
        "The ministry denied any casualties.",
        "Officials rejected claims of casualties among US troops.",
    ):
        [found] = primaries(f"A drone attacked Erbil airport on Saturday. {denial}", gazetteer, dt.date(2021, 9, 12))
        assert (found["base"]["slug"], found["killed"], found["injured"]) == ("erbil-air-base", 0, 0), denial
    # denying reports that the base was hit still denies the attack
    assert cues.DENIAL.search("The coalition denied reports that the base was hit.")


def test_a_units_name_and_an_additional_count_are_read_as_told(gazetteer) -> None:
    # the number in a unit's name is a word of the name; "an additional 34" counts 34, the article is not one
    text = (
        "On Sunday, three US soldiers from the Army Reserve's 718 Engineer Company were killed at the Tower 22 "
        "outpost in Jordan. An additional 34 soldiers were wounded, some with brain injuries."
    )
    (got,) = primaries(text, gazetteer, dt.date(2024, 1, 30))
    assert (got["killed"], got["injured"]) == (3, 34)


@pytest.mark.parametrize(
    ("denied", "toll"),
    [
        ("The attack did not injure any personnel, a spokesman said.", (None, 0)),
        ("The barrage didn't hurt anyone, officials said.", (None, 0)),
        ("The strike did not harm anybody, the embassy said.", (0, 0)),
        ("The attack has not killed any US troops, the Pentagon said.", (0, None)),
    ],
)
def test_a_toll_denied_by_the_attacks_own_verb_is_a_zero(gazetteer, denied: str, toll: tuple) -> None:
    text = f"Three rockets struck near the US embassy in Baghdad early on Sunday. {denied}"
    (got,) = primaries(text, gazetteer, dt.date(2020, 2, 16))
    assert (got["killed"], got["injured"]) == toll


@pytest.mark.parametrize(
    "none",
    [
        '"There are no victims in the attack carried out by two armed drones," the statement said.',
        "The rockets caused no victims, police said.",
        "The blast left no victims, according to the airport's director.",
    ],
)
def test_no_victims_is_a_zero_toll(gazetteer, none: str) -> None:
    text = f"Two armed drones attacked Erbil airport on Saturday. {none}"
    (attack,) = primaries(text, gazetteer)
    assert (attack["killed"], attack["injured"]) == (0, 0)
