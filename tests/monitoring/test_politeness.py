"""The crawler is polite: it says who it is, keeps to robots.txt, asks one site one page at a time
with a pause, gives up on slow or oversized pages, and follows the pagers it finds."""

import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from itertools import pairwise
from threading import Lock, Thread

from monitoring.crawler.crawl import Target, read_columns
from monitoring.crawler.fetch import Fetcher, FetchError, Politeness
from monitoring.crawler.pager import script_pages

AGENT = "LinziGK-ColumnMonitor/1.0 (test)"


def test_one_request_at_a_time_per_site_with_the_pause_and_the_user_agent():
    seen, busy, lock = [], [0], Lock()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            with lock:
                busy[0] += 1
                overlap = busy[0] > 1
            seen.append((time.monotonic(), self.path, self.headers["User-Agent"], overlap))
            time.sleep(0.02)
            body = b'<ul><li><a href="/a.html">a</a><span>2024-03-02</span></li></ul>'
            self.send_response(404 if self.path == "/robots.txt" else 200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body)
            with lock:
                busy[0] -= 1

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        reads = read_columns(
            [Target(i, f"{base}/c{i}/") for i in range(4)], Politeness(AGENT, 0.1, 2, 100_000), max_pages=1
        )
    finally:
        server.shutdown()
        server.server_close()
    assert [r.latest.isoformat() for r in reads] == ["2024-03-02"] * 4
    assert [path for _, path, _, _ in seen] == ["/robots.txt", "/c0/", "/c1/", "/c2/", "/c3/"]
    assert {agent for _, _, agent, _ in seen} == {AGENT}
    assert not any(overlap for *_, overlap in seen)
    gaps = [b[0] - a[0] for a, b in pairwise(seen)]
    assert min(gaps) >= 0.1


def test_a_page_over_the_size_bound_is_not_read(site):
    fetcher = Fetcher(Politeness(AGENT, 0, 2, 1000))
    try:
        fetcher.fetch(site.url("/fgj/zcwj/"))
    except FetchError as exc:
        assert exc.message == "栏目页面超过0KB，未读取。"
    else:
        raise AssertionError("read a page over the bound")


def test_the_pages_a_trs_script_draws():
    url = "http://www.example.gov.cn/zwgk/zcwj/index_1.html"
    assert script_pages('<script>createPageHTML(3, 1, "index", "html");</script>', url) == [
        "http://www.example.gov.cn/zwgk/zcwj/index.html",
        "http://www.example.gov.cn/zwgk/zcwj/index_1.html",
        "http://www.example.gov.cn/zwgk/zcwj/index_2.html",
    ]
    # The pager's element first and the item count last; the page count in a variable.
    assert script_pages("<script>createPageHTML('page_div',2, 0,'fwzwgk','shtml',31);</script>", url) == [
        "http://www.example.gov.cn/zwgk/zcwj/fwzwgk.shtml",
        "http://www.example.gov.cn/zwgk/zcwj/fwzwgk_1.shtml",
    ]
    # That template counts from 1: the first page passes 1, the second page is xlist_2.shtml.
    for current in (1, 2, 3):
        assert script_pages(f"<script>createPageHTML('page_div',3, {current},'xlist','shtml',45);</script>", url) == [
            "http://www.example.gov.cn/zwgk/zcwj/xlist.shtml",
            "http://www.example.gov.cn/zwgk/zcwj/xlist_2.shtml",
            "http://www.example.gov.cn/zwgk/zcwj/xlist_3.shtml",
        ]
    page = "<script>var countPage = 2//共多少页\nvar currentPage = 0;\ncreatePageHTML(countPage, currentPage, 'index', 'htm');</script>"
    assert script_pages(page, url)[-1] == "http://www.example.gov.cn/zwgk/zcwj/index_1.htm"
    assert script_pages("<script>function createPageHTML(_nPageCount, _nCurrIndex){}</script>", url) is None


def test_a_bug_while_reading_is_raised_not_waited_for(monkeypatch):
    import pytest

    from monitoring.crawler import crawl

    def broken(fetcher, target, *, max_pages):
        raise RuntimeError(f"bug reading {target.key}")

    monkeypatch.setattr(crawl, "read_column", broken)
    targets = [Target(i, f"http://127.0.0.1:9/{i}/") for i in range(3)]
    with pytest.raises(RuntimeError, match="bug reading 0"):
        read_columns(targets, Politeness(AGENT, 0, 1, 1000), max_pages=1)


def test_pages_sent_without_an_html_type_are_read_and_documents_are_not(site):
    reads = read_columns(
        [Target("jsp", site.url("/jsp/list.jsp")), Target("png", site.url("/jsp/logo.png"))],
        Politeness(AGENT, 0, 1, 100_000),
        max_pages=1,
    )
    assert [str(r.latest) for r in reads] == ["2024-05-15", "None"]
    assert reads[1].error == "栏目网址不是网页（image/png）。"


class PagesFetcher:
    """Answers from a dict of pages, recording what was asked."""

    def __init__(self, pages: dict[str, str]) -> None:
        self.pages, self.asked = pages, []

    def fetch(self, url):
        from monitoring.crawler.fetch import Page

        self.asked.append(url)
        return Page(url, 200, self.pages[url].encode(), "utf-8")


def test_the_first_page_again_under_another_address_is_not_another_page():
    """首页 and 1 link to list.jsp?pageNo=1, the page first read as list.jsp: its items were read."""
    from monitoring.crawler.crawl import read_column

    def page(number: int, items: str) -> str:
        pager = " ".join(f'<a href="list.jsp?pageNo={n}">{n}</a>' for n in (1, 2))
        return f'<ul class="list">{items}</ul><div class="page">{pager} <a href="list.jsp?pageNo=2">下一页</a></div>'

    first = '<li><a href="/a/1.html">一</a><span>2024-03-02</span></li><li><a href="/a/2.html">二</a><span>2024-02-01</span></li>'
    second = '<li><a href="/a/3.html">三</a><span>2023-12-01</span></li>'
    base = "http://www.example.gov.cn/xxgk/list.jsp"
    fetcher = PagesFetcher(
        {base: page(1, first), f"{base}?pageNo=1": page(1, first), f"{base}?pageNo=2": page(2, second)}
    )
    read = read_column(fetcher, Target(1, base), max_pages=10)
    assert (read.pages_read, read.months, read.error) == (2, {"2023-12": 1, "2024-02": 1, "2024-03": 1}, "")
    assert [p.url for p in read.pages] == [base, f"{base}?pageNo=2"]
    assert fetcher.asked == [base, f"{base}?pageNo=2", f"{base}?pageNo=1"]


def test_pager_links_as_sites_write_them():
    from monitoring.crawler.html import parse
    from monitoring.crawler.pager import link_pages

    url = "http://www.example.gov.cn/zwgk/zcwj/index.html"
    for link in (
        "下一页&gt;",
        "下一页 »",
        "[下一页]",
        "后页&gt;",
        "&gt;&gt;",
        "<span>下一页</span>",
        '<img src="/images/next.gif" alt="下一页">',
    ):
        root, base = parse(f'<div class="page"><span>1</span> <a href="index_1.html">{link}</a></div>', url)
        assert link_pages(root, base) == ["http://www.example.gov.cn/zwgk/zcwj/index_1.html"], link
    root, base = parse(
        '<div class="page"><a href="index_1.html">&lt;上一页</a> <a href="index_3.html">[尾页]</a></div>', url
    )
    assert link_pages(root, base) == ["http://www.example.gov.cn/zwgk/zcwj/index_3.html"]


def test_a_site_that_cannot_be_reached_is_named_with_the_reason_in_chinese():
    import socket
    import ssl

    from monitoring.crawler.fetch import connect_reason

    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    (read,) = read_columns([Target(1, f"http://127.0.0.1:{port}/zcwj/")], Politeness(AGENT, 0, 1, 1000), max_pages=1)
    assert read.error == f"无法连接到网站127.0.0.1:{port}（网站拒绝连接）。"
    assert connect_reason(socket.gaierror(-2, "Name or service not known")) == "找不到该网站，请核对网址中的域名"
    assert connect_reason(ssl.SSLCertVerificationError(1, "certificate has expired")) == "网站的HTTPS证书无效或已过期"
