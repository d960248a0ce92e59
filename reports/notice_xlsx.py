"""Notice data to an Excel workbook: one sheet per attachment."""

from __future__ import annotations

from decimal import Decimal

from core.tabular import Cell
from core.xlsx import SheetSpec, build_workbook
from scoring.exports import stats_widths
from scoring.statistics import stats_table

from .models import Notice
from .notice_data import AttachmentData, NoticeData


def _num(text: str) -> Decimal | None:
    return Decimal(text) if text not in ("", None) else None


def _sheet(att: AttachmentData) -> SheetSpec:
    name = f"附件{att.number}"
    if att.kind in (Notice.AttachmentKind.STATS_DEPARTMENTS, Notice.AttachmentKind.STATS_TOWNS):
        return SheetSpec.of_table(name, att.title, stats_table(att.months, att.stats), stats_widths(att.months))
    if att.kind == Notice.AttachmentKind.SUBMISSIONS:
        header = [
            [
                Cell("序号", rowspan=2),
                Cell("单位", rowspan=2),
                *[Cell(f"{m}月", colspan=2) for m in att.months],
                Cell("市级采用", rowspan=2),
                Cell("省级采用", rowspan=2),
                Cell("加分", rowspan=2),
            ],
            [cell for _ in att.months for cell in (Cell("投稿件数"), Cell("不符合条件"))],
        ]
        rows = [
            [
                i,
                r.unit,
                *[v for pair in zip(r.submitted, r.non_compliant, strict=True) for v in pair],
                r.city_adopted,
                r.province_adopted,
                _num(r.bonus),
            ]
            for i, r in enumerate(att.submissions, start=1)
        ]
        widths = [6, 30, *([9] * (2 * len(att.months))), 9, 9, 7]
        return SheetSpec(name, att.title, header, rows, widths, landscape=True, text_columns={1})
    if att.kind == Notice.AttachmentKind.DEDUCTIONS:
        header = [[Cell("序号"), Cell("单位"), Cell("减分情况"), Cell("共减（分）")]]
        rows = [
            [i, s.split("：", 1)[0], s.split("：", 1)[1], _num(total)]
            for i, (s, total) in enumerate(zip(att.sentences, att.deduction_totals, strict=True), start=1)
        ]
        return SheetSpec(name, att.title, header, rows, [6, 28, 80, 10], landscape=True, text_columns={1, 2})
    header = [[Cell("序号"), Cell("单位"), Cell("检查发现问题")]]
    rows = [[i, e.unit, "".join(e.texts)] for i, e in enumerate(att.findings, start=1)]
    return SheetSpec(name, att.title, header, rows, [6, 28, 90], landscape=True, text_columns={1, 2})


def notice_xlsx(data: NoticeData) -> bytes:
    """One sheet per attachment (a notice without attachments gets one sheet saying so)."""
    sheets = [_sheet(att) for att in data.attachments] or [
        SheetSpec("说明", data.title, [[Cell("说明")]], [["本通报没有附件表格。"]], [80], text_columns={0})
    ]
    return build_workbook(sheets)
