"""The reply letter as files: a PDF in the GB/T 9704 layout of the office's documents (core.pdf)
and a Word document (.docx, python-docx) with the same page and fonts, for the staff to print,
sign and seal. The letter is addressed to the applicant, so it carries the applicant's name: only
the unit and the office can produce it."""

from __future__ import annotations

import io

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from core.formatting import format_cn_date
from core.pdf import OfficialDocument, Paragraph, render_pdf

from .models import ReplyLetter

TITLE_FONT, BODY_FONT = "方正小标宋简体", "仿宋_GB2312"
BODY_PT, TITLE_PT = 16, 22
LINE_PT = 28.95
"""22 lines on the 225 mm text block (GB/T 9704-2012 5.2.2)."""


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def letter_document(letter: ReplyLetter) -> OfficialDocument:
    return OfficialDocument(
        issuer=letter.signature,
        title=letter.title,
        addressee=f"{letter.addressee}：",
        body=[Paragraph(line) for line in _lines(letter.body)],
        attachment_titles=[],
        signature=letter.signature,
        date=letter.date,
        doc_number=letter.doc_number,
    )


def letter_pdf(letter: ReplyLetter) -> bytes:
    return render_pdf(letter_document(letter))


def _font(run, name: str, size: float) -> None:
    run.font.name = name
    run.font.size = Pt(size)
    run.font.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)


def _paragraph(document, text: str, *, font=BODY_FONT, size=BODY_PT, align=None, indent=True):
    paragraph = document.add_paragraph()
    fmt = paragraph.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(LINE_PT)
    fmt.space_before = fmt.space_after = Pt(0)
    if indent:
        fmt.first_line_indent = Pt(size * 2)
    if align is not None:
        paragraph.alignment = align
    _font(paragraph.add_run(text), font, size)
    return paragraph


def letter_docx(letter: ReplyLetter) -> bytes:
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    document.core_properties.title = letter.title
    document.core_properties.author = letter.signature
    center = WD_ALIGN_PARAGRAPH.CENTER
    if letter.doc_number:
        _paragraph(document, letter.doc_number, align=center, indent=False)
    _paragraph(document, letter.title, font=TITLE_FONT, size=TITLE_PT, align=center, indent=False)
    _paragraph(document, "", indent=False)
    _paragraph(document, f"{letter.addressee}：", indent=False)
    for line in _lines(letter.body):
        _paragraph(document, line)
    _paragraph(document, "", indent=False)
    right = WD_ALIGN_PARAGRAPH.RIGHT
    _paragraph(document, letter.signature, align=right, indent=False)
    _paragraph(document, format_cn_date(letter.date), align=right, indent=False)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
