"""Laying a large document out in parallel, with public interfaces only.

A document's parts (the main text, each attachment) each start on a new page. For a large
document they are cut into runs of consecutive parts, laid out side by side: the first run here,
the others in worker processes started with ``spawn`` (fresh interpreters: never a fork of the
calling process, so nothing of a request or a transaction is copied). Then, with pypdf:

- the pages of the runs are put back in order;
- every run also lays out first, on one extra page, each character the whole document uses in each
  font, so all runs embed the very same font subsets; that page is dropped, and
  ``PdfWriter.compress_identical_objects`` keeps one copy of each font: the file is no larger than
  a one-piece rendering;
- the page numbers come from an overlay that WeasyPrint lays out with the same ``@page`` margin
  boxes (as many empty pages, portrait or landscape, as the document has), each overlay page
  merged onto its page with ``PageObject.merge_page``.
"""

from __future__ import annotations

import hashlib
import io
import logging
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor

from .document import Block, Landscape, OfficialDocument, Table
from .fonts import FontFace, FontsNotInstalledError, MissingGlyphError, check_coverage, resolve_fonts
from .markup import CHARS_PER_LINE, HtmlBuilder, document_css, escape
from .render import WEASYPRINT_OPTIONS, few_collections, lay_out, main_text_spacing, render_one_piece

#: Below this estimated cost (≈ table cells + lines of text) a document is laid out in one piece.
PARALLEL_MIN_COST = 800
LOGGER = logging.getLogger(__name__)

NO_PAGE_NUMBERS_CSS = """
@page :right { @bottom-right { content: none; } }
@page :left { @bottom-left { content: none; } }
"""
LEADING = 2
"""Pages before a run's own: the page of glyphs and a blank one, so its first page is a right page."""
NUMBERED_AFTER_LEADING_CSS = """
@page :nth(1) { counter-reset: page -1; @bottom-right { content: none; } }
@page :nth(2) { @bottom-left { content: none; } }
"""
GLYPHS_PAGE = '<section style="break-after: page">{}</section><div style="break-after: page"></div>'
OVERLAY_PAGE = '<div style="break-before: page; height: 1px"></div>'
OVERLAY_LANDSCAPE = '<section class="attachment landscape"><div style="height: 1px"></div></section>'

_pool: ProcessPoolExecutor | None = None
_pool_size = 0


def pdf_workers() -> int:
    """Processes for a large document: ``LINZI_PDF_WORKERS``, else the number of cores (at most 4)."""
    value = os.environ.get("LINZI_PDF_WORKERS", "")
    return max(1, int(value)) if value.isdigit() else min(os.cpu_count() or 1, 4)


def _executor(workers: int) -> ProcessPoolExecutor:
    global _pool, _pool_size
    if _pool is None or _pool_size != workers:
        if _pool is not None:
            _pool.shutdown(wait=False, cancel_futures=True)
        _pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))
        _pool_size = workers
    return _pool


def _block_cost(block: Block) -> int:
    if isinstance(block, Landscape):
        return sum(_block_cost(b) for b in block.blocks)
    if isinstance(block, Table):
        return sum(len(r) for r in block.header_rows) + sum(len(r) for r in block.rows) + len(block.note) // 40
    return len(block.text) // CHARS_PER_LINE + 1


def part_costs(doc: OfficialDocument) -> list[int]:
    """Estimated layout cost of the main text and of each attachment."""
    return [sum(_block_cost(b) for b in doc.body) + 30] + [
        sum(_block_cost(b) for b in a.blocks) + 10 for a in doc.attachments
    ]


def split_runs(costs: list[int], workers: int) -> list[range]:
    """Cut the parts into at most ``workers`` runs of consecutive parts, evening out their costs."""
    n = len(costs)
    workers = max(1, min(workers, n))
    total = sum(costs)
    runs, start, done = [], 0, 0
    for left in range(workers, 0, -1):
        if left == 1:
            runs.append(range(start, n))
            break
        target = (total - done) / left
        end, acc = start + 1, costs[start]
        while end < n - (left - 1) and abs(acc + costs[end] - target) <= abs(acc - target):
            acc += costs[end]
            end += 1
        runs.append(range(start, end))
        start, done = end, done + acc
    return runs


def _glyphs_page(faces: dict[str, FontFace], text_by_role: dict[str, str]) -> str:
    """Leading pages drawing every character of each font role once, in a fixed order."""
    spans = []
    for role, text in sorted(text_by_role.items()):
        chars = "".join(sorted(set(text) - {"\n"}))
        spans.append(f"<p style=\"font-family: '{faces[role].css_family}'; white-space: pre\">{escape(chars)}</p>")
    return GLYPHS_PAGE.format("".join(spans))


def _run_markup(builder: HtmlBuilder, doc: OfficialDocument, parts: range, glyphs: str) -> str:
    markup = builder.document(doc, main=0 in parts, attachments=[doc.attachments[i - 1] for i in parts if i > 0])
    return markup.replace("<body>", "<body>" + glyphs, 1)


def _render_run(markup: str, css: str, numbers_css: str) -> bytes:
    """Lay one run out (in a worker process, or here for the first run) with the document's
    stylesheet and that of its page numbers."""
    with few_collections():
        return lay_out(markup, css, numbers_css).write_pdf(**WEASYPRINT_OPTIONS)


def _overlay(landscape: list[bool], css: str, glyphs: str) -> bytes:
    """Empty pages numbered like the document's, after the leading pages (glyphs, blank)."""
    pages = [OVERLAY_LANDSCAPE if wide else OVERLAY_PAGE for wide in landscape]
    pages[0] = pages[0].replace("break-before: page; ", "")
    markup = '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"></head><body>' + glyphs + "".join(pages)
    return _render_run(markup + "</body></html>", css, NUMBERED_AFTER_LEADING_CSS)


def _font_key(font) -> tuple:
    """What makes two embedded fonts the same font: name, widths, glyph program and ToUnicode map."""
    descendant = font.DescendantFonts[0]
    descriptor = descendant.FontDescriptor
    program = next(descriptor[k] for k in ("/FontFile3", "/FontFile2", "/FontFile") if k in descriptor)
    return (
        str(font.BaseFont),
        repr(descendant.get("/W")),
        hashlib.sha256(program.read_bytes()).hexdigest(),
        hashlib.sha256(font.ToUnicode.read_bytes()).hexdigest() if "/ToUnicode" in font else "",
    )


def _share_fonts(pdf) -> None:
    """Point every page at one copy of each font: the runs embed identical subsets."""
    first: dict[tuple, object] = {}
    for page in pdf.pages:
        fonts = page.Resources.get("/Font")
        if fonts is None:
            continue
        for name in list(fonts.keys()):
            font = fonts[name]
            fonts[name] = first.setdefault(_font_key(font), font)


def _same(kind: str, a, b) -> bool:
    if a.objgen == b.objgen:
        return True
    if kind == "/Font":
        return _font_key(a) == _font_key(b)
    return a.unparse(resolved=True) == b.unparse(resolved=True)


def _stamp(pdf, page, number) -> None:
    """Draw the overlay page ``number`` on ``page``: its content and its resources beside the page's
    (the same font is used once); a Form XObject when a name stands for something else on the page."""
    import pikepdf

    number = pikepdf.Page(pdf.copy_foreign(number.obj))
    resources = dict(number.Resources.items())
    for kind, entries in resources.items():
        mine = page.Resources.get(kind)
        if mine is not None and any(n in mine and not _same(kind, mine[n], v) for n, v in entries.items()):
            page.add_overlay(number)
            return
    for kind, entries in resources.items():
        if kind not in page.Resources:
            page.Resources[kind] = pikepdf.Dictionary()
        for name, value in entries.items():
            if name not in page.Resources[kind]:
                page.Resources[kind][name] = value
    # Drawn first, in a saved graphics state: the page's own content then begins with the very same
    # transformation, so the two compress together (the number is in the margin: nothing overlaps).
    page.contents_add(pikepdf.Stream(pdf, b"q\n" + number.Contents.read_bytes() + b"\nQ\n"), prepend=True)
    page.contents_coalesce()


def assemble(runs: list[bytes], overlay: bytes, *, title: str, author: str) -> bytes:
    """The pages of ``runs`` (each without its leading pages) in order, those of the second and later
    runs with their overlay page, fonts shared, saved with compressed object streams (pikepdf/qpdf)."""
    import pikepdf

    out = pikepdf.new()
    sources = [pikepdf.open(io.BytesIO(run)) for run in runs]
    for source in sources:
        out.pages.extend(source.pages[LEADING:])
    numbers = pikepdf.open(io.BytesIO(overlay))
    numbered = len(sources[0].pages) - LEADING  # the first run numbers its own pages
    for index in range(numbered, len(out.pages)):
        _stamp(out, out.pages[index], numbers.pages[LEADING + index])
    _share_fonts(out)
    out.docinfo["/Title"] = title
    out.docinfo["/Author"] = author
    buffer = io.BytesIO()
    pikepdf.settings.set_flate_compression_level(9)
    out.save(
        buffer,
        object_stream_mode=pikepdf.ObjectStreamMode.generate,
        compress_streams=True,
        stream_decode_level=pikepdf.StreamDecodeLevel.generalized,
        recompress_flate=True,
    )
    return buffer.getvalue()


def render_parallel(doc: OfficialDocument, *, workers: int) -> bytes | None:
    """The document laid out in runs side by side, or ``None`` when it is too small to gain."""
    costs = part_costs(doc)
    runs = split_runs(costs, workers)
    if len(runs) < 2 or sum(costs) < PARALLEL_MIN_COST:
        return None
    faces = resolve_fonts()
    css = document_css(faces, doc)
    builder = HtmlBuilder(faces)
    builder.document(doc)
    text_by_role = builder.roles()
    check_coverage(text_by_role, faces)
    glyphs = _glyphs_page(faces, text_by_role)
    # The runs after the first hold attachments only, which the main text's spacing does not touch:
    # the workers lay them out while this process finds that spacing and lays out the first run.
    pool = _executor(len(runs) - 1)
    futures = [
        pool.submit(_render_run, _run_markup(HtmlBuilder(faces), doc, run, glyphs), css, NO_PAGE_NUMBERS_CSS)
        for run in runs[1:]
    ]
    spacing = main_text_spacing(doc, faces, css)
    first = _render_run(_run_markup(HtmlBuilder(faces, spacing), doc, runs[0], glyphs), css, NUMBERED_AFTER_LEADING_CSS)
    pdfs = [first] + [f.result() for f in futures]
    landscape = [wide for pdf in pdfs for wide in _landscape_pages(pdf)[LEADING:]]
    song = _glyphs_page(faces, {"song": text_by_role["song"]})
    return assemble(pdfs, _overlay(landscape, css, song), title=doc.title, author=doc.issuer)


def _landscape_pages(pdf: bytes) -> list[bool]:
    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as source:
        return [float(p.mediabox[2]) > float(p.mediabox[3]) for p in source.pages]


def _in_transaction() -> bool:
    from django.conf import settings

    if not settings.configured:
        return False
    from django.db import connection

    return connection.in_atomic_block


def render_pdf(doc: OfficialDocument, *, workers: int | None = None) -> bytes:
    """Render ``doc`` to print-ready PDF bytes.

    A large document is laid out in parallel runs (``workers`` processes, default
    :func:`pdf_workers`), a small one, or one rendered inside a database transaction (never hold a
    transaction open while laying out pages), in one piece; if a worker fails the document is laid
    out in one piece after all. Raises :class:`~core.pdf.fonts.MissingGlyphError` when a character
    has no glyph in its font and :class:`~core.pdf.fonts.FontsNotInstalledError` when
    ``var/fonts/`` has not been built.
    """
    workers = pdf_workers() if workers is None else workers
    if workers > 1 and not _in_transaction():
        try:
            with few_collections():
                pdf = render_parallel(doc, workers=workers)
        except (MissingGlyphError, FontsNotInstalledError):
            raise
        except Exception as exc:  # a broken worker: the document is still rendered, in one piece
            LOGGER.warning("parallel PDF layout failed, laying out in one piece: %s", exc)
            pdf = None
        if pdf is not None:
            return pdf
    return render_one_piece(doc)
