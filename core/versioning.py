"""The data version: what cached scores and rendered tables are keyed by.

Every service that writes data a score depends on (monthly figures, articles, findings, deductions,
rule sets, adjustments, units) calls :func:`data_changed`. Once its transaction commits, the version
becomes a new token in the shared cache (Redis, or the file cache of the embedded default), so
every web process sees it at its next request, and whatever was cached under the old token is never
read again. A reader that computes between a commit and the new token stores fresh data under the
old token: harmless, as nobody reads it after the change.

:func:`versioned` keeps a computed value per process (no pickling of large results on every request)
for the current version only.

The cache is never essential. While it is unreachable (Redis stopped or restarting) pages compute
what they show and keep nothing, writes succeed as usual, and this process stops asking for a few
seconds at a time. A change it could not announce then is announced (a new token) the moment the
cache answers again, so nothing computed before the change is served afterwards.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.utils.safestring import SafeString, mark_safe
from redis.exceptions import RedisError

KEY = "linzi:data-version"
T = TypeVar("T")
_LOCAL: OrderedDict[tuple, object] = OrderedDict()
_LOCAL_SIZE = 256
_LOCK = threading.Lock()
LOGGER = logging.getLogger(__name__)
UNREACHABLE = (RedisError, OSError)
"""What the cache raises when it cannot be reached: Redis's errors, or the file cache's."""
RETRY_AFTER = 5.0
"""Seconds a process leaves the cache alone after finding it unreachable."""
_STATE = {"down_until": 0.0}
_PENDING = threading.Event()  # a change not yet announced: the cache was unreachable


def cache_reachable() -> bool:
    """False for a few seconds after the cache was found unreachable."""
    return time.monotonic() >= _STATE["down_until"]


def _unreachable(exc: Exception) -> None:
    if cache_reachable():
        LOGGER.warning("cache unreachable, pages computed without it for now: %s", exc)
    _STATE["down_until"] = time.monotonic() + RETRY_AFTER


def data_version() -> str | None:
    """The current version token (created on first use), or ``None`` while the cache is
    unreachable: then nothing may be kept, as a change would go unnoticed."""
    if not cache_reachable():
        return None
    try:
        if _PENDING.is_set():
            _PENDING.clear()
            try:
                cache.set(KEY, uuid.uuid4().hex, timeout=None)
            except UNREACHABLE:
                _PENDING.set()
                raise
        version = cache.get(KEY)
        if version is None:
            version = uuid.uuid4().hex
            if not cache.add(KEY, version, timeout=None):
                version = cache.get(KEY) or version
    except UNREACHABLE as exc:
        _unreachable(exc)
        return None
    return version


def _bump() -> None:
    """A new token; if the cache cannot be told now, it is told at its first answer again."""
    if not cache_reachable():
        _PENDING.set()
        return
    try:
        cache.set(KEY, uuid.uuid4().hex, timeout=None)
    except UNREACHABLE as exc:
        _PENDING.set()
        _unreachable(exc)


def data_changed() -> None:
    """Mark the data as changed: at once, and again once the current transaction commits (a reader
    that cached the data before the commit under the first new token is then never read)."""
    _bump()
    transaction.on_commit(_bump)


def versioned(key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()`` once per process and data version for ``key``; the last few are kept.
    (Computed every time when ``SCORE_CACHE`` is off.) The value is shared: never modify it."""
    version = data_version() if settings.SCORE_CACHE else None
    if version is None:
        return compute()
    full = (connection.settings_dict["NAME"], key, version)
    with _LOCK:
        if full in _LOCAL:
            _LOCAL.move_to_end(full)
            return _LOCAL[full]  # type: ignore[return-value]
    value = compute()
    with _LOCK:
        _LOCAL[full] = value
        while len(_LOCAL) > _LOCAL_SIZE:
            _LOCAL.popitem(last=False)
    return value


def forget_local() -> None:
    """Drop this process's kept values and what it knows of the cache being unreachable (tests)."""
    with _LOCK:
        _LOCAL.clear()
    _STATE["down_until"] = 0.0
    _PENDING.clear()


def cached_fragment(key: tuple, render: Callable[[], str], *, request=None, timeout: int = 3600) -> SafeString:
    """Rendered HTML shared by every web process and person who may see it, for the current data
    version, ``key`` and the request's query (filters, sorting, page)."""
    version = data_version() if settings.SCORE_CACHE else None
    if version is None:
        return mark_safe(render())
    query = sorted(request.GET.lists()) if request is not None else []
    database = connection.settings_dict["NAME"]  # two sites (or test runs) sharing one Redis never mix
    digest = hashlib.sha256(repr((database, key, query, version)).encode()).hexdigest()
    name = f"linzi:fragment:{digest}"
    try:
        html = cache.get(name)
    except UNREACHABLE as exc:
        _unreachable(exc)
        html = None
    if html is None:
        html = render()
        try:
            cache.set(name, html, timeout)
        except UNREACHABLE as exc:
            _unreachable(exc)
    return mark_safe(html)  # rendered by our own templates
