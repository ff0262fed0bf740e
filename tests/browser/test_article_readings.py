"""Submitting without a broker answers at once; the article page follows the parse live and then lists every
attack the parser read and what became of it (new draft, joined incident, not kept and why)."""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import Group
from django.core.management import call_command

from incidents.models import Incident
from ingest import extractor, inprocess
from ingest.models import Article
from tests.browser.conftest import SQLITE_SERIAL, screenshot
from tests.browser.test_accessibility import violations
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

READINGS = Path(__file__).resolve().parents[1] / "fixtures" / "readings"


@pytest.fixture
def editor_page(page, live_server, settings, monkeypatch):
    """An editor logged in, no broker: the parse runs in the background thread, once the test opens the gate."""
    settings.INGEST_IN_PROCESS_MODE = "background"
    call_command("load_gazetteer", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115
    editor = UserFactory(username="editor")
    editor.groups.add(Group.objects.get_or_create(name=django_settings.EDITORS_GROUP)[0])
    real, gate = inprocess._article_parse, threading.Event()
    sqlite = django_settings.DATABASES["default"]["ENGINE"].endswith("sqlite3")

    def held(article_id: int) -> str:
        assert gate.wait(timeout=30), "the test never released the parse"
        # On SQLite the live server's threads share one in-memory database: the parse waits its turn
        # as a request does (tests/browser/conftest.py). PostgreSQL runs them side by side.
        with SQLITE_SERIAL if sqlite else contextlib.nullcontext():
            return real(article_id)

    monkeypatch.setattr(inprocess, "_article_parse", held)
    page.goto("/accounts/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "correct horse battery staple")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.gate = gate
    yield page
    gate.set()
    assert inprocess.in_process_wait(timeout=60)


def submit(page, name: str, published: str, title: str) -> None:
    page.goto("/articles/submit/")
    page.fill("#id_text", (READINGS / name).read_text())
    page.fill("#id_published", published)
    page.fill("#id_title", title)
    with page.expect_navigation():
        page.get_by_role("button", name="Submit").click()


def cells(row) -> list[str]:
    return [" ".join(text.split()) for text in row.locator("td").all_inner_texts()]


def test_the_form_answers_at_once_and_the_page_shows_each_attack_read_and_its_fate(editor_page):
    page = editor_page
    submit(page, "victory_base_with_earlier_attacks.txt", "2024-10-01", "Rockets at the Victory Base")
    # The answer came while the parse is still held: the page says so and follows it.
    article = Article.objects.get(title="Rockets at the Victory Base")
    assert page.url.endswith(article.get_absolute_url())
    assert article.status == Article.Status.QUEUED
    assert "this page updates when it is done" in page.locator(".messages").inner_text()
    assert page.locator("[data-role=status]").inner_text() == "Queued"
    assert "updates itself" in page.locator("[data-role=live-note]").inner_text()
    assert "Shown once the parse is done." in page.locator("[data-role=readings]").inner_text()

    page.gate.set()
    page.wait_for_selector("#article-status[data-status=done]", state="attached", timeout=60_000)
    rows = page.locator("[data-role=readings] tr.reading")
    rows.first.wait_for()
    assert rows.count() == 3
    draft = Incident.objects.get(base__slug="victory-base-complex")
    first, september = cells(rows.nth(0)), cells(rows.nth(2))
    # the role and why the parser read it so, drawn by the page when the parse ends
    assert first[:4] == [
        "1",
        "Primary report the attack the article reports",
        "2024-10-01",
        "Victory Base Complex (Baghdad International Airport)",
    ]
    assert first[5:] == [f"New draft #{draft.pk} (draft)", "matched no recorded incident"]
    assert september[:4] == ["3", "Background mention dated before the news", "2024-09", "US Embassy Baghdad"]
    assert september[5:] == [
        "Not kept",
        "background mention matching no incident, too vague for a draft (dated to the month only)",
    ]
    assert page.locator("[data-role=readings-summary]").inner_text() == (
        "3 attacks read: 1 new draft, 0 joined an incident, 2 not kept."
    )
    assert page.locator("[data-role=live-note]").inner_text() == ""
    # The sentence each attack was read from opens from the keyboard.
    page.locator("[data-role=readings] tr.reading").nth(2).locator("summary").focus()
    page.keyboard.press("Enter")
    assert "diplomatic complex" in page.locator("[data-role=readings] tr.reading").nth(2).locator("q").inner_text()
    assert violations(page) == []
    screenshot(page.locator("main"), "article-readings")

    # A second report of the same attack joins the draft; its link leads to the review screen.
    submit(page, "victory_base_second_report.txt", "2024-10-02", "Again at the Victory Base")
    page.wait_for_selector("#article-status[data-status=done]", state="attached", timeout=60_000)
    row = page.locator("[data-role=readings] tr.reading")
    row.first.wait_for()
    assert cells(row.first)[5] == f"Joined incident #{draft.pk} (draft)"
    with page.expect_navigation():
        row.first.get_by_role("link", name=f"Joined incident #{draft.pk}").click()
    assert page.url.endswith(f"/review/{draft.pk}/")


def test_a_failed_parse_is_shown_with_its_reason(editor_page, monkeypatch):
    page = editor_page

    def broken(*args, **kwargs):
        raise RuntimeError("the model file is missing")

    monkeypatch.setattr(extractor, "extract", broken)
    page.gate.set()
    submit(page, "victory_base_second_report.txt", "2024-10-02", "Broken")
    page.wait_for_selector("#article-status[data-status=failed]", state="attached", timeout=60_000)
    assert page.locator("[data-role=status]").inner_text() == "Failed"
    assert (
        "The extractor failed: RuntimeError: the model file is missing"
        in page.locator("[data-role=error]").inner_text()
    )
    assert "Nothing to show: the parse failed." in page.locator("[data-role=readings]").inner_text()


def test_an_article_in_a_language_not_read_shows_its_note_when_the_parse_ends(editor_page):
    page = editor_page
    submit(page, "an_attack_told_in_russian.txt", "2024-03-10", "Deir ez-Zor, in Russian")
    note = page.locator("[data-role=language-note]")
    assert note.is_hidden()  # nothing to say before the parse has read the text
    page.gate.set()
    page.wait_for_selector("#article-status[data-status=done]", state="attached", timeout=60_000)
    note.wait_for(state="visible")
    assert note.inner_text().startswith("Written in Russian, which the extractor does not read")
    assert page.locator("[data-role=incidents]").inner_text() == "No incident found in this article."
    assert violations(page) == []
