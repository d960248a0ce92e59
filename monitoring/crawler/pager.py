"""The other pages of a listing: 下一页 / page-number links, and the pages that TRS-style sites
only draw with a script: ``createPageHTML(count, current, "index", "html")`` counts pages from 0
(index.html, index_1.html, index_2.html, …); the templates that pass the pager's element id first
and the item count last, ``createPageHTML('page_div', count, current, 'index', 'shtml', items)``,
count from 1 (index.shtml, index_2.shtml, …, the first page's ``current`` is 1)."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from .dates import normalize
from .markup import NOT_CONTENT_HREF

CREATE_PAGE = re.compile(r"createPageHTML\s*\(([^()]*)\)")
NEXT_WORDS = frozenset({"下一页", "下页", "后一页", "后页", "下一頁", "next", "nextpage"})
LAST_WORDS = frozenset({"末页", "尾页", "最后一页", "最后页", "last", "lastpage"})
ARROWS = re.compile(r"[\s\[\]【】()（）<>＜＞«»‹›〈〉《》·]+")
"""Around a pager word: 下一页>, [下一页], 下一页 », 尾页>>; a link that is only > or » is 下一页."""
NEXT_ARROWS = re.compile(r"^[>»›]{1,2}$")
PAGE_NUMBER = re.compile(r"^[\[【(（]?\s*第?\s*(\d{1,4})\s*页?\s*[\]】)）]?$")
MAX_SCRIPT_PAGES = 1000


def _argument(raw: str, script: str) -> int | str | None:
    raw = raw.strip()
    if not raw:
        return None
    if raw[0] in "'\"":
        value = raw.strip("'\"").strip()
        return int(value) if value.isdigit() else value
    if raw.isdigit():
        return int(raw)
    if re.fullmatch(r"[A-Za-z_$][\w$]*", raw):  # a variable: its value assigned in the page's scripts
        number = re.search(rf"\b{re.escape(raw)}\s*=\s*['\"]?(\d+)(?![\d.])", script)
        if number:
            return int(number.group(1))
        text = re.search(rf"\b{re.escape(raw)}\s*=\s*['\"]([^'\"]+)['\"]", script)
        return text.group(1) if text else None
    return None


def script_pages(html: str, page_url: str) -> list[str] | None:
    """Every page a ``createPageHTML(…)`` call draws, first to last; ``None`` without such a call."""
    for match in CREATE_PAGE.finditer(html):
        values = [_argument(part, html) for part in match.group(1).split(",")]
        for index in range(len(values) - 1):
            count, current = values[index], values[index + 1]
            if isinstance(count, int) and isinstance(current, int):
                names = [v for v in values[index + 2 :] if isinstance(v, str)]
                name, ext = [*names, "index", "html"][:2] if len(names) != 1 else (names[0], "html")
                count = max(1, min(count, MAX_SCRIPT_PAGES))
                first = 2 if index and isinstance(values[0], str) and current else 1  # element id first: from 1
                files = [f"{name}.{ext}"] + [f"{name}_{n}.{ext}" for n in range(first, count + first - 1)]
                return [urljoin(page_url, f) for f in files]
    return None


def _followable(href: str | None) -> bool:
    href = (href or "").strip()
    return bool(href) and not href.lower().startswith(NOT_CONTENT_HREF)


def link_pages(root, base_url: str) -> list[str]:
    """The 下一页 link first, then page-number links in their order; 末页 only without either."""
    following, numbered, last = [], {}, []
    for anchor in root.iter("a"):
        href = anchor.get("href")
        if not _followable(href):
            continue
        alt = " ".join(img.get("alt") or "" for img in anchor.iter("img"))  # image buttons
        text = " ".join(normalize(f"{anchor.text_content()} {alt}").split()).lower()
        words = {ARROWS.sub("", text), ARROWS.sub("", normalize(anchor.get("title") or "").lower())}
        url = urljoin(base_url, href.strip())
        if words & NEXT_WORDS or NEXT_ARROWS.match(text.replace(" ", "")):
            following.append(url)
        elif words & LAST_WORDS:
            last.append(url)
        elif match := PAGE_NUMBER.match(text):
            numbered.setdefault(int(match.group(1)), url)
    pages = [*following, *(numbered[n] for n in sorted(numbered))]
    return pages or last  # 末页 alone (two pages): never a jump over the pages between


def other_pages(root, html: str, page_url: str, base_url: str) -> list[str]:
    """The pages this page points to, on the same site, in reading order."""
    pages = script_pages(html, page_url)
    if pages is None:
        pages = link_pages(root, base_url)
    host = urlsplit(page_url).netloc
    return [url for url in pages if urlsplit(url).netloc == host and urlsplit(url).scheme in ("http", "https")]
