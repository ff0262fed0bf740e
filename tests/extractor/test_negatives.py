"""Not an attack report: tallies, trends and habits, commentary, attacks in general, foiled plots, other actors."""

import datetime as dt

import pytest

from ingest.extractor import cues
from ingest.extractor.events import _after_a_told_attack, _attacks_in_general, _habitual
from tests.extractor.helpers import incidents, primaries


def test_group_described_as_mainly_iran_backed_is_not_a_habit() -> None:
    text = "The Islamic Resistance in Iraq, a coalition of mostly Iran-aligned factions, said it struck the base."
    assert not cues.HABITUAL.search(text)
    assert cues.HABITUAL.search("Rockets mostly landed in empty desert, as they often do.")


def test_counts_of_attacks_over_time_are_tallies() -> None:
    text = "Officials blame the militia for at least six drone attacks on U.S. forces since May."
    assert cues.TALLY.search(text)
    assert cues.TALLY.search("The strike marks the 31st recorded attack on coalition sites this month.")
    assert cues.TALLY.search("The faction has carried out numerous attacks on U.S. troops.")
    assert not cues.TALLY.search("The base faced several attacks on Sunday night.")
    assert not cues.TALLY.search("The base came under many attacks on Sunday night.")


def test_commentary_on_attacks_in_general_is_not_an_attack() -> None:
    assert cues.COMMENTARY.search("The governor described the targeting of sites hosting foreign troops as reckless.")
    assert cues.COMMENTARY.search(
        "The minister said the attacks carried out by armed groups undermine the fight on ISIS."
    )


def test_militias_as_the_target_but_not_as_the_agent() -> None:
    assert cues.OTHER_TARGET.search("Kurdish forces used machine guns to target the militias across the river.")
    assert not cues.OTHER_TARGET.search("The embassy was attacked by Iran-aligned militias in September.")


def test_thwarted_drones_are_an_attack_not_a_foiled_plot() -> None:
    assert not cues.FOILED.search("Forces thwarted two armed drones before they could reach the base.")
    assert cues.FOILED.search("Police thwarted a rocket attack by seizing the launcher.")
    # drones and missiles fly: an attack by them that was foiled was flown and stopped
    assert not cues.FOILED.search("Coalition forces foiled hostile drone attacks against al-Omar field.")
    assert not cues.FOILED.search("Counterterrorism thwarts drone attack on Erbil International Airport")
    assert cues.FOILED.search("Security forces foiled a drone plot against the airport.")
    assert not cues.HYPOTHETICAL.search("Forces downed two drones before they could strike the base.")
    assert cues.HYPOTHETICAL.search("Officials said the group could strike the base again.")


def test_attacks_several_times_before_are_a_habit() -> None:
    assert cues.HABITUAL.search("Bases in the region have been attacked by rockets several times before.")
    assert cues.HABITUAL.search("The militias have targeted Erbil airport several times in the past.")
    assert cues.HABITUAL.search("Harir airbase has been targeted multiple times since October 17.")
    assert not cues.HABITUAL.search("Rockets hit the base several times on Tuesday night.")


def test_trend_weapons_are_habitual() -> None:
    assert cues.HABITUAL.search("Most of these attacks use rockets or one-way drones.")
    assert cues.HABITUAL.search("Militias have used rockets, drones and mortars against the bases.")


def test_attacks_in_general_in_a_withdrawal_piece(gazetteer) -> None:
    text = (
        "Baghdad and Washington agreed on a timetable for coalition troops to leave. "
        "The deal follows months of attacks by Iran-aligned militias against US forces, which have wounded dozens. "
        "Troops will leave Ain al-Asad air base by next autumn."
    )
    assert primaries(text, gazetteer) == []


def test_attacks_on_coalition_forces_in_general() -> None:
    assert _attacks_in_general("The depots store arms the group uses to plan attacks on OIR coalition forces.", [])
    assert _attacks_in_general("Drone Attacks Targeting US Forces in Syria", [])
    assert not _attacks_in_general("Two drone attacks on US forces were reported near Hasakah.", [])
    assert not _attacks_in_general("It was the third attack since the groups paused attacks on US forces.", [])


def test_an_interception_by_us_forces_is_no_us_strike() -> None:
    assert cues.OTHER_ACTOR.search("The US military struck down three drones heading for the airport.") is None
    assert cues.OTHER_ACTOR.search("The US military struck two depots near Qaim.") is not None


def test_a_state_opening_a_run_of_strikes_is_its_strike() -> None:
    for text in (
        "The United States has begun a wave of airstrikes in Iraq and Syria, officials said.",
        "US begins wave of airstrikes in Iraq and Syria",
        "US jets launched a series of strikes on militia bases overnight.",
    ):
        assert cues.OTHER_ACTOR.search(text) is not None, text
    # a run of attacks a site was hit amid, or one the militias opened, is no state's strike
    assert cues.OTHER_ACTOR.search("The base was hit amid a wave of drone and missile strikes.") is None
    assert cues.OTHER_ACTOR.search("Militias launched a wave of strikes on US bases.") is None


def test_trend_verbs_are_habits() -> None:
    assert cues.HABITUAL.search("The group has stepped up its targeting of bases hosting coalition troops.")


@pytest.mark.parametrize(
    "text",
    [
        "Over the past year the outposts have been sporadically shelled by rockets and drones.",
        "Coalition positions there come under occasional mortar fire.",
    ],
)
def test_frequency_words_tell_a_habit(text: str) -> None:
    assert cues.HABITUAL.search(text)


def test_a_passive_headline_is_the_coalition_attacked_not_attacking() -> None:
    assert cues.OTHER_ACTOR.search("US forces in Syria targeted in first attack since Thanksgiving") is None
    assert cues.OTHER_ACTOR.search("US troops targeted by drones at Tower 22") is None
    assert cues.OTHER_ACTOR.search("US forces targeted militia depots in western Iraq")


def test_a_precaution_against_possible_attacks_is_no_attack(gazetteer) -> None:
    text = (
        "Sirens sounded at the US embassy in Baghdad on Tuesday. A security source said the US embassy activated "
        "the C-RAM system to confront any possible rocket attacks."
    )
    assert primaries(text, gazetteer, dt.date(2021, 2, 16)) == []


def test_a_state_drone_shot_down_near_us_troops_that_was_not_aimed_at_them(gazetteer) -> None:
    text = (
        "US forces observed several Turkish drones carrying out strikes in Hasakah on Thursday, and a US F-16 shot "
        "one down when it came within half a kilometre of US troops. The Pentagon said there were no indications "
        "that Turkey was intentionally targeting US forces."
    )
    assert primaries(text, gazetteer, dt.date(2023, 10, 6)) == []


def test_something_that_fell_kilometres_away_from_a_site_did_not_hit_it(gazetteer) -> None:
    text = (
        "Drones struck two Iraqi army radars north of Baghdad on Tuesday. Another drone fell in a farming district "
        "ten kilometres west of Baghdad International Airport, where US troops are based, a security source said."
    )
    assert all(i["base"] is None for i in primaries(text, gazetteer, dt.date(2025, 6, 24)))
    near = "Two rockets landed 2 km west of Baghdad International Airport, where US troops are based, on Tuesday."
    assert [i["base"]["slug"] for i in primaries(near, gazetteer, dt.date(2025, 6, 24))] == ["victory-base-complex"]


def test_a_home_in_a_site_is_not_the_site(gazetteer) -> None:
    text = (
        "An explosive-laden drone targeted the prime minister's residence in the Green Zone of Baghdad early on "
        "Sunday, the army said. The prime minister was unhurt."
    )
    assert primaries(text, gazetteer, dt.date(2021, 11, 7)) == []


def test_a_convoy_hit_near_a_site_is_no_attack_on_the_site(gazetteer) -> None:
    """The site named after the convoy is where the convoy was ('a convoy in the Taji area')."""
    text = "A roadside bomb struck a coalition supply convoy on Monday in the Taji area, damaging one truck."
    assert primaries(text, gazetteer) == []
    text = "Rockets hit Camp Taji on Monday; a convoy was unharmed."
    assert [p["base"]["slug"] for p in primaries(text, gazetteer)] == ["camp-taji"]


def test_a_plot_or_a_condemnation_of_attacks_is_no_attack(gazetteer) -> None:
    plot = "Police arrested a cell that was planning to carry out attacks on coalition bases in Hasakah."
    assert primaries(plot, gazetteer) == []
    condemned = "The prime minister publicly denounced attacking the foreign forces stationed in Iraq."
    assert primaries(condemned, gazetteer) == []


def test_attacks_a_base_has_undergone_are_no_news(gazetteer) -> None:
    text = (
        "Drones were shot down near al-Tanf garrison on Monday. "
        "The Ain al-Asad and Harir bases have previously faced several drone attacks."
    )
    assert [p["base"]["slug"] for p in primaries(text, gazetteer)] == ["al-tanf-garrison"]


def test_an_air_strike_near_a_site_is_no_attack_on_it(gazetteer) -> None:
    text = (
        "The Pentagon released a statement on January 3 claiming responsibility for an airstrike that killed a "
        "senior Iranian commander near Baghdad International Airport."
    )
    assert primaries(text, gazetteer, dt.date(2020, 1, 8)) == []


def test_one_drone_that_has_struck_a_base_is_news(gazetteer) -> None:
    """The perfect of one projectile ('an armed drone has struck') tells today's attack, not a habit."""
    text = "An armed unmanned aerial vehicle has struck a major base at Baghdad International Airport."
    assert [p["base"]["slug"] for p in primaries(text, gazetteer)] == ["victory-base-complex"]
    assert cues.HABITUAL.search("Militias have struck US bases in Iraq.")


def test_bases_counted_over_a_window_are_a_tally(gazetteer) -> None:
    text = (
        "At least five US bases in Iraq and Syria have come under fire from Iran-backed militias since Israel "
        "launched strikes against Iran on June 12."
    )
    assert primaries(text, gazetteer, dt.date(2025, 6, 17)) == []


def test_attacking_told_as_a_practice_is_no_attack(gazetteer) -> None:
    text = (
        "The militias are targeting US forces in Iraq rather than Israel itself. "
        "Militia attacks have injured US personnel, prompting US retaliation. "
        "By targeting US forces deployed in Iraq and Syria, the militias seek to push them out."
    )
    assert primaries(text, gazetteer, dt.date(2023, 11, 14)) == []


def test_drones_shot_down_over_a_base_on_their_way_elsewhere_attacked_no_one_there(gazetteer) -> None:
    """Two real cases (Iranian drones bound for Israel downed over Jordan and over Ain al-Asad), in our words."""
    text = (
        "Two drones shot down in Iraq by the coalition, officials say\n"
        "Two drones launched from Iran towards Israel were shot down over western Iraq, officials said on Sunday. "
        "The coalition at Ain al-Asad downed the drones, which were en route to Israel. "
        "Another drone was shot down by the coalition at Ain al-Asad on Friday, an official said."
    )
    assert primaries(text, gazetteer, dt.date(2025, 6, 15)) == []
    assert primaries("Two drones targeted Ain al-Asad air base on Friday.", gazetteer) != []


def test_a_states_projectiles_and_orders_are_its_strike(gazetteer) -> None:
    """'US rockets have destroyed two SUVs at Baghdad airport', 'the president had ordered the killing': the
    article's news is another actor's strike, and the attack it mentions is background."""
    text = (
        "US rockets have destroyed two SUVs packed with officials at Baghdad airport, killing all 10 passengers, "
        "an envoy said.\n"
        "The paramilitary group was blamed for an attack on the US embassy earlier this week.\n"
        "Later in the day, the Pentagon admitted that US President Donald Trump had ordered the killing of the "
        "commander to protect US personnel."
    )
    assert primaries(text, gazetteer, dt.date(2019, 12, 30)) == []


def test_projectiles_the_sentence_told_fired_and_then_thwarted_are_an_attack(gazetteer) -> None:
    # "were targeted by rockets, which were thwarted": the rockets flew and were stopped - not a plot foiled
    text = (
        "On Monday, the Green Village base was targeted by a barrage of rockets, which were also thwarted without "
        "casualties, officials said."
    )
    (attack,) = primaries(text, gazetteer, dt.date(2023, 11, 2))
    assert (attack["base"]["slug"], attack["weapons"], attack["killed"]) == ("al-omar-oil-field", ["rocket"], 0)
    # a plot stopped before launch is still no attack
    assert primaries("On Monday, police foiled a rocket attack on Ain al-Asad, seizing the launchers.", gazetteer) == []


def test_a_precaution_at_coalition_bases_is_no_attack_on_them(gazetteer) -> None:
    # A fight between local forces "prompted heightened alertness at American bases": the bases took precautions
    text = (
        "Tribal fighters stormed several SDF positions near Deir ez-Zor on Wednesday, killing four SDF members. "
        "The assault prompted heightened alertness at American bases in the region."
    )
    assert primaries(text, gazetteer, dt.date(2024, 8, 8)) == []
    # an attack on the bases in the same words is still one
    text = "Drones attacked American bases in the region on Wednesday, officials said."
    assert len(primaries(text, gazetteer, dt.date(2024, 8, 8))) == 1


def test_groups_that_have_been_targeting_us_forces_tell_a_practice() -> None:
    assert cues.PRACTICE.search(
        "The new front includes all factions, including those who have been targeting US forces."
    )
    assert cues.PRACTICE.search("Militias had been attacking the bases for months.")
    assert not cues.PRACTICE.search("Rockets have been fired at the base, officials said.")


def test_attacks_as_a_trend_or_what_goes_on_are_no_attack(gazetteer) -> None:
    assert cues.PRACTICE.search(
        "Attacks against U.S. forces deployed in the region, most notably in Iraq and Syria, intensified after the war."
    )
    assert cues.PRACTICE.search("The strikes answered ongoing threats and attacks directed at U.S. bases in Syria.")
    assert cues.PRACTICE.search("The groups targeting U.S. forces have a direct connection to Iran, Kirby said.")
    assert not cues.PRACTICE.search("Two drones attacked U.S. forces at al-Tanf on Monday.")
    text = (
        "U.S.-Iran tensions rise. Attacks against U.S. forces in Iraq and Syria intensified after the war erupted "
        "on October 7, 2023. The groups targeting U.S. forces answer to Iran's Revolutionary Guards, Kirby said on "
        "Oct. 23."
    )
    assert primaries(text, gazetteer, dt.date(2023, 10, 27)) == []


def test_a_trend_named_by_its_noun_is_no_attack(gazetteer) -> None:
    text = (
        "Drones struck al-Tanf garrison on Friday, an Iraqi group said.\n"
        "The garrison, as well as Ain al-Asad air base in Iraq, has recently seen a surge of attacks by "
        "Iran-backed groups."
    )
    assert [i["base"]["slug"] for i in primaries(text, gazetteer)] == ["al-tanf-garrison"]


def test_a_states_aircraft_named_by_model_or_force_strike_for_it(gazetteer) -> None:
    for strike in (
        "In Wednesday's strike, two US F-16 fighter jets dropped bombs on a militia depot near Deir ez-Zor.",
        "In Wednesday's raid, Israeli Air Force fighter jets struck a militia depot near Deir ez-Zor.",
    ):
        assert cues.OTHER_ACTOR.search(strike), strike
        text = (
            f"{strike}\n"
            "A defence official said the strike was aimed at groups responsible for attacking US forces.\n"
            "The military used a deconfliction line to warn Russian forces about the attack."
        )
        assert primaries(text, gazetteer) == [], strike


def test_a_practice_that_goes_on_is_no_attack(gazetteer) -> None:
    assert cues.PRACTICE.search("The Islamic Resistance in Iraq continues to target US bases in the region.")
    assert not cues.PRACTICE.search("The Islamic Resistance in Iraq targeted a US base in the region.")
    text = (
        "Drones struck Tal Baydar base in Syria on Sunday, officials said.\n"
        "Its soldiers were unhurt.\n"
        "An umbrella of Iraqi armed groups continues to target US bases in the region."
    )
    assert [i["base"]["slug"] for i in primaries(text, gazetteer)] == ["tal-baydar-base"]


def test_the_items_of_a_tallys_breakdown_are_no_attacks(gazetteer) -> None:
    text = (
        "Explosions were heard at the Conoco gas field base on Friday after a rocket attack, monitors said.\n"
        "Since October 19, monitors have documented 40 attacks on coalition bases in Syria, distributed as follows:\n"
        "\u2022 Seven attacks on al-Tanf garrison.\n"
        "\u2022 Six attacks on al-Shaddadi base.\n"
        "\u2022 One attack on Tal Baydar base."
    )
    assert [i["base"]["slug"] for i in primaries(text, gazetteer)] == ["conoco-gas-field"]
    # the shape of an item; it vetoes only right after a tally or another item
    assert cues.TALLY_ITEM.match("\u2022 One attack on Tal Baydar base.")


def test_a_site_given_as_an_example_is_not_attacked(gazetteer) -> None:
    text = (
        "Analysts said on Thursday that the groups behind the attacks focus on US bases south of the Euphrates "
        "(e.g., Ain al-Asad air base) and on those north of it."
    )
    assert all(i["base"] is None for i in primaries(text, gazetteer))
    text = "Rockets struck US bases on Thursday, including Ain al-Asad air base, officials said."
    assert [i["base"]["slug"] for i in primaries(text, gazetteer)] == ["ain-al-asad-air-base"]


def test_attacks_stopped_are_no_attack() -> None:
    for text in (
        "Kataib Hezbollah announced on Tuesday that it was suspending attacks on US troops.",
        "Why did Kataib Hezbollah suspend attacks on US forces in Iraq?",
        "The groups said in February they would stop their attacks against US troops.",
        "The statement announced the suspension of military and security operations against the occupation forces.",
    ):
        assert cues.NEGATED_ATTACK.search(text), text
    assert not cues.NEGATED_ATTACK.search("Two drones attacked the base before the truce took hold.")


def test_attacks_that_have_hit_in_recent_months_are_a_trend() -> None:
    text = "A number of rocket attacks have hit bases hosting coalition forces near the embassy in recent months."
    assert cues.HABITUAL.search(text)
    # "as it has other similar attacks in recent years": an elided verb tells no trend of this attack
    text = "CENTCOM blamed militias for the attack, as it has other similar attacks in recent years."
    assert not cues.HABITUAL.search(text)


def test_another_states_forces_attacking_is_their_strike(gazetteer) -> None:
    text = (
        "Turkish forces attacked an agricultural company in Zaghat village in al-Malikiyah on Tuesday, injuring "
        "two workers, the monitor reported."
    )
    assert primaries(text, gazetteer, published=dt.date(2023, 11, 29)) == []
    # a headline's passive: the coalition attacked
    assert not cues.OTHER_ACTOR.search("US forces attacked four times in Iraq, Syria within hours")


def test_an_attack_prevented_before_launch_is_no_attack(gazetteer) -> None:
    text = (
        "Security forces said on Friday they had prevented a Katyusha rocket attack on the Green Zone in Baghdad, "
        "finding a launcher in a nearby street. Soldiers defused the rocket."
    )
    assert primaries(text, gazetteer, dt.date(2020, 7, 10)) == []
    # drones stopped in flight were still launched at the site
    flown = "Air defences prevented two drones launched at Ain al-Asad air base from hitting it on Friday."
    assert [i["base"]["slug"] for i in primaries(flown, gazetteer, dt.date(2020, 7, 10))] == ["ain-al-asad-air-base"]


def test_rockets_aimed_at_irans_kurdish_opponents_near_a_base_are_no_attack_on_it(gazetteer) -> None:
    text = (
        "Three rockets on Wednesday targeted Iranian Kurdish opposition forces not far from Erbil airport, where US "
        "troops are based, two sources said. The rockets caused no casualties."
    )
    assert primaries(text, gazetteer, dt.date(2020, 9, 30)) == []


def test_attacks_recently_carried_out_on_bases_are_a_trend(gazetteer) -> None:
    text = (
        "A drone attacked the al-Shaddadi base in Hasakah province on Friday, sources said. Attacks have been "
        "recently carried out on US bases in the al-Tanf region and Deir ez-Zor province using drones."
    )
    assert [i["base"]["slug"] for i in primaries(text, gazetteer, dt.date(2024, 1, 5))] == ["al-shaddadi-base"]


def test_no_coalition_site_impacted_is_a_denial(gazetteer) -> None:
    text = (
        "Iran's Revolutionary Guards fired ballistic missiles at what they called a spy centre in Erbil on Monday. "
        "No US facilities were impacted by the missile strikes, US officials said."
    )
    assert primaries(text, gazetteer, dt.date(2024, 1, 16)) == []
    assert cues.DENIAL.search("No coalition or US personnel were affected, the statement said.")
    assert not cues.DENIAL.search("No US personnel were injured in the attack.")


def test_a_link_to_another_story_tells_no_attack(gazetteer) -> None:
    # the title of a linked story, after its marker on the same line or on a line of its own
    news = "Two drones targeted Ain al-Asad air base on Friday, officials said."
    for link in (
        "Read More: Erbil International Airport targeted in drone attack",
        "Related:\nErbil International Airport targeted in drone attack",
        "ALSO READ - Erbil International Airport targeted in drone attack",
    ):
        found = [
            i["base"]["slug"] for i in primaries(f"{news}\n{link}\nNo one was hurt.", gazetteer, dt.date(2021, 5, 8))
        ]
        assert found == ["ain-al-asad-air-base"]


def test_a_base_the_coalition_had_left_is_no_coalition_site(gazetteer) -> None:
    vacated = (
        "A drone attacked Harir air base in Erbil province on Thursday evening. The base had previously served as a "
        "base for the coalition but had been vacated on October 20. A fire broke out in its fuel store."
    )
    assert primaries(vacated, gazetteer, dt.date(2023, 11, 10)) == []
    left = "On September 7, rockets targeted Camp Taji, a base US forces recently left."
    assert [i for i in incidents(left, gazetteer, dt.date(2020, 9, 11)) if i["base"]] == []
    # a base still held, whose troops left it for a patrol, is still attacked
    held = "Rockets hit Camp Taji on Monday, hours after a convoy left the base."
    assert [i["base"]["slug"] for i in primaries(held, gazetteer, dt.date(2020, 9, 11))] == ["camp-taji"]
    # a base emptied against the attack it was warned of is still the coalition's
    for evacuated in ("prior to the missile strike as a precaution", "before the attack", "in advance"):
        text = (
            "Iranian missiles were fired at Al Udeid Air Base on Monday night. Officials said the base had been "
            f"evacuated {evacuated}, and no one was hurt."
        )
        assert [i["base"]["slug"] for i in primaries(text, gazetteer, dt.date(2025, 6, 23))] == ["al-udeid-air-base"]


def test_missiles_of_a_states_drill_attack_no_base_they_fell_near(gazetteer) -> None:
    text = (
        "Troops at Al Udeid Air Base took cover on Wednesday when Iranian missiles landed near the base. "
        "An official said the missiles splashed down in the sea as part of Iran's naval exercises."
    )
    assert primaries(text, gazetteer) == []
    # a coalition site hit during an exercise is attacked all the same
    hit = "Two rockets hit Ain al-Asad air base on Wednesday during a training exercise, officials said."
    assert len(primaries(hit, gazetteer)) == 1
    # ... and so is the coalition's own drill told apart from the base: the drill must be a state's
    drill = "A US base in Syria came under rocket fire on Sunday. The rockets hit the base during a training drill."
    assert len(primaries(drill, gazetteer)) == 1


def test_a_group_speaking_of_an_attack_on_our_forces_tells_a_strike_on_it(gazetteer) -> None:
    text = "The attack on our forces in al-Qaim is a crime against Iraq, Kataib Hezbollah said on Sunday."
    assert primaries(text, gazetteer) == []
    # the coalition's own "our forces" are attacked
    ours = (
        "Rockets struck Ain al-Asad air base on Sunday. "
        "The attack on our forces caused no casualties, a US official said."
    )
    assert len(primaries(ours, gazetteer)) == 1
    # the group's own side hit, told as the cause of its attack on a coalition site: that attack stays told
    answer = (
        "Our fighters struck Ain al-Asad air base with drones on Sunday in response to the attack on our brothers "
        "in Jurf al-Sakhar, Kataib Hezbollah said in a statement."
    )
    assert len(primaries(answer, gazetteer)) == 1


def test_a_strike_carried_out_by_a_state_or_the_coalition_is_theirs(gazetteer) -> None:
    for text in (
        "Five ISIS fighters were killed on Sunday in airstrikes carried out by coalition forces near Deir Ezzor.",
        "Two commanders were killed on Sunday in a raid conducted by the US-led coalition near Shaddadi.",
        "Seven militiamen died on Sunday in strikes thought to have been carried out by American warplanes.",
    ):
        assert primaries(text, gazetteer) == [], text
    # a group's attack carried out on US forces is still one
    attack = "A drone attack carried out by the Islamic Resistance hit US forces at Ain al-Asad on Sunday."
    assert len(primaries(attack, gazetteer)) == 1


def test_a_drone_on_a_watching_flight_beside_an_attack_leaves_the_attack(gazetteer) -> None:
    watching = "On Sunday, coalition forces shot down a drone on a surveillance mission over the Conoco gas field base."
    assert primaries(watching, gazetteer) == []
    both = (
        "Two drones attacked the Conoco gas field base on Sunday, while a third was conducting a surveillance flight "
        "over it, officials said."
    )
    assert len(primaries(both, gazetteer)) == 1


def test_the_attack_a_truce_followed_is_the_wars_not_the_news(gazetteer) -> None:
    truce = (
        "A ceasefire between Israel and Iran held on Wednesday. The shaky truce followed a tense night in which "
        "Tehran hit back for a US attack by firing missiles at an American air base in Qatar."
    )
    assert primaries(truce, gazetteer) == []
    # an alert that followed an attack may be the attack's own story
    alert = "Base on alert\n\nThe alert followed a drone attack on the Conoco gas field base on Saturday."
    assert len(primaries(alert, gazetteer)) == 1


def test_an_attack_thwarted_before_reaching_its_target_was_in_flight() -> None:
    # stopped on its way in: an interception, not a plot stopped before launch
    assert not cues.FOILED.search("The attack was thwarted before reaching its target, resulting in no injuries.")
    assert not cues.FOILED.search("The rocket attack was foiled before hitting the base.")
    assert cues.FOILED.search("Police foiled a rocket attack before it could be launched.")


def test_other_or_recent_attacks_in_the_perfect_are_a_trend() -> None:
    assert cues.HABITUAL.search("Other mortar attacks have hit the embassy in recent years.")
    assert cues.HABITUAL.search("Recently drones and rockets have exploded near the consulate.")
    # counted, or told in the past tense: the news
    assert not cues.HABITUAL.search("Recently, three rockets have hit the base.")
    assert not cues.HABITUAL.search("Other rockets fell near the embassy.")


def test_what_a_site_has_undergone_in_the_past_is_a_habit() -> None:
    assert cues.HABITUAL.search("Troops at the airport have in the past come under rocket fire.")
    assert cues.HABITUAL.search("The consulate has in the past been hit by drones.")
    assert not cues.HABITUAL.search("Troops at the airport came under rocket fire on Tuesday.")


def test_the_perfect_of_one_attack_is_news_not_a_practice() -> None:
    assert not _habitual("The group has reportedly launched a drone attack on a US base in Jordan.")
    assert _habitual("The group has launched attacks on US bases in Jordan.")


def test_a_find_joined_by_a_bare_and_does_not_foil_the_attack_before_it() -> None:
    text = "A rocket hit the base late on Thursday and a second rocket was discovered at the firing site."
    assert _after_a_told_attack(text, text.index("discovered"))
    assert not _after_a_told_attack("Police discovered a rocket launcher.", 7)


def test_a_wave_the_attack_fell_in_is_its_setting_not_a_habit() -> None:
    told = "The group said it had hit a US base in Syria during a wave of drone strikes."
    assert not _habitual(told)
    assert _habitual("The region has seen a wave of drone strikes.")


def test_an_open_question_about_the_target_is_no_denial(gazetteer) -> None:
    # "not clear whether the target was X or Y" asks which site was meant; it does not deny that one was attacked
    text = (
        "Up to ten ballistic missiles were fired overnight toward the US consulate in Erbil, officials said. "
        "There were no casualties. The governor said it was not clear whether the intended target was the "
        "consulate or the airport."
    )
    assert [i["base"]["slug"] for i in primaries(text, gazetteer, dt.date(2022, 3, 13))] == [
        "us-consulate-general-erbil"
    ]
    assert not cues.DENIAL.search("It was not immediately clear if the base was targeted.")
    assert cues.DENIAL.search("Officials did not believe the drone was targeting the base.")


def test_the_host_country_said_not_to_be_the_target_denies_no_attack_on_the_base(gazetteer) -> None:
    # the attacker spares the host in words ("not aimed at Qatar or its people"): the base on its soil was still hit
    text = (
        "Iran fired a salvo of ballistic missiles at Al Udeid Air Base in Qatar on Monday evening, most of them "
        "intercepted, Qatari officials said. There were no casualties. Tehran said the strike was not directed at "
        "Qatar or its people, whom it called brotherly."
    )
    found = primaries(text, gazetteer, dt.date(2025, 6, 23))
    assert [(i["base"]["slug"], i["killed"], i["injured"]) for i in found] == [("al-udeid-air-base", 0, 0)]
    # the coalition's own forces or bases said not to be the target still deny the attack on them
    denied = (
        "Iranian missiles struck near Erbil on Monday. Officials said they were not aimed at Iraqi bases hosting "
        "US forces near Erbil International Airport."
    )
    assert primaries(denied, gazetteer, dt.date(2024, 1, 16)) == []


def test_an_attempt_on_a_persons_home_in_a_district_with_embassies_is_no_attack_on_the_district(gazetteer) -> None:
    # the target is a person at home; the Green Zone is only where it happened and where the blasts came from
    text = (
        "Iraq's prime minister survived an assassination attempt early Sunday when two armed drones targeted his "
        "residence, officials said. Six of his guards were hurt in the attack, which occurred in Baghdad's heavily "
        "fortified Green Zone. Residents heard two explosions from the direction of the Green Zone, which houses "
        "foreign embassies."
    )
    assert primaries(text, gazetteer, dt.date(2021, 11, 7)) == []
    # rockets that hit the district itself are still an attack there
    hit = "Two rockets hit Baghdad's Green Zone early Sunday, officials said. No one was hurt."
    assert [i["base"]["slug"] for i in primaries(hit, gazetteer, dt.date(2021, 11, 7))] == ["baghdad-green-zone"]


def test_a_site_named_in_the_motive_of_an_attack_is_where_the_cause_happened(gazetteer) -> None:
    # "in retaliation for the killing of a general ... outside Baghdad airport": the airport places the killing
    text = (
        "Iranian missiles struck Ain al-Asad air base on January 8, injuring dozens of US troops. Iran launched the "
        "missiles against the base in retaliation for the US killing of a general in a drone strike outside "
        "Baghdad's airport."
    )
    found = {(i["base"] or {}).get("slug") for i in incidents(text, gazetteer, dt.date(2020, 1, 20))}
    assert found == {"ain-al-asad-air-base"}


def test_troops_ambushed_away_from_a_base_are_no_attack_on_a_site(gazetteer) -> None:
    # like a convoy on the road, a patrol or a meeting ambushed is not a coalition site (SCHEMA: no incident)
    text = (
        "Two US soldiers were killed in an ambush by gunmen near Palmyra on Saturday, the military said. "
        "Three more were wounded."
    )
    assert primaries(text, gazetteer, dt.date(2024, 3, 5)) == []


def test_a_named_groups_own_things_hit_are_no_coalition_target(gazetteer) -> None:
    # the group owns what was hit: a strike on it, whatever place the sentence names
    for text in (
        "An unidentified drone attacked two trucks belonging to the Popular Mobilization Forces near Al-Qaim on "
        "Tuesday, a local official said. Both vehicles burned.",
        "A drone struck the headquarters of Kataib Hezbollah in Al-Qaim district on Tuesday.",
    ):
        assert primaries(text, gazetteer, dt.date(2019, 8, 28)) == []
    # a noun's "of" names the attacker, not what it hit
    told = "The attack of the Islamic Resistance in Iraq struck Ain al-Asad air base on Tuesday."
    assert [i["base"]["slug"] for i in primaries(told, gazetteer, dt.date(2019, 8, 28))] == ["ain-al-asad-air-base"]


def test_an_attack_claimed_falsely_or_said_not_to_have_happened_is_none(gazetteer) -> None:
    for text in (
        "A little-known group falsely claimed to have launched a drone at Ain al-Asad air base on Friday, the US "
        "military said.",
        "Militants claimed a drone strike on Ain al-Asad air base on Friday, but the US military said no such attack "
        "took place at the base.",
    ):
        assert primaries(text, gazetteer, dt.date(2024, 3, 9)) == []


def test_a_states_drill_near_coalition_sites_is_no_attack_on_them(gazetteer) -> None:
    # the drill is what was launched, and the missiles only fell near the bases
    for text in (
        "Iran's Revolutionary Guards on Tuesday launched a naval drill close to Al Dhafra in the UAE and Al Udeid in "
        "Qatar. Three Iranian missiles splashed down close enough to Al Dhafra and Al Udeid for concern, officials "
        "said, and troops took shelter.",
        "Iran's Revolutionary Guards on Tuesday launched a naval drill in the Gulf. As part of Iran's exercise, three "
        "missiles landed close to Al Dhafra in the UAE and Al Udeid in Qatar, officials said.",
    ):
        assert primaries(text, gazetteer, dt.date(2020, 7, 29)) == []
    # missiles that hit a base during a drill still attacked it
    hit = "Two rockets hit Ain al-Asad air base during a training drill on Tuesday, officials said."
    assert [i["base"]["slug"] for i in primaries(hit, gazetteer, dt.date(2020, 7, 29))] == ["ain-al-asad-air-base"]


def test_the_coalitions_own_drone_lost_is_no_attack(gazetteer) -> None:
    # the drone is the coalition's aircraft: its crash, or its downing, attacked no site
    text = (
        "A US drone crashed near Ain al-Asad air base on Friday evening, a Pentagon official said. Local media "
        "claimed that an American MQ-9 Reaper drone was shot down by militants. No injuries were reported."
    )
    assert primaries(text, gazetteer, dt.date(2024, 1, 20)) == []
    # a drone that crashed into the base attacked it
    attack = "A drone crashed into Ain al-Asad air base on Friday evening, a Pentagon official said."
    assert [i["base"]["slug"] for i in primaries(attack, gazetteer, dt.date(2024, 1, 20))] == ["ain-al-asad-air-base"]


def test_a_contractors_vehicle_hit_is_on_the_road(gazetteer) -> None:
    # like a convoy, a vehicle of a company working for the coalition is no coalition site
    text = (
        "A bomb exploded at a truck belonging to one of the Iraqi companies contracting with the coalition in "
        "Diwaniyah on Friday, wounding its driver, the military said."
    )
    assert primaries(text, gazetteer, dt.date(2020, 12, 25)) == []
    assert cues.ON_THE_ROAD.search("an explosive device hit a vehicle of one of the firms working for US forces")
    # ... and so is the company itself, or its people, named as the target with no site
    text = (
        "Attack Targets Iraqi Contractors Working For US Forces South Of Baghdad\n"
        "On Friday, a new attack targeted an Iraqi company providing logistics for the US-led coalition south of "
        "Baghdad, killing a driver, the security media cell said."
    )
    assert primaries(text, gazetteer, dt.date(2020, 8, 22)) == []
    # a site named before it is still attacked
    base = "Rockets hit Balad air base on Friday, targeting a company providing maintenance for US-made jets."
    assert [i["base"]["slug"] for i in primaries(base, gazetteer, dt.date(2020, 8, 22))] == ["balad-air-base"]


def test_a_share_of_the_attacks_just_counted_tells_no_attack(gazetteer) -> None:
    # "The majority of these assaults have focused on ...": where the counted series fell, no new attack there
    text = (
        "A drone hit the Kharab al-Jir base in Hasakah early on Saturday, a war monitor said.\n"
        "US bases in Syria have faced 120 attacks by Iran-backed militias since October, according to the monitor.\n"
        "The majority of these assaults have focused on the Conoco gas plant and the al-Shaddadi base."
    )
    assert [i["base"]["slug"] for i in primaries(text, gazetteer, dt.date(2024, 8, 10))] == ["rumalyn-landing-zone"]


def test_drones_used_to_attack_a_named_base_told_in_the_perfect_are_the_news(gazetteer) -> None:
    # "have used UAVs to attack the US base in Shaddadi": one attack on a named site, not a practice
    text = (
        "Armed groups have used unmanned aerial vehicles (UAVs) to attack the US base in Shaddadi, in Syria's "
        "Hasakah province, a television channel reported on Friday. Explosions were heard inside the base."
    )
    assert [i["base"]["slug"] for i in primaries(text, gazetteer, dt.date(2023, 11, 3))] == ["al-shaddadi-base"]
    # the weapons a campaign has used are still a practice
    assert cues.HABITUAL.search("Militias have used rockets and drones in more than 150 attacks since October.")


def test_a_threat_told_through_a_chain_of_infinitives_is_no_attack(gazetteer) -> None:
    # "threatening to continue to conduct rocket attacks": the attacks threatened, not told
    text = (
        "On 18 March, a little-known group released a video threatening to continue to conduct rocket attacks "
        "against US interests in Iraq if American forces did not leave."
    )
    assert primaries(text, gazetteer, dt.date(2020, 3, 19)) == []
    assert cues.HYPOTHETICAL.search("The group vowed to keep up its drone attacks on the bases.")


def test_a_launcher_found_in_a_clause_the_statement_adds_after_the_attack_is_its_aftermath(gazetteer) -> None:
    # ", confirming that a truck was found carrying a launch platform": told after the attack, not a plot foiled
    text = (
        "The security cell said that eight Katyusha rockets struck Camp Taji on Wednesday evening without losses, "
        "confirming that a truck was found carrying a launch platform south of the area."
    )
    (got,) = primaries(text, gazetteer, dt.date(2020, 3, 12))
    assert (got["base"]["slug"], got["launched"]) == ("camp-taji", 8)


def test_the_words_of_a_link_tell_no_attack(gazetteer) -> None:
    # a page's address is no sentence of the story: its slug's "strike us bases" tells nothing happened
    text = (
        "Militia leaders warn Washington over troop talks\n\n"
        "Global Wire\n"
        "https://example.org/world/2021/03/militias-vow-to-strike-us-bases-if-talks-fail/\n\n"
        "Leaders of several armed factions said on Thursday that talks on the departure of foreign troops must "
        "produce a timetable before the summer."
    )
    assert primaries(text, gazetteer) == []


def test_reserving_the_right_to_attack_is_a_threat(gazetteer) -> None:
    text = (
        "Armed factions set a deadline for US troops. "
        '"Should no timetable for the withdrawal be agreed, we reserve the right to target American interests '
        'across the country," the factions said in a joint statement on Thursday.'
    )
    assert primaries(text, gazetteer) == []
    assert cues.HYPOTHETICAL.search("The group reserves the right to strike the occupiers' bases.")


@pytest.mark.parametrize(
    "general",
    [
        "Speaking on Monday, the minister condemned the continued attacks by armed groups against US facilities in "
        "Iraq.",
        "Speaking to reporters on Monday, the envoy decried repeated attacks on American sites in Iraq.",
        "The ambassador, who spoke on Monday, condemned the continued attacks by militias on US troops in Iraq.",
    ],
)
def test_attacks_in_general_told_by_a_speaker_on_a_day_are_no_attack(gazetteer, general: str) -> None:
    # the day is the speaker's ("Speaking on Monday"), not an attack's: the attacks stay attacks in general
    text = f"Three rockets hit the US embassy in Baghdad on Sunday, wounding one guard. {general}"
    assert len(primaries(text, gazetteer, dt.date(2020, 1, 27))) == 1


@pytest.mark.parametrize(
    "downed",
    [
        'Kurdish counter-terrorism forces said they shot down three "bomb-laden drones" that were trying to target '
        "the US base near Erbil airport on Tuesday.",
        "Air defences downed two drones which were attempting to strike the coalition base at Ain al-Asad on Tuesday.",
        "The coalition said it intercepted a drone that was trying to attack the al-Tanf garrison on Tuesday.",
    ],
)
def test_projectiles_downed_while_trying_to_hit_the_base_are_an_attack(gazetteer, downed: str) -> None:
    # what the drones "were trying to" hit is their aim, told in a relative clause: no hypothesis
    (attack,) = primaries(downed, gazetteer, dt.date(2024, 1, 16))
    assert attack["date"] == "2024-01-16"


@pytest.mark.parametrize(
    "count",
    [
        "The number of troops injured in militia attacks more than doubled following the Tower 22 incident.",
        "The total number of attacks on US forces rose sharply after the strike on Tower 22.",
        "The number of casualties from the attacks has grown since the Tower 22 attack, officials said.",
    ],
)
def test_the_number_of_troops_or_attacks_is_a_tally(gazetteer, count: str) -> None:
    # "the number of troops injured ... doubled": a running count across attacks, not an attack of its own
    text = f"Pentagon updates its count of wounded troops\n\n{count}"
    assert primaries(text, gazetteer, dt.date(2024, 2, 13)) == []
