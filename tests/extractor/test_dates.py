import datetime as dt

import pytest

from ingest.extractor.dates import days_from_the_last, find_dates, same_period
from tests.extractor.helpers import PUBLISHED, incidents, primaries

PUB = dt.date(2024, 10, 1)  # a Tuesday


def one(text: str, published: dt.date = PUB):
    found = find_dates(text, published)
    assert found, text
    return found[0]


def test_weekday_is_most_recent_on_or_before_publication() -> None:
    assert one("on Tuesday").date == PUB
    assert one("late on Thursday").date == dt.date(2024, 9, 26)


def test_abbreviated_month_with_its_period_and_no_space() -> None:
    # "at approx. 2343hrs Sept.11" in a coalition spokesman's post
    assert (one("at approx. 2343hrs Sept.11 forces were attacked").date, one("on Sept. 11").date) == (
        dt.date(2024, 9, 11),
        dt.date(2024, 9, 11),
    )
    assert one("Sept.11").precision == "day"


def test_a_wire_dateline_dates_the_report(gazetteer) -> None:
    published = dt.date(2024, 3, 6)  # a Wednesday
    text = (
        "ERBIL, March 6 (Reuters) - A drone struck near Harir air base, which hosts US troops, two officials said "
        "on Wednesday."
    )
    assert [x.reporting for x in find_dates(text, published)] == [True, True]
    assert one("Dec. 24 (UPI) -- Central Command blamed a militia", dt.date(2020, 12, 24)).reporting
    # two report days of one date in a sentence: the attack still takes that day (once sorted, no crash)
    (attack,) = primaries(text, gazetteer, published)
    assert (attack["date"], attack["base"]["slug"]) == ("2024-03-06", "al-harir-air-base")


def test_some_weeks_back_is_past(gazetteer) -> None:
    assert one("a soldier was wounded a few weeks back in northern Iraq").past
    assert one("several months ago").precision == "month"
    # the toll of an attack 'a few weeks back' is not today's attack's
    text = (
        "Three US soldiers were killed and at least 30 were wounded in a drone attack on Tower 22 in Jordan on "
        "Sunday. There was one American service member seriously wounded a few weeks back by an attack in "
        "northern Iraq."
    )
    (attack,) = primaries(text, gazetteer, dt.date(2024, 1, 29))
    assert (attack["killed"], attack["injured"]) == (3, 30)


def test_fixed_date_holidays() -> None:
    published = dt.date(2024, 1, 3)
    assert one("a Christmas Day drone attack", published).date == dt.date(2023, 12, 25)
    assert one("on New Year\u2019s Eve", published).date == dt.date(2023, 12, 31)
    assert one("on New Years Day 2020", published).date == dt.date(2020, 1, 1)
    assert one("on Christmas Eve", published).precision == "day"


def test_last_weekday_on_that_weekday_is_a_week_ago() -> None:
    assert one("Last Tuesday, rockets hit the base").date == dt.date(2024, 9, 24)
    assert one("last Tuesday").past
    assert one("last Thursday").date == dt.date(2024, 9, 26)  # the most recent Thursday
    assert not one("on Thursday").past


def test_weekday_across_month_and_year_boundaries() -> None:
    assert one("on Wednesday", dt.date(2024, 3, 2)).date == dt.date(2024, 2, 28)
    assert one("on Saturday", dt.date(2024, 1, 2)).date == dt.date(2023, 12, 30)


def test_relative_days() -> None:
    assert one("yesterday").date == dt.date(2024, 9, 30)
    assert one("two days ago").date == dt.date(2024, 9, 29)


def test_month_mentions_are_month_precision_and_past() -> None:
    d = one("rockets were fired in August")
    assert (d.date, d.precision, d.past) == (dt.date(2024, 8, 1), "month", True)
    assert one("In December", dt.date(2024, 1, 3)).date == dt.date(2023, 12, 1)


def test_periods() -> None:
    assert one("last week").past
    d = one("last month")
    assert (d.date, d.precision) == (dt.date(2024, 9, 1), "month")
    assert one("earlier this year").precision == "year"


def test_explicit_dates_never_after_publication() -> None:
    assert one("a Jan. 28, 2024, drone strike").date == dt.date(2024, 1, 28)
    assert one("on 12 December", dt.date(2024, 1, 5)).date == dt.date(2023, 12, 12)


def test_reporting_dates_are_marked() -> None:
    assert one("officials said on Monday").reporting
    assert not one("rockets hit the base on Monday").reporting


def test_the_day_a_statement_was_put_out_is_no_day_of_the_attack(gazetteer) -> None:
    # the claim's own day dates the claim: the attack it owns is the one told, not a second one a day later
    text = (
        "Three US soldiers were killed and 34 wounded in a drone attack on Tower 22 in Jordan on Sunday, January 28. "
        "A statement on the group's channel issued on January 29 took responsibility for the attack on Tower 22."
    )
    found = [(i["date"], i["base"]["slug"]) for i in primaries(text, gazetteer, dt.date(2024, 1, 31))]
    assert found == [("2024-01-28", "tower-22")]


def test_may_the_verb_is_not_a_date() -> None:
    assert find_dates("the attack may have been aimed elsewhere", PUB) == []


def test_planned_event_is_not_a_date() -> None:
    from ingest.extractor.dates import find_dates

    text = "Three wounded soldiers are expected to arrive at a hospital in Germany on Tuesday."
    assert find_dates(text, dt.date(2024, 1, 30)) == []


def test_sentence_initial_date_of_a_statement_is_reporting() -> None:
    from ingest.extractor.dates import find_dates

    (d,) = find_dates("On Monday, Pentagon spokesman John Kirby said the attacks were dangerous.", dt.date(2021, 5, 4))
    assert d.reporting
    assert d.date == dt.date(2021, 5, 3)
    (e,) = find_dates("On Monday, rockets hit the base, officials said.", dt.date(2021, 5, 4))
    assert not e.reporting


def test_a_dateline_line_dates_the_report() -> None:
    published = dt.date(2023, 5, 2)
    assert [d.reporting for d in find_dates("May 2, 2023 - 09:40", published)] == [True]
    assert [d.reporting for d in find_dates("By Staff Writer - May 1 2023", published)] == [True]
    assert [d.reporting for d in find_dates("Rockets hit the base on May 1.", published)] == [False]


def test_page_stamp_after_publication_is_not_an_event_day() -> None:
    dates = find_dates("Monday, 3 June 2024 | drones hit the base on Friday", dt.date(2024, 3, 9))
    assert [d.date for d in dates] == [dt.date(2024, 3, 8)]


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


def test_a_day_falls_within_the_year_or_month_it_is_told_in() -> None:
    published = dt.date(2025, 4, 29)
    last_year, day = one("last year", published), one("on January 28, 2024", published)
    assert same_period(day, last_year)
    assert same_period(last_year, day)
    assert not same_period(one("on January 28, 2023", published), last_year)
    assert not same_period(day, one("on January 29, 2024", published))


def test_the_day_after_a_hearer_dates_the_statement() -> None:
    def told(text: str) -> list[tuple[str, bool]]:
        return [(x.text, x.reporting) for x in find_dates(text, dt.date(2024, 12, 5))]

    assert told("The spokesman told reporters Monday that rockets hit the base.") == [("Monday", True)]
    assert told("An official told The Associated Press on Sunday that two drones hit.") == [("on Sunday", True)]
    assert told("He told us the rockets hit on Monday.") == [("on Monday", False)]


def test_since_a_year_bounds_a_presence_and_dates_no_event(gazetteer) -> None:
    (since,) = find_dates("US forces have been based there since 2014 on a counter-ISIS mission.", PUBLISHED)
    assert since.kind == "since"
    text = (
        "Five US service members were injured in a rocket attack on August 5. Two rockets fell inside the Ain "
        "al-Asad Air Base, where US forces have been based since 2014."
    )
    assert [i["role"] for i in incidents(text, gazetteer, dt.date(2024, 8, 9))] == ["primary"]


def test_a_day_told_from_the_day_told_last_is_its_neighbour(gazetteer) -> None:
    # A roundup tells its attacks day by day, each from the one before ("the following day", "two days later")
    published = dt.date(2023, 11, 6)
    text = (
        "October 30 saw three attacks on coalition forces. Rockets were fired at Ain al-Asad air base that morning. "
        "The following day, a one-way attack drone targeted troops at al-Shaddadi. Two days later, two drones "
        "were shot down near al-Tanf garrison."
    )
    dated = {i["base"]["slug"]: i["date"] for i in incidents(text, gazetteer, published)}
    assert dated == {
        "ain-al-asad-air-base": "2023-10-30",
        "al-shaddadi-base": "2023-10-31",
        "al-tanf-garrison": "2023-11-02",
    }
    # "the day before" counts back from a day told earlier in the same sentence
    (x,) = days_from_the_last(
        "On November 2 a drone hit the base, and the day before rockets fell near it.",
        None,
        find_dates("On November 2 a drone hit the base", published),
        published,
    )
    assert x.date == dt.date(2023, 11, 1)
    # with no day told before it, "the following day" dates nothing
    assert days_from_the_last("The following day, rockets hit the base.", None, [], published) == []


def test_earlier_in_the_day_is_the_day_told_last() -> None:
    # "US diplomats and troops were targeted in three attacks on Wednesday. ... Earlier in the day, a US military base
    # in Syria's Deir Ezzor province was the target of a drone strike": Wednesday, not the lead's Thursday
    published = dt.date(2021, 7, 8)
    (wednesday,) = find_dates("US troops were targeted in three attacks on Wednesday.", published)
    for opening in ("Earlier in the day", "Later in the day", "Earlier that day"):
        (x,) = days_from_the_last(f"{opening}, a drone struck a base in Syria.", wednesday, [], published)
        assert x.date == dt.date(2021, 7, 7)
    # "earlier in the week" is no day
    assert days_from_the_last("Earlier in the week, a drone struck a base.", wednesday, [], published) == []


def test_the_day_of_the_event_a_since_clause_opens_its_window_on_is_no_attack_day() -> None:
    published = dt.date(2023, 11, 21)
    for text in (
        "The attack was the first in Iraq since the Israel-Gaza conflict began on October 7",
        "US forces have been attacked more than 150 times since Hamas invaded Israel on Oct. 7, officials said.",
        "Since the outbreak of the Gaza conflict on Oct 7, the group has claimed dozens of attacks.",
    ):
        (x,) = [x for x in find_dates(text, published) if x.date == dt.date(2023, 10, 7)]
        assert x.kind == "since"
    # a clause that tells an attack keeps its day: the earlier attack happened then
    (x,) = find_dates("The base was hit twice since a drone struck it on Monday.", published)
    assert x.kind == "weekday"


def test_a_day_after_since_opens_a_window_and_dates_no_attack(gazetteer) -> None:
    # "the second time since Thursday": Thursday's attack is another one; today's news keeps its own day
    published = dt.date(2023, 10, 23)  # a Monday
    (since,) = find_dates("the second time since Thursday that troops have been targeted", published)
    assert since.kind == "since"
    text = (
        "Two drones aimed at US troops in Syria were shot down early Monday, officials said. Soldiers at al-Tanf "
        "garrison downed both drones. It is the second time since Thursday that al-Tanf has been targeted."
    )
    (attack,) = primaries(text, gazetteer, published)
    assert (attack["base"]["slug"], attack["date"]) == ("al-tanf-garrison", "2023-10-23")


def test_the_day_a_count_stood_at_is_no_event_day() -> None:
    text = "As of Monday, 34 service members were being treated for injuries."
    (x,) = find_dates(text, dt.date(2024, 1, 30))
    assert x.reporting


def test_the_date_under_an_embedded_post_is_when_it_was_posted() -> None:
    text = "Rocket attack condemned pic.twitter.com/abc123 \u2014 Inherent Resolve (@CJTFOIR) August 16, 2022"
    (x,) = find_dates(text, dt.date(2022, 8, 16))
    assert x.reporting


def test_an_embedded_post_after_the_lead_is_the_same_attack(gazetteer) -> None:
    text = (
        "Several rockets landed near Green Village in eastern Syria on Monday, the coalition said.\n"
        "Rocket attack at Green Village condemned pic.twitter.com/abc123 \u2014 Inherent Resolve (@CJTFOIR) "
        "August 16, 2022\n"
        "A coalition commander said there were no casualties nor damage."
    )
    got = primaries(text, gazetteer, published=dt.date(2022, 8, 16))
    assert [(i["base"]["slug"], i["date"], i["killed"], i["injured"]) for i in got] == [
        ("al-omar-oil-field", "2022-08-15", 0, 0)
    ]


def test_wire_datelines_of_every_shape_date_the_report() -> None:
    # a syndicator's bracket before a title-case place, no dash after the agency; a place with a dash or a colon
    for line in (
        "(FEEDWIRE- NNA) Baghdad, Dec 27 (NNA) An Iraqi militia said it fired rockets at a US base in Syria.",
        "ERBIL, November 7 \u2014 Coalition forces downed two drones near the airport.",
        "Beirut, Jan 05: Iraq's parliament met as rockets landed near the embassy.",
    ):
        x = one(line, dt.date(2023, 12, 27))
        assert x.reporting, line
    # a sentence that opens with a day is no dateline
    opening = one("On Tuesday, Dec 26 - the day after the attack - the base was quiet.", dt.date(2023, 12, 27))
    assert not opening.reporting


def test_a_dateline_one_day_after_the_attack_it_reports(gazetteer) -> None:
    text = (
        "(FEEDWIRE- NNA) Baghdad, Dec 27 (NNA) An Iraqi militia has claimed a rocket barrage on a US military base "
        "in Syria's Hasakah province.\n"
        "The Islamic Resistance in Iraq said in an online statement on Tuesday that its fighters fired rockets on "
        "the al-Shaddadi military base."
    )
    (got,) = primaries(text, gazetteer, published=dt.date(2023, 12, 27))
    assert got["base"]["slug"] == "al-shaddadi-base"


def test_the_attack_dated_in_a_sentence_of_its_own_is_not_the_earlier_one(gazetteer) -> None:
    # The lead gives only the day the attack was reported; "The attack, late on Wednesday" dates it, so Tuesday's
    # rockets on the same base are an earlier attack, not this one with two weapons
    text = (
        "Two drones targeted Harir air base in northern Iraq, a security official told AFP on Thursday. The attack, "
        "late on Wednesday, caused no casualties. On Tuesday, three rockets were fired at Harir air base, but no "
        "damage was reported."
    )
    found = incidents(text, gazetteer, dt.date(2024, 3, 7))
    news = [(i["date"], i["weapons"], i["launched"]) for i in found if i["role"] == "primary"]
    earlier = [(i["date"], i["weapons"]) for i in found if i["role"] == "background"]
    assert news == [("2024-03-06", ["drone"], 2)]
    assert earlier == [("2024-03-05", ["rocket"])]


def test_a_day_with_its_month_in_capitals() -> None:
    (x,) = find_dates("OCT. 18 - Drones targeted US troops in Iraq.", dt.date(2024, 1, 28))
    assert (x.date, x.precision) == (dt.date(2023, 10, 18), "day")
    (y,) = find_dates("On JANUARY 4, a drone hit the base.", dt.date(2024, 1, 28))
    assert y.date == dt.date(2024, 1, 4)
    # a month's name in capitals is still no day without one
    assert [d.precision for d in find_dates("MAY the attacks stop.", dt.date(2024, 1, 28))] == []


def test_a_lead_framing_two_attacks_dates_each_and_names_none_of_their_weapons(gazetteer) -> None:
    # "targeted two military bases ... that house forces of the international coalition": the lead's day is each
    # attack's; its weapons are the two attacks' together, each attack's own told next
    text = (
        "A drone attack and rocket fire on Monday targeted two military bases in Iraq and Syria that house forces "
        "of the international anti-jihadist coalition, an official said. The attacks are due, according to the "
        "Islamic Resistance in Iraq, to US support for Israel in the war against Hamas since October 7. In western "
        "Iraq, a drone targeted Ain al-Asad air base. In Syria, rockets were fired at the al-Shaddadi base. On "
        "Friday, rockets targeted the US embassy in Baghdad."
    )
    found = {
        i["base"]["slug"]: (i["role"], i["date"], i["weapons"])
        for i in incidents(text, gazetteer, dt.date(2023, 12, 11))
    }
    assert found["ain-al-asad-air-base"] == ("primary", "2023-12-11", ["drone"])
    assert found["al-shaddadi-base"] == ("primary", "2023-12-11", ["rocket"])


def test_a_day_between_the_speaker_and_the_verb_dates_the_statement() -> None:
    # "The Pentagon on Monday raised the injured toll to at least 40", "the SDF on Friday announced"
    assert one("The Pentagon on Monday raised the injured toll to at least 40.").reporting
    assert one("The SDF on Friday announced that two of its fighters were killed.").reporting
    assert not one("A drone on Friday struck the base.").reporting


def test_a_page_time_stamp_dates_the_report() -> None:
    published = dt.date(2024, 1, 30)
    for line in (
        "Xinhua) 14:31, October 23, 2023",
        "Wed, 25 Oct 2023 10:04 UTC",
        "2023-12-06 22:00:06 - Source: Shafaq News",
        "Published: Feb. 16, 2021 at 5:10 AM EST|Updated: 3 hours ago",
    ):
        assert all(m.reporting for m in find_dates(line, published)), line
    # the words of an event beside a clock time: the attack's own day
    assert not find_dates("Rockets hit the base at 14:30 on October 23, 2023", published)[0].reporting


def test_an_undated_attack_is_not_dated_by_another_attacks_report(gazetteer) -> None:
    # the only report day comes after the attack, in a sentence telling another site's attack: it is that attack's
    text = (
        "Three rockets landed within the American base at the Conoco gas field, a source said. "
        "On March 4, it was reported that the base at the Omar oil field had come under mortar fire."
    )
    found = {i["base"]["slug"]: i["date"] for i in incidents(text, gazetteer, dt.date(2024, 3, 11))}
    assert found["conoco-gas-field"] == "2024-03-11"


def test_the_attack_named_by_its_day_further_on_dates_a_follow_up(gazetteer) -> None:
    # dated only by its report, the one attack takes the day a later sentence names it by; a sentence telling
    # another actor's strike by its day does not date it
    text = (
        "A drone that struck Al Udeid Air Base damaged a radar dome, a Pentagon review said on Friday. "
        "The review urged new defences. The Iranian drone strike on 23 June came after US raids on Iran."
    )
    (attack,) = primaries(text, gazetteer, dt.date(2025, 7, 12))
    assert attack["date"] == "2025-06-23"
    struck = text.replace("The Iranian drone strike on 23 June came after", "A US air strike on 23 June hit")
    (attack,) = primaries(struck, gazetteer, dt.date(2025, 7, 12))
    assert attack["date"] == "2025-07-11"


def test_a_strike_that_hit_a_school_dates_no_coalition_attack(gazetteer) -> None:
    # the day and toll of a strike told with its verb on a civilian building, after the lead, are that strike's
    text = (
        "A faction said on April 9 that it had targeted Ali Al Salem Air Base with drones. "
        "It gave no details of damage. Kuwait did not comment. "
        "The faction said a strike had hit a school on April 5 near the border, killing 40 people."
    )
    (attack,) = primaries(text, gazetteer, dt.date(2024, 4, 10))
    assert (attack["date"], attack["killed"]) == ("2024-04-09", None)


def test_an_evening_in_washington_is_the_next_day_in_the_region(gazetteer) -> None:
    # the Pentagon's clock: 6 p.m. in Washington is 2 a.m. the next day in Iraq (UTC+3)
    text = (
        'Rockets struck two bases hosting US troops in Iraq early on Friday. "At about 6 p.m. (EST) on '
        'February 1, militants fired eight rockets at Ain al-Asad air base and Erbil air base," a Pentagon '
        "spokesman said. No one was hurt."
    )
    found = primaries(text, gazetteer, dt.date(2024, 2, 2))
    assert sorted((i["base"]["slug"], i["date"]) for i in found) == [
        ("ain-al-asad-air-base", "2024-02-02"),
        ("erbil-air-base", "2024-02-02"),
    ]
    after = find_dates("The drone struck on March 5 at 9:40 p.m. ET, officials said.", dt.date(2024, 3, 9))
    assert [d.date for d in after] == [dt.date(2024, 3, 6)]
    # a morning in Washington, or a clock in local time, is the same day
    for same in ("at 9 a.m. EST on March 5", "at 9 p.m. local time on March 5"):
        assert [d.date for d in find_dates(f"The drone struck {same}.", dt.date(2024, 3, 9))] == [dt.date(2024, 3, 5)]


def test_a_threats_day_is_no_day_to_count_from(gazetteer) -> None:
    # "earlier in the day" counts from the news day, not from the day a threat is told since
    text = (
        "Two drones were downed on Monday as they approached the Al-Tanf garrison, the Pentagon said. Armed groups "
        "have threatened to strike US forces over Washington's support for Israel in the war that began with the "
        "raid on October 7. A group said earlier in the day that it had launched drones at Al-Tanf and Al-Malikiyah."
    )
    found = incidents(text, gazetteer, dt.date(2023, 10, 23))
    assert sorted((i["role"], i["base"]["slug"], i["date"]) for i in found) == [
        ("primary", "al-malikiyah-base", "2023-10-23"),
        ("primary", "al-tanf-garrison", "2023-10-23"),
    ]


def test_a_pages_glued_stamp_dates_the_page_not_the_attack(gazetteer) -> None:
    # "Publish dateTuesday": the page's label glued to the weekday; the statement's Sunday dates the attack
    text = (
        "Publish dateTuesday 9 January 2024 - 10:05\n"
        "Iraqi group targets US base in Syria\n"
        "The Islamic Resistance in Iraq revealed the operation in a statement on Sunday. "
        '"Our fighters struck the American base at Tal Baydar with drones," the statement said.'
    )
    [found] = primaries(text, gazetteer, dt.date(2024, 1, 9))
    assert (found["base"]["slug"], found["date"]) == ("tal-baydar-base", "2024-01-07")


def test_a_day_set_beside_a_weekday_names_it(gazetteer) -> None:
    # "on Monday night (February 22)": that Monday, not the Monday of the publication; "said on Monday (March 1)":
    # the statement's day
    text = (
        "A Kurdish minister said on Monday (March 1) that a wounded contractor had died. The contractor was hurt "
        "when rockets struck the coalition base at Erbil airport on Monday night (February 22), the coalition said."
    )
    [found] = primaries(text, gazetteer, dt.date(2021, 3, 1))
    assert (found["base"]["slug"], found["date"]) == ("erbil-air-base", "2021-02-22")
    told = find_dates("The minister said on Monday (March 1) that he had died.", dt.date(2021, 3, 1))
    assert [(d.date, d.reporting) for d in told] == [(dt.date(2021, 3, 1), True)] * 2


def test_a_day_of_the_month_told_by_its_number_alone() -> None:
    # wire copy translated from Chinese names the day by its number: "on the morning of the 12th local time"
    published = dt.date(2024, 5, 14)
    (day,) = find_dates("Two rockets fell near the base on the evening of the 12th local time.", published)
    assert day.date == dt.date(2024, 5, 12)
    (earlier,) = find_dates("The two leaders signed a joint statement on the 20th, ending the mission.", published)
    assert earlier.date == dt.date(2024, 4, 20)  # a day still to come this month is last month's
    assert find_dates("The strike was the 150th attack on the base.", published) == []
    assert find_dates("Militants fought the soldiers of the 5th Brigade on the border.", published) == []


def test_the_attack_is_dated_by_the_day_of_the_month_it_fell_on(gazetteer) -> None:
    text = (
        "Beijing, May 14. According to Iraqi security sources, two rockets landed near Ain al-Asad air base in "
        "western Iraq on the evening of the 12th local time, causing no casualties."
    )
    (attack,) = primaries(text, gazetteer, dt.date(2024, 5, 14))
    assert attack["date"] == "2024-05-12"


@pytest.mark.parametrize(
    "report",
    [
        "The newspaper Al-Watan on Sunday night reported that the base had been targeted by several rockets.",
        "A local radio station said on Sunday that the base had come under rocket fire.",
        "On Sunday evening, state television reported that rockets had struck the base.",
    ],
)
def test_the_earliest_report_of_the_attack_bounds_its_day(gazetteer, report: str) -> None:
    # the dateline tells when the page was written; a source's earlier report of the same attack, when it was known
    text = (
        "DAMASCUS, May 14 (Wire) - Local sources reported a rocket attack on the coalition base at al-Shaddadi in "
        f"north-east Syria. {report}"
    )
    (attack,) = primaries(text, gazetteer, dt.date(2024, 5, 14))
    assert attack["date"] == "2024-05-12"


@pytest.mark.parametrize(
    "followed",
    [
        "The attacks followed drone attacks against the US embassy in Baghdad and the consulate in Erbil on Tuesday.",
        "The strikes came after a drone attack on the US consulate in Erbil on Tuesday.",
        "Both attacks followed a rocket strike on the US embassy in Baghdad late on Tuesday.",
    ],
)
def test_the_day_of_the_attacks_a_story_follows_is_theirs(gazetteer, followed: str) -> None:
    # "The attacks followed X on Tuesday": Tuesday is X's day, not the day of the attacks told before
    text = (
        "Fourteen rockets struck Ain al-Asad air base on Wednesday, wounding two people. "
        "An assault was also mounted against a US base in Syria. "
        "A drone was launched at US forces at the Conoco gas field, local media reported. "
        f"{followed}"
    )
    found = {(i["base"] or {}).get("slug"): i["date"] for i in primaries(text, gazetteer, dt.date(2021, 7, 7))}
    assert found == {"ain-al-asad-air-base": "2021-07-07", "conoco-gas-field": "2021-07-07"}


@pytest.mark.parametrize(
    "told",
    [
        "A year ago on January 8, Iran fired missiles at the base.",
        "Iran fired missiles at the base on January 8 last year.",
        "On January 8, a year ago, Iran fired missiles at the base.",
    ],
)
def test_a_day_told_with_a_year_ago_is_in_the_year_before(told: str) -> None:
    # in a paper of January 8, 2021, "a year ago on January 8" is January 8, 2020 - not the day of publication
    days = [x.date for x in find_dates(told, dt.date(2021, 1, 8)) if x.precision == "day"]
    assert days == [dt.date(2020, 1, 8)]


def test_days_and_months_in_other_languages_are_read_in_an_article_not_in_english() -> None:
    published = dt.date(2023, 12, 17)  # a Sunday
    assert [x.date for x in find_dates("atacaron el martes la base", published, other_languages=True)] == [
        dt.date(2023, 12, 12)
    ]
    assert [x.date for x in find_dates("подверглась обстрелу в субботу", published, other_languages=True)] == [
        dt.date(2023, 12, 16)
    ]
    assert [x.date for x in find_dates("le 13 décembre 2023, un drone", published, other_languages=True)] == [
        dt.date(2023, 12, 13)
    ]
    assert [x.date for x in find_dates("Der Angriff erfolgte am Montag.", published, other_languages=True)] == [
        dt.date(2023, 12, 11)
    ]
    # ... and never in an English one (nor is a capitalised name a day: "the Domingo family")
    assert find_dates("atacaron el martes la base", published) == []
    assert [x.text for x in find_dates("On Sunday, the Domingo family said", published, other_languages=True)] == [
        "Sunday"
    ]
