"""Render an :class:`~core.pdf.document.OfficialDocument` to a print-ready PDF (GB/T 9704-2012).

``render_one_piece(doc)`` builds HTML + CSS (``official.css``) and renders it with WeasyPrint, using
the fonts of :mod:`core.pdf.fonts`.  Before rendering it checks that every character has a
glyph in the font that will draw it and raises :class:`~core.pdf.fonts.MissingGlyphError`
otherwise (a PDF with tofu or a silently substituted face is not fit to be issued).
"""

from __future__ import annotations

import ctypes.util
import html
import logging
import threading
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

from core.formatting import format_cn_date as format_date

from .continued import continue_tables
from .document import (
    Attachment,
    Block,
    Cell,
    CellValue,
    Landscape,
    OfficialDocument,
    Paragraph,
    Table,
    format_number,
)
from .fitting import fit_cell
from .fonts import FontFace, check_coverage, font_face_css, resolve_fonts
from .grid import positions
from .keeping import MAIN_SPACINGS, main_text_fit

CSS_TEMPLATE = Path(__file__).with_name("official.css")
LOGGER = logging.getLogger(__name__)

# The grid of GB/T 9704-2012: 22 lines of 28 characters of 16 pt in a 156 x 225 mm text block.
TEXT_WIDTH_MM = 156.0
LANDSCAPE_TEXT_WIDTH_MM = 225.0
TEXT_HEIGHT_MM = 225.0
LINES_PER_PAGE = 22
CHARS_PER_LINE = 28
BODY_PT = 16.0
PT_MM = 25.4 / 72
# Rounded down a hair so that 22 lines and 28 characters always fit despite rounding.
LINE_MM = TEXT_HEIGHT_MM / LINES_PER_PAGE - 0.0005
CHAR_MM = TEXT_WIDTH_MM / CHARS_PER_LINE  # the pitch of one character: 5.571 mm
LETTER_SPACING_MM = (TEXT_WIDTH_MM - 0.005) / CHARS_PER_LINE - BODY_PT * PT_MM  # ≈ -0.0732 mm
TABLE_PT = 12.0

PAGE_NUMBER_TEXT = "— 0123456789"  # what the page-number boxes print (for the coverage check)

# WeasyPrint options.  hinting=False strips hinting from the embedded subsets; full_fonts=False
# keeps subsetting on (HarfBuzz: fast, small PDFs).  See bench/bench_pdf.py.
WEASYPRINT_OPTIONS = {"hinting": False, "full_fonts": False, "optimize_images": False}


def _esc(text: str) -> str:
    return html.escape(text, quote=True).replace("\n", "<br>")


class _Builder:
    """Turns the document into HTML, remembering which text each font role must render."""

    def __init__(self, faces: dict[str, FontFace], spacing: str = ""):
        self.faces = faces
        self.spacing = spacing
        """Extra class of the main text: ``tight``/``tighter`` narrow the blank lines before the 署名."""
        self.text_by_role: dict[str, list[str]] = defaultdict(list)
        self.parts: list[str] = []
        self.wide = False
        """Laying out landscape pages (a text block 225 mm wide instead of 156 mm)."""
        self.tables: dict[str, Table] = {}  # tables with label columns, by their rows' id prefix (t0-5: row 5)

    def text(self, role: str, text: str) -> str:
        self.text_by_role[role].append(text)
        return _esc(text)

    # -- blocks -------------------------------------------------------------------------------
    def paragraph(self, para: Paragraph) -> str:
        role = {"body": "fang", "h1": "hei", "h2": "kai", "h3": "fang"}[para.kind]
        cls = "" if para.kind == "body" else f' class="{para.kind}"'
        return f"<p{cls}>{self.text(role, para.text)}</p>"

    def cell(self, value: CellValue, tag: str, align: str | None, width_mm: float | None = None) -> str:
        if isinstance(value, Cell):
            attrs = ""
            if value.colspan > 1:
                attrs += f' colspan="{value.colspan}"'
            if value.rowspan > 1:
                attrs += f' rowspan="{value.rowspan}"'
            if value.align != "center":
                attrs += f' class="{value.align}"'
            text = value.text
        else:
            if value is None:
                text = ""
            elif isinstance(value, int | float | Decimal):
                text = format_number(value)
            else:
                text = str(value)
            attrs = f' class="{align}"' if align and align != "center" else ""
        role = "hei" if tag == "th" else "fang"
        colspan = value.colspan if isinstance(value, Cell) else 1
        if tag == "td" and width_mm and colspan == 1 and isinstance(text, str):
            fit = fit_cell(text, width_mm, TABLE_PT)
            if fit.size_pt:
                attrs += f' style="font-size:{fit.size_pt:g}pt"'
            if fit.lines:
                self.text(role, text)
                return f"<{tag}{attrs}>{'<br>'.join(_esc(line) for line in fit.lines)}</{tag}>"
        return f"<{tag}{attrs}>{self.text(role, text)}</{tag}>"

    def table(self, table: Table) -> str:
        out = []
        widths = table.col_widths_mm
        fixed = bool(widths) and sum(widths) > 0
        classes = "grid" + (" fixed" if fixed else "") + (" continued" if table.continued else "")
        out.append(f'<table class="{classes}">')
        prefix = ""
        if table.label_columns:
            prefix = f"t{len(self.tables)}"
            self.tables[prefix] = table
        if fixed:
            total = sum(widths)
            out.append(
                "<colgroup>" + "".join(f'<col style="width:{w / total * 100:.3f}%">' for w in widths) + "</colgroup>"
            )
        if table.header_rows:
            out.append("<thead>")
            for row in table.header_rows:
                out.append("<tr>" + "".join(self.cell(c, "th", None) for c in row) + "</tr>")
            out.append("</thead>")
        out.append("<tbody>" if table.header_rows else '<tbody class="first">')
        aligns = table.col_align or []
        page_width = LANDSCAPE_TEXT_WIDTH_MM if self.wide else TEXT_WIDTH_MM
        col_mm = [w / sum(widths) * page_width for w in widths] if fixed else []
        for index, row in enumerate(positions(table.rows)):  # a cell's column: after cells merged from above
            cells = [
                self.cell(value, "td", aligns[c] if c < len(aligns) else None, col_mm[c] if c < len(col_mm) else None)
                for c, value in row
            ]
            row_id = f' id="{prefix}-{index}"' if prefix else ""
            out.append(f"<tr{row_id}>" + "".join(cells) + "</tr>")
        out.append("</tbody></table>")
        if table.note:
            out.append(f'<div class="table-note">{self.text("fang", table.note)}</div>')
        return "".join(out)

    def blocks(self, blocks: list[Block]) -> str:
        out = []
        for index, block in enumerate(blocks):
            if isinstance(block, Landscape):
                # The text after landscape pages goes on to a new portrait page.
                rest = blocks[index + 1 :]
                wide, self.wide = self.wide, True
                out.append(f'<div class="landscape-pages">{self.blocks(block.blocks)}</div>')
                self.wide = wide
                out.append(f'<div class="portrait-pages">{self.blocks(rest)}</div>' if rest else "")
                break
            if isinstance(block, Paragraph):
                out.append(self.paragraph(block))
            elif isinstance(block, Table):
                out.append(self.table(block))
            else:
                raise TypeError(f"not a Paragraph, Table or Landscape: {block!r}")
        return "".join(out)

    # -- document parts -----------------------------------------------------------------------
    def masthead(self, doc: OfficialDocument) -> str:
        if not doc.doc_number:
            return ""
        return (
            '<div class="masthead">'
            f'<div class="issuer">{self.text("xbs", doc.issuer)}</div>'
            f'<div class="doc-number">{self.text("fang", doc.doc_number)}</div>'
            '<div class="rule"></div></div>'
        )

    def attachment_list(self, titles: list[str]) -> str:
        """附件说明: one paragraph per title, wrapped lines aligned with the title's first character;
        the last two go together (with the 署名 after them), so a page never starts with the last
        title alone before the 署名."""
        if not titles:
            return ""
        self.text_by_role["fang"].append("附件：.0123456789")
        many = len(titles) > 1
        items = []
        for i, title in enumerate(titles, 1):
            label = f'<span class="label">{"附件：" if i == 1 else ""}</span>'
            number = f'<span class="num">{i}.</span>' if many else ""
            keep = " keep" if many and i == len(titles) - 1 else ""
            name = f'<span class="name">{self.text("fang", title)}</span>'
            items.append(f'<div class="att-item{keep}">{label}{number}{name}</div>')
        return f'<div class="att-list{"" if many else " single"}">{"".join(items)}</div>'

    def signature(self, doc: OfficialDocument) -> str:
        date = format_date(doc.date)
        sig = self.text("fang", doc.signature) if doc.signature else ""
        rows = f'<tr><td class="org">{sig}</td></tr>' if sig else ""
        rows += f'<tr><td class="date">{self.text("fang", date)}</td></tr>'
        return f'<table class="sig">{rows}</table>'

    def attachment(self, att: Attachment, numbered: bool, tail: str = "") -> str:
        label = f"附件{att.number}" if numbered else "附件"
        cls = "attachment landscape" if att.landscape else "attachment"
        self.wide = att.landscape
        blocks = self.blocks(att.blocks)
        self.wide = False
        return (
            f'<section class="{cls}">'
            f'<div class="att-label">{self.text("hei", label)}</div>'
            f'<h1 class="title">{self.text("xbs", att.title)}</h1>'
            f'<div class="text">{blocks}</div>{tail}'
            "</section>"
        )

    def watermark(self, doc: OfficialDocument) -> str:
        """A mark repeated on every page (a fixed box is drawn on each page it covers)."""
        if not doc.watermark:
            return ""
        return f'<div class="watermark" aria-hidden="true">{self.text("hei", doc.watermark)}</div>'

    def imprint(self, doc: OfficialDocument) -> str:
        """版记 at the foot of the page where the document ends: a footnote of its last line."""
        imprint = doc.imprint
        if imprint is None:
            return ""
        lines = []
        if imprint.cc.strip():
            cc = imprint.cc.strip().rstrip("。") + "。"
            lines.append(
                f'<span class="imprint-line cc"><span class="label">{self.text("fang", "抄送：")}</span>'
                f'<span class="value">{self.text("fang", cc)}</span></span>'
            )
        printed = f"{format_date(imprint.printed_on)}印发"
        lines.append(
            f'<span class="imprint-line printer"><span>{self.text("fang", imprint.printer)}</span>'
            f'<span class="printed">{self.text("fang", printed)}</span></span>'
        )
        return f'<p class="imprint-call">\u200b<span class="imprint">{"".join(lines)}</span></p>'

    def document(self, doc: OfficialDocument, *, main: bool = True, attachments: list | None = None) -> str:
        """The document as HTML; or only some of its parts (the main text and a run of attachments,
        each starting on a new page) for parallel layout."""
        titles = list(doc.attachment_titles) or [a.title for a in doc.attachments]
        numbered = len(titles) > 1 or len(doc.attachments) > 1
        self.text_by_role["song"].append(PAGE_NUMBER_TEXT)
        chosen = doc.attachments if attachments is None else attachments
        ends_here = (chosen and chosen[-1] is doc.attachments[-1]) if doc.attachments else main
        tail = self.imprint(doc) if ends_here else ""
        body = self.watermark(doc)
        if main:
            body += (
                self.masthead(doc)
                + f'<h1 class="title">{self.text("xbs", doc.title)}</h1>'
                + f'<div class="text{" " + self.spacing if self.spacing else ""}">'
                + (f'<p class="addressee">{self.text("fang", doc.addressee)}</p>' if doc.addressee else "")
                + self.blocks(doc.body)
                + self.attachment_list(titles)
                + self.signature(doc)
                + "</div>"
                + ("" if doc.attachments else tail)
            )
        body += "".join(self.attachment(a, numbered, tail if a is chosen[-1] else "") for a in chosen)
        head = (
            '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
            f"<title>{_esc(doc.title)}</title>"
            f'<meta name="author" content="{_esc(doc.issuer)}">'
            '<meta name="generator" content="linzi_gk core.pdf">'
            f'<meta name="dcterms.created" content="{doc.date.isoformat()}">'
            "</head><body>"
        )
        return head + body + "</body></html>"


def _css(faces: dict[str, FontFace], doc: OfficialDocument) -> str:
    issuer_chars = max(len(doc.issuer), 1)
    issuer_pt = min(40.0, TEXT_WIDTH_MM / issuer_chars / PT_MM * 0.95)
    values = {role: face.css_family for role, face in faces.items()}
    values.update(
        line=f"{LINE_MM:.4f}mm",
        line2=f"{2 * LINE_MM:.4f}mm",
        letter_spacing=f"{LETTER_SPACING_MM:.4f}mm",
        indent=f"{2 * CHAR_MM:.4f}mm",
        table_size=f"{TABLE_PT:g}pt",
        table_gap=f"{LINE_MM / 2:.4f}mm",
        half_line=f"{LINE_MM / 2:.4f}mm",
        line23=f"{TEXT_HEIGHT_MM / 23 - 0.0005:.4f}mm",
        line24=f"{TEXT_HEIGHT_MM / 24 - 0.0005:.4f}mm",
        issuer_size=f"{issuer_pt:.1f}pt",
    )
    return font_face_css(faces) + CSS_TEMPLATE.read_text(encoding="utf-8") % values


def build_html(
    doc: OfficialDocument, faces: dict[str, FontFace] | None = None, spacing: str = ""
) -> tuple[str, str, dict]:
    """Return ``(html, css, text_by_role)`` for ``doc`` (useful for debugging the layout)."""
    faces = faces or resolve_fonts()
    builder = _Builder(faces, spacing)
    markup = builder.document(doc)
    text_by_role = {role: "".join(parts) for role, parts in builder.text_by_role.items()}
    return markup, _css(faces, doc), text_by_role


_local = threading.local()


def _font_config():
    """One WeasyPrint FontConfiguration per thread, reused across documents.

    Registering the five @font-face fonts costs ~0.1 s per document (each file is read, copied
    to a temporary folder and scanned by fontconfig); WeasyPrint keys them by their descriptors,
    so a reused configuration registers each face only once.
    """
    from weasyprint.text.fonts import FontConfiguration

    config = getattr(_local, "font_config", None)
    if config is None:
        config = _local.font_config = FontConfiguration()
        _local.stylesheets = {}
    return config


def _stylesheet(css: str):
    from weasyprint import CSS

    font_config = _font_config()
    sheet = _local.stylesheets.get(css)
    if sheet is None:
        if len(_local.stylesheets) > 16:
            _local.stylesheets.clear()
        sheet = _local.stylesheets[css] = CSS(string=css, font_config=font_config)
    return sheet


def harfbuzz_subsetting() -> bool:
    """Whether HarfBuzz's subsetter (libharfbuzz-subset0) is installed: WeasyPrint uses it to subset
    fonts; without it, it falls back to fontTools, ~7 s more per document with CJK fonts."""
    return ctypes.util.find_library("harfbuzz-subset") is not None


def _layout(markup: str, css: str):
    from weasyprint import HTML

    if not getattr(_local, "checked_harfbuzz", False):
        _local.checked_harfbuzz = True
        if not harfbuzz_subsetting():
            LOGGER.warning(
                "libharfbuzz-subset0 is missing: WeasyPrint subsets fonts with fontTools, "
                "which is several seconds slower per PDF; run scripts/install_fonts.sh"
            )

    return HTML(string=markup, base_url=str(Path(__file__).parent)).render(
        stylesheets=[_stylesheet(css)], font_config=_font_config(), **WEASYPRINT_OPTIONS
    )


def main_text_spacing(doc: OfficialDocument, faces: dict[str, FontFace], css: str) -> str:
    """The spacing of the main text that keeps the 署名 with some of the text (never with the last
    title of the 附件说明 alone) without leaving three lines empty at the foot of the page before: the
    main text alone is laid out (a page or two, quickly) as GB/T 9704 sets it, then with paragraphs
    free to break, narrower blank lines and closer lines (:data:`~core.pdf.keeping.MAIN_SPACINGS`);
    the first that does both is used, else the first that leaves fewer than three lines empty."""
    fits = []
    for spacing in MAIN_SPACINGS:
        markup = _Builder(faces, spacing).document(doc, attachments=[])
        fit = main_text_fit(_layout(markup, css), LINE_MM)
        if fit.good:
            return spacing
        fits.append((spacing, fit))
    return next((spacing for spacing, fit in fits if fit.empty_lines_before < 3), "")


def render_document(doc: OfficialDocument):
    """Lay ``doc`` out in one piece and return the WeasyPrint ``Document`` (for inspection/tests)."""
    faces = resolve_fonts()
    markup, css, text_by_role = build_html(doc, faces)
    check_coverage(text_by_role, faces)
    spacing = main_text_spacing(doc, faces, css)

    def lay_out(version: OfficialDocument):
        builder = _Builder(faces, spacing)
        return _layout(builder.document(version), css), builder.tables

    return continue_tables(doc, lay_out)  # tables running over pages keep their group labels


def render_one_piece(doc: OfficialDocument) -> bytes:
    """Render ``doc`` to PDF bytes in one piece (page numbers from the CSS margin boxes).

    Raises :class:`~core.pdf.fonts.MissingGlyphError` when a character has no glyph in its font
    and :class:`~core.pdf.fonts.FontsNotInstalledError` when ``var/fonts/`` has not been built.
    """
    return render_document(doc).write_pdf(**WEASYPRINT_OPTIONS)
