"""Pages of the ledgers (台账): a unit fills in and submits its own; the office sees who has, exports
and returns them. Each view parses input, checks permission, calls one service and renders."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from core.forms import apply_service_errors
from core.job_views import start_job
from core.permissions import office_required
from units.selectors import units_visible_to

from . import ledger_drafts as drafts_of
from . import services
from .forms import DeadlineForm, LedgerRowForm, ReturnForm
from .jobs import LEDGERS_FILE
from .models import Ledger, Task
from .overviews import ledger_overview, ledger_sheets
from .selectors import ledger_rows_visible_to, ledgers_visible_to, plan_or_404, tasks_visible_to


def _errors(request, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)


@office_required
def ledger_status(request, year: int):
    plan = plan_or_404(request.user, year)
    lines = ledger_overview(plan)
    context = {
        "plan": plan,
        "lines": lines,
        "today": timezone.localdate(),
        "submitted": sum(line.submitted for line in lines),
        "not_submitted": sum(not line.submitted for line in lines),
        "deadline_form": DeadlineForm(initial={"deadline": plan.ledger_deadline}),
        "return_form": ReturnForm(),
    }
    return render(request, "workplans/ledger_status.html", context)


@office_required
@require_POST
def ledger_deadline(request, year: int):
    plan = plan_or_404(request.user, year)
    form = DeadlineForm(request.POST)
    if not form.is_valid():
        messages.error(request, "请填写有效的截止日期。")
        return redirect("workplans:ledger_status", plan.year)
    try:
        services.plan_ledger_deadline_set(plan=plan, deadline=form.cleaned_data["deadline"], acting_user=request.user)
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
    else:
        messages.success(request, "已保存台账报送截止日期。")
    return redirect("workplans:ledger_status", plan.year)


@office_required
def ledger_export(request, year: int):
    plan = plan_or_404(request.user, year)
    return start_job(request, LEDGERS_FILE, label=f"{plan.year}年各单位台账（Excel）", params={"plan": plan.pk})


@login_required
def ledger_detail(request, year: int, unit_id: int):
    plan = plan_or_404(request.user, year)
    unit = units_visible_to(request.user).filter(pk=unit_id).first()
    if unit is None:
        raise Http404("没有这个单位的台账。")
    if request.method == "POST" and not request.user.is_office:  # Enter in a field: keep what was typed
        _keep_typed(request, plan, unit)
        return redirect(_ledger_url(plan.year, unit.pk))
    sheets = ledger_sheets(plan, [unit])
    sheet = sheets[0] if sheets else None
    ledger = ledgers_visible_to(request.user).filter(plan=plan, unit=unit).first()
    editable = not request.user.is_office and (ledger is None or ledger.status == Ledger.Status.DRAFT)
    drafts, errors = drafts_of.take(request, plan, unit)
    defaults = drafts_of.ledger_defaults(unit) if editable and sheet else drafts_of.Defaults()
    kept_reason = request.session.pop(_return_key(ledger), "") if ledger else ""  # a refused 退回's
    context = {
        "plan": plan,
        "unit": unit,
        "sheet": sheet,
        "blocks": drafts_of.blocks(sheet.tasks, drafts, errors, defaults) if sheet else [],
        "ledger": ledger,
        "transitions": list(ledger.transitions.select_related("by")) if ledger else [],
        "editable": editable,
        "return_form": ReturnForm(initial={"reason": kept_reason}),
        "kept_reason": kept_reason,
    }
    return render(request, "workplans/ledger_detail.html", context)


def _return_key(ledger: Ledger) -> str:
    return f"ledger-return:{ledger.pk}"


@login_required
@require_POST
def ledger_row_add(request, pk: int):
    task = get_object_or_404(tasks_visible_to(request.user).select_related("plan"), pk=pk)
    if request.user.is_office:
        raise PermissionDenied("台账由承担任务的单位账号填写。")
    unit = request.user.unit
    drafts = drafts_of.typed_drafts(request.POST, drafts_of.ledger_defaults(unit))
    refused = _add_row(request, task, unit)
    if refused is None:
        drafts.pop(task.pk, None)
    drafts_of.keep(request, task.plan, unit, drafts, {task.pk: refused} if refused else None)
    return redirect(f"{_ledger_url(task.plan.year, unit.pk)}#task-{task.pk}")


def _add_row(request, task, unit) -> list[str] | None:
    """Add the measure typed in ``task``'s block; the reasons it was refused, or ``None``."""
    form = LedgerRowForm(request.POST, prefix=f"t{task.pk}")
    if not form.is_valid():
        return [f"{form.fields[name].label}：{e}" for name, errors in form.errors.items() for e in errors]
    try:
        services.ledger_row_add(task=task, unit=unit, acting_user=request.user, **form.cleaned_data)
    except ValidationError as exc:
        return exc.messages
    messages.success(request, f"已添加第{task.label}项任务的工作举措。")
    return None


def _ledger_url(year: int, unit_id: int) -> str:
    return reverse("workplans:ledger", args=[year, unit_id])


def _keep_typed(request, plan, unit) -> str:
    """Keep what was typed on the ledger page for the page shown next; names the tasks with a
    measure typed but not added ("" if none)."""
    drafts = drafts_of.typed_drafts(request.POST, drafts_of.ledger_defaults(unit))
    drafts_of.keep(request, plan, unit, drafts)
    waiting = drafts_of.unadded(drafts)
    if not waiting:
        return ""
    labels = {task.pk: task.label for task in Task.objects.filter(pk__in=waiting, plan=plan)}
    return "、".join(f"第{labels[pk]}项任务" for pk in sorted(waiting) if pk in labels) or "本页"


def _own_row(request, pk: int):
    row = get_object_or_404(
        ledger_rows_visible_to(request.user).select_related("ledger__plan", "ledger__unit", "task"), pk=pk
    )
    if request.user.is_office:
        raise PermissionDenied("台账由承担任务的单位账号填写。")
    return row


@login_required
def ledger_row_edit(request, pk: int):
    row = _own_row(request, pk)
    if request.POST.get("open_edit"):
        # 修改 clicked on the ledger page: keep what was typed there, then open the edit page.
        _keep_typed(request, row.ledger.plan, row.ledger.unit)
        return redirect("workplans:ledger_row_edit", row.pk)
    form = LedgerRowForm(request.POST or None, instance=row)
    if request.method == "POST" and form.is_valid():
        try:
            services.ledger_row_update(row=row, acting_user=request.user, **form.cleaned_data)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, "已保存工作举措。")
            return redirect(f"{_ledger_url(row.ledger.plan.year, row.ledger.unit_id)}#task-{row.task_id}")
    return render(request, "workplans/ledger_row_form.html", {"form": form, "row": row, "plan": row.ledger.plan})


@login_required
@require_POST
def ledger_row_delete(request, pk: int):
    row = _own_row(request, pk)
    _keep_typed(request, row.ledger.plan, row.ledger.unit)
    try:
        services.ledger_row_delete(row=row, acting_user=request.user)
    except ValidationError as exc:
        _errors(request, exc)
    else:
        messages.success(request, "已删除该条工作举措。")
    return redirect(_ledger_url(row.ledger.plan.year, row.ledger.unit_id))


@login_required
@require_POST
def ledger_submit(request, year: int):
    plan = plan_or_404(request.user, year)
    if request.user.is_office:
        raise PermissionDenied("台账由承担任务的单位账号报送。")
    if waiting := _keep_typed(request, plan, request.user.unit):
        messages.error(request, f"{waiting}有填写了但尚未添加的工作举措，请先点该项的“添加”（或清空）再报送。")
        return redirect(_ledger_url(plan.year, request.user.unit_id))
    try:
        services.ledger_submit(plan=plan, unit=request.user.unit, acting_user=request.user)
    except ValidationError as exc:
        _errors(request, exc)
    else:
        messages.success(request, "台账已报送区政府办公室。")
    return redirect(_ledger_url(plan.year, request.user.unit_id))


@office_required
@require_POST
def ledger_return(request, pk: int):
    ledger = get_object_or_404(ledgers_visible_to(request.user).select_related("plan", "unit"), pk=pk)
    form = ReturnForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        services.ledger_return(ledger=ledger, acting_user=request.user, reason=reason)
    except ValidationError as exc:  # the reason typed comes back with the page
        _errors(request, exc)
        request.session[_return_key(ledger)] = request.POST.get("reason", "")
    else:
        messages.success(request, f"已退回{ledger.unit}的台账。")
    return redirect("workplans:ledger", ledger.plan.year, ledger.unit_id)
