"""Workbooks of a plan: every ledger in the 附件3 layout (one combined sheet, one sheet per unit)
and the progress matrix. The selectors give the rows; :mod:`core.xlsx` writes them."""

from __future__ import annotations

import io

from openpyxl import Workbook

from core.formatting import format_cn_date
from core.tabular import Cell
from core.xlsx import SheetSpec, add_sheet

from .models import WorkPlan
from .overviews import LedgerSheet
from .selectors import Matrix

LEDGER_HEADER = ["序号", "工作任务", "工作举措", "时限要求", "单位分管领导", "责任科室"]
"""附件3 政务公开工作任务台账（示例）, column by column."""
LEDGER_WIDTHS = [6, 40, 40, 24, 12, 14]
COMBINED_HEADER = [
    "序号",
    "单位",
    "方案序号",
    "工作任务",
    "工作举措",
    "时限要求",
    "单位分管领导",
    "责任科室",
    "报送情况",
]
COMBINED_WIDTHS = [6, 18, 8, 36, 36, 22, 12, 14, 16]
FIRST_BODY_ROW = 3
"""Row 1 is the title, row 2 the header (:func:`core.xlsx.add_sheet`)."""


def _merge_down(ws, column: int, spans: list[tuple[int, int]]) -> None:
    """Merge a task's cells over its measures, as the office's Word table does."""
    for first, count in spans:
        if count > 1:
            top = FIRST_BODY_ROW + first
            ws.merge_cells(start_row=top, start_column=column, end_row=top + count - 1, end_column=column)


def _unit_rows(sheet: LedgerSheet) -> tuple[list[list[object]], list[tuple[int, int]]]:
    rows: list[list[object]] = []
    spans = []
    for number, (task, measures) in enumerate(sheet.tasks, start=1):
        spans.append((len(rows), max(1, len(measures))))
        if not measures:
            rows.append([number, task.requirement, "", "", "", ""])
        for row in measures:
            rows.append([number, task.requirement, row.measure, row.time_limit, row.leader, row.office])
    return rows, spans


def _sheet_name(name: str, used: set[str]) -> str:
    clean = "".join(c for c in name if c not in "[]:*?/\\")[:31]
    candidate, index = clean, 2
    while candidate in used:
        suffix = f"({index})"
        candidate, index = clean[: 31 - len(suffix)] + suffix, index + 1
    used.add(candidate)
    return candidate


def ledger_workbook(plan: WorkPlan, sheets: list[LedgerSheet]) -> bytes:
    """A combined sheet of every unit's ledger, then one sheet per unit in the 附件3 layout."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    combined: list[list[object]] = []
    for sheet in sheets:
        rows, _ = _unit_rows(sheet)
        for (_, requirement, *rest), (task, _) in zip(rows, _task_per_row(sheet), strict=True):
            combined.append([len(combined) + 1, sheet.unit.name, task.label, requirement, *rest, sheet.status_text])
    spec = SheetSpec(
        "汇总",
        f"{plan.year}年政务公开工作任务台账（汇总）",
        [[Cell(title) for title in COMBINED_HEADER]],
        combined,
        COMBINED_WIDTHS,
        landscape=True,
        note=f"台账报送截止日期：{format_cn_date(plan.ledger_deadline)}。",
        text_columns={1, 3, 4, 5},
    )
    add_sheet(workbook, spec)  # a unit's name on each of its rows, so the sheet can be filtered and sorted
    used = {"汇总"}
    for sheet in sheets:
        rows, spans = _unit_rows(sheet)
        spec = SheetSpec(
            _sheet_name(sheet.unit.name, used),
            f"{sheet.unit.name}政务公开工作任务台账",
            [[Cell(title) for title in LEDGER_HEADER]],
            rows,
            LEDGER_WIDTHS,
            landscape=True,
            note=f"报送情况：{sheet.status_text}",
            text_columns={1, 2, 3},
        )
        ws = add_sheet(workbook, spec)
        _merge_down(ws, 1, spans)
        _merge_down(ws, 2, spans)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _task_per_row(sheet: LedgerSheet):
    for task, measures in sheet.tasks:
        for _ in range(max(1, len(measures))):
            yield task, measures


def matrix_workbook(matrix: Matrix) -> bytes:
    """Units × tasks with each state (已完成, 推进中, 未开展, 未报告, 逾期), and a sheet of the tasks."""
    header = [Cell("单位"), *(Cell(f"{t.label}\n{t.short_name}") for t in matrix.tasks), Cell("逾期"), Cell("已完成")]
    rows = [
        [row.unit.name, *(c.summary if c else "" for c in row.cells), row.count("overdue"), row.count("done")]
        for row in matrix.rows
    ]
    states = SheetSpec(
        "进度",
        f"{matrix.plan.year}年政务公开重点工作任务落实情况（截至{format_cn_date(matrix.today)}）",
        [header],
        rows,
        [18] + [9] * len(matrix.tasks) + [6, 7],
        landscape=True,
        note="空白表示该单位不承担此项任务；“逾期”指已过时限而未报告已完成。",
        text_columns={0},
    )
    tasks = SheetSpec(
        "任务",
        f"{matrix.plan.title}任务一览",
        [[Cell("序号"), Cell("工作任务"), Cell("工作要求"), Cell("责任单位"), Cell("时限要求"), Cell("时限类型")]],
        [
            [t.label, t.heading, t.requirement, t.responsible_text, t.time_limit_text, t.time_limit.kind_label]
            for t in matrix.tasks
        ],
        [7, 24, 50, 26, 26, 10],
        landscape=True,
        text_columns={1, 2, 3, 4},
    )
    workbook = Workbook()
    workbook.remove(workbook.active)
    for spec in (states, tasks):
        add_sheet(workbook, spec)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
