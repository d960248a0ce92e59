"""Reads of the quarter page of the grid: the quarter's three months of 发布数 side by side, laid
out like the office's statistics table (单位 | 10月 | 11月 | 12月), so that a block copied from such
a table lands month by month. Each cell is the month's :class:`GridRow`, with the version it was
loaded with, so saving goes through the month grid's one service (seven queries)."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from core import hooks
from core.calendar import Month, Quarter
from units.models import User
from units.selectors import assessed_units_in, units_visible_to

from ..models import MonthlyArticleTally, MonthlyPublication
from ..selectors import RegisterCounts
from .selectors import RECENT_MONTHS, GridRow, MonthGrid, unit_aliases


@dataclass
class QuarterRow:
    unit_id: int
    name: str
    category: str
    aliases: list[str] = field(default_factory=list)
    months: list[GridRow | None] = field(default_factory=list)
    """One row per month of the quarter; ``None`` where the unit is not assessed that month."""


@dataclass
class QuarterGrid:
    quarter: Quarter
    rows: list[QuarterRow]
    total: int = 0
    page: int = 1
    pages: int = 1
    per_page: int | None = None
    rules: hooks.MonthRules | None = None

    def month_grid(self, month: Month) -> MonthGrid:
        """The cells of one month as a month grid (the same objects: overlays show on this page)."""
        index = self.quarter.months.index(month)
        cells = [row.months[index] for row in self.rows if row.months[index] is not None]
        return MonthGrid(month=month, rows=cells, rules=self.rules)


def _assessed(is_assessed: bool, first: datetime.date | None, last: datetime.date | None, month: Month) -> bool:
    return is_assessed and not (first and month.start < first) and not (last and month.start > last)


def quarter_grid(*, quarter: Quarter, user: User, page: int = 1, per_page: int | None = None) -> QuarterGrid:
    """Every unit assessed in at least one month of the quarter, with its stored 发布数 and totals of
    each month; for a large district one page of ``per_page`` units."""
    units = (assessed_units_in(quarter.start, quarter.last_month_start) & units_visible_to(user)).order_by(
        "category", "sort_order", "name"
    )
    every = list(units.values_list("pk", "name", "category", "is_assessed", "assessed_from", "assessed_until"))
    pages = max(1, -(-len(every) // per_page)) if per_page else 1
    page = min(max(page, 1), pages)
    unit_rows = every[(page - 1) * per_page : page * per_page] if per_page else every
    unit_ids = [row[0] for row in unit_rows] if per_page and unit_rows else units.values("pk")
    stored = {"year": quarter.year, "month__in": quarter.month_numbers, "unit__in": unit_ids}
    publications = {
        (p.unit_id, p.month): p
        for p in MonthlyPublication.objects.filter(**stored).select_related("updated_by").order_by()
    }
    tallies = {(t.unit_id, t.month): t for t in MonthlyArticleTally.objects.filter(**stored).order_by()}
    recent = _recent_by_month(unit_ids, quarter.months)
    aliases = unit_aliases(unit_ids)
    rows = []
    for pk, name, category, is_assessed, first, last in unit_rows:
        row = QuarterRow(unit_id=pk, name=name, category=category, aliases=aliases.get(pk, []))
        for month in quarter.months:
            if not _assessed(is_assessed, first, last, month):
                row.months.append(None)
                continue
            cell = GridRow(
                unit_id=pk,
                name=name,
                category=category,
                publication=publications.get((pk, month.month)),
                tally=tallies.get((pk, month.month)),
                register=RegisterCounts(),
                recent=recent.get((pk, month), []),
            )
            cell.reset_to_stored()
            row.months.append(cell)
        rows.append(row)
    return QuarterGrid(
        quarter=quarter,
        rows=rows,
        total=len(every),
        page=page,
        pages=pages,
        per_page=per_page,
        rules=hooks.month_rules(quarter.months[0]),
    )


def _recent_by_month(unit_ids, months: tuple[Month, ...]) -> dict[tuple[int, Month], list[int]]:
    """Each unit's publication counts of the ``RECENT_MONTHS`` months before each of ``months``,
    oldest first (one query), as :func:`~.selectors.recent_publications` gives them for one month."""
    first = Month.from_index(months[0].index - RECENT_MONTHS)
    counts: dict[int, dict[int, int]] = defaultdict(dict)
    rows = (
        MonthlyPublication.objects.filter(unit__in=unit_ids, year__gte=first.year, year__lte=months[-1].year)
        .values_list("unit_id", "year", "month", "count")
        .order_by()
    )
    for unit_id, year, number, count in rows:
        counts[unit_id][year * 12 + number - 1] = count
    found = {}
    for unit_id, by_index in counts.items():
        for month in months:
            history = [by_index[i] for i in range(month.index - RECENT_MONTHS, month.index) if i in by_index]
            if history:
                found[unit_id, month] = history
    return found
