from ingest.extractor.numbers import find_numbers, parse_number, words_to_int
from tests.extractor.helpers import figures


def test_number_words() -> None:
    assert words_to_int("twenty-five") == 25
    assert words_to_int("one hundred and two") == 102
    assert parse_number("a pair of") == 2
    assert parse_number("2,500") == 2500


def test_adjacent_numbers_stay_apart() -> None:
    assert [n.value for n in find_numbers("at least two one-way attack drones")][:1] == [2]
    assert [n.value for n in find_numbers("five soldiers and one contractor")] == [5, 1]


def test_numerals_lists_the_spelled_numbers_of_a_range() -> None:
    import re

    from ingest.extractor.numbers import numerals

    pattern = re.compile(rf"^{numerals(2, 12)}$")
    assert all(pattern.match(w) for w in ("two", "seven", "twelve"))
    assert not any(pattern.match(w) for w in ("one", "a", "thirteen", "single"))


def test_a_year_counts_nothing() -> None:
    # "In 2018 rockets targeted the consulate": 2018 is when, not how many
    assert figures("In 2018 rockets targeted the US consulate in Basra.") == []
    assert figures("Since 2014 rockets have hit the base.") == []
    assert figures("In 2019, 30 rockets hit the base.") == [("launched", 30)]


def test_half_a_dozen_is_six_however_written() -> None:
    assert [n.value for n in find_numbers("half a dozen rockets and a half-dozen drones")] == [6, 6]
    assert [n.value for n in find_numbers("a dozen rockets")] == [12]
    assert figures("Half a dozen rockets struck the base.") == [("launched", 6)]
