"""Hostile or odd input at both submission doors (form and API): a clear 400 or form error, or correct
processing; nothing crashes and nothing partial is stored."""

from __future__ import annotations

import json
import os

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from ingest.models import Article

pytestmark = pytest.mark.django_db

TEN_MB = "Rockets hit the base. " * (10 * 1024 * 1024 // 22)


@pytest.fixture
def token_api(editor) -> APIClient:
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=editor).key}")
    return api


def test_ten_megabyte_article_is_refused_at_both_doors(editor_client, token_api):
    form = editor_client.post("/articles/submit/", {"text": TEN_MB, "published": "2024-01-18"})
    assert form.status_code == 400  # RequestDataTooBig: over DATA_UPLOAD_MAX_MEMORY_SIZE
    api = token_api.post("/api/v1/articles/", {"text": TEN_MB, "published": "2024-01-18"}, format="json")
    assert api.status_code in {400, 413}
    assert Article.objects.count() == 0


def test_text_just_over_the_limit_gets_the_limit_named(editor_client, token_api, settings):
    settings.ARTICLE_MAX_CHARS = 1000
    text = "x" * 1001
    form = editor_client.post("/articles/submit/", {"text": text, "published": "2024-01-18"})
    assert form.status_code == 400
    assert "the limit is 1,000" in form.content.decode()
    api = token_api.post("/api/v1/articles/", {"text": text, "published": "2024-01-18"}, format="json")
    assert api.status_code == 400
    assert "the limit is 1,000" in api.json()["text"][0]
    assert Article.objects.count() == 0


@pytest.mark.parametrize(
    "body",
    [os.urandom(4096), b"\xff\xfe\x00garbage", b'{"text": "Rockets \xc3\x28 hit", "published": "2024-01-18"}'],
    ids=["random-bytes", "bom-and-nul", "invalid-utf8-in-json"],
)
def test_binary_garbage_to_the_api_is_a_400(token_api, body):
    response = token_api.generic("POST", "/api/v1/articles/", body, content_type="application/json")
    assert response.status_code == 400
    assert "detail" in response.json() or response.json()
    assert Article.objects.count() == 0


def test_garbage_with_a_form_content_type_is_a_field_error(token_api):
    response = token_api.generic(
        "POST", "/api/v1/articles/", b"\x00\x01\x02text=\xff\xfe&published=\x80", content_type="multipart/form-data"
    )
    assert response.status_code == 400
    assert Article.objects.count() == 0


def test_invalid_utf8_in_a_form_post_is_refused_or_stored_as_replacement_characters(editor_client):
    body = b"text=Rockets+%FF%FE+hit+Ain+al-Asad+air+base+on+Tuesday.&published=2024-01-18"
    response = editor_client.generic("POST", "/articles/submit/", body, "application/x-www-form-urlencoded")
    assert response.status_code in {302, 400}
    for article in Article.objects.all():
        # Django decodes with replacement: what is stored is valid text, never raw bytes.
        assert "\ufffd" in article.text
        article.text.encode("utf-8")


@pytest.mark.parametrize(
    "text", ["\\u0000Rockets hit the base.", "Rockets\\u001b[31m hit the base.", "\\ud800 rockets"]
)
def test_control_characters_and_lone_surrogates_are_refused(token_api, text):
    # Sent as JSON escapes, as a real client would: the lone surrogate cannot even be encoded as UTF-8.
    body = f'{{"text": "{text}", "published": "2024-01-18"}}'.encode()
    response = token_api.generic("POST", "/api/v1/articles/", body, content_type="application/json")
    assert response.status_code == 400
    assert "invalid character" in json.dumps(response.json())
    assert Article.objects.count() == 0


@pytest.mark.parametrize("text", ["", "   ", "\n\t\n"])
def test_empty_text_is_a_form_error_and_a_400(editor_client, token_api, text):
    assert editor_client.post("/articles/submit/", {"text": text, "published": "2024-01-18"}).status_code == 400
    response = token_api.post("/api/v1/articles/", {"text": text, "published": "2024-01-18"}, format="json")
    assert response.status_code == 400
    assert "text" in response.json()
    assert Article.objects.count() == 0


@pytest.mark.parametrize(
    ("published", "status"),
    [
        ("0001-01-01", 400),
        ("1989-12-31", 400),
        ("9999-12-31", 400),
        ("10000-01-01", 400),
        ("2099-01-01", 400),
        ("2024-02-30", 400),
        ("-2024-01-01", 400),
        ("1990-01-01", 202),
    ],
)
def test_publication_dates_far_in_the_past_or_future_are_refused(token_api, editor_client, published, status):
    text = f"Rockets hit Ain al-Asad air base on Tuesday. ({published})"
    response = token_api.post("/api/v1/articles/", {"text": text, "published": published}, format="json")
    assert response.status_code == status, response.content
    form = editor_client.post("/articles/submit/", {"text": text + " form", "published": published})
    assert form.status_code == (302 if status == 202 else 400)
    assert Article.objects.count() == (2 if status == 202 else 0)


@pytest.mark.parametrize(
    "text",
    [
        "أطلقت ثلاثة صواريخ على قاعدة عين الأسد الجوية في غرب العراق يوم الثلاثاء، بحسب مصادر أمنية.",
        "Three rockets (ثلاثة صواريخ) hit Ain al-Asad air base (قاعدة عين الأسد) on Tuesday; "
        "Kurdish sources said «ڕۆکێت» — 🚀 ×3.",  # noqa: RUF001
        "Ракеты: two rockets hit Erbil air base on Tuesday, 日本語 sources said. e\u0301 \u200f\u202eevil",
    ],
    ids=["arabic", "mixed-arabic-latin-emoji", "mixed-scripts-bidi"],
)
def test_arabic_and_mixed_scripts_are_stored_and_processed(
    token_api, gazetteer, text, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = token_api.post("/api/v1/articles/", {"text": text, "published": "2024-01-18"}, format="json")
    assert response.status_code == 202, response.content
    article = Article.objects.get(pk=response.json()["id"])
    assert article.text == text  # stored exactly as sent
    assert article.status == Article.Status.DONE, article.error
    status = token_api.get(f"/api/v1/articles/{article.pk}/")
    assert status.status_code == 200


def test_largest_allowed_article_of_noise_is_processed_without_crashing(
    token_api, gazetteer, django_capture_on_commit_callbacks
):
    words = ["rockets", "base", "Tuesday", "قاعدة", "drone", "3", "killed", "Erbil", "؟", "—", "hit"]
    text = " ".join(words[(i * 7) % len(words)] + str(i % 13) for i in range(28_000))[:200_000]
    with django_capture_on_commit_callbacks(execute=True):
        response = token_api.post("/api/v1/articles/", {"text": text, "published": "2024-01-18"}, format="json")
    assert response.status_code == 202
    article = Article.objects.get()
    assert article.status in {Article.Status.DONE, Article.Status.FAILED}
