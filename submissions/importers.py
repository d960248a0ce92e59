"""Parsing of the office's Excel sheets of publication counts and article totals."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from linzi_gk.imports import (
    ImportRejected,
    RowError,
    RowParser,
    Sheet,
    find_header_row,
    header_title,
    is_blank,
    parse_month_title,
)
from units.models import Unit
from units.selectors import UnitNotFound, UnitResolver

UNIT_COLUMN = "单位"


@dataclass(frozen=True)
class PublicationRow:
    row: int
    unit: Unit
    month: int
    count: int


@dataclass(frozen=True)
class ArticleTallyRow:
    row: int
    unit: Unit
    month: int
    submitted: int
    non_compliant: int
    city_adopted: int
    province_adopted: int


def _resolve(parser: RowParser, resolver: UnitResolver, name: str) -> Unit | None:
    try:
        return resolver.resolve(name)
    except UnitNotFound as exc:
        parser.error(UNIT_COLUMN, str(exc))
        return None


def _check_assessed(parser: RowParser, unit: Unit, year: int, month: int, field_name: str) -> None:
    if not unit.is_assessed_in(datetime.date(year, month, 1)):
        parser.error(field_name, f"{unit.name}在{year}年{month}月不在考核范围内")


def parse_publications(sheet: Sheet, *, year: int, resolver: UnitResolver) -> list[PublicationRow]:
    """A header row with a 单位 column and month columns (7月, 8月 …), one row per unit.

    Month titles may also stand in the next header row, under a merged group title, as in the
    published statistics tables.
    """
    errors: list[RowError] = []
    found = find_header_row(sheet, UNIT_COLUMN)
    if found is None:
        raise ImportRejected([RowError(1, "表头", "前10行中找不到“单位”列")])
    header_index, unit_column = found
    month_columns: dict[int, int] = {}
    last_header = header_index
    for offset in range(3):
        index = header_index + offset
        if index >= len(sheet.rows):
            break
        excel_row, values = sheet.rows[index]
        for column, value in enumerate(values):
            title = header_title(value)
            month = parse_month_title(title)
            if month is None:
                continue
            if not 1 <= month <= 12:
                errors.append(RowError(excel_row, title, "月份应在1月至12月之间"))
            elif month in month_columns.values():
                errors.append(RowError(excel_row, title, "月份列重复"))
            else:
                month_columns[column] = month
                last_header = index
        if month_columns:
            break
    if not month_columns and not errors:
        errors.append(RowError(sheet.rows[header_index][0], "表头", "找不到月份列（应为“7月”“8月”等）"))
    if errors:
        raise ImportRejected(errors)

    rows: list[PublicationRow] = []
    seen: dict[int, int] = {}
    for excel_row, values in sheet.rows[last_header + 1 :]:
        if is_blank(values):
            continue
        parser = RowParser(excel_row, errors)
        name = parser.text(values[unit_column] if unit_column < len(values) else None, UNIT_COLUMN)
        unit = _resolve(parser, resolver, name) if name else None
        if unit is not None:
            if unit.pk in seen:
                parser.error(UNIT_COLUMN, f"{unit.name}与第{seen[unit.pk]}行重复")
            else:
                seen[unit.pk] = excel_row
        cells = []
        for column, month in month_columns.items():
            value = values[column] if column < len(values) else None
            title = f"{month}月"
            count = parser.count(value, title, required=False)
            if count is None or unit is None:
                continue
            _check_assessed(parser, unit, year, month, title)
            cells.append(PublicationRow(excel_row, unit, month, count))
        if parser.ok:
            rows.extend(cells)
    if errors:
        raise ImportRejected(errors, rows=rows)
    return rows


ARTICLE_COLUMNS = {
    "单位": True,
    "月份": True,
    "投稿件数": True,
    "不合格件数": False,
    "市级采用": False,
    "省级采用": False,
}


def parse_article_tallies(sheet: Sheet, *, year: int, resolver: UnitResolver) -> list[ArticleTallyRow]:
    """Columns 单位, 月份 (1–12), 投稿件数 and optionally 不合格件数, 市级采用, 省级采用."""
    found = find_header_row(sheet, UNIT_COLUMN)
    if found is None:
        raise ImportRejected([RowError(1, "表头", "前10行中找不到“单位”列")])
    header_index, _ = found
    header_row, header_values = sheet.rows[header_index]
    columns: dict[str, int] = {}
    for column, value in enumerate(header_values):
        title = header_title(value)
        if title in ARTICLE_COLUMNS and title not in columns:
            columns[title] = column
    missing = [name for name, required in ARTICLE_COLUMNS.items() if required and name not in columns]
    if missing:
        raise ImportRejected([RowError(header_row, "表头", f"缺少“{name}”列") for name in missing])

    def cell(values, name):
        column = columns.get(name)
        return values[column] if column is not None and column < len(values) else None

    errors: list[RowError] = []
    rows: list[ArticleTallyRow] = []
    seen: dict[tuple[int, int], int] = {}
    for excel_row, values in sheet.rows[header_index + 1 :]:
        if is_blank(values):
            continue
        parser = RowParser(excel_row, errors)
        name = parser.text(cell(values, "单位"), "单位")
        unit = _resolve(parser, resolver, name) if name else None
        month_text = header_title(cell(values, "月份")).removesuffix("份").removesuffix("月")
        month = parser.count(month_text, "月份")
        if month is not None and not 1 <= month <= 12:
            parser.error("月份", f"应在1至12之间（{month}）")
            month = None
        submitted = parser.count(cell(values, "投稿件数"), "投稿件数")
        non_compliant = parser.count(cell(values, "不合格件数"), "不合格件数", required=False) or 0
        city = parser.count(cell(values, "市级采用"), "市级采用", required=False) or 0
        province = parser.count(cell(values, "省级采用"), "省级采用", required=False) or 0
        if submitted is not None and non_compliant > submitted:
            parser.error("不合格件数", f"不合格件数（{non_compliant}）大于投稿件数（{submitted}）")
        if unit is not None and month is not None:
            key = (unit.pk, month)
            if key in seen:
                parser.error("单位", f"{unit.name}{month}月与第{seen[key]}行重复")
            else:
                seen[key] = excel_row
            _check_assessed(parser, unit, year, month, "月份")
        if parser.ok:
            rows.append(ArticleTallyRow(excel_row, unit, month, submitted, non_compliant, city, province))
    if errors:
        raise ImportRejected(errors, rows=rows)
    return rows
