"""Reading a laid-out notice through public interfaces: where each page's text ends (WeasyPrint's
``Page.anchors`` of a document laid out with marks, :mod:`core.pdf.keeping`), which lines table
cells are printed on (the PDF's text, read with pypdf)."""

from __future__ import annotations

import io
from dataclasses import dataclass
from itertools import pairwise

from pypdf import PdfReader

from core.pdf.keeping import empty_lines, starts_part
from core.pdf.render import LINE_MM, WEASYPRINT_OPTIONS


@dataclass
class PageInfo:
    number: int
    starts_part: bool
    """The page begins the main text or an attachment (a forced break precedes it)."""
    empty_lines: float
    """Lines of the text block left empty at the bottom of the page."""


def pages(document) -> list[PageInfo]:
    """Each page of ``document`` (laid out with ``render_document(doc, marks=True)``)."""
    return [
        PageInfo(number=number, starts_part=number == 1 or starts_part(page), empty_lines=empty_lines(page, LINE_MM))
        for number, page in enumerate(document.pages, start=1)
    ]


def pages_leaving_lines_empty(document, limit: float = 3) -> list[int]:
    """Pages (not the last of a part) that leave ``limit`` or more lines empty at their foot."""
    info = pages(document)
    return [p.number for p, following in pairwise(info) if not following.starts_part and p.empty_lines >= limit]


def printed_lines(pdf: bytes) -> list[list[str]]:
    """The PDF's text as pypdf reads it, line by line (cells of a table row that share a baseline
    on one line), each line as its words."""
    chunks: list[str] = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        chunks.append(page.extract_text() + "\n")
    return [line.split() for line in "".join(chunks).splitlines() if line.strip()]


def cell_lines(document, texts: set[str]) -> dict[str, list[str]]:
    """For each of ``texts`` printed in the document (a unit's name in a table cell): the lines it
    is printed on, a word on each of consecutive lines that together make it. Where a text is
    printed more than once, an occurrence with a line of one character is the one reported."""
    lines = printed_lines(document.write_pdf(**WEASYPRINT_OPTIONS))
    found: dict[str, list[str]] = {}

    def extend(index: int, parts: list[str]) -> None:
        joined = "".join(parts)
        if joined in texts and (joined not in found or any(len(part) == 1 for part in parts)):
            found[joined] = parts
        if index < len(lines):
            for word in lines[index]:
                if any(text.startswith(joined + word) for text in texts):
                    extend(index + 1, [*parts, word])

    for index, words in enumerate(lines):
        for word in words:
            if any(text.startswith(word) for text in texts):
                extend(index + 1, [word])
    return found
