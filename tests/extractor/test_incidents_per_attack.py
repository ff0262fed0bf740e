"""How many attacks a text tells: twice, another base, one target for sites next door, counted unnamed targets."""

import datetime as dt

import pytest

from ingest.extractor.anchoring import times_told
from ingest.extractor.segments import opens_new_event
from tests.extractor.helpers import primaries, primary_sites


def test_new_attack_inside_a_quote_is_not_a_second_attack() -> None:
    quoted = "\u201cThis is a new attack on our airport,\u201d the governor said."
    assert not opens_new_event(quoted, 0, len(quoted))
    plain = "In a new attack, rockets struck the airport."
    assert opens_new_event(plain, 0, len(plain))


def test_times_told() -> None:
    assert times_told("Monitors said the Shaddadi base was attacked twice overnight.") == (2, False)
    assert times_told("US forces came under attack three times on Sunday, including at Tanf and Conoco.") == (3, True)
    assert times_told("The base was hit by two rockets.") == (0, False)
    # a word between the count and "attacks", the count after the weapons the verb names
    assert times_told("Troops in Iraq were targeted in two separate drone attacks.") == (2, False)
    assert times_told("Forces in Syria were attacked with drones and rockets four times in a day.") == (4, False)
    assert times_told("The base was attacked with two drones on Monday.") == (0, False)


def test_zone_and_embassy_in_one_sentence_are_one_target(gazetteer) -> None:
    text = (
        "Several rockets landed inside Baghdad's Green Zone late on Friday, apparently aimed at the US embassy.\n"
        "Security officials said one of the rockets was diverted by the embassy's defence system."
    )
    got = primaries(text, gazetteer)
    assert len(got) == 1
    assert got[0]["base"]["slug"] in {"us-embassy-baghdad", "baghdad-green-zone"}
    assert got[0]["intercepted"] == 1


def test_the_base_attacked_twice_is_two_attacks_on_the_site_in_focus(gazetteer) -> None:
    text = (
        "The Islamic Resistance in Iraq said it launched drones at the al-Shaddadi base on Friday.\n"
        "A monitoring group said the base was attacked twice and one drone was shot down."
    )
    got = primaries(text, gazetteer, dt.date(2024, 1, 5))
    assert [g["base"]["slug"] for g in got] == ["al-shaddadi-base", "al-shaddadi-base"]
    assert all(g["claimed"] for g in got)


def test_counted_unnamed_targets_are_the_named_ones(gazetteer) -> None:
    text = (
        "Militias targeted two US bases in Iraq on Tuesday with drones. "
        "Two drones were shot down near Ain al-Asad. "
        "Later a third drone was downed over the Harir base."
    )
    incs = primaries(text, gazetteer, dt.date(2024, 3, 12))
    assert sorted(i["base"]["name"] for i in incs) == ["Ain al-Asad Air Base", "Al-Harir Air Base"]


def test_another_base_is_another_attack(gazetteer) -> None:
    assert opens_new_event("Rockets also hit another base near the capital.", 0, 48)
    text = (
        "Drones targeted Ain al-Asad air base on Friday, officials said. "
        "Rockets also hit another base hosting US troops near Baghdad's international airport."
    )
    slugs = sorted(i["base"]["slug"] for i in primaries(text, gazetteer))
    assert slugs == ["ain-al-asad-air-base", "victory-base-complex"]


def test_the_latest_attack_on_a_site_next_door_is_the_same_attack(gazetteer) -> None:
    text = (
        "Two rockets were fired at the Green Zone on Friday night. "
        "Police are investigating the latest attack on the US embassy."
    )
    assert len(primaries(text, gazetteer)) == 1


def test_what_is_told_of_the_bases_just_counted_is_told_of_each(gazetteer) -> None:
    text = (
        "Two US bases in Syria's Deir ez-Zor province came under attack late on Friday, a coalition official said. "
        "Coalition air defences shot down several one-way attack drones aimed at the bases, and no one was hurt. "
        "Separately, two rockets landed near Ain al-Asad air base in western Iraq on Saturday morning without "
        "causing damage."
    )
    found = primaries(text, gazetteer, dt.date(2024, 6, 9))
    syria = [i for i in found if i["country"] == "Syria"]
    assert [(i["weapons"], i["injured"]) for i in syria] == [(["drone"], 0), (["drone"], 0)]
    (asad,) = [i for i in found if i["base"]]
    assert (asad["base"]["slug"], asad["weapons"], asad["launched"]) == ("ain-al-asad-air-base", ["rocket"], 2)


def test_targets_of_one_verb_share_what_follows_them(gazetteer) -> None:
    """'attacked X, Y and the forces at Z with drones': the weapons after the last target are each one's;
    a verb between two targets makes each its own clause, with its own weapons."""
    one_verb = (
        "The Islamic Resistance in Iraq said on Tuesday it had attacked Ain al-Asad air base, Harir base and "
        "the US forces at Erbil airport with drones."
    )
    got = primaries(one_verb, gazetteer, dt.date(2024, 1, 10))
    assert sorted((g["base"]["slug"], tuple(g["weapons"])) for g in got) == [
        ("ain-al-asad-air-base", ("drone",)),
        ("al-harir-air-base", ("drone",)),
        ("erbil-air-base", ("drone",)),
    ]
    two_verbs = "Three rockets hit Ain al-Asad on Monday, while two drones were shot down near Harir."
    got = primaries(two_verbs, gazetteer, dt.date(2024, 1, 10))
    assert sorted((g["base"]["slug"], tuple(g["weapons"]), g["launched"]) for g in got) == [
        ("ain-al-asad-air-base", ("rocket",), 3),
        ("al-harir-air-base", ("drone",), 2),
    ]


def test_a_second_attack_on_the_base_in_focus_is_its_own(gazetteer) -> None:
    text = (
        "Rockets hit Victory base on Tuesday morning. "
        "Hours later, a second rocket attack targeted the base, wounding one contractor."
    )
    got = primaries(text, gazetteer, dt.date(2024, 1, 10))
    assert [(g["base"]["slug"], g["date"], g["injured"]) for g in got] == [
        ("victory-base-complex", "2024-01-09", None),
        ("victory-base-complex", "2024-01-09", 1),
    ]


def test_sites_attacked_together_share_the_weapons_and_the_zero_toll_told_after(gazetteer) -> None:
    """Subjects of one verb ('US troops at the X base, Patrol Base Y and Z were attacked with missiles') share its
    weapons; 'no casualties have been reported' next is said of them all."""
    text = (
        "US troops at the al-Tanf base, Patrol Base Shaddadi and the Conoco gas field were attacked with several "
        "missiles on Saturday, a monitor reported. All of the missiles were intercepted, and no casualties "
        "have been reported."
    )
    got = primaries(text, gazetteer, dt.date(2025, 6, 16))
    assert sorted((g["base"]["slug"], tuple(g["weapons"]), g["killed"], g["injured"]) for g in got) == [
        ("al-shaddadi-base", ("missile",), 0, 0),
        ("al-tanf-garrison", ("missile",), 0, 0),
        ("conoco-gas-field", ("missile",), 0, 0),
    ]


def test_counted_unnamed_targets_in_another_country_beside_a_named_one(gazetteer) -> None:
    text = (
        "Rockets hit the US embassy in Baghdad on Friday. That assault was followed by drone and rocket attacks, "
        "including on al-Asad air base in western Iraq and three troop locations in Syria, officials said."
    )
    got = primaries(text, gazetteer, dt.date(2023, 12, 9))
    places = sorted(((g["base"] or {}).get("slug", ""), g["country"]) for g in got)
    assert places == [("", "Syria")] * 3 + [("ain-al-asad-air-base", "Iraq"), ("us-embassy-baghdad", "Iraq")]


def test_separate_attacks_by_two_drones_are_two() -> None:
    assert times_told("The Harir base was targeted in separate attacks by two explosive-laden drones.") == (2, False)
    assert times_told("Tanf was hit in three separate attacks overnight.") == (3, False)
    assert times_told("Two drones attacked the base.") == (0, False)


def test_the_attack_said_to_be_the_nth_and_the_base_its_claimant_hit_are_the_attack_told(gazetteer) -> None:
    # "This attack constitutes the 26th against US bases in Syria": a count of the attack told, not another one;
    # "Iraqi militias" describes the claimant, and "the US base" it says it hit is the base told
    text = (
        "An Iraqi Shiite militia claimed responsibility for a rocket and drone attack on the US base at al-Shaddadi "
        "in northeastern Syria on Wednesday. The group, an umbrella for Iran-backed Iraqi militias, said its drones "
        "and rockets hit the US base. This attack constitutes the 26th against US bases in Syria since October 19."
    )
    found = primaries(text, gazetteer, dt.date(2023, 11, 9))
    assert [(i["base"] or {}).get("slug") for i in found] == ["al-shaddadi-base"]


def test_twice_after_the_object_or_a_passive_launch_and_counted_bases_beside_it(gazetteer) -> None:
    # "attacks were launched twice against al-Asad and three bases in Syria": two on al-Asad, one on each base
    text = (
        "On Friday, drone or rocket attacks were launched twice against the Ain al-Asad airbase in western Iraq "
        "and three bases in Syria, a US official said."
    )
    found = primaries(text, gazetteer, dt.date(2023, 12, 8))
    assert sorted(((i["base"] or {}).get("slug", ""), i["country"]) for i in found) == [
        ("", "Syria"),
        ("", "Syria"),
        ("", "Syria"),
        ("ain-al-asad-air-base", "Iraq"),
        ("ain-al-asad-air-base", "Iraq"),
    ]
    # "attacked the base twice": the count after the verb's object
    text = "Militants attacked the Conoco gas field base twice on Saturday, first with a drone, then with rockets."
    assert len(primaries(text, gazetteer, dt.date(2024, 2, 10))) == 2


THREE_IN_SYRIA_TWO_AT_ASAD = ["Syria", "Syria", "Syria", "ain-al-asad-air-base", "ain-al-asad-air-base"]


def _by_target(got: list[dict]) -> list[str]:
    """Each attack's site, or its country when it has none, sorted."""
    return sorted((i["base"] or {}).get("slug", i["country"]) for i in got)


def test_a_count_broken_down_by_target_is_one_attack_per_unit(gazetteer) -> None:
    text = (
        "US troops in Iraq and Syria came under attack at least five times on Tuesday - three times at "
        "separate bases in Syria, and twice at Ain al-Asad air base in western Iraq, an official said."
    )
    got = primaries(text, gazetteer)
    assert len(got) == 5
    assert _by_target(got) == THREE_IN_SYRIA_TWO_AT_ASAD
    assert {i["date"] for i in got} == {"2024-03-05"}


def test_a_count_told_after_each_target_is_that_targets_own(gazetteer) -> None:
    # each target the subject of its own passive, its count after it: the counts do not leak from one to the other
    text = (
        "US forces came under attack five times on Tuesday, officials said. Two separate bases in north-east Syria "
        "were attacked three times and Ain al-Asad air base in western Iraq was targeted twice."
    )
    got = primaries(text, gazetteer)
    assert _by_target(got) == THREE_IN_SYRIA_TWO_AT_ASAD


def test_a_breakdown_with_once_names_one_attack(gazetteer) -> None:
    text = "Drones struck US forces on Tuesday: twice at the Conoco gas field and once at al-Shaddadi base."
    got = primaries(text, gazetteer)
    assert sorted(i["base"]["slug"] for i in got) == ["al-shaddadi-base", "conoco-gas-field", "conoco-gas-field"]


def test_a_sentence_adding_to_the_news_opens_an_attack_of_its_own(gazetteer) -> None:
    text = (
        "A drone struck Harir air base in Erbil province on Wednesday, a security source said.\n"
        "A little-known group claimed the attack in a statement.\n"
        "Also on Wednesday, the Pentagon said US forces had shot down two drones that attempted to attack "
        "coalition troops in Iraq."
    )
    got = primaries(text, gazetteer, published=dt.date(2023, 10, 18))
    assert len(got) == 2
    by_site = {(i["base"] or {}).get("slug"): i for i in got}
    assert by_site["al-harir-air-base"]["weapons"] == ["drone"]
    unnamed = by_site[None]
    assert (unnamed["country"], unnamed["launched"], unnamed["intercepted"]) == ("Iraq", 2, 2)


def test_an_attack_earlier_in_the_day_on_the_base_is_its_own(gazetteer) -> None:
    text = (
        "An Iraqi armed group said it hit al-Shaddadi base with a drone on Tuesday.\n"
        "There was no word on casualties.\n"
        "Earlier in the day, a rocket attack targeted the base.\n"
        "Recent weeks have seen attacks with drones and rockets on US bases near al-Tanf."
    )
    got = primaries(text, gazetteer, published=dt.date(2024, 1, 3))
    assert sorted((i["base"]["slug"], i["date"], tuple(i["weapons"])) for i in got) == [
        ("al-shaddadi-base", "2024-01-02", ("drone",)),
        ("al-shaddadi-base", "2024-01-02", ("rocket",)),
    ]


def test_a_line_counting_air_bases_frames_each_attack_told_after_it(gazetteer) -> None:
    """Modelled on a wire flash of a state's missile strike on two bases: the counting line gives each named attack
    its weapon and its actor."""
    text = (
        "Iran attacked at least two U.S. air bases in Iraq with more than a dozen ballistic missiles on Tuesday "
        "night, the Pentagon said.\n"
        "Missiles hit Al Asad air base in Anbar province. The other base targeted was in Irbil in Kurdistan."
    )
    got = primaries(text, gazetteer, published=dt.date(2020, 1, 8))
    assert sorted((i["base"]["slug"], tuple(i["weapons"]), i["perpetrator"]["slug"]) for i in got) == [
        ("ain-al-asad-air-base", ("missile",), "iran"),
        ("erbil-air-base", ("missile",), "iran"),
    ]


def test_another_attack_in_a_clause_of_its_own_is_a_second_attack(gazetteer) -> None:
    text = (
        "At least four rockets landed near Ain al-Asad air base on Thursday, while another attack involved a drone "
        "and three rockets near the base perimeter, officials said."
    )
    got = [(i["base"]["slug"], i["weapons"], i["launched"]) for i in primaries(text, gazetteer)]
    assert got == [
        ("ain-al-asad-air-base", ["rocket"], 4),
        ("ain-al-asad-air-base", ["rocket", "drone"], 3),
    ]


def test_the_second_attack_on_another_site_is_an_attack_of_its_own(gazetteer) -> None:
    text = (
        "A rocket struck Camp Taji on Friday, officials said. "
        "The second attack targeted the Harir air base, where a drone was shot down."
    )
    # key=str: a primary without a site (None) fails the comparison rather than the sort
    assert sorted(((i["base"] or {}).get("slug") for i in primaries(text, gazetteer)), key=str) == [
        "al-harir-air-base",
        "camp-taji",
    ]


def test_attacks_on_counted_bases_are_each_an_attack(gazetteer) -> None:
    # "attacks on two military bases housing American forces": the bases counted, each attacked - no trend
    text = (
        "Iraqi fighters carried out attacks on two military bases housing American forces in Syria, the group said "
        "in a statement on Saturday."
    )
    found = primaries(text, gazetteer, dt.date(2024, 1, 15))
    assert [(i["base"], i["country"], i["date"]) for i in found] == [(None, "Syria", "2024-01-13")] * 2


def test_the_countrys_us_bases_told_in_general_are_the_attack_named_there(gazetteer) -> None:
    # a breaking line on "US bases" of a country, the one attack named there that day: one attack, not two
    text = (
        "Iran on Monday fired missiles at Al Udeid Air Base in Qatar, officials said.\n"
        "#Breaking | Air defences active over Qatar, most likely after Iran launched a new attack to target US bases "
        "there.\n"
        "Qatar said the attack on Al Udeid caused no casualties."
    )
    found = [((i["base"] or {}).get("slug"), i["country"]) for i in primaries(text, gazetteer, dt.date(2025, 6, 23))]
    assert found == [("al-udeid-air-base", "Qatar")]
    # a base told apart, in another country, is another attack
    two = text.replace("US bases there", "US bases in Iraq")
    assert len(primaries(two, gazetteer, dt.date(2025, 6, 23))) == 2


def test_the_lead_retells_the_headlines_attack_even_as_a_new_one(gazetteer) -> None:
    # "a new attack" in the lead measures the news against earlier attacks: it is the headline's attack, which the
    # next sentence places
    text = (
        "US troops in north-east Syria come under drone attack\n\n"
        "American troops deployed in north-east Syria came under a new drone attack on Tuesday. "
        "The drones struck the coalition base at al-Shaddadi, local sources said, without giving a toll."
    )
    assert primary_sites(text, gazetteer) == ["al-shaddadi-base"]


@pytest.mark.parametrize(
    "again",
    [
        "CENTCOM added that the attack \u201cinvolved a one-way drone at the al-Tanf garrison\u201d across the border.",
        "Officials later said the attack occurred at the al-Tanf garrison, just across the border.",
        "Former Iraqi army officer Ali Hassan commented on the attack, calling it a turning point.",
    ],
)
def test_the_attack_told_again_by_another_voice_is_the_same_attack(gazetteer, again: str) -> None:
    # "the attack" as a source or a commentator tells it again is the one in focus, even where they place it in
    # another country, or name their own
    text = (
        "Three US soldiers were killed and dozens wounded in a drone attack on Tower 22, a US outpost in Jordan, on "
        f"Sunday. {again}"
    )
    assert primary_sites(text, gazetteer, dt.date(2024, 1, 28)) == ["tower-22"]
