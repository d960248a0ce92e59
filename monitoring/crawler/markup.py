"""Reading the markup of a listing page: the links a reader follows, the pieces of text a reader
sees (with the element each belongs to), dates drawn by small scripts or split in two boxes, the
column header a table cell's date stands under, and which of an item's dates is its date."""

from __future__ import annotations

import datetime
import re

from . import dates as d

SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "textarea", "select", "option", "head", "title"})
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
NOT_CONTENT_HREF = ("javascript:", "mailto:", "tel:", "#", "data:")
PAGER_WORDS = frozenset(
    {
        "首页",
        "上一页",
        "下一页",
        "上页",
        "下页",
        "末页",
        "尾页",
        "最后一页",
        "前一页",
        "后一页",
        "跳转",
        "go",
        "更多",
        "more",
    }
)
MAX_SCRIPT = 300


def is_content_link(anchor) -> bool:
    href = (anchor.get("href") or "").strip()
    if not href or href.lower().startswith(NOT_CONTENT_HREF):
        return False
    text = d.normalize(anchor.text_content()).strip()
    title = (anchor.get("title") or "").strip()
    return bool(text or title) and text.lower() not in PAGER_WORDS


def content_links(element) -> list:
    return [a for a in element.iter("a") if is_content_link(a)]


def hidden(element) -> bool:
    return element.get("hidden") is not None or bool(HIDDEN_STYLE.search(element.get("style") or ""))


def pieces(top):
    """``(owner, text, inside_a_link, after)`` for every piece of text under ``top`` that a reader
    sees; ``after`` is the element the text follows (the text is its tail), else ``None``."""
    stack = [(top, any(a.tag == "a" for a in top.iterancestors()))]
    while stack:
        element, in_link = stack.pop()
        if element.tag == "script" and (written := written_date(element)):
            yield element.getparent(), written, in_link, None
        if element.tag in SKIP_TAGS or hidden(element):
            continue
        inner = in_link or element.tag == "a"
        if element.text:
            yield element, element.text, inner, None
        for child in element:
            if child.tail:
                yield element, child.tail, inner, child
            if isinstance(child.tag, str):
                stack.append((child, inner))


SPLIT_DATES = (  # a date drawn in two boxes: <span>02</span><p>2024-03</p>
    (re.compile(r"^(\d{1,2}) (\d{4}) ?[-/.年] ?(\d{1,2}) ?月?$"), (2, 3, 1)),
    (re.compile(r"^(\d{4}) ?[-/.年] ?(\d{1,2}) ?月? (\d{1,2}) ?日?$"), (1, 2, 3)),
    (re.compile(r"^(\d{4}) ?年? (\d{1,2}) ?[-/.月] ?(\d{1,2}) ?日?$"), (1, 2, 3)),
)
SPLIT_MAX_TEXT = 20


def split_dates(root):
    """``(element, date)`` for small link-free boxes whose parts together make a date."""
    for element in root.iter():
        if not isinstance(element.tag, str) or element.tag in SKIP_TAGS or not 2 <= len(element) <= 3:
            continue
        parts = [" ".join(d.normalize(p).split()) for p in element.itertext()]
        parts = [p for p in parts if p]
        text = " ".join(parts)
        if len(parts) < 2 or len(text) > SPLIT_MAX_TEXT or any(d.DATE.search(p) for p in parts):
            continue
        if next(element.iter("a"), None) is not None:
            continue
        for pattern, (y, m, day) in SPLIT_DATES:
            if match := pattern.match(text):
                found = d.valid_date(match.group(y), match.group(m), match.group(day))
                if found is not None:
                    yield element, d.FoundDate(found, d.STRONG, "")
                break


def written_date(script) -> str:
    """The date a small inline script writes (``document.write("2024-03-02".substring(0,10))``)."""
    text = script.text or ""
    if len(text) > MAX_SCRIPT or script.getparent() is None or script.getparent().tag in ("head", "html"):
        return ""
    found = list(d.DATE.finditer(d.normalize(text)))
    return found[0].group(0) if len(found) == 1 else ""


def _titles_row(row) -> bool:
    """A header row of plain cells (``<tr class="title"><td>标题</td><td>发布日期</td>…``): no link,
    no date, and a column of dates (…日期, …时间)."""
    text = d.normalize(row.text_content())
    return (
        next(row.iter("a"), None) is None and not d.DATE.search(text) and any(word in text for word in ("日期", "时间"))
    )


def column_label(cell, row) -> str:
    """The header of a table cell's column (发布日期, 成文日期), to label the dates found in it."""
    table = next((t for t in row.iterancestors("table")), None)
    if table is None:
        return ""
    cells = [c for c in row if isinstance(c.tag, str)]
    if cell not in cells:
        return ""
    index = cells.index(cell)
    for header_row in table.iter("tr"):
        heads = [c for c in header_row if isinstance(c.tag, str)]
        if header_row is row or not heads:
            break
        if any(c.tag == "th" for c in heads) or header_row.getparent().tag == "thead" or _titles_row(header_row):
            if index < len(heads):
                return d.PUNCTUATION.sub("", d.normalize(heads[index].text_content()))
            break
    return ""


def labelled(found: d.FoundDate, owner, item) -> d.FoundDate:
    if found.label or item.tag != "tr":
        return found
    cell = owner
    while cell is not None and cell.getparent() is not item:
        cell = cell.getparent()
    label = column_label(cell, item) if cell is not None else ""
    return d.FoundDate(found.date, found.tier, label) if label else found


def best_date(found: list[d.FoundDate], *, min_tier: int) -> datetime.date | None:
    """A date labelled as the publication's (发布日期) first; else the clearest, 成文日期 and the like
    left out; of several, the latest (a document is published after it is written) that is not
    after tomorrow (有效期至 2029-03-01 in a column without a header is no publication date)."""
    usable = [f for f in found if f.tier >= min_tier]
    if not usable:
        return None
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    usable = [f for f in usable if f.date <= tomorrow] or usable
    published = [f for f in usable if f.is_publication and not f.is_other_kind]
    if published:
        return max(f.date for f in published)
    top = max(f.tier for f in usable)
    usable = [f for f in usable if f.tier == top]
    usable = [f for f in usable if not f.is_other_kind] or usable
    return max(f.date for f in usable)
