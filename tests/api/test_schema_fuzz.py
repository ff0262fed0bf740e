"""Schemathesis against our read endpoints through the WSGI app: no 500s, every answer as documented."""

import pytest
from hypothesis import HealthCheck, settings

from tests.schema_fuzz import CHECKS, NO_GZIP, wsgi_schema

schema = wsgi_schema().include(method="GET", path_regex=r"^/api/v1/(incidents|bases|factions|stats|changes)")


@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@pytest.mark.django_db
def test_api_conforms_to_its_schema(case, world, no_throttle, keep_test_connection):
    response = case.call(headers=NO_GZIP)
    case.validate_response(response, checks=CHECKS)
