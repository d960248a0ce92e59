"""What a laid-out document keeps together, read from WeasyPrint's page boxes.

GB/T 9704-2012 7.3.5.1: the 署名 and 成文日期 must not stand on a page without text; where the space
left does not hold them, the typesetter narrows the spacing rather than carry a whole block over and
leave lines empty. :func:`main_text_fit` tells whether the 署名 shares its page with some of the
text (a heading, a paragraph, the title — not only the 附件说明) and how many lines the page before
it leaves empty at its foot.
"""

from __future__ import annotations

from dataclasses import dataclass

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
TEXT_CLASSES = {"title", "addressee", "h1", "h2", "h3", ""}


def flow_boxes(page):
    """The boxes of a page's text block: not the margin boxes (page numbers), nor the footnote area
    (版记) or fixed boxes (the 草稿 mark)."""
    root = next((c for c in page._page_box.children if type(c).__name__ != "MarginBox"), None)
    stack = [root] if root is not None else []
    while stack:
        box = stack.pop()
        element = getattr(box, "element", None)
        classes = (element.get("class") or "") if element is not None else ""
        if "watermark" in classes or "imprint" in classes:
            continue
        yield box
        stack.extend(getattr(box, "children", []))


def empty_lines(page, line_mm: float) -> float:
    """Lines of the text block left empty at the foot of a laid-out page."""
    box = page._page_box
    ends = [
        b.position_y + b.margin_height()
        for b in flow_boxes(page)
        if type(b).__name__ in ("LineBox", "TableRowBox") and b.height > 0
    ]
    used = max(ends, default=box.content_box_y())
    return (box.content_box_y() + box.height - used) * PX_MM / line_mm


def page_elements(page) -> list:
    """The HTML elements (lxml/ElementTree) that have a box on a laid-out page."""
    seen = []
    for box in page._page_box.descendants():
        element = getattr(box, "element", None)
        if element is not None and (not seen or seen[-1] is not element):
            seen.append(element)
    return seen


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
    for index, page in enumerate(document.pages):
        elements = page_elements(page)
        if not any(el.tag == "table" and el.get("class") == "sig" for el in elements):
            continue
        with_text = any(
            (el.tag == "p" and (el.get("class") or "") in TEXT_CLASSES) or el.tag == "h1" for el in elements
        )
        before = empty_lines(document.pages[index - 1], line_mm) if index else 0.0
        titles = sum(1 for el in elements if el.tag == "div" and "att-item" in (el.get("class") or ""))
        return MainTextFit(with_text, before, titles)
    return MainTextFit(True, 0.0)


def signature_with_text(document) -> bool:
    """Whether the page that holds the 署名 also holds text other than the 附件说明."""
    return main_text_fit(document, 1.0).signature_with_text
