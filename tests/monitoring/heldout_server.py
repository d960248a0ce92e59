"""Serves ``heldout_site/`` on the loopback: pages copied in the markup units' CMSs publish.

The same server answers as two hosts, as units' old and new sites do: ``127.0.0.1`` has a
robots.txt, ``localhost`` has none (404, so everything may be read). A path with a query string
is the file named ``path@query`` (``&`` written as ``,``); ``__ORIGIN__`` and ``__LOCAL__`` in a
page become the two hosts' origins, for the pages' absolute links. Every request is recorded.
"""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).parent / "heldout_site"


class HeldOutSite:
    def __init__(self) -> None:
        self.requests: list[tuple[str, str, str]] = []
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.port = self._server.server_address[1]
        self.origin = f"http://127.0.0.1:{self.port}"
        self.local = f"http://localhost:{self.port}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> HeldOutSite:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()

    def body(self, host: str, target: str) -> tuple[int, str, bytes]:
        parts = urlsplit(target)
        if parts.path == "/robots.txt":
            if host.startswith("127.0.0.1"):
                return 200, "text/plain", (ROOT / "robots.txt").read_bytes()
            return 404, "text/html", (ROOT / "404.html").read_bytes()
        rel = unquote(parts.path).lstrip("/")
        if not rel or rel.endswith("/"):
            rel += "index.html"
        if parts.query:
            rel += "@" + parts.query.replace("&", ",")
        path = (ROOT / rel).resolve()
        if ROOT.resolve() not in path.parents or not path.is_file():
            return 404, "text/html", (ROOT / "404.html").read_bytes()
        data = path.read_bytes().replace(b"__ORIGIN__", self.origin.encode()).replace(b"__LOCAL__", self.local.encode())
        return 200, "text/html", data

    def _handler(self):
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                host = self.headers.get("Host", "")
                site.requests.append((host, self.path, self.headers.get("User-Agent", "")))
                status, kind, data = site.body(host, self.path)
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        return Handler
