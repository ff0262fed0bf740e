import datetime as dt

from ingest.extractor import cues
from ingest.extractor.weapons import categories, defence_spans, find_weapons
from tests.extractor.helpers import primaries


def cats(text: str) -> tuple[str, ...]:
    return categories(find_weapons(text))


def test_vocabulary() -> None:
    assert cats("two Katyusha rockets") == ("rocket",)
    assert cats("a Grad") == ("rocket",)
    assert cats("a one-way attack drone") == ("drone",)
    assert cats("an unmanned aerial vehicle") == ("drone",)
    assert cats("attacked by 2 UAS") == ("drone",)  # coalition statements: unmanned aerial systems
    assert cats("an unmanned aircraft system") == ("drone",)
    assert cats("a kamikaze drone") == ("drone",)
    assert cats("a ballistic missile") == ("missile",)
    assert cats("mortar shells") == ("mortar",)
    assert cats("a roadside bomb") == ("ied",)
    assert cats("gunfire") == ("small_arms",)
    assert cats("an attack") == ("unknown",)


def test_bare_missile_beside_rockets_is_a_rocket() -> None:
    assert cats("The missiles hit the base; two Katyusha rockets fell") == ("rocket",)
    # in the other languages read too
    assert cats("Tre razzi e due missili hanno colpito la base") == ("rocket",)
    assert cats("dos misiles impactaron en la base") == ("missile",)


def test_weapons_of_previous_attacks_are_not_this_ones() -> None:
    text = "Unlike previous attacks that relied on drones, this barrage used ballistic missiles."
    other = [m.span() for m in cues.OTHER_ATTACKS.finditer(text)]
    kept = [w.category for w in find_weapons(text) if not any(a <= w.start < b for a, b in other)]
    assert kept == ["missile"]


def test_anti_rocket_defence_is_not_a_weapon() -> None:
    assert [w.category for w in find_weapons("The anti-rocket system and counter-drone guns fired.")] == []


def test_defence_system_name_is_no_weapon() -> None:
    text = "A counter-rocket, artillery and mortar system engaged the drone over the compound."
    assert {w.category for w in find_weapons(text)} == {"drone"}


def test_a_defence_systems_purpose_names_no_weapon() -> None:
    text = "Staff heard the Patriot battery's defence system - built to stop incoming missiles and drones - at night."
    assert find_weapons(text) == []
    assert defence_spans(text)


def test_the_purpose_ends_with_its_clause() -> None:
    text = "The air defences, able to stop drones and rockets, engaged a rocket on Monday."
    assert [w.category for w in find_weapons(text)] == ["rocket"]


def test_a_defence_that_fires_still_tells_the_weapons() -> None:
    assert [w.category for w in find_weapons("The C-RAM system shot down two mortar rounds.")] == ["mortar"]


def test_the_gun_a_defence_fires_to_intercept_is_no_weapon_of_the_attack() -> None:
    # the defence's own rounds, fired to stop the attack, are not the attack's weapons
    text = (
        "One rocket was intercepted by the Phalanx system - a massive, six-ton rapid-fire machine-gun that fires "
        "thousands of rounds a minute to intercept incoming rockets."
    )
    assert {w.category for w in find_weapons(text)} == {"rocket"}


def test_defence_description_adds_no_weapon_to_the_attack(gazetteer) -> None:
    text = (
        "Two rockets targeted the US embassy in Baghdad on Friday, security officials said. "
        "Residents heard the embassy's C-RAM system, meant to detect and destroy incoming rockets, artillery and "
        "mortar shells, during the attack."
    )
    found = primaries(text, gazetteer)
    assert len(found) == 1
    assert found[0]["weapons"] == ["rocket"]


def test_artillery_shells_are_indirect_fire_and_shells_of_no_told_kind_are_counted(gazetteer) -> None:
    text = "Five artillery shells hit the Conoco gas field base on Tuesday, causing no casualties."
    (attack,) = primaries(text, gazetteer, dt.date(2024, 8, 13))
    assert (attack["weapons"], attack["launched"]) == (["mortar"], 5)
    text = "Four shells landed inside the Kharab al-Jir base on Tuesday, local sources said."
    (attack,) = primaries(text, gazetteer, dt.date(2021, 11, 23))
    assert (attack["weapons"], attack["launched"]) == (["unknown"], 4)
    # "rocket shells": the shells are the rockets told
    text = "Rocket shells struck the Kharab al-Jir base on Tuesday."
    (attack,) = primaries(text, gazetteer, dt.date(2021, 11, 23))
    assert attack["weapons"] == ["rocket"]


def test_the_weapons_of_a_counter_attack_by_us_forces_are_not_the_attacks(gazetteer) -> None:
    text = (
        "Rockets hit the Conoco gas field base on Wednesday, lightly injuring three US troops. After the attack, "
        "seven rocket launchers were destroyed by a counter attack by US forces. The strike involved attack "
        "helicopters, gunships and 155mm artillery rounds."
    )
    (attack,) = primaries(text, gazetteer, dt.date(2022, 8, 25))
    assert (attack["weapons"], attack["injured"]) == (["rocket"], 3)


def test_the_weapons_of_a_series_or_a_comparison_are_not_the_attacks(gazetteer) -> None:
    text = (
        "Rockets hit Ain al-Asad air base on Sunday, the latest in a series of rocket and drone attacks on US "
        "positions in Iraq."
    )
    (got,) = primaries(text, gazetteer)
    assert got["weapons"] == ["rocket"]
    text = (
        "Ballistic missiles struck Ain al-Asad air base on Saturday, officials said.\n"
        "Such missiles are far rarer than rockets or one-way attack drones, officials noted."
    )
    (got,) = primaries(text, gazetteer)
    assert got["weapons"] == ["missile"]


def test_the_weapons_of_the_days_other_attacks_are_not_the_attacks(gazetteer) -> None:
    # a clause that tells more attacks than the one named ("N more times", "a day marked by ... attacks") keeps
    # their weapons to itself
    for text, weapon in (
        (
            "Four mortar rounds struck the US embassy compound in Baghdad on Friday, and US forces in Iraq and Syria "
            "were targeted at least three more times with rockets and drones.",
            ["mortar"],
        ),
        (
            "Two rockets were fired at the US embassy in Baghdad late on Thursday, at the end of a day marked by "
            "rocket and drone attacks on bases hosting US troops.",
            ["rocket"],
        ),
    ):
        found = [(i["base"]["slug"], i["weapons"]) for i in primaries(text, gazetteer, dt.date(2023, 12, 8))]
        assert ("us-embassy-baghdad", weapon) in found, text


def test_the_weapons_of_a_strike_or_a_habit_told_beside_the_attack_are_not_its_own(gazetteer) -> None:
    """Modelled on wire copy of a rocket attack in Syria: the anniversary of a drone strike, and what is 'not
    uncommon' there, name weapons of other events."""
    text = (
        "Rockets hit a US base in eastern Syria on Wednesday morning, the coalition said; no one was hurt.\n"
        "The morning attack on Mission Support Site Conoco came as Iran and its allies marked the third anniversary "
        "of the killing of Iran's general Qassem Soleimani, in a U.S. drone strike in Baghdad.\n"
        "No one claimed responsibility for the attack in eastern Syria, where it is not uncommon for bases housing "
        "U.S. troops to come under rocket fire or mortar attacks."
    )
    (got,) = primaries(text, gazetteer, published=dt.date(2023, 1, 5))
    assert (got["base"]["slug"], got["weapons"]) == ("conoco-gas-field", ["rocket"])
    assert got["claimed"] is False


def test_weapons_told_of_several_attacks_at_once_are_each_ones_only_where_it_names_none(gazetteer) -> None:
    # A lead that tells the day's attacks together ("came under attack from drones and rockets") before telling
    # them one by one gives each attack only the weapon of its own clause
    published = dt.date(2024, 1, 9)
    together = (
        "US bases in Syria's Hasakah and Deir ez-Zor provinces came under attack on Monday from drones and rockets. "
        "Rockets were fired at a US base in the Conoco gas field, while the Kharab al-Jir base was targeted by "
        "drones."
    )
    counted = (
        "Three bases in northeastern Syria came under separate attacks by drones and rockets on Monday. The "
        "facility in al-Shaddadi was hit by three drones. Rockets landed inside the al-Omar oil field base."
    )
    for text, expected in (
        (together, {"conoco-gas-field": ["rocket"], "rumalyn-landing-zone": ["drone"]}),
        (counted, {"al-shaddadi-base": ["drone"], "al-omar-oil-field": ["rocket"]}),
    ):
        found = {i["base"]["slug"]: i["weapons"] for i in primaries(text, gazetteer, published) if i["base"]}
        assert {k: found.get(k) for k in expected} == expected
    # with no weapon of its own, an attack told together with others keeps theirs
    (attack,) = primaries(
        "Drones and rockets targeted US bases in Syria on Monday. The al-Shaddadi base was among those hit.",
        gazetteer,
        published,
    )
    assert attack["weapons"] == ["rocket", "drone"]


def test_what_a_defence_did_to_a_counted_volley_names_the_weapons_fired() -> None:
    text = "Air defenses were able to intercept all but two of 17 ballistic missiles and rockets."
    assert {w.category for w in find_weapons(text)} == {"missile", "rocket"}
    assert find_weapons("The C-RAM system is designed to destroy incoming rockets.") == []


def test_what_a_defence_does_in_a_relative_clause_names_no_weapon() -> None:
    text = "The rockets were downed by the C-RAM system that intercepts rounds of artillery and mortar fire mid-flight."
    assert cats(text) == ("rocket",)
    assert cats("Air defences which detect and destroy drones were switched on after mortars hit the base.") == (
        "mortar",
    )


def test_rounds_of_indirect_fire_are_counted_projectiles_of_no_told_kind() -> None:
    assert cats("Two rounds of indirect fire struck the base.") == ("unknown",)
    assert cats("Two indirect-fire rounds and a rocket struck the base.") == ("rocket",)


def test_the_coalitions_own_aircraft_are_not_weapons_fired_at_it() -> None:
    assert cats("US military jets and reconnaissance drones flew over the field after the attack") == ("unknown",)
    assert cats("the coalition's drones circled the base") == ("unknown",)
    # the owner as written: the pronoun "us" owns nothing
    assert cats("they attacked us with drones") == ("drone",)
    assert cats("American forces shot down two drones near the base") == ("drone",)


def test_the_weapon_of_the_attack_a_site_was_hit_after_is_not_its_own(gazetteer) -> None:
    text = (
        "Rockets struck Balad Air Base on Tuesday, officials said. "
        "Balad Air Base was hit three hours after a drone strike on an airfield in Jordan."
    )
    [inc] = primaries(text, gazetteer)
    assert inc["weapons"] == ["rocket"]


def test_missiles_listed_with_drones_are_a_weapon_of_their_own() -> None:
    assert categories(find_weapons("The Guards fired missiles and drones at the base.")) == ("drone", "missile")
    assert categories(find_weapons("It downed 12 drones and four missiles.")) == ("drone", "missile")
    # a drone's own missiles are no second weapon told beside it
    assert categories(find_weapons("A drone fired missiles at the base.")) == ("drone",)


def test_what_the_coalitions_answer_fires_is_not_the_attacks_weapon(gazetteer) -> None:
    text = (
        "Drones struck Camp Taji on Tuesday, officials said. "
        "In response to the drone attack, US troops at the camp fired mortar rounds at the launch area."
    )
    [inc] = primaries(text, gazetteer)
    assert inc["weapons"] == ["drone"]
    assert cues.COALITION_ANSWER.match("In response to the US strikes, militias fired rockets at the base.") is None


def test_weapons_of_a_campaign_told_beside_the_attack_are_a_habit() -> None:
    # a share of the projectiles of bases in the plural, and attacks in the plural "engaged in", tell a campaign
    assert cues.HABITUAL.search("Commanders say most of the drones and missiles launched at US bases were shot down.")
    assert cues.HABITUAL.search("The militias have primarily engaged in minor attacks using rockets.")
    # the projectiles of one volley at two named bases are news
    assert not cues.HABITUAL.search("Most of the missiles fired at the bases were intercepted.")


def test_bases_of_the_us_military_counted_frame_each_attack_and_a_weapon_found_is_anothers(gazetteer) -> None:
    # "attacked three bases of the United States military with suicide drones": the frame's weapon is each named
    # attack's; "The missile has a range ..." after a missile found is that missile, not an attack's
    text = (
        "On Friday, the Islamic Resistance in Iraq attacked three bases of the United States military with suicide "
        "drones. The first attack targeted Harir air base in Erbil, while the second and third targeted al-Shaddadi "
        "base and the Conoco gas field in Syria.\n"
        "Separately, police in Babylon discovered a cruise missile that was meant for an attack on US forces. A "
        "photo shows the grey cruise missile on a truck. The missile has a range of up to 2,000 kilometres."
    )
    found = sorted((i["base"]["slug"], i["weapons"], i["launched"]) for i in primaries(text, gazetteer))
    assert found == [
        ("al-harir-air-base", ["drone"], None),
        ("al-shaddadi-base", ["drone"], None),
        ("conoco-gas-field", ["drone"], None),
    ]


def test_the_event_a_days_attack_is_placed_after_keeps_its_weapons(gazetteer) -> None:
    # "Tuesday's attack on Erbil airport comes hours after the Revolutionary Guard launched ballistic missiles ...":
    # the missiles are the earlier event's, told to place the attack in time
    text = (
        "Kurdish forces on Tuesday shot down two armed drones over Erbil airport, where US forces are stationed.\n"
        "Tuesday's attack on Erbil airport comes hours after the Revolutionary Guard launched ballistic missiles "
        "against the Kurdish region."
    )
    (got,) = primaries(text, gazetteer, dt.date(2024, 1, 16))
    assert (got["base"]["slug"], got["weapons"]) == ("erbil-air-base", ["drone"])


def test_targets_of_one_launch_share_the_weapons_named_before_them(gazetteer) -> None:
    # "launched drones and rockets on bases ... in Iraq's Erbil Airport and Syria's Conoco": each target's
    text = (
        "The group said its fighters launched bomb-laden drones and rockets on bases housing U.S. forces in Iraq's "
        "Erbil Airport and Syria's Conoco gas field on Sunday."
    )
    found = sorted((i["base"]["slug"], set(i["weapons"])) for i in primaries(text, gazetteer, dt.date(2024, 1, 14)))
    assert found == [("conoco-gas-field", {"drone", "rocket"}), ("erbil-air-base", {"drone", "rocket"})]
