"""The codebook and the releases page in the browser: reachable from every page, readable, accessible,
and a release's files download from the listing."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from django.core.management import call_command

from incidents.models import Release
from tests.browser.conftest import screenshot
from tests.browser.test_accessibility import violations
from tests.factories import BaseFactory, FactionFactory, IncidentFactory, IncidentSourceFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def record(settings, tmp_path):
    settings.RELEASES_DIR = tmp_path / "releases"
    kh = FactionFactory(name="Kataib Hezbollah", slug="kataib-hezbollah")
    asad = BaseFactory(name="Ain al-Asad Air Base", slug="ain-al-asad", country="IQ", latitude=33.79, longitude=42.44)
    tower = BaseFactory(name="Tower 22", slug="tower-22", country="JO", latitude=33.32, longitude=38.68)
    first = IncidentFactory(
        base=asad, date=dt.date(2023, 10, 18), weapons=["drone"], perpetrator=kh, claimed=True, claimed_by=kh
    )
    IncidentSourceFactory(incident=first)
    IncidentFactory(base=tower, date=dt.date(2024, 1, 28), weapons=["drone"], killed=3, injured=40)
    IncidentFactory(base=asad, date=dt.date(2024, 1, 20), weapons=["missile", "rocket"], injured=4, injured_high=5)
    return first


def test_codebook_is_linked_from_the_map_and_reads_the_record(page, live_server, record):
    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Codebook").click()
    page.wait_for_url("**/codebook/")
    assert page.get_by_role("heading", level=1).inner_text() == "Codebook: how the record is made"
    coverage = page.locator("section", has=page.locator("#coverage"))
    assert "3 published incidents" in " ".join(coverage.inner_text().split())
    # The contents list jumps to each rule.
    page.get_by_role("link", name="Launched, intercepted, killed, injured: best, low and high").click()
    assert page.evaluate("location.hash") == "#counts"
    page.evaluate("window.scrollTo(0, 0)")
    screenshot(page, "codebook")
    assert violations(page) == []


def test_about_redirects_to_the_codebook(page, live_server, record):
    page.goto("/about/")
    assert page.url.endswith("/codebook/")


def test_releases_page_downloads_a_release_file(page, live_server, record):
    call_command("release", "--version", "2024.1")
    page.goto("/codebook/")
    page.get_by_role("contentinfo").get_by_role("link", name="Data releases").click()
    page.wait_for_url("**/releases/")
    assert violations(page) == []
    release = Release.objects.get()
    name = "basewatch-incidents-2024.1.csv"
    with page.expect_download() as info:
        page.get_by_role("link", name=name).click()
    download = info.value
    assert download.suggested_filename == name
    assert hashlib.sha256(Path(download.path()).read_bytes()).hexdigest() == release.checksums[name]
