"""Server-side cache of rendered API answers, and the data version their keys and validators use.

An answer is stored under (view, site root, path, sorted query, negotiated media type, visibility
class, data version): anonymous users and editors never share an entry, so drafts cannot leak, and
any write to the data the answers are built from yields a new version, so the next request after a
commit misses and rebuilds. The version is counted by database triggers on every write to
incidents, tombstones, bases and factions, through any path (services, admin, loaders, raw SQL),
and read on every request with one primary-key lookup and a count over a few hundred rows, so it
holds across processes and needs no invalidation hooks.

Not covered by the version: an edit of an article's title or URL alone, or of a source row without
saving its incident (admin only). Entries expire after ``CACHE_SECONDS`` to bound such staleness.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse, HttpResponseBase
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date
from isal import igzip
from rest_framework.request import Request
from rest_framework.response import Response

from incidents.api.base import EPOCH, request_is_editor
from incidents.models import DataVersion as DataVersionRow

CACHE_ALIAS = "responses"
CACHE_SECONDS = 120
# Larger answers are rebuilt every time rather than evicting many small ones (LocMem counts entries).
MAX_CACHED_BYTES = 8 * 1024 * 1024
_ACCEPTS_GZIP = re.compile(r"\bgzip\b")

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class DataVersion:
    """Changes whenever any incident, tombstone, base or faction is added, changed or removed.

    ``token`` covers every row (editors' answers); ``public_token`` only what anonymous answers are
    built from (published incidents, tombstones, bases, factions), so editing a draft leaves the
    public validators and cache entries as they were: an ETag that moved with hidden rows would
    tell anyone that something hidden changed.
    """

    token: str
    public_token: str
    public_last_modified: dt.datetime | None
    last_modified: dt.datetime | None

    def key(self, *, editor: bool) -> str:
        """The version token of what this visibility class can see."""
        return self.token if editor else self.public_token

    def stamp(self, *, editor: bool) -> dt.datetime:
        """Last-Modified: the latest change this visibility class can see (drafts' edits only for editors)."""
        return (self.last_modified if editor else self.public_last_modified) or EPOCH


# (monotonic expiry, version) of this process's last reading, when DATA_VERSION_MAX_AGE_MS allows reuse.
_last_reading: tuple[float, DataVersion] | None = None


def data_version(request: Any = None) -> DataVersion:
    """The data version: read from the database, or this process's reading of the last
    ``DATA_VERSION_MAX_AGE_MS`` milliseconds (default 0: every request reads it).

    Why the option: every request pays for the reading, cache hits and 304s included (a round trip
    to the database); a reading shared for a second saves it at the cost of answers lagging a write
    by at most that long. With ``request``, one reading per request: the answer's cache key, looked up
    with the rate limits (``answer_keys``), and the answer built are of the same version.
    """
    global _last_reading
    if request is not None:
        read: DataVersion | None = getattr(request, "_basewatch_data_version", None)
        if read is None:
            read = request._basewatch_data_version = data_version()
        return read
    max_age = settings.DATA_VERSION_MAX_AGE_MS / 1000
    if max_age:
        last = _last_reading
        if last is not None and time.monotonic() < last[0]:
            return last[1]
    version = _read_data_version()
    if max_age:
        _last_reading = (time.monotonic() + max_age, version)
    return version


def _read_data_version() -> DataVersion:
    """The data version from the counts the database's triggers keep (``incidents.models.DataVersion``).

    Every committed write to incidents, tombstones, bases or factions raises the count, whatever
    order concurrent transactions commit in; the public count only rises with a write that touched
    something anonymous readers can see (a published incident, before or after the write; a public
    tombstone; the gazetteer), so editing or deleting a draft leaves public ETags alone.
    """
    reading = DataVersionRow.read()
    return DataVersion(
        token=f"{reading.epoch}:{reading.changes}",
        public_token=f"{reading.epoch}:p{reading.public_changes}",
        public_last_modified=reading.public_changed_at,
        last_modified=reading.changed_at,
    )


@dataclass(frozen=True)
class _Entry:
    body: bytes  # as sent: gzipped under a ``:gzip`` key, plain under the other
    content_type: str


def _cache_get(key: str) -> _Entry | None:
    try:
        return caches[CACHE_ALIAS].get(key)
    except Exception:  # a cache outage (Redis down) costs a rebuild, never an error
        logger.warning("response cache unavailable; building the answer", exc_info=True)
        return None


def _cache_get_first(keys: list[str]) -> tuple[str, _Entry] | None:
    """The first of ``keys`` the cache holds, and its entry. On Redis one round trip for all of them
    (``config.cache.RedisCache.get_first``): a gzipped answer's miss asks for its two copies, and a second
    lookup costs the worker ~0.1-0.2 ms of CPU and a round trip of waiting. Elsewhere a get per key."""
    try:
        cache = caches[CACHE_ALIAS]
        get_first = getattr(cache, "get_first", None)
        if get_first is not None:
            return get_first(keys)
        for key in keys:
            entry = cache.get(key)
            if entry is not None:
                return key, entry
        return None
    except Exception:  # as _cache_get: an outage costs a rebuild
        logger.warning("response cache unavailable; building the answer", exc_info=True)
        return None


def _cache_set(key: str, entry: _Entry) -> None:
    try:
        caches[CACHE_ALIAS].set(key, entry, CACHE_SECONDS)
    except Exception:
        logger.warning("response cache unavailable; answer not stored", exc_info=True)


def _validators(view: Any, request: Request, version: DataVersion, editor: bool) -> tuple[str, int]:
    """(basis of the cache key and ETag, Last-Modified timestamp) for this request at this data version."""
    query = sorted((name, value) for name in request.query_params for value in request.query_params.getlist(name))
    role = "editor" if editor else "public"
    # The site root: answers hold absolute links (incident pages, the next page).
    basis = "|".join(
        (
            type(view).__name__,
            request.build_absolute_uri("/"),
            request.path,
            repr(query),
            str(request.accepted_media_type),
            role,
            version.key(editor=editor),
        )
    )
    return basis, int(version.stamp(editor=editor).timestamp())


def _render(view: Any, request: Request, response: Response) -> _Entry:
    response.accepted_renderer = request.accepted_renderer
    response.accepted_media_type = request.accepted_media_type
    response.renderer_context = view.get_renderer_context()
    response.render()
    return _Entry(bytes(response.content), response["Content-Type"])


def _gzipped(body: bytes) -> bytes:
    """gzip at level 1 by ISA-L (the ``isal`` package), not zlib: the same format, any gzip client reads it.

    Measured on the map points (CPU per answer, compressed size): a year of the 100,000-incident bench
    (1.05 MB) zlib level 1 6.0 ms / 236 kB, zlib level 6 41 ms / 190 kB, ISA-L level 1 1.65 ms / 236 kB;
    every incident (7.4 MB) zlib 1 41 ms / 1.60 MB, zlib 6 309 ms / 1.26 MB, ISA-L 1 11 ms / 1.57 MB.
    A new filter's answer waits on it and the map is fetched on every filter change, so speed wins
    over the last 20% of size (level 6) on a local network or nearby.
    """
    return igzip.compress(body, compresslevel=1, mtime=0)


@dataclass(frozen=True)
class _Lookup:
    """What ``cached_answer`` asks of the cache for one request: its validators and the keys it reads, in order."""

    etag: str
    last_modified: int
    gzip: bool
    key: str  # the plain answer's; the gzipped one's is ``key + ":gzip"``

    @property
    def keys(self) -> list[str]:
        # The gzipped copy first, else the plain one to compress (kept when a client took it plain).
        return [f"{self.key}:gzip", self.key] if self.gzip else [self.key]


def _lookup(view: Any, request: Request, *, compress: bool, version: DataVersion | None) -> _Lookup:
    editor = request_is_editor(request)
    basis, last_modified = _validators(view, request, version or data_version(request), editor)
    digest = hashlib.sha256(basis.encode()).hexdigest()
    etag = f'"{digest[:32]}"'
    gzip = compress and bool(_ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")))
    if gzip:
        etag = "W/" + etag  # another representation of the same resource, as GZipMiddleware marks it
    return _Lookup(etag, last_modified, gzip, f"api:{digest}")


def answer_keys(view: Any, request: Request) -> list[str]:
    """The response cache's keys ``cached_answer`` will read for this request (in its ``responses`` cache),
    or none when the view does not answer it from the cache (``ApiView.cached_formats``).

    For the rate limits' round trip to Redis (``incidents.api.throttling``), which then reads the answer too
    (``answer_found``): one round trip instead of two for every cached API answer (a cache hit of the bases
    API, in process: 1.41 to 1.20 ms of CPU)."""
    renderer = getattr(request, "accepted_renderer", None)
    if request.method not in ("GET", "HEAD") or getattr(renderer, "format", None) not in getattr(
        view, "cached_formats", ()
    ):
        return []
    return _lookup(view, request, compress=view.compressed_answers, version=None).keys


def answer_found(request: Request, keys: list[str], found: tuple[str, Any] | None) -> None:
    """Keep what the rate limits' round trip found under ``answer_keys``: ``cached_answer`` reads no further."""
    request._basewatch_prefetched = (keys, found)


def cached_answer(
    view: Any,
    request: Request,
    *,
    build: Callable[[], Response],
    compress: bool | None = None,
    version: DataVersion | None = None,
) -> HttpResponseBase:
    """The answer ``build()`` would give, from the cache when the data has not changed since it was stored.

    Answers 304 when the client's copy is current (ETag / Last-Modified from the data version).
    With ``compress`` the body is sent gzipped to clients that accept it, and the gzipped copy is
    cached under a key of its own (the plain one only when a client took it plain). It is made when
    such a client first asks, not with every new answer: a filter
    asked once by a client that takes the plain body (curl without --compressed, Python's
    http.client) would otherwise pay for compressing a megabyte nobody reads (about 1.5 ms per MB).
    ``version``: the data version, when the caller read it already (for ``build`` to use too).
    ``compress`` defaults to the view's ``compressed_answers``.
    """
    if compress is None:
        compress = bool(getattr(view, "compressed_answers", False))
    lookup = _lookup(view, request, compress=compress, version=version)
    etag, last_modified, gzip, key = lookup.etag, lookup.last_modified, lookup.gzip, lookup.key
    response = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if response is None:
        # Each representation under its own key: a hit reads only the bytes it sends (at every incident
        # the map's plain body is 7.4 MB, its gzipped one 1.6 MB), and a miss stores only what it served.
        entry: _Entry | None = None
        plain: _Entry | None = None
        prefetched = getattr(request, "_basewatch_prefetched", None)
        if prefetched is not None and prefetched[0] == lookup.keys:
            found = prefetched[1]  # read with the rate limits (answer_keys)
        elif gzip:
            found = _cache_get_first(lookup.keys)
        else:
            found = (key, cached) if (cached := _cache_get(key)) is not None else None
        if found is not None:
            entry, plain = (found[1], None) if found[0] != key else (None, found[1])
        hit = entry is not None or plain is not None
        if entry is None:
            if plain is None:
                plain = _render(view, request, build())
                if not gzip and len(plain.body) <= MAX_CACHED_BYTES:
                    _cache_set(key, plain)
            entry = plain
            if gzip:
                entry = _Entry(_gzipped(plain.body), plain.content_type)
                if len(plain.body) <= MAX_CACHED_BYTES:
                    _cache_set(f"{key}:gzip", entry)
        response = HttpResponse(entry.body, content_type=entry.content_type)
        if gzip:
            response["Content-Encoding"] = "gzip"
        response["X-Cache"] = "hit" if hit else "miss"
    if compress:
        patch_vary_headers(response, ("Accept-Encoding",))
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    return response
