"""Dates as clerks type them into a sheet: a real Excel date, the number Excel stores for a date in
a cell formatted 常规, the number 20240305 typed into such a cell, or text such as 2024年3月5日, 2024-3-5, 2024/03/05, 2024.3.5, 20240305, with
spaces or full-width digits; a time after the date is ignored. A day that does not exist
(2024年2月30日) is refused, never moved to another day."""

from __future__ import annotations

import datetime
import math
import re
import unicodedata
from typing import Any

from openpyxl.utils.datetime import from_excel

from core.calendar import FIRST_YEAR, LAST_YEAR

_TEXT = re.compile(
    r"^(\d{4})\s*(?:年|[-/.])\s*(\d{1,2})\s*(?:月|[-/.])\s*(\d{1,2})\s*[日号]?"
    r"(?:\s*(?:T|\s)\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2}(?:\.\d+)?)?)?$"
)
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
SERIALS = (
    (datetime.date(FIRST_YEAR, 1, 1) - datetime.date(1899, 12, 30)).days,
    (datetime.date(LAST_YEAR, 12, 31) - datetime.date(1899, 12, 30)).days,
)
"""The Excel serial numbers of the years the project knows."""


class DateProblem(ValueError):
    """Why a cell is not a date (a sentence for ``第N行 列: 原因``)."""


def _day(year: int, month: int, day: int, shown: str) -> datetime.date:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise DateProblem(f"“{shown}”的年份不在{FIRST_YEAR}至{LAST_YEAR}年之间")
    if not 1 <= month <= 12:
        raise DateProblem(f"日期不存在：“{shown}”（月份应为1至12）")
    try:
        return datetime.date(year, month, day)
    except ValueError as exc:
        raise DateProblem(f"日期不存在：“{shown}”（{year}年{month}月没有{day}日）") from exc


MAX_NUMBER = 10**15
"""Numbers beyond this are no date in any form (20240305 and Excel serials are far below)."""


def parse_date(value: Any) -> datetime.date | None:
    """The date a cell holds, ``None`` for an empty cell; :class:`DateProblem` otherwise."""
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, bool):
        raise DateProblem(f"“{value}”不是日期")
    if isinstance(value, int | float):
        # Infinite, not a number or with thousands of digits (a crafted file): not even shown.
        if not (isinstance(value, int) or math.isfinite(value)) or not -MAX_NUMBER < value < MAX_NUMBER:
            raise DateProblem("单元格中的数值不是日期，请填写如2024年3月5日或2024-3-5")
        compact = _COMPACT.match(str(int(value))) if value == int(value) else None
        if compact:  # 20240305 typed into a 常规 cell is stored as a number, not as text
            year, month, day = (int(part) for part in compact.groups())
            return _day(year, month, day, str(int(value)))
        if not SERIALS[0] <= value <= SERIALS[1]:
            raise DateProblem(f"“{value}”不是日期，请填写如2024年3月5日或2024-3-5")
        return from_excel(int(value)).date()  # a fraction is the time of day
    text = unicodedata.normalize("NFKC", str(value)).strip().rstrip(".。")
    if not text:
        return None
    match = _TEXT.match(text) or _COMPACT.match(text)
    if not match:
        raise DateProblem(f"“{text[:30]}”不是日期，请填写如2024年3月5日或2024-3-5")
    year, month, day = (int(part) for part in match.groups())
    return _day(year, month, day, text[:30])
