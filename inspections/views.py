"""Pages of inspections and rectification: they parse input, check permission, call one service, render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from core.calendar import Quarter
from core.downloads import file_response
from core.forms import apply_service_errors
from core.permissions import office_required
from units.selectors import units_visible_to

from . import services
from .filters import FindingFilter
from .forms import AcceptForm, FindingForm, InspectionRoundForm, RectificationForm, ReturnForm
from .models import OPEN_STATUSES, Finding
from .selectors import (
    carried_over_note,
    finding_history,
    findings_visible_to,
    previous_round,
    responses_visible_to,
    review_findings,
    round_findings,
    rounds_visible_to,
    rounds_with_counts,
    unit_findings,
    with_flags,
)

PAGE_SIZE = 50


def _finding_or_404(user, pk: int) -> Finding:
    """A finding the user may see; another unit's finding is answered exactly like a missing one."""
    return get_object_or_404(
        with_flags(findings_visible_to(user)).select_related(
            "unit", "inspection", "created_by", "carried_over_from__inspection"
        ),
        pk=pk,
    )


def _next_or(request, default: str) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def _show_errors(request, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)


# --- Inspection rounds (office) ----------------------------------------------------------------


@office_required
def round_list(request):
    return render(request, "inspections/round_list.html", {"rounds": rounds_with_counts(request.user)})


@office_required
def round_create(request):
    if request.method == "POST":
        form = InspectionRoundForm(request.POST)
        if form.is_valid():
            try:
                inspection = services.inspection_round_create(acting_user=request.user, **form.cleaned_data)
            except ValidationError as exc:
                apply_service_errors(form, exc)
            else:
                carried = inspection.findings.count()
                text = f"已创建检查批次“{inspection.name}”。"
                if form.cleaned_data["carry_over"]:
                    text += f"从上一批次延续未整改的问题{carried}个。"
                messages.success(request, text)
                return redirect("inspections:round_detail", inspection.pk)
    else:
        form = InspectionRoundForm.with_defaults(timezone.localdate())
    return render(request, "inspections/round_form.html", {"form": form})


@office_required
def round_detail(request, pk: int):
    inspection = get_object_or_404(rounds_visible_to(request.user), pk=pk)
    findings = list(round_findings(inspection, request.user))
    for finding in findings:
        finding.carried_note = carried_over_note(finding)
    context = {
        "inspection": inspection,
        "label": Quarter(inspection.year, inspection.quarter).label,
        "findings": findings,
        "unit_count": len({f.unit_id for f in findings}),
        "open_count": sum(f.status in OPEN_STATUSES for f in findings),
        "overdue_count": sum(f.is_overdue for f in findings),
        "previous": previous_round(inspection),
    }
    return render(request, "inspections/round_detail.html", context)


# --- Findings (office records, edits, reviews) -----------------------------------------------------


@office_required
def finding_create(request, pk: int):
    inspection = get_object_or_404(rounds_visible_to(request.user), pk=pk)
    units = units_visible_to(request.user).filter(is_assessed=True).order_by("category", "sort_order", "name")
    if request.method == "POST":
        form = FindingForm(request.POST, units=units)
        if form.is_valid():
            try:
                finding = services.finding_record(inspection=inspection, acting_user=request.user, **form.cleaned_data)
            except ValidationError as exc:
                apply_service_errors(form, exc)
            else:
                messages.success(request, f"已记录{finding.unit}的问题。")
                if "another" in request.POST:
                    return redirect("inspections:finding_create", inspection.pk)
                return redirect("inspections:round_detail", inspection.pk)
    else:
        form = FindingForm(units=units)
    return render(request, "inspections/finding_form.html", {"form": form, "inspection": inspection})


@office_required
def finding_edit(request, pk: int):
    finding = _finding_or_404(request.user, pk)
    if finding.status != Finding.Status.PENDING:
        messages.error(request, "只有待整改的问题可以修改。")
        return redirect("inspections:finding_detail", finding.pk)
    if request.method == "POST":
        form = FindingForm(request.POST, editing=True)
        if form.is_valid():
            try:
                services.finding_update(finding=finding, acting_user=request.user, **form.cleaned_data)
            except ValidationError as exc:
                apply_service_errors(form, exc)
            else:
                messages.success(request, "已保存修改。")
                return redirect("inspections:finding_detail", finding.pk)
    else:
        form = FindingForm.for_finding(finding)
    return render(
        request, "inspections/finding_form.html", {"form": form, "inspection": finding.inspection, "finding": finding}
    )


@login_required
def finding_detail(request, pk: int):
    return _detail_page(request, _finding_or_404(request.user, pk), AcceptForm(), ReturnForm())


def _detail_page(request, finding: Finding, accept_form: AcceptForm, return_form: ReturnForm):
    """The finding's page; the review forms as given (what was typed in them, after a refusal)."""
    user = request.user
    can_review = user.is_office and finding.status == Finding.Status.SUBMITTED
    context = {
        "finding": finding,
        "carried_note": carried_over_note(finding),
        "carried_to": finding.carried_over_to.select_related("inspection").first(),
        "responses": finding.responses.select_related("submitted_by").order_by("submitted_at", "pk"),
        "transitions": finding.transitions.select_related("by").order_by("at", "pk"),
        "deductions": finding.deductions.order_by("pk"),
        "can_respond": not user.is_office and finding.status == Finding.Status.PENDING,
        "can_review": can_review,
        "can_edit": user.is_office and finding.status == Finding.Status.PENDING,
        "history": finding_history(finding) if user.is_office else None,
        "accept_form": accept_form,
        "return_form": return_form,
        # Typed in the review forms, which this finding no longer has (reviewed meanwhile): shown.
        "kept": [] if can_review else _typed_review(accept_form, return_form),
    }
    return render(request, "inspections/finding_detail.html", context)


def _typed_review(accept_form: AcceptForm, return_form: ReturnForm) -> list[tuple[str, str]]:
    typed = [("验收意见", accept_form["note"].value()), ("退回原因", return_form["reason"].value())]
    return [(label, text.strip()) for label, text in typed if (text or "").strip()]


def _review(request, pk: int, form_class, field: str, action, done: str):
    """Accept or return a unit's answer: one service call. The page posts both boxes (验收意见 and
    退回原因) with either button; refused, it comes back with both as typed (or, with nothing
    typed, to where it was asked from with the reason)."""
    finding = _finding_or_404(request.user, pk)
    form = form_class(request.POST)
    text = form.cleaned_data[field] if form.is_valid() else ""
    try:
        action(finding=finding, acting_user=request.user, **{field: text})
    except ValidationError as exc:
        _show_errors(request, exc)
        accept_form, return_form = AcceptForm(request.POST), ReturnForm(request.POST)
        if _typed_review(accept_form, return_form):
            return _detail_page(request, _finding_or_404(request.user, pk), accept_form, return_form)
    else:
        messages.success(request, done.format(unit=finding.unit))
    return redirect(_next_or(request, reverse("inspections:finding_detail", args=[finding.pk])))


@office_required
@require_POST
def finding_accept(request, pk: int):
    return _review(request, pk, AcceptForm, "note", services.finding_accept, "已验收{unit}的整改。")


@office_required
@require_POST
def finding_return(request, pk: int):
    return _review(request, pk, ReturnForm, "reason", services.finding_return, "已退回{unit}的整改情况。")


@office_required
def review_list(request):
    findings = FindingFilter(request.GET or None, queryset=review_findings(request.user))
    page = Paginator(findings.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "inspections/review_list.html",
        {"filter": findings, "page": page, "query": query.urlencode()},
    )


# --- The unit's side ---------------------------------------------------------------------------------


@login_required
def my_findings(request):
    if request.user.is_office:
        return redirect("inspections:review_list")
    findings = list(unit_findings(request.user))
    for finding in findings:
        finding.carried_note = carried_over_note(finding)
    return render(
        request,
        "inspections/my_findings.html",
        {
            "findings": findings,
            "open_count": sum(f.status in OPEN_STATUSES for f in findings),
            "overdue_count": sum(f.is_overdue for f in findings),
        },
    )


@login_required
def finding_respond(request, pk: int):
    if request.user.is_office:
        raise PermissionDenied("整改情况由被检查单位的账号提交。")
    finding = _finding_or_404(request.user, pk)
    if finding.status != Finding.Status.PENDING:
        messages.info(request, f"该问题当前状态为“{finding.get_status_display()}”，无需提交整改情况。")
        return redirect("inspections:finding_detail", finding.pk)
    if request.method == "POST":
        form = RectificationForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                services.rectification_submit(finding=finding, acting_user=request.user, **form.cleaned_data)
            except ValidationError as exc:
                apply_service_errors(form, exc)
            else:
                messages.success(request, "已提交整改情况，等待区政府办公室验收。")
                return redirect("inspections:finding_detail", finding.pk)
    else:
        form = RectificationForm()
    return render(request, "inspections/respond_form.html", {"form": form, "finding": finding})


@login_required
def response_file(request, pk: int):
    """The evidence file of an answer, only to those who may see the finding; never a public URL."""
    response = get_object_or_404(responses_visible_to(request.user).exclude(file=""), pk=pk)
    try:
        handle = response.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404("文件不存在。") from exc
    return file_response(handle, response.original_filename or response.file.name)
