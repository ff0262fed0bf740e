"""The map reads offline: the shipped basemap under the tiles, and clusters drawn above the bases."""

import datetime as dt

import pytest

from tests.browser.conftest import drawn_box, screenshot, wait_loaded
from tests.factories import BaseFactory, IncidentFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def crowded_base():
    """Twelve incidents at one base, so a cluster sits right on top of its base marker."""
    base = BaseFactory(name="Ain al-Asad Air Base", slug="ain-al-asad", country="IQ", latitude=33.79, longitude=42.44)
    for i in range(12):
        IncidentFactory(
            base=base,
            date=dt.date(2024, 1, 1) + dt.timedelta(days=i),
            weapons=["rocket"],
            # Spread around the base, as precise locations are: a click zooms rather than spiderfies.
            latitude=33.79 + 0.02 * (i % 4 - 1.5),
            longitude=42.44 + 0.02 * (i // 4 - 1),
        )
    return base


def test_offline_map_shows_borders_and_city_names(page, live_server, crowded_base):
    """Every request off the live server is refused (conftest): the basemap is the app's own file."""
    outside: list[str] = []
    page.on("requestfailed", lambda request: outside.append(request.url))
    page.goto("/")
    wait_loaded(page)
    page.wait_for_selector("#map[data-basemap]", state="attached")

    assert int(page.locator("#map").get_attribute("data-basemap")) > 10
    assert page.locator("path.basemap-country").count() > 10
    names = page.locator(".basemap-city .basemap-name").all_inner_texts()
    assert {"Baghdad", "Damascus", "Amman", "Kuwait"} <= set(names)
    assert page.get_by_text("Baghdad", exact=True).is_visible()
    # Tiles failed (they are the only outside requests) and the page says the outline map is shown.
    page.wait_for_selector("#map.tiles-unavailable")
    assert "built-in outline map" in page.locator("#map-status").inner_text()
    assert outside
    assert all(not url.startswith(live_server.url) for url in outside)
    # Beneath the tiles: the basemap panes are lower than Leaflet's tile pane.
    z = page.evaluate(
        "() => ['basemap', 'tile', 'bases', 'marker'].map(n => +getComputedStyle(document.querySelector("
        "'.leaflet-' + n + '-pane')).zIndex)"
    )
    assert z[0] < z[1] < z[2] < z[3]
    screenshot(page, "map-offline")


def test_cluster_is_above_its_base_and_a_click_zooms_in(page, live_server, crowded_base):
    page.goto("/")
    wait_loaded(page)
    cluster = page.locator(".incident-cluster").first
    assert cluster.inner_text() == "12"
    box = drawn_box(cluster)
    centre = (box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    # What a pointer at the cluster's centre hits is the cluster, not the base square under it.
    hit = page.evaluate(
        "([x, y]) => document.elementFromPoint(x, y).closest('.incident-cluster, .base-icon').className", list(centre)
    )
    assert "incident-cluster" in hit
    zoom_before = page.evaluate("() => document.querySelector('#map').getAttribute('data-zoom')")
    page.mouse.click(*centre)
    page.wait_for_function(f"() => document.querySelector('#map').getAttribute('data-zoom') !== '{zoom_before}'")
    assert int(page.locator("#map").get_attribute("data-zoom")) > int(zoom_before)
    assert page.locator(".base-popup").count() == 0


def test_incident_page_minimap_has_the_outline_map_too(page, live_server, crowded_base):
    incident = crowded_base.incidents.first()
    page.goto(incident.get_absolute_url())
    page.wait_for_selector(".minimap[data-basemap]", state="attached")
    assert int(page.locator(".minimap").get_attribute("data-basemap")) > 10
    assert page.locator(".minimap path.basemap-country").count() > 0
    page.wait_for_selector(".minimap.tiles-unavailable")
