"""Deadlines in working days follow the State Council's holidays and make-up workdays (调休)."""

import datetime
import time

import pytest

from core.calendar import CalendarUnavailable, add_working_days, is_working_day, working_days_between

D = datetime.date


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        # 国庆 2024: 10月1日至7日放假，9月29日（星期日）、10月12日（星期六）上班。
        (D(2024, 9, 27), 1, D(2024, 9, 29)),
        (D(2024, 9, 29), 1, D(2024, 9, 30)),
        (D(2024, 9, 30), 1, D(2024, 10, 8)),
        (D(2024, 9, 30), 5, D(2024, 10, 12)),
        (D(2024, 10, 11), 1, D(2024, 10, 12)),
        (D(2024, 10, 12), 1, D(2024, 10, 14)),
        (D(2024, 9, 20), 20, D(2024, 10, 23)),
        # 春节 2025: 1月28日至2月4日放假，1月26日（星期日）、2月8日（星期六）上班。
        (D(2025, 1, 24), 1, D(2025, 1, 26)),
        (D(2025, 1, 24), 3, D(2025, 2, 5)),
        (D(2025, 1, 27), 1, D(2025, 2, 5)),
        (D(2025, 2, 4), 4, D(2025, 2, 8)),
        # The 2024 Q4 notice of 10 Jan 2025 asks for rectification by 15 Jan: 3 working days.
        (D(2025, 1, 10), 3, D(2025, 1, 15)),
        (D(2025, 1, 10), 20, D(2025, 2, 13)),
        # An ordinary week: the start day is not counted, the weekend is skipped.
        (D(2024, 11, 8), 1, D(2024, 11, 11)),
    ],
)
def test_add_working_days(start, n, expected):
    assert add_working_days(start, n) == expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (D(2024, 9, 29), True),
        (D(2024, 10, 1), False),
        (D(2024, 10, 7), False),
        (D(2024, 10, 12), True),
        (D(2024, 10, 13), False),
        (D(2025, 1, 26), True),
        (D(2025, 1, 28), False),
        (D(2025, 2, 4), False),
        (D(2025, 2, 8), True),
    ],
)
def test_is_working_day(day, expected):
    assert is_working_day(day) is expected


@pytest.mark.parametrize("n", [0, -1, 251])
def test_number_of_days_must_be_sensible(n):
    with pytest.raises(ValueError, match="^工作日数应为1至250之间的整数。$"):
        add_working_days(D(2024, 10, 8), n)


def test_year_without_published_holidays_is_refused():
    with pytest.raises(CalendarUnavailable) as caught:
        add_working_days(D(2026, 12, 20), 20)

    assert str(caught.value) == "暂无2027年的法定节假日安排，无法按工作日计算，请直接填写整改期限日期。"


@pytest.mark.parametrize("day", [datetime.date(9999, 12, 31), datetime.date(1, 1, 1), datetime.date(1900, 3, 1)])
def test_a_date_outside_the_systems_years_is_refused_in_a_sentence(day):
    """9999-12-31 overflowed (a server error on the applications register), 0001-01-01 took millions of steps."""
    started = time.perf_counter()
    with pytest.raises(CalendarUnavailable) as caught:
        add_working_days(day, 20, provisional=True)
    with pytest.raises(CalendarUnavailable):
        working_days_between(day, datetime.date(2024, 1, 1), provisional=True)

    assert (
        str(caught.value)
        == f"{day.year}年{day.month}月{day.day}日不在2000年至2100年之间，无法按工作日计算，请核对年份。"
    )
    assert time.perf_counter() - started < 0.1
