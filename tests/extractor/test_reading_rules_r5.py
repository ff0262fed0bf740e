"""Reading rules added after a fifth check on unseen articles (2026.11.6). Sentences are our own."""

import datetime as dt

import pytest

from ingest.extractor import cues
from ingest.extractor.dates import find_dates
from ingest.extractor.events import _attacks_in_general
from ingest.extractor.names import possessive_variant, skeleton
from ingest.extractor.segments import opens_new_event
from tests.extractor.helpers import PUBLISHED, primaries
from tests.extractor.helpers import sorted_figures as figures

# --- strike stories --------------------------------------------------------------------------------------


def test_strike_story_tells_the_militia_attack_as_background(gazetteer) -> None:
    text = (
        "US warplanes bomb militia depots in eastern Syria\n"
        "On March 8, American jets struck three depots used by an Iran-aligned group. "
        "The strikes answer a rocket attack on the Conoco gas field that wounded two soldiers."
    )
    assert primaries(text, gazetteer) == []


def test_strike_story_keeps_a_militia_attack_dated_as_news(gazetteer) -> None:
    text = (
        "US jets hit militia sites after a deadly attack\n"
        "American aircraft bombed two militia sites in Iraq on Saturday. "
        "On Thursday, a drone struck Tower 22 in Jordan, killing two soldiers."
    )
    [inc] = primaries(text, gazetteer)
    assert inc["base"]["slug"] == "tower-22"
    assert inc["date"] == "2024-03-07"


def test_attacks_on_coalition_forces_in_general() -> None:
    assert _attacks_in_general("The depots store arms the group uses to plan attacks on OIR coalition forces.", [])
    assert _attacks_in_general("Drone Attacks Targeting US Forces in Syria", [])
    assert not _attacks_in_general("Two drone attacks on US forces were reported near Hasakah.", [])
    assert not _attacks_in_general("It was the third attack since the groups paused attacks on US forces.", [])


def test_an_interception_by_us_forces_is_no_us_strike() -> None:
    assert cues.OTHER_ACTOR.search("The US military struck down three drones heading for the airport.") is None
    assert cues.OTHER_ACTOR.search("The US military struck two depots near Qaim.") is not None


# --- interceptions and dates -----------------------------------------------------------------------------


@pytest.mark.parametrize("verb", ["struck down", "brought down", "knocked down"])
def test_more_interception_verbs(verb: str) -> None:
    found = figures(f"Air defences {verb} four drones over the base.")
    assert ("intercepted", 4) in found
    assert ("launched", 4) in found


def test_a_byline_date_is_a_reporting_date() -> None:
    [d] = find_dates("By Jane Roe March 9, 2024 | Photo: agency", PUBLISHED)
    assert d.reporting


def test_the_event_day_wins_over_the_byline(gazetteer) -> None:
    text = (
        "Drones downed near Erbil\n"
        "By Jane Roe March 9, 2024 | Photo: agency\n"
        "Coalition air defences struck down two drones approaching Erbil airport on Thursday, officials said."
    )
    [inc] = primaries(text, gazetteer)
    assert (inc["date"], inc["launched"], inc["intercepted"]) == ("2024-03-07", 2, 2)


def test_a_relative_day_inside_a_quote_names_no_day() -> None:
    assert find_dates('"Last night a rocket hit the base," the spokesman said.', PUBLISHED) == []
    assert find_dates("A rocket hit the base last night.", PUBLISHED)[0].date == dt.date(2024, 3, 8)


# --- sites -----------------------------------------------------------------------------------------------


def test_possessive_site_names(gazetteer) -> None:
    assert possessive_variant(["baghdad", "airport"]) == ["baghdad", "s", "airport"]
    [inc] = primaries("Two rockets fell inside Baghdad's international airport on Friday.", gazetteer)
    assert inc["base"]["slug"] == "victory-base-complex"


def test_final_h_is_optional() -> None:
    assert skeleton("Bismayah") == skeleton("Bismaya")
    assert skeleton("Hasakah") == skeleton("Hasaka")


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


def test_a_group_name_says_nothing_of_the_country(gazetteer) -> None:
    text = "Islamic Resistance in Iraq says it hit a US base in Syria\nIts drones struck al-Shaddadi base on Friday."
    [inc] = primaries(text, gazetteer)
    assert inc["base"]["slug"] == "al-shaddadi-base"


def test_trend_verbs_are_habits() -> None:
    assert cues.HABITUAL.search("The group has stepped up its targeting of bases hosting coalition troops.")


# --- casualties beside a strike --------------------------------------------------------------------------


def test_no_casualties_before_a_strike_clause(gazetteer) -> None:
    text = (
        "A rocket hit Camp Taji on Friday, the army said. "
        "Nobody was hurt and no casualties were reported, the second attack since a US airstrike on Monday."
    )
    [inc] = primaries(text, gazetteer)
    assert (inc["killed"], inc["injured"], inc["date"]) == (0, 0, "2024-03-08")


# --- audit: narrower background cues ---------------------------------------------------------------------


def test_an_earlier_attack_the_same_day_is_news(gazetteer) -> None:
    text = (
        "A drone hit Harir air base on Thursday evening, officials said. "
        "The blast followed an earlier attack on Ain al-Asad air base, where a drone was shot down."
    )
    slugs = sorted(i["base"]["slug"] for i in primaries(text, gazetteer))
    assert slugs == ["ain-al-asad-air-base", "al-harir-air-base"]


def test_previously_describes_the_site_not_the_attack(gazetteer) -> None:
    text = "Rockets struck a base near Kirkuk that previously hosted US troops, the K-1 air base, on Friday."
    [inc] = primaries(text, gazetteer)
    assert inc["base"]["slug"] == "k-1-air-base"
