"""Notice data to an Excel workbook: one sheet per attachment."""

from __future__ import annotations

from decimal import Decimal

from .models import Notice
from .notice_data import AttachmentData, NoticeData, StatsRow, blank_zero
from .xlsx import HeaderCell, SheetSpec, build_workbook


def _num(text: str) -> Decimal | None:
    return Decimal(text) if text not in ("", None) else None


def stats_sheet(name: str, title: str, months: list[int], stats: list[StatsRow]) -> SheetSpec:
    """序号 | 单位 | 政府网站信息公开发布情况（数量 by month, 累计得分）| 加分 | 减分 | 合计, ranked."""
    header = [
        [
            HeaderCell("序号", rowspan=3),
            HeaderCell("单位", rowspan=3),
            HeaderCell("政府网站信息公开发布情况", colspan=len(months) + 1),
            HeaderCell("加分", rowspan=3),
            HeaderCell("减分", rowspan=3),
            HeaderCell("合计", rowspan=3),
        ],
        [HeaderCell("数量", colspan=len(months)), HeaderCell("累计得分", rowspan=2)],
        [HeaderCell(f"{m}月") for m in months],
    ]
    rows = [
        [
            r.rank,
            r.unit,
            *r.months,
            _num(r.publication_score),
            _num(blank_zero(r.bonus)),
            _num(blank_zero(r.deduction)),
            _num(r.total),
        ]
        for r in stats
    ]
    return SheetSpec(name, title, header, rows, [6, 30, *([8] * len(months)), 10, 8, 8, 8], text_columns={1})


def _sheet(att: AttachmentData) -> SheetSpec:
    name = f"附件{att.number}"
    if att.kind in (Notice.AttachmentKind.STATS_DEPARTMENTS, Notice.AttachmentKind.STATS_TOWNS):
        return stats_sheet(name, att.title, att.months, att.stats)
    if att.kind == Notice.AttachmentKind.SUBMISSIONS:
        header = [
            [
                HeaderCell("序号", rowspan=2),
                HeaderCell("单位", rowspan=2),
                *[HeaderCell(f"{m}月", colspan=2) for m in att.months],
                HeaderCell("市级采用", rowspan=2),
                HeaderCell("省级采用", rowspan=2),
                HeaderCell("加分", rowspan=2),
            ],
            [cell for _ in att.months for cell in (HeaderCell("投稿件数"), HeaderCell("不符合条件"))],
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
        header = [[HeaderCell("序号"), HeaderCell("单位"), HeaderCell("减分情况"), HeaderCell("共减（分）")]]
        rows = [
            [i, s.split("：", 1)[0], s.split("：", 1)[1], _num(total)]
            for i, (s, total) in enumerate(zip(att.sentences, att.deduction_totals, strict=True), start=1)
        ]
        return SheetSpec(name, att.title, header, rows, [6, 28, 80, 10], landscape=True, text_columns={1, 2})
    header = [[HeaderCell("序号"), HeaderCell("单位"), HeaderCell("检查发现问题")]]
    rows = [[i, e.unit, "".join(e.texts)] for i, e in enumerate(att.findings, start=1)]
    return SheetSpec(name, att.title, header, rows, [6, 28, 90], landscape=True, text_columns={1, 2})


def notice_xlsx(data: NoticeData) -> bytes:
    """One sheet per attachment (a notice without attachments gets one sheet saying so)."""
    sheets = [_sheet(att) for att in data.attachments] or [
        SheetSpec("说明", data.title, [[HeaderCell("说明")]], [["本通报没有附件表格。"]], [80], text_columns={0})
    ]
    return build_workbook(sheets)
