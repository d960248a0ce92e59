"""When a column is stale, in calendar months.

A column is stale when its latest item is older than its period before the as-of date: older than
the same day one (每月), three (每季度) or twelve (每年) calendar months earlier — clamped to the
end of a shorter month (31 May minus three months is 29 February in a leap year). An item of
exactly that day is not stale yet. 长期 columns are never stale; a column without any item read
has no latest date and is not judged (its reading carries an error instead).
"""

from __future__ import annotations

import calendar
import datetime

from core.formatting import format_cn_date

from .models import Requirement

PERIOD_MONTHS = {Requirement.MONTHLY: 1, Requirement.QUARTERLY: 3, Requirement.YEARLY: 12}
PERIOD_TEXT = {Requirement.MONTHLY: "一个月", Requirement.QUARTERLY: "一个季度", Requirement.YEARLY: "一年"}


def months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` calendar months earlier, or the last day of that month if shorter."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def stale_before(requirement: str, as_of: datetime.date) -> datetime.date | None:
    """The first date an item may have without the column being stale; ``None`` for 长期."""
    months = PERIOD_MONTHS.get(requirement)
    return months_before(as_of, months) if months else None


def is_stale(requirement: str, latest: datetime.date | None, as_of: datetime.date) -> bool:
    cutoff = stale_before(requirement, as_of)
    return cutoff is not None and latest is not None and latest < cutoff


def period_text(requirement: str) -> str:
    return PERIOD_TEXT.get(requirement, "")


COLUMN_WORDS = ("栏目", "专栏", "一栏")


def column_label(name: str) -> str:
    """``政策文件栏目``; a name that already says so stays (``政务公开保障机制专栏``)."""
    return name if name.endswith(COLUMN_WORDS) else f"{name}栏目"


def stale_sentence(name: str, latest: datetime.date, requirement: str) -> str:
    """政策文件栏目最近更新为2024年5月6日，已超过一个季度未更新"""
    return f"{column_label(name)}最近更新为{format_cn_date(latest)}，已超过{period_text(requirement)}未更新"
