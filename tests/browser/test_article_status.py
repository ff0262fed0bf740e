"""The article page follows the parse live and then lists every attack it read and what became of it."""

import datetime as dt

import pytest
from django.conf import settings
from django.contrib.auth.models import Group

from ingest.models import Article, ArticleReading
from tests.factories import ArticleFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_article_page_shows_the_readings_once_the_parse_is_done(page, live_server):
    editor = UserFactory(username="editor")
    editor.groups.add(Group.objects.get_or_create(name=settings.EDITORS_GROUP)[0])
    article = ArticleFactory(status=Article.Status.QUEUED)
    page.goto("/accounts/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "correct horse battery staple")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.goto(article.get_absolute_url())
    assert "Shown once the parse is done." in page.locator("[data-role=readings]").inner_text()

    # The worker finishes: status.js polls the articles API and redraws the lists.
    ArticleReading.objects.create(
        article=article,
        position=0,
        role="background",
        date=dt.date(2023, 9, 1),
        date_precision="month",
        site="Union III",
        outcome="not_kept",
        reason="background mention matching no incident, too vague for a draft (dated to the month only)",
    )
    Article.objects.filter(pk=article.pk).update(status=Article.Status.DONE)
    page.wait_for_selector("#article-status[data-status=done]", state="attached")
    row = page.locator("[data-role=readings] tr.reading")
    row.first.wait_for()
    assert row.locator("td").all_inner_texts() == [
        "1",
        "Background mention",
        "2023-09",
        "Union III",
        "\u2014",
        "Not kept",
        "background mention matching no incident, too vague for a draft (dated to the month only)",
    ]
    summary = page.locator("[data-role=readings-summary]").inner_text()
    assert summary == "1 attack read: 0 new drafts, 0 joined an incident, 1 not kept."
