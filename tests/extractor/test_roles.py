"""Roles: the attack in the news (primary) versus background - strike stories, reference clauses, earlier attacks."""

import datetime as dt

import pytest

from ingest.extractor import cues
from tests.extractor.helpers import incidents, primaries, primary_sites


def test_pluperfect_after_a_reporting_verb_is_the_news() -> None:
    reported = "The coalition confirmed on Tuesday that two soldiers had been killed at the base."
    earlier = "The base had been hit by rockets before."
    assert cues.REPORTED_THAT.search(reported, 0, reported.index("had been"))
    assert not cues.REPORTED_THAT.search(earlier, 0, earlier.index("had been"))


def test_counted_volley_in_present_perfect_is_news(gazetteer) -> None:
    text = (
        "Officials say at least eight rockets have targeted a military base in western Iraq that hosts US troops. "
        "The rockets struck Ain al-Asad air base at dawn on Friday, a spokesman said."
    )
    [inc] = primaries(text, gazetteer)
    assert inc["base"]["slug"] == "ain-al-asad-air-base"
    assert inc["launched"] == 8


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


def test_a_passive_perfect_with_a_count_is_news(gazetteer) -> None:
    text = "Ain al-Asad air base has been hit by three rockets, Iraqi security officials said on Saturday."
    assert len(primaries(text, gazetteer)) == 1


def test_a_follow_up_dated_earlier_this_year_reports_that_attack(gazetteer) -> None:
    # "earlier this year" dates the attack followed up; it does not make it another, earlier one
    text = (
        "Three airmen who were wounded in a drone attack on a US base in Jordan earlier this year received the "
        "Purple Heart on Saturday. The January 28 attack on Tower 22 killed three US soldiers."
    )
    (attack,) = primaries(text, gazetteer, dt.date(2024, 10, 9))
    assert (attack["base"]["slug"], attack["date"], attack["killed"]) == ("tower-22", "2024-01-28", 3)


def test_every_attack_says_why_it_is_the_news_or_background(gazetteer) -> None:
    text = (
        "Two rockets struck Ain al-Asad air base on Monday, officials said. "
        "The base was last attacked in March, when a drone hit a hangar."
    )
    found = {i["role"]: i["role_reason"] for i in incidents(text, gazetteer, dt.date(2024, 6, 4))}
    assert found == {"primary": "the attack the article reports", "background": "an earlier attack told in passing"}


def test_an_attack_told_before_the_news_happened_is_background(gazetteer) -> None:
    """'told reporters Monday that there was a rocket attack' in Thursday's story of Tuesday's attack: the day is
    the statement's, and a statement made before Tuesday tells an earlier attack."""
    text = (
        "Three US soldiers were evaluated for concussions after rockets were fired at troops in Syria, the "
        "Pentagon said Thursday. The attack happened Tuesday near al-Shaddadi base. "
        "A spokesman told reporters Monday that there was a rocket attack against one of the US facilities in "
        "Syria, though no one was hurt."
    )
    got = incidents(text, gazetteer, dt.date(2024, 12, 5))
    assert [(i["role"], i["date"]) for i in got] == [("primary", "2024-12-03"), ("background", "2024-12-02")]
    assert got[0]["injured"] is None


def test_the_base_attacked_days_before_the_news_is_background(gazetteer) -> None:
    """'The base had been attacked on Friday too' after Monday's attack: an earlier attack on the site in focus;
    a claim dated the day before is the same attack told across midnight."""
    text = (
        "Rockets hit Ain al-Asad on Monday, officials said. The base had been attacked on Friday too, with two drones."
    )
    got = incidents(text, gazetteer, dt.date(2024, 1, 10))
    assert [(i["role"], i["date"], i["launched"]) for i in got] == [
        ("primary", "2024-01-08", None),
        ("background", "2024-01-05", 2),
    ]
    text = "A drone hit Ain al-Asad early on Monday. A militia claimed to have attacked the base on Sunday."
    assert [i["role"] for i in incidents(text, gazetteer, dt.date(2024, 1, 10))] == ["primary"]


def test_a_trend_in_a_clause_of_its_own_leaves_the_attack_its_day(gazetteer) -> None:
    """'... attacked US forces at al-Tanf on October 23 as similar attacks have increased': the trend is the
    'as' clause's; the main clause tells the attack and its day."""
    text = (
        "A militia attacked US forces at al-Tanf garrison on October 23 as similar attacks across Iraq and Syria "
        "have increased in the past two weeks. On October 22, the defense secretary warned of escalation."
    )
    (got,) = primaries(text, gazetteer, dt.date(2023, 10, 24))
    assert got["date"] == "2023-10-23"


def test_a_strike_story_led_by_a_trend_line_is_still_a_strike_story(gazetteer) -> None:
    """The lead is the first sentence telling an attack that is not a trend: here the US strike, so the rocket
    attack it answered is background."""
    text = (
        "Iran-backed militias have repeatedly attacked US forces in Iraq this year.\n"
        "US warplanes struck Kataib Hezbollah sites in Iraq and Syria on Sunday, the Pentagon said.\n"
        "The strikes answered a rocket attack on Friday that killed a US contractor at the K-1 air base near Kirkuk."
    )
    got = incidents(text, gazetteer, dt.date(2019, 12, 30))
    assert [(i["role"], i["base"]["slug"]) for i in got] == [("background", "k-1-air-base")]


def test_a_follow_up_lead_on_last_weeks_attack_is_the_day_told_further_on(gazetteer) -> None:
    # The headline tells an unnamed attack "last week"; the body names its site and day (a day of last week): one
    # attack, the news of the casualty update, with the lead's toll
    text = (
        "Six US troops hurt in drone attack in Syria last week, Pentagon says\n\n"
        "Six US service members were wounded in a drone attack on a base in Syria last week, the Pentagon said on "
        "Tuesday.\n\n"
        "The drone struck on Thursday at the Rumalyn Landing Zone, which hosts coalition troops, officials had said "
        "then, without giving a toll."
    )
    (attack,) = incidents(text, gazetteer, dt.date(2024, 8, 13))
    assert (attack["role"], attack["base"]["slug"], attack["date"], attack["injured"]) == (
        "primary",
        "rumalyn-landing-zone",
        "2024-08-08",
        6,
    )


def test_an_attack_in_the_period_a_situation_report_covers_is_its_news(gazetteer) -> None:
    # A weekly report whose lead is a strike: the attacks of the week it names are still its news
    text = (
        "Iraq Weekly Report: March 11 - 17, 2020\n\n"
        "Key takeaway: US aircraft struck militia weapons depots after a deadly week for the coalition.\n\n"
        "Mar 11: Militants fired around 30 rockets at Camp Taji, killing two Americans and a Briton."
    )
    (attack,) = [i for i in incidents(text, gazetteer, dt.date(2020, 3, 17)) if i["base"]]
    assert (attack["role"], attack["base"]["slug"], attack["date"], attack["killed"]) == (
        "primary",
        "camp-taji",
        "2020-03-11",
        3,
    )


def test_earlier_attacks_told_in_passing_are_background_in_other_stories(gazetteer) -> None:
    # a group's claim of an earlier strike, with its threat told in a clause of its own ("saying it would ...")
    text = (
        "An Iraqi group launched a drone at Haifa on Saturday, Israeli media said. The Israeli army said it "
        "intercepted the drone over the sea. The group has carried out dozens of attacks on Israel since October. "
        "On Tuesday, the Nujaba movement "
        "claimed responsibility for an August 15 strike against Ain al-Asad airbase, saying it would launch further "
        "attacks."
    )
    (earlier,) = incidents(text, gazetteer, dt.date(2024, 8, 25))
    assert (earlier["role"], earlier["base"]["slug"], earlier["date"]) == (
        "background",
        "ain-al-asad-air-base",
        "2024-08-15",
    )
    # "as recently as December" dates an attack; "hundreds of the attackers dead" is a toll, not a habit
    text = (
        "US forces have left three bases in Syria, the Pentagon said. Conoco was attacked as recently as December "
        "and was the site of a 2018 battle that left hundreds of the attackers dead."
    )
    (earlier,) = incidents(text, gazetteer, dt.date(2025, 8, 4))
    assert (earlier["base"]["slug"], earlier["date"], earlier["date_precision"]) == (
        "conoco-gas-field",
        "2024-12",
        "month",
    )


def test_strikes_over_the_past_few_days_and_hundreds_of_attacks_are_a_trend() -> None:
    assert cues.PRACTICE.search("The attacks follow similar drone strikes over the past few days against US bases.")
    assert cues.HABITUAL.search("US bases came under hundreds of rocket and drone attacks.")
    assert not cues.HABITUAL.search("The battle left hundreds of the attackers dead.")


def test_an_attack_told_after_the_lead_on_an_earlier_day_is_background(gazetteer) -> None:
    """Modelled on reports of a night's rockets at Erbil that go on to recall a deadly rocket near Baghdad
    airport the day before, and of a drone swarm on Shaddadi that recalls the day before's attacks on Conoco."""
    text = (
        "Six rockets were fired at the coalition base at Erbil airport on Friday night, officials said.\n"
        "On Thursday, a rocket attack killed two people near Baghdad airport."
    )
    by_site = {i["base"]["slug"]: i for i in incidents(text, gazetteer)}
    assert by_site["erbil-air-base"]["role"] == "primary"
    assert by_site["victory-base-complex"]["role"] == "background"
    assert by_site["victory-base-complex"]["date"] == "2024-03-07"


def test_an_earlier_day_added_to_the_news_stays_news(gazetteer) -> None:
    for added in ("Also on Thursday", "Separately, on Thursday", "Meanwhile on Thursday"):
        text = (
            "Six rockets were fired at the coalition base at Erbil airport on Friday night, officials said.\n"
            f"{added}, a drone struck Ain al-Asad air base."
        )
        assert sorted(i["base"]["slug"] for i in primaries(text, gazetteer)) == [
            "ain-al-asad-air-base",
            "erbil-air-base",
        ], added


def test_a_lead_dated_by_its_report_bounds_the_news(gazetteer) -> None:
    """The lead gives only the day a channel reported the attack: an attack told after it three days before
    that day is an earlier one (modelled on a wire story of a drone swarm on Shaddadi)."""
    text = (
        "Drones struck a US base in al-Shaddadi, a Syrian television channel reported on Friday.\n"
        "Several explosions were heard inside the base, the channel said.\n"
        "An Iraqi armed group claimed responsibility for the attack.\n"
        "On Tuesday, drones struck the Conoco gas field."
    )
    by_site = {i["base"]["slug"]: i for i in incidents(text, gazetteer)}
    assert by_site["al-shaddadi-base"]["role"] == "primary"
    assert by_site["conoco-gas-field"]["role"] == "background"


def test_an_earlier_attack_on_the_same_base_is_on_the_site_in_focus(gazetteer) -> None:
    text = (
        "Rockets hit Camp Taji on Saturday, wounding three soldiers.\n"
        "The attack came days after two US soldiers were killed in a similar strike on the same base."
    )
    got = incidents(text, gazetteer)
    assert [(i["role"], i["base"]["slug"]) for i in got] == [("primary", "camp-taji"), ("background", "camp-taji")]


def test_the_attack_compared_with_a_period_tells_no_earlier_attack(gazetteer) -> None:
    """Modelled on reports of the Tower 22 strike: 'The incident marked the first time American soldiers were
    killed since the attacks began ... back in October', then its toll."""
    text = (
        "A drone struck Tower 22 in Jordan on Sunday, killing three US soldiers.\n"
        "The incident marked the first time US soldiers were killed since the attacks began in October.\n"
        "More than 40 others were injured in the attack."
    )
    got = incidents(text, gazetteer)
    assert [(i["role"], i["base"]["slug"]) for i in got] == [("primary", "tower-22")]
    assert got[0]["injured"] == 40


def test_a_follow_up_names_its_attack_by_its_day_later(gazetteer) -> None:
    """Modelled on the brain-injury updates after Iran's missiles on Al Asad: the lead tells the attack without a
    day; 'the Jan. 8 missile attack on Al Asad' further down is that attack, not an earlier one."""
    text = (
        "The number of troops treated for concussion after the missile attack on Al Asad air base has risen, "
        "the Pentagon said on Monday.\n"
        "Most of them have returned to duty.\n"
        "Several were flown to Germany for further evaluation, officials said.\n"
        "The injuries were first played down as headaches.\n"
        "The Jan. 8 missile attack on Al Asad was retaliation for the killing of an Iranian general."
    )
    got = incidents(text, gazetteer, published=dt.date(2020, 2, 10))
    assert [(i["role"], i["base"]["slug"], i["date"]) for i in got] == [
        ("primary", "ain-al-asad-air-base", "2020-01-08")
    ]


def test_a_follow_up_dated_to_its_month_takes_the_day_the_attack_is_named_by(gazetteer) -> None:
    # "this month" dates the attack to its month; "the Jan. 8 attack", in that month, names its day
    text = (
        "The count has climbed steadily since the Jan. 8 attack, officials said.\n"
        "The Pentagon said on Thursday that 50 troops had been diagnosed with brain injuries after the Iranian "
        "missile strikes on Al Asad air base in Iraq this month."
    )
    got = incidents(text, gazetteer, published=dt.date(2020, 1, 24))
    assert [(i["role"], i["base"]["slug"], i["date"]) for i in got] == [
        ("primary", "ain-al-asad-air-base", "2020-01-08")
    ]


def test_previous_attacks_on_a_named_site_are_background(gazetteer) -> None:
    text = (
        "A drone struck the US base at Erbil airport on Thursday, an Iraqi group said.\n"
        "The attack follows two previous assaults by the same group on Harir air base."
    )
    got = incidents(text, gazetteer)
    assert [(i["role"], i["base"]["slug"]) for i in got] == [
        ("primary", "erbil-air-base"),
        ("background", "al-harir-air-base"),
    ]


def test_recent_attacks_on_named_sites_are_background(gazetteer) -> None:
    # "recent attacks on three military bases ..., including ...": the weeks before the news, told in the plural
    text = (
        "Two armed drones were shot down over Erbil airport on Tuesday, the counter-terrorism service said.\n"
        "The prime minister pledged to pursue those responsible for recent attacks on three bases hosting "
        "coalition advisers, including Ain al-Asad in the west and Harir near Erbil."
    )
    got = incidents(text, gazetteer, dt.date(2023, 11, 7))
    assert sorted((i["role"], i["base"]["slug"]) for i in got) == [
        ("background", "ain-al-asad-air-base"),
        ("background", "al-harir-air-base"),
        ("primary", "erbil-air-base"),
    ]


def test_the_attack_a_strike_follows_is_told_in_the_strike_story(gazetteer) -> None:
    """Modelled on a think-tank note on US strikes: 'The U.S. strikes follow a 30-plus rocket attack on Iraq's K-1
    base'. The strike is the news; the attack it answers is background."""
    for answer in ("follow", "were in response to"):
        text = (
            "US warplanes bomb militia depots in eastern Syria\n"
            "On March 8, American jets struck three depots used by an Iran-aligned group. "
            f"The U.S. strikes {answer} a rocket attack on the Conoco gas field that wounded two soldiers."
        )
        got = incidents(text, gazetteer)
        assert [(i["role"], i["base"]["slug"], i["injured"]) for i in got] == [("background", "conoco-gas-field", 2)], (
            answer
        )


def test_the_last_attack_on_a_named_site_does_not_name_the_news(gazetteer) -> None:
    text = (
        "Two rockets fell near a US military base in Iraq\n"
        "The last attack on Balad airbase was on March 15, when at least five rockets fell on the base.\n"
        "On Sunday, two rockets fell in the countryside near an Iraqi airbase where American contractors work."
    )
    got = incidents(text, gazetteer, published=dt.date(2021, 4, 5))
    background = [i for i in got if i["role"] == "background"]
    assert [(i["base"]["slug"], i["date"]) for i in background] == [("balad-air-base", "2021-03-15")]
    assert all(i["date"] == "2021-04-04" for i in got if i["role"] == "primary")


def test_a_follow_up_names_the_leads_site_again_further_on(gazetteer) -> None:
    # the lead's attack is weeks old; the undated strike on the same site told further on is that attack
    text = (
        "An Iranian missile attack on June 23 caused minor damage to Al Udeid Air Base in Qatar, the Pentagon said.\n"
        "Weekly defence review\n"
        "Sat Jul 12 2025\n"
        "The Pentagon confirmed on Friday that satellite images show a damaged dome at the base.\n"
        "One of the missiles struck Al Udeid Air Base, damaging equipment. No injuries were reported."
    )
    (got,) = primaries(text, gazetteer, published=dt.date(2025, 7, 12))
    assert (got["base"]["slug"], got["date"]) == ("al-udeid-air-base", "2025-06-23")
    assert got["injured"] == 0


def test_attacks_a_strike_answered_the_same_evening_are_news(gazetteer) -> None:
    """Modelled on a Central Command release: the response is told first, the attacks it answered that evening
    after it, with their own hour and toll - both are the news."""
    text = (
        "US forces responded Tuesday evening to rocket attacks at two sites in Syria, destroying two launch trucks.\n"
        "The attacks began at about 7 p.m. local time when several rockets landed inside Mission Support Site "
        "Conoco. Minutes later, more rockets landed near Mission Support Site Green Village.\n"
        "One service member at Conoco was treated for a minor injury."
    )
    got = primaries(text, gazetteer, published=dt.date(2024, 3, 6))
    assert sorted((i["base"]["slug"], i["date"]) for i in got) == [
        ("al-omar-oil-field", "2024-03-05"),
        ("conoco-gas-field", "2024-03-05"),
    ]
    # answering an attack of another day, the strike is the news and the attack its background
    text = (
        "US forces responded Tuesday evening to rocket attacks on Mission Support Site Conoco last Friday, striking "
        "two depots."
    )
    assert primaries(text, gazetteer, published=dt.date(2024, 3, 6)) == []


def test_the_attack_as_subject_of_the_latest_in_a_series_is_still_told(gazetteer) -> None:
    """Modelled on wire copy: the sentence whose subject is the attack gives its hour and toll, and 'is the latest
    in a series' only situates it."""
    text = (
        "Two drones targeted Ain al-Asad air base, which hosts US forces, two sources said on Tuesday.\n"
        "The attack in the early hours of Tuesday, which the sources said caused no casualties, is the latest in a "
        "series of attacks on US troops in Iraq and Syria."
    )
    (got,) = primaries(text, gazetteer, published=dt.date(2023, 10, 31))
    assert (got["date"], got["killed"], got["injured"]) == ("2023-10-31", 0, 0)


def test_earlier_days_told_of_the_base_in_focus_and_previous_attacks(gazetteer) -> None:
    """Modelled on a militia-channel summary: tonight's attack 'for another time this week', the days before it
    told of 'the base', and 'previous rocket and drone attacks' on two sites."""
    text = (
        "US base at Al-Omar oil field attacked again\n"
        "Channels close to the factions reported that tonight, Sunday, for another time this week, the US base at "
        "the al-Omar oil field came under attack with unspecified weapons. On Friday, the base was targeted by a "
        "missile. This came after previous rocket and drone attacks targeted US bases at the Omar oil field and "
        "the Conoco gas field."
    )
    got = incidents(text, gazetteer, published=dt.date(2023, 10, 29))
    (news,) = [i for i in got if i["role"] == "primary"]
    assert (news["base"]["slug"], news["date"], news["weapons"]) == ("al-omar-oil-field", "2023-10-29", ["unknown"])
    assert ("al-omar-oil-field", "2023-10-27") in {((i["base"] or {}).get("slug"), i["date"]) for i in got}


def test_counted_rounds_in_the_perfect_are_news_not_a_habit(gazetteer) -> None:
    text = "Two mortar rounds have struck the Balad air base north of Baghdad on Thursday. There were no casualties."
    (got,) = primaries(text, gazetteer, published=dt.date(2019, 12, 5))
    assert (got["base"]["slug"], got["launched"], got["killed"], got["injured"]) == ("balad-air-base", 2, 0, 0)


def test_what_stands_reported_after_an_aside_is_the_news(gazetteer) -> None:
    """Modelled on wire copy: the news, an earlier attack told in passing, then the toll as of now."""
    text = (
        "Two armed drones on Tuesday targeted Ain al-Asad air base, which hosts US forces, two sources said.\n"
        "An Iraqi officer said air defences downed one drone near the base perimeter.\n"
        "In April, two drones were shot down near Ain al-Asad base.\n"
        "No casualties have been reported, the sources said."
    )
    got = incidents(text, gazetteer, published=dt.date(2024, 7, 17))
    (news,) = [i for i in got if i["role"] == "primary"]
    assert (news["date"], news["launched"], news["intercepted"]) == ("2024-07-16", 2, 1)
    assert (news["killed"], news["injured"]) == (0, 0)


def test_that_attack_and_its_weapon_again_are_the_earlier_attacks(gazetteer) -> None:
    """Modelled on a report of rockets the day after a deadly drone: 'that attack' and 'the suicide drone' point
    back to the earlier attack, not to the news."""
    text = (
        "Eight rockets targeted US troops at the Green Village base in eastern Syria on Friday, a day after US "
        "strikes.\n"
        "There were no injuries, the coalition said.\n"
        "The rocket attack came a day after a U.S. contractor was killed when an explosives-laden drone crashed into "
        "a maintenance facility on a coalition base near Hasakah. Five U.S. service members and another U.S. "
        "contractor were wounded in that attack. U.S. forces determined the suicide drone was of Iranian design and "
        "attributed the attack to Iran-affiliated groups."
    )
    got = incidents(text, gazetteer, published=dt.date(2023, 3, 25))
    (news,) = [i for i in got if i["role"] == "primary"]
    assert (news["weapons"], news["launched"], news["injured"]) == (["rocket"], 8, 0)
    (earlier,) = [i for i in got if i["role"] == "background"]
    assert earlier["weapons"] == ["drone"]


def test_a_follow_up_dated_by_its_report_takes_the_day_its_lead_names_the_attack_by(gazetteer) -> None:
    """Modelled on a satellite-imagery follow-up: the first sentence's day is when the images were revealed;
    the attack is named by its own day in the next one; an adviser 'separately claimed' tells no second attack."""
    text = (
        "An Iranian attack on Al Udeid Air Base in Qatar may have hit a communications dome, new satellite images "
        "revealed on Friday.\n"
        "Tehran's attack on June 23 had been a response to American strikes on its nuclear sites.\n"
        "Iran fired 14 missiles at Al Udeid Air Base, and 13 were knocked down.\n"
        "An adviser to Iran's leader separately claimed that the base's communications had been cut."
    )
    (got,) = primaries(text, gazetteer, published=dt.date(2025, 7, 11))
    assert (got["base"]["slug"], got["date"]) == ("al-udeid-air-base", "2025-06-23")


def test_the_attack_a_strike_answers_after_its_objects_is_background(gazetteer) -> None:
    text = (
        "US forces launched airstrikes on seven facilities of Iranian-backed militias in Syria and Iraq in response "
        "to a drone attack on Tower 22 base in northeast Jordan on Jan. 28 that killed three US soldiers."
    )
    got = incidents(text, gazetteer, published=dt.date(2024, 2, 7))
    assert [(i["role"], (i["base"] or {}).get("slug")) for i in got] == [("background", "tower-22")]


def test_the_entries_of_a_dated_list_are_the_attacks_the_article_reports(gazetteer) -> None:
    # A timeline's entries, however old, are what the article reports, not earlier attacks told in passing; an
    # entry that counts unnamed attacks ("attacked three times") tells that many
    published = dt.date(2024, 2, 5)
    timeline = (
        "A drone attack killed three US soldiers at a base in Jordan on Sunday, the latest of many attacks.\n\n"
        "Here is a list of the main attacks before it:\n\n"
        "OCT. 20 - Two drones target al-Tanf garrison in Syria; one is shot down.\n\n"
        "NOV. 9 - US troops in Iraq are attacked three times, with no injuries.\n\n"
        "DEC. 3 - Rockets hit Ain al-Asad air base. Separately, a drone targets US forces in Syria."
    )
    news = [
        (i["date"], (i["base"] or {}).get("slug") or "", i["country"])
        for i in primaries(timeline, gazetteer, published)
    ]
    assert sorted(news) == [
        ("2023-10-20", "al-tanf-garrison", "Syria"),
        ("2023-11-09", "", "Iraq"),
        ("2023-11-09", "", "Iraq"),
        ("2023-11-09", "", "Iraq"),
        ("2023-12-03", "", "Syria"),
        ("2023-12-03", "ain-al-asad-air-base", "Iraq"),
        ("2024-02-04", "", "Jordan"),
    ]
    # an encyclopedia's section of paragraphs each opening with its day
    section = (
        "Ain al-Asad air base\n\n"
        "On 17 October 2023, militants launched a drone at Ain al-Asad air base. It was shot down.\n\n"
        "On 20 January 2024, the Islamic Resistance in Iraq fired missiles at al-Asad airbase, injuring soldiers."
    )
    assert [i["date"] for i in primaries(section, gazetteer, dt.date(2024, 3, 1))] == ["2023-10-17", "2024-01-20"]
    # one earlier attack recalled in a paragraph of its own is still background
    story = (
        "Rockets struck Ain al-Asad air base on Sunday, officials said.\n\n"
        "On 17 October 2023, militants launched a drone at the same base."
    )
    roles = sorted((i["role"], i["date"]) for i in incidents(story, gazetteer, dt.date(2024, 3, 4)))
    assert roles == [("background", "2023-10-17"), ("primary", "2024-03-03")]


def test_what_follows_a_line_introducing_a_list_of_attacks_is_what_the_article_reports(gazetteer) -> None:
    # "Here is a summary of the attacks:" - the list's attacks are the article's news, told in a timeline's present
    # ("a rocket kills ..."), and a strike told in it ("the US bombs ...") takes what follows until an attack again
    text = (
        "Rockets hit a US base in Iraq on Wednesday, the latest of many attacks.\n\n"
        "Here is a summary of the attacks:\n\n"
        "A US contractor is killed on December 27 when around 30 rockets are fired at the K1 base in Kirkuk.\n\n"
        "Two days later the US bombs a base of Kataib Hezbollah in western Iraq. At least 25 fighters are killed.\n\n"
        "On March 11, a rocket kills two American soldiers and a British soldier at Camp Taji."
    )
    found = {
        i["base"]["slug"]: (i["date"], i["launched"], i["killed"])
        for i in primaries(text, gazetteer, dt.date(2020, 4, 1))
        if i["base"]
    }
    assert found == {"k-1-air-base": ("2019-12-27", 30, 1), "camp-taji": ("2020-03-11", 1, 3)}


def test_a_lead_counting_the_attacks_of_recent_days_makes_those_it_tells_its_news(gazetteer) -> None:
    published = dt.date(2023, 10, 31)  # a Tuesday
    told = (
        "On Monday, rockets targeted al-Asad air base, officials said. On Sunday, a drone targeted US forces at "
        "al-Shaddadi. On Thursday, another drone targeted the al-Tanf garrison."
    )
    counted = "US forces in Iraq and Syria have been attacked at least 20 times in recent days, officials said. "
    roles = {i["base"]["slug"]: (i["role"], i["date"]) for i in incidents(counted + told, gazetteer, published)}
    assert roles == {
        "ain-al-asad-air-base": ("primary", "2023-10-30"),
        "al-shaddadi-base": ("primary", "2023-10-29"),
        "al-tanf-garrison": ("primary", "2023-10-26"),
    }
    # without the count, the attacks of days before the one the article leads with are background
    roles = {i["base"]["slug"]: i["role"] for i in incidents(told, gazetteer, published)}
    assert roles == {
        "ain-al-asad-air-base": "primary",
        "al-shaddadi-base": "background",
        "al-tanf-garrison": "background",
    }


def test_the_attack_a_strike_came_hours_after_is_news_with_it(gazetteer) -> None:
    text = (
        "The US military struck three militia facilities in Iraq on Tuesday in retaliation for attacks on American "
        "troops over the past week. Tuesday's strikes came hours after militants fired two drones at al-Asad air "
        "base, injuring several service members."
    )
    (attack,) = incidents(text, gazetteer, dt.date(2024, 1, 23))
    assert (attack["role"], attack["base"]["slug"], attack["date"]) == ("primary", "ain-al-asad-air-base", "2024-01-23")
    # an attack days before the strike stays its cause, background
    earlier = text.replace("came hours after", "came days after").replace(
        "fired two drones", "on Friday fired two drones"
    )
    (attack,) = incidents(earlier, gazetteer, dt.date(2024, 1, 23))
    assert attack["role"] == "background"


def test_an_attack_that_followed_a_strike_is_the_news(gazetteer) -> None:
    # "The attempted drone attack followed US strikes on ...": the attack is the subject, the strike its setting;
    # "American and other forces" are the coalition attacked
    text = (
        "The attempted drone attack followed US strikes on two weapons depots in eastern Syria on Friday. US forces "
        "shot down a one-way attack drone near Ain al-Asad air base on Saturday, an official said. The official "
        "also said rockets were fired at American and other forces in Syria on Thursday, causing no casualties."
    )
    found = [
        (i["role"], i["date"], (i["base"] or {}).get("slug"), i["country"])
        for i in incidents(text, gazetteer, dt.date(2023, 10, 28))
    ]
    assert found == [
        ("primary", "2023-10-28", "ain-al-asad-air-base", "Iraq"),
        ("primary", "2023-10-26", None, "Syria"),
    ]


def test_a_strike_in_the_setting_a_lead_opens_on_leaves_its_attack_the_news(gazetteer) -> None:
    # "With tensions rising after US strikes on Iran, Iran fired ...": the strike is the state of things the main
    # clause is set in, as "Hours after US strikes, ..." is; the attack the main clause tells is the news
    for opening in (
        "With tensions rising across the region after US strikes on Iranian nuclear sites over the weekend,",
        "Amid soaring tension following US strikes on Iranian nuclear sites over the weekend,",
    ):
        text = (
            f"{opening} Iran on Monday fired missiles at Al Udeid Air Base in Qatar, officials said. Qatar said its "
            "air defences intercepted the missiles and that there were no casualties."
        )
        found = [
            (i["role"], i["date"], (i["base"] or {}).get("slug"), i["killed"], i["injured"])
            for i in incidents(text, gazetteer, dt.date(2025, 6, 23))
        ]
        assert found == [("primary", "2025-06-23", "al-udeid-air-base", 0, 0)], opening


def test_the_weapon_told_again_as_subject_places_the_attack_the_article_is_about(gazetteer) -> None:
    # A feature's headline and lead tell attacks unplaced ("under fire", a drone "in Iraq"); "The drone, launched on
    # Oct. 26 ... at the Erbil air base" places the lead's attack, old as it is: the article's subject, not an
    # earlier attack in passing
    text = (
        "US forces come under fire across the region\n\nBy Jane Doe and John Roe\n\n"
        "WASHINGTON (Reuters) - A faulty drone in Iraq may have kept the United States out of a wider war.\n\n"
        "The drone, launched on Oct. 26 by an Iran-backed militia at the Erbil air base, crashed into a barracks "
        "but did not explode. One soldier suffered a concussion."
    )
    (attack,) = incidents(text, gazetteer, dt.date(2023, 11, 8))
    assert (attack["role"], attack["base"]["slug"], attack["date"], attack["injured"]) == (
        "primary",
        "erbil-air-base",
        "2023-10-26",
        1,
    )


def test_a_lead_telling_rockets_at_bases_in_the_plural_frames_the_attacks_told_next(gazetteer) -> None:
    # "targeting bases housing troops ...": the attacks told next one by one, no attack of its own; "These attacks
    # occurred after ..." speaks of them, it tells no other
    text = (
        "Several rockets were launched on Thursday and Friday targeting bases housing troops from the US-led "
        "coalition in Iraq and Syria, officials said. At least four rockets landed near Ain al-Asad air base in "
        "Anbar province, causing no injuries. A rocket fell near a coalition base in the Conoco gas field in Deir "
        "ez-Zor province. These attacks occurred after a meeting of Iraqi and US officials in Washington about the "
        "future of the coalition."
    )
    found = [
        ((i["base"] or {}).get("slug"), i["role"], i["launched"])
        for i in incidents(text, gazetteer, dt.date(2024, 7, 26))
    ]
    assert found == [("ain-al-asad-air-base", "primary", 4), ("conoco-gas-field", "primary", 1)]


def test_the_attacks_a_strike_story_lists_are_what_it_reports(gazetteer) -> None:
    # "The tit-for-tat attacks included:" - the list's attacks are reported, though the lead's news is a strike
    text = (
        "The United States launched airstrikes on Iran-backed militias in August in response to attacks on bases "
        "housing US troops. The tit-for-tat attacks included:\n"
        "- August 15: militants fired rockets near the Green Village base. Two drones were launched at the al-Tanf "
        "garrison. No casualties were reported.\n"
        "- August 24: militants fired rockets at the Conoco base. Three US troops were injured."
    )
    found = {
        i["base"]["slug"]: (i["role"], i["date"]) for i in incidents(text, gazetteer, dt.date(2022, 8, 25)) if i["base"]
    }
    assert found == {
        "al-omar-oil-field": ("primary", "2022-08-15"),
        "al-tanf-garrison": ("primary", "2022-08-15"),
        "conoco-gas-field": ("primary", "2022-08-24"),
    }


def test_a_headline_counting_us_troops_killed_is_their_toll_not_their_strike(gazetteer) -> None:
    text = (
        "Three US Troops Killed, 25 Injured, After Drone Hits Base On Jordanian Border\n"
        "A drone attack on Tower 22 in northeast Jordan killed three American troops on Sunday, officials said."
    )
    (attack,) = incidents(text, gazetteer, dt.date(2024, 1, 28))
    assert (attack["role"], attack["base"]["slug"], attack["killed"]) == ("primary", "tower-22", 3)
    # US troops who killed are still another actor striking
    assert cues.OTHER_ACTOR.search("US troops killed five militants near the border.")


def test_a_headline_of_us_forces_killed_wounded_in_an_attack_is_their_toll(gazetteer) -> None:
    # no count before the participle: the other half of the toll, or the attack they fell in, after it
    text = (
        "US Military Forces Killed, Wounded In Attack By Iraqi Militia\n"
        "Following a drone attack by an Iraqi militia on a US army base in the Al-Tanf region, three American soldiers "
        "were killed and 25 others were injured.\n"
        "On Sunday, the militia targeted the positions of the US army in the Al-Tanf region, on the border of Syria "
        "and Jordan."
    )
    roles = {(i["role"], (i["base"] or {}).get("slug")) for i in incidents(text, gazetteer, dt.date(2024, 1, 28))}
    assert ("primary", "al-tanf-garrison") in roles


def test_an_attack_counted_on_its_site_over_a_window_tells_earlier_ones(gazetteer) -> None:
    text = (
        "Two rockets hit Camp Taji north of Baghdad on Wednesday, the coalition said. "
        "It was the second strike on Camp Taji since January, when a rocket landed inside the base."
    )
    got = incidents(text, gazetteer, published=dt.date(2020, 3, 12))
    earlier = [i for i in got if i["role"] == "background"]
    assert [(i["base"]["slug"], i["date"]) for i in earlier] == [("camp-taji", "2020-01")]


def test_a_rank_without_a_window_or_a_first_without_a_date_counts_nothing() -> None:
    assert not cues.NTH_IN_A_WINDOW.search("The second drone was shot down over the base.")
    assert not cues.NTH_IN_A_WINDOW.search("It was the third such attack in nine days.")
    assert cues.NTH_IN_A_WINDOW.search("The attack was the third in six months on the base.")


def test_a_count_that_only_follows_the_site_tells_no_earlier_attack_there(gazetteer) -> None:
    # the count is of attacks on "a U.S. facility" anywhere, not on the base the sentence named before it
    text = (
        "A rocket was fired at a base housing coalition forces at Rumalyn on Sunday, marking the first time since "
        "Feb. 4 that militias have attacked a U.S. facility in Syria."
    )
    got = incidents(text, gazetteer, published=dt.date(2024, 4, 22))
    assert [i["role"] for i in got] == ["primary"]


def test_a_site_attacked_for_the_second_time_over_a_long_window(gazetteer) -> None:
    text = (
        "A drone was shot down over Al-Tanf Garrison on Monday. "
        "It is the second drone attack on Al-Tanf Garrison in the desert zone at the border triangle of Syria, "
        "Jordan and Iraq in a week, the coalition said."
    )
    got = incidents(text, gazetteer, published=dt.date(2022, 8, 22))
    assert [(i["role"], i["base"]["slug"]) for i in got if i["role"] == "background"] == [
        ("background", "al-tanf-garrison")
    ]


def test_an_attack_reported_days_before_an_undated_lead_is_background(gazetteer) -> None:
    text = (
        "Two rockets landed inside the Ain al-Asad air base, a security source said.\n\n"
        "On Monday, it was reported that drones had targeted the Harir base in Erbil."
    )
    got = incidents(text, gazetteer, dt.date(2024, 3, 9))
    assert [(i["role"], (i["base"] or {}).get("slug")) for i in got] == [
        ("primary", "ain-al-asad-air-base"),
        ("background", "al-harir-air-base"),
    ]


def test_had_already_tells_an_earlier_attack() -> None:
    assert cues.PLUPERFECT_ALREADY.search("On Monday night, the militia had already claimed a rocket attack.")
    assert not cues.PLUPERFECT_ALREADY.search("On Monday night, the militia claimed a rocket attack.")


def test_the_attack_the_news_followed_is_background(gazetteer) -> None:
    text = (
        "A drone strike on Friday in Syria wounded three US troops, in the second attack in recent days. "
        "The wounds from the drone strike followed a rocket attack on Monday that hurt four soldiers at "
        "Ain al-Asad air base."
    )
    got = incidents(text, gazetteer)
    assert [(i["role"], (i["base"] or {}).get("slug"), i["date"]) for i in got] == [
        ("primary", None, "2024-03-08"),
        ("background", "ain-al-asad-air-base", "2024-03-04"),
    ]


def test_what_a_statement_follows_days_before_is_background(gazetteer) -> None:
    text = (
        "A militia in Iraq announced on Friday a pause in its attacks targeting US forces, at Baghdad's request. "
        "The announcement follows Wednesday's rocket strike on American forces at Ain al-Asad."
    )
    got = incidents(text, gazetteer)
    assert [(i["role"], (i["base"] or {}).get("slug"), i["date"]) for i in got] == [
        ("background", "ain-al-asad-air-base", "2024-03-06"),
    ]


def test_a_lead_framing_uncounted_attacks_of_a_window_counts_them() -> None:
    assert cues.COUNTED_WINDOW.match("US troops have been repeatedly attacked in Syria in recent days, officials said.")
    assert cues.COUNTED_WINDOW.match("In recent weeks, militias stepped up, with multiple attacks on US bases.")
    assert not cues.COUNTED_WINDOW.match("Militias have repeatedly attacked US bases, officials said.")


def test_the_attacks_of_the_recent_days_a_lead_frames_are_news(gazetteer) -> None:
    text = (
        "American troops have been repeatedly attacked in Syria and Iraq in recent days, the Pentagon said on Friday. "
        "On Friday, rockets struck the Ain al-Asad air base. "
        "On Thursday, a drone hit US troops at the Al-Tanf garrison."
    )
    assert sorted(i["base"]["slug"] for i in primaries(text, gazetteer)) == ["ain-al-asad-air-base", "al-tanf-garrison"]


def test_the_attack_a_reaction_follows_is_the_news(gazetteer) -> None:
    # a caption-like lead tells the attack in an 'after' clause and the story tells the reaction: a follow-up of it
    text = (
        "Explosions are heard over Manama, after Tehran's military announces it aimed a missile salvo at the Isa air "
        "base. Gulf leaders met on Monday and called the attack a grave violation of Bahrain's sovereignty."
    )
    (attack,) = incidents(text, gazetteer, dt.date(2026, 3, 2))
    assert (attack["role"], attack["base"]["slug"]) == ("primary", "isa-air-base")
    # a story whose news is another actor's strike keeps it background: golden background_the_attack_a_strike_came_after


def test_attacks_told_after_the_strike_story_are_its_news(gazetteer) -> None:
    # the strike is the lead; the militia attacks that came after it, and the one the next sentence adds, are news
    text = (
        "American jets bombed a depot in eastern Syria used by Iran's Revolutionary Guards on Wednesday night in "
        "response to repeated attacks on US troops. Two F-15s carried out the raid on the arms store. Militants "
        "launched two drones at Ain al-Asad air base in western Iraq shortly after the strike. In addition, rockets "
        "were fired at the Conoco gas field base."
    )
    found = primaries(text, gazetteer, dt.date(2023, 11, 9))
    assert sorted((i["base"]["slug"], i["date"]) for i in found) == [
        ("ain-al-asad-air-base", "2023-11-08"),
        ("conoco-gas-field", "2023-11-08"),
    ]


def test_since_a_wars_start_is_no_earlier_attack(gazetteer) -> None:
    # "since the start of the Gaza war" is the period the group's record counts from, not an attack the news followed
    text = (
        "Thirty rockets struck the US base at the al-Omar oil field this morning, a local source said. Separately, "
        "the Islamic Resistance in Iraq, the faction with more strikes on American forces than any other since the "
        "start of the Gaza war, said this morning it had hit the US base at Tal Baydar with drones."
    )
    found = incidents(text, gazetteer, dt.date(2024, 1, 8))
    assert sorted((i["role"], i["base"]["slug"]) for i in found) == [
        ("primary", "al-omar-oil-field"),
        ("primary", "tal-baydar-base"),
    ]


def test_a_series_of_attacks_on_a_named_site_is_the_barrage_told(gazetteer) -> None:
    # a run of attacks whose object is one site the sentence names is that attack, with its weapons - not a habit
    text = (
        "Militants have launched a series of rocket and drone attacks on the Conoco gas field base in eastern Syria, "
        "a monitor said on Tuesday, wounding two guards."
    )
    [found] = primaries(text, gazetteer, dt.date(2024, 1, 9))
    assert (found["base"]["slug"], sorted(found["weapons"]), found["injured"]) == (
        "conoco-gas-field",
        ["drone", "rocket"],
        2,
    )
    # the series of attacks on US forces in general stays a habit
    assert primaries("It was the latest in a series of attacks on US forces in Syria.", gazetteer) == []


def test_the_projectiles_named_again_beside_an_earlier_attacks_site_are_that_attack(gazetteer) -> None:
    # "fired the rockets at Baghdad's Green Zone": the Sunday volley near the embassy, told again - and a story whose
    # news is a convoy bombing keeps it background
    text = (
        "A roadside bomb hit a convoy carrying supplies for the coalition in Diwaniyah on Friday, wounding a driver. "
        "The blast came after a volley of rockets struck near the US Embassy in Baghdad on Sunday. The military said "
        "an outlaw group fired the rockets at Baghdad's Green Zone."
    )
    found = incidents(text, gazetteer, dt.date(2020, 12, 25))
    assert [(i["role"], i["base"]["slug"], i["date"]) for i in found] == [
        ("background", "us-embassy-baghdad", "2020-12-20")
    ]


def test_a_headline_telling_troops_killed_is_no_strike_of_theirs(gazetteer) -> None:
    # "US troops killed near ..." is the headline's passive: the troops were killed, they killed no one
    text = (
        "US troops killed near Syria border\n\n"
        "Two US service members were killed and several wounded when a one-way drone hit the coalition base at "
        "al-Shaddadi on Sunday, officials said. They were the first US deaths in months of attacks on American "
        "forces in the region."
    )
    assert [i["role"] for i in incidents(text, gazetteer)] == ["primary"]
    assert cues.OTHER_ACTOR.search("US troops killed five militants in a raid near the border.")
    assert not cues.OTHER_ACTOR.search("US troops killed in drone strike on base in Jordan")


@pytest.mark.parametrize(
    "instead",
    [
        "The official said the rockets had instead struck the Baghdad Diplomatic Support Center.",
        "Reports pointed instead to an attack on the Baghdad Diplomatic Support Complex, a State Department site.",
        "Instead, the attack targeted the Baghdad Diplomatic Support Center, the official added.",
    ],
)
def test_a_denied_target_with_the_attack_told_instead_on_another_site(gazetteer, instead: str) -> None:
    # the denial is of one target ("troops were not targeted"); "instead" tells where the attack was
    text = (
        "Several rockets were fired near Baghdad International Airport early on Tuesday, Iraqi officials said. "
        '"US military personnel were not targeted as had been reported," a US defense official said. '
        f"{instead}"
    )
    assert primary_sites(text, gazetteer, dt.date(2024, 10, 1)) == ["baghdad-diplomatic-support-center"]


@pytest.mark.parametrize(
    "text",
    [
        "The attacks were in revenge for the death of Iran's top general, Qassem Soleimani, killed in a US drone "
        "strike near Baghdad airport.",
        "The group said its drone attack was meant to avenge the killing of its leader and four of his guards, who "
        "were killed in an American air strike in Syria.",
        "The salvo came in retaliation for the assassination of a senior commander in Damascus, killed by a US "
        "drone strike last year.",
    ],
)
def test_a_strike_told_as_how_the_avenged_man_died_is_the_attacks_cause(text: str) -> None:
    # the strike is inside the attack's motive ("in revenge for the death of X, killed in a US strike"), however long
    # the name between: the cause, not another actor's news
    from ingest.extractor.events import _strike_as_cause

    strike = cues.OTHER_ACTOR.search(text)
    assert strike is not None
    assert _strike_as_cause(text, strike.start()) is not None


def test_an_unnamed_site_in_the_country_of_a_named_one_may_tell_its_attack(gazetteer) -> None:
    # a follow-up's earlier attack "on two US bases in Iraq" may be the one its news names at Ain al-Asad: the named
    # site's country is its site's, not the draft's own (empty) country
    from ingest.extractor.events import Draft
    from ingest.extractor.follow_ups import _same_target

    asad = next(s for s in gazetteer.sites if s.slug == "ain-al-asad-air-base")
    named = Draft(role="primary", site=asad, place=None, country=None)
    assert _same_target(named, Draft(role="background", site=None, place=None, country="IQ"))
    assert not _same_target(named, Draft(role="background", site=None, place=None, country="SY"))
