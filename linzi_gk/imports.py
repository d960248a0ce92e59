"""Shared parts of the Excel imports: reading the first sheet, finding the header row, parsing
cells, and collecting every bad row as ``第N行 列: 原因`` before anything is written."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import IO, Any
from zipfile import BadZipFile

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

FORMULA_PREFIX = "="
HEADER_SCAN_ROWS = 10


@dataclass(frozen=True)
class RowError:
    row: int
    field: str
    reason: str

    def __str__(self) -> str:
        return f"第{self.row}行 {self.field}: {self.reason}"


class ImportRejected(Exception):
    """The file has bad rows; nothing was written.

    ``rows`` are the rows that parsed well; the import services fill ``result`` with what those
    rows would change, so a preview shows every error and every other change at once.
    """

    def __init__(self, errors: list[RowError], rows: list | None = None) -> None:
        self.errors = errors
        self.rows = rows
        self.result: ImportResult | None = None
        super().__init__("\n".join(str(e) for e in errors))


def parse_or_plan(parse, plan):
    """``parse()``; when it rejects the file, attach ``plan(valid_rows)`` to the error and re-raise."""
    try:
        return parse()
    except ImportRejected as exc:
        if exc.rows:
            try:
                exc.result = plan(exc.rows)
            except ImportRejected:  # the good rows have problems of their own (already reported)
                exc.result = None
        raise


@dataclass
class Change:
    """One planned write, for the preview and the summary."""

    row: int
    unit: str
    what: str
    old: str
    new: str
    action: str  # 新增 / 修改 / 不变 / 删除


@dataclass
class ImportResult:
    changes: list[Change] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    dry_run: bool = False

    def count(self, action: str) -> int:
        return sum(1 for c in self.changes if c.action == action)

    def summary(self) -> str:
        text = (
            f"新增{self.count('新增')}条，修改{self.count('修改')}条，"
            f"删除{self.count('删除')}条，未变{self.count('不变')}条"
        )
        return ("试运行（未写入任何数据）：" if self.dry_run else "已导入：") + text


@dataclass
class Sheet:
    """The first sheet of a workbook as a list of rows with their Excel row numbers."""

    rows: list[tuple[int, tuple[Any, ...]]]


def read_first_sheet(source: str | IO[bytes]) -> Sheet:
    try:
        workbook = load_workbook(source, read_only=True, data_only=False)
    except (InvalidFileException, BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ImportRejected(
            [RowError(0, "文件", f"无法读取Excel文件（{exc.__class__.__name__}），请上传.xlsx格式")]
        ) from exc
    try:
        sheet = workbook.worksheets[0]
        rows = [(index, tuple(row)) for index, row in enumerate(sheet.iter_rows(values_only=True), start=1)]
    finally:
        workbook.close()
    return Sheet(rows=rows)


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return re.sub(r"\s+", "", str(value)) if not isinstance(value, str) else value.strip()


def header_title(value: Any) -> str:
    return re.sub(r"\s+", "", cell_text(value))


def find_header_row(sheet: Sheet, required: str) -> tuple[int, int] | None:
    """Index into ``sheet.rows`` and column of the first row with a cell titled ``required``."""
    for index, (_, values) in enumerate(sheet.rows[:HEADER_SCAN_ROWS]):
        for column, value in enumerate(values):
            if header_title(value) == required:
                return index, column
    return None


def is_blank(values: tuple[Any, ...]) -> bool:
    return all(cell_text(v) == "" for v in values)


class RowParser:
    """Parses the cells of one row, recording each problem against the row and column."""

    def __init__(self, row: int, errors: list[RowError]) -> None:
        self.row = row
        self.errors = errors
        self.ok = True

    def error(self, field_name: str, reason: str) -> None:
        self.errors.append(RowError(self.row, field_name, reason))
        self.ok = False

    def text(self, value: Any, field_name: str, *, required: bool = True) -> str:
        text = cell_text(value)
        if text.startswith(FORMULA_PREFIX):
            self.error(field_name, f"不能以“=”开头（“{text[:30]}”），公式或疑似公式的文本不予导入")
            return ""
        if required and not text:
            self.error(field_name, "不能为空")
        return text

    def _decimal(self, value: Any, field_name: str, *, required: bool) -> Decimal | None:
        """A finite number, or ``None`` after recording why not (empty, formula, text)."""
        text = cell_text(value)
        if text == "":
            if required:
                self.error(field_name, "不能为空")
            return None
        if text.startswith(FORMULA_PREFIX):
            self.error(field_name, f"不能以“=”开头（“{text[:30]}”），请填写数值而不是公式")
            return None
        try:
            number = None if isinstance(value, bool) else Decimal(text)
        except InvalidOperation:
            number = None
        if number is None or not number.is_finite():
            self.error(field_name, f"“{text}”不是数字")
            return None
        return number

    def count(self, value: Any, field_name: str, *, required: bool = True) -> int | None:
        """A whole, non-negative number; empty gives ``None`` (or an error when required)."""
        number = self._decimal(value, field_name, required=required)
        if number is None:
            return None
        text = cell_text(value)
        if number < 0:
            self.error(field_name, f"不能为负数（{text}）")
            return None
        if number != number.to_integral_value():
            self.error(field_name, f"应为整数（{text}）")
            return None
        return int(number)

    def points(self, value: Any, field_name: str) -> Decimal | None:
        """Positive points with at most two decimals (0.5, 1, 5)."""
        number = self._decimal(value, field_name, required=True)
        if number is None:
            return None
        text = cell_text(value)
        if number < 0:
            self.error(field_name, f"不能为负数（{text}），减分请填写正数，如5")
            return None
        if number == 0:
            self.error(field_name, "不能为0")
            return None
        if number != number.quantize(Decimal("0.01")):
            self.error(field_name, f"最多两位小数（{text}）")
            return None
        return number.quantize(Decimal("0.01")).normalize()


MONTH_TITLE = re.compile(r"^(\d{1,2})月份?$")


def parse_month_title(title: str) -> int | None:
    match = MONTH_TITLE.match(title)
    return int(match.group(1)) if match else None
