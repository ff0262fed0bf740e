from ingest.extractor import segments


def test_clause_spans_give_each_site_its_clause() -> None:
    text = "Drones were fired at Alpha base west of the city and a rocket was fired at Bravo camp."
    a, b = text.index("Alpha"), text.index("Bravo")
    spans = segments.clause_spans(text, [(a, a + 10), (b, b + 10)])
    assert text[slice(*spans[0])].startswith("Drones were fired at Alpha")
    assert text[slice(*spans[1])].strip().startswith("and a rocket")


def test_clause_spans_single_target_is_whole_sentence() -> None:
    assert segments.clause_spans("A drone hit the base.", [(14, 18)]) == [(0, 21)]


def test_new_event_cues() -> None:
    assert segments.NEW_EVENT.search("Separately, two rockets struck the base.")
    assert segments.NEW_EVENT.search("Another drone attack targeted the base later that night.")
    assert segments.NEW_EVENT.search("The base was hit in a second attack.")
    assert not segments.NEW_EVENT.search("One rocket hit the base and another landed outside it.")
    assert not segments.NEW_EVENT.search("Another official said the base was hit.")


def test_ordinal_cuts_need_two_ordinals() -> None:
    text = "The first attack came at 11 pm while the second drone attack came an hour later."
    cuts = segments.ordinal_cuts(text)
    assert len(cuts) == 2
    assert text[cuts[1] :].startswith("the second")
    assert segments.ordinal_cuts("It was the first attack since February.") == []


def test_roundup_summary() -> None:
    assert segments.is_roundup_summary("US forces were attacked four times in Iraq and Syria on Friday.")
    assert segments.is_roundup_summary("Three attacks on US troops in a day")
    assert not segments.is_roundup_summary("A drone attack hit a US base in Syria.")


def test_counted_unnamed_sites() -> None:
    assert segments.counted_sites("forces were attacked at two sites in eastern Syria") == 2
    assert segments.counted_sites("rockets hit both bases overnight") == 2
    assert segments.counted_sites("a drone hit a US base in Syria") == 1


def test_list_items_start_with_their_count() -> None:
    text = "with several rockets and a one-way drone"
    r, d = text.index("rockets"), text.index("drone")
    starts = segments.list_item_starts(text, [(r, r + 7), (d, d + 5)])
    assert text[starts[1] :] == "a one-way drone"


def test_anaphoric_attack_and_same_day() -> None:
    assert segments.ANAPHORIC.match("The attack targeted the fortified Green Zone.")
    assert not segments.ANAPHORIC.match("A second attack targeted the Green Zone.")
    assert segments.SAME_DAY.search("On that same day, four soldiers were hurt at another base.")


def test_after_splits_a_headline_into_two_events() -> None:
    text = "US forces down drone near embassy after rockets target Ain al-Asad"
    start, end = segments.after_clause_span(text, text.index("Ain al-Asad"))
    assert "drone" not in text[start:end]
    assert "rockets" in text[start:end]
    assert segments.after_clause_span("Rockets hit the base.", 12) == (0, 21)


def test_earlier_in_the_day_opens_an_attack_not_a_report_of_one() -> None:
    assert segments.opens_new_event("Earlier in the day, a rocket attack targeted the base.", 0, 60)
    text = "Earlier in the day, an army source told Xinhua that more than 20 missiles hit Ain al-Asad air base."
    assert not segments.opens_new_event(text, 0, len(text))


def test_separately_said_is_another_telling_not_another_attack() -> None:
    assert segments.opens_new_event("Separately, rockets struck an Iraqi base.", 0, 40)
    text = "An adviser separately claimed that the base's communications had been cut by the attack."
    assert not segments.opens_new_event(text, 0, len(text))


def test_rockets_at_bases_in_the_plural_are_a_roundup_summary() -> None:
    assert segments.is_roundup_summary(
        "Several rockets were launched on Thursday and Friday targeting bases housing troops from the coalition."
    )
    assert not segments.is_roundup_summary("Rockets targeted a base housing troops from the coalition on Friday.")


def test_semicolons_part_the_items_of_a_list() -> None:
    text = "a drone at Harir, with no casualties; drones at Asad, causing no injuries; and a drone at Baydar"
    targets = [(text.index(n), text.index(n) + len(n)) for n in ("Harir", "Asad", "Baydar")]
    spans = segments.clause_spans(text, targets)
    assert text[spans[0][0] : spans[0][1]] == "a drone at Harir, with no casualties"
    assert text[spans[1][0] : spans[1][1]].startswith("; drones at Asad, causing no injuries")


def test_the_item_of_a_semicolon_list_that_holds_an_offset() -> None:
    text = "X, with no casualties; Y, causing no injuries"
    assert segments.list_item(text, text.index("no casualties")) == (0, text.index(";"))
    assert segments.list_item(text, text.index("Y")) == (text.index(";") + 1, len(text))
    assert segments.list_item("no list here", 3) == (0, len("no list here"))


def test_the_attack_told_after_what_was_heard_is_the_sites() -> None:
    # the site's clause tells only what was heard; the attack and its volley come after "following"
    text = "Blasts were heard at the base on Monday, following a drone attack, with three drones crashing nearby."
    assert segments.after_clause_span(text, text.index("the base")) == (0, len(text))
    # another actor's strike after the site's clause stays apart
    text = "Blasts were heard at the base on Monday, following a US airstrike on a militia depot."
    assert segments.after_clause_span(text, text.index("the base"))[1] == text.index(" following")


def test_the_volley_told_after_what_happened_at_the_site_is_the_sites() -> None:
    # what the site suffered first, then the volley reaching it as the subject after "after": one event
    text = "Four soldiers were hurt at the base after three rockets struck the compound on Monday."
    assert segments.after_clause_span(text, text.index("the base")) == (0, len(text))
    text = "Blasts were reported inside the base after a bomb-carrying unmanned aircraft hit the site."
    assert segments.after_clause_span(text, text.index("the base")) == (0, len(text))
    # a named actor's drones are another's strike, not the volley
    text = "Blasts were reported inside the base after US drones struck a militia depot."
    assert segments.after_clause_span(text, text.index("the base"))[1] == text.index(" after")
