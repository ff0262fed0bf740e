"""Schemathesis over the WHOLE OpenAPI schema (every path and method, reads and writes), as an editor
with a token, with more examples than tests/api/test_schema_fuzz.py: no 500s, no schema violations.
Runs in-process through the WSGI app; tasks run in-process too, so fuzzed articles are really parsed."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token
from rest_framework.throttling import SimpleRateThrottle
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from config.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/schema/", application)
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@pytest.fixture
def editor_token(editor) -> str:
    return Token.objects.create(user=editor).key


@pytest.fixture
def no_throttle(monkeypatch):
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"anon": "100000/minute", "user": "100000/minute"})


@pytest.fixture
def keep_test_connection():
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@pytest.mark.django_db
def test_whole_api_conforms_to_its_schema_as_an_editor(
    case, world, gazetteer, editor_token, no_throttle, keep_test_connection
):
    # The in-process client cannot decode gzip, which the map points endpoint applies when offered.
    response = case.call(headers={"Authorization": f"Token {editor_token}", "Accept-Encoding": "identity"})
    case.validate_response(response, checks=CHECKS)
