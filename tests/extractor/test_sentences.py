"""Sentence boundaries: punctuation and line breaks, except a line break inside a wrapped sentence."""

from ingest.extractor.sentences import parse, split_sentences, title_lines


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(parse(text))]


def test_a_headline_line_is_a_sentence_of_its_own() -> None:
    assert texts("Rockets hit Ain al-Asad\nThree rockets struck the base on Monday.") == [
        "Rockets hit Ain al-Asad",
        "Three rockets struck the base on Monday.",
    ]


def test_a_line_wrapped_inside_a_sentence_is_joined() -> None:
    got = texts("Attacks on October 18 targeted\nor came near U.S. forces. The\nUnited States responded.")
    assert got == ["Attacks on October 18 targeted\nor came near U.S. forces.", "The\nUnited States responded."]


def test_a_line_ending_on_a_comma_continues() -> None:
    assert texts("Two drones struck the base,\nwounding a soldier.") == [
        "Two drones struck the base,\nwounding a soldier."
    ]


def test_a_blank_line_always_ends_a_sentence() -> None:
    assert texts("Drone attack on the\n\nbase") == ["Drone attack on the", "base"]


def test_a_month_abbreviated_in_capitals_ends_no_sentence() -> None:
    # wire timelines print their entries' days in capitals: "OCT. 18 - ..."
    assert texts("OCT. 18 - Drones targeted US troops in Iraq.\nNOV. 2 - A rocket hit the base.") == [
        "OCT. 18 - Drones targeted US troops in Iraq.",
        "NOV. 2 - A rocket hit the base.",
    ]


def test_an_ellipsis_before_a_capital_ends_a_sentence() -> None:
    assert texts("Forces struck facilities in Iraq\u2026 Earlier in the day, militants attacked Erbil.") == [
        "Forces struck facilities in Iraq\u2026",
        "Earlier in the day, militants attacked Erbil.",
    ]


def test_an_ellipsis_inside_a_quote_does_not() -> None:
    assert texts('"We will \u2026 respond at a time of our choosing," he said.') == [
        '"We will \u2026 respond at a time of our choosing," he said.'
    ]


def test_title_lines_are_the_unpunctuated_lines_before_the_first_sentence() -> None:
    sentences = split_sentences(parse("Military\n\nUS base comes under rocket attack\n\nRockets hit Taji. More later"))
    assert title_lines(sentences) == 2
    assert title_lines(split_sentences(parse("Rockets hit Taji on Monday."))) == 0
