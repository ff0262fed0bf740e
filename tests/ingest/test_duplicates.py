"""The same article twice (same URL, or same normalized text) leads to the existing one."""

from __future__ import annotations

from django.urls import reverse

from ingest.models import Article
from tests.ingest.conftest import ARTICLE_A, PUBLISHED_A


def _post(client, **overrides):
    data = {"text": ARTICLE_A, "published": PUBLISHED_A.isoformat(), "title": "", "url": "", "outlet": ""}
    data.update(overrides)
    return client.post(reverse("ingest:article-submit"), data, follow=True)


def test_same_text_with_other_spacing_and_case_redirects_to_existing(editor_client):
    _post(editor_client)
    response = _post(editor_client, text="  " + ARTICLE_A.upper().replace(" ", "  \n") + "  ")
    article = Article.objects.get()
    assert response.redirect_chain[-1][0] == article.get_absolute_url()
    assert "already submitted" in next(str(m) for m in response.context["messages"])


def test_same_url_with_other_text_redirects_to_existing(editor_client):
    _post(editor_client, url="https://example.org/news/1")
    response = _post(editor_client, url="https://example.org/news/1", text="A different text entirely.")
    article = Article.objects.get()
    assert article.text == ARTICLE_A
    assert response.redirect_chain[-1][0] == article.get_absolute_url()


def test_duplicate_through_the_api_answers_200_with_the_existing_status_url(editor, client):
    client.force_login(editor)
    first = client.post(
        "/api/v1/articles/", {"text": ARTICLE_A, "published": "2024-01-18"}, content_type="application/json"
    )
    again = client.post(
        "/api/v1/articles/", {"text": ARTICLE_A, "published": "2024-01-18"}, content_type="application/json"
    )
    assert first.status_code == 202
    assert again.status_code == 200
    assert again.json()["duplicate"] is True
    assert again.json()["id"] == first.json()["id"]
    assert again.json()["status_url"] == first.json()["status_url"]
    assert Article.objects.count() == 1
