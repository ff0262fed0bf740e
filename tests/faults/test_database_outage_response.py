"""While the database is down a request gets a clean 503 (config/outage.py), not a traceback.

The real outage (a PostgreSQL server stopped under gunicorn and a worker) is in
test_postgres_restart.py; this checks the answer's shape for every kind of client, fast.
"""

import pytest
from django.test import Client

pytestmark = [pytest.mark.urls("tests.faults.outage_urls")]


@pytest.fixture
def production_client(settings):
    settings.DEBUG = False  # DEBUG would show a technical page; production must not
    return Client(raise_request_exception=False)


def test_api_request_during_outage_gets_json_503(production_client):
    response = production_client.get("/api/v1/broken/")
    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    assert response.json()["code"] == "database_unavailable"
    assert response["Retry-After"] == "5"
    assert b"Traceback" not in response.content


def test_page_request_during_outage_gets_short_html_503(production_client):
    response = production_client.get("/incidents/broken/")
    assert response.status_code == 503
    assert response["Content-Type"].startswith("text/html")
    body = response.content.decode()
    assert "Briefly unavailable" in body
    assert "OperationalError" not in body
    assert "127.0.0.1" not in body  # nothing about the infrastructure leaks
    assert len(body) < 1000


def test_closed_connection_is_an_outage_too(production_client):
    response = production_client.get("/closed/", HTTP_ACCEPT="application/json")
    assert response.status_code == 503
    assert response.json()["code"] == "database_unavailable"


def test_outage_answers_keep_the_security_headers(production_client):
    response = production_client.get("/incidents/broken/")
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
