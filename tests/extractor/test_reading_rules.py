"""Reading rules added after a holdout check on unseen articles (2026.11.3). Sentences are our own."""

import datetime as dt

from ingest.extractor import cues
from ingest.extractor.anchoring import times_told
from ingest.extractor.dates import find_dates
from ingest.extractor.segments import opens_new_event
from ingest.extractor.weapons import find_weapons
from tests.extractor.helpers import figures, primaries

# --- claims ---------------------------------------------------------------------------------------------


def test_group_described_as_mainly_iran_backed_is_not_a_habit() -> None:
    text = "The Islamic Resistance in Iraq, a coalition of mostly Iran-aligned factions, said it struck the base."
    assert not cues.HABITUAL.search(text)
    assert cues.HABITUAL.search("Rockets mostly landed in empty desert, as they often do.")


def test_claim_wordings() -> None:
    assert cues.CLAIM.search("The faction quickly took credit for the strike on the airport.")
    assert cues.CLAIM.search("The group claimed in a Telegram post that its fighters launched two drones at the base.")
    assert cues.CLAIM.search("The militia said that they attacked the garrison at dawn.")


def test_negated_claims() -> None:
    assert cues.NO_CLAIM.search("No militant faction has claimed the strike.")
    assert cues.NO_CLAIM.search("No group has so far claimed responsibility for the blast.")
    assert cues.NO_CLAIM.search("Such attacks are not usually claimed by anyone.")


def test_an_officials_claimed_means_said() -> None:
    text = "Major Smith, the coalition spokesman, claimed attacks like this one threaten regional stability."
    assert cues.OFFICIAL_CLAIMED.search(text)
    assert not cues.OFFICIAL_CLAIMED.search("Officials said the faction claimed responsibility for the attack.")


def test_claim_of_numerous_attacks_is_generic_but_a_dated_one_is_not() -> None:
    assert cues.GENERIC_CLAIM.search("The umbrella group has claimed numerous attacks on American troops this year.")
    assert not cues.GENERIC_CLAIM.search("The group claimed multiple drone attacks on Tuesday night.")


# --- what is an attack report -----------------------------------------------------------------------------


def test_counts_of_attacks_over_time_are_tallies() -> None:
    text = "Officials blame the militia for at least six drone attacks on U.S. forces since May."
    assert cues.TALLY.search(text)
    assert cues.TALLY.search("The strike marks the 31st recorded attack on coalition sites this month.")
    assert cues.TALLY.search("The faction has carried out numerous attacks on U.S. troops.")
    assert not cues.TALLY.search("The base faced several attacks on Sunday night.")
    assert not cues.TALLY.search("The base came under many attacks on Sunday night.")


def test_weapons_of_previous_attacks_are_not_this_ones() -> None:
    text = "Unlike previous attacks that relied on drones, this barrage used ballistic missiles."
    other = [m.span() for m in cues.OTHER_ATTACKS.finditer(text)]
    kept = [w.category for w in find_weapons(text) if not any(a <= w.start < b for a, b in other)]
    assert kept == ["missile"]


def test_anti_rocket_defence_is_not_a_weapon() -> None:
    assert [w.category for w in find_weapons("The anti-rocket system and counter-drone guns fired.")] == []


def test_new_attack_inside_a_quote_is_not_a_second_attack() -> None:
    quoted = "\u201cThis is a new attack on our airport,\u201d the governor said."
    assert not opens_new_event(quoted, 0, len(quoted))
    plain = "In a new attack, rockets struck the airport."
    assert opens_new_event(plain, 0, len(plain))


def test_pluperfect_after_a_reporting_verb_is_the_news() -> None:
    reported = "The coalition confirmed on Tuesday that two soldiers had been killed at the base."
    earlier = "The base had been hit by rockets before."
    assert cues.REPORTED_THAT.search(reported, 0, reported.index("had been"))
    assert not cues.REPORTED_THAT.search(earlier, 0, earlier.index("had been"))


def test_times_told() -> None:
    assert times_told("Monitors said the Shaddadi base was attacked twice overnight.") == (2, False)
    assert times_told("US forces came under attack three times on Sunday, including at Tanf and Conoco.") == (3, True)
    assert times_told("The base was hit by two rockets.") == (0, False)


# --- figures and dates ------------------------------------------------------------------------------------


def test_a_dozen_and_reporting_verbs_in_casualty_phrases() -> None:
    assert ("injured", 12) in figures("The coalition said about a dozen additional personnel were wounded.")
    got = figures("One of the officials said four troops were badly wounded in the attack.")
    assert ("injured", 4) in got
    assert ("injured", 1) not in got


def test_members_of_the_coalition() -> None:
    assert ("injured", 2) in figures("The spokesman said two members of the coalition were wounded.")


def test_subsets_are_not_added() -> None:
    assert figures("The blast injured six Americans, one of them a soldier.") == [("injured", 6)]
    assert ("injured", 4) in figures("The rockets injured four people, including a contractor.")
    assert ("injured", 5) not in figures("The rockets injured four people, including a contractor.")


def test_no_troops_of_either_army_were_killed_or_wounded() -> None:
    got = set(figures("No US or Iraqi troops were killed or wounded, the statement said."))
    assert got == {("killed", 0), ("injured", 0)}


def test_diverted_rocket_is_intercepted() -> None:
    assert ("intercepted", 1) in figures("One of the rockets was diverted by the defence system.")


def test_a_dateline_line_dates_the_report() -> None:
    published = dt.date(2023, 5, 2)
    assert [d.reporting for d in find_dates("May 2, 2023 - 09:40", published)] == [True]
    assert [d.reporting for d in find_dates("By Staff Writer - May 1 2023", published)] == [True]
    assert [d.reporting for d in find_dates("Rockets hit the base on May 1.", published)] == [False]


# --- end to end -------------------------------------------------------------------------------------------


def test_zone_and_embassy_in_one_sentence_are_one_target(gazetteer) -> None:
    text = (
        "Several rockets landed inside Baghdad's Green Zone late on Friday, apparently aimed at the US embassy.\n"
        "Security officials said one of the rockets was diverted by the embassy's defence system."
    )
    got = primaries(text, gazetteer)
    assert len(got) == 1
    assert got[0]["base"]["slug"] in {"us-embassy-baghdad", "baghdad-green-zone"}
    assert got[0]["intercepted"] == 1


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


def test_the_base_attacked_twice_is_two_attacks_on_the_site_in_focus(gazetteer) -> None:
    text = (
        "The Islamic Resistance in Iraq said it launched drones at the al-Shaddadi base on Friday.\n"
        "A monitoring group said the base was attacked twice and one drone was shot down."
    )
    got = primaries(text, gazetteer, dt.date(2024, 1, 5))
    assert [g["base"]["slug"] for g in got] == ["al-shaddadi-base", "al-shaddadi-base"]
    assert all(g["claimed"] for g in got)


def test_commentary_on_attacks_in_general_is_not_an_attack() -> None:
    assert cues.COMMENTARY.search("The governor described the targeting of sites hosting foreign troops as reckless.")
    assert cues.COMMENTARY.search(
        "The minister said the attacks carried out by armed groups undermine the fight on ISIS."
    )


def test_claim_of_a_days_attack_and_habitual_blame() -> None:
    assert cues.CLAIM.search("The group claimed Tuesday's attack on its Telegram channel.")
    assert cues.GENERIC_CLAIM.search("Washington typically blames Iran and its allies for such attacks.")


def test_militias_as_the_target_but_not_as_the_agent() -> None:
    assert cues.OTHER_TARGET.search("Kurdish forces used machine guns to target the militias across the river.")
    assert not cues.OTHER_TARGET.search("The embassy was attacked by Iran-aligned militias in September.")


def test_a_site_placed_near_another_is_a_landmark(gazetteer) -> None:
    text = "A drone hit the Harir base near Erbil airport on Sunday, the group said."
    got = primaries(text, gazetteer, dt.date(2024, 1, 28))
    assert [g["base"]["slug"] for g in got] == ["al-harir-air-base"]
