"""Notice data to an Excel workbook: one sheet per attachment, the same tables as the PDF (the
statistics and submissions tables are defined once), page numbers in the footer and, on a draft,
草稿 in the header of every printed page."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from core.tabular import Cell
from core.xlsx import SheetSpec, build_workbook
from scoring.exports import stats_widths
from scoring.statistics import stats_table

from .article_attachment import submissions_table, table_widths
from .models import Notice
from .notice_data import DRAFT_MARK, AttachmentData, NoticeData


def _num(text: str) -> Decimal | None:
    return Decimal(text) if text not in ("", None) else None


def _sheet(att: AttachmentData) -> SheetSpec:
    name = f"附件{att.number}"
    if att.kind in (Notice.AttachmentKind.STATS_DEPARTMENTS, Notice.AttachmentKind.STATS_TOWNS):
        return SheetSpec.of_table(
            name, att.title, stats_table(att.months, att.stats, note=att.note), stats_widths(att.months)
        )
    if att.kind == Notice.AttachmentKind.SUBMISSIONS:
        table = submissions_table(att.months, att.submissions, style=att.style, note=att.note)
        return SheetSpec.of_table(
            name, att.title, table, table_widths(len(att.months), att.style, unit=30, month=12, other=10)
        )
    if att.kind == Notice.AttachmentKind.DEDUCTIONS:
        header = [[Cell("序号"), Cell("单位"), Cell("减分情况"), Cell("共减（分）")]]
        rows = [
            [i, s.split("：", 1)[0], s.split("：", 1)[1], _num(total)]
            for i, (s, total) in enumerate(zip(att.sentences, att.deduction_totals, strict=True), start=1)
        ]
        rows = rows or [[Cell("本季度无减分单位。", colspan=4)]]
        return SheetSpec(name, att.title, header, rows, [6, 28, 80, 10], landscape=True, text_columns={1, 2})
    header = [[Cell("序号"), Cell("单位"), Cell("检查发现问题")]]
    rows = [[i, e.unit, "".join(e.texts)] for i, e in enumerate(att.findings, start=1)]
    rows = rows or [[Cell("本季度检查未发现问题。", colspan=3)]]
    return SheetSpec(name, att.title, header, rows, [6, 28, 90], landscape=True, text_columns={1, 2})


def _corrected(sheet: SheetSpec, correction: str) -> SheetSpec:
    """The sheet of a corrected issue: 第N版 and the 更正说明 under its table."""
    note = f"{sheet.note}\n{correction}" if sheet.note else correction
    return replace(sheet, note=note)


def notice_xlsx(data: NoticeData, *, draft: bool = False, correction: str = "") -> bytes:
    """One sheet per attachment (a notice without attachments gets one sheet saying so); ``draft``
    prints 草稿 at the head of every page (an issued notice never has it); ``correction`` (第2版 and
    the 更正说明) is printed under every sheet's table."""
    sheets = [_sheet(att) for att in data.attachments] or [
        SheetSpec("说明", data.title, [[Cell("说明")]], [["本通报没有附件表格。"]], [80], text_columns={0})
    ]
    if correction:
        sheets = [_corrected(sheet, correction) for sheet in sheets]
    return build_workbook(sheets, watermark=DRAFT_MARK if draft else "")
