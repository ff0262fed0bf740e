"""Per-field confidence: higher where the text states the value plainly, lower where it is inferred or disputed."""

from ingest.extractor.confidence import REVIEW_BELOW
from tests.extractor.helpers import primaries


def test_every_field_has_a_confidence_in_range(gazetteer) -> None:
    [inc] = primaries("Three rockets hit Camp Taji on Monday, wounding two contractors, the coalition said.", gazetteer)
    conf = inc["field_confidence"]
    assert set(conf) == {
        "date",
        "base",
        "weapons",
        "launched",
        "intercepted",
        "killed",
        "injured",
        "perpetrator",
        "claimed",
    }
    assert all(0.0 <= v <= 1.0 for v in conf.values())
    assert inc["confidence"] == round(sum(conf.values()) / len(conf), 3)


def test_a_day_and_a_site_named_in_the_attacks_own_sentence_are_sure(gazetteer) -> None:
    [inc] = primaries("Three rockets hit Camp Taji on Monday, wounding two contractors.", gazetteer)
    assert inc["field_confidence"]["date"] >= 0.9
    assert inc["field_confidence"]["base"] >= 0.9
    assert inc["field_confidence"]["launched"] >= 0.9


def test_an_undated_attack_dated_by_publication_is_marked_for_review(gazetteer) -> None:
    [inc] = primaries("Rockets hit Camp Taji, the coalition said.", gazetteer)
    assert inc["field_confidence"]["date"] < REVIEW_BELOW


def test_sources_that_disagree_lower_the_counts_confidence(gazetteer) -> None:
    text = (
        "Fifteen rockets hit Camp Taji on Wednesday, US officials said. "
        "The Iraqi military said ten rockets had hit the base."
    )
    [inc] = primaries(text, gazetteer)
    assert inc["launched"] == 15
    assert inc["field_confidence"]["launched"] <= 0.7


def test_an_inferred_count_is_less_sure_than_a_stated_one(gazetteer) -> None:
    stated = primaries("Two drones targeted Ain al-Asad on Friday; both were shot down.", gazetteer)[0]
    inferred = primaries("A drone attack targeted Ain al-Asad on Friday. The drone was shot down.", gazetteer)[0]
    assert inferred["intercepted"] == 1
    assert inferred["field_confidence"]["intercepted"] < stated["field_confidence"]["launched"]


def test_an_unknown_weapon_is_marked_for_review(gazetteer) -> None:
    [inc] = primaries("US forces at Camp Taji came under attack on Monday, officials said.", gazetteer)
    assert inc["weapons"] == ["unknown"]
    assert inc["field_confidence"]["weapons"] < REVIEW_BELOW
