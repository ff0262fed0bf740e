"""Article text carrying HTML and script renders inert wherever it appears.

The article goes through the real pipeline (submission, extractor, merge) so its evidence
highlights contain the payload; an editor then types the payload into the fields they control.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from rest_framework.test import APIClient

from incidents.models import Incident
from ingest import submission
from ingest.models import Article
from tests.ingest.conftest import PUBLISHED_A

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent.parent
SCRIPT = '<script>alert("xss")</script>'
IMG = "<img src=x onerror=alert(1)>"
LINK = '<a href="javascript:alert(2)">click</a>'
PAYLOAD = f"{SCRIPT}{IMG}{LINK}"
TEXT = f"{PAYLOAD} Two rockets hit Ain al-Asad air base {IMG} in western Iraq on Tuesday, the US military said."


class LiveMarkup(HTMLParser):
    """Collects what a browser would execute: inline scripts, event handlers, javascript: URLs, injected tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_script: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=...>")
            if name in {"href", "src", "action", "formaction"} and (value or "").strip().lower().startswith(
                ("javascript:", "data:text/html", "vbscript:")
            ):
                self.found.append(f"<{tag} {name}={value!r}>")
        if tag == "img" and values.get("src") == "x":
            self.found.append("<img src=x> injected")
        if tag == "script":
            self._in_script = values.get("type") or "text/javascript"
            if self._in_script != "application/json" and not values.get("src"):
                self.found.append("inline <script>")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = None


def live_markup(html: str) -> list[str]:
    parser = LiveMarkup()
    parser.feed(html)
    return parser.found


@pytest.fixture
def poisoned(gazetteer, editor, django_capture_on_commit_callbacks) -> Incident:
    """A published incident built from a poisoned article, with poisoned editor-typed fields too."""
    with django_capture_on_commit_callbacks(execute=True):
        submitted = submission.article_submit(
            text=TEXT, published=PUBLISHED_A, title=PAYLOAD, outlet=IMG, submitted_by=editor
        )
    article = Article.objects.get(pk=submitted.article.pk)
    assert article.status == Article.Status.DONE, article.error
    incident = Incident.objects.get()
    incident.summary, incident.place = PAYLOAD, IMG
    incident.save(update_fields=["summary", "place"])
    incident.publish(by=editor)
    return incident


def assert_inert(html: str, where: str) -> None:
    assert live_markup(html) == [], where
    assert SCRIPT not in html, where  # the raw payload never reaches the page unescaped


def test_html_pages_escape_the_payload_everywhere(client, editor_client, poisoned):
    article = poisoned.sources.get().article
    pages = {
        "article page": (editor_client, article.get_absolute_url()),
        "my submissions": (editor_client, "/articles/mine/"),
        "review screen with highlights": (editor_client, f"/review/{poisoned.pk}/"),
        "incident page": (client, poisoned.get_absolute_url()),
        "base page": (client, poisoned.base.get_absolute_url()),
        "home page": (client, "/"),
    }
    for where, (who, url) in pages.items():
        response = who.get(url)
        assert response.status_code == 200, where
        html = response.content.decode()
        assert_inert(html, where)
    # The text is still there, visibly, as text: escaped, with the evidence highlighted around it.
    review = editor_client.get(f"/review/{poisoned.pk}/").content.decode()
    assert "&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;" in review
    assert "<mark" in review
    incident_page = client.get(poisoned.get_absolute_url()).content.decode()
    assert "&lt;img src=x onerror=alert(1)&gt;" in incident_page


def test_the_inertness_check_does_catch_live_markup():
    assert live_markup(f"<p>{PAYLOAD}</p>") == [
        "inline <script>",
        "<img onerror=...>",
        "<img src=x> injected",
        "<a href='javascript:alert(2)'>",
    ]


def test_api_output_carries_the_payload_as_inert_json_data(poisoned):
    api = APIClient()
    for url in (
        f"/api/v1/incidents/{poisoned.pk}/",
        "/api/v1/incidents/",
        "/api/v1/incidents/?format=geojson",
        "/api/v1/changes/?since=2000-01-01T00:00:00Z",
    ):
        response = api.get(url)
        assert response.status_code == 200, url
        assert response["X-Content-Type-Options"] == "nosniff"
        assert "json" in response["Content-Type"], url  # never served as HTML
        json.loads(response.content)
    feature = api.get("/api/v1/incidents/?format=geojson").json()["features"][0]
    # The map links only to our own incident page, built by the server from the id.
    assert feature["properties"]["url"] == f"http://testserver/incidents/{poisoned.pk}/"


def test_map_scripts_build_popups_from_text_nodes_only():
    """The map, minimap, timeline and status scripts never parse data as HTML."""
    scripts = sorted((ROOT / "static" / "incidents").glob("*.js")) + sorted((ROOT / "static" / "ingest").glob("*.js"))
    assert scripts
    sinks = re.compile(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function|\.html\(")
    for script in scripts:
        source = script.read_text()
        code = re.sub(r"/\*.*?\*/|//[^\n]*", "", source, flags=re.S)
        assert sinks.search(code) is None, f"{script.name}: {sinks.search(code).group()}"  # type: ignore[union-attr]
        # Popup content is always a DOM node from the builder (B.el), never a string of markup.
        for call in re.findall(r"(?:bindPopup|setContent)\(([^;]*)", code):
            assert re.match(r"\s*(content|incidentPopup\(|function \(\) \{ return basePopup\()", call), call
    common = (ROOT / "static" / "incidents" / "common.js").read_text()
    assert 'if (key === "text") node.textContent = value;' in common


def test_javascript_and_data_urls_are_refused_as_article_urls(editor_client):
    for url in ("javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)"):
        response = editor_client.post(
            "/articles/submit/", {"text": "Rockets hit a base.", "published": "2024-01-18", "url": url}
        )
        assert response.status_code == 400, url
        assert "Enter a valid URL." in response.content.decode()
    assert Article.objects.count() == 0
