"""A map answer gzipped from its parts (``incidents.api.compression``): each month chunk's column compressed once
per process and joined with what is the answer's own; any gzip reader unpacks exactly the plain answer."""

from __future__ import annotations

import gzip

import pytest

from incidents.api import compression
from incidents.selectors.points import PointsChunkQuery, incidents_points
from tests.api.derived_tables import queried_incidents
from tests.api.test_points_chunks import QUERIES, spread  # noqa: F401 (a fixture)


@pytest.fixture(autouse=True)
def _nothing_kept(monkeypatch):
    monkeypatch.setattr(compression, "_kept", type(compression._kept)())
    monkeypatch.setattr(compression, "_kept_bytes", 0)


def _body(parts: list[tuple[str, object]]) -> bytes:
    return "".join(text for text, _ in parts).encode()


def test_parts_unpack_to_the_body_first_and_when_reused(monkeypatch):
    monkeypatch.setattr(compression, "MIN_KEPT_PIECE", 2)
    parts = [('{"a":[', None), ("1" * 3000, "m1"), (",", None), (",é" * 500, "m2"), ("y", "tiny"), ("]}", None)]
    for _ in range(2):
        packed = compression.gzipped(_body(parts), parts)
        assert gzip.decompress(packed) == _body(parts)
    assert set(compression._kept) == {"m1", "m2"}  # a part shorter than MIN_KEPT_PIECE goes with its neighbours


def test_a_kept_part_is_compressed_again_when_its_text_changes(monkeypatch):
    monkeypatch.setattr(compression, "MIN_KEPT_PIECE", 2)
    before = [("[", None), ("1,2,3", "month"), ("]", None)]
    after = [("[", None), ("1,2,4", "month"), ("]", None)]
    assert gzip.decompress(compression.gzipped(_body(before), before)) == b"[1,2,3]"
    assert gzip.decompress(compression.gzipped(_body(after), after)) == b"[1,2,4]"
    assert compression._kept["month"][0] == "1,2,4"


def test_the_kept_parts_stay_under_their_bound(monkeypatch):
    monkeypatch.setattr(compression, "MIN_KEPT_PIECE", 2)
    monkeypatch.setattr(compression, "MAX_KEPT_BYTES", 10_000)
    for month in range(20):
        parts = [(str(month) * 1000, month)]
        assert gzip.decompress(compression.gzipped(_body(parts), parts)) == _body(parts)
    assert 0 < compression._kept_bytes <= 10_000
    assert compression._kept_bytes == sum(len(text) + len(packed) for text, packed in compression._kept.values())
    assert 19 in compression._kept
    assert 0 not in compression._kept  # the least recently used went first


def test_without_parts_the_body_is_compressed_whole():
    assert gzip.decompress(compression.gzipped(b"plain answer")) == b"plain answer"


@pytest.mark.postgres
@pytest.mark.parametrize("smallest", [1, compression.MIN_KEPT_PIECE])
def test_every_map_answer_from_chunks_unpacks_to_its_text(spread, monkeypatch, smallest):  # noqa: F811
    monkeypatch.setattr(compression, "MIN_KEPT_PIECE", smallest)
    for _ in range(2):  # compressed, then from the kept parts
        for query in QUERIES:
            text = incidents_points(queried_incidents(query), chunks=PointsChunkQuery(*query))
            body = text.encode()
            assert gzip.decompress(compression.gzipped(body, text.parts)) == body, query
    assert compression._kept or smallest > 1


@pytest.mark.postgres
def test_the_map_view_sends_the_gzip_of_its_plain_answer(api, spread, monkeypatch):  # noqa: F811
    monkeypatch.setattr(compression, "MIN_KEPT_PIECE", 1)
    for query in ("date_from=2024-01-15&date_to=2024-09-03", "country=IQ", "weapon=drone&date_from=2024-02-01"):
        url = f"/api/v1/incidents/points/?{query}"
        packed = api.get(url, HTTP_ACCEPT_ENCODING="gzip")
        assert packed["Content-Encoding"] == "gzip"
        assert gzip.decompress(packed.content) == api.get(url).content, query
