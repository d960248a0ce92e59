"""Notice data to bytes: the GB/T 9704 PDF and the Excel workbook."""

from __future__ import annotations

import io
from decimal import Decimal

from pypdf import PdfReader

from .models import Notice
from .notice_data import AttachmentData, NoticeData, StatsRow
from .pdf import Attachment, Cell, OfficialDocument, Paragraph, Table, render_pdf
from .xlsx import HeaderCell, SheetSpec, build_workbook

SUBMISSIONS_NOTE = "注：表中数字为当月投稿件数，括号内数字为不符合条件件数。"


def paragraphs(text: str, kind: str = "body") -> list[Paragraph]:
    return [Paragraph(line.strip(), kind) for line in text.splitlines() if line.strip()]


def _blank_zero(value: str) -> str:
    return "" if value in ("", "0") else value


def _stats_table(att: AttachmentData) -> Table:
    months = att.months
    header = [
        [
            Cell("序号", rowspan=3),
            Cell("单位", rowspan=3),
            Cell("政府网站信息公开发布情况", colspan=len(months) + 1),
            Cell("加分", rowspan=3),
            Cell("减分", rowspan=3),
            Cell("合计", rowspan=3),
        ],
        [Cell("数量", colspan=len(months)), Cell("累计得分", rowspan=2)],
        [Cell(f"{m}月") for m in months],
    ]
    rows = [
        [
            row.rank,
            Cell(row.unit, align="left"),
            *["—" if c is None else c for c in row.months],
            row.publication_score,
            _blank_zero(row.bonus),
            _blank_zero(row.deduction),
            row.total,
        ]
        for row in att.stats
    ]
    return Table(header_rows=header, rows=rows, col_widths_mm=[11, 50, 12, 12, 12, 22, 12, 12, 13])


def _count_text(submitted: int, non_compliant: int) -> str:
    return f"{submitted} ({non_compliant})" if non_compliant else str(submitted)


def _submissions_table(att: AttachmentData) -> Table:
    months = att.months
    header = [
        [
            Cell("单位", rowspan=2),
            Cell("投稿件数", colspan=len(months)),
            Cell("市级采用", rowspan=2),
            Cell("省级采用", rowspan=2),
            Cell("加分", rowspan=2),
        ],
        [Cell(f"{m}月") for m in months],
    ]
    rows = [
        [
            Cell(row.unit, align="left"),
            *[_count_text(s, n) for s, n in zip(row.submitted, row.non_compliant, strict=True)],
            row.city_adopted or "",
            row.province_adopted or "",
            _blank_zero(row.bonus),
        ]
        for row in att.submissions
    ]
    return Table(header_rows=header, rows=rows, col_widths_mm=[48, 16, 16, 16, 20, 20, 20], note=SUBMISSIONS_NOTE)


def _attachment_blocks(att: AttachmentData) -> list:
    if att.kind in (Notice.AttachmentKind.STATS_DEPARTMENTS, Notice.AttachmentKind.STATS_TOWNS):
        return [_stats_table(att)]
    if att.kind == Notice.AttachmentKind.SUBMISSIONS:
        return [_submissions_table(att)]
    if att.kind == Notice.AttachmentKind.DEDUCTIONS:
        return [Paragraph(s) for s in att.sentences] or [Paragraph("本季度无减分单位。")]
    if att.kind == Notice.AttachmentKind.FINDINGS:
        return [Paragraph(f"{e.unit} {''.join(e.texts)}") for e in att.findings] or [
            Paragraph("本季度检查未发现问题。")
        ]
    raise ValueError(f"未知的附件种类：{att.kind}")


def official_document(data: NoticeData) -> OfficialDocument:
    body = [
        *paragraphs(data.basis),
        Paragraph("一、总体情况", "h1"),
        *paragraphs(data.overview),
        Paragraph("二、主要问题", "h1"),
        *paragraphs(data.problems),
        Paragraph("三、工作要求", "h1"),
        *paragraphs(data.requirements),
    ]
    return OfficialDocument(
        issuer=data.signature,
        title=data.title,
        addressee=data.addressee,
        body=body,
        attachment_titles=[a.title for a in data.attachments],
        signature=data.signature,
        date=data.date,
        doc_number=data.doc_number,
        attachments=[
            Attachment(number=a.number, title=a.title, blocks=_attachment_blocks(a)) for a in data.attachments
        ],
    )


def notice_pdf(data: NoticeData) -> bytes:
    return render_pdf(official_document(data))


def pdf_page_count(content: bytes) -> int:
    return len(PdfReader(io.BytesIO(content)).pages)


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
            _num(_blank_zero(r.bonus)),
            _num(_blank_zero(r.deduction)),
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
