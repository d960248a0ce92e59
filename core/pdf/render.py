"""Render an :class:`~core.pdf.document.OfficialDocument` to a print-ready PDF (GB/T 9704-2012).

``render_one_piece(doc)`` builds HTML + CSS (:mod:`core.pdf.markup`, ``official.css``) and renders
it with WeasyPrint, using the fonts of :mod:`core.pdf.fonts`.  Before rendering it checks that every
character has a glyph in the font that will draw it and raises
:class:`~core.pdf.fonts.MissingGlyphError` otherwise (a PDF with tofu or a silently substituted face
is not fit to be issued).

Public interface (used by :mod:`core.pdf.parallel` as by any caller): :func:`build_html`,
:func:`lay_out`, :func:`main_text_spacing`, :func:`render_document`, :func:`render_one_piece`,
:data:`WEASYPRINT_OPTIONS`, :func:`harfbuzz_subsetting`.
"""

from __future__ import annotations

import atexit
import ctypes.util
import gc
import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .continued import continue_tables
from .document import OfficialDocument
from .fonts import FontFace, check_coverage, resolve_fonts
from .keeping import MAIN_SPACINGS, main_text_fit
from .markup import CHAR_MM, LINE_MM, HtmlBuilder, document_css

__all__ = [
    "CHAR_MM",
    "LINE_MM",
    "WEASYPRINT_OPTIONS",
    "build_html",
    "few_collections",
    "harfbuzz_subsetting",
    "lay_out",
    "main_text_spacing",
    "render_document",
    "render_one_piece",
]

LOGGER = logging.getLogger(__name__)

# WeasyPrint options.  hinting=False strips hinting from the embedded subsets; full_fonts=False
# keeps subsetting on (HarfBuzz: fast, small PDFs).  See bench/bench_pdf.py.
WEASYPRINT_OPTIONS = {"hinting": False, "full_fonts": False, "optimize_images": False}


def build_html(
    doc: OfficialDocument, faces: dict[str, FontFace] | None = None, spacing: str = "", *, marks: bool = False
) -> tuple[str, str, dict]:
    """Return ``(html, css, text_by_role)`` for ``doc`` (useful for debugging the layout)."""
    faces = faces or resolve_fonts()
    builder = HtmlBuilder(faces, spacing, marks=marks)
    markup = builder.document(doc)
    return markup, document_css(faces, doc), builder.roles()


_local = threading.local()


def _font_config():
    """One WeasyPrint FontConfiguration per thread, reused across documents.

    Registering the five @font-face fonts costs ~0.1 s per document (each file is read, copied
    to a temporary folder and scanned by fontconfig); WeasyPrint keys them by their descriptors,
    so a reused configuration registers each face only once. The copies (~22 MB) are deleted when
    the configuration goes; a thread's is let go when the process exits, which would not happen by
    itself (a process that made a PDF left its copies in the temporary folder).
    """
    from weasyprint.text.fonts import FontConfiguration

    config = getattr(_local, "font_config", None)
    if config is None:
        config = _local.font_config = FontConfiguration()
        _local.stylesheets = {}
        atexit.register(vars(_local).clear)  # this thread's configuration and stylesheets
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


def lay_out(markup: str, css: str, *more_css: str):
    """``markup`` laid out with ``css`` and then ``more_css`` (each stylesheet parsed once per
    process and kept, with its fonts, for the next document): a WeasyPrint ``Document``, whose
    ``write_pdf(**WEASYPRINT_OPTIONS)`` gives the PDF."""
    from weasyprint import HTML

    if not getattr(_local, "checked_harfbuzz", False):
        _local.checked_harfbuzz = True
        if not harfbuzz_subsetting():
            LOGGER.warning(
                "libharfbuzz-subset0 is missing: WeasyPrint subsets fonts with fontTools, "
                "which is several seconds slower per PDF; run scripts/install_fonts.sh"
            )

    return HTML(string=markup, base_url=str(Path(__file__).parent)).render(
        stylesheets=[_stylesheet(sheet) for sheet in (css, *more_css)], font_config=_font_config(), **WEASYPRINT_OPTIONS
    )


def main_text_spacing(doc: OfficialDocument, faces: dict[str, FontFace], css: str) -> str:
    """The spacing of the main text that keeps the 署名 with some of the text (never with the last
    title of the 附件说明 alone) without leaving three lines empty at the foot of the page before: the
    main text alone is laid out (a page or two, quickly) as GB/T 9704 sets it, then with paragraphs
    free to break, narrower blank lines and closer lines (:data:`~core.pdf.keeping.MAIN_SPACINGS`);
    the first that does both is used, else the first that leaves fewer than three lines empty."""
    fits = []
    for spacing in MAIN_SPACINGS:
        markup = HtmlBuilder(faces, spacing, marks=True).document(doc, attachments=[])
        fit = main_text_fit(lay_out(markup, css), LINE_MM)
        if fit.good:
            return spacing
        fits.append((spacing, fit))
    return next((spacing for spacing, fit in fits if fit.empty_lines_before < 3), "")


def render_document(doc: OfficialDocument, *, marks: bool = False):
    """Lay ``doc`` out in one piece and return the WeasyPrint ``Document``; with ``marks`` every
    block has an id, so that :mod:`core.pdf.keeping` can tell where it is (for inspection, tests)."""
    faces = resolve_fonts()
    markup, css, text_by_role = build_html(doc, faces)
    check_coverage(text_by_role, faces)
    spacing = main_text_spacing(doc, faces, css)

    def lay(version: OfficialDocument):
        builder = HtmlBuilder(faces, spacing, marks=marks)
        return lay_out(builder.document(version), css), builder.tables

    return continue_tables(doc, lay)  # tables running over pages keep their group labels


_gc_depth = {"open": False}
GC_THRESHOLD = 20_000
"""Allocations between two collections of the youngest generation while laying out (Python's: 700)."""


@contextmanager
def few_collections() -> Iterator[None]:
    """Lay out without Python's cyclic garbage collector scanning the process again and again.

    WeasyPrint makes hundreds of thousands of small objects for a notice: with the default
    thresholds the collector ran about 200 times during one, and each full collection walked every
    object of the process (Django, WeasyPrint, the data): 0.4 s of a 1 s notice. Within, the
    objects that existed before are left out of collections (``gc.freeze``) and the youngest
    generation is collected less often; both are restored after (``gc.unfreeze``)."""
    if _gc_depth["open"]:  # within another: that one restores
        yield
        return
    threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(max(threshold[0], GC_THRESHOLD), *threshold[1:])
    _gc_depth["open"] = True
    try:
        yield
    finally:
        _gc_depth["open"] = False
        gc.set_threshold(*threshold)
        gc.unfreeze()


def render_one_piece(doc: OfficialDocument) -> bytes:
    """Render ``doc`` to PDF bytes in one piece (page numbers from the CSS margin boxes).

    Raises :class:`~core.pdf.fonts.MissingGlyphError` when a character has no glyph in its font
    and :class:`~core.pdf.fonts.FontsNotInstalledError` when ``var/fonts/`` has not been built.
    """
    with few_collections():
        return render_document(doc).write_pdf(**WEASYPRINT_OPTIONS)
