"""Notice data to PDF bytes in the GB/T 9704 layout (the workbook: notice_xlsx.py)."""

from __future__ import annotations

import io

from pypdf import PdfReader

from core.pdf import Attachment, Cell, OfficialDocument, Paragraph, Table, render_pdf
from scoring.statistics import stats_table

from .models import Notice
from .notice_data import AttachmentData, NoticeData, blank_zero

SUBMISSIONS_NOTE = "注：表中数字为当月投稿件数，括号内数字为不符合条件件数。"
STATS_WIDTHS_MM = [10, 50, 14, 14, 14, 20, 11, 11, 12]


def paragraphs(text: str, kind: str = "body") -> list[Paragraph]:
    return [Paragraph(line.strip(), kind) for line in text.splitlines() if line.strip()]


def _stats_table(att: AttachmentData) -> Table:
    return Table.of_data(stats_table(att.months, att.stats), STATS_WIDTHS_MM)


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
            blank_zero(row.bonus),
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
