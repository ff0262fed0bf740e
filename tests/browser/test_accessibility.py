"""axe-core (pinned in package.json, served from static/vendor/axe/) finds no serious or critical
violation on any page, public or editor's; the review form works from the keyboard."""

import datetime as dt
import re

import pytest
from django.conf import settings
from django.contrib.auth.models import Group

from incidents.models import Incident
from ingest.models import Article, ArticleReading
from tests.browser.conftest import wait_loaded
from tests.factories import (
    ArticleFactory,
    BaseFactory,
    FactionFactory,
    IncidentFactory,
    IncidentSourceFactory,
    UserFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = "/static/vendor/axe/axe.min.js"
SERIOUS = ("serious", "critical")


@pytest.fixture
def site():
    faction = FactionFactory(name="Kataib Hezbollah", slug="kataib-hezbollah")
    base = BaseFactory(name="Ain al-Asad Air Base", slug="ain-al-asad", country="IQ", latitude=33.79, longitude=42.44)
    published = IncidentFactory(
        base=base, date=dt.date(2024, 1, 20), weapons=["rocket"], perpetrator=faction, claimed=True, killed=0, injured=2
    )
    IncidentSourceFactory(incident=published)
    draft = IncidentFactory(base=base, date=dt.date(2024, 2, 2), weapons=["drone"], status=Incident.Status.DRAFT)
    IncidentSourceFactory(incident=draft)
    article = ArticleFactory(
        status=Article.Status.DONE,
        outcome={"created": [draft.pk], "skipped": ["background 2023-09 Baghdad: too vague to record on its own"]},
    )
    IncidentSourceFactory(incident=draft, article=article)
    # What the parser read (a table with links, a disclosure and a reason) is on the article page checked below.
    ArticleReading.objects.create(
        article=article,
        position=0,
        role="primary",
        date=draft.date,
        date_precision="day",
        site=base.name,
        sentence="A drone struck the base.",
        summary="Primary: drone attack.",
        outcome="created",
        incident=draft,
        incident_number=draft.pk,
        reason="matched no recorded incident",
    )
    ArticleReading.objects.create(
        article=article,
        position=1,
        role="background",
        date=dt.date(2023, 9, 1),
        date_precision="month",
        site="Baghdad",
        outcome="not_kept",
        reason="background mention matching no incident, too vague for a draft (no base named)",
    )
    editor = UserFactory(username="editor")
    editor.groups.add(Group.objects.get_or_create(name=settings.EDITORS_GROUP)[0])
    return {"base": base, "faction": faction, "published": published, "draft": draft, "article": article}


def violations(page) -> list[str]:
    """Serious and critical axe violations on the page as it is now, one line each."""
    page.add_script_tag(url=AXE)
    result = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    found = []
    for v in result:
        if v["impact"] in SERIOUS:
            targets = ", ".join(str(n["target"]) for n in v["nodes"][:5])
            found.append(f"{v['id']} ({v['impact']}): {v['help']} at {targets}")
    return found


def log_in(page) -> None:
    page.goto("/accounts/login/")
    assert violations(page) == []
    page.fill("#id_username", "editor")
    page.fill("#id_password", "correct horse battery staple")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def test_public_pages_have_no_serious_violation(page, live_server, site):
    page.goto("/")
    wait_loaded(page)
    assert violations(page) == []
    # With a problem on screen (chips, a notice, field errors) too.
    page.goto("/?weapon=banana&date_from=2024-06-01&date_to=2024-01-01&base=ain-al-asad")
    wait_loaded(page)
    assert violations(page) == []
    for url in (
        site["published"].get_absolute_url(),
        site["base"].get_absolute_url(),
        site["faction"].get_absolute_url(),
        "/coverage/",
    ):
        page.goto(url)
        page.wait_for_load_state("networkidle")
        assert violations(page) == [], url


def test_editor_pages_have_no_serious_violation(page, live_server, site):
    log_in(page)
    for url in (
        "/articles/submit/",
        "/articles/mine/",
        site["article"].get_absolute_url(),
        "/review/",
        f"/review/{site['draft'].pk}/",
        "/accounts/profile/",
    ):
        page.goto(url)
        page.wait_for_load_state("networkidle")
        assert violations(page) == [], url


def test_reject_button_text_contrasts_with_its_background(page, live_server, site):
    log_in(page)
    page.goto(f"/review/{site['draft'].pk}/")
    reject = page.get_by_role("button", name="Reject")
    colours = reject.evaluate("b => [getComputedStyle(b).color, getComputedStyle(b).backgroundColor]")
    assert colours[0] == "rgb(255, 255, 255)"
    assert colours[1] != colours[0]


def test_review_form_works_from_the_keyboard(page, live_server, site):
    log_in(page)
    page.goto(f"/review/{site['draft'].pk}/")
    # Tab from the top of the page reaches the form's fields and both decisions.
    reached = set()
    page.focus("body")
    for _ in range(120):
        page.keyboard.press("Tab")
        reached.add(page.evaluate("() => { const e = document.activeElement; return e.name || e.textContent.trim(); }"))
    assert "action" in reached  # the decision buttons (name="action")
    assert "summary" in reached
    # Publish with the keyboard alone.
    page.get_by_role("button", name=re.compile("publish", re.IGNORECASE)).first.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    site["draft"].refresh_from_db()
    assert site["draft"].status == Incident.Status.PUBLISHED
