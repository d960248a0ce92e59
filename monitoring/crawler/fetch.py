"""Fetching pages politely: robots.txt (``urllib.robotparser``), one request at a time per host
with a pause between requests, a timeout, a bound on the size read and a user agent that says who
is asking. Nothing here touches the database: crawling threads only fetch and read.
"""

from __future__ import annotations

import socket
import ssl
import threading
import time
import urllib.error
import urllib.request
import urllib.robotparser
from dataclasses import dataclass, field
from email.message import Message
from urllib.parse import urlsplit, urlunsplit

from django.utils.encoding import iri_to_uri

LOOPBACK = ("127.", "localhost", "[::1]", "::1")
CHUNK = 64 * 1024
NOT_PAGES = ("image/", "audio/", "video/", "font/", "application/pdf", "application/zip", "application/msword",
             "application/vnd.", "application/x-rar", "application/x-7z", "application/json")  # fmt: skip
"""Answers that are not listing pages; anything else (also application/octet-stream, which some
servers send for .jsp or extensionless pages) is read and parsed as HTML."""


@dataclass(frozen=True)
class Politeness:
    user_agent: str
    delay: float
    """Seconds between two requests to the same host (0 in the benchmark)."""
    timeout: float
    max_bytes: int


class FetchError(Exception):
    """A page that could not be read, with the Chinese sentence the office sees."""

    def __init__(self, message: str, *, status: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


@dataclass(frozen=True)
class Page:
    url: str
    """Where the page was read (after redirects)."""
    status: int
    content: bytes
    charset: str | None


def _host(url: str) -> str:
    return urlsplit(url).netloc.lower()


def _opener(url: str) -> urllib.request.OpenerDirector:
    """No proxy for the loopback (the tests' own site); the environment's proxy otherwise."""
    if _host(url).startswith(LOOPBACK):
        return urllib.request.build_opener(urllib.request.ProxyHandler({}))
    return urllib.request.build_opener()


def status_message(status: int) -> str:
    if status == 404:
        return "栏目页面不存在（HTTP 404），请核对网址。"
    if status in (401, 403):
        return f"网站拒绝访问栏目页面（HTTP {status}）。"
    if status >= 500:
        return f"网站出错，栏目页面暂时打不开（HTTP {status}）。"
    return f"栏目页面打不开（HTTP {status}）。"


def connect_reason(reason: object) -> str:
    """Why a site could not be reached, in words the office reads (the system's text otherwise)."""
    if isinstance(reason, socket.gaierror):
        return "找不到该网站，请核对网址中的域名"
    if isinstance(reason, ConnectionRefusedError):
        return "网站拒绝连接"
    if isinstance(reason, ssl.SSLCertVerificationError):
        return "网站的HTTPS证书无效或已过期"
    if isinstance(reason, ssl.SSLError):
        return "与网站建立HTTPS连接失败"
    if isinstance(reason, ConnectionResetError):
        return "连接被网站断开"
    return str(reason)


@dataclass
class _HostState:
    lock: threading.Lock = field(default_factory=threading.Lock)
    last: float = 0.0
    robots: urllib.robotparser.RobotFileParser | None = None
    robots_read: bool = False


class Fetcher:
    """One crawl's fetcher: shared by its threads, it keeps each host's pace and robots.txt."""

    def __init__(self, politeness: Politeness) -> None:
        self.politeness = politeness
        self._hosts: dict[str, _HostState] = {}
        self._guard = threading.Lock()
        self.requests = 0

    def _state(self, host: str) -> _HostState:
        with self._guard:
            return self._hosts.setdefault(host, _HostState())

    def _request(self, url: str, state: _HostState) -> Page:
        """One request, holding the host's lock and keeping the pause after the previous one."""
        with state.lock:
            wait = state.last + self.politeness.delay - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            try:
                return self._read(url)
            finally:
                state.last = time.monotonic()
                with self._guard:
                    self.requests += 1

    def _read(self, url: str) -> Page:
        p = self.politeness
        request = urllib.request.Request(
            iri_to_uri(url), headers={"User-Agent": p.user_agent, "Accept": "text/html,application/xhtml+xml,*/*;q=0.5"}
        )
        deadline = time.monotonic() + p.timeout
        try:
            with _opener(url).open(request, timeout=p.timeout) as response:
                kind = (response.headers.get_content_type() or "").lower()
                if response.headers.get("Content-Type") and kind.startswith(NOT_PAGES):
                    raise FetchError(f"栏目网址不是网页（{kind}）。", status=response.status)
                declared = response.headers.get("Content-Length")
                if declared and declared.isdigit() and int(declared) > p.max_bytes:
                    raise FetchError(self._too_large(), status=response.status)
                chunks, size = [], 0
                while chunk := response.read(CHUNK):
                    size += len(chunk)
                    if size > p.max_bytes:
                        raise FetchError(self._too_large(), status=response.status)
                    if time.monotonic() > deadline:
                        raise FetchError(self._timeout())
                    chunks.append(chunk)
                return Page(response.geturl(), response.status, b"".join(chunks), _charset(response.headers))
        except urllib.error.HTTPError as exc:
            raise FetchError(status_message(exc.code), status=exc.code) from exc
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, TimeoutError | socket.timeout):
                raise FetchError(self._timeout()) from exc
            raise FetchError(f"无法连接到网站{_host(url)}（{connect_reason(exc.reason)}）。") from exc
        except TimeoutError as exc:
            raise FetchError(self._timeout()) from exc
        except (OSError, ValueError) as exc:  # a reset connection, a malformed answer or address
            raise FetchError(f"读取栏目页面时出错（{exc}）。") from exc

    def _timeout(self) -> str:
        return f"栏目页面{self.politeness.timeout:g}秒内没有读完（超时）。"

    def _too_large(self) -> str:
        return f"栏目页面超过{self.politeness.max_bytes // 1024}KB，未读取。"

    def _robots(self, url: str, state: _HostState) -> urllib.robotparser.RobotFileParser | None:
        """The host's robots.txt, read once per crawl; ``None`` when it has none (all allowed)."""
        if state.robots_read:
            return state.robots
        parts = urlsplit(url)
        robots_url = urlunsplit((parts.scheme, parts.netloc, "/robots.txt", "", ""))
        parser = urllib.robotparser.RobotFileParser(robots_url)
        try:
            page = self._request(robots_url, state)
        except FetchError as exc:
            if exc.status in (401, 403):
                parser.disallow_all = True
            else:  # none, or unreachable: the page's own request will tell
                parser = None
        else:
            parser.parse(page.content.decode("utf-8", "replace").splitlines())
        state.robots, state.robots_read = parser, True
        return parser

    def fetch(self, url: str) -> Page:
        scheme = urlsplit(url).scheme.lower()
        if scheme not in ("http", "https"):
            raise FetchError("栏目网址应以http://或https://开头。")
        state = self._state(_host(url))
        robots = self._robots(url, state)
        if robots is not None and not robots.can_fetch(self.politeness.user_agent, iri_to_uri(url)):
            raise FetchError("网站的robots.txt不允许读取该页面。")
        return self._request(url, state)


def _charset(headers: Message) -> str | None:
    return headers.get_content_charset()
