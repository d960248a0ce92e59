"""Parsing the office's work-plan tables: 附件1 (重点工作任务分解表) and 附件2 (区直部门牵头重点公开工作清单).

The sheet is read as a person sees it in Word or Excel: a cell under a merged range shows the
value of the range (工作任务, 责任单位 and 时限要求 span several tasks), a blank cell that is not
under a merge is blank. A range merged across 工作任务 and 工作要求 is the requirement of a task
without a second-level area. Every check the commit runs happens here, before anything is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from core.imports import ImportRejected, MergedGrid, RowError, RowParser, Sheet, header_title, is_blank, unread_columns
from core.imports.parsing import HEADER_SCAN_ROWS
from core.imports.writing import validate_instance
from units.models import Unit
from units.selectors import UnitResolver

from .models import Role, Task
from .responsibility import Part, ResponsibilityError, Responsible, expand, parse_responsibility
from .timelimits import TimeLimit, parse_time_limit

PLAN_TITLES = ("序号", "工作任务", "工作要求", "责任单位", "时限要求")
LEADS_TITLES = ("部门", "牵头公开内容", "要求")
LEADS_AREA = "区直部门牵头重点公开工作"
FIELD_TITLES = {
    "number": "序号",
    "area": "工作任务",
    "subarea": "工作任务",
    "requirement": "工作要求",
    "responsible_text": "责任单位",
    "time_limit_text": "时限要求",
}
MAX_NUMBER = 9999


@dataclass(frozen=True)
class ParsedTask:
    row: int
    source: int
    number: int
    area: str
    subarea: str
    requirement: str
    responsible_text: str
    time_limit_text: str
    limit: TimeLimit
    units: list[Responsible] = field(default_factory=list)
    parties: list[Part] = field(default_factory=list)

    @property
    def fields(self) -> dict[str, Any]:
        """The task's stored fields, the understood time limit included."""
        return {
            "area": self.area,
            "subarea": self.subarea,
            "requirement": self.requirement,
            "responsible_text": self.responsible_text,
            "time_limit_text": self.time_limit_text,
            "time_limit_kind": self.limit.kind,
            "due_date": self.limit.due,
            "recurrence": self.limit.recurrence,
            "recurrence_offset": self.limit.offset,
        }


@dataclass
class ParseContext:
    year: int
    resolver: UnitResolver
    groups: dict[str, list[Unit]]
    """Category (or ``*``) → the units a group phrase stands for in this year."""


@dataclass
class Header:
    row: int
    """The Excel row of the header; the body starts after ``last_row``."""
    last_row: int
    columns: dict[str, list[int]]
    """Title → 1-based columns (工作任务 may have two)."""


def _header(sheet: Sheet, grid: MergedGrid) -> tuple[int, Header]:
    for excel_row, values in sheet.rows[:HEADER_SCAN_ROWS]:
        titles = [header_title(v) for v in values]
        if "序号" in titles and "工作要求" in titles:
            return Task.Source.PLAN, _columns(excel_row, titles, grid, PLAN_TITLES)
        if "牵头公开内容" in titles:
            return Task.Source.LEADS, _columns(excel_row, titles, grid, LEADS_TITLES)
    raise ImportRejected(
        [RowError(1, "表头", f"前{HEADER_SCAN_ROWS}行中找不到“序号”“工作要求”列（附件1）或“牵头公开内容”列（附件2）")],
        sheet=sheet.name,
    )


def _columns(excel_row: int, titles: list[str], grid: MergedGrid, wanted: tuple[str, ...]) -> Header:
    columns: dict[str, list[int]] = {}
    last_row = excel_row
    for index, title in enumerate(titles, start=1):
        merge = grid.merge_at(excel_row, index)
        if merge is not None and merge[0] == excel_row:
            last_row = max(last_row, merge[2])
        if title in wanted:
            span = list(range(index, merge[3] + 1)) if merge and merge[1] == index else [index]
            columns.setdefault(title, []).extend(span)
    missing = [title for title in wanted if title not in columns]
    if missing:
        raise ImportRejected([RowError(excel_row, "表头", f"缺少“{title}”列") for title in missing])
    if len(columns.get("工作任务", [])) > 2:
        raise ImportRejected([RowError(excel_row, "表头", "“工作任务”最多两列（一级、二级）")])
    return Header(excel_row, last_row, columns)


def _responsible(parser: RowParser, text: str, context: ParseContext, *, lead: bool):
    try:
        parts = parse_responsibility(text, context.resolver)
    except ResponsibilityError as exc:
        parser.error("责任单位", str(exc), unknown_unit=exc.unknown)
        return [], []
    if lead:  # 附件2: the department named is the lead of its item
        parts = [
            Part(p.text, Role.LEAD if p.role == Role.RESPONSIBLE else p.role, p.unit, p.group, p.party) for p in parts
        ]
    units, parties = expand(parts, context.groups)
    if not units and not parties:
        parser.error("责任单位", f"“{text[:30]}”中没有可识别的单位")
    return units, parties


def _task_row(parser: RowParser, context: ParseContext, *, source: int, number: int, cells: dict[str, Any]):
    area = parser.text(cells["area"], "工作任务", max_length=200)
    subarea = parser.text(cells["subarea"], "工作任务", required=False, max_length=200)
    requirement = parser.text(cells["requirement"], "工作要求", max_length=3000)
    responsible = parser.text(cells["responsible"], "责任单位", max_length=1000)
    time_text = parser.text(cells["time_limit"], "时限要求", required=False, max_length=1000)
    units, parties = (
        _responsible(parser, responsible, context, lead=source == Task.Source.LEADS) if responsible else ([], [])
    )
    limit = parse_time_limit(time_text, context.year)
    parsed = ParsedTask(
        parser.row, source, number, area, subarea, requirement, responsible, time_text, limit, units, parties
    )
    if parser.ok:
        validate_instance(parser, Task(source=source, number=number, **parsed.fields), FIELD_TITLES)
    return parsed


def _plan_rows(sheet: Sheet, grid: MergedGrid, header: Header, context: ParseContext, errors: list[RowError]):
    task_columns = header.columns["工作任务"]
    requirement = header.columns["工作要求"][0]
    text_columns = (*task_columns, requirement)
    number_column = header.columns["序号"][0]
    seen: dict[int, int] = {}
    rows = []
    for excel_row, values in sheet.rows:
        if excel_row <= header.last_row or is_blank(values):
            continue
        if header_title(grid.raw(excel_row, number_column)) == "序号":
            continue  # the header repeated on a new page
        parser = RowParser(excel_row, errors)
        number = parser.count(grid.raw(excel_row, number_column), "序号")
        if number is not None and not 1 <= number <= MAX_NUMBER:
            parser.error("序号", f"应为1至{MAX_NUMBER}之间的整数（{number}）")
        elif number is not None and number in seen:
            parser.error("序号", f"{number}与第{seen[number]}行重复")
        elif number is not None:
            seen[number] = excel_row

        def cell(column: int) -> Any:
            return grid.value(excel_row, column, text_columns)  # noqa: B023 (used at once)

        cells = {
            "area": cell(task_columns[0]),
            "subarea": cell(task_columns[1]) if len(task_columns) > 1 else None,
            "requirement": cell(requirement),
            "responsible": cell(header.columns["责任单位"][0]),
            "time_limit": cell(header.columns["时限要求"][0]),
        }
        parsed = _task_row(parser, context, source=Task.Source.PLAN, number=number or 0, cells=cells)
        if parser.ok:
            rows.append(parsed)
    return rows


def _leads_rows(sheet: Sheet, grid: MergedGrid, header: Header, context: ParseContext, errors: list[RowError]):
    rows = []
    number = 0
    for excel_row, values in sheet.rows:
        if excel_row <= header.last_row or is_blank(values):
            continue
        number += 1
        parser = RowParser(excel_row, errors)
        cells = {
            "area": LEADS_AREA,
            "subarea": grid.value(excel_row, header.columns["牵头公开内容"][0]),
            "requirement": grid.value(excel_row, header.columns["要求"][0]),
            "responsible": grid.value(excel_row, header.columns["部门"][0]),
            "time_limit": None,
        }
        parsed = _task_row(parser, context, source=Task.Source.LEADS, number=number, cells=cells)
        if parser.ok:
            rows.append(parsed)
    return rows


def parse_work_plan(sheet: Sheet, context: ParseContext) -> list[ParsedTask]:
    """The tasks of 附件1 (or the items of 附件2, as tasks of source 附件2); all rows checked at once."""
    grid = MergedGrid(sheet)
    try:
        source, header = _header(sheet, grid)
    except ImportRejected as exc:
        exc.sheet = sheet.name
        raise
    read = {columns[0] for columns in header.columns.values()} | set(header.columns.get("工作任务", []))
    errors, notices = unread_columns(
        sheet, header_rows=range(header.row, header.last_row + 1), used=read, titles=header.columns
    )
    sheet.notices += notices
    reader = _plan_rows if source == Task.Source.PLAN else _leads_rows
    rows = reader(sheet, grid, header, context, errors)
    if errors:
        raise ImportRejected(errors, rows=rows, sheet=sheet.name)
    if not rows:
        raise ImportRejected([RowError(header.row, "表头", "表头下没有任务行")], sheet=sheet.name)
    return rows
