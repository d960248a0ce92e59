"""Pages of background jobs: one job's progress, then its download and the way back; the staff's
list; and :func:`start_job`, with which every page asks for a file made in the background."""

from __future__ import annotations

import time
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import connection
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from .downloads import file_response
from .jobs import JobKind, jobs_visible_to, kind_of, may_follow, source_of, waiting_text
from .models import Job
from .permissions import office_required
from .tasks import job_request

FINISHED = (Job.Status.DONE, Job.Status.FAILED)


def _job_or_404(request, pk: int) -> Job:
    job = get_object_or_404(Job, pk=pk)
    if not may_follow(request.user, job):
        raise Http404("没有这个任务。")
    return job


@login_required
def job_detail(request, pk: int):
    job = _job_or_404(request, pk)
    context = {
        "job": job,
        "source": source_of(job),
        "waiting": waiting_text(job),
        "finished": job.status in FINISHED,
        # Arrived here as the job finished (the page's script reloads once): start the download.
        "autostart": request.GET.get("finished") == "1" and job.status == Job.Status.DONE and bool(job.result),
    }
    return render(request, "core/job_detail.html", context)


@login_required
def job_status(request, pk: int):
    job = _job_or_404(request, pk)
    return JsonResponse(
        {
            "status": job.status,
            "status_label": job.get_status_display(),
            "progress": job.progress,
            "message": job.message,
            "done": job.status in FINISHED,
        }
    )


@login_required
def job_download(request, pk: int):
    job = _job_or_404(request, pk)
    path = Path(settings.MEDIA_ROOT) / job.result if job.result else None
    if job.status != Job.Status.DONE or path is None or not path.is_file():
        raise Http404("结果文件不存在。")
    return file_response(path.open("rb"), job.result_name)


@login_required
@require_POST
def job_retry(request, pk: int):
    """重试 a failed job: the same work asked for again (a new job)."""
    job = _job_or_404(request, pk)
    kind = kind_of(job.kind)
    if job.status != Job.Status.FAILED or kind is None:
        return redirect("core:job", job.pk)
    return start_job(request, kind, label=job.label, params=job.params)


@office_required
def job_list(request):
    page = Paginator(jobs_visible_to(request.user).select_related("requested_by"), 50).get_page(request.GET.get("page"))
    return render(request, "core/job_list.html", {"page": page, "query": ""})


def _wait(job: Job, seconds: float) -> Job:
    """The job once finished, or as it is after ``seconds`` (a small file is handed out at once).
    Inside a transaction not yet committed (a test's) nobody can have started it: no wait."""
    if connection.in_atomic_block:
        return job
    deadline = time.monotonic() + seconds
    while job.status not in FINISHED and time.monotonic() < deadline:
        time.sleep(0.1)
        job.refresh_from_db(fields=["status", "progress", "message", "result", "result_name"])
    return job


def start_job(request, kind: JobKind, *, label: str, params: dict) -> HttpResponse:
    """Ask for background work. Finished within ``JOB_WAIT_SECONDS`` (about 2 s): its file downloads
    straight away (or, for work without a file, back to its page with the outcome). Otherwise its
    page shows the progress and starts the download by itself when done."""
    job = _wait(job_request(kind=kind, label=label, params=params, acting_user=request.user), settings.JOB_WAIT_SECONDS)
    if job.status == Job.Status.DONE and job.result:
        return job_download(request, job.pk)
    source = source_of(job)
    if job.status == Job.Status.DONE and source is not None:
        messages.success(request, job.message or f"{job.label}已完成。")
        return redirect(source.url)
    return redirect(reverse("core:job", args=[job.pk]))
