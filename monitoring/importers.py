"""Parsing of the columns sheet: 单位 | 栏目名称 | 网址 | 更新要求 (optional CSS选择器, 计入发布数)."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from core.imports import Columns, ImportRejected, RowError, RowParser, Sheet, cell_text, is_blank
from core.imports.writing import validate_instance
from units.models import Unit
from units.selectors import UnitNotFound, UnitResolver

from .crawler.extract import SelectorError, compile_selector
from .models import Column, Requirement

COLUMNS = ("单位", "栏目名称", "网址", "更新要求")
OPTIONAL = ("CSS选择器", "计入发布数")
TITLES = {"name": "栏目名称", "url": "网址", "requirement": "更新要求", "selector": "CSS选择器"}
REQUIREMENTS = {
    **{r.value: r.value for r in Requirement},
    "按月": Requirement.MONTHLY,
    "每个月": Requirement.MONTHLY,
    "按季度": Requirement.QUARTERLY,
    "每个季度": Requirement.QUARTERLY,
    "按年": Requirement.YEARLY,
    "每年度": Requirement.YEARLY,
    "按年度": Requirement.YEARLY,
}
YES, NO = ("是", "计入", "1", "y", "yes"), ("否", "不计入", "0", "n", "no")
URL = URLValidator(schemes=["http", "https"])


@dataclass(frozen=True)
class ColumnRow:
    row: int
    unit: Unit
    name: str
    url: str
    requirement: str
    selector: str
    counts_publications: bool


def requirement_of(text: str) -> str | None:
    return REQUIREMENTS.get("".join(text.split()))


def url_problem(text: str) -> str:
    """Why ``text`` is not a column's address ("" when it is): written in full, as the page's own
    address (many government sites answer only http://, so a scheme is never guessed)."""
    try:
        URL(text)
    except ValidationError:
        return f"“{text[:60]}”不是有效的网址，应以http://或https://开头"
    return ""


def _url(parser: RowParser, text: str) -> str:
    if problem := url_problem(text):
        parser.error("网址", problem)
        return ""
    return text


def _parse_row(parser: RowParser, columns: Columns, values, resolver: UnitResolver) -> ColumnRow | None:
    name = parser.text(columns.cell(values, "单位"), "单位", max_length=100)
    unit = None
    if name:
        try:
            unit = resolver.resolve(name)
        except UnitNotFound as exc:
            parser.error("单位", str(exc), unknown_unit=exc.unknown)
    column_name = " ".join(parser.text(columns.cell(values, "栏目名称"), "栏目名称", max_length=100).split())
    url = parser.text(columns.cell(values, "网址"), "网址", max_length=500)
    url = _url(parser, url) if url else ""
    text = parser.text(columns.cell(values, "更新要求"), "更新要求")
    requirement = requirement_of(text) if text else None
    if text and requirement is None:
        parser.error("更新要求", f"应为每月、每季度、每年或长期（现为“{text[:20]}”）")
    selector = parser.text(columns.cell(values, "CSS选择器"), "CSS选择器", required=False, max_length=200)
    if selector:
        try:
            compile_selector(selector)
        except SelectorError as exc:
            parser.error("CSS选择器", str(exc))
    counted = cell_text(columns.cell(values, "计入发布数")).lower()
    if counted and counted not in YES + NO:
        parser.error("计入发布数", f"应为“是”或“否”（现为“{counted[:10]}”）")
    if not parser.ok:
        return None
    row = ColumnRow(parser.row, unit, column_name, url, requirement, selector, counted not in NO)
    candidate = Column(name=row.name, url=row.url, requirement=row.requirement, selector=row.selector)
    validate_instance(parser, candidate, TITLES)
    return row if parser.ok else None


def parse_columns(sheet: Sheet, *, resolver: UnitResolver) -> list[ColumnRow]:
    try:
        columns = Columns(sheet, required=COLUMNS, optional=OPTIONAL)
    except ImportRejected as exc:
        exc.sheet = sheet.name
        raise
    errors: list[RowError] = []
    rows: list[ColumnRow] = []
    seen: dict[tuple[int, str], int] = {}
    for excel_row, values in columns.body:
        if is_blank(values):
            continue
        parser = RowParser(excel_row, errors)
        row = _parse_row(parser, columns, values, resolver)
        if row is None:
            continue
        key = (row.unit.pk, row.name)
        if key in seen:
            parser.error("栏目名称", f"{row.unit.name}的“{row.name}”与第{seen[key]}行重复")
            continue
        seen[key] = excel_row
        rows.append(row)
    if errors:
        raise ImportRejected(errors, rows=rows, sheet=sheet.name)
    return rows
