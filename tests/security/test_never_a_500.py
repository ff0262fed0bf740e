"""Never a 500, for anyone, with DEBUG off as in production: the whole OpenAPI schema fuzzed as an anonymous
visitor and as a logged-in non-editor (the editor run is tests/security/test_schema_fuzz_full.py), then what
the schema cannot describe: any text as a path parameter, and tampered cursors of every shape.
On PostgreSQL in CI, where NUL bytes and out-of-range timestamps used to be database errors."""

from __future__ import annotations

import base64
import json
from urllib.parse import quote

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rest_framework.authtoken.models import Token

from incidents.api.filters import ORDERING_CHOICES
from tests.factories import UserFactory
from tests.schema_fuzz import CHECKS, NO_GZIP, wsgi_schema

schema = wsgi_schema()
FUZZ = settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)


@pytest.fixture
def production(settings):
    settings.DEBUG = False


@pytest.fixture
def reader_token(db) -> str:
    return Token.objects.create(user=UserFactory(username="reader")).key


@schema.parametrize()
@FUZZ
@pytest.mark.django_db
def test_whole_api_as_an_anonymous_visitor(case, world, production, no_throttle, keep_test_connection):
    response = case.call(headers=NO_GZIP)
    case.validate_response(response, checks=CHECKS)


@schema.parametrize()
@FUZZ
@pytest.mark.django_db
def test_whole_api_as_a_logged_in_non_editor(case, world, production, reader_token, no_throttle, keep_test_connection):
    response = case.call(headers={"Authorization": f"Token {reader_token}", **NO_GZIP})
    case.validate_response(response, checks=CHECKS)


PATHS = [
    ("GET", "/api/v1/incidents/{}/"),
    ("POST", "/api/v1/incidents/{}/publish/"),
    ("POST", "/api/v1/incidents/{}/reject/"),
    ("GET", "/api/v1/bases/{}/"),
    ("GET", "/api/v1/factions/{}/"),
    ("GET", "/api/v1/articles/{}/"),
    ("GET", "/incidents/{}/"),
    ("GET", "/bases/{}/"),
    ("GET", "/factions/{}/"),
]


@pytest.fixture
def clients(world, editor, reader_token) -> list[Client]:
    editor_token = Token.objects.create(user=editor).key
    return [
        Client(raise_request_exception=False),
        Client(raise_request_exception=False, HTTP_AUTHORIZATION=f"Token {reader_token}"),
        Client(raise_request_exception=False, HTTP_AUTHORIZATION=f"Token {editor_token}"),
    ]


@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(raw=st.text(min_size=1, max_size=40) | st.integers(min_value=-(2**80), max_value=2**80).map(str))
@pytest.mark.django_db
def test_any_path_parameter_is_answered_without_a_server_error(raw, clients, production, no_throttle):
    segment = quote(raw, safe="")
    for method, template in PATHS:
        for client in clients:
            response = client.generic(method, template.format(segment))
            assert response.status_code < 500, (method, template, raw, response.status_code)


def _encode(payload: object) -> str:
    return base64.urlsafe_b64encode(json.dumps(payload).encode()).decode().rstrip("=")


ORDERINGS = [value for value, _ in ORDERING_CHOICES]
JSON_SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30)
STAMPS = st.builds(
    lambda d, h, m, sign, oh, om: f"{d.isoformat()}T{h:02d}:{m:02d}:00{sign}{oh:02d}:{om:02d}",
    st.dates(),
    st.integers(0, 23),
    st.integers(0, 59),
    st.sampled_from("+-"),
    st.integers(0, 23),
    st.integers(0, 59),
)
CURSOR_VALUES = JSON_SCALARS | STAMPS | st.dates().map(lambda d: d.isoformat()) | st.lists(JSON_SCALARS, max_size=3)
CURSORS = st.one_of(
    st.builds(
        lambda o, v, pk: _encode({"o": o, "v": v, "id": pk}),
        st.sampled_from(ORDERINGS) | st.text(max_size=10),
        CURSOR_VALUES,
        st.integers(min_value=-(2**70), max_value=2**70) | JSON_SCALARS,
    ),
    st.dictionaries(st.text(max_size=3), CURSOR_VALUES, max_size=4).map(_encode),
    st.text(max_size=60),
    st.binary(max_size=60).map(lambda b: base64.urlsafe_b64encode(b).decode()),
)


@settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(cursor=CURSORS, ordering=st.sampled_from(ORDERINGS))
@pytest.mark.django_db
def test_tampered_cursors_are_a_400_or_a_page(cursor, ordering, clients, production, no_throttle):
    for client in clients:
        response = client.get("/api/v1/incidents/", {"ordering": ordering, "cursor": cursor})
        assert response.status_code in (200, 400), (cursor, ordering, response.status_code, response.content[:300])
        assert response["Content-Type"] == "application/json"
