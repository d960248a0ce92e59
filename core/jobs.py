"""Background work: exports a person waits for, and scheduled jobs.

An app registers each kind of work with :func:`register` in its ``AppConfig.ready()``. A request
calls :func:`job_request`, which records a :class:`~core.models.Job` and hands it to the Celery
task :func:`core.tasks.run_job` once the transaction commits (at once, in the request, when there
is no Redis: the embedded default). The page of the job shows its progress, then the download.

The work is idempotent: a job that is done is never run again, its result file is written under
a name fixed by the job and moved into place only when complete (a worker killed half-way leaves
no half file, and the re-run writes exactly one), and a job whose worker vanished is handed out
again by :func:`jobs_requeue_stale`.
"""

from __future__ import annotations

import datetime
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from .models import Job

LOGGER = logging.getLogger(__name__)
STALE_QUEUED = datetime.timedelta(minutes=2)
STALE_RUNNING = datetime.timedelta(minutes=15)
BROKER_DOWN = "后台任务服务（Redis）暂时连不上：任务已记录并排队，服务恢复后自动执行，请稍后刷新本页。"


@dataclass(frozen=True)
class Result:
    filename: str
    content: bytes


@dataclass(frozen=True)
class JobKind:
    key: str
    run: Callable[..., Result | str]
    """``run(params, progress) -> Result`` (a file to download) or ``str`` (a summary, e.g. of a
    scheduled job); ``progress(percent, message="")`` reports how far it got."""
    may_view: Callable[..., bool] = lambda user, params: bool(user.is_office)
    """Who may follow the job and download its result, besides the person who asked for it."""


_KINDS: dict[str, JobKind] = {}


def register(kind: JobKind) -> None:
    _KINDS[kind.key] = kind


def kind_of(key: str) -> JobKind | None:
    return _KINDS.get(key)


def result_dir() -> Path:
    path = Path(settings.MEDIA_ROOT) / "jobs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def may_follow(user, job: Job) -> bool:
    if not user.is_authenticated:
        return False
    if job.requested_by_id == user.pk or user.is_office:
        return True
    kind = kind_of(job.kind)
    return bool(kind and kind.may_view(user, job.params))


def jobs_visible_to(user):
    """Jobs a person may follow: all for the office, their own for anybody else."""
    if not user.is_authenticated:
        return Job.objects.none()
    if user.is_office:
        return Job.objects.all()
    return Job.objects.filter(requested_by=user)


def enqueue(job: Job) -> None:
    """Hand ``job`` to a worker; if the broker is down the job stays queued and says so."""
    from .tasks import run_job

    try:
        run_job.apply_async(args=[job.pk], retry=False)
    except Exception as exc:  # kombu/redis raise their own errors when the broker is unreachable
        if settings.CELERY_TASK_ALWAYS_EAGER:
            # Run here and now: the failure is recorded on the job, whose page tells the user.
            LOGGER.exception("job %s failed", job.pk)
            return
        LOGGER.warning("job %s not handed to a worker: %s", job.pk, exc)
        Job.objects.filter(pk=job.pk, status=Job.Status.QUEUED).update(message=BROKER_DOWN)


def job_request(*, kind: str, label: str, params: dict, acting_user) -> Job:
    """Record the job and start it once the request's transaction has committed.

    The same work already queued or running for the same person is not started twice.
    """
    if kind not in _KINDS:
        raise ValueError(f"未登记的后台任务类型：{kind}")
    existing = Job.objects.filter(
        kind=kind, params=params, requested_by=acting_user, status__in=[Job.Status.QUEUED, Job.Status.RUNNING]
    ).first()
    if existing is not None:
        return existing
    job = Job(kind=kind, label=label, params=params, requested_by=acting_user)
    job.full_clean()
    job.save()
    transaction.on_commit(lambda: enqueue(job))
    return job


def _progress(job_pk: int) -> Callable[..., None]:
    def report(percent: int, message: str = "") -> None:
        fields = {"progress": max(0, min(100, int(percent))), "heartbeat_at": timezone.now()}
        if message:
            fields["message"] = message
        Job.objects.filter(pk=job_pk).update(**fields)

    return report


def _store(job: Job, result: Result) -> str:
    """Write the result next to its final name and move it into place in one step."""
    folder = result_dir() / str(job.pk)
    folder.mkdir(parents=True, exist_ok=True)
    final = folder / Path(result.filename).name
    partial = final.with_name(final.name + ".part")
    partial.write_bytes(result.content)
    os.replace(partial, final)
    return str(final.relative_to(Path(settings.MEDIA_ROOT)))


def job_execute(job_pk: int) -> Job:
    """Run one job (the body of the Celery task); a job already done is left as it is."""
    job = Job.objects.get(pk=job_pk)
    if job.status == Job.Status.DONE:
        return job
    kind = kind_of(job.kind)
    now = timezone.now()
    Job.objects.filter(pk=job.pk).update(
        status=Job.Status.RUNNING, started_at=now, heartbeat_at=now, attempts=job.attempts + 1, message=""
    )
    try:
        if kind is None:
            raise LookupError(f"未登记的后台任务类型：{job.kind}")
        outcome = kind.run(job.params, _progress(job.pk))
    except ValidationError as exc:  # refused by a service: recorded, not retried
        Job.objects.filter(pk=job.pk).update(
            status=Job.Status.FAILED, finished_at=timezone.now(), message="；".join(exc.messages)[:2000]
        )
        job.refresh_from_db()
        return job
    except Exception as exc:
        Job.objects.filter(pk=job.pk).update(
            status=Job.Status.FAILED, finished_at=timezone.now(), message=f"失败：{exc}"[:2000]
        )
        raise
    fields = {"status": Job.Status.DONE, "progress": 100, "finished_at": timezone.now()}
    if isinstance(outcome, Result):
        fields.update(result=_store(job, outcome), result_name=outcome.filename, message="")
    else:
        fields["message"] = outcome
    Job.objects.filter(pk=job.pk).update(**fields)
    job.refresh_from_db()
    return job


def jobs_requeue_stale(*, now: datetime.datetime | None = None) -> int:
    """Hand out again jobs still queued after a while (the broker was down) or running without any
    sign of life (the worker died); returns how many."""
    now = now or timezone.now()
    stale = Job.objects.filter(status=Job.Status.QUEUED, created_at__lt=now - STALE_QUEUED) | Job.objects.filter(
        status=Job.Status.RUNNING, heartbeat_at__lt=now - STALE_RUNNING
    )
    jobs = list(stale)
    for job in jobs:
        # The broker's absence is no longer news once it takes the job (enqueue says so again if not).
        message = "" if job.message == BROKER_DOWN else job.message
        Job.objects.filter(pk=job.pk).update(status=Job.Status.QUEUED, message=message)
        enqueue(job)
    return len(jobs)


def record_scheduled_run(*, kind: str, label: str, run: Callable[[], str]) -> Job:
    """Run a scheduled job here and now, recorded like any other (status, summary, time)."""
    job = Job.objects.create(kind=kind, label=label, status=Job.Status.RUNNING, started_at=timezone.now(), attempts=1)
    try:
        summary = run()
    except Exception as exc:
        Job.objects.filter(pk=job.pk).update(status=Job.Status.FAILED, finished_at=timezone.now(), message=str(exc))
        raise
    Job.objects.filter(pk=job.pk).update(
        status=Job.Status.DONE, progress=100, finished_at=timezone.now(), message=summary
    )
    job.refresh_from_db()
    return job
