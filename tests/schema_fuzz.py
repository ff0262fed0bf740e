"""What the schemathesis runs share: the schema read from the WSGI app and the checks applied."""

import schemathesis
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from config.wsgi import application

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
# The WSGI transport does not decode gzip (incidents/points/ compresses when asked): ask for none.
NO_GZIP = {"Accept-Encoding": "identity"}


def wsgi_schema() -> schemathesis.schemas.BaseSchema:
    return schemathesis.openapi.from_wsgi("/api/schema/", application)
