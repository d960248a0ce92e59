"""Dates in imported sheets: 20240305 typed into a 常规 cell reaches us as a number, not as text,
and is the same day as the text 20240305."""

import datetime

import pytest

from core.imports.dates import DateProblem, parse_date


def test_compact_date_typed_as_a_number_is_a_date():
    assert parse_date(20260430) == datetime.date(2026, 4, 30)
    assert parse_date(20260430.0) == datetime.date(2026, 4, 30)
    assert parse_date("20260430") == datetime.date(2026, 4, 30)


def test_compact_number_that_is_no_day_is_refused_by_name():
    with pytest.raises(DateProblem) as refused:
        parse_date(20260230)
    assert str(refused.value) == "日期不存在：“20260230”（2026年2月没有30日）"


def test_excel_serial_number_is_still_a_date():
    assert parse_date(46142) == datetime.date(2026, 4, 30)


def test_other_numbers_are_not_dates():
    with pytest.raises(DateProblem) as refused:
        parse_date(123)
    assert str(refused.value) == "“123”不是日期，请填写如2024年3月5日或2024-3-5"


@pytest.mark.parametrize(
    "value",
    [float("inf"), float("-inf"), float("nan"), 10**5000, 1e300],
    ids=["inf", "-inf", "nan", "5001-digits", "1e300"],
)
def test_numbers_no_date_can_be_are_refused_without_being_shown(value):
    with pytest.raises(DateProblem) as refused:
        parse_date(value)
    assert str(refused.value) == "单元格中的数值不是日期，请填写如2024年3月5日或2024-3-5"
