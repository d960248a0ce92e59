"""Reading a column: its listing page and the pages after it (up to a bound), the items of each;
and reading many columns at once, a thread per site, each site one request at a time."""

from __future__ import annotations

import datetime
import queue
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit, urlunsplit

from .extract import Item, SelectorError, extract_items, select_items
from .fetch import Fetcher, FetchError, Politeness
from .html import NotHtml, decode, parse
from .pager import other_pages

NO_ITEMS = "页面中没有识别出带日期的信息条目，请核对网址，或为该栏目设置CSS选择器。"
INDEX_FILE = re.compile(r"/(index|default)\.(s?html?|jsp|php|aspx?)$", re.IGNORECASE)
MAX_THREADS = 8
MAX_FRAMES = 2


@dataclass(frozen=True)
class Target:
    """What to read: a column's key (any value the caller recognises), listing URL and selector."""

    key: object
    url: str
    selector: str = ""


@dataclass
class PageRead:
    url: str
    status: int | None = None
    items: list[Item] = field(default_factory=list)
    error: str = ""


@dataclass
class ColumnRead:
    target: Target
    pages: list[PageRead] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    error: str = ""
    truncated: bool = False
    """More pages were announced than the bound allowed to read."""

    @property
    def pages_read(self) -> int:
        return sum(1 for page in self.pages if not page.error)

    @property
    def latest(self) -> datetime.date | None:
        return max((item.date for item in self.items), default=None)

    @property
    def months(self) -> dict[str, int]:
        """Items per month, ``{"2024-03": 5}``, for every month with items read (sorted)."""
        counts = Counter(item.date.strftime("%Y-%m") for item in self.items)
        return dict(sorted(counts.items()))


def same_page(url: str) -> str:
    """A key equal for two addresses of one page (``…/zcwj/`` and ``…/zcwj/index.html``)."""
    parts = urlsplit(url)
    path = INDEX_FILE.sub("/", parts.path or "/")
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, parts.query, ""))


def _frames(root, base_url: str, page_url: str) -> list[str]:
    host = urlsplit(page_url).netloc
    found = [urljoin(base_url, f.get("src").strip()) for f in root.iter("iframe") if (f.get("src") or "").strip()]
    return [url for url in found if urlsplit(url).netloc == host][:MAX_FRAMES]


def _read_document(fetcher: Fetcher, url: str, selector: str, page: PageRead, *, frames: bool = True):
    fetched = fetcher.fetch(url)
    page.status = fetched.status
    text = decode(fetched.content, fetched.charset)
    root, base_url = parse(text, fetched.url)
    if selector:
        page.items = select_items(root, selector, base_url)
    else:
        page.items = extract_items(root, fetched.url, base_url)
    if not page.items and frames:  # older sites show the list in a frame of the column page
        for frame in _frames(root, base_url, fetched.url):
            inner = PageRead(frame)
            more = _read_document(fetcher, frame, selector, inner, frames=False)
            if inner.items:
                page.items = inner.items
                return more
    return other_pages(root, text, fetched.url, base_url)


def _read_page(fetcher: Fetcher, url: str, selector: str) -> tuple[PageRead, list[str]]:
    """One page's items and the pages it points to."""
    page = PageRead(url)
    try:
        return page, _read_document(fetcher, url, selector, page)
    except FetchError as exc:
        page.status, page.error = exc.status, exc.message
    except NotHtml as exc:
        page.error = f"{exc}。"
    except SelectorError as exc:
        page.error = f"{exc}。"
    return page, []


def read_column(fetcher: Fetcher, target: Target, *, max_pages: int) -> ColumnRead:
    """The column's pages in reading order, at most ``max_pages`` read; items seen twice count once.

    A later page listing only items already read is the same page under another address (the
    首页 or 1 link to ``list.jsp?pageNo=1``, a site ignoring the page parameter): it is not a page
    of the column, and its links are not followed."""
    result = ColumnRead(target)
    queue, queued = [target.url], {same_page(target.url)}
    seen: set[tuple[str, str, str]] = set()
    fetched = 0
    while queue and fetched < max_pages:
        url = queue.pop(0)
        fetched += 1
        page, more = _read_page(fetcher, url, target.selector)
        if result.pages and page.items and all(item.key in seen for item in page.items):
            continue
        result.pages.append(page)
        if page.error:
            if len(result.pages) == 1:
                result.error = page.error
                break
            result.error = f"第{len(result.pages)}页（{url}）：{page.error}"
            continue
        for item in page.items:
            if item.key not in seen:
                seen.add(item.key)
                result.items.append(item)
        for link in more:
            if same_page(link) not in queued:
                queued.add(same_page(link))
                queue.append(link)
    result.truncated = bool(queue)
    if not result.error and not result.items:
        result.error = NO_ITEMS
    return result


def read_columns(
    targets: Iterable[Target],
    politeness: Politeness,
    *,
    max_pages: int,
    progress: Callable[[int, int], None] | None = None,
) -> list[ColumnRead]:
    """Every target, a thread per host (at most :data:`MAX_THREADS` at once), in the order given.

    ``progress(done, total)`` is called in the calling thread as columns finish.
    """
    targets = list(targets)
    by_host: dict[str, list[int]] = defaultdict(list)
    for index, target in enumerate(targets):
        by_host[urlsplit(target.url).netloc.lower()].append(index)
    fetcher = Fetcher(politeness)
    results: list[ColumnRead | None] = [None] * len(targets)
    finished: queue.Queue[int] = queue.Queue()

    def run_host(indexes: list[int]) -> None:
        for position, index in enumerate(indexes):
            try:
                results[index] = read_column(fetcher, targets[index], max_pages=max_pages)
            except BaseException:
                for rest in indexes[position:]:  # the caller counts them done, then sees the error
                    finished.put(rest)
                raise
            finished.put(index)

    workers = max(1, min(MAX_THREADS, len(by_host)))
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="crawl") as pool:
        futures = [pool.submit(run_host, indexes) for indexes in by_host.values()]
        for done in range(1, len(targets) + 1):
            finished.get()
            if progress is not None:
                progress(done, len(targets))
        for future in futures:
            future.result()  # a bug in a thread is raised here, not lost
    return [r for r in results if r is not None]
