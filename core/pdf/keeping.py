"""What a laid-out document keeps together, read through WeasyPrint's public ``Page.anchors``.

GB/T 9704-2012 7.3.5.1: the 署名 and 成文日期 must not stand on a page without text; where the space
left does not hold them, the typesetter narrows the spacing rather than carry a whole block over and
leave lines empty. :func:`main_text_fit` tells whether the 署名 shares its page with some of the
text (a heading, a paragraph, the title — not only the 附件说明) and how many lines the page before
it leaves empty at its foot.

The document is laid out with marks (:class:`~core.pdf.markup.HtmlBuilder` with ``marks=True``):
every block has an ``id``, and WeasyPrint lists on each page the ids of the blocks that have a box
there (``Page.anchors``; a paragraph broken over two pages is on both) with that box's rectangle
``(x1, y1, x2, y2)`` in CSS pixels from the page's top left corner. The text of a paragraph is a
link to it, so that each of its lines is listed with its rectangle too (``Page.links``): a broken
paragraph's box fills the page to where it was broken, its lines tell where its text ends.
"""

from __future__ import annotations

from dataclasses import dataclass

from .markup import LANDSCAPE_MARGINS_MM, PORTRAIT_MARGINS_MM, Marks

MAIN_SPACINGS = (
    "",
    "free",
    "tight free",
    "tighter free",
    "tighter free squeeze1",
    "tighter free squeeze2",
)
"""The spacings tried, in order: as GB/T 9704 sets it; with paragraphs free to break after their
first and before their last line; with half and no blank lines before the 附件说明 and the 署名;
then with the lines set closer (23, 24 to the page)."""
MAX_EMPTY_LINES = 3
"""A page that does not end a part may leave fewer lines than this empty at its foot."""
PX_MM = 25.4 / 96
"""Millimetres in a CSS pixel."""


def _kind(name: str) -> str:
    """The :class:`Marks` kind of a marked block's id (``t:12``, ``sig``); other ids have none."""
    return name if name == Marks.SIGNATURE else name.partition(":")[0] if ":" in name else ""


def marks(page, kind: str | None = None) -> dict[str, tuple[float, ...]]:
    """The marked blocks that have a box on ``page`` (all, or those of one :class:`Marks` kind),
    each with its box ``(x1, y1, x2, y2)`` on that page."""
    found = {name: tuple(box) for name, box in page.anchors.items() if _kind(name)}
    if kind is None:
        return found
    return {name: box for name, box in found.items() if _kind(name) == kind}


def text_block(page) -> tuple[float, float]:
    """Top and bottom of the page's text block, in CSS pixels (portrait or landscape margins)."""
    top, _, bottom, _ = LANDSCAPE_MARGINS_MM if page.width > page.height else PORTRAIT_MARGINS_MM
    return top / PX_MM, page.height - bottom / PX_MM


def marked_lines(page) -> list[tuple[float, ...]]:
    """The rectangles of the marked lines of text on ``page``."""
    return [tuple(rect) for kind, target, rect, *_ in page.links if kind == "internal" and target in page.anchors]


def text_end(page) -> float | None:
    """Where the text on ``page`` ends (the bottom of its last line, table row or other block), or
    ``None`` when the page holds nothing marked."""
    whole = [box for name, box in marks(page).items() if _kind(name) in Marks.WHOLE]
    bottoms = [rect[3] for rect in marked_lines(page) + whole if rect[3] > rect[1]]
    return max(bottoms, default=None)


def empty_lines(page, line_mm: float) -> float:
    """Lines of the text block left empty at the foot of a laid-out page (the 版记, a footnote, and
    the 草稿 mark are not marked, so not counted as text)."""
    top, bottom = text_block(page)
    used = text_end(page)
    return (bottom - (top if used is None else used)) * PX_MM / line_mm


def starts_part(page) -> bool:
    """Whether an attachment begins at the top of ``page`` (its 附件N label on the first line)."""
    top, _ = text_block(page)
    return any(box[1] <= top + 1 for box in marks(page, Marks.PART).values())


@dataclass(frozen=True)
class MainTextFit:
    signature_with_text: bool
    empty_lines_before: float
    """Empty lines at the foot of the page before the 署名's page (0 when it is on the first)."""
    titles_with_signature: int = 0
    """Lines of the 附件说明 on the 署名's page."""

    @property
    def good(self) -> bool:
        """The 署名 has text on its page, or at least two titles of the 附件说明 (never the last one
        alone), and the page before does not end with three empty lines."""
        kept = self.signature_with_text or self.titles_with_signature >= 2
        return kept and self.empty_lines_before < MAX_EMPTY_LINES


def main_text_fit(document, line_mm: float) -> MainTextFit:
    """How the 署名 sits in ``document`` (laid out with marks)."""
    for index, page in enumerate(document.pages):
        if Marks.SIGNATURE not in page.anchors:
            continue
        with_text = bool(marks(page, Marks.TEXT))
        before = empty_lines(document.pages[index - 1], line_mm) if index else 0.0
        return MainTextFit(with_text, before, len(marks(page, Marks.TITLE_ITEM)))
    return MainTextFit(True, 0.0)
