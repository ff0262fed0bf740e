"""The map loads the compact points once (prefetched in <head>), never the GeoJSON export."""

import pytest

from tests.browser.conftest import wait_loaded
from tests.browser.test_dashboard import incidents  # noqa: F401  (fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _api_requests(page) -> list[str]:
    seen: list[str] = []
    # The incident reads only: the timeline asks stats/timeline/ for its own figures.
    page.on("request", lambda request: seen.append(request.url) if "/api/v1/incidents/" in request.url else None)
    return seen


@pytest.mark.parametrize(
    ("path", "query"),
    [("/", ""), ("/?weapon=rocket&interval=month&page=2&q=%20", "weapon=rocket"), ("/?claimed=true", "claimed=true")],
)
def test_first_load_asks_for_the_points_once(page, live_server, incidents, path, query):  # noqa: F811
    seen = _api_requests(page)
    page.goto(path)
    wait_loaded(page)

    expected = f"{live_server.url}/api/v1/incidents/points/" + (f"?{query}" if query else "")
    assert seen == [expected]


def test_a_filter_change_asks_again_with_the_new_filters(page, live_server, incidents):  # noqa: F811
    page.goto("/")
    wait_loaded(page)
    seen = _api_requests(page)

    page.select_option("#f-weapon", "rocket")
    page.wait_for_selector('#summary-counts[data-count="15"]', state="attached")
    wait_loaded(page)
    assert seen == [f"{live_server.url}/api/v1/incidents/points/?weapon=rocket"]
    assert int(page.locator("#map").get_attribute("data-loaded")) == 15
