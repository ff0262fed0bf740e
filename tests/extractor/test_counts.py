from ingest.extractor.counts import best_low_high, sentence_figures
from ingest.extractor.weapons import find_weapons


def figures(text: str) -> list[tuple[str, int]]:
    return [(f.field, f.value) for f in sentence_figures(text, find_weapons(text))]


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
