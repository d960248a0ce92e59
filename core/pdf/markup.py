"""An :class:`~core.pdf.document.OfficialDocument` as HTML and CSS in the GB/T 9704-2012 layout.

:class:`HtmlBuilder` writes the markup (the whole document, or the main text and a run of its
attachments for parallel layout) and remembers which text each font role must draw;
:func:`document_css` fills ``official.css`` with the fonts and the computed grid. With ``marks``
the builder gives every block an ``id`` so that the laid-out pages tell where each block is
(WeasyPrint's public ``Page.anchors``, read by :mod:`core.pdf.keeping`).
"""

from __future__ import annotations

import html
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

from core.formatting import format_cn_date as format_date

from .document import Attachment, Block, Cell, CellValue, Landscape, OfficialDocument, Paragraph, Table, format_number
from .fitting import fit_cell
from .fonts import FontFace, font_face_css
from .grid import positions

__all__ = [
    "BODY_PT",
    "CHARS_PER_LINE",
    "CHAR_MM",
    "LANDSCAPE_MARGINS_MM",
    "LANDSCAPE_TEXT_WIDTH_MM",
    "LINES_PER_PAGE",
    "LINE_MM",
    "PAGE_NUMBER_TEXT",
    "PORTRAIT_MARGINS_MM",
    "TEXT_HEIGHT_MM",
    "TEXT_WIDTH_MM",
    "HtmlBuilder",
    "Marks",
    "document_css",
    "escape",
]

CSS_TEMPLATE = Path(__file__).with_name("official.css")

# The grid of GB/T 9704-2012: 22 lines of 28 characters of 16 pt in a 156 x 225 mm text block.
TEXT_WIDTH_MM = 156.0
LANDSCAPE_TEXT_WIDTH_MM = 225.0
TEXT_HEIGHT_MM = 225.0
PORTRAIT_MARGINS_MM = (37.0, 26.0, 35.0, 28.0)
"""Top, right, bottom, left of an A4 page: 天头 37 mm, 订口 28 mm, a 156 x 225 mm text block."""
LANDSCAPE_MARGINS_MM = (28.0, 37.0, 26.0, 35.0)
"""The portrait margins turned a quarter clockwise: a 225 x 156 mm text block."""
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


class Marks:
    """The ``id`` prefixes of marked blocks (see :mod:`core.pdf.keeping`)."""

    TEXT = "t"
    """Text: the title, the 主送机关, paragraphs and headings (its lines marked too)."""
    NOTE = "n"
    """The note under a table (its lines marked too)."""
    ROW = "r"
    """A row of a table (its first cell: a row is never split)."""
    TITLE_ITEM = "a"
    """A title of the 附件说明."""
    PART = "p"
    """The 附件N label that begins an attachment."""
    HEAD = "h"
    """The 版头."""
    SIGNATURE = "sig"
    """The 署名 and 成文日期 (one block, never split)."""
    WHOLE = (ROW, TITLE_ITEM, PART, HEAD, SIGNATURE)
    """Blocks never broken across pages: their box on a page is where they end. (A broken block's
    box fills the page down to where it was broken; its marked lines tell where its text ends.)"""


def escape(text: str) -> str:
    """Text as HTML, ``\\n`` a forced line break."""
    return html.escape(text, quote=True).replace("\n", "<br>")


class HtmlBuilder:
    """Turns the document into HTML, remembering which text each font role must render."""

    def __init__(self, faces: dict[str, FontFace], spacing: str = "", *, marks: bool = False):
        self.faces = faces
        self.spacing = spacing
        """Extra class of the main text: ``tight``/``tighter`` narrow the blank lines before the 署名."""
        self.marks = marks
        self.text_by_role: dict[str, list[str]] = defaultdict(list)
        self.wide = False
        """Laying out landscape pages (a text block 225 mm wide instead of 156 mm)."""
        self.tables: dict[str, Table] = {}  # tables with label columns, by their rows' id prefix (t0-5: row 5)
        self._count = 0

    def text(self, role: str, text: str) -> str:
        self.text_by_role[role].append(text)
        return escape(text)

    def roles(self) -> dict[str, str]:
        """The text each font role draws (for the coverage check)."""
        return {role: "".join(parts) for role, parts in self.text_by_role.items()}

    def mark(self, kind: str) -> str:
        """`` id="…"`` of a marked block (nothing without ``marks``)."""
        if not self.marks:
            return ""
        if kind == Marks.SIGNATURE:
            return f' id="{kind}"'
        self._count += 1
        return f' id="{kind}:{self._count}"'

    def marked_text(self, tag: str, attrs: str, kind: str, role: str, text: str) -> str:
        """A block of text; with marks, its lines too: each line of a link to the block is listed
        with its box on the page it is on (``Page.links``)."""
        mark = self.mark(kind)
        content = self.text(role, text)
        if mark:
            content = f'<a class="line" href="#{mark[5:-1]}">{content}</a>'
        return f"<{tag}{attrs}{mark}>{content}</{tag}>"

    # -- blocks -------------------------------------------------------------------------------
    def paragraph(self, para: Paragraph) -> str:
        role = {"body": "fang", "h1": "hei", "h2": "kai", "h3": "fang"}[para.kind]
        cls = "" if para.kind == "body" else f' class="{para.kind}"'
        return self.marked_text("p", cls, Marks.TEXT, role, para.text)

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
                return f"<{tag}{attrs}>{'<br>'.join(escape(line) for line in fit.lines)}</{tag}>"
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
            if self.marks and cells:
                cells[0] = cells[0].replace("<td", f"<td{self.mark(Marks.ROW)}", 1)
            row_id = f' id="{prefix}-{index}"' if prefix else ""
            out.append(f"<tr{row_id}>" + "".join(cells) + "</tr>")
        out.append("</tbody></table>")
        if table.note:
            out.append(self.marked_text("div", ' class="table-note"', Marks.NOTE, "fang", table.note))
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
            f'<div class="masthead"{self.mark(Marks.HEAD)}>'
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
            items.append(f'<div class="att-item{keep}"{self.mark(Marks.TITLE_ITEM)}>{label}{number}{name}</div>')
        return f'<div class="att-list{"" if many else " single"}">{"".join(items)}</div>'

    def signature(self, doc: OfficialDocument) -> str:
        date = format_date(doc.date)
        sig = self.text("fang", doc.signature) if doc.signature else ""
        rows = f'<tr><td class="org">{sig}</td></tr>' if sig else ""
        rows += f'<tr><td class="date">{self.text("fang", date)}</td></tr>'
        return f'<table class="sig"{self.mark(Marks.SIGNATURE)}>{rows}</table>'

    def attachment(self, att: Attachment, numbered: bool, tail: str = "") -> str:
        label = f"附件{att.number}" if numbered else "附件"
        cls = "attachment landscape" if att.landscape else "attachment"
        self.wide = att.landscape
        blocks = self.blocks(att.blocks)
        self.wide = False
        return (
            f'<section class="{cls}">'
            f'<div class="att-label"{self.mark(Marks.PART)}>{self.text("hei", label)}</div>'
            + self.marked_text("h1", ' class="title"', Marks.TEXT, "xbs", att.title)
            + f'<div class="text">{blocks}</div>{tail}'
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
            addressee = self.marked_text("p", ' class="addressee"', Marks.TEXT, "fang", doc.addressee)
            body += (
                self.masthead(doc)
                + self.marked_text("h1", ' class="title"', Marks.TEXT, "xbs", doc.title)
                + f'<div class="text{" " + self.spacing if self.spacing else ""}">'
                + (addressee if doc.addressee else "")
                + self.blocks(doc.body)
                + self.attachment_list(titles)
                + self.signature(doc)
                + "</div>"
                + ("" if doc.attachments else tail)
            )
        body += "".join(self.attachment(a, numbered, tail if a is chosen[-1] else "") for a in chosen)
        head = (
            '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
            f"<title>{escape(doc.title)}</title>"
            f'<meta name="author" content="{escape(doc.issuer)}">'
            '<meta name="generator" content="linzi_gk core.pdf">'
            f'<meta name="dcterms.created" content="{doc.date.isoformat()}">'
            "</head><body>"
        )
        return head + body + "</body></html>"


def _margins(margins: tuple[float, float, float, float]) -> str:
    return " ".join(f"{m:g}mm" for m in margins)


def document_css(faces: dict[str, FontFace], doc: OfficialDocument) -> str:
    """``official.css`` for ``doc``: its ``@font-face`` rules, the grid and the 发文机关标志's size."""
    issuer_chars = max(len(doc.issuer), 1)
    issuer_pt = min(40.0, TEXT_WIDTH_MM / issuer_chars / PT_MM * 0.95)
    values = {role: face.css_family for role, face in faces.items()}
    values.update(
        portrait_margins=_margins(PORTRAIT_MARGINS_MM),
        landscape_margins=_margins(LANDSCAPE_MARGINS_MM),
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
