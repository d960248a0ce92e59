"""The items (title, link, date) of a listing page, without configuration per site.

Government CMSs (TRS/WCM, 大汉, 拓尔思, the 集约化平台 templates) list a column's items as repeated
elements — ``<li>``, table rows, ``<div>``s, ``<dd>``s — each holding a link and a date. So:

1. every date on the page is found with what surrounds it (:mod:`.dates`): a piece of text that is
   only a date (with its label and brackets) is an item's date; dates inside link texts (titles),
   copyright and "today is" lines are not;
2. from each date the nearest enclosing element that holds a link is the item (an element holding
   many links is a list, not an item, and the date is dropped);
3. items are grouped by their place in the page (the tags and classes of their ancestors), and the
   listing is the group under a title bar with the page's own column name (its ``<meta
   name="ColumnName">`` or a part of its ``<title>``), else the group with the most items, groups
   whose links lie under the column's own folder weighing more. Groups in footers, breadcrumbs and the page header never count, nor a list under a
   title bar of its own saying what side boxes say (热点信息, 最新动态, 推荐阅读: the column's list
   stands under the column's name), whatever its classes; a list inside a side bar or navigation
   by its classes (``right-side``, ``nav``) only on a page with no other list, after dates inside
   titles (some templates call the column's half of the page a side).

A CSS selector set on a column replaces steps 2–3: each element it selects is an item.
"""

from __future__ import annotations

import datetime
import re
from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from lxml.cssselect import CSSSelector
from lxml.etree import XPathError

from . import dates as d
from .markup import SKIP_TAGS, best_date, content_links, labelled, pieces, split_dates

SECONDARY_WORDS = ("详细", "详情", "查看", "下载", "附件", "阅读全文", "全文", "[详细]", "more", "更多")
# Page chrome, never the column's list: footers, breadcrumbs, the page header.
CHROME_WORDS = frozenset({
    "footer", "foot", "bottom", "copyright", "banquan", "crumb", "breadcrumb", "crumbs", "location", "weizhi",
    "dqwz", "header",
})  # fmt: skip
CHROME_PREFIXES = ("footer", "crumb", "breadcrumb", "copyright")
CHROME_TAGS = frozenset({"footer", "header"})
# Side bars and navigation: their dated lists (热点, 最新) give way to any other list of the page.
SIDE_WORDS = frozenset({"side", "aside", "sidebar", "rexian", "hot", "redian", "nav", "navbar", "menu"})
SIDE_TAGS = frozenset({"aside", "nav"})
# The title bars of side boxes: their lists are never the column's, whatever their classes say.
SIDE_HEADINGS = ("热点", "热门", "最新", "推荐", "排行", "猜你喜欢", "相关链接", "相关阅读", "相关文章", "相关新闻")
MORE = re.compile(r"更多|more|[>»＞+]+", re.IGNORECASE)
HEADING_MAX = 20
TITLE_PARTS = re.compile(r"[_\-—|｜·:：\s]+")
MAX_HEADING_CLIMB = 5
TOKENS = re.compile(r"[\s_\-]+")
CHROME, SIDE, MAIN = 2, 1, 0
MAX_CLIMB = 6
MAX_ITEM_LINKS = 4
DIGITS = re.compile(r"\d+")


@dataclass(frozen=True)
class Item:
    title: str
    url: str
    date: datetime.date

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.url, self.title, self.date.isoformat())


@dataclass
class _Candidate:
    element: object
    order: int
    links: object
    found: list[d.FoundDate] = field(default_factory=list)


class SelectorError(ValueError):
    """A column's CSS selector that lxml cannot read."""


def _distinct_links(element) -> int:
    links = [element] if element.tag == "a" else content_links(element)
    return len({a.get("href").strip() for a in links})


def _holds_a_list(element) -> bool:
    """Several children with a link and several with a date: items side by side (``<dt>``/``<dd>``
    pairs), not one item. A table row is one item whatever its cells hold."""
    if element.tag in ("tr", "a"):
        return False
    children = [c for c in element if isinstance(c.tag, str)]
    linked = sum(1 for c in children if _distinct_links(c))
    dated = sum(1 for c in children if d.DATE.search(d.normalize(c.text_content() + (c.tail or ""))))
    return linked >= 2 and dated >= 2


def _item_of(owner, after=None) -> tuple[object, object] | None:
    """(item, the element holding its link): the nearest element around ``owner`` holding a link,
    unless it holds a whole list of them; then the date's element and the sibling before it
    (``<dt><a>…</a></dt><dd>2024-03-02</dd>``, a title row and a date row), or for a date written
    after a link among others (``<a>…</a> 2024-03-02<br>``) that link."""
    node, child = owner, None
    for _ in range(MAX_CLIMB):
        if node is None or node.tag in ("body", "html"):
            return None
        links = _distinct_links(node)
        if links:
            if links > MAX_ITEM_LINKS or (links > 1 and _holds_a_list(node)):
                return _paired(child) if child is not None else _preceding_link(after)
            return node, node
        node, child = node.getparent(), node
    return None


def _preceding_link(after) -> tuple[object, object] | None:
    node = after
    while node is not None and isinstance(node.tag, str) and node.tag != "br":
        if _distinct_links(node):
            return (node, node) if _distinct_links(node) <= MAX_ITEM_LINKS else None
        node = node.getprevious()
    return None


def _paired(element) -> tuple[object, object] | None:
    if element is None:
        return None
    previous = element.getprevious()
    while previous is not None and not isinstance(previous.tag, str):
        previous = previous.getprevious()
    if previous is None or not 1 <= _distinct_links(previous) <= MAX_ITEM_LINKS:
        return None
    return element, previous


def _main_link(element, base_url: str) -> tuple[str, str] | None:
    """(title, absolute URL) of the item's link: the one with the longest text or title."""
    links = [element] if element.tag == "a" else content_links(element)
    if not links:
        return None

    def title_of(anchor) -> str:
        pieces = (p for p in anchor.itertext() if not any(f.tier == d.STRONG for f in d.find_dates(p)))
        text = " ".join(d.normalize(" ".join(pieces)).split())
        title = " ".join(d.normalize(anchor.get("title") or "").split())
        return title if len(title) > len(text) else text

    primary = [a for a in links if title_of(a).lower() not in SECONDARY_WORDS] or links
    anchor = max(primary, key=lambda a: len(title_of(a)))
    return title_of(anchor), urljoin(base_url, anchor.get("href").strip())


def _signature(element) -> tuple:
    path = [element.tag]
    for ancestor in element.iterancestors():
        classes = " ".join(sorted(DIGITS.sub("", c) for c in (ancestor.get("class") or "").split()))
        path.append(f"{ancestor.tag}.{classes}")
    return tuple(reversed(path))


def _place(element) -> int:
    """:data:`CHROME` inside a footer, breadcrumb or header, :data:`SIDE` in a side bar or navigation,
    else :data:`MAIN` (by the tags and the class and id words of the element and its ancestors)."""
    place = MAIN
    for node in (element, *element.iterancestors()):
        if node.tag in CHROME_TAGS:
            return CHROME
        place = max(place, SIDE if node.tag in SIDE_TAGS else MAIN)
        names = f"{node.get('class') or ''} {node.get('id') or ''}".lower()
        for token in TOKENS.split(DIGITS.sub("", names)):
            if token in CHROME_WORDS or token.startswith(CHROME_PREFIXES):
                return CHROME
            if token in SIDE_WORDS:
                place = SIDE
    return place


def _text(element) -> str:
    text = "".join(t for t in element.itertext() if t) if element.tag not in SKIP_TAGS else ""
    return "".join(MORE.sub("", d.normalize(text)).split())


def _heading(element) -> str:
    """The title bar of the box ``element`` (an item) stands in: of the item's nearest ancestor whose
    first child with text is not the item's own branch, that child's text if it is short and holds
    no date (an item before it is no title bar): 政策文件; 热点信息 of 热点信息更多>>; else ``""``."""
    node = element
    for _ in range(MAX_HEADING_CLIMB):
        parent = node.getparent()
        if parent is None or parent.tag in ("body", "html"):
            return ""
        first = next((c for c in parent if isinstance(c.tag, str) and _text(c)), None)
        if first is not None and first is not node:
            text = _text(first)
            if len(text) <= HEADING_MAX and not d.DATE.search(text):
                return text
        node = parent
    return ""


def _side_heading(heading: str) -> bool:
    return any(word in heading for word in SIDE_HEADINGS)


def column_names(root) -> set[str]:
    """The names a page gives its own column: ``<meta name="ColumnName">`` (government site pages
    carry it) and the parts of its ``<title>`` (政策文件_临淄区发展和改革局)."""
    names = [m.get("content") or "" for m in root.iter("meta") if (m.get("name") or "").lower() == "columnname"]
    title = root.find(".//title")
    if title is not None:
        names += TITLE_PARTS.split(d.normalize(title.text_content()))
    return {name for name in ("".join(d.normalize(n).split()) for n in names) if len(name) >= 2}


def _folder(url: str) -> str:
    path = urlsplit(url).path
    return path[: path.rfind("/") + 1] or "/"


def _candidates(root, *, allow_weak: bool) -> list[_Candidate]:
    order = {element: index for index, element in enumerate(root.iter())}
    found: dict[object, _Candidate] = {}
    dated = [
        (owner, date, after)
        for owner, text, in_link, after in pieces(root)
        for date in d.find_dates(text)
        if allow_weak or not (date.tier == d.WEAK or (in_link and date.tier < d.STRONG))
    ]
    dated += [(element, date, None) for element, date in split_dates(root)]
    for owner, date, after in dated:
        place = _item_of(owner, after)
        if place is None:
            continue
        item, links = place
        candidate = found.setdefault(item, _Candidate(item, order.get(item, 0), links))
        candidate.found.append(labelled(date, owner, item))
    return sorted(found.values(), key=lambda c: c.order)


def _items(candidates: list[_Candidate], base_url: str, *, min_tier: int) -> list[tuple[object, Item]]:
    items = []
    for candidate in candidates:
        date = best_date(candidate.found, min_tier=min_tier)
        link = _main_link(candidate.links, base_url)
        if date is not None and link is not None:
            items.append((candidate.element, Item(title=link[0], url=link[1], date=date)))
    return items


def _listing(items: list[tuple[object, Item]], page_url: str, *, side: bool, names: set[str]) -> list[Item]:
    groups: dict[tuple, list[tuple[object, Item]]] = defaultdict(list)
    for element, item in items:
        groups[_signature(element)].append((element, item))
    folder = _folder(page_url)
    host = urlsplit(page_url).netloc

    def weight(members: list[tuple[object, Item]]) -> float:
        distinct = {item.key for _, item in members}
        inside = sum(1 for _, i in members if urlsplit(i.url).netloc == host and _folder(i.url).startswith(folder))
        return len(distinct) * (1 + inside / len(members))

    headings = {key: _heading(members[0][0]) for key, members in groups.items()}
    places = {key: CHROME if _side_heading(headings[key]) else _place(members[0][0]) for key, members in groups.items()}
    listings = [key for key in groups if places[key] == (SIDE if side else MAIN)]
    if not listings:
        return []
    # Under a title bar with the page's own column name first, then the most items.
    best = max(listings, key=lambda k: (headings[k] in names, weight(groups[k]), -items.index(groups[k][0])))
    return _unique(item for _, item in groups[best])


def _unique(items) -> list[Item]:
    seen, unique = set(), []
    for item in items:
        if item.key not in seen:
            seen.add(item.key)
            unique.append(item)
    return unique


def extract_items(root, page_url: str, base_url: str | None = None) -> list[Item]:
    """The listing's items, in the order of the page."""
    base_url = base_url or page_url
    names = column_names(root)
    clear = _items(_candidates(root, allow_weak=False), base_url, min_tier=d.MEDIUM)
    found = _listing(clear, page_url, side=False, names=names)
    if found:
        return found
    # No list of dates standing on their own: dates inside longer texts (titles), then side bars.
    loose = _items(_candidates(root, allow_weak=True), base_url, min_tier=d.WEAK)
    return _listing(loose, page_url, side=False, names=names) or _listing(clear, page_url, side=True, names=names)


def compile_selector(selector: str) -> CSSSelector:
    try:
        return CSSSelector(selector)
    except Exception as exc:  # cssselect's SelectorSyntaxError and friends
        raise SelectorError(f"CSS选择器“{selector}”无法识别：{exc}") from exc


def select_items(root, selector: str, base_url: str) -> list[Item]:
    """Items with a column's CSS selector: each selected element is one item (its link, its date)."""
    try:
        elements = compile_selector(selector)(root)
    except XPathError as exc:
        raise SelectorError(f"CSS选择器“{selector}”无法识别：{exc}") from exc
    items = []
    for element in elements:
        found = [date for _, text, _, _ in pieces(element) for date in d.find_dates(text)]
        found += [date for _, date in split_dates(element)]
        date = best_date(found, min_tier=d.WEAK)
        link = _main_link(element, base_url)
        if date is not None and link is not None:
            items.append(Item(title=link[0], url=link[1], date=date))
    return _unique(items)
