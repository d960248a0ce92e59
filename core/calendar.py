"""The office's calendar: months, quarters and working days.

``Month`` and ``Quarter`` are the value objects every app uses for a period (no loose
``(year, month)`` tuples, no hand-written bounds). Working days are those of mainland China:
weekends, statutory holidays and make-up workdays (调休), from ``chinesecalendar``, which knows the
State Council's yearly holiday arrangement (e.g. 国庆 2024-10-01..07 with the make-up workdays
Sunday 2024-09-29 and Saturday 2024-10-12).
"""

from __future__ import annotations

import datetime
import functools
import re
import unicodedata
from dataclasses import dataclass

import chinese_calendar

from .formatting import format_cn_date

FIRST_YEAR, LAST_YEAR = 2000, 2100
CN_QUARTER = {1: "一", 2: "二", 3: "三", 4: "四"}
MAX_WORKING_DAYS = 250


@dataclass(frozen=True, order=True)
class Month:
    """A calendar month, e.g. ``Month(2024, 10)``; ordered, hashable, printable as 2024年10月."""

    year: int
    month: int

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12:
            raise ValueError(f"月份应为1至12，而不是{self.month}")

    @classmethod
    def of(cls, day: datetime.date) -> Month:
        return cls(day.year, day.month)

    @classmethod
    def parse(cls, text: str) -> Month | None:
        """``2024-10`` (what ``<input type=month>`` sends), ``2024/10`` or ``2024年10月``; else ``None``."""
        match = _MONTH_TEXT.match(unicodedata.normalize("NFKC", text or ""))
        if not match:
            return None
        year, month = int(match.group(1)), int(match.group(2))
        if not (FIRST_YEAR <= year <= LAST_YEAR and 1 <= month <= 12):
            return None
        return cls(year, month)

    @classmethod
    def last_finished(cls, today: datetime.date) -> Month:
        """The month before ``today``'s: the period most work is about right now (a clerk in
        January 2025 enters and reports on December 2024)."""
        return cls.of(today).previous()

    @property
    def start(self) -> datetime.date:
        return datetime.date(self.year, self.month, 1)

    @property
    def end(self) -> datetime.date:
        """The first day of the next month (exclusive bound)."""
        return self.next().start

    @property
    def last_day(self) -> datetime.date:
        return self.end - datetime.timedelta(days=1)

    @property
    def quarter(self) -> Quarter:
        return Quarter(self.year, (self.month - 1) // 3 + 1)

    @property
    def index(self) -> int:
        """Months since year 0: handy for spans and aggregates."""
        return self.year * 12 + self.month - 1

    @classmethod
    def from_index(cls, index: int) -> Month:
        return cls(index // 12, index % 12 + 1)

    def next(self) -> Month:
        return Month.from_index(self.index + 1)

    def previous(self) -> Month:
        return Month.from_index(self.index - 1)

    def has_ended(self, today: datetime.date) -> bool:
        return self.end <= today

    @property
    def param(self) -> str:
        """``2024-10``, the value of an ``<input type=month>``."""
        return f"{self.year}-{self.month:02d}"

    @property
    def label(self) -> str:
        return f"{self.year}年{self.month}月"

    def __str__(self) -> str:
        return self.label


_MONTH_TEXT = re.compile(r"^\s*(\d{4})\s*(?:-|/|年)\s*(\d{1,2})\s*月?\s*$")


@dataclass(frozen=True, order=True)
class Quarter:
    """A quarter of a year, e.g. ``Quarter(2024, 4)``, printed as 2024年四季度."""

    year: int
    number: int

    def __post_init__(self) -> None:
        if self.number not in (1, 2, 3, 4):
            raise ValueError(f"季度应为1至4，而不是{self.number}")

    @classmethod
    def of(cls, day: datetime.date) -> Quarter:
        return Month.of(day).quarter

    @classmethod
    def last_finished(cls, today: datetime.date) -> Quarter:
        """The quarter just ended: in January 2025 (and until March) 2024年四季度."""
        return cls.of(today).previous()

    @property
    def months(self) -> tuple[Month, Month, Month]:
        first = 3 * self.number - 2
        return (Month(self.year, first), Month(self.year, first + 1), Month(self.year, first + 2))

    @property
    def month_numbers(self) -> tuple[int, int, int]:
        first = 3 * self.number - 2
        return (first, first + 1, first + 2)

    @property
    def start(self) -> datetime.date:
        return self.months[0].start

    @property
    def last_month_start(self) -> datetime.date:
        return self.months[2].start

    @property
    def end(self) -> datetime.date:
        """The first day after the quarter (exclusive bound)."""
        return self.months[2].end

    @property
    def index(self) -> int:
        return self.year * 4 + self.number - 1

    @classmethod
    def from_index(cls, index: int) -> Quarter:
        return cls(index // 4, index % 4 + 1)

    def next(self) -> Quarter:
        return Quarter.from_index(self.index + 1)

    def previous(self) -> Quarter:
        return Quarter.from_index(self.index - 1)

    def back(self, count: int) -> list[Quarter]:
        """``count`` quarters ending with this one, oldest first."""
        return [Quarter.from_index(i) for i in range(self.index - count + 1, self.index + 1)]

    def has_begun(self, today: datetime.date) -> bool:
        return self.start <= today

    @property
    def cn(self) -> str:
        """一 … 四"""
        return CN_QUARTER[self.number]

    @property
    def label(self) -> str:
        return f"{self.year}年{self.cn}季度"

    @property
    def short_label(self) -> str:
        """``24年四季`` for chart axes."""
        return f"{self.year % 100:02d}年{self.cn}季"

    def __str__(self) -> str:
        return self.label


def year_in_range(year: int) -> bool:
    return FIRST_YEAR <= year <= LAST_YEAR


# --- Working days ------------------------------------------------------------------------------


class CalendarUnavailable(ValueError):
    """The holiday arrangement of a year is not known (not yet published, or too old)."""


@functools.cache
def _workday(day: datetime.date) -> bool:
    """chinesecalendar's answer, kept: it checks the date against its whole table on every call
    (a year of due dates would otherwise take seconds). Years it does not know raise each time."""
    return chinese_calendar.is_workday(day)


def forget_working_days() -> None:
    """Drop the answers kept by :func:`is_working_day` (once the holiday data has changed)."""
    _workday.cache_clear()


def is_working_day(day: datetime.date, *, provisional: bool = False) -> bool:
    """Whether ``day`` is a working day: Monday–Friday except holidays, plus make-up workdays.

    For a year whose arrangement is not known, ``provisional`` counts Monday–Friday (a date to be
    computed again once the arrangement is published); otherwise :class:`CalendarUnavailable`.
    """
    try:
        return _workday(day)
    except NotImplementedError as exc:
        if provisional:
            return day.weekday() < 5
        raise CalendarUnavailable(
            f"暂无{day.year}年的法定节假日安排，无法按工作日计算，请直接填写整改期限日期。"
        ) from exc


def is_year_known(year: int) -> bool:
    """Whether the holiday arrangement of ``year`` is known to the calendar."""
    try:
        _workday(datetime.date(year, 6, 1))
    except NotImplementedError:
        return False
    return True


def _check_span(day: datetime.date) -> None:
    """A date the working-day arithmetic can count from: 9999-12-31 overflowed, 0001-01-01 took
    millions of steps. Outside the years the system works in it is a typing error."""
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise CalendarUnavailable(
            f"{format_cn_date(day)}不在{FIRST_YEAR}年至{LAST_YEAR}年之间，无法按工作日计算，请核对年份。"
        )


def add_working_days(start: datetime.date, n: int, *, provisional: bool = False) -> datetime.date:
    """The ``n``-th working day after ``start``; ``start`` itself is not counted.

    As in “自收到之日起20个工作日内”: the period starts on the next day (民法典第二百零一条),
    weekends and statutory holidays are skipped and 调休 make-up workdays count.
    ``add_working_days(date(2024, 9, 30), 1)`` → 2024-10-08 (国庆 2024-10-01..07).
    ``provisional``: see :func:`is_working_day`.
    """
    if not 1 <= n <= MAX_WORKING_DAYS:
        raise ValueError(f"工作日数应为1至{MAX_WORKING_DAYS}之间的整数。")
    _check_span(start)
    day = start
    counted = 0
    while counted < n:
        day += datetime.timedelta(days=1)
        if is_working_day(day, provisional=provisional):
            counted += 1
    return day


def working_days_between(start: datetime.date, end: datetime.date, *, provisional: bool = False) -> int:
    """Working days after ``start`` up to and including ``end`` (0 when ``end`` ≤ ``start``)."""
    _check_span(start)
    _check_span(end)
    count = 0
    day = start
    while day < end:
        day += datetime.timedelta(days=1)
        if is_working_day(day, provisional=provisional):
            count += 1
    return count
