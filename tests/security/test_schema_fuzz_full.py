"""Schemathesis over the WHOLE OpenAPI schema (every path and method, reads and writes), as an editor
with a token and DEBUG off, with more examples than tests/api/test_schema_fuzz.py: no 500s, no schema
violations (anonymous and non-editor runs: tests/security/test_never_a_500.py).
Runs in-process through the WSGI app; tasks run in-process too, so fuzzed articles are really parsed."""

import pytest
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token

from tests.schema_fuzz import CHECKS, NO_GZIP, wsgi_schema

schema = wsgi_schema()


@pytest.fixture
def editor_token(editor) -> str:
    return Token.objects.create(user=editor).key


@pytest.fixture
def production(settings):
    """DEBUG off, as in production: set once per operation, not once per example (each assignment to the
    settings fixture stacks another override that every settings read then walks through)."""
    settings.DEBUG = False


@schema.parametrize()
@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@pytest.mark.django_db
def test_whole_api_conforms_to_its_schema_as_an_editor(
    case, world, gazetteer, editor_token, production, no_throttle, keep_test_connection
):
    response = case.call(headers={"Authorization": f"Token {editor_token}", **NO_GZIP})
    case.validate_response(response, checks=CHECKS)
