"""Who acts and who is hit: a state's forces as the object of an attack, a state's own strike, targets that are
not coalition sites, and attacks told as a practice rather than as one event."""

import datetime as dt

from ingest.extractor import cues
from ingest.extractor.roles import _ANSWERED_AT_ONCE
from tests.extractor.helpers import primaries


def test_forces_an_attack_is_aimed_at_are_its_object_not_the_actor() -> None:
    assert not cues.OTHER_ACTOR.search(
        "A one-way drone launched against U.S. and coalition forces struck the garrison on Monday."
    )
    assert not cues.OTHER_ACTOR.search("Two rockets fired at American troops struck the Erbil air base.")
    assert not cues.OTHER_ACTOR.search("Attacks on the US forces conducted by the militias have grown.")
    # the forces as the subject stay a state's strike, however the sentence opens
    assert cues.OTHER_ACTOR.search("U.S. forces struck 85 targets in Iraq and Syria.")
    assert cues.OTHER_ACTOR.search("On Tuesday, US forces struck a depot near al-Qaim.")
    assert cues.OTHER_ACTOR.search("Turkish forces attacked an agricultural company in the village.")


def test_a_state_asked_to_answer_for_the_attack_is_its_actor() -> None:
    assert cues.OTHER_ACTOR.search("Iraq calls on Turkey to apologize for attack on Sulaymaniyah airport")
    assert cues.OTHER_ACTOR.search("The ministry asked Turkey to apologise for the drone strike.")
    assert cues.OTHER_ACTOR.search("Baghdad held Turkey fully responsible for the attack on the airport.")
    assert not cues.OTHER_ACTOR.search("Iraq asked the militias to stop firing at the airport.")


def test_an_attack_declared_on_civil_infrastructure_has_another_target() -> None:
    assert cues.OTHER_TARGET.search(
        "Drones targeted fuel tanks at the Kuwait International Airport in an attack on critical infrastructure."
    )
    assert cues.OTHER_TARGET.search("He described it as a direct strike on vital infrastructure.")
    # a zero toll names no target
    assert not cues.OTHER_TARGET.search("There were no injuries or damage to infrastructure, the official said.")


def test_groups_named_by_what_they_do_tell_a_practice() -> None:
    assert cues.PRACTICE.search("The Iran-backed groups launching rockets at our Embassy are a danger to Iraq.")
    assert cues.PRACTICE.search("Militia groups targeting American forces rely on cheap drones.")
    assert cues.PRACTICE.search("The factions firing rockets at the Green Zone answer to Tehran.")


def test_the_launchers_of_a_projectile_are_no_practice(gazetteer) -> None:
    # "a drone launched by militias targeting the base": what targets the base is the drone, and the toll told
    # after that sentence is its attack's
    text = (
        "A drone was downed over Erbil airport on Tuesday night, the Kurdish counter-terrorism service said. "
        '"At 21:10, an explosive drone launched by outlaw militias targeting the coalition base at Erbil airport was '
        'brought down," its statement said. There were no casualties or material damage.'
    )
    [found] = primaries(text, gazetteer, dt.date(2024, 2, 6))
    assert (found["base"]["slug"], found["killed"], found["injured"]) == ("erbil-air-base", 0, 0)


def test_a_campaign_begun_against_plural_targets_is_a_practice() -> None:
    assert cues.PRACTICE.search("Iranian-aligned groups began attacking US military bases in Iraq and Syria.")
    assert cues.PRACTICE.search("The militants started attacking warships and merchant vessels in mid-November.")
    # one volley under way, not a campaign
    assert not cues.PRACTICE.search("The militants began firing rockets at the base at 9 pm.")


def test_attacks_going_on_in_the_present_are_a_trend() -> None:
    assert cues.PRACTICE.search("Meanwhile, rocket attacks continue against bases housing US forces.")
    assert cues.PRACTICE.search("It is important to take a serious stance as these attacks continue.")
    assert not cues.PRACTICE.search("The attack continued for two hours, the official said.")


def test_a_self_defense_strike_answers_the_fire_at_once() -> None:
    assert _ANSWERED_AT_ONCE.search(
        "U.S. forces conducted a self-defense strike in response to mortar and rocket fire targeting their position."
    )
    assert _ANSWERED_AT_ONCE.search(
        "A coalition jet destroyed a rocket launcher in self-defense after reports of a failed rocket attack."
    )
    # a retaliation named without self-defence answers an earlier attack
    assert not _ANSWERED_AT_ONCE.search(
        "The US launched airstrikes on seven facilities in response to a drone attack on Tower 22."
    )


def test_another_states_military_named_as_the_target_is_another_target() -> None:
    assert cues.OTHER_TARGET.search("It launched a drone attack on an Israeli military target in the Golan Heights.")
    assert cues.OTHER_TARGET.search('On Saturday, the group also struck a "vital" Israeli target in the same area.')
    assert cues.OTHER_TARGET.search("Our fighters attacked a military target in the occupied Golan Heights.")
    assert not cues.OTHER_TARGET.search("The group said it targeted a US base in Syria with drones.")
    # the coalition's bases among the targets keep the attack
    assert not cues.OTHER_TARGET.search("Drones targeted Turkish and US bases in northern Iraq.")
    assert not cues.OTHER_TARGET.search("Drones attacked US and Turkish bases in northern Iraq.")


def test_a_headlines_present_with_a_state_targeting_its_object_is_a_strike() -> None:
    assert cues.OTHER_ACTOR.search("Turkey targets PKK hideouts in northern Iraq")
    assert cues.OTHER_ACTOR.search("US Military Targets Kataib Hezbollah Sites")
    # "US targets" as a noun: the coalition's sites, hit by others
    assert not cues.OTHER_ACTOR.search("US Targets In Syria Hit By Rockets")
    assert not cues.OTHER_ACTOR.search("Rockets hit US targets in Iraq")


def test_a_states_drone_airstrike_is_its_strike() -> None:
    assert cues.OTHER_ACTOR.search("He was killed in a US drone airstrike outside Baghdad airport.")
    assert cues.OTHER_ACTOR.search("a US drone air strike on the convoy")
