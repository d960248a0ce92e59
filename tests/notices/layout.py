"""Reading a laid-out notice (WeasyPrint's page boxes): where each page's text ends, which lines
table cells break into."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from core.pdf.keeping import empty_lines, flow_boxes
from core.pdf.render import LINE_MM


@dataclass
class PageInfo:
    number: int
    starts_part: bool
    """The page begins the main text or an attachment (a forced break precedes it)."""
    empty_lines: float
    """Lines of the text block left empty at the bottom of the page."""


def pages(document) -> list[PageInfo]:
    found = []
    for number, page in enumerate(document.pages, start=1):
        top = page._page_box.content_box_y()
        labels = [
            b
            for b in flow_boxes(page)
            if getattr(b, "element", None) is not None and (b.element.get("class") or "") in ("att-label", "title")
        ]
        found.append(
            PageInfo(
                number=number,
                starts_part=number == 1 or any(b.position_y <= top + 1 for b in labels),
                empty_lines=empty_lines(page, LINE_MM),
            )
        )
    return found


def pages_leaving_lines_empty(document, limit: float = 3) -> list[int]:
    """Pages (not the last of a part) that leave ``limit`` or more lines empty at their foot."""
    info = pages(document)
    return [p.number for p, following in pairwise(info) if not following.starts_part and p.empty_lines >= limit]


def cell_lines(document, texts: set[str]) -> dict[str, list[str]]:
    """For each table cell whose text is one of ``texts``: the lines it is printed on."""
    found: dict[str, list[str]] = {}
    for page in document.pages:
        for box in page._page_box.descendants():
            if type(box).__name__ != "TableCellBox":
                continue
            lines = [
                "".join(t.text for t in line.descendants() if hasattr(t, "text"))
                for line in box.descendants()
                if type(line).__name__ == "LineBox"
            ]
            if "".join(lines) in texts:
                found["".join(lines)] = lines
    return found
