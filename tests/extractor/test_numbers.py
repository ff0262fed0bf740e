from ingest.extractor.numbers import find_numbers, parse_number, words_to_int


def test_number_words() -> None:
    assert words_to_int("twenty-five") == 25
    assert words_to_int("one hundred and two") == 102
    assert parse_number("a pair of") == 2
    assert parse_number("2,500") == 2500


def test_adjacent_numbers_stay_apart() -> None:
    assert [n.value for n in find_numbers("at least two one-way attack drones")][:1] == [2]
    assert [n.value for n in find_numbers("five soldiers and one contractor")] == [5, 1]
