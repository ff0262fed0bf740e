import datetime as dt

from ingest.extractor import assemble, cues, events, extract, forget_sentences
from ingest.extractor.attribution import find_attribution
from ingest.extractor.events import read_facts, targets
from ingest.extractor.sentences import Sentence
from tests.extractor.helpers import primaries


def facts(text: str):
    return read_facts(Sentence(0, text, 0, len(text), 0), [], [], dt.date(2024, 1, 1), None)


def test_generic_coalition_target_with_place() -> None:
    t = targets(facts("A drone hit a US base in Syria's Hasakah province on Monday."))
    assert len(t) == 1
    assert (t[0].place, t[0].country) == ("Hasakah province", "SY")


def test_vetoes() -> None:
    assert targets(facts("US warplanes struck militia targets in Iraq and Syria.")) == []
    assert targets(facts("Militias have attacked US forces 150 times since October.")) == []
    assert targets(facts("Factions threatened to attack US bases.")) == []


def test_attribution() -> None:
    assert find_attribution("'Three rockets were fired,' a security source said.") == "a security source"
    assert find_attribution("It said two rockets fell.", "the interior ministry") == "the interior ministry"


def test_inbound_projectiles_engaged_at_a_base_are_an_attack_on_it(gazetteer) -> None:
    text = (
        "US forces stationed at al-Dhafra Air Base engaged two inbound missile threats with Patriot interceptors "
        "early on Monday, Central Command said."
    )
    (attack,) = primaries(text, gazetteer, dt.date(2022, 1, 24))
    assert (attack["base"]["slug"], attack["weapons"], attack["launched"]) == ("al-dhafra-air-base", ["missile"], 2)
    # inbound flights are no projectiles
    assert not cues.ATTACK.search("All inbound and outbound flights at the airport were suspended.")


def test_an_explosive_drone_crashing_at_a_site_attacked_it(gazetteer) -> None:
    text = "A drone rigged with explosives crashed near Harir airbase on Wednesday, the counter-terrorism service said."
    [attack] = primaries(text, gazetteer, dt.date(2023, 10, 19))
    assert (attack["base"]["slug"], attack["weapons"]) == ("al-harir-air-base", ["drone"])
    assert cues.ATTACK.search("In April, an explosives-laden drone came crashing into the airport's military side.")


def test_forgetting_the_sentences_empties_every_memo_kept_between_articles(gazetteer) -> None:
    memos = (events._habits, events.main_clause, assemble._less_asides, assemble._claim_by_group)
    extract("Two rockets hit Ain al-Asad air base on Monday, a security source said.", dt.date(2024, 1, 2), gazetteer)
    assert any(memo.cache_info().currsize for memo in memos)
    forget_sentences()
    assert [memo.cache_info().currsize for memo in memos] == [0, 0, 0, 0]
