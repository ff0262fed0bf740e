"""gzip of the API's answers, and of the map's answers piece by piece.

A map answer (``incidents.selectors.points``) is mostly the pre-written month chunks' column texts, the same
text in every answer whose date range holds that month until a write rewrites the chunk. A gzip stream may be
made of deflate pieces compressed apart, each ended on a byte boundary with its window emptied (a full flush),
so each month's piece is compressed once per process and kept here; an answer compresses only what is its own
(the member names, the days at its range's ends) and joins the pieces. The bytes a client unpacks are the
same; the compressed size is about the same (within a few per cent either way, measured on the bench's
answers). A year of every incident (1 MB): 2.1 ms to compress whole, 0.6 ms from its pieces.
"""

from __future__ import annotations

import struct
import threading
from collections import OrderedDict
from collections.abc import Hashable, Sequence

from isal import igzip, isal_zlib

# A piece shorter than this is compressed with its neighbours: a piece of its own costs a block's overhead and
# loses its neighbours' matches.
MIN_KEPT_PIECE = 1024
# Text between two kept pieces up to this long (a separator) is written as it is, in a stored block of its own.
MAX_STORED = 64
# Text and compressed bytes of the pieces kept per process (a few facets of every month at 100,000 incidents):
# the least recently used go first.
MAX_KEPT_BYTES = 32 * 1024 * 1024
# gzip's header (RFC 1952): deflate, no name or time, unknown system - what ``igzip.compress(mtime=0)`` writes.
_HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"
_LEVEL = 1

_kept: OrderedDict[Hashable, tuple[str, bytes]] = OrderedDict()
_kept_bytes = 0
_lock = threading.Lock()


def gzipped(body: bytes, parts: Sequence[tuple[str, Hashable | None]] | None = None) -> bytes:
    """``body`` gzipped at level 1 by ISA-L (the ``isal`` package), not zlib: the same format, any gzip client
    reads it.

    ``parts``: the texts ``body`` is the UTF-8 of, joined, each with a key naming where it comes from (None for
    text of this answer only): a keyed piece is compressed once and reused while its text is the same.

    Measured on the map points (CPU per answer, compressed size): a year of the 100,000-incident bench
    (1.05 MB) zlib level 1 6.0 ms / 236 kB, zlib level 6 41 ms / 190 kB, ISA-L level 1 1.65 ms / 236 kB;
    every incident (7.4 MB) zlib 1 41 ms / 1.60 MB, zlib 6 309 ms / 1.26 MB, ISA-L 1 11 ms / 1.57 MB.
    A new filter's answer waits on it and the map is fetched on every filter change, so speed wins
    over the last 20% of size (level 6) on a local network or nearby.
    """
    if not parts or all(key is None or len(text) < MIN_KEPT_PIECE for text, key in parts):
        return igzip.compress(body, compresslevel=_LEVEL, mtime=0)  # nothing kept: in one go
    out = [_HEADER]
    own = isal_zlib.compressobj(_LEVEL, isal_zlib.DEFLATED, -isal_zlib.MAX_WBITS)
    pending: list[str] = []
    for text, key in parts:
        if key is None or len(text) < MIN_KEPT_PIECE:
            pending.append(text)
            continue
        if pending:
            between = "".join(pending).encode()
            if len(between) <= MAX_STORED:
                # A separator between two kept pieces: a stored block, written here (the stream is byte-aligned
                # after a kept piece, a full flush or the header), instead of a flush of the compressor.
                out += [b"\x00", struct.pack("<HH", len(between), len(between) ^ 0xFFFF), between]
            else:
                # A full flush: byte-aligned, and what follows refers to nothing before it (a kept piece comes next).
                out += [own.compress(between), own.flush(isal_zlib.Z_FULL_FLUSH)]
            pending = []
        out.append(_piece(key, text))
    out += [own.compress("".join(pending).encode()), own.flush(isal_zlib.Z_FINISH)]
    out.append(struct.pack("<II", isal_zlib.crc32(body), len(body) & 0xFFFFFFFF))
    return b"".join(out)


def _piece(key: Hashable, text: str) -> bytes:
    """``text`` as deflate blocks of its own, ended by a full flush: kept under ``key`` while its text is the same
    (compared whole: a chunk's text changes with a write, and its key does not)."""
    global _kept_bytes
    with _lock:
        kept = _kept.get(key)
        if kept is not None and kept[0] == text:
            _kept.move_to_end(key)
            return kept[1]
    compressor = isal_zlib.compressobj(_LEVEL, isal_zlib.DEFLATED, -isal_zlib.MAX_WBITS)
    packed = compressor.compress(text.encode()) + compressor.flush(isal_zlib.Z_FULL_FLUSH)
    with _lock:
        replaced = _kept.pop(key, None)
        if replaced is not None:
            _kept_bytes -= len(replaced[0]) + len(replaced[1])
        _kept[key] = (text, packed)
        _kept_bytes += len(text) + len(packed)
        while _kept_bytes > MAX_KEPT_BYTES and _kept:
            _, (old_text, old_packed) = _kept.popitem(last=False)
            _kept_bytes -= len(old_text) + len(old_packed)
    return packed
