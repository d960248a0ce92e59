"""Parsing the cells of an import: the header row, columns by title, numbers and text, with every
problem recorded against its row and column before anything is written.

The bounds here are the same as the models' validators (:mod:`core.bounds`), so a file the preview
accepts is a file the commit can write.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from typing import Any

from core.bounds import MAX_COUNT, MAX_POINTS
from core.formatting import format_cn_date, format_points

from .dates import DateProblem, parse_date
from .reading import Sheet
from .results import RowError

FORMULA_PREFIX = "="
POINTS_WRITTEN = re.compile(r"^\s*减?\s*(\d+(?:\.\d+)?)\s*分\s*$")
HEADER_SCAN_ROWS = 10
_SPACES = re.compile(r"\s+")


def cell_text(value: Any) -> str:
    """What a cell shows as text: whole floats without ``.0``, dates as 2024年10月1日, stripped."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return format_cn_date(value.date()) if value.time() == datetime.time() else f"{value:%Y-%m-%d %H:%M}"
    if isinstance(value, datetime.date):
        return format_cn_date(value)
    return str(value).strip()


def header_title(value: Any) -> str:
    """A header cell as compared with a column title: no white space, full-width folded."""
    return _SPACES.sub("", unicodedata.normalize("NFKC", cell_text(value)))


def is_blank(values: tuple[Any, ...]) -> bool:
    return all(cell_text(v) == "" for v in values)


def find_header_row(sheet: Sheet, required: str) -> tuple[int, int] | None:
    """Index into ``sheet.rows`` and column of the first row with a cell titled ``required``."""
    for index, (_, values) in enumerate(sheet.rows[:HEADER_SCAN_ROWS]):
        for column, value in enumerate(values):
            if header_title(value) == required:
                return index, column
    return None


def _fold(text: str) -> str:
    """Full-width digits, points and signs (１２, ０．５) read as their ASCII forms."""
    return unicodedata.normalize("NFKC", text).replace("。", ".").strip()


class RowParser:
    """Parses the cells of one row, recording each problem against the row and column."""

    def __init__(self, row: int, errors: list[RowError]) -> None:
        self.row = row
        self.errors = errors
        self.ok = True

    def error(self, field_name: str, reason: str, *, unknown_unit: str = "") -> None:
        self.errors.append(RowError(self.row, field_name, reason, unknown_unit))
        self.ok = False

    def text(self, value: Any, field_name: str, *, required: bool = True, max_length: int | None = None) -> str:
        text = cell_text(value)
        if text.startswith(FORMULA_PREFIX):
            self.error(field_name, f"不能以“=”开头（“{text[:30]}”），公式或疑似公式的文本不予导入")
            return ""
        if required and not text:
            self.error(field_name, "不能为空")
        if max_length is not None and len(text) > max_length:
            self.error(field_name, f"不能超过{max_length}个字（现有{len(text)}个字）")
            return ""
        return text

    def date(self, value: Any, field_name: str, *, required: bool = False) -> datetime.date | None:
        """A date as a clerk types it (see :mod:`core.imports.dates`); empty gives ``None``."""
        try:
            day = parse_date(value)
        except DateProblem as exc:
            self.error(field_name, str(exc))
            return None
        if day is None and required:
            self.error(field_name, "不能为空")
        return day

    def _decimal(self, value: Any, field_name: str, *, required: bool) -> Decimal | None:
        """A finite number, or ``None`` after recording why not (empty, formula, date, text)."""
        text = cell_text(value)
        if text == "":
            if required:
                self.error(field_name, "不能为空")
            return None
        if isinstance(value, datetime.date | datetime.time):
            self.error(field_name, f"是日期（{text}），不是数字，请把单元格格式改为“常规”或“数值”后重新填写")
            return None
        if text.startswith(FORMULA_PREFIX):
            self.error(field_name, f"不能以“=”开头（“{text[:30]}”），请填写数值而不是公式")
            return None
        try:
            number = None if isinstance(value, bool) else Decimal(_fold(text))
        except InvalidOperation:
            number = None
        if number is None or not number.is_finite():
            self.error(field_name, f"“{text[:30]}”不是数字")
            return None
        return number

    def count(self, value: Any, field_name: str, *, required: bool = True) -> int | None:
        """A whole number from 0 to :data:`MAX_COUNT`; empty gives ``None`` (or an error when required)."""
        number = self._decimal(value, field_name, required=required)
        if number is None:
            return None
        text = cell_text(value)[:30]
        if number < 0:
            self.error(field_name, f"不能为负数（{text}）")
            return None
        if number != number.to_integral_value():
            self.error(field_name, f"应为整数（{text}）")
            return None
        if number > MAX_COUNT:
            self.error(field_name, f"数值过大（不能超过{MAX_COUNT}）")  # never its digits: 1e308 has 309
            return None
        return int(number)

    def points(self, value: Any, field_name: str) -> Decimal | None:
        """Positive points with at most two decimals, at most :data:`MAX_POINTS` (0.5, 1, 5); written
        as the notices write them (0.5分, 减1分) they read the same."""
        if isinstance(value, str) and (written := POINTS_WRITTEN.match(unicodedata.normalize("NFKC", value))):
            value = written.group(1)
        number = self._decimal(value, field_name, required=True)
        if number is None:
            return None
        text = cell_text(value)[:30]
        if number < 0:
            self.error(field_name, f"不能为负数（{text}），减分请填写正数，如5")
            return None
        if number == 0:
            self.error(field_name, "不能为0")
            return None
        if number > MAX_POINTS:
            self.error(field_name, f"数值过大（一项最多减{format_points(MAX_POINTS)}分）")
            return None
        if number != number.quantize(Decimal("0.01")):
            self.error(field_name, f"最多两位小数（{text}）")
            return None
        return number.quantize(Decimal("0.01")).normalize()


MONTH_TITLE = re.compile(r"^(\d{1,2})月份?$")


def parse_month_title(title: str) -> int | None:
    match = MONTH_TITLE.match(title)
    return int(match.group(1)) if match else None
