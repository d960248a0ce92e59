"""Working days in mainland China: weekends, statutory holidays and make-up workdays (调休).

Backed by ``chinesecalendar``, which knows the State Council's yearly holiday arrangement
(e.g. 国庆 2024-10-01..07 with the make-up workdays Sunday 2024-09-29 and Saturday 2024-10-12).
"""

from __future__ import annotations

import datetime

import chinese_calendar

MAX_WORKING_DAYS = 250


class CalendarUnavailable(ValueError):
    """The holiday arrangement of a year is not known (not yet published, or too old)."""


def is_working_day(day: datetime.date) -> bool:
    """Whether ``day`` is a working day: Monday–Friday except holidays, plus make-up workdays."""
    try:
        return chinese_calendar.is_workday(day)
    except NotImplementedError as exc:
        raise CalendarUnavailable(
            f"暂无{day.year}年的法定节假日安排，无法按工作日计算，请直接填写整改期限日期。"
        ) from exc


def add_working_days(start: datetime.date, n: int) -> datetime.date:
    """The ``n``-th working day after ``start``; ``start`` itself is not counted.

    As in “自收到之日起20个工作日内”: the period starts on the next day (民法典第二百零一条),
    weekends and statutory holidays are skipped and 调休 make-up workdays count.
    ``add_working_days(date(2024, 9, 30), 1)`` → 2024-10-08 (国庆 2024-10-01..07).
    """
    if not 1 <= n <= MAX_WORKING_DAYS:
        raise ValueError(f"工作日数应为1至{MAX_WORKING_DAYS}之间的整数。")
    day = start
    counted = 0
    while counted < n:
        day += datetime.timedelta(days=1)
        if is_working_day(day):
            counted += 1
    return day
