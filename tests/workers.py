"""A real Celery worker for the tests of the production stack (``.ci/run``: PostgreSQL, Redis and
``LINZI_WORKER_TESTS=1``), started the way ``deploy/`` starts it, on the test database and media."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

ROOT = Path(settings.BASE_DIR)


def database_url() -> str:
    """The test database, for the worker process to use the same one as the tests."""
    db = connection.settings_dict
    assert db["ENGINE"] == "django.db.backends.postgresql", "真实后台进程的测试需要 PostgreSQL（DATABASE_URL）"
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def services(command: str) -> None:
    """``scripts/services.sh command`` (stop or start PostgreSQL or Redis under a test)."""
    subprocess.run([str(ROOT / "scripts" / "services.sh"), command], check=True, capture_output=True, timeout=120)


@pytest.fixture
def worker(media_root, tmp_path):
    """``worker()`` starts a worker the way ``scripts/serve.sh worker`` does."""
    import redis

    redis.Redis.from_url(settings.REDIS_URL).flushdb()  # no message of an earlier run is left
    log = (tmp_path / "worker.log").open("w")
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "DJANGO_MEDIA_ROOT": str(media_root),
        "CELERY_CONCURRENCY": "1",
    }
    processes = []

    def start():
        process = subprocess.Popen(
            [str(ROOT / "scripts" / "serve.sh"), "worker"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
        )
        processes.append(process)
        return process

    yield start
    for process in processes:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
    log.close()
    sys.stdout.write((tmp_path / "worker.log").read_text()[-3000:])
