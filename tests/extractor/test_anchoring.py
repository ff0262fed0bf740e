"""Event segmentation end to end: how many attacks, and which facts belong to which."""

import datetime as dt

from ingest.extractor import extract
from ingest.extractor.anchoring import _SPEAKS_OF_FOCUS
from tests.extractor.helpers import incidents, primaries


def test_same_site_on_two_days_is_two_attacks(gazetteer) -> None:
    text = (
        "A drone struck Ain al-Asad air base on Friday, officials said.\n"
        "Also on Wednesday, two rockets hit Ain al-Asad air base without causing casualties."
    )
    got = primaries(text, gazetteer)
    assert sorted(i["date"] for i in got) == ["2024-03-06", "2024-03-08"]
    by_date = {i["date"]: i for i in got}
    assert by_date["2024-03-08"]["weapons"] == ["drone"]
    assert by_date["2024-03-06"]["weapons"] == ["rocket"]
    assert by_date["2024-03-06"]["launched"] == 2


def test_first_and_second_attack_split(gazetteer) -> None:
    text = (
        "Two drones attacked Harir air base on Thursday night without causing any casualties.\n"
        "The first attack hit Harir air base at 10 pm, while the second attack came two hours later."
    )
    got = primaries(text, gazetteer)
    assert len(got) == 2
    assert all(i["launched"] is None and i["killed"] == 0 and i["weapons"] == ["drone"] for i in got)


def test_two_sites_in_one_sentence_keep_their_own_weapons_and_counts(gazetteer) -> None:
    text = (
        "Militants fired three rockets at Ain al-Asad air base and a drone was shot down near Erbil airport on Monday."
    )
    got = {i["base"]["slug"]: i for i in primaries(text, gazetteer)}
    assert got["ain-al-asad-air-base"]["weapons"] == ["rocket"]
    assert got["ain-al-asad-air-base"]["launched"] == 3
    assert got["erbil-air-base"]["weapons"] == ["drone"]
    assert got["erbil-air-base"]["intercepted"] == 1


def test_unnamed_attack_named_by_a_following_description(gazetteer) -> None:
    text = (
        "A military base in southern Syria where US troops are stationed was attacked by drones on Friday.\n"
        "The al-Tanf garrison in southeastern Syria sits near the Jordanian border."
    )
    got = primaries(text, gazetteer)
    assert [i["base"]["slug"] for i in got] == ["al-tanf-garrison"]


def test_definite_attack_refines_location_not_a_new_attack(gazetteer) -> None:
    text = (
        "The US Embassy in Baghdad was hit by mortar rounds on Friday.\n"
        "The attack targeted the Green Zone, which houses government buildings."
    )
    assert len(primaries(text, gazetteer)) == 1


def test_leading_after_clause_is_background(gazetteer) -> None:
    text = (
        "Rockets were fired at Ain al-Asad air base on Thursday, with no casualties reported.\n"
        "After three US troops were killed in an attack on Tower 22 in Jordan, there were few attacks for months."
    )
    got = extract(text, dt.date(2024, 7, 26), gazetteer)
    roles = {i.base.slug: i.role for i in got if i.base}
    assert roles == {"ain-al-asad-air-base": "primary", "tower-22": "background"}


def test_trend_sentences_do_not_leak_weapons(gazetteer) -> None:
    text = (
        "Rockets were fired at Ain al-Asad air base on Thursday.\n"
        "Since October, US bases have come under hundreds of rocket and drone attacks."
    )
    (inc,) = primaries(text, gazetteer, dt.date(2024, 7, 26))
    assert inc["weapons"] == ["rocket"]


def test_lone_target_keeps_weapons_told_in_its_after_clause(gazetteer) -> None:
    (inc,) = primaries("Ain al-Asad air base was hit on Friday after militants fired five rockets at it.", gazetteer)
    assert inc["weapons"] == ["rocket"]


def test_unnamed_lead_named_in_the_claim_statement(gazetteer) -> None:
    text = (
        "An Iraqi armed faction said on Thursday it had attacked a US base in northeastern Syria with a drone.\n"
        "The Islamic Resistance in Iraq, an alliance of mainly Iran-backed groups, said in a statement that its "
        "fighters launched a drone at the al-Shaddadi base."
    )
    got = primaries(text, gazetteer, dt.date(2024, 2, 2))
    assert len(got) == 1
    assert got[0]["base"]["slug"] == "al-shaddadi-base"
    assert got[0]["perpetrator"]["slug"] == "islamic-resistance-in-iraq"
    assert got[0]["claimed"] is True


def test_these_attacks_set_in_their_time_speak_of_the_attacks_told() -> None:
    assert _SPEAKS_OF_FOCUS.match("These attacks occurred after a security meeting between Iraqi and US officials.")
    assert _SPEAKS_OF_FOCUS.match("The strikes came after a meeting in Washington.")
    assert not _SPEAKS_OF_FOCUS.match("Three attacks occurred on Monday at al-Tanf and Conoco.")


def test_a_volley_told_toward_a_town_then_placed_by_its_part(gazetteer) -> None:
    text = (
        "About six drones were launched toward Erbil city on Monday, officials said. "
        "Two of the drones struck inside a base hosting coalition troops near Erbil international airport."
    )
    [attack] = primaries(text, gazetteer)
    assert (attack["base"]["slug"], attack["launched"], attack["date"]) == ("erbil-air-base", 6, "2024-03-04")


def test_an_earlier_attack_named_again_by_its_site_is_still_the_earlier_one(gazetteer) -> None:
    # "the Ain al-Asad attack", after the story told it as what the news came days after: background, with its toll
    text = (
        "A drone struck Tower 22 in Jordan on Sunday, wounding three soldiers. The attack on Tower 22 came days "
        "after militants targeted Ain al-Asad air base in Iraq. Two contractors were hurt in the Ain al-Asad "
        "attack, officials said."
    )
    found = incidents(text, gazetteer, dt.date(2024, 3, 5))
    assert [(i["role"], i["base"]["slug"], i["injured"]) for i in found] == [
        ("primary", "tower-22", 3),
        ("background", "ain-al-asad-air-base", 2),
    ]
