"""Data versions: what cached scores and rendered tables are keyed by, one per kind of data.

Every service that writes data calls :func:`data_changed` with the kinds it wrote
(:class:`Kind`: monthly figures, deductions, rules, …) and, where it knows them, the units whose
data changed; ``data_changed()`` without kinds means that anything may have changed. A reader says
which kinds it is computed from (``versioned(key, compute, kinds=SCORES)``), so that a ledger entry
or an annual report never throws away the quarter's scores, and a grid save recomputes only the
units it changed (:func:`versioned`'s ``update``), or nothing at all for a value about other
units (``units``).

In the shared cache (Redis, or the file cache of the embedded default) there is one token that
``data_changed()`` renews, a counter per kind that ``data_changed(kind, …)`` increments, and, for
each increment, the units it concerned. A change is counted there once its transaction commits:
every web process sees the new versions at its next request, and whatever was cached under the old
ones is never read again (a reader that computed from the data before the commit kept it under the
version before). The writing process itself counts its change at once, so that what it reads in the
writing transaction is computed afresh.

:func:`versioned` keeps a computed value per process (no pickling of large results on every request).

The cache is never essential. While it is unreachable (Redis stopped or restarting) pages compute
what they show and keep nothing, writes succeed as usual, and this process stops asking for a few
seconds at a time. A change it could not announce then is announced (a new token) the moment the
cache answers again, so nothing computed before the change is served afterwards.
"""

from __future__ import annotations

import contextvars
import hashlib
import logging
import random
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable, Collection, Hashable, Iterable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from typing import NamedTuple, TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.utils.safestring import SafeString, mark_safe
from redis.exceptions import RedisError

T = TypeVar("T")


class Kind(StrEnum):
    """The kinds of data a version is kept for."""

    UNITS = "units"
    """Units, their aliases, demonstration-site periods and accounts."""
    FIGURES = "figures"
    """Monthly publication figures, articles and monthly article tallies."""
    DEDUCTIONS = "deductions"
    """Deductions of a quarter (entered, imported, or with a finding)."""
    FINDINGS = "findings"
    """Inspection rounds, findings and their rectification."""
    RULES = "rules"
    """Scoring rule sets."""
    ADJUSTMENTS = "adjustments"
    """The office's adjustments of the annual assessment (年度考核调整)."""
    NOTICES = "notices"
    """Quarterly notices, drafted and issued."""
    ANNUAL_REPORTS = "annual_reports"
    WORKPLANS = "workplans"
    """Work plans, their tasks, ledgers and progress."""
    APPLICATIONS = "applications"
    """The 依申请公开 register: applications, appeals, reply letters."""
    MONITORING = "monitoring"
    """Disclosure columns, their crawls and the proposals made from them (the month grid shows the
    proposed counts beside the figures)."""


SCORES = (Kind.UNITS, Kind.FIGURES, Kind.DEDUCTIONS, Kind.RULES)
"""What quarterly scores are computed from."""
EVERYTHING = tuple(Kind)

KEY = "linzi:data-version"
COUNTER = "linzi:data-version:{}"
CHANGE = "linzi:data-change:{}:{}"
CHANGE_TIMEOUT = 24 * 3600
ANY_UNIT = "*"
MAX_CHANGES = 64
"""A value this many changes behind is computed afresh rather than updated."""
_LOCAL: OrderedDict[tuple, tuple[Version, object]] = OrderedDict()
_LOCAL_SIZE = 256
_LOCK = threading.Lock()
LOGGER = logging.getLogger(__name__)
UNREACHABLE = (RedisError, OSError)
"""What the cache raises when it cannot be reached: Redis's errors, or the file cache's."""
RETRY_AFTER = 5.0
"""Seconds a process leaves the cache alone after finding it unreachable."""
_STATE = {"down_until": 0.0}
_PENDING = threading.Event()  # a change not yet announced: the cache was unreachable
_READ: contextvars.ContextVar[dict | None] = contextvars.ContextVar("linzi_data_versions", default=None)
"""The versions read in the current request (see :func:`read_once`)."""


class Version(NamedTuple):
    token: str
    """Renewed when anything may have changed."""
    counters: tuple[tuple[str, int], ...]
    """The counter of each kind the reader depends on."""
    mine: tuple[int, ...] = ()
    """This process's own changes of those kinds not yet committed (see :func:`data_changed`)."""


_MINE: dict = {"next": 0, "pending": {}, "changes": {}}
"""This process's changes: those made in the open transaction (``pending``) and what each concerned."""
_MINE_KEPT = 1024


def _note_mine(kinds: tuple[str, ...], units: str) -> None:
    with _LOCK:
        _MINE["next"] += 1
        _MINE["pending"][_MINE["next"]] = frozenset(kinds)
        _MINE["changes"][_MINE["next"]] = units
        while len(_MINE["changes"]) > _MINE_KEPT:
            del _MINE["changes"][next(iter(_MINE["changes"]))]


def _mine(kinds: list[str]) -> tuple[int, ...]:
    """The changes of ``kinds`` this process made in the transaction still open: once it is over,
    they are in the cache's counters (committed) or undone (rolled back)."""
    with _LOCK:
        if not connection.in_atomic_block:
            _MINE["pending"].clear()
        wanted = set(kinds)
        return tuple(n for n, written in _MINE["pending"].items() if not written or written & wanted)


def cache_reachable() -> bool:
    """False for a few seconds after the cache was found unreachable."""
    return time.monotonic() >= _STATE["down_until"]


def _unreachable(exc: Exception) -> None:
    if cache_reachable():
        LOGGER.warning("cache unreachable, pages computed without it for now: %s", exc)
    _STATE["down_until"] = time.monotonic() + RETRY_AFTER


def _first_counter() -> int:
    """A counter starts anywhere: one lost from the cache and started again never meets its past."""
    return random.randrange(1 << 40)


@contextmanager
def read_once() -> Iterator[None]:
    """Within (a request), the versions are read from the cache once, all kinds at one go, and
    reused until this process changes data."""
    reset = _READ.set({})
    try:
        yield
    finally:
        _READ.reset(reset)


def data_version(kinds: Iterable[str] = EVERYTHING) -> Version | None:
    """The current version of ``kinds`` (created on first use), or ``None`` while the cache is
    unreachable: then nothing may be kept, as a change would go unnoticed."""
    kinds = sorted(set(kinds))
    read = _READ.get()
    if read is None:
        shared = _read_version(kinds)
    else:
        if "all" not in read:
            read["all"] = _read_version(EVERYTHING)
        shared = read["all"]
    if shared is None:
        return None
    counters = dict(shared.counters)
    return Version(shared.token, tuple((kind, counters[kind]) for kind in kinds), _mine(kinds))


def _read_version(kinds: Iterable[str]) -> Version | None:
    if not cache_reachable():
        return None
    kinds = sorted(set(kinds))
    keys = [KEY, *(COUNTER.format(kind) for kind in kinds)]
    try:
        if _PENDING.is_set():
            _PENDING.clear()
            try:
                cache.set(KEY, uuid.uuid4().hex, timeout=None)
            except UNREACHABLE:
                _PENDING.set()
                raise
        found = cache.get_many(keys)
        for key in keys:
            if key not in found:
                cache.add(key, uuid.uuid4().hex if key == KEY else _first_counter(), timeout=None)
                found[key] = cache.get(key)
    except UNREACHABLE as exc:
        _unreachable(exc)
        return None
    return Version(found[KEY], tuple((kind, found[COUNTER.format(kind)]) for kind in kinds))


def _forget_read() -> None:
    """This request reads the versions again, after its own change."""
    read = _READ.get()
    if read is not None:
        read.clear()


def _renew() -> None:
    """A new token; if the cache cannot be told now, it is told at its first answer again."""
    _forget_read()
    if not cache_reachable():
        _PENDING.set()
        return
    try:
        cache.set(KEY, uuid.uuid4().hex, timeout=None)
    except UNREACHABLE as exc:
        _PENDING.set()
        _unreachable(exc)


def _count(kinds: tuple[str, ...], units: str) -> None:
    """The next version of each of ``kinds``, recording the ``units`` it concerns; where two writers
    met on one number (a cache without atomic counters), everything is renewed instead."""
    _forget_read()
    if not cache_reachable():
        _PENDING.set()
        return
    try:
        for kind in kinds:
            key = COUNTER.format(kind)
            try:
                number = cache.incr(key)
            except ValueError:  # not in the cache (yet, or any more)
                cache.add(key, _first_counter(), timeout=None)
                number = cache.incr(key)
            if not cache.add(CHANGE.format(kind, number), units, timeout=CHANGE_TIMEOUT):
                _renew()
    except UNREACHABLE as exc:
        _PENDING.set()
        _unreachable(exc)


def data_changed(*kinds: Kind, units: Iterable[int] | None = None) -> None:
    """Mark data as changed: in this process at once (what it reads in the writing transaction is
    computed afresh, and computed again once the transaction is over, committed or rolled back),
    for every process once the transaction commits (the others never read uncommitted data, so
    they compute again only then).

    ``kinds``: what was written (without any: anything may have changed); ``units``: the ids of
    the units whose data of those kinds changed, when the writer knows them all."""
    scope = ANY_UNIT if units is None else ",".join(str(unit) for unit in sorted(set(units)))
    _note_mine(tuple(kinds), scope)
    if not kinds:
        transaction.on_commit(_renew)
        return

    def count() -> None:
        _count(tuple(kinds), scope)

    transaction.on_commit(count)


def _changed_units(old: Version, new: Version) -> set[int] | None:
    """The units whose data changed between two versions of the same kinds, or ``None`` when that
    is not known (anything may have changed, or the record of a change is gone)."""
    if old.token != new.token:
        return None
    # Changes made (or, once the transaction is over, committed or undone) by this process.
    scopes = [_MINE["changes"].get(number) for number in set(old.mine) ^ set(new.mine)]
    if None in scopes:
        return None
    keys = []
    for (kind, before), (_, now) in zip(old.counters, new.counters, strict=True):
        if not 0 <= now - before <= MAX_CHANGES:
            return None
        keys += [CHANGE.format(kind, number) for number in range(before + 1, now + 1)]
    try:
        found = cache.get_many(keys)
    except UNREACHABLE as exc:
        _unreachable(exc)
        return None
    scopes += found.values()
    if len(found) < len(keys) or ANY_UNIT in scopes:
        return None
    return {int(unit) for scope in scopes for unit in scope.split(",") if unit}


def versioned(
    key: Hashable,
    compute: Callable[[], T],
    *,
    kinds: Collection[str] = EVERYTHING,
    update: Callable[[T, set[int]], T] | None = None,
    units: Callable[[T], Collection[int]] | None = None,
) -> T:
    """``compute()`` once per process and version of ``kinds`` for ``key`` (the last few keys are
    kept). After a change that concerned only some units, a value that depends on the data of
    ``units(value)`` alone is kept as it is while other units change, and ``update(value, unit_ids)``
    gives the new value from the kept one. (Computed every time when ``SCORE_CACHE`` is off.) The
    value is shared: never modify it."""
    version = data_version(kinds) if settings.SCORE_CACHE else None
    if version is None:
        return compute()
    full = (connection.settings_dict["NAME"], key)
    with _LOCK:
        kept = _LOCAL.get(full)
        if kept is not None:
            _LOCAL.move_to_end(full)
    if kept is not None and kept[0] == version:
        return kept[1]  # type: ignore[return-value]
    changed = _changed_units(kept[0], version) if kept is not None and (update or units) else None
    if changed is None:
        value = compute()
    elif units is not None and changed.isdisjoint(units(kept[1])):  # type: ignore[index]
        value = kept[1]  # type: ignore[index,assignment]
    elif update is not None:
        value = update(kept[1], changed)  # type: ignore[index,arg-type]
    else:
        value = compute()
    with _LOCK:
        _LOCAL[full] = (version, value)
        while len(_LOCAL) > _LOCAL_SIZE:
            _LOCAL.popitem(last=False)
    return value


def forget_local() -> None:
    """Drop this process's kept values and what it knows of the cache being unreachable (tests)."""
    with _LOCK:
        _LOCAL.clear()
        _MINE["pending"].clear()
        _MINE["changes"].clear()
    _STATE["down_until"] = 0.0
    _PENDING.clear()


def cached_fragment(
    key: tuple, render: Callable[[], str], *, kinds: Collection[str] = EVERYTHING, request=None, timeout: int = 3600
) -> SafeString:
    """Rendered HTML shared by every web process and person who may see it, for the current version
    of ``kinds``, ``key`` and the request's query (filters, sorting, page)."""
    version = data_version(kinds) if settings.SCORE_CACHE else None
    if version is None:
        return mark_safe(render())
    query = sorted(request.GET.lists()) if request is not None else []
    database = connection.settings_dict["NAME"]  # two sites (or test runs) sharing one Redis never mix
    digest = hashlib.sha256(repr((database, key, query, version)).encode()).hexdigest()
    name = f"linzi:fragment:{digest}"
    html = _shared(name)
    if html is None:
        html = _render_once(name, render, timeout)
    return mark_safe(html)  # rendered by our own templates


RENDER_WAIT = 2.0
"""Seconds a process waits for the HTML another process is rendering, before rendering it too."""


def _shared(name: str) -> str | None:
    try:
        return cache.get(name)
    except UNREACHABLE as exc:
        _unreachable(exc)
        return None


def _render_once(name: str, render: Callable[[], str], timeout: int) -> str:
    """Render the HTML and share it; when another process is rendering the same HTML right now
    (every process asks at once after a change), wait for it rather than render it again."""
    lock = f"{name}:rendering"
    try:
        mine = cache.add(lock, 1, timeout=int(RENDER_WAIT) + 1)
    except UNREACHABLE as exc:
        _unreachable(exc)
        return render()
    if not mine:
        deadline = time.monotonic() + RENDER_WAIT
        while time.monotonic() < deadline:
            time.sleep(0.01)
            html = _shared(name)
            if html is not None:
                return html
    html = render()
    try:
        cache.set(name, html, timeout)
        if mine:
            cache.delete(lock)
    except UNREACHABLE as exc:
        _unreachable(exc)
    return html
