"""The blank sheet of the work-plan import: 附件1 重点工作任务分解表 with its header."""

from __future__ import annotations

from core.imports.templates import template_workbook


def work_plan_template(year: int) -> bytes:
    """序号 | 工作任务 | 工作要求 | 责任单位 | 时限要求 (工作任务、责任单位、时限要求 may be merged over
    several tasks, as in the office's Word table)."""
    return template_workbook(
        sheet="附件1",
        title=f"{year}年全区政务公开重点工作任务分解表",
        columns=["序号", "工作任务", "工作要求", "责任单位", "时限要求"],
        rows=[],
        widths=[6, 20, 60, 30, 20],
        text_columns={1, 2, 3, 4},
    )
