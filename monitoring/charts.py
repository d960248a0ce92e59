"""A unit's column history as a small server-side SVG (like :mod:`core.charts`): a row per column,
a bar per month of the last twelve with the items the column listed that month; stale columns in
red. The geometry is computed here, the markup is ``templates/monitoring/history.svg``."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from core.calendar import Month
from core.charts import BAR, GRID, NEGATIVE, TEXT

MONTHS = 12
LABEL_WIDTH, CELL, ROW, TOP = 200, 44, 36, 30


@dataclass(frozen=True)
class Bar:
    x: int
    y: int
    height: int
    count: int
    month: str


@dataclass(frozen=True)
class Line:
    label: str
    y: int
    baseline: int
    colour: str
    bars: list[Bar]


def column_history(rows: list[tuple[str, dict[str, int], bool]], *, last: Month, title: str) -> SafeString:
    """``rows``: (column name, items per month ``{"2024-03": 5}``, stale) each."""
    months = [Month.from_index(last.index - MONTHS + 1 + i) for i in range(MONTHS)]
    top = max([1, *(counts.get(f"{m.year}-{m.month:02d}", 0) for _, counts, _ in rows for m in months)])
    lines = []
    for index, (name, counts, stale) in enumerate(rows):
        baseline = TOP + (index + 1) * ROW - 6
        bars = []
        for column, month in enumerate(months):
            count = counts.get(f"{month.year}-{month.month:02d}", 0)
            height = max(1, round(count / top * (ROW - 12))) if count else 0
            bars.append(Bar(LABEL_WIDTH + column * CELL + 6, baseline - height, height, count, month.label))
        lines.append(Line(name, baseline, baseline, BAR if stale else NEGATIVE, bars))
    context = {
        "title": title,
        "width": LABEL_WIDTH + MONTHS * CELL + 10,
        "height": TOP + len(rows) * ROW + 6,
        "label_x": LABEL_WIDTH - 8,
        "bar_width": CELL - 12,
        "line_end": LABEL_WIDTH + MONTHS * CELL,
        "heads": [(LABEL_WIDTH + i * CELL + CELL // 2, f"{m.month}月") for i, m in enumerate(months)],
        "lines": lines,
        "grid": GRID,
        "text": TEXT,
    }
    return SafeString(render_to_string("monitoring/history.svg", context))


def last_month(as_of: datetime.date | None) -> Month:
    """The last month a chart shows: that of the crawl's as-of date (this month if never read)."""
    return Month.of(as_of or datetime.date.today())
