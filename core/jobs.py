"""Background work: exports a person waits for, and scheduled jobs.

An app defines each kind of work as a :class:`JobKind` constant in its ``jobs.py`` (e.g.
``reports.jobs.NOTICE_DRAFT_FILE``) and registers it with :func:`register` in its
``AppConfig.ready()``. A view passes that constant to :func:`core.job_views.start_job`, which
records a :class:`~core.models.Job` (:func:`core.tasks.job_request`) and hands it to the Celery task
:func:`core.tasks.run_job`, which calls :func:`job_execute`, which calls the kind's ``run``. The
page of the job shows its progress, then the download and the way back to what it was made from.

The work is idempotent: a job that is done is never run again, its result file is written under
a name fixed by the job and moved into place only when complete (a worker killed half-way leaves
no half file, and the re-run writes exactly one). Any error marks the job failed with the reason;
a failed job, or one without a sign of life for a while, is never handed to a later request.

This module knows nothing of Celery (``core.tasks`` imports it, never the other way round).
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
from django.db.models import Q
from django.utils import timezone

from .downloads import MAX_LABEL, safe_filename, shorten
from .models import Job

LOGGER = logging.getLogger(__name__)
STALE_QUEUED = datetime.timedelta(minutes=2)
STALE_RUNNING = datetime.timedelta(minutes=15)
MAX_RESULT_NAME = 200
"""The longest download name in characters (the field's length); in bytes see ``safe_filename``."""


@dataclass(frozen=True)
class Result:
    filename: str
    content: bytes


@dataclass(frozen=True)
class Source:
    """What a job was made from, for the way back from its page: ``返回通报`` and its URL."""

    label: str
    url: str


@dataclass(frozen=True)
class JobKind:
    key: str
    run: Callable[..., Result | str]
    """``run(params, progress) -> Result`` (a file to download) or ``str`` (a summary, e.g. of a
    scheduled job); ``progress(percent, message="")`` reports how far it got."""
    may_view: Callable[..., bool] = lambda user, params: bool(user.is_office)
    """Who may follow the job and download its result, besides the person who asked for it."""
    source: Callable[[dict], Source | None] = lambda params: None
    """The page the job was asked from (the notice, the report …), shown as the way back."""
    waiting: str = "正在后台生成，完成后会自动下载（无需停留在本页，稍后可在“后台任务”中找到）。"
    """What the job's page says while it runs (a job that makes no file is not downloaded)."""

    def __str__(self) -> str:
        return self.key


_KINDS: dict[str, JobKind] = {}


def register(kind: JobKind) -> None:
    _KINDS[kind.key] = kind


def kind_of(key: str) -> JobKind | None:
    return _KINDS.get(key)


def job_label(text: str, suffix: str = "") -> str:
    """A job's label: ``text`` shortened so that it and ``suffix`` (e.g. ``（PDF）``) fit the field."""
    return shorten(text, MAX_LABEL - len(suffix)) + suffix


def source_of(job: Job) -> Source | None:
    kind = kind_of(job.kind)
    try:
        return kind.source(job.params) if kind else None
    except Exception:  # the thing it was made from is gone: no way back, the job stays readable
        LOGGER.info("job %s: no source", job.pk, exc_info=True)
        return None


def waiting_text(job: Job) -> str:
    kind = kind_of(job.kind)
    return kind.waiting if kind else JobKind.waiting


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


def alive(now: datetime.datetime | None = None) -> Q:
    """Jobs that may still finish: queued a short while ago, or running with a recent sign of life."""
    now = now or timezone.now()
    queued = Q(status=Job.Status.QUEUED, created_at__gte=now - STALE_QUEUED)
    running = Q(status=Job.Status.RUNNING, heartbeat_at__gte=now - STALE_RUNNING)
    return queued | running


def stale(now: datetime.datetime | None = None):
    """Jobs queued or running that have shown no sign of life for a while."""
    return Job.objects.filter(status__in=[Job.Status.QUEUED, Job.Status.RUNNING]).exclude(alive(now))


def _progress(job_pk: int) -> Callable[..., None]:
    def report(percent: int, message: str = "") -> None:
        fields = {"progress": max(0, min(100, int(percent))), "heartbeat_at": timezone.now()}
        if message:
            fields["message"] = message
        Job.objects.filter(pk=job_pk).update(**fields)

    return report


def result_name(filename: str) -> str:
    """The download name of a result: safe, at most 255 bytes and 200 characters."""
    name = safe_filename(filename)
    return name if len(name) <= MAX_RESULT_NAME else safe_filename(name, max_bytes=MAX_RESULT_NAME)


def _store(job: Job, result: Result) -> tuple[str, str]:
    """Write the result next to its final name and move it into place in one step."""
    name = result_name(result.filename)
    folder = result_dir() / str(job.pk)
    folder.mkdir(parents=True, exist_ok=True)
    final = folder / name
    partial = folder / ".partial"  # a fixed name: the final one may use all 255 bytes
    partial.write_bytes(result.content)
    os.replace(partial, final)
    return str(final.relative_to(Path(settings.MEDIA_ROOT))), name


def failure_message(exc: Exception) -> str:
    if isinstance(exc, ValidationError):  # refused by a service: its own sentence
        return "；".join(exc.messages)
    return f"生成时出错：{exc or type(exc).__name__}。请点“重试”；如仍失败，请联系管理员。"


def _fail(job_pk: int, exc: Exception) -> None:
    Job.objects.filter(pk=job_pk).update(
        status=Job.Status.FAILED, finished_at=timezone.now(), message=failure_message(exc)[:2000]
    )


def job_execute(job_pk: int) -> Job:
    """Run one job (the body of the Celery task); a job already done is left as it is.

    Any error marks the job failed with the reason; a refusal (``ValidationError``) is only
    recorded, any other error is raised again for the worker's log (and Celery's retry of a
    database that was away)."""
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
        fields = {"status": Job.Status.DONE, "progress": 100, "finished_at": timezone.now()}
        if isinstance(outcome, Result):
            result, name = _store(job, outcome)
            fields.update(result=result, result_name=name, message="")
        else:
            fields["message"] = outcome
        Job.objects.filter(pk=job.pk).update(**fields)
    except ValidationError as exc:
        _fail(job.pk, exc)
    except Exception as exc:
        LOGGER.exception("job %s (%s) failed", job.pk, job.kind)
        _fail(job.pk, exc)
        raise
    job.refresh_from_db()
    return job


def record_scheduled_run(*, kind: str, label: str, run: Callable[[], str]) -> Job:
    """Run a scheduled job here and now, recorded like any other (status, summary, time)."""
    job = Job.objects.create(
        kind=kind, label=job_label(label), status=Job.Status.RUNNING, started_at=timezone.now(), attempts=1
    )
    try:
        summary = run()
    except Exception as exc:
        _fail(job.pk, exc)
        raise
    Job.objects.filter(pk=job.pk).update(
        status=Job.Status.DONE, progress=100, finished_at=timezone.now(), message=summary
    )
    job.refresh_from_db()
    return job


def last_scheduled_runs(kinds: list[str]) -> dict[str, Job]:
    """The latest recorded run of each scheduled kind."""
    latest: dict[str, Job] = {}
    for job in Job.objects.filter(kind__in=kinds).order_by("kind", "-created_at", "-pk"):
        latest.setdefault(job.kind, job)
    return latest
