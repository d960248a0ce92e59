"""In the browser, an export runs on a real Celery worker over Redis: the page shows the job queued,
then the worker (a separate process, started the way ``deploy/`` starts it) finishes it and the
browser downloads the file by itself (no second click).

Runs only on the production stack (``.ci/run`` sets it up): PostgreSQL as the database, Redis as
the broker, ``LINZI_WORKER_TESTS=1``. The embedded default runs tasks eagerly and skips this test.
"""

import os
import sys
import time

import pytest
from openpyxl import load_workbook

from core.models import Job
from units.models import User
from units.services import account_create

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.worker,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not (os.environ.get("LINZI_WORKER_TESTS") and os.environ.get("REDIS_URL")),
        reason="只在生产组件上运行（.ci/run：PostgreSQL、Redis 和 LINZI_WORKER_TESTS=1）",
    ),
]


def test_an_export_runs_on_a_real_worker_with_progress_then_download(page, worker, tmp_path):
    account_create(username="staff", password="staff-pass-2025", role=User.Role.OFFICE_STAFF)
    page.goto("/accounts/login/")
    page.get_by_label("用户名").fill("staff")
    page.get_by_label("密码").fill("staff-pass-2025")
    page.get_by_role("button", name="登录").click()

    page.goto("/units/history/?format=xlsx")
    page.wait_for_url("**/jobs/*/")
    # No worker yet: the request only queued the work and the page says so.
    assert page.locator("[data-job-label]").inner_text() == "排队中"
    job = Job.objects.get()
    assert job.status == Job.Status.QUEUED

    started = time.monotonic()
    # The page follows the job and, once the worker is done, the browser downloads by itself.
    with page.expect_download(timeout=90_000) as download_info:
        worker()
    page.locator("section.job a.button").wait_for()
    assert "data-job-status" not in page.content()  # done: the page no longer polls
    job.refresh_from_db()
    assert job.status == Job.Status.DONE
    assert job.progress == 100
    assert job.attempts == 1
    assert job.started_at is not None
    path = tmp_path / "download.xlsx"
    download_info.value.save_as(path)
    workbook = load_workbook(path, read_only=True)
    assert workbook.sheetnames == ["修改记录"]
    sys.stdout.write(f"worker finished the export in {time.monotonic() - started:.1f} s\n")


def test_with_a_worker_running_a_small_export_downloads_straight_away(page, worker):
    account_create(username="staff", password="staff-pass-2025", role=User.Role.OFFICE_STAFF)
    page.goto("/accounts/login/")
    page.get_by_label("用户名").fill("staff")
    page.get_by_label("密码").fill("staff-pass-2025")
    page.get_by_role("button", name="登录").click()
    worker()
    page.goto("/units/history/")
    with page.expect_download(timeout=90_000):  # the worker is still starting: maybe via the job's page
        page.get_by_role("link", name="导出Excel").click()

    page.goto("/units/history/")
    with page.expect_download(timeout=10_000) as download_info:
        page.get_by_role("link", name="导出Excel").click()
    assert download_info.value.suggested_filename == "修改记录.xlsx"
    assert page.url.endswith("/units/history/")  # the file came as the answer: no job page on the way
    assert Job.objects.filter(status=Job.Status.DONE).count() == 2
