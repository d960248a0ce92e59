"""A job's page and what a person gets when they ask for a file: a file ready within a moment
downloads straight away; a longer one shows its progress, then downloads by itself; a finished job
stops refreshing and offers the file and the way back; a failed one says why and offers 重试, and
is never handed out again, nor is one without a sign of life; any error marks the job failed."""

import ast
import datetime
import threading
import time
from pathlib import Path
from unittest import mock

import pytest
from django.contrib.messages.middleware import MessageMiddleware
from django.contrib.sessions.middleware import SessionMiddleware
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from django.utils import timezone

from core.job_views import start_job
from core.jobs import JobKind, Result, Source, job_execute, job_label, register
from core.models import Job
from core.tasks import job_request, run_job
from tests.factories import UserFactory
from units.models import User

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
BACK = Source("返回通报", "/reports/notices/7/")
CALLS: list[dict] = []


def _export(params, progress):
    CALLS.append(params)
    progress(60, "正在排版")
    return Result(params.get("name", "通报.pdf"), b"%PDF-1.7 file")


def _summary(params, progress):
    return "通报已印发，各单位可以查看。"


def _broken(params, progress):
    raise RuntimeError("字体文件损坏")


EXPORT = JobKind(key="test_page_export", run=_export, source=lambda params: BACK)
SUMMARY = JobKind(key="test_page_summary", run=_summary, source=lambda params: BACK)
BROKEN = JobKind(key="test_page_broken", run=_broken, source=lambda params: BACK)
for _kind in (EXPORT, SUMMARY, BROKEN):
    register(_kind)


@pytest.fixture
def clerk(db):
    return UserFactory(username="clerk", role=User.Role.OFFICE_STAFF)


@pytest.fixture
def worker_mode(settings, monkeypatch):
    """As with Redis: the request only queues the job (no worker takes it during the test)."""
    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.JOB_WAIT_SECONDS = 0.2
    monkeypatch.setattr(run_job, "apply_async", lambda *args, **kwargs: None)


def _ask(clerk, kind, params):
    """Ask for ``kind`` as a page does (outside any transaction, as in a request)."""
    request = RequestFactory().get("/export.pdf")
    request.user = clerk
    for middleware in (SessionMiddleware, MessageMiddleware):  # as a request through the site has them
        middleware(lambda request: None).process_request(request)
    return start_job(request, kind, label="导出", params=params)


@pytest.mark.django_db(transaction=True)
def test_a_file_ready_at_once_downloads_straight_away(clerk):
    response = _ask(clerk, EXPORT, {"n": 1})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == "attachment; filename*=utf-8''%E9%80%9A%E6%8A%A5.pdf"
    assert b"".join(response.streaming_content) == b"%PDF-1.7 file"


@pytest.mark.django_db(transaction=True)
def test_work_without_a_file_goes_back_to_its_page_with_the_outcome(clerk):
    response = _ask(clerk, SUMMARY, {"n": 2})

    assert (response.status_code, response["Location"]) == (302, "/reports/notices/7/")


def test_a_longer_job_shows_its_page_which_refreshes_until_done(client, clerk, worker_mode):
    response = _ask(clerk, EXPORT, {"n": 3})
    job = Job.objects.get()
    assert (response.status_code, response["Location"]) == (302, f"/jobs/{job.pk}/")
    client.force_login(clerk)

    waiting = client.get(response["Location"]).content.decode()
    assert f'data-job-status="/jobs/{job.pk}/status/"' in waiting  # the page's script polls this
    assert "完成后会自动下载" in waiting

    job_execute(job.pk)  # the worker finishes
    assert client.get(f"/jobs/{job.pk}/status/").json()["done"] is True
    done = client.get(f"/jobs/{job.pk}/?finished=1").content.decode()
    assert "data-job-status" not in done  # nothing left to poll: the page stops refreshing
    assert f'<a class="button" href="/jobs/{job.pk}/download/" data-job-autostart>下载 通报.pdf</a>' in done
    assert '<a href="/reports/notices/7/" data-job-source>返回通报</a>' in done
    later = client.get(f"/jobs/{job.pk}/").content.decode()
    assert "data-job-autostart" not in later  # opened again later: no second download by itself


def test_a_finished_job_without_a_file_stops_refreshing_and_links_back(client, clerk):
    job = Job.objects.create(kind=SUMMARY.key, label="印发2024年第四季度通报", requested_by=clerk, params={})
    job_execute(job.pk)
    client.force_login(clerk)

    page = client.get(f"/jobs/{job.pk}/").content.decode()

    assert "data-job-status" not in page and "正在后台生成" not in page
    assert "通报已印发，各单位可以查看。" in page
    assert '<a href="/reports/notices/7/" data-job-source>返回通报</a>' in page


def test_any_error_marks_the_job_failed_with_the_reason_and_offers_retry(client, clerk):
    job = Job.objects.create(kind=BROKEN.key, label="导出", requested_by=clerk, params={"n": 4})

    with pytest.raises(RuntimeError):
        job_execute(job.pk)

    job.refresh_from_db()
    assert job.status == Job.Status.FAILED
    assert job.message == "生成时出错：字体文件损坏。请点“重试”；如仍失败，请联系管理员。"
    client.force_login(clerk)
    page = client.get(f"/jobs/{job.pk}/").content.decode()
    assert "任务失败：生成时出错：字体文件损坏。" in page
    assert f'<form method="post" action="/jobs/{job.pk}/retry/">' in page and ">重试</button>" in page
    assert "data-job-status" not in page


def test_storing_the_file_failing_marks_the_job_failed(clerk, monkeypatch):
    job = Job.objects.create(kind=EXPORT.key, label="导出", requested_by=clerk, params={"n": 5})
    monkeypatch.setattr("core.jobs.os.replace", mock.Mock(side_effect=OSError(36, "File name too long")))

    with pytest.raises(OSError):
        job_execute(job.pk)

    job.refresh_from_db()
    assert (job.status, job.progress) == (Job.Status.FAILED, 60)
    assert "File name too long" in job.message


@pytest.mark.django_db(transaction=True)
def test_retry_starts_the_same_work_again(client, clerk):
    failed = Job.objects.create(
        kind=EXPORT.key, label="导出", requested_by=clerk, params={"n": 6}, status=Job.Status.FAILED
    )
    client.force_login(clerk)

    response = client.post(f"/jobs/{failed.pk}/retry/")

    assert response.status_code == 200 and b"".join(response.streaming_content) == b"%PDF-1.7 file"
    retried = Job.objects.exclude(pk=failed.pk).get()
    assert (retried.kind, retried.params, retried.status) == (EXPORT.key, {"n": 6}, Job.Status.DONE)


def test_a_failed_or_stale_job_is_never_handed_out_again(clerk):
    now = timezone.now()
    failed = Job.objects.create(kind=EXPORT.key, label="导出", params={"n": 7}, requested_by=clerk, status="failed")
    stale = Job.objects.create(
        kind=EXPORT.key,
        label="导出",
        params={"n": 8},
        requested_by=clerk,
        status=Job.Status.RUNNING,
        progress=50,
        heartbeat_at=now - datetime.timedelta(minutes=30),
    )
    alive = Job.objects.create(
        kind=EXPORT.key, label="导出", params={"n": 9}, requested_by=clerk, status=Job.Status.RUNNING, heartbeat_at=now
    )

    assert job_request(kind=EXPORT, label="导出", params={"n": 7}, acting_user=clerk).pk != failed.pk
    assert job_request(kind=EXPORT, label="导出", params={"n": 8}, acting_user=clerk).pk != stale.pk
    assert job_request(kind=EXPORT, label="导出", params={"n": 9}, acting_user=clerk).pk == alive.pk


def test_long_labels_and_file_names_are_bounded_safe_and_unique(clerk, settings):
    title = "临淄区某某局" + "关于政府信息公开工作的年度报告" * 14  # 216 characters
    job = job_request(
        kind=EXPORT, label=job_label(title, "（PDF）"), params={"name": f"{title}/1.pdf"}, acting_user=clerk
    )
    other = Job.objects.create(kind=EXPORT.key, label="导出", params={"name": f"{title}/2.pdf"}, requested_by=clerk)

    job_execute(job.pk)
    job_execute(other.pk)

    job.refresh_from_db()
    other.refresh_from_db()
    assert len(job.label) == 200 and job.label.endswith("…（PDF）")
    for done in (job, other):
        assert done.status == Job.Status.DONE
        assert len(done.result_name.encode()) <= 255 and done.result_name.endswith(".pdf")
        assert "/" not in done.result_name
        assert (Path(settings.MEDIA_ROOT) / done.result).read_bytes() == b"%PDF-1.7 file"
    assert job.result_name != other.result_name


def test_a_label_too_long_for_its_field_is_shortened(clerk):
    job = job_request(kind=EXPORT, label="很长的名称" * 60, params={"n": 10}, acting_user=clerk)

    assert len(job.label) == 200 and job.label.endswith("…")


@pytest.mark.django_db(transaction=True)
def test_without_redis_a_longer_job_runs_beside_the_request_which_shows_its_page(client, clerk, settings):
    """Celery eager (the embedded default): the job runs in a thread; the request waits a moment,
    then shows the page, which follows the job to its end."""
    settings.JOB_WAIT_SECONDS = 0.3
    release = threading.Event()

    def slow(params, progress):
        progress(30, "正在排版")
        assert release.wait(10)
        return Result("台账.xlsx", b"xlsx")

    slow_kind = JobKind(key="test_page_slow", run=slow)
    register(slow_kind)
    started = time.monotonic()
    response = _ask(clerk, slow_kind, {"n": 11})
    assert time.monotonic() - started < 2
    job = Job.objects.get()
    assert (response.status_code, response["Location"]) == (302, f"/jobs/{job.pk}/")
    client.force_login(clerk)
    assert client.get(f"/jobs/{job.pk}/status/").json()["progress"] == 30

    release.set()
    deadline = time.monotonic() + 10
    while not client.get(f"/jobs/{job.pk}/status/").json()["done"] and time.monotonic() < deadline:
        time.sleep(0.05)
    job.refresh_from_db()
    assert (job.status, job.result_name) == (Job.Status.DONE, "台账.xlsx")


def test_a_refusal_is_its_own_sentence(clerk):
    def refuse(params, progress):
        raise ValidationError("该通报刚刚已由他人印发为第1版，未重复印发。")

    register(JobKind(key="test_page_refuse", run=refuse))
    job = Job.objects.create(kind="test_page_refuse", label="印发", requested_by=clerk)

    assert job_execute(job.pk).message == "该通报刚刚已由他人印发为第1版，未重复印发。"


def test_jobs_and_tasks_import_one_way():
    """core.tasks hands jobs to Celery and imports core.jobs; core.jobs never imports core.tasks."""
    tree = ast.parse((ROOT / "core" / "jobs.py").read_text())
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            imported |= {node.module or alias.name for alias in node.names}
        elif isinstance(node, ast.Import):
            imported |= {alias.name for alias in node.names}
    assert imported and not {"tasks", "core.tasks", "celery"} & imported
