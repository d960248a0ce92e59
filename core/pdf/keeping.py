"""What a laid-out document keeps together, read from WeasyPrint's page boxes.

GB/T 9704-2012 7.3.5.1: the 署名 and 成文日期 must not stand on a page without text; where the space
left does not hold them, the typesetter narrows the spacing. :func:`signature_with_text` tells
whether the 署名 shares its page with some of the text (a heading, a paragraph, the title), not only
with the 附件说明.
"""

from __future__ import annotations

MAIN_SPACINGS = ("", "tight", "tighter")
"""The spacings tried, in order: as GB/T 9704 sets it, then with half and no blank lines before
the 附件说明 and the 署名."""

TEXT_CLASSES = {"title", "addressee", "h1", "h2", "h3", ""}


def page_elements(page) -> list:
    """The HTML elements (lxml/ElementTree) that have a box on a laid-out page."""
    seen = []
    for box in page._page_box.descendants():
        element = getattr(box, "element", None)
        if element is not None and (not seen or seen[-1] is not element):
            seen.append(element)
    return seen


def signature_with_text(document) -> bool:
    """Whether the page that holds the 署名 also holds text other than the 附件说明."""
    for page in document.pages:
        elements = page_elements(page)
        if not any(el.tag == "table" and el.get("class") == "sig" for el in elements):
            continue
        return any((el.tag == "p" and (el.get("class") or "") in TEXT_CLASSES) or el.tag == "h1" for el in elements)
    return True
