"""The Celery tasks of core: run a recorded job; hand out again jobs that were stranded."""

from __future__ import annotations

from celery import shared_task
from django.db import DatabaseError

from . import jobs


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
    return jobs.jobs_requeue_stale()
