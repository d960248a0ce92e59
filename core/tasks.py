"""Handing recorded jobs (:mod:`core.jobs`) to Celery: the tasks, asking for a job, and handing out
again jobs that were stranded.

With Redis a worker process runs the job. Without it (Celery eager, the embedded default) the job
runs in a thread of this process once its row is committed, so the request that asked for it can
show its progress; while the caller's transaction is still open (a test's) it runs here and now.
"""

from __future__ import annotations

import datetime
import logging
import threading

from celery import shared_task
from django.conf import settings
from django.db import DatabaseError, connection, connections, transaction

from . import jobs
from .models import Job

LOGGER = logging.getLogger(__name__)
BROKER_DOWN = "后台任务服务（Redis）暂时连不上：任务已记录并排队，服务恢复后自动执行，请稍后刷新本页。"


@shared_task(
    bind=True,
    acks_late=True,  # the message is acknowledged only when the job is done ...
    reject_on_worker_lost=True,  # ... so a job whose worker is killed is delivered again
    autoretry_for=(DatabaseError,),
    retry_backoff=5,
    retry_backoff_max=300,
    max_retries=5,
)
def run_job(self, job_pk: int) -> str:
    return jobs.job_execute(job_pk).status


@shared_task
def requeue_stale_jobs() -> int:
    return jobs_requeue_stale()


def _run_here(job_pk: int) -> None:
    try:
        jobs.job_execute(job_pk)
    except Exception:  # recorded on the job (failed, with the reason), whose page tells the user
        LOGGER.info("job %s failed", job_pk)


def _run_in_thread(job_pk: int) -> None:
    try:
        _run_here(job_pk)
    finally:
        connections.close_all()


def enqueue(job: Job) -> None:
    """Hand ``job`` to a worker; if the broker is down the job stays queued and says so."""
    if settings.CELERY_TASK_ALWAYS_EAGER:
        if connection.in_atomic_block:  # the job's row is not visible to another connection yet
            _run_here(job.pk)
        else:
            threading.Thread(target=_run_in_thread, args=[job.pk], name=f"job-{job.pk}", daemon=True).start()
        return
    try:
        run_job.apply_async(args=[job.pk], retry=False)
    except Exception as exc:  # kombu/redis raise their own errors when the broker is unreachable
        LOGGER.warning("job %s not handed to a worker: %s", job.pk, exc)
        Job.objects.filter(pk=job.pk, status=Job.Status.QUEUED).update(message=BROKER_DOWN)


def job_request(*, kind: jobs.JobKind, label: str, params: dict, acting_user) -> Job:
    """Record the job and start it once the request's transaction has committed.

    The same work already queued or running for the same person, and still alive, is not started
    twice; a failed or stale one is never handed out again (a new job is started)."""
    if jobs.kind_of(kind.key) is not kind:
        raise ValueError(f"未登记的后台任务类型：{kind.key}")
    existing = Job.objects.filter(kind=kind.key, params=params, requested_by=acting_user).filter(jobs.alive()).first()
    if existing is not None:
        return existing
    job = Job(kind=kind.key, label=jobs.job_label(label), params=params, requested_by=acting_user)
    job.full_clean()
    job.save()
    transaction.on_commit(lambda: enqueue(job))
    return job


def jobs_requeue_stale(*, now: datetime.datetime | None = None) -> int:
    """Hand out again jobs still queued after a while (the broker was down) or running without any
    sign of life (the worker died); returns how many."""
    found = list(jobs.stale(now))
    for job in found:
        # The broker's absence is no longer news once it takes the job (enqueue says so again if not).
        message = "" if job.message == BROKER_DOWN else job.message
        Job.objects.filter(pk=job.pk).update(status=Job.Status.QUEUED, message=message)
        enqueue(job)
    return len(found)
