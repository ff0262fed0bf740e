from incidents.highlight import Segment, excerpt_segments, highlight_segments


def test_highlight_marks_evidence_spans():
    text = "Intro. Three rockets hit the base. Outro."
    evidence = {"launched": {"text": "Three rockets hit the base.", "start": 7, "end": 34}}

    segments = highlight_segments(text, evidence)

    assert segments == [
        Segment("Intro. "),
        Segment("Three rockets hit the base.", ("launched",)),
        Segment(" Outro."),
    ]


def test_overlapping_spans_carry_both_fields():
    text = "abcdefghij"
    evidence = {"killed": {"start": 0, "end": 6}, "injured": {"start": 3, "end": 10}}

    segments = highlight_segments(text, evidence)

    assert [(s.text, s.fields) for s in segments] == [
        ("abc", ("killed",)),
        ("def", ("injured", "killed")),
        ("ghij", ("injured",)),
    ]


def test_malformed_or_out_of_range_offsets_are_ignored_or_clipped():
    text = "short text"
    evidence = {"a": {"start": "0", "end": 3}, "b": {"start": 5, "end": 999}, "c": "junk", "d": {"start": 4, "end": 2}}

    segments = highlight_segments(text, evidence)

    assert [(s.text, s.fields) for s in segments] == [("short", ()), (" text", ("b",))]


def test_excerpt_keeps_context_around_evidence_only():
    text = "x" * 1000 + "EVIDENCE" + "y" * 1000
    evidence = {"date": {"start": 1000, "end": 1008}}

    segments = excerpt_segments(text, evidence, context=5)

    assert [s.text for s in segments] == ["… ", "xxxxx", "EVIDENCE", "yyyyy", " …"]


def test_span_whose_sentence_no_longer_matches_the_text_is_ignored():
    text = "The article was edited after parsing."
    evidence = {"killed": {"text": "Two soldiers died.", "start": 4, "end": 11}}

    assert highlight_segments(text, evidence) == [Segment(text)]
