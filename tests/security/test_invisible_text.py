"""Article text made only of zero-width, format and other invisible characters is refused like empty text,
in the form and the API; text with any visible character is kept exactly as sent."""

from __future__ import annotations

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from ingest.models import Article
from ingest.validators import is_visibly_empty

pytestmark = pytest.mark.django_db

INVISIBLE = [
    "\u200b" * 50,  # zero-width space
    "\u200c\u200d\u2060\ufeff" * 20,  # joiners, word joiner, BOM
    " \u200b\n\u200e\u200f\t\u202a\u202c ",  # with whitespace and bidi controls
    "\u00ad\u2061\u2062\u2063\u2064\u206f",  # soft hyphen, invisible operators
    "\u3164\u115f\u2800",  # Hangul fillers, blank Braille
    "\U000e0001\U000e0020",  # language tags
]


@pytest.fixture
def api(editor) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=editor).key}")
    return client


@pytest.mark.parametrize("text", INVISIBLE)
def test_the_api_refuses_invisible_text(api, text):
    response = api.post("/api/v1/articles/", {"text": text, "published": "2024-01-02"}, format="json")
    assert response.status_code == 400
    assert response.json()["text"] == ["The article text is empty."]
    assert not Article.objects.exists()


@pytest.mark.parametrize("text", INVISIBLE)
def test_the_form_refuses_invisible_text(editor_client, text):
    response = editor_client.post("/articles/submit/", {"text": text, "published": "2024-01-02"})
    assert response.status_code == 400  # the form again, with its error on the text
    assert "text" in response.context["form"].errors
    assert not Article.objects.exists()


def test_visible_text_with_zero_width_characters_is_kept_as_sent(api):
    text = "Rockets\u200b hit Ain al-\u200dAsad air base on Tuesday, officials said."
    response = api.post("/api/v1/articles/", {"text": text, "published": "2024-01-02"}, format="json")
    assert response.status_code == 202
    assert Article.objects.get().text == text


@pytest.mark.parametrize(("text", "empty"), [("\u200b", True), ("\u200ba", False), ("٣", False), ("\u0301", False)])
def test_is_visibly_empty(text, empty):
    assert is_visibly_empty(text) is empty
