"""Running a crawl for the three callers (the scheduled job, the command, a background job asked
for on a page) and what it reports: the summary and the documented JSON of ``crawl_columns``."""

from __future__ import annotations

import datetime
from collections.abc import Callable

from core.formatting import format_cn_date
from units.models import Unit, User

from .models import Column, ColumnReading, CrawlRun
from .services import columns_crawl


def columns_of(unit: Unit | None = None):
    columns = Column.objects.all()
    return columns.filter(unit=unit) if unit is not None else columns


def crawl(
    *,
    as_of: datetime.date,
    trigger: str,
    unit: Unit | None = None,
    acting_user: User | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> CrawlRun:
    return columns_crawl(
        columns=columns_of(unit), as_of=as_of, trigger=trigger, acting_user=acting_user, progress=progress
    )


def summary(run: CrawlRun) -> str:
    return (
        f"读取{run.column_count}个栏目：{run.stale_count}个未按期更新，{run.error_count}个读取出错"
        f"（判断日期{format_cn_date(run.as_of)}）。"
    )


def json_rows(run: CrawlRun) -> list[dict]:
    """One object per column: unit, column, url, latest, months, stale, error, pages."""
    readings = ColumnReading.objects.filter(run=run).select_related("column__unit")
    readings = readings.order_by("column__unit__category", "column__unit__sort_order", "column__position", "column__pk")
    return [
        {
            "unit": r.column.unit.name,
            "column": r.column.name,
            "url": r.url,
            "latest": r.latest.isoformat() if r.latest else None,
            "months": r.months,
            "stale": r.stale,
            "error": r.error or None,
            "pages": r.pages,
        }
        for r in readings
    ]
