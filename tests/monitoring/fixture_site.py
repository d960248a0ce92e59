"""A web site on the loopback for the crawler's tests and benchmark: the files of a folder served by
a threaded ``http.server`` on an ephemeral port; pages under ``/slow/`` answer only after a pause."""

from __future__ import annotations

import functools
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

SITE = Path(__file__).resolve().parent / "site"


class _Handler(SimpleHTTPRequestHandler):
    def do_GET(self):
        if self.path.startswith("/slow/"):
            time.sleep(self.server.slow_seconds)
        self.server.requests.append(self.path)
        return super().do_GET()

    def log_message(self, format, *args):  # quiet
        pass


class FixtureSite:
    """``with FixtureSite() as site: site.url("/fgj/zcwj/")``."""

    def __init__(self, root: Path = SITE, *, slow_seconds: float = 2.0) -> None:
        self.root = root
        self.slow_seconds = slow_seconds

    def __enter__(self) -> FixtureSite:
        handler = functools.partial(_Handler, directory=str(self.root))
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.server.daemon_threads = True
        self.server.block_on_close = False
        self.server.slow_seconds = self.slow_seconds
        self.server.requests = []
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    @property
    def base(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    @property
    def requests(self) -> list[str]:
        return self.server.requests
