"""Browser tests: Playwright for Python driving Debian's Chromium against pytest-django's live_server.

Nothing is installed here. Without /usr/bin/chromium the tests skip with the reason, except in CI
(CI=true), where a missing browser is a failure: .ci/run installs it.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.servers import basehttp

if TYPE_CHECKING:
    from wsgiref.simple_server import WSGIServer

    from _typeshed.wsgi import WSGIApplication

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
ROOT = Path(__file__).resolve().parent.parent.parent
# Where the browser tests save their screenshots: a git-ignored folder, so a test run leaves the checkout clean.
# SCREENSHOTS_DIR=docs/screenshots refreshes the README's pictures.
SCREENSHOTS = ROOT / os.environ.get("SCREENSHOTS_DIR", ".screenshots")
VENDOR = ROOT / "static" / "vendor"
# Flags for a sandboxed, offline machine: no background calls home, no GPU, no QUIC.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# On SQLite the live server's threads share one in-memory connection (Django shares it so they
# see the test's data); two requests using it at once (the page's points and timeline, a
# prefetch it no longer needs) can wedge inside SQLite and hang the run. Serve one request at a
# time there; PostgreSQL (CI) gives each thread its own connection and stays concurrent.
# Work a test runs in a thread of its own (the in-process parse) takes the same lock.
_set_app = basehttp.ThreadedWSGIServer.set_app
SQLITE_SERIAL = threading.Lock()


def _serialized_set_app(self: WSGIServer, app: WSGIApplication | None) -> None:
    if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        inner = app

        def app(environ, start_response):
            with SQLITE_SERIAL:
                return inner(environ, start_response)

    _set_app(self, app)


# patched on purpose; mypy compares the plain function with the method as if bound
basehttp.ThreadedWSGIServer.set_app = _serialized_set_app  # type: ignore[method-assign,assignment]

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make between
# page actions are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def _unavailable() -> str | None:
    if not CHROMIUM.exists():
        return f"{CHROMIUM} not found (apt-get install chromium; .ci/run does this in CI)"
    if not (VENDOR / "uplot" / "uPlot.iife.min.js").exists():
        return "static/vendor/ is missing: run `make install` (npm ci + copy of the front-end libraries)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed in this environment (requirements.lock)"
    return None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    reason = _unavailable()
    for item in items:
        if "tests/browser" not in str(item.fspath).replace(os.sep, "/"):
            continue
        item.add_marker(pytest.mark.browser)
        # In CI a missing browser is not skipped: the `browser` fixture fails the test.
        if reason and not getattr(settings, "CI", False):
            item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="session")
def browser() -> Iterator:
    reason = _unavailable()
    if reason:
        if getattr(settings, "CI", False):
            pytest.fail(f"CI=true but {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser, live_server) -> Iterator:
    """A fresh browser context; map tiles are refused at once, as on an offline machine.

    Every test is a new visitor: the API rate-limit counters of earlier tests (all from 127.0.0.1)
    are cleared, or a long run of dashboard loads would meet 429s.
    """
    if "throttle" in settings.CACHES:
        caches["throttle"].clear()
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=live_server.url)
    context.set_default_timeout(15_000)
    context.route("**/*", _offline_except(live_server.url))
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.js_errors = errors
    yield page
    context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


def _offline_except(origin: str):
    def handle(route) -> None:
        if route.request.url.startswith(origin):
            route.continue_()
        else:
            route.abort("internetdisconnected")

    return handle


def screenshot(target, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    target.screenshot(path=str(path))
    return path


def wait_loaded(page) -> None:
    page.wait_for_selector("body[data-loading=false]", state="attached")


def drawn_box(locator, timeout_s: float = 10.0) -> dict:
    """Where ``locator``'s element is drawn, once it is: right after the page says it has loaded, Leaflet may
    still be placing a layer (no box yet on a busy machine), or redraw it between the element showing and its
    box being read (the box is then None for a moment): asked again until drawn."""
    deadline = time.monotonic() + timeout_s
    while True:
        locator.wait_for(state="visible")
        box = locator.bounding_box()
        if box is not None:
            return box
        assert time.monotonic() < deadline, f"{locator} shown but never drawn within {timeout_s} s"
        time.sleep(0.05)
