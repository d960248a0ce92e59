"""Notice data to PDF bytes in the GB/T 9704 layout (the workbook: xlsx.py)."""

from __future__ import annotations

import io

from pypdf import PdfReader

from core.pdf import Attachment, Imprint, OfficialDocument, Paragraph, Table, render_pdf
from scoring.statistics import stats_table

from .article_attachment import STYLE_2024, submissions_table, table_widths
from .models import Notice
from .notice_data import DRAFT_MARK, AttachmentData, NoticeData

STATS_WIDTHS_MM = [10, 50, 14, 14, 14, 20, 11, 11, 12]


def paragraphs(text: str, kind: str = "body") -> list[Paragraph]:
    return [Paragraph(line.strip(), kind) for line in text.splitlines() if line.strip()]


def _stats_table(att: AttachmentData) -> Table:
    return Table.of_data(stats_table(att.months, att.stats, note=att.note), STATS_WIDTHS_MM)


def _submissions_table(att: AttachmentData) -> Table:
    n = len(att.months)
    if att.style == STYLE_2024:
        widths = table_widths(n, att.style, unit=60, month=(156 - 60) / n, other=0)
    else:
        widths = table_widths(n, att.style, unit=56, month=20, other=(156 - 56 - 20 * n) / 3)
    return Table.of_data(submissions_table(att.months, att.submissions, style=att.style, note=att.note), widths)


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


SECTIONS = (("overview", "一、总体情况"), ("problems", "二、主要问题"), ("requirements", "三、工作要求"))


def official_document(data: NoticeData, *, draft: bool = False, correction: str = "") -> OfficialDocument:
    """The notice as an official document; a draft carries the 草稿 mark on every page; a corrected
    issue opens with ``correction`` (第2版 and the 更正说明). A section left empty is left out with
    its heading (the 2020 notices ran on without headings)."""
    body = [Paragraph(correction)] if correction else []
    body += paragraphs(data.basis)
    for name, heading in SECTIONS:
        text = getattr(data, name)
        if text.strip():
            body += [Paragraph(heading, "h1"), *paragraphs(text)]
    imprint = (
        Imprint(printer=data.printing_office, printed_on=data.printed_on, cc=data.cc)
        if data.printing_office.strip()
        else None
    )
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
        imprint=imprint,
        watermark=DRAFT_MARK if draft else "",
    )


def notice_pdf(data: NoticeData, *, draft: bool = False, correction: str = "") -> bytes:
    """The notice's PDF; ``draft`` marks every page 草稿 (an issued notice never is); ``correction``
    (:func:`reports.notice_data.correction_line`) says which version it is and what was corrected."""
    return render_pdf(official_document(data, draft=draft, correction=correction))


def pdf_page_count(content: bytes) -> int:
    return len(PdfReader(io.BytesIO(content)).pages)
