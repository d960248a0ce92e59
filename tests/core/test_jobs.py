"""Background jobs: recorded, idempotent, never leaving half a file; a broker that is down leaves
the job queued and says so; a refused job is recorded, not retried; only its people follow it."""

import datetime
import os
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from core import tasks
from core.jobs import JobKind, Result, job_execute, register
from core.models import Job
from core.tasks import job_request, jobs_requeue_stale
from tests.factories import UnitFactory, UserFactory
from units.models import User

pytestmark = pytest.mark.django_db

CALLS = []


def _export(params, progress):
    CALLS.append(params)
    progress(50, "一半")
    return Result("报表.xlsx", b"content-" + str(params["n"]).encode())


def _crash(params, progress):
    """Writes nothing final: dies in the middle of the work, as a killed worker would."""
    raise KeyboardInterrupt


EXPORT = JobKind(key="test_export", run=_export)
CRASH = JobKind(key="test_crash", run=_crash)
register(EXPORT)
register(CRASH)


@pytest.fixture
def clerk(db):
    return UserFactory(username="clerk", role=User.Role.OFFICE_STAFF)


def test_a_job_runs_once_its_request_commits_and_its_page_offers_the_file(
    client, clerk, django_capture_on_commit_callbacks
):
    client.force_login(clerk)
    with django_capture_on_commit_callbacks(execute=True):
        job = job_request(kind=EXPORT, label="导出报表", params={"n": 1}, acting_user=clerk)

    job.refresh_from_db()
    assert (job.status, job.progress, job.attempts, job.result_name) == (Job.Status.DONE, 100, 1, "报表.xlsx")
    page = client.get(reverse("core:job", args=[job.pk])).content.decode()
    assert "下载 报表.xlsx" in page
    download = client.get(reverse("core:job_download", args=[job.pk]))
    assert b"".join(download.streaming_content) == b"content-1"
    status = client.get(reverse("core:job_status", args=[job.pk])).json()
    assert status == {"status": "done", "status_label": "已完成", "progress": 100, "message": "", "done": True}


def test_a_job_done_is_not_run_again(clerk, django_capture_on_commit_callbacks):
    CALLS.clear()
    with django_capture_on_commit_callbacks(execute=True):
        job = job_request(kind=EXPORT, label="导出", params={"n": 2}, acting_user=clerk)

    job_execute(job.pk)
    job_execute(job.pk)

    assert CALLS == [{"n": 2}]


def test_asking_twice_while_queued_starts_one_job(clerk):
    first = job_request(kind=EXPORT, label="导出", params={"n": 3}, acting_user=clerk)
    second = job_request(kind=EXPORT, label="导出", params={"n": 3}, acting_user=clerk)

    assert first.pk == second.pk
    assert Job.objects.count() == 1


def test_a_worker_killed_half_way_leaves_no_file_and_the_rerun_writes_exactly_one(clerk, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    job = Job.objects.create(kind="test_crash", label="导出", params={"n": 4}, requested_by=clerk)

    with pytest.raises(KeyboardInterrupt):
        job_execute(job.pk)

    job.refresh_from_db()
    assert job.status == Job.Status.RUNNING and job.result == ""
    assert not list((tmp_path / "media").rglob("*.xlsx*"))
    # The message is delivered again (acks late); this time the work completes.
    Job.objects.filter(pk=job.pk).update(kind="test_export")
    job_execute(job.pk)
    job_execute(job.pk)
    files = [p for p in (tmp_path / "media").rglob("*") if p.is_file()]
    assert [p.name for p in files] == ["报表.xlsx"]
    assert Job.objects.get(pk=job.pk).attempts == 2


def test_a_refused_job_is_recorded_not_retried(clerk):
    from django.core.exceptions import ValidationError

    def refuse(params, progress):
        raise ValidationError("该通报刚刚已由他人印发为第1版，未重复印发。")

    register(JobKind(key="test_refuse", run=refuse))
    job = Job.objects.create(kind="test_refuse", label="印发", requested_by=clerk)

    job_execute(job.pk)

    job.refresh_from_db()
    assert (job.status, job.message) == (Job.Status.FAILED, "该通报刚刚已由他人印发为第1版，未重复印发。")


def test_with_the_broker_down_the_job_waits_and_the_user_is_told(
    client, clerk, monkeypatch, django_capture_on_commit_callbacks
):
    from django.conf import settings
    from kombu.exceptions import OperationalError

    from core.tasks import run_job

    def unreachable(*args, **kwargs):
        raise OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    from linzi_gk.celery import app

    assert app.conf.task_always_eager  # read now: Celery keeps the value it first read
    client.force_login(clerk)
    with monkeypatch.context() as patch:
        patch.setattr(settings, "CELERY_TASK_ALWAYS_EAGER", False)  # as with Redis configured
        patch.setattr(run_job, "apply_async", unreachable)
        with django_capture_on_commit_callbacks(execute=True):
            job = job_request(kind=EXPORT, label="导出", params={"n": 5}, acting_user=clerk)
    job.refresh_from_db()
    assert (job.status, job.message) == (Job.Status.QUEUED, tasks.BROKER_DOWN)
    assert tasks.BROKER_DOWN in client.get(reverse("core:job", args=[job.pk])).content.decode()

    # Later (beat or `manage.py requeue_jobs`) the stale job is handed out again and done.
    assert jobs_requeue_stale(now=timezone.now() + datetime.timedelta(minutes=5)) == 1
    job.refresh_from_db()
    assert job.status == Job.Status.DONE


def test_only_its_people_follow_a_job(client, clerk):
    own, other = UnitFactory(name="区人社局"), UnitFactory(name="区商务局")
    asker = UserFactory(username="renshe", role=User.Role.UNIT_USER, unit=own)
    stranger = UserFactory(username="shangwu", role=User.Role.UNIT_USER, unit=other)
    job = Job.objects.create(kind="test_export", label="导出", requested_by=asker)
    url = reverse("core:job", args=[job.pk])

    for user, expected in ((asker, 200), (clerk, 200), (stranger, 404)):
        client.force_login(user)
        assert client.get(url).status_code == expected


def test_result_names_are_fixed_by_the_job(clerk, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    job = Job.objects.create(kind="test_export", label="导出", params={"n": 6}, requested_by=clerk)

    job_execute(job.pk)

    assert Job.objects.get(pk=job.pk).result == os.path.join("jobs", str(job.pk), "报表.xlsx")
    assert (Path(settings.MEDIA_ROOT) / "jobs" / str(job.pk) / "报表.xlsx").read_bytes() == b"content-6"
