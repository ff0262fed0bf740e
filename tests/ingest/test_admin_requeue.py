"""The admin action parses selected articles again."""

from __future__ import annotations

from django.urls import reverse

from ingest.models import Article
from tests.factories import ArticleFactory
from tests.ingest.conftest import ARTICLE_A, PUBLISHED_A


def test_admin_action_requeues_and_parses(client, admin_client_user, asad):
    client.force_login(admin_client_user)
    article = ArticleFactory(text=ARTICLE_A, published=PUBLISHED_A, status=Article.Status.FAILED, error="boom")
    reference = ArticleFactory(is_reference=True, status=Article.Status.DONE)
    response = client.post(
        reverse("admin:ingest_article_changelist"),
        {"action": "enqueue_again", "_selected_action": [article.pk, reference.pk]},
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == Article.Status.DONE  # tasks run in-process in tests
    assert article.error == ""
    assert article.incident_sources.count() == 1
    reference.refresh_from_db()
    assert reference.attempts == 0


def test_status_endpoint_needs_an_editor(client, db):
    article = ArticleFactory()
    response = client.get(article.get_status_url())
    assert response.status_code == 401
    assert Article.objects.get(pk=article.pk).status == Article.Status.QUEUED
