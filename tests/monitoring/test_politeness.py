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
