import dataclasses

import pytest

from ingest.extractor.cli import load_gazetteer
from ingest.extractor.types import Gazetteer


@pytest.fixture(scope="session")
def shipped_gazetteer() -> Gazetteer:
    """The shipped gazetteer (incidents/data), as the extractor's CLI loads it: no database needed."""
    return load_gazetteer()


@pytest.fixture(scope="session")
def gazetteer(shipped_gazetteer: Gazetteer) -> Gazetteer:
    """The shipped gazetteer with every site still hosting the coalition. The reading skills are tested in our own
    articles, whose days may fall after the coalition left a site they name (Camp Taji in 2024); the record of
    when forces left (``hosted_until``) is tested apart, with ``shipped_gazetteer``."""
    sites = tuple(dataclasses.replace(s, hosted_until=None) for s in shipped_gazetteer.sites)
    return dataclasses.replace(shipped_gazetteer, sites=sites)
