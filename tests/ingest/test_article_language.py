# ruff: noqa: RUF001 - the Russian article is written in Cyrillic letters, on purpose
"""An article in a language the extractor does not read in full says so, on its page and in the API, and its
drafts send every field to the editor. The articles are our own, written the way short wire items read."""

from __future__ import annotations

import datetime as dt
import re

from django.urls import reverse

from incidents.models import Incident
from ingest.models import Article

# A rocket attack on a base in eastern Syria, told in Russian (our own words)
RUSSIAN = (
    "Американская военная база в провинции Дейр-эз-Зор в воскресенье подверглась ракетному обстрелу. "
    "По словам местных источников, на территории базы прогремели несколько взрывов. "
    "Сведений о пострадавших пока не поступало."
)
# Rockets on Ain al-Asad, told in Spanish (our own words)
SPANISH = (
    "Varios cohetes Katyusha impactaron el jueves en la base aérea de Ain al Asad, en el oeste de Irak, donde se "
    "encuentran tropas de la coalición, según una fuente de seguridad iraquí que pidió no ser identificada. "
    "Los militares están evaluando los daños."
)
ENGLISH = "Two rockets struck Ain al-Asad air base in western Iraq on Thursday, causing no casualties, officials said."


def _submit(client, capture, text: str, title: str) -> Article:
    data = {"text": text, "published": dt.date(2024, 3, 8).isoformat(), "title": title, "url": "", "outlet": ""}
    with capture(execute=True):
        response = client.post(reverse("ingest:article-submit"), data)
    assert response.status_code == 302
    return Article.objects.get(title=title)


def _note(html: str) -> tuple[bool, str]:
    """The page's language note: (shown, its text)."""
    tag = re.search(r'<p class="language-note"[^>]*data-role="language-note"([^>]*)>(.*?)</p>', html, flags=re.S)
    assert tag is not None
    return "hidden" not in tag.group(1), tag.group(2).strip()


def test_an_article_in_a_language_not_read_says_so_before_no_incident_found(
    editor_client, gazetteer, django_capture_on_commit_callbacks
):
    article = _submit(editor_client, django_capture_on_commit_callbacks, RUSSIAN, "Deir ez-Zor")
    assert article.status == Article.Status.DONE
    assert article.language == "ru"
    assert article.language_note.startswith("Written in Russian, which the extractor does not read")

    page = editor_client.get(article.get_absolute_url()).content.decode()
    shown, text = _note(page)
    assert shown
    assert "&#x27;no incident found&#x27; does not mean the article tells none" in text

    api = editor_client.get(article.get_status_url()).json()
    assert api["language"] == "ru"
    assert api["language_note"] == article.language_note


def test_an_article_read_in_part_gives_a_draft_whose_every_field_is_marked_for_review(
    editor_client, asad, django_capture_on_commit_callbacks
):
    article = _submit(editor_client, django_capture_on_commit_callbacks, SPANISH, "Ain al Asad")
    assert article.language == "es"
    assert "Written in Spanish: the extractor reads its site names" in article.language_note
    draft = Incident.objects.get(base=asad)
    review = editor_client.get(reverse("ingest:review-incident", kwargs={"pk": draft.pk})).content.decode()
    assert "were read with low confidence (below 0.7)" in review
    assert review.count('class="uncertain-flag"') >= 3


def test_an_english_article_carries_no_note(editor_client, asad, django_capture_on_commit_callbacks):
    article = _submit(editor_client, django_capture_on_commit_callbacks, ENGLISH, "Asad")
    assert (article.language, article.language_note) == ("en", "")
    shown, text = _note(editor_client.get(article.get_absolute_url()).content.decode())
    assert (shown, text) == (False, "")
    assert editor_client.get(article.get_status_url()).json()["language_note"] == ""
