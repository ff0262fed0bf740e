"""The article page follows the parse live and then lists what it read but did not keep."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group

from ingest.models import Article
from tests.factories import ArticleFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_article_page_shows_the_skipped_attacks_once_the_parse_is_done(page, live_server):
    editor = UserFactory(username="editor")
    editor.groups.add(Group.objects.get_or_create(name=settings.EDITORS_GROUP)[0])
    article = ArticleFactory(status=Article.Status.QUEUED)
    page.goto("/accounts/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "correct horse battery staple")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.goto(article.get_absolute_url())
    assert "Shown once the parse is done." in page.locator("[data-role=skipped]").inner_text()

    # The worker finishes: status.js polls the articles API and redraws the lists.
    Article.objects.filter(pk=article.pk).update(
        status=Article.Status.DONE,
        outcome={"created": [], "joined": [], "linked": [], "skipped": ["background 2023-09-21 Union III: no match"]},
    )
    page.wait_for_selector("#article-status[data-status=done]", state="attached")
    skipped = page.locator("[data-role=skipped] li")
    skipped.first.wait_for()
    assert skipped.all_inner_texts() == ["background 2023-09-21 Union III — no match"]
    assert page.locator("[data-role=skipped] strong").inner_text() == "background 2023-09-21 Union III"
