"""Parsing of the office's sheet of deduction items (单位 | 事项 | 减分)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from core.calendar import Quarter
from core.imports import Columns, ImportRejected, RowError, RowParser, Sheet, cell_text, is_blank
from core.imports.totals import SkippedRows, row_label_kind
from core.imports.writing import validate_instance
from units.models import Unit
from units.selectors import UnitNotFound, UnitResolver

from .models import Deduction
from .reasons import deduction_kind

COLUMNS = ("单位", "事项", "减分")
TITLES = {"reason": "事项", "points": "减分"}


@dataclass(frozen=True)
class DeductionRow:
    row: int
    unit: Unit
    reason: str
    points: Decimal
    kind: str = Deduction.Kind.OTHER


def parse_deductions(sheet: Sheet, *, year: int, quarter: int, resolver: UnitResolver) -> list[DeductionRow]:
    try:
        columns = Columns(sheet, required=COLUMNS)
    except ImportRejected as exc:
        exc.sheet = sheet.name
        raise
    period = Quarter(year, quarter)
    reason_length = Deduction._meta.get_field("reason").max_length
    errors: list[RowError] = list(columns.unread)
    rows: list[DeductionRow] = []
    seen: dict[tuple[int, str], int] = {}
    skipped = SkippedRows()
    for excel_row, values in columns.body:
        if is_blank(values) or all(cell_text(columns.cell(values, t)) == "" for t in ("事项", "减分")):
            continue  # a unit of the template without items
        unit_cell = columns.seen(excel_row, values, "单位")  # a unit merged down over its items
        if row_label_kind(unit_cell, values, has_figures=True):
            skipped.add(excel_row, unit_cell, values)
            continue
        parser = RowParser(excel_row, errors)
        name = parser.text(unit_cell, "单位", max_length=100)
        unit = None
        if name:
            try:
                unit = resolver.resolve(name)
            except UnitNotFound as exc:
                parser.error("单位", str(exc), unknown_unit=exc.unknown)
        reason = parser.text(columns.cell(values, "事项"), "事项", max_length=reason_length)
        points = parser.points(columns.cell(values, "减分"), "减分")
        if unit is not None and not any(unit.is_assessed_in(m.start) for m in period.months):
            parser.error("单位", f"{unit.name}在{year}年第{quarter}季度不在考核范围内")
        if unit is not None and reason:
            key = (unit.pk, reason)
            if key in seen:
                parser.error("事项", f"{unit.name}的“{reason}”与第{seen[key]}行重复")
            else:
                seen[key] = excel_row
        if parser.ok:
            validate_instance(parser, Deduction(year=year, quarter=quarter, reason=reason, points=points), TITLES)
        if parser.ok:
            rows.append(DeductionRow(excel_row, unit, reason, points, deduction_kind(reason)))
    sheet.notices += skipped.notices()
    if errors:
        raise ImportRejected(errors, rows=rows, sheet=sheet.name)
    return rows
