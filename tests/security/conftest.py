"""Fixtures for the abuse suite: the API tests' small world (published, draft and rejected incidents,
articles by a named submitter) and the shipped gazetteer, reused rather than rebuilt."""

from tests.api.conftest import _fresh_throttles, world  # noqa: F401
from tests.ingest.conftest import asad, gazetteer  # noqa: F401
