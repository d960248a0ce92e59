"""Pages of background jobs: one job's progress and download, the staff's list, reminders read."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from .jobs import jobs_visible_to, may_follow
from .models import Job
from .notifications import notifications_mark_read
from .permissions import office_required


def _job_or_404(request, pk: int) -> Job:
    job = get_object_or_404(Job, pk=pk)
    if not may_follow(request.user, job):
        raise Http404("没有这个任务。")
    return job


@login_required
def job_detail(request, pk: int):
    return render(request, "core/job_detail.html", {"job": _job_or_404(request, pk)})


@login_required
def job_status(request, pk: int):
    job = _job_or_404(request, pk)
    return JsonResponse(
        {
            "status": job.status,
            "status_label": job.get_status_display(),
            "progress": job.progress,
            "message": job.message,
            "done": job.status in (Job.Status.DONE, Job.Status.FAILED),
        }
    )


@login_required
def job_download(request, pk: int):
    job = _job_or_404(request, pk)
    path = Path(settings.MEDIA_ROOT) / job.result if job.result else None
    if job.status != Job.Status.DONE or path is None or not path.is_file():
        raise Http404("结果文件不存在。")
    response = FileResponse(path.open("rb"), as_attachment=True)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(job.result_name)}"
    return response


@office_required
def job_list(request):
    page = Paginator(jobs_visible_to(request.user).select_related("requested_by"), 50).get_page(request.GET.get("page"))
    return render(request, "core/job_list.html", {"page": page, "query": ""})


@login_required
def notification_list(request):
    items = request.user.notifications.all()[:100]
    return render(request, "core/notifications.html", {"items": items})


@login_required
@require_POST
def notifications_read(request):
    notifications_mark_read(user=request.user)
    messages.info(request, "提醒已全部标为已读。")
    target = request.POST.get("next", "")
    return redirect(target if target.startswith("/") and not target.startswith("//") else "home")


def start_job(request, *, kind: str, label: str, params: dict):
    """Ask for background work and show its page (progress, then the download). Without Redis the
    work is done at once, before the page shows."""
    from .jobs import job_request

    job = job_request(kind=kind, label=label, params=params, acting_user=request.user)
    return redirect("core:job", job.pk)
