"""A unit's report page (and the district's): entry grid and text, downloads, offline filling."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from core.downloads import FORMAT_NAMES, file_response
from core.imports import ImportRejected, staging
from core.job_views import start_job
from core.jobs import job_label
from core.permissions import office_required

from .checks import parse_typed
from .content import ReportContent, organ_name, report_title
from .forms import ReportUploadForm, TextsForm, posted_cells
from .jobs import DISTRICT_FILE, REPORT_FILE
from .models import AnnualReport, ReportYear
from .page import Posted, import_preview, render_report, report_context
from .selectors import current_report, may_fill_unit, new_report
from .services import annual_report_import, report_save, report_save_check
from .web import form_errors, page_url, report_year_or_404, visible_unit
from .xlsx import report_workbook

UPLOAD_KIND = "annual_report"


LEAVING = {
    "upload": "上传文件",
    "register": "更改表三、表四的数据来源",
}


def _typed(request, unit) -> Posted:
    """Everything typed on the report page, posted with whichever of its buttons was clicked."""
    texts = {k: request.POST.get(k, "") for k in TextsForm().fields if k in request.POST}
    raw = posted_cells(request.POST) if unit is not None else {}
    return Posted(raw, texts, seen=request.POST.get("seen") or None)


def _unsaved_refusal(request, report_year: ReportYear, unit, action: str):
    """The page again with everything typed kept, when a button leaving it (``action``) is clicked
    while the page holds edits not yet saved (or the report changed since the page was drawn);
    ``None`` when there is nothing to lose (or the request does not come from the page)."""
    if "seen" not in request.POST:
        return None
    posted = _typed(request, unit)
    posted.beside = True
    context = report_context(report_year, unit, request.user, posted=posted)
    if not context["unsaved"]:
        return None
    messages.error(
        request,
        f"本页有{len(context['unsaved'])}处填写的内容尚未保存（列在页面上方），未能{LEAVING[action]}。"
        "请先点“保存”（或刷新本页放弃这些修改），再操作。",
    )
    return render_report(request, report_year, unit, posted=posted, form=TextsForm(request.POST))


def _refused(request, report_year: ReportYear, unit, posted: Posted, form: TextsForm, exc: ValidationError):
    """A save refused as a whole (the report was submitted, finalised or changed meanwhile): what was
    typed is shown beside the report as it is now, in the form as well while it can be edited."""
    messages.error(request, "；".join(exc.messages))
    posted.seen, posted.beside = None, True
    return render_report(request, report_year, unit, posted=posted, form=form)


def _save_post(request, report_year: ReportYear, unit):
    """Parse the grid and the text, save (and submit) through the service, or show why not; nothing
    typed is lost either way."""
    form = TextsForm(request.POST)
    posted = _typed(request, unit)
    if request.POST.get("action") == "register" and unit is not None:
        refused = _unsaved_refusal(request, report_year, unit, "register")
        return refused or redirect("annual_reports:register_source", report_year.year, unit.pk)
    try:
        report_save_check(report_year=report_year, unit=unit, seen=posted.seen)
    except ValidationError as exc:
        return _refused(request, report_year, unit, posted, form, exc)
    typed, problems = parse_typed(posted.raw)
    if problems or not form.is_valid():
        messages.error(request, "有填写错误，未保存。请按提示改正后重新保存。" if problems else form_errors(form))
        posted.problems = problems
        return render_report(request, report_year, unit, posted=posted, form=form)
    return _save(request, report_year, unit, posted, form, typed)


def _save(request, report_year: ReportYear, unit, posted: Posted, form: TextsForm, typed: dict):
    submit = request.POST.get("action") == "submit"
    try:
        outcome = report_save(
            report_year=report_year,
            unit=unit,
            acting_user=request.user,
            typed=typed if unit is not None else None,
            texts=form.cleaned_data,
            submit=submit,
            seen=posted.seen,
        )
    except ValidationError as exc:
        return _refused(request, report_year, unit, posted, form, exc)
    if submit and not outcome.submitted:
        messages.error(request, "已保存，但有错误，未能提交。请按下列提示改正后再提交。")
        posted = Posted(posted.raw, posted.texts, outcome.problems, submitting=True)
        return render_report(request, report_year, unit, posted=posted, form=form)
    messages.success(request, "已提交，等待区政府办公室审核。" if outcome.submitted else "已保存。")
    return redirect(page_url(report_year.year, unit))


@login_required
@require_http_methods(["GET", "POST"])
def report_page(request, year: int, unit_id: int):
    if not ReportYear.objects.filter(year=year).exists():
        return render(request, "annual_reports/not_open.html", {"year": year}, status=404)
    report_year, unit = report_year_or_404(year), visible_unit(request.user, unit_id)
    if request.method == "POST":
        return _save_post(request, report_year, unit)
    return render_report(request, report_year, unit)


@office_required
@require_http_methods(["GET", "POST"])
def district_page(request, year: int):
    report_year = report_year_or_404(year)
    if request.method == "POST":
        return _save_post(request, report_year, None)
    return render_report(request, report_year, None)


def _version(report_year: ReportYear, unit, version: str | None) -> AnnualReport:
    reports = AnnualReport.objects.filter(report_year=report_year).select_related("report_year", "unit")
    reports = reports.filter(unit=unit) if unit is not None else reports.filter(scope=AnnualReport.Scope.DISTRICT)
    report = (
        reports.filter(version=int(version)).first()
        if (version or "").isdigit()
        else reports.order_by("-version").first()
    )
    if report is None:
        raise Http404("这份年度报告还没有填报。")
    return report


def _label(report: AnnualReport, fmt: str) -> str:
    return job_label(report.title, f"（{FORMAT_NAMES[fmt]}）")


@login_required
def report_file(request, year: int, unit_id: int, fmt: str):
    report = _version(report_year_or_404(year), visible_unit(request.user, unit_id), request.GET.get("version"))
    params = {"report": report.pk, "fmt": fmt}
    return start_job(request, REPORT_FILE, label=_label(report, fmt), params=params)


@office_required
def district_file(request, year: int, fmt: str):
    report_year = report_year_or_404(year)
    report = current_report(report_year, None) or new_report(report_year, None)
    params = {"year": year, "fmt": fmt}
    return start_job(request, DISTRICT_FILE, label=_label(report, fmt), params=params)


@login_required
def template_file(request, year: int):
    unit = request.user.unit if not request.user.is_office else None
    organ = organ_name(unit.name) if unit is not None else "（单位名称）"
    content = ReportContent(title=report_title(organ, year), organ=organ, year=year, values=None)
    return file_response(report_workbook(content, template=True), f"{year}年政府信息公开工作年度报告表格（空白）.xlsx")


@login_required
@require_POST
def report_upload(request, year: int, unit_id: int):
    report_year, unit = report_year_or_404(year), visible_unit(request.user, unit_id)
    if not may_fill_unit(request.user, unit):
        raise PermissionDenied("只能上传本单位的年度报告。")
    if (refused := _unsaved_refusal(request, report_year, unit, "upload")) is not None:
        return refused
    form = ReportUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, form_errors(form))
        return redirect(page_url(year, unit))
    meta = {"kind": UPLOAD_KIND, "year": report_year.year, "unit": unit.pk}
    token = staging.stage(request.session, form.cleaned_data["file"], meta).token
    return redirect("annual_reports:upload_preview", year, unit.pk, token)


def _run_upload(upload, unit, user, *, dry_run: bool) -> dict:
    try:
        with upload.path.open("rb") as source:
            result = annual_report_import(
                source=source,
                year=upload.meta["year"],
                unit=unit,
                dry_run=dry_run,
                acting_user=user,
                filename=upload.filename,
            )
        return {"result": result, "errors": [], "sheet": result.sheet, **import_preview(result)}
    except ImportRejected as exc:
        return {"result": None, "errors": exc.listed, "more_errors": exc.more, "sheet": exc.sheet}


@login_required
@require_http_methods(["GET", "POST"])
def upload_preview(request, year: int, unit_id: int, token: str):
    unit = visible_unit(request.user, unit_id)
    upload = staging.staged(request.session, token)
    if upload is None or upload.meta.get("kind") != UPLOAD_KIND or upload.meta.get("unit") != unit.pk:
        messages.error(request, "这次上传已失效（已导入、已取消或已过期），请重新上传文件。")
        return redirect("annual_reports:report", year, unit.pk)
    confirm = request.method == "POST" and request.POST.get("action") == "confirm"
    if request.method == "POST" and (not confirm or not upload.unchanged(request.POST.get("sha256"))):
        staging.discard(request.session, token)
        messages.info(request, f"已取消导入“{upload.filename}”，未写入任何数据。")
        return redirect("annual_reports:report", year, unit.pk)
    outcome = _run_upload(upload, unit, request.user, dry_run=not confirm)
    if confirm:
        staging.discard(request.session, token)
        if outcome["result"] is not None:
            messages.success(request, f"“{upload.filename}”{outcome['result'].summary()}。")
            return redirect("annual_reports:report", year, unit.pk)
    context = {**outcome, "upload": upload, "unit": unit, "year": year, "token": token}
    return render(request, "annual_reports/upload_preview.html", context)
