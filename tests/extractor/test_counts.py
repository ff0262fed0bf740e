from ingest.extractor.counts import best_low_high
from tests.extractor.helpers import figures


def test_launched_and_intercepted_of_which() -> None:
    assert figures("The base was targeted with three rockets, two of which were shot down.") == [
        ("intercepted", 2),
        ("launched", 3),
    ]


def test_sum_of_casualty_list() -> None:
    text = "Five U.S. service members and one contractor were wounded when a drone hit the base."
    assert ("injured", 6) in figures(text)


def test_active_and_passive_casualties() -> None:
    assert ("injured", 7) in figures("rockets were fired at the base, injuring seven Americans.")
    assert ("killed", 3) in figures("The drone attack killed three US service members and wounded dozens of others.")


def test_no_casualties_versus_no_injuries() -> None:
    assert set(figures("The attack caused no casualties.")) == {("killed", 0), ("injured", 0)}
    assert figures("There were no injuries.") == [("injured", 0)]
    assert figures("There were no US casualties.") == []


def test_vague_or_partial_figures_are_not_counts() -> None:
    assert figures("Several personnel were wounded.") == []
    assert figures("Three other rockets fell near the base.") == []
    assert figures("A drone attack hit the base.") == []


def test_best_is_highest() -> None:
    assert best_low_high([3, 2]) == (3, 2, 3)
    assert best_low_high([]) == (None, None, None)


def test_partitive_intercept() -> None:
    assert ("intercepted", 1) in figures("One of the drones was shot down.")
    assert ("intercepted", 2) in figures("Two of the rockets were intercepted by air defences.")


def test_no_attempt_to_intercept_is_zero() -> None:
    assert ("intercepted", 0) in figures("There was no effort to shoot down the incoming drone.")


def test_count_of_attacks_is_not_a_launch_count() -> None:
    assert ("launched", 2) not in figures("Four soldiers were hurt in two separate drone attacks on the base.")


def test_one_person_casualty() -> None:
    assert ("injured", 1) in figures("A US soldier has reportedly been injured in the attack.")
    assert ("killed", 1) in figures("The strike hit the base, killing an American contractor.")
    assert ("killed", 1) not in figures("The rockets fell on the base, wounding a contractor.")
    assert ("injured", 1) not in figures("A number of soldiers were injured.")


def test_casualty_the_attack_did_not_cause() -> None:
    text = "A contractor died of a cardiac arrest, but it did not occur during one of the attacks."
    assert figures(text) == []


def test_without_resulting_in_casualties() -> None:
    text = "Two drones attacked the base without resulting in any casualties."
    assert {("killed", 0), ("injured", 0)} <= set(figures(text))
