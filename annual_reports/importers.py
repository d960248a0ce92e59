"""Reading a filled-in report workbook back: one row per row of the national format, its labels in
the leading cells exactly as in seed 002 (``1.属于国家秘密``), then the values in national column
order. The rows may be on any visible sheet (the exported workbook has one table per sheet); a row
is known by its last label, the one row of 四 (which has no label) by following the 行政复议 header.

Parsing only: every cell is checked here (numbers, bounds, missing and duplicate rows) with
``第N行 列: 原因`` errors; the report's own checks run in the import service.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from openpyxl.utils import get_column_letter

from core.imports import ImportRejected, RowError, RowParser, Sheet, cell_text, file_error, header_title, is_blank

from .layout import APPEALS, CASES, REVIEW, TABLES, Column, Row, Value, cell_key
from .numbers import parse_amount

LEADING_CELLS = 3
NUMBER = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")


@dataclass
class ParsedReport:
    values: dict[str, Value | None] = field(default_factory=dict)
    """Typed cells and the totals the file gives."""
    rows: dict[str, int] = field(default_factory=dict)
    """Layout row key → the Excel row it was read from."""
    sheets: list[str] = field(default_factory=list)


def _labels() -> dict[str, tuple[Row, int]]:
    """Each row's last label (normalised) → the row and its table's number of label columns."""
    return {
        header_title(row.labels[-1]): (row, table.label_columns) for table in TABLES for row in table.rows if row.labels
    }


def _is_number(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float | Decimal):
        return True
    return bool(NUMBER.match(unicodedata.normalize("NFKC", cell_text(value))))


def _field(row: Row, column: Column) -> str:
    return f"{column.group}“{column.label}”" if column.group else column.label


def _amount(parser: RowParser, value: Any, name: str, *, required: bool) -> Decimal | None:
    """The amount in 万元 as the cell holds it (up to six decimals, never rounded)."""
    if isinstance(value, bool):
        parser.error(name, f"“{cell_text(value)}”不是数字")
        return None
    number, reason = parse_amount(cell_text(value))
    if reason:
        parser.error(name, reason)
    elif number is None and required:
        parser.error(name, "不能为空")
    return number


def _read_row(parser: RowParser, row: Row, cells: tuple[Any, ...], result: ParsedReport) -> None:
    if is_blank(cells):
        parser.error(row.name or APPEALS.title, "未填写（没有的填0）")
        return
    for column, value in zip(row.columns, cells + (None,) * len(row.columns), strict=False):
        key, name = cell_key(row, column), _field(row, column)
        required = not (row.computed or column.computed)
        if column.amount:
            result.values[key] = _amount(parser, value, name, required=required)
        else:
            result.values[key] = parser.count(value, name, required=required)


def _refuse_extra_cells(parser: RowParser, values: tuple[Any, ...], end: int) -> None:
    """A cell right of the row's last column of the national format belongs to no item: refused,
    never dropped."""
    for column, value in enumerate(values[end:], start=end + 1):
        if cell_text(value):
            parser.error(
                f"{get_column_letter(column)}列",
                f"这一行在国家格式中只到{get_column_letter(end)}列，多出的“{cell_text(value)[:20]}”不属于任何一项；请删除",
            )
            return


def _match(values: tuple[Any, ...], labels: dict[str, tuple[Row, int]]) -> tuple[Row, int] | None:
    found = None
    for value in values[:LEADING_CELLS]:
        if not _is_number(value) and header_title(value) in labels:
            found = labels[header_title(value)]
    return found


def parse_report_workbook(sheets: list[Sheet]) -> ParsedReport:
    """The values of every row of the national format found in ``sheets``; all or nothing."""
    labels = _labels()
    result = ParsedReport(sheets=[s.name for s in sheets])
    errors: list[RowError] = []
    for sheet in sheets:
        after_review_header = False
        for excel_row, values in sheet.rows:
            if is_blank(values):
                continue
            parser = RowParser(excel_row, errors)
            matched = _match(values, labels)
            if matched is None and after_review_header and any(_is_number(v) for v in values):
                matched = (CASES, APPEALS.label_columns)
            if matched is None:
                if any(header_title(v) == REVIEW for v in values):
                    after_review_header = True
                elif any(_is_number(v) for v in values):
                    parser.error("项目", "无法识别这一行：开头应是国家格式中的项目名称，如“1.属于国家秘密”")
                continue
            row, offset = matched
            if row.key in result.rows:
                parser.error(row.name or APPEALS.title, f"与第{result.rows[row.key]}行重复")
                continue
            result.rows[row.key] = excel_row
            end = offset + len(row.columns)
            _read_row(parser, row, tuple(values[offset:end]), result)
            _refuse_extra_cells(parser, values, end)
    for table in TABLES:
        for row in table.rows:
            if row.key not in result.rows:
                what = f"“{row.name}”一行" if row.labels else "四、政府信息公开行政复议、行政诉讼情况的数字行"
                errors.append(file_error(f"缺少{what}（{table.title}）。"))
    if errors:
        raise ImportRejected(errors, sheet="、".join(result.sheets))
    return result
