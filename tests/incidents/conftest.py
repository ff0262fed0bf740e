"""Fixtures shared by the incident tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from incidents import prepared


@pytest.fixture
def fresh_prepared() -> Iterator[None]:
    """Each test compiles and prepares its query shapes anew (``incidents.prepared`` keeps them per process)."""
    prepared.forget()
    yield
    prepared.forget()
