"""Reading rules added after a third check on unseen articles (2026.11.4). Sentences are our own."""

import datetime as dt

from ingest.extractor import cues
from ingest.extractor.dates import find_dates
from ingest.extractor.names import skeleton
from tests.extractor.helpers import primaries
from tests.extractor.helpers import sorted_figures as figures

# --- counts ---------------------------------------------------------------------------------------------


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


def test_interception_verbs_and_long_subjects() -> None:
    assert figures("Air defences thwarted three drones over the camp.") == [("intercepted", 3), ("launched", 3)]
    text = "Two drones heading for the coalition camp near the airport after midnight were neutralised."
    assert figures(text) == [("intercepted", 2), ("launched", 2)]
    # another verb in between: the number belongs to the launch only
    assert figures("Two drones were launched at the base and one was shot down.") == [("launched", 2)]
    # others told apart: the interception count is not the launch count
    assert ("launched", 1) not in figures("One drone was downed, while another struck a hangar.")


def test_thwarted_drones_are_an_attack_not_a_foiled_plot() -> None:
    assert not cues.FOILED.search("Forces thwarted two armed drones before they could reach the base.")
    assert cues.FOILED.search("Police thwarted a rocket attack by seizing the launcher.")
    assert not cues.HYPOTHETICAL.search("Forces downed two drones before they could strike the base.")
    assert cues.HYPOTHETICAL.search("Officials said the group could strike the base again.")


# --- claims ---------------------------------------------------------------------------------------------


def test_statement_announcing_its_fighters_attacked_is_a_claim() -> None:
    assert cues.CLAIM.search("The group issued a statement announcing that resistance fighters attacked the base.")
    assert cues.CLAIM.search("The faction put out a video saying its fighters struck the airport.")


def test_long_no_claim_subject() -> None:
    assert cues.NO_CLAIM.search("No person or faction has yet claimed the attack, but analysts suspect militias.")


# --- names, sites, dates ---------------------------------------------------------------------------------


def test_glide_between_vowels_is_one_spelling() -> None:
    assert skeleton("Thawriyoun") == skeleton("Thawriun") == skeleton("Thawriyun")
    assert skeleton("Ayn") == skeleton("Ain")


def test_group_spelled_without_the_glide_is_found(gazetteer) -> None:
    text = "A faction calling itself Al-Thawriun claimed responsibility for the drone attack on Ain al-Asad on Monday."
    [inc] = primaries(text, gazetteer, dt.date(2024, 3, 12))
    assert inc["perpetrator"]["name"] == "Al-Thawriyoun"
    assert inc["claimed"] is True


def test_spokesperson_for_a_site_is_not_a_target(gazetteer) -> None:
    text = (
        "Three rockets hit a base near Baghdad airport early on Tuesday. "
        "A spokesman for the US embassy declined to comment on the attack."
    )
    incs = primaries(text, gazetteer, dt.date(2024, 3, 12))
    assert [i["base"]["name"] for i in incs] == ["Victory Base Complex (Baghdad International Airport)"]


def test_page_stamp_after_publication_is_not_an_event_day() -> None:
    dates = find_dates("Monday, 3 June 2024 | drones hit the base on Friday", dt.date(2024, 3, 9))
    assert [d.date for d in dates] == [dt.date(2024, 3, 8)]


def test_counted_unnamed_targets_are_the_named_ones(gazetteer) -> None:
    text = (
        "Militias targeted two US bases in Iraq on Tuesday with drones. "
        "Two drones were shot down near Ain al-Asad. "
        "Later a third drone was downed over the Harir base."
    )
    incs = primaries(text, gazetteer, dt.date(2024, 3, 12))
    assert sorted(i["base"]["name"] for i in incs) == ["Ain al-Asad Air Base", "Al-Harir Air Base"]


def test_tanaf_spelling(gazetteer) -> None:
    [inc] = primaries("A drone struck Al-Tanaf base on Friday.", gazetteer)
    assert inc["base"]["name"] == "Al-Tanf Garrison"
