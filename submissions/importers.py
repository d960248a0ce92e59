"""Parsing of the office's Excel sheets of publication counts and article totals.

Every check the commit runs happens here, before anything is written: cell types and bounds, the
unit's assessed period, duplicate rows, and the model's own validation.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from django.utils import timezone
from openpyxl.utils import get_column_letter

from core.imports import (
    Columns,
    ImportRejected,
    MergedGrid,
    RowError,
    RowParser,
    Sheet,
    cell_text,
    find_header_row,
    header_title,
    is_blank,
    unread_columns,
)
from core.imports.columns import range_name
from core.imports.parsing import parse_month_title
from core.imports.totals import SkippedRows, row_label_kind
from core.imports.writing import validate_instance
from units.models import Unit
from units.selectors import UnitNotFound, UnitResolver

from .models import MonthlyArticleTally

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

    @property
    def values(self) -> tuple[int, int, int, int]:
        return (self.submitted, self.non_compliant, self.city_adopted, self.province_adopted)


def resolve_unit_cell(parser: RowParser, resolver: UnitResolver, value, column: str = UNIT_COLUMN) -> Unit | None:
    name = parser.text(value, column, max_length=100)
    if not name:
        return None
    try:
        return resolver.resolve(name)
    except UnitNotFound as exc:
        parser.error(column, str(exc), unknown_unit=exc.unknown)
        return None


def _check_assessed(parser: RowParser, unit: Unit, year: int, month: int, field_name: str) -> None:
    if datetime.date(year, month, 1) > timezone.localdate():
        # A figure for a month to come: most likely the year chosen on the upload page is wrong.
        parser.error(field_name, f"{year}年{month}月尚未开始，不能导入该月的数字；请核对所选年度")
    elif not unit.is_assessed_in(datetime.date(year, month, 1)):
        parser.error(field_name, f"{unit.name}在{year}年{month}月不在考核范围内")


def _month_columns(sheet: Sheet, header_index: int) -> tuple[dict[int, int], int]:
    """Columns titled 7月, 8月 … in the header row or up to two rows below it (merged group titles).

    A month title merged over several columns is refused: which of them holds the month is unknown.
    """
    grid = MergedGrid(sheet)
    errors: list[RowError] = []
    month_columns: dict[int, int] = {}
    for index in range(header_index, min(header_index + 3, len(sheet.rows))):
        excel_row, values = sheet.rows[index]
        for column, value in enumerate(values):
            title = header_title(value)
            month = parse_month_title(title)
            if month is None:
                continue
            merge = grid.merge_at(excel_row, column + 1)
            if merge is not None and merge[1] != merge[3]:
                letters = f"{get_column_letter(merge[1])}列至{get_column_letter(merge[3])}列"
                errors.append(
                    RowError(
                        excel_row,
                        title,
                        f"表头是合并单元格（{range_name(merge)}），跨{letters}，无法确定哪一列是{month}月的发布数；"
                        "请取消合并，每个月一列",
                    )
                )
            elif not 1 <= month <= 12:
                errors.append(RowError(excel_row, title, "月份应在1月至12月之间"))
            elif month in month_columns.values():
                errors.append(RowError(excel_row, title, "月份列重复"))
            else:
                month_columns[column] = month
        if month_columns or errors:
            if errors:
                raise ImportRejected(errors, sheet=sheet.name)
            return month_columns, index
    raise ImportRejected(
        [RowError(sheet.rows[header_index][0], "表头", "找不到月份列（应为“7月”“8月”等）")], sheet=sheet.name
    )


def parse_publications(sheet: Sheet, *, year: int, resolver: UnitResolver) -> list[PublicationRow]:
    """A header row with a 单位 column and month columns (7月, 8月 …), one row per unit; a column
    with figures but no month title is refused, other titled columns are named in a notice."""
    found = find_header_row(sheet, UNIT_COLUMN)
    if found is None:
        raise ImportRejected([RowError(1, "表头", "前10行中找不到“单位”列")], sheet=sheet.name)
    header_index, unit_column = found
    month_columns, last_header = _month_columns(sheet, header_index)
    errors, notices = unread_columns(
        sheet,
        header_rows=range(sheet.rows[header_index][0], sheet.rows[last_header][0] + 1),
        used={unit_column + 1, *(column + 1 for column in month_columns)},
        titles={f"{month}月" for month in month_columns.values()},
    )
    sheet.notices += notices
    rows: list[PublicationRow] = []
    seen: dict[int, int] = {}
    skipped = SkippedRows()
    for excel_row, values in sheet.rows[last_header + 1 :]:
        if is_blank(values):
            continue
        name = values[unit_column] if unit_column < len(values) else None
        figures = any(cell_text(values[column]) != "" for column in month_columns if column < len(values))
        if row_label_kind(name, values, has_figures=figures):
            skipped.add(excel_row, name, values)
            continue
        parser = RowParser(excel_row, errors)
        unit = resolve_unit_cell(parser, resolver, name)
        if unit is not None:
            if unit.pk in seen:
                parser.error(UNIT_COLUMN, f"{unit.name}与第{seen[unit.pk]}行重复")
            else:
                seen[unit.pk] = excel_row
        cells = []
        for column, month in month_columns.items():
            title = f"{month}月"
            count = parser.count(values[column] if column < len(values) else None, title, required=False)
            if count is None or unit is None:
                continue
            _check_assessed(parser, unit, year, month, title)
            cells.append(PublicationRow(excel_row, unit, month, count))
        if parser.ok:
            rows.extend(cells)
    sheet.notices += skipped.notices()
    if errors:
        raise ImportRejected(errors, rows=rows, sheet=sheet.name)
    return rows


ARTICLE_REQUIRED = ("单位", "月份", "投稿件数")
ARTICLE_OPTIONAL = ("不合格件数", "市级采用", "省级采用")
TALLY_TITLES = {
    "submitted": "投稿件数",
    "non_compliant": "不合格件数",
    "city_adopted": "市级采用",
    "province_adopted": "省级采用",
}


NUMBERISH = re.compile(r"^[-+]?\d[\d,.]*(?:[eE][-+]?\d+)?$")
CN_MONTHS = {name: number for number, name in enumerate("一二三四五六七八九十", start=1)} | {"十一": 11, "十二": 12}


def _month_cell(parser: RowParser, value) -> int | None:
    """A month as the office writes it: 10, 10月, 10月份 or 十月; 1 to 12."""
    text = header_title(value)
    bare = text.removesuffix("份").removesuffix("月")
    if bare in CN_MONTHS:
        return CN_MONTHS[bare]
    if text and not NUMBERISH.match(bare):
        parser.error("月份", f"“{text[:30]}”不是月份，应填1至12（或“10月”）")
        return None
    month = parser.count(bare, "月份")
    if month is not None and not 1 <= month <= 12:
        parser.error("月份", f"应在1至12之间（{month}）")
        return None
    return month


def parse_article_tallies(sheet: Sheet, *, year: int, resolver: UnitResolver) -> list[ArticleTallyRow]:
    """Columns 单位, 月份 (1–12), 投稿件数 and optionally 不合格件数, 市级采用, 省级采用."""
    try:
        columns = Columns(sheet, required=ARTICLE_REQUIRED, optional=ARTICLE_OPTIONAL)
    except ImportRejected as exc:
        exc.sheet = sheet.name
        raise
    errors: list[RowError] = list(columns.unread)
    rows: list[ArticleTallyRow] = []
    seen: dict[tuple[int, int], int] = {}
    skipped = SkippedRows()
    for excel_row, values in columns.body:
        if is_blank(values) or all(cell_text(columns.cell(values, t)) == "" for t in TALLY_TITLES.values()):
            continue  # a row of the template left without figures
        name = columns.seen(excel_row, values, "单位")
        if row_label_kind(name, values, has_figures=True):
            skipped.add(excel_row, name, values)
            continue
        parser = RowParser(excel_row, errors)
        unit = resolve_unit_cell(parser, resolver, name)
        month = _month_cell(parser, columns.seen(excel_row, values, "月份"))
        figures = [parser.count(columns.cell(values, "投稿件数"), "投稿件数")] + [
            parser.count(columns.cell(values, title), title, required=False) or 0 for title in ARTICLE_OPTIONAL
        ]
        if figures[0] is not None and figures[1] > figures[0]:
            parser.error("不合格件数", f"不合格件数（{figures[1]}）大于投稿件数（{figures[0]}）")
        if unit is not None and month is not None:
            key = (unit.pk, month)
            if key in seen:
                parser.error("单位", f"{unit.name}{month}月与第{seen[key]}行重复")
            else:
                seen[key] = excel_row
            _check_assessed(parser, unit, year, month, "月份")
        if parser.ok:
            tally = MonthlyArticleTally(year=year, month=month, **dict(zip(TALLY_TITLES, figures, strict=True)))
            validate_instance(parser, tally, TALLY_TITLES)
        if parser.ok:
            rows.append(ArticleTallyRow(excel_row, unit, month, *figures))
    sheet.notices += skipped.notices()
    if errors:
        raise ImportRejected(errors, rows=rows, sheet=sheet.name)
    return rows
