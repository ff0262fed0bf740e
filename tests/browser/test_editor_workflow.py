"""An editor submits an article, watches it parse, publishes the draft, and the public map shows it."""

import re

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management import call_command

from incidents.models import Incident
from tests.browser.conftest import wait_loaded
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTICLE = (
    "Drone attack on Erbil air base\n\n"
    "A drone attacked Erbil air base in northern Iraq on Tuesday, the US military said. "
    "Two drones were launched and both were shot down, with no injuries, officials said. "
    "The Islamic Resistance in Iraq claimed the attack."
)


def test_editor_submits_publishes_and_public_map_shows_it(browser, page, live_server):
    call_command("load_gazetteer", verbosity=0)
    editor = UserFactory(username="editor")
    editor.groups.add(Group.objects.get_or_create(name=settings.EDITORS_GROUP)[0])

    page.goto("/accounts/login/?next=/articles/submit/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "correct horse battery staple")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/articles/submit/")

    page.fill("#id_text", ARTICLE)
    page.fill("#id_published", "2024-03-14")
    page.fill("#id_title", "Drone attack on Erbil air base")
    page.fill("#id_outlet", "Test Wire")
    page.get_by_role("button", name="Submit").click()
    page.wait_for_url(re.compile(r"/articles/\d+/$"))

    # The status section updates itself until the parse is done.
    page.wait_for_selector("#article-status[data-status=done], [data-role=status]:text('Done')", timeout=60_000)
    draft_link = page.locator("[data-role=incidents] a").first
    draft_link.wait_for(timeout=30_000)
    draft = Incident.objects.get()
    assert draft.status == Incident.Status.DRAFT

    page.goto("/review/")
    page.locator(f"a[href='/review/{draft.pk}/']").click()
    page.get_by_role("button", name="Publish").click()
    page.wait_for_url("**/review/")
    draft.refresh_from_db()
    assert draft.status == Incident.Status.PUBLISHED

    # An anonymous visitor now sees it on the public map.
    public = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=live_server.url)
    public.route("**/*", lambda r: r.continue_() if r.request.url.startswith(live_server.url) else r.abort())
    visitor = public.new_page()
    visitor.goto("/?date_from=2024-03-01&date_to=2024-03-31")
    wait_loaded(visitor)
    assert visitor.locator("#summary-counts").inner_text().startswith("1 incident at 1 base ")
    assert visitor.locator("path.incident-marker").count() == 1
    assert "Erbil" in visitor.locator("#incident-rows").inner_text()
    public.close()
