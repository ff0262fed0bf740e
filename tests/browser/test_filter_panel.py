"""The filter panel: several bases, text search, removable chips (URL filters too), invalid URL values
named and dropped, API refusals shown by field, a reversed date range explained; keyboard only."""

import pytest

from tests.browser.conftest import screenshot, wait_loaded
from tests.browser.test_dashboard import incidents  # noqa: F401  (fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def count(page) -> int:
    return int(page.locator("#summary-counts").get_attribute("data-count"))


def chips(page) -> list[str]:
    """The chips' labels, without the remove sign."""
    return page.locator("#active-filters button.chip span:first-child").all_inner_texts()


def test_filters_from_the_url_are_chips_and_removing_one_refilters(page, live_server, incidents):  # noqa: F811
    page.goto("/?base=ain-al-asad&base=erbil&weapon=rocket")
    wait_loaded(page)
    assert chips(page) == [
        "Base: Ain al-Asad Air Base",
        "Base: Erbil Air Base",
        "Weapon: Rocket",
    ]
    both = count(page)
    assert page.locator("#f-base option:checked").count() == 2
    assert "base=ain-al-asad&base=erbil" in page.url
    assert "base=ain-al-asad&base=erbil" in page.locator("#export-geojson").get_attribute("href")
    screenshot(page.locator(".filters"), "filter-chips")

    page.get_by_role("button", name="Remove filter Base: Erbil Air Base").click()
    page.wait_for_function(f"() => +document.querySelector('#summary-counts').dataset.count < {both}")
    wait_loaded(page)
    assert "erbil" not in page.url
    assert len(chips(page)) == 2
    assert page.locator("#f-base option:checked").count() == 1


def test_text_search_is_a_filter_with_its_chip(page, live_server, incidents):  # noqa: F811
    page.goto("/")
    wait_loaded(page)
    page.fill("#f-q", "no such words anywhere")
    page.press("#f-q", "Enter")
    page.wait_for_selector('#summary-counts[data-count="0"]', state="attached")
    assert "q=no+such+words+anywhere" in page.url
    assert any("Search text" in c for c in chips(page))


def test_invalid_url_value_is_named_and_dropped(page, live_server, incidents):  # noqa: F811
    page.goto("/?weapon=banana&min_killed=lots&country=IQ")
    wait_loaded(page)
    notice = page.locator("#filter-notice")
    assert notice.is_visible()
    text = notice.inner_text()
    assert "Weapon \u201cbanana\u201d is not one of the choices" in text
    assert "Killed at least \u201clots\u201d is not a whole number" in text
    assert "banana" not in page.url
    assert "min_killed" not in page.url
    assert "country=IQ" in page.url  # the valid one stays
    assert page.locator("#f-weapon").get_attribute("aria-invalid") == "true"
    assert "banana" in page.locator("#f-weapon-error").inner_text()
    assert count(page) == 40  # Iraqi incidents only: the dropped values filter nothing


def test_reversed_date_range_is_explained_and_can_be_swapped(page, live_server, incidents):  # noqa: F811
    page.goto("/?date_from=2024-06-01&date_to=2024-03-01")
    wait_loaded(page)
    assert count(page) == 0
    assert "is after the end date" in page.locator("#filter-notice").inner_text()
    page.click("#swap-dates")
    page.wait_for_function("() => +document.querySelector('#summary-counts').dataset.count > 0")
    assert "date_from=2024-03-01&date_to=2024-06-01" in page.url
    assert page.locator("#filter-notice").is_hidden()


def test_api_refusal_is_shown_by_field(page, live_server, incidents):  # noqa: F811
    """A value the page cannot check itself (a 201-character search) comes back 400, named by field."""
    page.goto("/?q=" + "x" * 201)
    wait_loaded(page)  # dropped client-side: too long
    assert "longer than 200 characters" in page.locator("#filter-notice").inner_text()
    # Force the server's own check: the API answers 400 for an unknown country code.
    page.evaluate(
        "() => { const s = document.querySelector('#f-country'); const o = new Option('Atlantis', 'XX'); "
        "s.add(o); s.value = 'XX'; s.dispatchEvent(new Event('change', {bubbles: true})); }"
    )
    page.wait_for_selector("#f-country-error:not([hidden])")
    assert page.locator("#f-country-error").inner_text()
    assert "The server refused these filters" in page.locator("#filter-notice").inner_text()
    assert page.locator("#f-country").get_attribute("aria-invalid") == "true"


def test_filter_panel_and_timeline_work_from_the_keyboard(page, live_server, incidents):  # noqa: F811
    page.goto("/")
    wait_loaded(page)
    page.focus("#f-weapon")
    page.keyboard.press("ArrowDown")  # Chromium: changes the select's value
    page.keyboard.press("Tab")
    page.wait_for_function("() => location.search.includes('weapon=')")
    wait_loaded(page)
    weapon_count = count(page)
    assert weapon_count < 61
    # Remove that filter with the keyboard, from its chip.
    page.focus("#active-filters button.chip")
    page.keyboard.press("Enter")
    page.wait_for_selector('#summary-counts[data-count="61"]', state="attached")
    wait_loaded(page)

    # Timeline: pick three periods with the arrows and apply them with Enter.
    page.focus("#timeline")
    page.keyboard.press("Home")
    page.keyboard.press("Shift+ArrowRight")
    page.keyboard.press("Shift+ArrowRight")
    assert "Selected 2024-01-01" in page.locator("#timeline-selection").inner_text()
    page.keyboard.press("Enter")
    page.wait_for_function("() => location.search.includes('date_to=')")
    wait_loaded(page)
    assert page.locator("#f-date-from").input_value() == "2024-01-01"
    assert 0 < count(page) < 61
