"""The data version: what cached scores and rendered tables are keyed by.

Every service that writes data a score depends on (monthly figures, articles, findings, deductions,
rule sets, adjustments, units) calls :func:`data_changed`. Once its transaction commits, the version
becomes a new token in the shared cache (Redis, or the file cache of the embedded default), so
every web process sees it at its next request, and whatever was cached under the old token is never
read again. A reader that computes between a commit and the new token stores fresh data under the
old token: harmless, as nobody reads it after the change.

:func:`versioned` keeps a computed value per process (no pickling of large results on every request)
for the current version only.
"""

from __future__ import annotations

import hashlib
import threading
import uuid
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.utils.safestring import SafeString, mark_safe

KEY = "linzi:data-version"
T = TypeVar("T")
_LOCAL: OrderedDict[tuple, object] = OrderedDict()
_LOCAL_SIZE = 256
_LOCK = threading.Lock()


def data_version() -> str:
    """The current version token (created on first use)."""
    version = cache.get(KEY)
    if version is None:
        version = uuid.uuid4().hex
        if not cache.add(KEY, version, timeout=None):
            version = cache.get(KEY) or version
    return version


def _bump() -> None:
    cache.set(KEY, uuid.uuid4().hex, timeout=None)


def data_changed() -> None:
    """Mark the data as changed: at once, and again once the current transaction commits (a reader
    that cached the data before the commit under the first new token is then never read)."""
    _bump()
    transaction.on_commit(_bump)


def versioned(key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()`` once per process and data version for ``key``; the last few are kept.
    (Computed every time when ``SCORE_CACHE`` is off.) The value is shared: never modify it."""
    if not settings.SCORE_CACHE:
        return compute()
    full = (connection.settings_dict["NAME"], key, data_version())
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
    """Drop this process's kept values (tests)."""
    with _LOCK:
        _LOCAL.clear()


def cached_fragment(key: tuple, render: Callable[[], str], *, request=None, timeout: int = 3600) -> SafeString:
    """Rendered HTML shared by every web process and person who may see it, for the current data
    version, ``key`` and the request's query (filters, sorting, page)."""
    if not settings.SCORE_CACHE:
        return mark_safe(render())
    query = sorted(request.GET.lists()) if request is not None else []
    database = connection.settings_dict["NAME"]  # two sites (or test runs) sharing one Redis never mix
    digest = hashlib.sha256(repr((database, key, query, data_version())).encode()).hexdigest()
    name = f"linzi:fragment:{digest}"
    html = cache.get(name)
    if html is None:
        html = render()
        cache.set(name, html, timeout)
    return mark_safe(html)  # rendered by our own templates
