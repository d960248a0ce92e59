"""gunicorn for linzi_gk (``scripts/serve.sh web``): every value can be set from the environment."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")  # nginx in front; never the open network
# One process more than the cores: the pages are computing, not waiting, and every process keeps
# (and after a change recomputes) the scores and tables it shows (core.versioning). On 2 cores,
# 3 processes served the mixed load run (docs/LOAD.md) with 11 ms of CPU a request where 5 took 18.
workers = int(os.environ.get("GUNICORN_WORKERS", str(multiprocessing.cpu_count() + 1)))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))  # large documents are made by workers, not requests
graceful_timeout = 30
keepalive = 5
# A worker is replaced after this many requests (a guard against slow leaks). Each process keeps the
# scores it computed for the current data (core.versioning); a new one computes them again on its
# first page, so replacements are rare, and staggered by the jitter.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "20000"))
max_requests_jitter = max_requests // 10
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# nginx ends TLS and sets X-Forwarded-Proto; only it (on this machine) is trusted to do so.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
proc_name = "linzi_gk"


def post_worker_init(worker):
    """What the loaded application holds for the life of the process (Django, every module, their
    registries: ~175,000 objects) is left out of Python's cyclic collections: a full collection
    walked it all, ~200 ms every hundred or so pages, a pause for whoever was waiting."""
    import gc

    gc.freeze()
