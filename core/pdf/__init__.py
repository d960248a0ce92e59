"""Print-ready official-document PDFs (GB/T 9704-2012 党政机关公文格式) rendered with WeasyPrint.

Public API::

    from core.pdf import OfficialDocument, Paragraph, Table, Cell, Attachment, render_pdf
    pdf_bytes = render_pdf(OfficialDocument(...))

Fonts: run ``scripts/install_fonts.sh`` once per machine (see docs/FONTS.md).
"""

from core.formatting import format_cn_date as format_date

from .document import (
    Attachment,
    Block,
    Cell,
    Imprint,
    Landscape,
    OfficialDocument,
    Paragraph,
    Table,
    format_number,
)
from .fonts import (
    FontFace,
    FontsNotInstalledError,
    MissingGlyphError,
    check_coverage,
    fonts_available,
    resolve_fonts,
)
from .parallel import render_pdf
from .render import build_html, render_document, render_one_piece

__all__ = [
    "Attachment",
    "Block",
    "Cell",
    "FontFace",
    "FontsNotInstalledError",
    "Imprint",
    "Landscape",
    "MissingGlyphError",
    "OfficialDocument",
    "Paragraph",
    "Table",
    "build_html",
    "check_coverage",
    "fonts_available",
    "format_date",
    "format_number",
    "render_document",
    "render_one_piece",
    "render_pdf",
    "resolve_fonts",
]
