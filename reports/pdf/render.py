"""Render an :class:`~reports.pdf.document.OfficialDocument` to a print-ready PDF (GB/T 9704-2012).

``render_pdf(doc)`` builds HTML + CSS (``official.css``) and renders it with WeasyPrint, using
the fonts of :mod:`reports.pdf.fonts`.  Before rendering it checks that every character has a
glyph in the font that will draw it and raises :class:`~reports.pdf.fonts.MissingGlyphError`
otherwise (a PDF with tofu or a silently substituted face is not fit to be issued).
"""

from __future__ import annotations

import html
import logging
import os
import threading
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

from .document import (
    Attachment,
    Block,
    Cell,
    CellValue,
    OfficialDocument,
    Paragraph,
    Table,
    format_date,
    format_number,
)
from .fonts import FontFace, check_coverage, font_face_css, resolve_fonts

CSS_TEMPLATE = Path(__file__).with_name("official.css")
LOGGER = logging.getLogger(__name__)

# The grid of GB/T 9704-2012: 22 lines of 28 characters of 16 pt in a 156 x 225 mm text block.
TEXT_WIDTH_MM = 156.0
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

    def __init__(self, faces: dict[str, FontFace]):
        self.faces = faces
        self.text_by_role: dict[str, list[str]] = defaultdict(list)
        self.parts: list[str] = []

    def text(self, role: str, text: str) -> str:
        self.text_by_role[role].append(text)
        return _esc(text)

    # -- blocks -------------------------------------------------------------------------------
    def paragraph(self, para: Paragraph) -> str:
        role = {"body": "fang", "h1": "hei", "h2": "kai", "h3": "fang"}[para.kind]
        cls = "" if para.kind == "body" else f' class="{para.kind}"'
        return f"<p{cls}>{self.text(role, para.text)}</p>"

    def cell(self, value: CellValue, tag: str, align: str | None) -> str:
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
        return f"<{tag}{attrs}>{self.text(role, text)}</{tag}>"

    def table(self, table: Table) -> str:
        out = []
        widths = table.col_widths_mm
        fixed = bool(widths) and sum(widths) > 0
        out.append(f'<table class="grid{" fixed" if fixed else ""}">')
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
        out.append("<tbody>")
        aligns = table.col_align or []
        for row in table.rows:
            cells = []
            for i, value in enumerate(row):
                cells.append(self.cell(value, "td", aligns[i] if i < len(aligns) else None))
            out.append("<tr>" + "".join(cells) + "</tr>")
        out.append("</tbody></table>")
        if table.note:
            out.append(f'<div class="table-note">{self.text("fang", table.note)}</div>')
        return "".join(out)

    def blocks(self, blocks: list[Block]) -> str:
        out = []
        for block in blocks:
            if isinstance(block, Paragraph):
                out.append(self.paragraph(block))
            elif isinstance(block, Table):
                out.append(self.table(block))
            else:
                raise TypeError(f"not a Paragraph or Table: {block!r}")
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
        if not titles:
            return ""
        self.text_by_role["fang"].append("附件：.0123456789")
        rows = []
        if len(titles) == 1:
            rows.append(f'<tr><td class="label">附件：</td><td>{self.text("fang", titles[0])}</td></tr>')
        else:
            for i, title in enumerate(titles, 1):
                label = "附件：" if i == 1 else ""
                rows.append(
                    f'<tr><td class="label">{label}</td><td class="num">{i}.</td>'
                    f"<td>{self.text('fang', title)}</td></tr>"
                )
        return f'<div class="att-list"><table>{"".join(rows)}</table></div>'

    def signature(self, doc: OfficialDocument) -> str:
        date = format_date(doc.date)
        sig = self.text("fang", doc.signature) if doc.signature else ""
        rows = f'<tr><td class="org">{sig}</td></tr>' if sig else ""
        rows += f'<tr><td class="date">{self.text("fang", date)}</td></tr>'
        return f'<table class="sig">{rows}</table>'

    def _attachment_index(self, att: Attachment) -> int:
        return next(i for i, a in enumerate(self._doc.attachments, 1) if a is att)

    def attachment(self, att: Attachment, numbered: bool, anchor: bool = False) -> str:
        label = f"附件{att.number}" if numbered else "附件"
        cls = "attachment landscape" if att.landscape else "attachment"
        # the n-th attachment is part n (its position, not its printed number)
        part = f' id="lz-part-{self._attachment_index(att)}"' if anchor else ""
        return (
            f'<section class="{cls}"{part}>'
            f'<div class="att-label">{self.text("hei", label)}</div>'
            f'<h1 class="title">{self.text("xbs", att.title)}</h1>'
            f'<div class="text">{self.blocks(att.blocks)}</div>'
            "</section>"
        )

    def document(
        self,
        doc: OfficialDocument,
        *,
        main: bool = True,
        attachments: list[Attachment] | None = None,
        anchors: bool = False,
    ) -> str:
        """The whole document, or (for parallel rendering) only some of its parts: the main text
        (``main``) and/or a run of its attachments."""
        titles = list(doc.attachment_titles) or [a.title for a in doc.attachments]
        numbered = len(titles) > 1 or len(doc.attachments) > 1
        attachments = doc.attachments if attachments is None else attachments
        self._doc = doc
        self.text_by_role["song"].append(PAGE_NUMBER_TEXT)
        body = ""
        if main:
            body = (
                ('<div id="lz-part-0"></div>' if anchors else "")
                + self.masthead(doc)
                + f'<h1 class="title">{self.text("xbs", doc.title)}</h1>'
                + '<div class="text">'
                + (f'<p class="addressee">{self.text("fang", doc.addressee)}</p>' if doc.addressee else "")
                + self.blocks(doc.body)
                + self.attachment_list(titles)
                + self.signature(doc)
                + "</div>"
            )
        body += "".join(self.attachment(a, numbered, anchor=anchors) for a in attachments)
        head = (
            '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
            f"<title>{_esc(doc.title)}</title>"
            f'<meta name="author" content="{_esc(doc.issuer)}">'
            '<meta name="generator" content="linzi_gk reports.pdf">'
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
        issuer_size=f"{issuer_pt:.1f}pt",
    )
    return font_face_css(faces) + CSS_TEMPLATE.read_text(encoding="utf-8") % values


def build_html(doc: OfficialDocument, faces: dict[str, FontFace] | None = None) -> tuple[str, str, dict]:
    """Return ``(html, css, text_by_role)`` for ``doc`` (useful for debugging the layout)."""
    faces = faces or resolve_fonts()
    builder = _Builder(faces)
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
    """Whether WeasyPrint subsets fonts with HarfBuzz (libharfbuzz-subset0); without it, it falls
    back to fontTools, ~7 s more per document with CJK fonts."""
    from weasyprint.text.ffi import harfbuzz_subset

    return harfbuzz_subset is not None


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


def render_document(doc: OfficialDocument):
    """Lay ``doc`` out in one piece and return the WeasyPrint ``Document`` (for inspection/tests)."""
    faces = resolve_fonts()
    markup, css, text_by_role = build_html(doc, faces)
    check_coverage(text_by_role, faces)
    return _layout(markup, css)


# -- parallel rendering -----------------------------------------------------------------------
# WeasyPrint spends ~1.5-2 ms per table cell or line of text on this hardware, all in Python.  A
# big notice is therefore cut into its parts (the main text, each attachment), which always start
# on a new page; the parts are shared out between forked processes that lay them out at the same
# time, and the pages are put back in document order with pypdf.  The page numbers, which depend
# on the pages before, are stamped afterwards (stamp.py) exactly where the CSS margin boxes put
# them in a one-piece rendering.

#: Below this estimated cost (≈ table cells + lines of text) a document is rendered in one piece.
PARALLEL_MIN_COST = 600
#: A worker taking this many times longer than expected (from the parent's own run), and at least
#: PARALLEL_MIN_TIMEOUT_S, is given up (e.g. a lock held by another thread at fork time).
PARALLEL_TIMEOUT_FACTOR = 5
PARALLEL_MIN_TIMEOUT_S = 30


def _block_cost(block: Block) -> int:
    if isinstance(block, Table):
        cells = sum(len(r) for r in block.header_rows) + sum(len(r) for r in block.rows)
        return cells + len(block.note) // 40
    return len(block.text) // CHARS_PER_LINE + 1


def part_costs(doc: OfficialDocument) -> list[int]:
    """Estimated layout cost of the main text and of each attachment."""
    main = sum(_block_cost(b) for b in doc.body) + 30
    return [main] + [sum(_block_cost(b) for b in a.blocks) + 10 for a in doc.attachments]


def assign_parts(costs: list[int], workers: int) -> list[list[int]]:
    """Share the parts out between at most ``workers`` processes, evening out their costs.

    Exhaustive for two processes (a notice has a handful of parts), greedy (largest first) for
    more.  Each list is in document order; empty lists are dropped; the list holding the main
    text (part 0) comes first.
    """
    n = len(costs)
    workers = max(1, min(workers, n))
    if workers == 1:
        return [list(range(n))]
    if workers == 2 and n <= 16:
        total = sum(costs)
        best_mask, best = 0, total
        for mask in range(1 << (n - 1)):  # part 0 always in the first group
            other = sum(costs[i + 1] for i in range(n - 1) if mask >> i & 1)
            worst = max(other, total - other)
            if worst < best:
                best_mask, best = mask, worst
        second = [i + 1 for i in range(n - 1) if best_mask >> i & 1]
        groups = [[i for i in range(n) if i not in second], second]
    else:
        groups = [[] for _ in range(workers)]
        loads = [0] * workers
        for i in sorted(range(n), key=lambda i: (-costs[i], i)):
            w = loads.index(min(loads))
            groups[w].append(i)
            loads[w] += costs[i]
        groups = [sorted(g) for g in groups]
        groups.sort(key=lambda g: (0 not in g, g[:1]))
    return [g for g in groups if g]


def pdf_workers() -> int:
    """Processes used for one document: ``LINZI_PDF_WORKERS`` (1 = never fork), default 2 when the
    machine has 2 or more cores."""
    from .fonts import _setting

    value = _setting("LINZI_PDF_WORKERS")
    if value:
        return max(1, int(value))
    return 2 if (os.cpu_count() or 1) >= 2 else 1


def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods() and not multiprocessing.current_process().daemon


NO_PAGE_NUMBERS_CSS = """
@page :left { @bottom-left { content: none; } }
@page :right { @bottom-right { content: none; } }
"""


def _render_run(doc: OfficialDocument, parts: list[int], faces: dict[str, FontFace]):
    """PDF of some parts of ``doc`` (0 = main text, i = i-th attachment), without page numbers,
    and the index of the first page of each part."""
    builder = _Builder(faces)
    markup = builder.document(
        doc, main=0 in parts, attachments=[doc.attachments[i - 1] for i in parts if i > 0], anchors=True
    )
    document = _layout(markup, _css(faces, doc) + NO_PAGE_NUMBERS_CSS)
    starts = {}
    for index, page in enumerate(document.pages):
        for anchor in page.anchors:
            if anchor.startswith("lz-part-"):
                starts.setdefault(int(anchor[8:]), index)
    if sorted(starts) != sorted(parts):
        raise RuntimeError(f"part anchors not found: {sorted(starts)} != {sorted(parts)}")
    return document.write_pdf(**WEASYPRINT_OPTIONS), [starts[i] for i in parts]


def _child(doc, parts, faces, conn) -> None:  # pragma: no cover (runs in the forked process)
    try:
        conn.send(("ok", _render_run(doc, parts, faces)))
    except BaseException as exc:  # report anything: the parent falls back to one piece
        conn.send(("error", f"{type(exc).__name__}: {exc}"))
    finally:
        conn.close()


def _render_parallel(doc: OfficialDocument, groups: list[list[int]], faces, css: str) -> bytes | None:
    """Render the groups of parts in forked processes (the first one here); None on failure."""
    import multiprocessing
    import time

    ctx = multiprocessing.get_context("fork")
    children = []
    try:
        from .stamp import merge_and_number, page_number_style

        _stylesheet(_css(faces, doc) + NO_PAGE_NUMBERS_CSS)  # parsed once, inherited by the children
        for parts in groups[1:]:
            receiver, sender = ctx.Pipe(duplex=False)
            process = ctx.Process(target=_child, args=(doc, parts, faces, sender), daemon=True)
            process.start()
            sender.close()
            children.append((process, receiver))
        started = time.monotonic()
        runs = [_render_run(doc, groups[0], faces)]
        page_number_style(faces["song"], css)  # cached; computed while the children still work
        costs = part_costs(doc)
        per_cost = (time.monotonic() - started) / max(1, sum(costs[i] for i in groups[0]))
        for (process, receiver), parts in zip(children, groups[1:], strict=True):
            timeout = max(PARALLEL_MIN_TIMEOUT_S, PARALLEL_TIMEOUT_FACTOR * per_cost * sum(costs[i] for i in parts))
            if not receiver.poll(timeout):
                raise TimeoutError(f"PDF worker {process.pid} did not answer in {timeout:.0f} s")
            status, payload = receiver.recv()
            if status != "ok":
                raise RuntimeError(payload)
            runs.append(payload)
        # (run, first page, end page) of every part, in document order
        pieces = {}
        for (pdf, starts), parts in zip(runs, groups, strict=True):
            ends = [*starts[1:], None]
            for part, first, end in zip(parts, starts, ends, strict=True):
                pieces[part] = (pdf, first, end)
        return merge_and_number([pieces[i] for i in sorted(pieces)], faces, css, title=doc.title, author=doc.issuer)
    except Exception as exc:
        LOGGER.warning("parallel PDF rendering failed, rendering in one piece: %s", exc)
        return None
    finally:
        for process, receiver in children:
            receiver.close()
            process.join(timeout=1)
            if process.is_alive():
                process.kill()
                process.join()


def render_pdf(doc: OfficialDocument, *, workers: int | None = None) -> bytes:
    """Render ``doc`` to PDF bytes.

    ``workers``: processes to use (default :func:`pdf_workers`); big documents are split into runs
    of whole parts rendered side by side in forked processes, small ones are rendered in one piece.
    Raises :class:`~reports.pdf.fonts.MissingGlyphError` when a character has no glyph in its font
    and :class:`~reports.pdf.fonts.FontsNotInstalledError` when ``var/fonts/`` has not been built.
    """
    faces = resolve_fonts()
    markup, css, text_by_role = build_html(doc, faces)
    check_coverage(text_by_role, faces)
    workers = pdf_workers() if workers is None else max(1, workers)
    costs = part_costs(doc)
    if workers > 1 and len(costs) > 1 and sum(costs) >= PARALLEL_MIN_COST and _can_fork():
        groups = assign_parts(costs, workers)
        if len(groups) > 1:
            pdf = _render_parallel(doc, groups, faces, css)
            if pdf is not None:
                return pdf
    return _layout(markup, css).write_pdf(**WEASYPRINT_OPTIONS)
