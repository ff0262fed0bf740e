# ruff: noqa: RUF001 - sentences in Cyrillic and Turkish letters, on purpose
"""The language an article is written in, and what the extractor says of one it does not read in full.

Every sentence here is our own, written the way short wire items in each language read.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ingest.extractor import extract, written_in
from ingest.extractor.confidence import PARTIAL_READING_CONFIDENCE, REVIEW_BELOW

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "articles"

WRITTEN = [
    ("en", "Two rockets struck the base on Monday and no one was hurt, officials said in a statement."),
    ("es", "Varios cohetes cayeron el martes cerca de la base, según una fuente de seguridad, y los soldados "
           "están a salvo."),
    ("fr", "Deux roquettes sont tombées mardi près de la base, selon un responsable, et aucune victime n'a été "
           "signalée dans le camp."),
    ("pt", "Dois foguetes atingiram a base na segunda-feira, segundo uma fonte, e não houve feridos entre os "
           "soldados."),
    ("it", "Due razzi hanno colpito la base nella notte, secondo una fonte della sicurezza, e non ci sono feriti "
           "tra i soldati."),
    ("de", "Zwei Raketen haben den Stützpunkt am Montag getroffen, teilte ein Sprecher mit, und es wurde niemand "
           "verletzt."),
    ("tr", "Irak'taki ABD üssüne bir insansız hava aracı ile saldırı düzenlendi ve can kaybı olmadı."),
    ("ru", "Американская база в провинции Дейр-эз-Зор в воскресенье подверглась обстрелу. Сведений о "
           "пострадавших нет."),
    ("uk", "Американська база в Сирії зазнала обстрілу, повідомили джерела. Інформації про постраждалих немає."),
    ("ar", "استهدف هجوم بطائرة مسيرة قاعدة عين الأسد غربي العراق يوم الاثنين، ولم تسجل إصابات."),
    ("fa", "یک پهپاد به پایگاه آمریکایی در عراق حمله کرد و گزارشی از تلفات منتشر نشد."),
]  # fmt: skip


@pytest.mark.parametrize(("code", "text"), WRITTEN, ids=[code for code, _ in WRITTEN])
def test_the_language_is_told_by_its_letters_and_commonest_words(code, text) -> None:
    assert written_in(text).code == code


def test_an_english_report_quoting_a_line_of_arabic_is_english() -> None:
    text = (
        "The group said in a statement posted online, «استهدفنا القاعدة بطائرة مسيرة», that it had struck the base; "
        "officials said no one was hurt and that the attack was the third this week."
    )
    assert written_in(text).code == "en"


def test_a_text_too_short_to_tell_is_taken_for_english_and_one_without_letters_for_none() -> None:
    assert written_in("Rockets hit Ain al-Asad").code == "en"
    assert written_in("12 / 3 - 2024").code == ""


def test_every_golden_article_in_english_is_english() -> None:
    others = {p.stem for p in FIXTURES.glob("languages_*.txt")}
    for path in FIXTURES.glob("*.txt"):
        if path.stem not in others:
            assert written_in(path.read_text()).code == "en", path.name


def test_the_note_says_what_is_read_in_part_and_what_is_not_read_at_all() -> None:
    assert written_in(WRITTEN[0][1]).note() == ""
    spanish = written_in(WRITTEN[1][1])
    assert spanish.read == "part"
    assert spanish.note().startswith("Written in Spanish: the extractor reads its site names")
    assert "its weapons and its days and months, not its counts, casualty figures" in spanish.note()
    russian = written_in(WRITTEN[7][1])
    assert russian.read == "none"
    assert "Written in Russian, which the extractor does not read" in russian.note()
    assert "'no incident found' does not mean the article tells none" in russian.note()


def test_every_field_read_from_an_article_not_read_in_full_goes_to_the_editor(gazetteer) -> None:
    text = (FIXTURES / "languages_an_attack_told_in_spanish.txt").read_text()
    [incident] = extract(text, dt.date(2021, 3, 8), gazetteer)
    assert incident.base is not None
    assert incident.base.slug == "ain-al-asad-air-base"
    assert max(incident.field_confidence.values()) <= PARTIAL_READING_CONFIDENCE < REVIEW_BELOW
    assert incident.confidence <= PARTIAL_READING_CONFIDENCE


def test_an_english_article_keeps_its_confidences(gazetteer) -> None:
    [incident] = extract(
        "Three rockets hit Camp Taji on Monday, wounding two contractors.", dt.date(2020, 3, 9), gazetteer
    )
    assert incident.field_confidence["base"] >= 0.9
