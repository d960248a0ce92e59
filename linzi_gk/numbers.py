"""Numbers and dates as the office prints them: 10.5 not 10.50, 2025年1月10日."""

import datetime
import functools
from decimal import Decimal

ZERO = Decimal("0")


def format_points(value: Decimal | int | None) -> str:
    """``Decimal('10.50')`` → ``'10.5'``; ``Decimal('15.00')`` → ``'15'``; ``None`` → ``''``."""
    if value is None:
        return ""
    value = Decimal(value)
    if value == 0:
        return "0"
    text = f"{value.normalize():f}"
    return text


def points_to_json(value: Decimal) -> int | float:
    """A JSON number without a trailing ``.0`` for whole points."""
    value = Decimal(value)
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def format_cn_date(value: datetime.date) -> str:
    return f"{value.year}年{value.month}月{value.day}日"


def quarter_months(quarter: int) -> tuple[int, int, int]:
    if quarter not in (1, 2, 3, 4):
        raise ValueError(f"季度应为1至4，而不是{quarter}")
    first = 3 * quarter - 2
    return (first, first + 1, first + 2)


CN_QUARTER = {1: "一", 2: "二", 3: "三", 4: "四"}


def quarter_label(year: int, quarter: int) -> str:
    return f"{year}年{CN_QUARTER[quarter]}季度"


def month_list_label(months: list[int]) -> str:
    """``[8, 9]`` → ``'8、9月份'`` as in the office's deduction sentences."""
    return _month_list_label(tuple(months))


@functools.cache
def _month_list_label(months: tuple[int, ...]) -> str:
    return "、".join(str(m) for m in months) + "月份"


def last_finished_month(today: datetime.date) -> datetime.date:
    """The last day of the month before ``today``'s: the period most work is about right now
    (a clerk in January 2025 enters and reports on December 2024, i.e. 2024 Q4)."""
    return today.replace(day=1) - datetime.timedelta(days=1)
