"""The report as a PDF in the GB/T 9704 body layout (core.pdf): title, the six sections under the
national format's headings, the tables as in seed 002 with their header rows repeated."""

from __future__ import annotations

import dataclasses
import io
import re

from django.utils import timezone
from pypdf import PdfReader

from core.pdf import Cell, Landscape, OfficialDocument, Paragraph, Table, render_pdf
from core.tabular import CellValue

from .content import ReportContent
from .layout import ACTIVE, APPEALS, NOTE_OF_TABLE, OUTCOME_GROUPS, OVERVIEW_PARTS, REQUESTS, SECTION_TITLES
from .tables import table_data

WIDTHS_MM = {
    ACTIVE.key: [60, 32, 32, 32],
    REQUESTS.key: [12, 20, 47, 11, 11, 11, 11, 11, 11, 11],
    APPEALS.key: [15] * 15,
}
"""Label columns as wide as their text needs: 三、本年度办理结果 two characters a line, a group
（三）不予公开 on two lines (its number, then its name), the items beside it on a line or two."""
LANDSCAPE = {APPEALS.key}
"""Fifteen columns: landscape, so that the headers read 结果维持 rather than one character a line."""
GROUP_LABELS = set(OUTCOME_GROUPS.values())
SUB_HEADING = re.compile(r"^[（(][一二三四五六七八九十]{1,3}[）)][^。；，]{0,24}$")


def paragraphs(text: str) -> list[Paragraph]:
    """Lines of text as paragraphs; a short line like ``（一）存在问题`` is a （一） heading."""
    blocks = []
    for line in (text or "").splitlines():
        line = line.strip()
        if line:
            blocks.append(Paragraph(line, "h2" if SUB_HEADING.match(line) else "body"))
    return blocks


def _two_lines(cell: Cell) -> Cell:
    """结果维持 printed 结果/维持 in a narrow column, as the national format prints it."""
    if len(cell.text) != 4 or cell.colspan > 1:
        return cell
    return Cell(f"{cell.text[:2]}\n{cell.text[2:]}", colspan=cell.colspan, rowspan=cell.rowspan, align=cell.align)


def _group_label(cell: CellValue) -> CellValue:
    """（三）不予公开 printed （三）/不予公开, as the national format prints a group's label."""
    if isinstance(cell, Cell) and cell.text in GROUP_LABELS:
        number, name = cell.text.split("）", 1)
        return dataclasses.replace(cell, text=f"{number}）\n{name}")
    return cell


def document(content: ReportContent) -> OfficialDocument:
    texts = content.texts
    body = [Paragraph(f"（草稿：{content.draft_note}，表中数字为已定稿单位的合计。）")] if content.draft_note else []
    body += [*paragraphs(texts.get("preface", "")), Paragraph(SECTION_TITLES["overview"], "h1")]
    body += paragraphs(texts.get("overview", ""))
    for key, heading in OVERVIEW_PARTS:
        if (texts.get(key) or "").strip():
            body += [Paragraph(heading, "h2"), *paragraphs(texts[key])]
    for table in (ACTIVE, REQUESTS, APPEALS):
        data = table_data(table, content.values)
        if table.key in LANDSCAPE:
            data.header_rows = [[_two_lines(cell) for cell in row] for row in data.header_rows]
        notes = paragraphs(texts.get(NOTE_OF_TABLE[table.key], ""))
        data.rows = [[_group_label(cell) for cell in row] for row in data.rows]
        printed = Table.of_data(data, WIDTHS_MM[table.key], label_columns=table.label_columns)
        blocks = [Paragraph(table.title, "h1"), *notes, printed]
        body += [Landscape(blocks)] if table.key in LANDSCAPE else blocks
    for key in ("problems", "other"):
        body += [Paragraph(SECTION_TITLES[key], "h1"), *(paragraphs(texts.get(key, "")) or [Paragraph("无。")])]
    return OfficialDocument(
        issuer=content.organ,
        title=content.title,
        addressee="",
        body=body,
        attachment_titles=[],
        signature=content.organ,
        date=content.date or timezone.localdate(),
        watermark="草稿" if content.draft_note else "",
    )


def report_pdf(content: ReportContent) -> bytes:
    return render_pdf(document(content))


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)
