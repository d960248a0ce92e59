"""Parsing of the office's sheet of deduction items (单位 | 事项 | 减分)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from linzi_gk.imports import ImportRejected, RowError, RowParser, Sheet, find_header_row, header_title, is_blank
from linzi_gk.numbers import quarter_months
from units.models import Unit
from units.selectors import UnitNotFound, UnitResolver

COLUMNS = ("单位", "事项", "减分")


@dataclass(frozen=True)
class DeductionRow:
    row: int
    unit: Unit
    reason: str
    points: Decimal


def parse_deductions(sheet: Sheet, *, year: int, quarter: int, resolver: UnitResolver) -> list[DeductionRow]:
    found = find_header_row(sheet, "单位")
    if found is None:
        raise ImportRejected([RowError(1, "表头", "前10行中找不到“单位”列")])
    header_index, _ = found
    header_row, header_values = sheet.rows[header_index]
    columns: dict[str, int] = {}
    for column, value in enumerate(header_values):
        title = header_title(value)
        if title in COLUMNS and title not in columns:
            columns[title] = column
    missing = [name for name in COLUMNS if name not in columns]
    if missing:
        raise ImportRejected([RowError(header_row, "表头", f"缺少“{name}”列") for name in missing])
    months = quarter_months(quarter)

    errors: list[RowError] = []
    rows: list[DeductionRow] = []
    seen: dict[tuple[int, str], int] = {}
    for excel_row, values in sheet.rows[header_index + 1 :]:
        if is_blank(values):
            continue
        parser = RowParser(excel_row, errors)

        def cell(name, values=values):
            column = columns[name]
            return values[column] if column < len(values) else None

        name = parser.text(cell("单位"), "单位")
        unit = None
        if name:
            try:
                unit = resolver.resolve(name)
            except UnitNotFound as exc:
                parser.error("单位", str(exc))
        reason = parser.text(cell("事项"), "事项")
        points = parser.points(cell("减分"), "减分")
        if unit is not None and not any(unit.is_assessed_in(datetime.date(year, m, 1)) for m in months):
            parser.error("单位", f"{unit.name}在{year}年第{quarter}季度不在考核范围内")
        if unit is not None and reason:
            key = (unit.pk, reason)
            if key in seen:
                parser.error("事项", f"{unit.name}的“{reason}”与第{seen[key]}行重复")
            else:
                seen[key] = excel_row
        if parser.ok:
            rows.append(DeductionRow(excel_row, unit, reason, points))
    if errors:
        raise ImportRejected(errors, rows=rows)
    return rows
