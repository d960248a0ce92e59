"""The report's tables as a workbook: one sheet per table, headers and labels merged exactly as in
the national format, numbers as numbers. Empty values give the template to fill in offline; the
import (``importers.py``) reads the same rows back."""

from __future__ import annotations

from core.xlsx import SheetSpec, build_workbook

from .content import ReportContent
from .layout import TABLES
from .tables import table_data

WIDTHS = {
    "active": [30, 18, 18, 18],
    "requests": [10, 16, 46, 9, 9, 9, 11, 11, 9, 9],
    "appeals": [9] * 15,
}
TEMPLATE_NOTE = (
    "填写说明：每一格都应填写，没有的填0；总计可以不填（导入时自动计算，填了则核对）。不要改动各行开头的项目名称。"
)


def report_workbook(content: ReportContent, *, template: bool = False) -> bytes:
    sheets = []
    title = f"{content.title}（草稿，{content.draft_note}）" if content.draft_note and not template else content.title
    for table in TABLES:
        data = table_data(table, None if template else content.values)
        if template and table.key == "requests":
            data.note = TEMPLATE_NOTE
        sheet = SheetSpec.of_table(
            table.title, f"{title}　{table.title}", data, WIDTHS[table.key], landscape=table.key == "appeals"
        )
        sheet.places_as_written = True  # 本年收费金额 as the unit typed it (1.20, 0.012345)
        sheets.append(sheet)
    return build_workbook(sheets, watermark="草稿" if content.draft_note and not template else "")
