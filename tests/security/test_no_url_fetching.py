"""Articles are never fetched from their URL: the URL is stored as a citation only. So there is no
server-side request to forge; this proves it stays that way (see docs/reliability.md)."""

from __future__ import annotations

import ast
import socket
from pathlib import Path

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from ingest.models import Article

ROOT = Path(__file__).resolve().parent.parent.parent
HTTP_CLIENTS = {"requests", "httpx", "urllib3", "aiohttp", "pycurl", "urllib.request", "http.client"}


def test_no_application_module_imports_an_http_client():
    offenders = []
    for package in ("config", "incidents", "ingest"):
        for path in (ROOT / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text())):
                names = []
                if isinstance(node, ast.Import):
                    names = [a.name for a in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module:
                    names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
                offenders += [f"{path.relative_to(ROOT)}: {n}" for n in names if n in HTTP_CLIENTS]
    assert offenders == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1:6379/", "http://169.254.169.254/latest/meta-data/", "http://[::1]:5432/", "http://10.0.0.1/"],
)
def test_submitting_an_internal_url_connects_nowhere(
    editor, gazetteer, url, monkeypatch, django_capture_on_commit_callbacks
):
    attempts = []

    def refuse(self, address, *args, **kwargs):  # type: ignore[no-untyped-def]
        attempts.append(address)
        raise OSError("network use during a submission")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=editor).key}")
    with django_capture_on_commit_callbacks(execute=True):
        response = api.post(
            "/api/v1/articles/",
            {"text": "Two rockets hit Ain al-Asad air base on Tuesday.", "published": "2024-01-18", "url": url},
            format="json",
        )
    assert response.status_code == 202, response.content
    assert attempts == []
    article = Article.objects.get()
    assert article.url == url  # kept as a citation, never dereferenced
    assert article.status == Article.Status.DONE, article.error
