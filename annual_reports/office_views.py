"""The office's pages: the years, who has not submitted or is late, and the review of reports."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from core.forms import apply_service_errors
from core.permissions import office_required
from units.models import Unit

from . import services
from .forms import CorrectionForm, DeadlinesForm, OpenYearForm, ReasonForm
from .models import ReportYear
from .overviews import year_overview
from .page import Kept, render_report
from .selectors import current_report, report_years
from .web import form_errors, page_url, report_year_or_404

FILTERS = {
    "missing": ("未提交", lambda row: not row.submitted),
    "submitted": ("已提交待审核", lambda row: row.awaiting_review),
    "late": ("逾期", lambda row: row.late),
    "similar": ("内容雷同", lambda row: bool(row.similar)),
}


def _unit_index(request):
    """A unit's 年度报告: the report of the year now due (the year just ended), or, while the office
    has not opened that year, a sentence saying so (never silently an earlier year's report)."""
    due = timezone.localdate().year - 1
    latest = report_years().first()
    if latest is not None and latest.year >= due and request.user.unit_id is not None:
        return redirect("annual_reports:report", latest.year, request.user.unit_id)
    earlier = report_years().filter(year__lt=due) if request.user.unit_id is not None else []
    return render(request, "annual_reports/not_open.html", {"year": due, "earlier": earlier})


@login_required
def index(request):
    if not request.user.is_office:
        return _unit_index(request)
    last = timezone.localdate().year - 1
    form = OpenYearForm(initial={"year": last})
    return render(request, "annual_reports/index.html", {"years": report_years(), "form": form})


@office_required
@require_POST
def year_open(request):
    form = OpenYearForm(request.POST)
    if form.is_valid():
        try:
            report_year = services.report_year_open(acting_user=request.user, **form.cleaned_data)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, f"已开启{report_year.year}年度报告填报，各单位可以填报。")
            return redirect("annual_reports:year", report_year.year)
    return render(request, "annual_reports/index.html", {"years": report_years(), "form": form}, status=400)


@office_required
def year_page(request, year: int):
    report_year = report_year_or_404(year)
    initial = {"unit_deadline": report_year.unit_deadline, "district_deadline": report_year.district_deadline}
    return _year_page(request, report_year, DeadlinesForm(initial=initial))


def _year_page(request, report_year: ReportYear, deadlines_form: DeadlinesForm, *, status: int = 200):
    rows = year_overview(report_year, today=timezone.localdate())
    show = request.GET.get("show", "")
    shown = [r for r in rows if show not in FILTERS or FILTERS[show][1](r)]
    counts = {key: sum(1 for r in rows if test(r)) for key, (_, test) in FILTERS.items()}
    context = {
        "report_year": report_year,
        "rows": shown,
        "total": len(rows),
        "counts": counts,
        "filters": [(key, label, counts[key]) for key, (label, _) in FILTERS.items()],
        "show": show,
        "deadlines_form": deadlines_form,
        "finalised": sum(1 for r in rows if r.report and r.report.status == "finalised"),
    }
    return render(request, "annual_reports/year.html", context, status=status)


@office_required
@require_POST
def year_deadlines(request, year: int):
    """Set the deadlines; refused, the page again with the dates as typed."""
    report_year = report_year_or_404(year)
    form = DeadlinesForm(request.POST)
    if form.is_valid():
        try:
            services.report_year_set_deadlines(report_year=report_year, acting_user=request.user, **form.cleaned_data)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, "截止日期已修改。")
            return redirect("annual_reports:year", year)
    messages.error(request, "截止日期未修改：" + form_errors(form))
    return _year_page(request, report_year, form, status=400)


def _report(report_year: ReportYear, unit: Unit | None):
    report = current_report(report_year, unit)
    if report is None:
        raise ValidationError("这份年度报告还没有填报。")
    return report


def _act(request, year: int, unit_id: int | None, action, success: str, kept: Kept):
    """Do ``action`` on the report; refused, the page again with the reason typed kept."""
    report_year: ReportYear = report_year_or_404(year)
    unit = get_object_or_404(Unit, pk=unit_id) if unit_id is not None else None
    try:
        action(_report(report_year, unit))
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
        return render_report(request, report_year, unit, kept=kept)
    messages.success(request, success)
    return redirect(page_url(year, unit))


@office_required
@require_POST
def report_finalise(request, year: int, unit_id: int | None = None):
    def finalise(report):
        services.report_finalise(report=report, acting_user=request.user)

    kept = Kept(reason=request.POST.get("reason", ""))
    return _act(request, year, unit_id, finalise, "已定稿，报告已冻结；如需修改请使用“更正”。", kept)


@office_required
@require_POST
def report_return(request, year: int, unit_id: int | None = None):
    form = ReasonForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""

    def send_back(report):
        services.report_return(report=report, reason=reason, acting_user=request.user)

    kept = Kept(reason=request.POST.get("reason", ""))
    return _act(request, year, unit_id, send_back, "已退回，单位修改后可重新提交。", kept)


@office_required
@require_POST
def report_correct(request, year: int, unit_id: int | None = None):
    form = CorrectionForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""

    def correct(report):
        services.report_correct(report=report, note=note, acting_user=request.user)

    kept = Kept(note=request.POST.get("note", ""))
    success = "已生成更正版本，原定稿版本保留；修改后重新提交、定稿。"
    return _act(request, year, unit_id, correct, success, kept)
