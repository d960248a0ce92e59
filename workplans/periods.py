"""The periods a task's progress is reported for, and when each is due.

A recurring task has one period per recurrence in the plan's year (按季度公开 → 一季度 … 四季度, each
due on its last day, or so many working days after it: 每月后10个工作日内); any other task has one
period, the whole year (全年), due on its date if it has one (2022年8月底前), else never overdue.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from core.calendar import CN_QUARTER, Month, Quarter

from .timelimits import Recurrence, add_working_days_or_weekdays

WHOLE_YEAR = "Y"


@dataclass(frozen=True)
class Period:
    key: str
    """``Y`` (全年), ``Q1``–``Q4``, ``H1``–``H2``, ``M01``–``M12``: stored with each progress report."""
    label: str
    start: datetime.date
    last_day: datetime.date
    due: datetime.date | None

    def has_begun(self, today: datetime.date) -> bool:
        return self.start <= today

    def is_past_due(self, today: datetime.date) -> bool:
        return self.due is not None and self.due < today


def _due(last_day: datetime.date, offset: int | None) -> datetime.date:
    return add_working_days_or_weekdays(last_day, offset) if offset else last_day


def _with_dues(periods: list[Period], offset: int | None) -> list[Period]:
    return [Period(p.key, p.label, p.start, p.last_day, _due(p.last_day, offset)) for p in periods]


def task_periods(
    *, year: int, recurrence: str, offset: int | None = None, due: datetime.date | None = None
) -> list[Period]:
    """Every period of a task of the plan of ``year``."""
    if recurrence == Recurrence.QUARTERLY:
        quarters = [Quarter(year, n) for n in (1, 2, 3, 4)]
        return _with_dues(
            [
                Period(f"Q{q.number}", f"{CN_QUARTER[q.number]}季度", q.start, q.months[2].last_day, None)
                for q in quarters
            ],
            offset,
        )
    if recurrence == Recurrence.MONTHLY:
        months = [Month(year, n) for n in range(1, 13)]
        return _with_dues(
            [Period(f"M{m.month:02d}", f"{m.month}月", m.start, m.last_day, None) for m in months], offset
        )
    if recurrence == Recurrence.HALF_YEARLY:
        halves = [
            ("H1", "上半年", datetime.date(year, 1, 1), datetime.date(year, 6, 30)),
            ("H2", "下半年", datetime.date(year, 7, 1), datetime.date(year, 12, 31)),
        ]
        return _with_dues([Period(key, label, start, end, None) for key, label, start, end in halves], offset)
    year_end = datetime.date(year, 12, 31)
    if recurrence == Recurrence.YEARLY:
        return _with_dues([Period(WHOLE_YEAR, "全年", datetime.date(year, 1, 1), year_end, None)], offset)
    return [Period(WHOLE_YEAR, "全年", datetime.date(year, 1, 1), year_end, due)]
