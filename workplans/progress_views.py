"""Pages of progress: a unit reports per task and period; the office sees the matrix and exports it."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from core.downloads import file_response
from core.forms import apply_service_errors
from core.job_views import start_job
from core.permissions import office_required

from . import services
from .forms import ProgressForm
from .jobs import MATRIX_FILE
from .selectors import matrix_unit_ids, plan_or_404, progress_matrix, progress_visible_to, tasks_visible_to

MATRIX_PAGE_SIZE = 100
"""Units per page of the matrix (the district has about 70: one page)."""


@login_required
def progress_report(request, pk: int, period: str):
    if request.user.is_office:
        raise PermissionDenied("进度由承担任务的单位账号填报。")
    task = get_object_or_404(tasks_visible_to(request.user).select_related("plan"), pk=pk)
    found = task.period(period)
    if found is None:
        raise Http404("该任务没有这个期间。")
    report = progress_visible_to(request.user).filter(task=task, period=period).first()
    initial = {"status": report.status, "note": report.note, "link": report.link} if report else {}
    form = ProgressForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.progress_report(
                task=task, unit=request.user.unit, period=period, acting_user=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, f"已填报第{task.label}项任务{found.label}的进度。")
            return redirect("workplans:task", task.pk)
    context = {"task": task, "plan": task.plan, "period": found, "report": report, "form": form}
    return render(request, "workplans/progress_form.html", context)


@login_required
def evidence_file(request, pk: int):
    """The evidence file of a progress report, only to those who may see it; never a public URL."""
    report = get_object_or_404(progress_visible_to(request.user).exclude(file=""), pk=pk)
    try:
        handle = report.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404("文件不存在。") from exc
    return file_response(handle, report.original_filename or report.file.name)


@office_required
def matrix(request, year: int):
    plan = plan_or_404(request.user, year)
    page = Paginator(matrix_unit_ids(plan), MATRIX_PAGE_SIZE).get_page(request.GET.get("page"))
    data = progress_matrix(plan, timezone.localdate(), units=list(page.object_list))
    return render(request, "workplans/matrix.html", {"plan": plan, "matrix": data, "page": page})


@office_required
def matrix_export(request, year: int):
    plan = plan_or_404(request.user, year)
    return start_job(request, MATRIX_FILE, label=f"{plan.year}年工作任务落实情况（Excel）", params={"plan": plan.pk})
