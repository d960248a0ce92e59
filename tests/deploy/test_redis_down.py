"""Redis stopped while the office works: every page keeps working, saves succeed and show at once,
an export asked for meanwhile is recorded as queued and its page says why; once Redis is back the
export is handed to a real worker, which finishes it, and the scores follow the save.

Runs only on the production stack (``.ci/run``: Redis from ``scripts/services.sh``, which this test
stops and starts, PostgreSQL and ``LINZI_WORKER_TESTS=1``).
"""

import datetime
import os
import time
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from core import tasks, versioning
from core.models import Job
from scoring.services import rule_sets_ensure_shipped
from submissions.models import Article, MonthlyPublication
from tests.factories import PublicationFactory, UnitFactory, UserFactory
from tests.submissions.helpers import grid_url, load_grid
from tests.workers import services
from units.models import User

pytestmark = [
    pytest.mark.worker,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not (os.environ.get("LINZI_WORKER_TESTS") and os.environ.get("REDIS_URL")),
        reason="只在生产组件上运行（.ci/run：PostgreSQL、Redis 和 LINZI_WORKER_TESTS=1）",
    ),
]

QUARTER = reverse("scoring:quarter", args=[2024, 4])


def test_with_redis_down_pages_work_and_an_export_waits_for_it(client, worker, settings, monkeypatch):
    assert settings.CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert not settings.CELERY_TASK_ALWAYS_EAGER
    rule_sets_ensure_shipped()  # a transactional test before this one flushed the migration's rule sets
    settings.SCORE_CACHE = True
    versioning.forget_local()
    monkeypatch.setattr(versioning, "RETRY_AFTER", 0.0)  # ask Redis again at every request
    unit = UnitFactory(name="区商务局")
    PublicationFactory(unit=unit, year=2024, month=10, count=12)
    clerk = UserFactory(username="clerk", role=User.Role.OFFICE_STAFF)
    client.force_login(clerk)
    assert ">12<" in client.get(QUARTER).content.decode()  # kept in Redis under the data version

    services("stop-redis")
    try:
        for url in (QUARTER, reverse("submissions:grid", args=[2024, 10]), reverse("core:jobs")):
            assert client.get(url).status_code == 200, url
        fields = load_grid(client)
        fields[f"u{unit.pk}-pub"] = "3"
        assert client.post(grid_url(), fields).status_code == 302
        assert MonthlyPublication.objects.get(unit=unit, year=2024, month=10).count == 3
        assert ">3<" in client.get(QUARTER).content.decode()  # computed afresh while Redis is away
        saved = client.post(
            reverse("submissions:article_add"),
            {
                "unit": unit.pk,
                "title": "停Redis时的稿件",
                "received_on": "2024-10-08",
                "char_count": "800",
                "is_compliant": "1",
            },
        )
        assert saved.status_code == 302
        assert Article.objects.filter(title="停Redis时的稿件").count() == 1

        started = time.monotonic()
        asked = client.get(reverse("units:history") + "?format=xlsx")
        assert time.monotonic() - started < 10
        job = Job.objects.get()
        assert asked.url == reverse("core:job", args=[job.pk])
        assert (job.status, job.message) == (Job.Status.QUEUED, tasks.BROKER_DOWN)
        assert tasks.BROKER_DOWN in client.get(asked.url).content.decode()
    finally:
        services("start-redis")

    # Back: the save made meanwhile shows (the table kept in Redis under the old version is not
    # served again) ...
    page = client.get(QUARTER).content.decode()
    assert ">3<" in page and ">12<" not in page

    # ... and the waiting export is handed out (beat's requeue_stale_jobs) and done by a worker.
    assert tasks.jobs_requeue_stale(now=timezone.now() + datetime.timedelta(minutes=5)) == 1
    job.refresh_from_db()
    assert (job.status, job.message) == (Job.Status.QUEUED, "")
    worker()
    deadline = time.monotonic() + 90
    while job.status != Job.Status.DONE and time.monotonic() < deadline:
        time.sleep(0.5)
        job.refresh_from_db()
    assert job.status == Job.Status.DONE
    assert job.attempts == 1
    assert job.result_name.endswith(".xlsx")
    assert (Path(settings.MEDIA_ROOT) / job.result).is_file()
