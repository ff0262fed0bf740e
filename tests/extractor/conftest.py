import pytest

from ingest.extractor.cli import load_gazetteer


@pytest.fixture(scope="session")
def gazetteer():
    """The shipped gazetteer (incidents/data), as the extractor's CLI loads it: no database needed."""
    return load_gazetteer()
