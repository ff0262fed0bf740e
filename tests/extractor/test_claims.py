"""Claims and blame: who says they did it, who is blamed, no-claim wordings, perpetrators' names."""

import datetime as dt

import pytest

from ingest.extractor import cues
from tests.extractor.helpers import PUBLISHED, incidents, primaries


def actor_and_claim(text: str, gazetteer, published: dt.date) -> tuple[str | None, bool]:
    """The one primary attack's perpetrator (its slug) and whether it was claimed."""
    (got,) = primaries(text, gazetteer, published=published)
    return (got["perpetrator"] or {}).get("slug"), got["claimed"]


def test_claim_cues() -> None:
    assert cues.CLAIM.search("The group claimed responsibility for the attack.")
    assert cues.NO_CLAIM.search("There was no immediate claim of responsibility.")
    assert cues.GENERIC_CLAIM.search("The group has claimed most of the recent attacks.")


def test_a_series_of_projectiles_is_one_volley_not_a_campaign() -> None:
    assert not cues.GENERIC_CLAIM.search("The state launched a series of rockets at the air base at dawn.")
    assert not cues.GENERIC_CLAIM.search("The militia launched a series of armed drones at the garrison.")
    assert cues.GENERIC_CLAIM.search("The group has claimed a series of attacks on US forces.")


def test_claim_wordings() -> None:
    assert cues.CLAIM.search("The faction quickly took credit for the strike on the airport.")
    assert cues.CLAIM.search("The group claimed in a Telegram post that its fighters launched two drones at the base.")
    assert cues.CLAIM.search("The militia said that they attacked the garrison at dawn.")


def test_a_groups_statement_of_its_own_attack_is_a_claim() -> None:
    # a day between the verb and the subject; the fighters quoted by their own word; "conducted"
    assert cues.CLAIM.search("An armed faction said Tuesday it carried out a drone strike on US forces in Erbil.")
    assert cues.CLAIM.search("The brigade said in a statement that its \u201cmujahideen\u201d conducted an operation.")
    # the announcement of its own attack, and the statement's words quoted after "read"
    assert cues.CLAIM.search("The militia announced in a statement attacking two American bases in Syria.")
    assert cues.CLAIM.search("The statement read, \u201cThe mujahids of the resistance targeted the base with drones.")


def test_a_groups_spokesman_on_what_the_group_fired_is_a_claim(gazetteer) -> None:
    text = (
        "Two ballistic missiles fired at Al Dhafra Air Base in the UAE were intercepted on Monday, officials said. "
        "A Houthi military spokesman said the group had fired missiles at the base."
    )
    (attack,) = primaries(text, gazetteer, dt.date(2022, 1, 24))
    assert (attack["perpetrator"]["slug"], attack["claimed"]) == ("ansar-allah", True)
    assert not cues.CLAIM.search("Officials said the group had fired the rockets.")  # officials' blame, no claim


def test_an_endorsement_of_the_days_attack_is_a_claim() -> None:
    assert cues.OWNED.search("A group calling itself the Islamic Resistance has endorsed Tuesday\u2019s attack.")
    assert cues.OWNED.search("The faction endorsed the attack in a post on Telegram.")
    assert not cues.OWNED.search("Officials have not confirmed the attack had caused damage.")


def test_the_attackers_defence_of_its_attack_as_an_answer_is_a_claim() -> None:
    assert cues.CLAIM.search("The state justified the strikes as a measured response to the raids on its soil.")
    assert cues.CLAIM.search("The militia justified its strike as retaliation for the killing of its commander.")
    assert not cues.CLAIM.search("Officials said nothing justified the attack on the embassy.")


def test_a_groups_statement_of_the_weapons_it_used_to_attack_is_a_claim() -> None:
    assert cues.CLAIM.search("The faction said Friday that its fighters used three drones to strike the airfield.")
    assert cues.CLAIM.search("The militia said in a statement it used rockets to target the airport.")
    assert not cues.CLAIM.search("Officials said the militants used the road to reach the border.")


def test_a_habit_told_of_the_place_is_no_campaign_claim() -> None:
    from ingest.extractor.assemble import _less_asides

    text = "The group claimed the attack on the garrison, a remote post often used by smugglers to cross the border."
    assert not cues.GENERIC_CLAIM.search(_less_asides(text))
    assert cues.GENERIC_CLAIM.search(_less_asides("The group often claimed attacks on the garrison."))


def test_a_passive_claim() -> None:
    assert cues.CLAIM.search("The raid, claimed by the militia Kataib Hezbollah, wounded one airman.")
    assert cues.CLAIM.search("The attack was claimed by a little-known group.")


def test_a_state_owning_its_strike_claims_no_attack(gazetteer) -> None:
    text = (
        "Two drones struck Ain al-Asad air base on Monday, US officials said. "
        "Hours later, US Central Command announced that its forces conducted a strike on a depot used by the "
        "Islamic Revolutionary Guard Corps in eastern Syria."
    )
    (attack,) = primaries(text, gazetteer, dt.date(2024, 3, 5))
    assert (attack["claimed"], attack["perpetrator"]) == (False, None)


def test_negated_claims() -> None:
    assert cues.NO_CLAIM.search("No militant faction has claimed the strike.")
    assert cues.NO_CLAIM.search("No group has so far claimed responsibility for the blast.")
    assert cues.NO_CLAIM.search("Such attacks are not usually claimed by anyone.")


def test_no_one_took_responsibility_is_no_claim(gazetteer) -> None:
    text = (
        "Two drones were shot down at Ain al-Asad air base on Sunday. "
        "The army made the interception; no one took responsibility."
    )
    assert actor_and_claim(text, gazetteer, dt.date(2021, 6, 6))[1] is False


def test_an_officials_claimed_means_said() -> None:
    text = "Major Smith, the coalition spokesman, claimed attacks like this one threaten regional stability."
    assert cues.OFFICIAL_CLAIMED.search(text)
    assert not cues.OFFICIAL_CLAIMED.search("Officials said the faction claimed responsibility for the attack.")


def test_claim_of_numerous_attacks_is_generic_but_a_dated_one_is_not() -> None:
    assert cues.GENERIC_CLAIM.search("The umbrella group has claimed numerous attacks on American troops this year.")
    assert not cues.GENERIC_CLAIM.search("The group claimed multiple drone attacks on Tuesday night.")


def test_claim_of_a_days_attack_and_habitual_blame() -> None:
    assert cues.CLAIM.search("The group claimed Tuesday's attack on its Telegram channel.")
    assert cues.GENERIC_CLAIM.search("Washington typically blames Iran and its allies for such attacks.")


def test_statement_announcing_its_fighters_attacked_is_a_claim() -> None:
    assert cues.CLAIM.search("The group issued a statement announcing that resistance fighters attacked the base.")
    assert cues.CLAIM.search("The faction put out a video saying its fighters struck the airport.")


def test_long_no_claim_subject() -> None:
    assert cues.NO_CLAIM.search("No person or faction has yet claimed the attack, but analysts suspect militias.")


def test_group_spelled_without_the_glide_is_found(gazetteer) -> None:
    text = "A faction calling itself Al-Thawriun claimed responsibility for the drone attack on Ain al-Asad on Monday."
    [inc] = primaries(text, gazetteer, dt.date(2024, 3, 12))
    assert inc["perpetrator"]["name"] == "Al-Thawriyoun"
    assert inc["claimed"] is True


def test_nobody_has_claimed_is_no_claim() -> None:
    assert cues.NO_CLAIM.search("Nobody has claimed responsibility so far.")
    assert cues.NO_CLAIM.search("No one had yet claimed the strike.")


def test_unnamed_groups_owning_a_campaign_claim_nothing(gazetteer) -> None:
    text = (
        "A rocket attack targeted US troops at al-Shaddadi base on Wednesday morning, an official said. "
        "Iran-backed groups in Iraq and Syria have claimed responsibility for the attacks since October."
    )
    (got,) = primaries(text, gazetteer, dt.date(2023, 11, 29))
    assert (got["claimed"], got["perpetrator"]) == (False, None)


def test_a_state_or_group_named_as_the_attacks_actor_is_its_perpetrator(gazetteer) -> None:
    text = "Iran launched a missile attack on Al Udeid air base in Qatar on Monday, officials said."
    (got,) = primaries(text, gazetteer, dt.date(2025, 6, 23))
    assert (got["perpetrator"]["slug"], got["claimed"]) == ("iran", False)
    text = "Out of the 14 missiles launched by Iran at Al Udeid air base on Monday, 13 were intercepted."
    (got,) = primaries(text, gazetteer, dt.date(2025, 6, 23))
    assert got["perpetrator"]["slug"] == "iran"


def test_a_sponsor_an_alternative_or_a_campaign_names_no_perpetrator(gazetteer) -> None:
    for text in (
        "Iran-backed militias fired rockets at Ain al-Asad air base on Monday.",
        "Rockets hit Ain al-Asad air base on Monday. The commander said they were launched by Iran proxy forces.",
        "Rockets hit Ain al-Asad air base on Monday. The attack was carried out by Iran or its proxies, "
        "officials believe.",
        "Rockets hit Ain al-Asad air base on Monday. Since October the Islamic Resistance in Iraq has launched "
        "regular drone attacks on US bases.",
    ):
        (got,) = primaries(text, gazetteer)
        assert got["perpetrator"] is None, text


def test_the_group_named_by_its_kind_is_the_one_named_before(gazetteer) -> None:
    text = (
        "A drone hit Erbil air base on Monday, injuring three US troops. "
        "Washington then struck three facilities used by Kataib Hezbollah. "
        "The Iran-backed militant group earlier claimed credit for using a one-way attack drone to target the "
        "air base."
    )
    (got,) = primaries(text, gazetteer, dt.date(2023, 12, 27))
    assert (got["perpetrator"]["slug"], got["claimed"], got["weapons"]) == ("kataib-hezbollah", True, ["drone"])


def test_the_force_that_claims_for_its_state_is_the_claimant(gazetteer) -> None:
    text = (
        "Iran claims responsibility for missiles that hit near the US consulate in Erbil\n"
        "Iran's Revolutionary Guard claimed responsibility on Sunday for a barrage of missiles that hit near the "
        "US consulate in Erbil."
    )
    (got,) = primaries(text, gazetteer, dt.date(2022, 3, 13))
    assert (got["perpetrator"]["slug"], got["claimed"]) == ("islamic-revolutionary-guard-corps", True)


def test_a_guess_and_the_forces_affiliated_with_a_state_name_no_perpetrator(gazetteer) -> None:
    text = (
        "Three drones attacked al-Tanf garrison on Friday. A monitor speculated that the attack was carried out by "
        "forces affiliated with Iran's Islamic Revolutionary Guard Corps."
    )
    (got,) = primaries(text, gazetteer)
    assert got["perpetrator"] is None
    text = "Drones hit Erbil air base on Friday. Officials said the attack was carried out by Kataib Hezbollah."
    (got,) = primaries(text, gazetteer)
    assert got["perpetrator"]["slug"] == "kataib-hezbollah"


def test_a_state_named_as_the_owner_of_its_force_is_not_a_group_mention(gazetteer) -> None:
    from ingest.extractor.factions import FactionMatcher
    from ingest.extractor.names import set_skeleton_norms
    from ingest.extractor.sentences import parse

    doc = set_skeleton_norms(parse("Iran\u2019s Islamic Revolutionary Guard Corps fired the missiles."))
    found = FactionMatcher(gazetteer).find(doc)
    assert [m.faction.slug for m in found] == ["islamic-revolutionary-guard-corps"]


def test_a_force_named_in_the_singular_is_the_force_of_the_plural_name(gazetteer) -> None:
    from ingest.extractor.factions import FactionMatcher
    from ingest.extractor.names import set_skeleton_norms
    from ingest.extractor.sentences import parse

    # the gazetteer knows "Revolutionary Guards"; reports write "the Revolutionary Guard" as often
    doc = set_skeleton_norms(parse("The Revolutionary Guard said it fired the rockets at dawn."))
    found = FactionMatcher(gazetteer).find(doc)
    assert [m.faction.slug for m in found] == ["islamic-revolutionary-guard-corps"]


def test_the_blamed_are_named_in_the_blames_own_clause(gazetteer) -> None:
    # "groups backed by Iran" names a sponsor, not the attacker; the state that rejects the blame in a clause of its
    # own is not blamed either
    text = (
        "Drones struck near al-Shaddadi base on Sunday, causing no casualties. Washington blames the attacks on "
        "militias backed by Iran - a charge denied by Tehran, which says the groups act on their own."
    )
    (attack,) = primaries(text, gazetteer, dt.date(2023, 11, 13))
    assert attack["perpetrator"] is None
    # ... and so does a sponsor's force named after its owner ("backed by the Iran Revolutionary Guard Corps")
    text = (
        "Rockets struck near Baghdad airport's Camp Victory on Sunday night. A security firm said militias backed by "
        "the Iran Revolutionary Guard Corps were behind the attack."
    )
    (attack,) = primaries(text, gazetteer, dt.date(2021, 5, 3))
    assert attack["perpetrator"] is None
    # the one named in the blame's clause is still blamed
    text = "Drones struck near al-Shaddadi base on Sunday. Washington blamed the attack on Kataib Hezbollah."
    (attack,) = primaries(text, gazetteer, dt.date(2023, 11, 13))
    assert attack["perpetrator"]["slug"] == "kataib-hezbollah"


def test_a_group_named_in_another_clause_of_the_blame_sentence_is_not_blamed(gazetteer) -> None:
    text = (
        "Drones struck the Rumalyn Landing Zone on Friday. US troops are in Syria to prevent a resurgence of "
        "Islamic State, and officials said the attack was carried out by Iran-backed forces."
    )
    (attack,) = primaries(text, gazetteer, dt.date(2024, 8, 13))
    assert attack["perpetrator"] is None


def test_a_claim_of_these_explosions_is_the_event_told_just_before(gazetteer) -> None:
    # The claim points back at the convoy bombings told just before it, not at the base attack the article leads with
    text = (
        "A drone attack hit Camp Victory early on Monday, causing no injuries, officials said. "
        "On Sunday, roadside bombs struck trucks carrying supplies for the coalition in Salahuddin. "
        "The little-known Qasim al-Jabbarin group claimed responsibility for one of these explosions."
    )
    (attack,) = primaries(text, gazetteer, dt.date(2021, 6, 14))
    assert (attack["base"]["slug"], attack["perpetrator"], attack["claimed"]) == (
        "victory-base-complex",
        None,
        False,
    )
    # the same claim right after the base attack is that attack's
    text = (
        "A drone attack hit Camp Victory early on Monday, causing no injuries, officials said. "
        "The little-known Qasim al-Jabbarin group claimed responsibility for one of these explosions."
    )
    (attack,) = primaries(text, gazetteer, dt.date(2021, 6, 14))
    assert attack["perpetrator"]["slug"] == "qasim-al-jabbarin"


def test_a_state_claiming_that_its_strikes_answered_an_attack_claims_no_attack(gazetteer) -> None:
    # "claimed that the strikes were retaliation" asserts something; it takes responsibility for nothing
    assert not cues.CLAIM.search("The U.S. claimed that the strikes were retaliation for the attack.")
    assert cues.CLAIM.search("The group claimed the attacks on two US bases.")
    text = (
        "On January 20, militias fired ballistic missiles and rockets at Ain al-Asad air base. The U.S. claimed that "
        "its strikes were retaliation for the January 20 attack, for which it blamed Kataib Hezbollah."
    )
    (attack,) = primaries(text, gazetteer, dt.date(2024, 1, 24))
    assert (attack["perpetrator"]["slug"], attack["claimed"]) == ("kataib-hezbollah", False)


def test_a_claim_of_operations_counted_since_a_day_is_a_campaigns() -> None:
    text = (
        "The Resistance kept up its attacks, claiming responsibility for at least five operations since the strikes "
        "on the Kataib Hezbollah sites."
    )
    assert cues.GENERIC_CLAIM.search(text)
    assert not cues.GENERIC_CLAIM.search("The group claimed responsibility for two drone attacks on Harir.")


def test_the_attacker_after_a_countrys_possessive_and_a_spokesman_on_the_described_group(gazetteer) -> None:
    # "missiles fired by Yemen's Houthi rebels": the actor named after its country
    text = "Patriot batteries at Al Dhafra Air Base intercepted two missiles fired by Yemen's Houthi rebels on Monday."
    (attack,) = primaries(text, gazetteer, dt.date(2022, 1, 24))
    assert (attack["perpetrator"]["slug"], attack["claimed"]) == ("ansar-allah", False)
    # the group's spokesman says "the Iran-aligned group fired": a claim
    text = (
        "A spokesman for Yemen's Houthi movement said on Monday that the Iran-aligned group fired ballistic "
        "missiles at al-Dhafra air base."
    )
    (attack,) = primaries(text, gazetteer, dt.date(2022, 1, 24))
    assert (attack["perpetrator"]["slug"], attack["claimed"]) == ("ansar-allah", True)


def test_officials_blame_beside_a_clause_saying_no_one_claimed(gazetteer) -> None:
    text = (
        "Rockets struck the coalition base at Erbil airport on Monday night.\n"
        "While no group has claimed the attack, the regional interior ministry said it was carried out by "
        "Kataib Hezbollah."
    )
    (got,) = primaries(text, gazetteer)
    assert got["perpetrator"]["slug"] == "kataib-hezbollah"
    assert got["claimed"] is False
    # the denial alone still names no one
    (got,) = primaries("Rockets struck Erbil airport on Monday. No group has claimed the attack.", gazetteer)
    assert got["perpetrator"] is None


def test_blame_of_a_series_is_not_blame_of_the_attack(gazetteer) -> None:
    text = (
        "Eight rockets hit Balad air base on Sunday, wounding four Iraqi airmen.\n"
        "The strike is the latest in a string of attacks widely attributed to Kataib Hezbollah."
    )
    (got,) = primaries(text, gazetteer)
    assert got["perpetrator"] is None
    text = (
        "Two drones struck Rumalyn base on Saturday, officials said.\n"
        "The source of the drone strikes on US forces in Syria on Saturday was not immediately clear, but similar "
        "strikes earlier this month were attributed to the Islamic Resistance in Iraq."
    )
    (got,) = primaries(text, gazetteer)
    assert got["perpetrator"] is None
    text = "Eight rockets hit Balad air base on Sunday. Officials attributed the attack to Kataib Hezbollah."
    (got,) = primaries(text, gazetteer)
    assert got["perpetrator"]["slug"] == "kataib-hezbollah"


def test_the_actor_named_with_an_apposition_before_its_verb(gazetteer) -> None:
    text = (
        "On Thursday, Kataib Hezbollah (KH), a militia backed by Iran's Revolutionary Guard, attacked the Green "
        "Village base with two drones."
    )
    (got,) = primaries(text, gazetteer)
    assert got["perpetrator"]["slug"] == "kataib-hezbollah"


def test_a_group_named_operations_room_claims_one_attack_only(gazetteer) -> None:
    text = (
        "A drone struck Harir air base on Wednesday, a security source said.\n"
        "Kataib Hezbollah of the Joint Operations Room claimed responsibility for the attack.\n"
        "Also on Wednesday, the Pentagon said US forces had shot down two drones that attempted to attack "
        "coalition troops in Iraq."
    )
    by_site = {(i["base"] or {}).get("slug"): i for i in primaries(text, gazetteer, published=dt.date(2023, 10, 18))}
    assert by_site["al-harir-air-base"]["perpetrator"]["slug"] == "kataib-hezbollah"
    assert by_site[None]["perpetrator"] is None
    assert by_site[None]["claimed"] is False


@pytest.mark.parametrize(
    ("sentence", "blamed"),
    [
        # the blamer is not the blamed, and a death is not the attack
        ("Iran has blamed Israel and the US for the killing of a Hamas leader in Tehran.", None),
        ("The tension follows the killing of a Hamas leader in Tehran, which has been blamed on Israel.", None),
        ("Washington blamed Kataib Hezbollah for the attack.", "kataib-hezbollah"),
        ("The attack was blamed on Kataib Hezbollah by US officials.", "kataib-hezbollah"),
        ("Kataib Hezbollah was blamed for the attack.", "kataib-hezbollah"),
        # "was responsible": its subject, and only for an attack
        ("Iran said Israel was responsible for the assassination of a Hamas leader.", None),
        (
            "Officials said it was too early to assign blame, but any sign that an Iran-backed militia was "
            "responsible could ignite a new round of escalation between the United States and Iran.",
            None,
        ),
        ("Officials said Kataib Hezbollah was responsible for the attack.", "kataib-hezbollah"),
    ],
)
def test_the_grammar_of_blame(gazetteer, sentence: str, blamed: str | None) -> None:
    text = f"Two rockets struck Ain al-Asad air base on Monday, wounding five US personnel.\n{sentence}"
    (got,) = primaries(text, gazetteer)
    assert (got["perpetrator"] or {}).get("slug") == blamed


def test_a_claim_announced_with_a_time_before_that(gazetteer) -> None:
    # the statement verb, a time of day or a channel of any wording, then "that it had launched"
    text = (
        "Kataib Hezbollah announced early on Sunday that it had launched an explosive drone at the base used by "
        "US forces at Erbil International Airport.\n"
        "There was no word on damage."
    )
    assert actor_and_claim(text, gazetteer, dt.date(2024, 3, 10)) == ("kataib-hezbollah", True)


@pytest.mark.parametrize(
    "sentence",
    [
        # the passive of an attack verb, or an attack noun, takes its actor with "by"
        "US troops at Ain al-Asad air base were targeted in a rocket attack by Kataib Hezbollah on Monday.",
        "Ain al-Asad air base was attacked by Kataib Hezbollah with rockets on Monday.",
        # the actor as the attack noun's possessor
        "Kataib Hezbollah's rocket attack on Ain al-Asad air base on Monday damaged a hangar.",
    ],
)
def test_the_actor_of_a_passive_or_a_possessive(gazetteer, sentence: str) -> None:
    # the reporter names the actor; nobody claimed
    assert actor_and_claim(sentence, gazetteer, PUBLISHED) == ("kataib-hezbollah", False)


def test_a_state_named_by_its_adjective_before_its_own_attack(gazetteer) -> None:
    text = "An Iranian missile attack on Wednesday damaged two hangars at Ain al-Asad air base."
    assert actor_and_claim(text, gazetteer, dt.date(2020, 1, 9)) == ("iran", False)
    # a weapon made in Iran is no attack by Iran, and an earlier attack's actor is not this one's
    for other in (
        "An Iranian-made drone hit Ain al-Asad air base on Wednesday.",
        "A drone hit Ain al-Asad air base on Wednesday.\nPhoto: previous Iranian missile attack damage at the base.",
    ):
        assert actor_and_claim(other, gazetteer, dt.date(2020, 1, 9)) == (None, False), other


def test_the_claimants_named_next_in_the_plural(gazetteer) -> None:
    text = (
        "A drone targeted Ain al-Asad air base on Monday, a security source said.\n"
        "Iraqi armed factions claimed responsibility for the attack.\n"
        'The factions, who call themselves the "Islamic Resistance in Iraq," said it answered the war in Gaza.'
    )
    assert actor_and_claim(text, gazetteer, dt.date(2023, 12, 12)) == ("islamic-resistance-in-iraq", True)


@pytest.mark.parametrize(
    "sentence",
    [
        # the attack named at length between "attributed" and its "to"
        "The United States has attributed the drone attack that killed three service members at the base to "
        "Kataib Hezbollah.",
        # the passive of planning names the one blamed
        "A spokesman said the attack was planned, resourced and facilitated by Kataib Hezbollah.",
    ],
)
def test_blame_by_attribution_at_length_or_by_planning(gazetteer, sentence: str) -> None:
    text = f"A drone struck Tower 22 in Jordan on Sunday, killing three US soldiers.\n{sentence}"
    assert actor_and_claim(text, gazetteer, dt.date(2024, 1, 31)) == ("kataib-hezbollah", False)


def test_the_attackers_own_account_of_why_is_its_claim(gazetteer) -> None:
    text = "Iran launched missiles at Al Udeid Air Base on Monday, in what it said was retaliation for strikes."
    assert actor_and_claim(text, gazetteer, dt.date(2025, 6, 24)) == ("iran", True)
    # a monitor's count in the same words is no claim
    text = "Rockets hit Al-Omar oil field on Monday, in what the monitor said was the 108th attack on the bases."
    assert actor_and_claim(text, gazetteer, dt.date(2023, 12, 5))[1] is False


def test_a_group_declaring_its_strikes_and_a_capital_as_a_dateline(gazetteer) -> None:
    """Modelled on a state agency's copy: the dateline's capital is where the report was filed, not Iran
    claiming; the group that declares its strikes claims them."""
    text = (
        "TEHRAN (Agency) \u2013 The Islamic Resistance in Iraq declared new strikes on American forces, targeting "
        "Ain al-Asad Airbase in Iraq's al-Anbar province with a drone on Sunday."
    )
    assert actor_and_claim(text, gazetteer, dt.date(2023, 12, 4)) == ("islamic-resistance-in-iraq", True)


def test_a_relative_clause_describing_the_group_does_not_undo_its_claim(gazetteer) -> None:
    # "- which has claimed many of the recent attacks on US forces -" describes the group (a campaign of
    # attacks on US forces); the claim is the main clause's
    text = (
        "US forces shot down a drone near Ain al-Asad air base on Saturday, an official said. The Islamic "
        "Resistance in Iraq \u2014 which has claimed many of the recent attacks on US forces \u2014 said it carried "
        "out the attack."
    )
    assert actor_and_claim(text, gazetteer, dt.date(2023, 10, 28)) == ("islamic-resistance-in-iraq", True)
    commas = text.replace(" \u2014 which", ", which").replace("US forces \u2014 said", "US forces, said")
    assert actor_and_claim(commas, gazetteer, dt.date(2023, 10, 28)) == ("islamic-resistance-in-iraq", True)
    # the campaign alone is still no claim of this attack
    campaign = "US forces shot down a drone near Ain al-Asad air base on Saturday. The Islamic Resistance in Iraq has "
    campaign += "claimed many of the recent attacks on US forces."
    assert actor_and_claim(campaign, gazetteer, dt.date(2023, 10, 28)) == (None, False)


@pytest.mark.parametrize(
    "no_claim",
    [
        "No group has so far assumed responsibility for the rocket attack.",
        "Drones hit the base; no group immediately claims attack",
        "Nobody has assumed responsibility.",
    ],
)
def test_a_claim_denied_in_the_present_or_as_responsibility_assumed(gazetteer, no_claim: str) -> None:
    assert cues.NO_CLAIM.search(no_claim)
    text = f"Rockets struck the US embassy in Baghdad on Sunday, officials said. {no_claim}"
    assert actor_and_claim(text, gazetteer, dt.date(2020, 8, 16)) == (None, False)


def test_blame_of_the_series_told_just_before_is_not_this_attacks(gazetteer) -> None:
    attack = "A rocket attack on Monday evening targeted a base near Erbil International Airport where US troops are. "
    series = "Over the last two years, dozens of rocket attacks have targeted US forces on bases in Iraq. "
    blame = "These have been blamed on Kataib Hezbollah."
    assert actor_and_claim(attack + series + blame, gazetteer, dt.date(2021, 2, 16)) == (None, False)
    # blame of this attack told right after it still names the group
    assert actor_and_claim(attack + "It has been blamed on Kataib Hezbollah.", gazetteer, dt.date(2021, 2, 16)) == (
        "kataib-hezbollah",
        False,
    )


def test_the_group_named_next_as_the_speaker_claims_unless_it_disowns_the_attack(gazetteer) -> None:
    claim = "An Iraqi armed faction claimed responsibility on Sunday for a drone attack on the US base at al-Tanf. "
    speaks = claim + '"Our operations will go on," Kataib Hezbollah said in the statement.'
    disowns = claim + "Kataib Hezbollah said in a statement that it had nothing to do with the attack."
    published = dt.date(2025, 5, 12)
    assert actor_and_claim(speaks, gazetteer, published) == ("kataib-hezbollah", True)
    assert actor_and_claim(disowns, gazetteer, published) == (None, True)


def test_a_quoted_passive_is_no_statement_of_the_speakers_attack() -> None:
    # the speakers doing it is a claim; what was hit, as a passive's subject, is no act of theirs
    assert cues.CLAIM.search('The statement read, "We targeted the occupation base with three drones."')
    assert not cues.CLAIM.search('An officer stated, "We cannot say whether the truck was hit by coalition jets."')


def test_a_group_saying_in_the_present_that_it_struck_claims_it() -> None:
    assert cues.CLAIM.search("Rebels say they have targeted the air base near the capital.")
    assert cues.CLAIM.search("The militia says it launched two drones at the garrison.")
    # a state speaking of its own forces claims no attack
    from ingest.extractor.assemble import _claim_by_group

    assert _claim_by_group("Rebels say they have targeted the air base near the capital.")
    assert not _claim_by_group("US officials say they struck a militia depot.")


def test_a_frames_claim_is_not_the_claim_of_an_attack_whose_sentence_names_no_one(gazetteer) -> None:
    text = (
        "Militia says it hit two US bases in Syria\n\n"
        "The Islamic Resistance in Iraq said on Friday that its fighters attacked the al-Shaddadi base with drones. "
        "Hours earlier, the fighters also attacked the Al-Tanf garrison, the statement said. "
        "US officials have not attributed responsibility for a third attack, on the al-Omar oil field base, "
        "in which a rocket landed near the perimeter."
    )
    got = {i["base"]["slug"]: i["claimed"] for i in primaries(text, gazetteer, published=dt.date(2024, 1, 5))}
    assert got == {"al-shaddadi-base": True, "al-tanf-garrison": True, "al-omar-oil-field": False}


def test_the_attackers_account_of_why_with_an_adjective_is_a_claim() -> None:
    assert cues.CLAIM.search("Iran fired missiles at the base, in what it described as a retaliatory measure.")
    assert cues.CLAIM.search("The group shelled the base in what it called a reprisal for the raid.")


def test_a_sponsor_blamed_with_its_proxies_is_no_perpetrator(gazetteer) -> None:
    text = (
        "Three rockets hit Camp Taji on Thursday night, US officials said, blaming Iran and its proxy forces "
        "for the attack."
    )
    assert actor_and_claim(text, gazetteer, dt.date(2020, 3, 13)) == (None, False)
    # the state blamed alone is the perpetrator
    alone = "Three rockets hit Camp Taji on Thursday night, US officials said, blaming Iran for the attack."
    assert actor_and_claim(alone, gazetteer, dt.date(2020, 3, 13)) == ("iran", False)


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("The Islamic Resistance, an umbrella of armed factions, said that it attacked the base.", True),
        ("The Islamic Resistance in Lebanon said it fired rockets at an Israeli post.", False),
        ("The Islamic Resistance Movement, Hamas, issued a statement.", False),
        ("Lebanon's Islamic Resistance said it fired rockets at an Israeli post.", False),
    ],
)
def test_a_groups_name_told_without_its_country(gazetteer, sentence: str, found: bool) -> None:
    from ingest.extractor.sentences import parse
    from ingest.extractor.state import compiled

    slugs = [m.faction.slug for m in compiled(gazetteer).factions.find(parse(sentence))]
    assert ("islamic-resistance-in-iraq" in slugs) is found


def test_a_group_counted_among_the_dead_is_no_actor_of_the_attack(gazetteer) -> None:
    text = (
        "Two rockets landed inside the Ain al-Asad air base on Wednesday, the Iraqi military said.\n\n"
        "ISIL attacks: 14 Popular Mobilisation Forces killed in Iraq"
    )
    assert actor_and_claim(text, gazetteer, dt.date(2020, 5, 7)) == (None, False)


def test_a_passive_claim_names_its_attack_by_the_day(gazetteer) -> None:
    text = (
        "Rockets hit Ain al-Asad air base on Monday, and drones struck al-Tanf garrison in Syria on Monday too. "
        "Since November, American troops in Syria and Iraq have been attacked over 50 times, officials said. "
        "Monday\u2019s attack was claimed by the militia Kataib Hezbollah."
    )
    for got in primaries(text, gazetteer, dt.date(2024, 3, 12)):
        assert (got["perpetrator"]["slug"], got["claimed"]) == ("kataib-hezbollah", True)


def test_the_name_a_group_calls_itself_is_read_loosely(gazetteer) -> None:
    for name, slug in (
        ("the \u201cRevolutionaries,\u201d", "al-thawriyoun"),
        ("\u201cAl-Waretheen\u201d", "tashkil-al-waritheen"),
    ):
        text = f"Rockets hit Ain al-Asad air base on Monday. A new group calling itself {name} claimed the attack."
        assert actor_and_claim(text, gazetteer, dt.date(2024, 3, 12)) == (slug, True)
    # a name in quotes that is no group's names no one
    text = (
        "Rockets hit Ain al-Asad air base on Monday. "
        "A group calling itself \u201cthe Avengers\u201d claimed the attack."
    )
    assert actor_and_claim(text, gazetteer, dt.date(2024, 3, 12)) == (None, True)


def test_an_act_aimed_at_other_fighters_or_at_a_port_is_another_attack() -> None:
    assert cues.OTHER_TARGET.search("Tehran said it fired cruise missiles against Islamic State fighters in Iraq.")
    assert cues.OTHER_TARGET.search("Tehran also targeted Kurdish rebels hiding in the mountains.")
    assert cues.OTHER_TARGET.search("The militia said it carried out the strike on the Port of Eilat.")
    assert not cues.OTHER_TARGET.search("A drone attack by Iranian-backed rebels hit the air base.")
    assert not cues.OTHER_TARGET.search("The group claimed the attack on the base near the port.")


@pytest.mark.parametrize(
    "named",
    [
        # the state's own force named as the one that carried out the attack, after its target
        "Qatar condemned the attack that targeted Al Udeid Air Base by the Iranian Revolutionary Guard.",
        "Qatar condemned the attack on Al Udeid Air Base by Iran's Islamic Revolutionary Guard Corps.",
        # ... or as the one that confirmed it, with its state before it as its owner
        "Iran's elite Islamic Revolutionary Guard Corps confirmed the missile operation in a statement.",
    ],
)
def test_a_states_own_force_is_the_more_exact_actor_than_the_state(gazetteer, named: str) -> None:
    text = f"Iran fired ballistic missiles at Al Udeid Air Base in Qatar on Monday night. {named}"
    actor, _ = actor_and_claim(text, gazetteer, dt.date(2025, 6, 23))
    assert actor == "islamic-revolutionary-guard-corps"
    # the state alone stays the actor
    actor, _ = actor_and_claim(text.replace(named, "Qatar condemned the attack."), gazetteer, dt.date(2025, 6, 23))
    assert actor == "iran"


def test_a_groups_name_rendered_in_english_another_way_is_read(shipped_gazetteer) -> None:
    # "Tha'r al-Muhandis" (the revenge of al-Muhandis) rendered as "The brigades to avenge al-Muhandis"
    text = (
        "Fourteen rockets struck Ain al-Asad air base on Wednesday. A group calling itself \u201cThe brigades to "
        "avenge al-Muhandis\u201d said its members fired the rockets."
    )
    actor, claimed = actor_and_claim(text, shipped_gazetteer, dt.date(2021, 7, 8))
    assert (actor, claimed) == ("tha-r-al-muhandis-brigade", True)


def test_a_claim_told_in_arabic_names_its_group(shipped_gazetteer) -> None:
    # "The Islamic Resistance in Iraq announces its responsibility for the attack on US forces at Ain al-Asad base"
    text = "المقاومة الإسلامية في العراق تعلن مسؤوليتها عن الهجوم على القوات الأمريكية في قاعدة عين الأسد."
    actor, claimed = actor_and_claim(text, shipped_gazetteer, dt.date(2023, 10, 19))
    assert (actor, claimed) == ("islamic-resistance-in-iraq", True)


@pytest.mark.parametrize(
    "its_day",
    [
        "saying it launched the attack on March 4",
        "adding that its fighters carried out the operation on March 4",
        "and said the strike of March 4 was aimed at the occupiers",
    ],
)
def test_a_claimants_own_day_for_the_attack_a_day_apart_is_the_same_attack(gazetteer, its_day: str) -> None:
    # an overnight attack: the monitor dates it by the day it was reported, the claimant by the night it launched
    text = (
        "A drone attack on the coalition base at al-Shaddadi killed two Syrian guards on Tuesday, a monitor said. "
        "The Islamic Resistance in Iraq on Tuesday claimed responsibility for a drone attack on al-Shaddadi base, "
        f"{its_day}."
    )
    (attack,) = [i for i in incidents(text, gazetteer, dt.date(2024, 3, 5)) if i["base"]]
    assert attack["role"] == "primary"
    assert attack["claimed"] is True
    assert attack["perpetrator"]["slug"] == "islamic-resistance-in-iraq"


@pytest.mark.parametrize(
    "blame",
    [
        "Officials blamed Iran's armed groups for the attack.",
        "A US official said the assault was the work of Iran's militias.",
        "Washington holds Iran's allied factions responsible for the rockets.",
    ],
)
def test_a_states_groups_are_not_the_state(gazetteer, blame: str) -> None:
    # "Iran's armed groups" are the groups a state sponsors, named by their sponsor: a generic blame, no perpetrator
    text = f"Three rockets hit the US embassy in Baghdad on Sunday, wounding one guard. {blame}"
    (attack,) = primaries(text, gazetteer, dt.date(2020, 1, 27))
    assert attack["perpetrator"] is None


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Iran's first direct missile attack against US forces struck Ain al-Asad air base on Wednesday.", "iran"),
        ("Ballistic missiles launched from neighbouring Iran hit near the US consulate in Erbil on Sunday.", "iran"),
        (
            "Kataib Hezbollah's latest drone attack hit the al-Tanf garrison on Friday, officials said.",
            "kataib-hezbollah",
        ),
    ],
)
def test_the_actor_named_as_the_owner_or_origin_of_the_attack(gazetteer, text: str, actor: str) -> None:
    # "Iran's first direct missile attack": the words between the owner and the attack say which of its attacks;
    # "launched from neighbouring Iran": where the missiles came from names the state
    (attack,) = primaries(text, gazetteer)
    assert (attack["perpetrator"] or {}).get("slug") == actor


@pytest.mark.parametrize(
    "claim",
    [
        "The group said in a statement, \u2018We attacked the al-Tanf base with drones.\u2019",
        "Its statement read: \u2018The mujahideen struck the occupiers at al-Tanf with two drones.\u2019",
        "The faction said, 'We targeted the al-Tanf base with a drone in response to the massacres.'",
    ],
)
def test_a_statement_quoted_in_single_quotes_is_a_claim(gazetteer, claim: str) -> None:
    text = f"A drone attack hit the al-Tanf garrison on Saturday, officials said. {claim}"
    (attack,) = primaries(text, gazetteer)
    assert attack["claimed"] is True


@pytest.mark.parametrize(
    "statement",
    [
        "The statement explained that, in retaliation for the massacres in Gaza, the Islamic Resistance in Iraq "
        "attacked the al-Tanf base with drones.",
        "Its press release said that the Islamic Resistance in Iraq had targeted the al-Tanf base with two drones.",
        "A statement issued on Telegram stated that the Islamic Resistance in Iraq struck al-Tanf with drones.",
    ],
)
def test_a_statement_that_the_group_itself_attacked_is_its_claim(gazetteer, statement: str) -> None:
    # the statement tells the group, by its own name, as the doer: a claim, and the group its perpetrator
    text = f"Drones hit the al-Tanf garrison in Syria on Saturday. {statement}"
    (attack,) = primaries(text, gazetteer)
    assert attack["claimed"] is True
    assert (attack["perpetrator"] or {}).get("slug") == "islamic-resistance-in-iraq"


@pytest.mark.parametrize(
    "claim",
    [
        "The Islamic Resistance in Iraq claimed responsibility for the attack.",
        "The Islamic Resistance in Iraq later claimed the attacks in a statement on Telegram.",
        "Responsibility was claimed by the Islamic Resistance in Iraq, which called them a response to Gaza.",
    ],
)
def test_a_claim_after_the_attacks_one_summary_frames_is_each_ones(gazetteer, claim: str) -> None:
    # "attacked three times ... claimed responsibility for the attack": the claim names no site; it is the claim of
    # every attack the summary line counted, not only of the one told last
    text = (
        "US forces were attacked three times in Iraq and Syria on Thursday, a US official said. "
        "Rockets hit the coalition base at al-Shaddadi. "
        "Drones were launched at Ain al-Asad air base and at Erbil air base. "
        f"{claim}"
    )
    attacks = primaries(text, gazetteer, dt.date(2023, 11, 24))
    assert len(attacks) == 3
    assert all(a["claimed"] for a in attacks)


@pytest.mark.parametrize(
    "claim",
    [
        "The Islamic Resistance in Iraq announced the attack on Sunday.",
        "The Islamic Resistance in Iraq announced these strikes in a statement.",
        "The Islamic Resistance in Iraq declared the operation on its Telegram channel.",
    ],
)
def test_a_group_announcing_the_attack_claims_it(gazetteer, claim: str) -> None:
    text = f"A drone struck the al-Tanf garrison on Sunday, officials said. {claim}"
    (attack,) = primaries(text, gazetteer, dt.date(2024, 1, 28))
    assert attack["claimed"] is True


@pytest.mark.parametrize(
    "blame",
    [
        "Iran has said the U.S. bears responsibility in the assassination of the Hamas leader.",
        "Tehran said Washington bears responsibility for the killing of its general.",
        "The militia said Israel bears responsibility for the massacres in Gaza.",
    ],
)
def test_responsibility_for_a_killing_elsewhere_is_no_claim(gazetteer, blame: str) -> None:
    # who "bears responsibility" for an assassination or a war claims no attack on the base
    text = f"A drone attack hit the Rumalyn landing zone in Syria on Friday, wounding no one. {blame}"
    (attack,) = primaries(text, gazetteer, dt.date(2024, 8, 9))
    assert attack["claimed"] is False
    assert attack["perpetrator"] is None
