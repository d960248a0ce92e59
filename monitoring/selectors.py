"""Reads of column freshness, scoped to what the user may see: office accounts every unit, a unit
account its own columns only."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import OuterRef, QuerySet, Subquery

from units.models import Unit, User
from units.selectors import units_visible_to

from .models import Column, ColumnReading, CountProposal, CrawlRun, FindingProposal, ProposalStatus


def columns_visible_to(user: User) -> QuerySet[Column]:
    return Column.objects.filter(unit__in=units_visible_to(user))


def units_without_columns(user: User) -> QuerySet[Unit]:
    """The assessed units ``user`` may see that have no column yet (to add their first one)."""
    units = units_visible_to(user).filter(is_assessed=True, monitored_columns__isnull=True)
    return units.order_by("category", "sort_order", "name")


def latest_readings(columns: QuerySet[Column]) -> QuerySet[Column]:
    """``columns`` with ``last_reading_id`` of each column's most recent reading."""
    newest = ColumnReading.objects.filter(column=OuterRef("pk")).order_by("-read_at", "-pk").values("pk")[:1]
    return columns.annotate(last_reading_id=Subquery(newest))


@dataclass
class ColumnState:
    column: Column
    reading: ColumnReading | None

    @property
    def stale(self) -> bool:
        return bool(self.reading and self.reading.stale)

    @property
    def failed(self) -> bool:
        return bool(self.reading and self.reading.failed)

    @property
    def error(self) -> str:
        return self.reading.error if self.reading else ""

    @property
    def sort_key(self) -> tuple:
        """Stale first (the longest unchanged first), then errors, never read, fresh."""
        r = self.reading
        if r is None:
            return (2, datetime.date.max, self.column.pk)
        if r.stale:
            return (0, r.latest, self.column.pk)
        if r.failed:
            return (1, datetime.date.max, self.column.pk)
        return (3, r.latest or datetime.date.max, self.column.pk)


def column_states(columns: QuerySet[Column]) -> list[ColumnState]:
    """Each column with its latest reading (two queries)."""
    columns = list(latest_readings(columns.select_related("unit")))
    readings = ColumnReading.objects.select_related("run").in_bulk(
        [c.last_reading_id for c in columns if c.last_reading_id]
    )
    return [ColumnState(c, readings.get(c.last_reading_id)) for c in columns]


def by_freshness(states: list[ColumnState]) -> list[ColumnState]:
    return sorted(states, key=lambda s: s.sort_key)


@dataclass
class UnitCrawl:
    unit: Unit
    read_at: datetime.datetime | None = None
    columns: int = 0
    stale: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)


def unit_crawls(user: User) -> list[UnitCrawl]:
    """Per unit with columns: its last reading time, stale columns and errors (three queries)."""
    lines: dict[int, UnitCrawl] = {}
    for state in column_states(columns_visible_to(user)):
        line = lines.setdefault(state.column.unit_id, UnitCrawl(state.column.unit))
        line.columns += 1
        reading = state.reading
        if reading is None:
            continue
        line.read_at = max(filter(None, [line.read_at, reading.read_at]))
        line.stale += reading.stale
        if reading.error:
            line.errors.append((state.column.name, reading.error))
    return sorted(lines.values(), key=lambda line: (line.unit.category, line.unit.sort_order, line.unit.name))


def last_run() -> CrawlRun | None:
    return CrawlRun.objects.order_by("-started_at", "-pk").first()


def finding_proposals_visible_to(user: User) -> QuerySet[FindingProposal]:
    if not user.is_authenticated or not user.is_office:
        return FindingProposal.objects.none()
    return FindingProposal.objects.select_related("unit", "finding", "reading")


def pending_counts(*, year: int, month: int, unit_ids) -> dict[int, CountProposal]:
    """The pending proposed count of each unit for the month (one query)."""
    pending = CountProposal.objects.filter(year=year, month=month, status=ProposalStatus.PENDING, unit__in=unit_ids)
    return {p.unit_id: p for p in pending.order_by()}


def reading_history(column: Column, limit: int = 12) -> list[ColumnReading]:
    return list(column.readings.order_by("-read_at", "-pk")[:limit])


@dataclass(frozen=True)
class Changes:
    added: list[dict]
    gone: list[dict]


def changes_between(newer: ColumnReading, older: ColumnReading | None) -> Changes:
    """What the newer reading listed that the older did not, and the other way round."""
    if older is None:
        return Changes([], [])
    new_items = _items(newer)
    old_items = _items(older)
    return Changes(
        added=[i for k, i in new_items.items() if k not in old_items],
        gone=[i for k, i in old_items.items() if k not in new_items],
    )


def _items(reading: ColumnReading) -> dict[tuple, dict]:
    found: dict[tuple, dict] = {}
    for snapshot in reading.snapshots.all():
        for item in snapshot.items:
            found.setdefault((item["url"], item["title"], item["date"]), item)
    return found


def monthly_history(states: list[ColumnState], months: int = 12) -> dict[int, dict[str, int]]:
    """Per column: items per month of its latest reading."""
    found: dict[int, dict[str, int]] = defaultdict(dict)
    for state in states:
        if state.reading is not None:
            found[state.column.pk] = dict(state.reading.months)
    return found
