"""Pages of the plan and its tasks: they parse input, check permission, call one service, render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from core.calendar import CalendarUnavailable
from core.formatting import format_cn_date
from core.permissions import office_required
from units.selectors import units_visible_to

from . import services
from .forms import EventDateForm, PartyForm
from .selectors import (
    parties_visible_to,
    plan_or_404,
    plan_tasks,
    plans_visible_to,
    progress_visible_to,
    task_units,
    tasks_visible_to,
    unit_task_states,
)
from .status import task_state


@login_required
def index(request):
    plans = plans_visible_to(request.user)
    latest = plans.filter(year__lte=timezone.localdate().year).order_by("-year").first() or plans.first()
    if latest is not None:
        return redirect("workplans:plan", latest.year)
    return render(request, "workplans/no_plan.html", {"plans": plans})


@login_required
def plan_detail(request, year: int):
    plan, today, user = plan_or_404(request.user, year), timezone.localdate(), request.user
    context = {"plan": plan, "plans": plans_visible_to(user).order_by("-year"), "today": today}
    if user.is_office:
        context["tasks"] = plan_tasks(plan)
        context["open_parties"] = sum(1 for t in context["tasks"] for p in t.parties.all() if not p.assigned.all())
    else:
        context["states"] = unit_task_states(plan, user.unit, today)
    return render(request, "workplans/plan_detail.html", context)


def _event_deadlines(task, form: EventDateForm) -> list[tuple[str, str]]:
    """For a task counted from an event: each rule's deadline when the event happened on the given day."""
    if not form.is_valid() or not form.cleaned_data["event_date"]:
        return []
    day = form.cleaned_data["event_date"]
    answers = []
    for rule in task.time_limit.events:
        try:
            answers.append((rule.label, f"应于{format_cn_date(rule.deadline(day))}前（含当日）完成"))
        except CalendarUnavailable as exc:
            answers.append((rule.label, str(exc)))
    return answers


def _states(task, assignments, reports, today):
    """Each assignment with its state and its reports by period key."""
    by_unit: dict[int, dict] = {}
    for report in reports:
        by_unit.setdefault(report.unit_id, {})[report.period] = report
    rows = []
    for a in assignments:
        own = by_unit.get(a.unit_id, {})
        state = task_state(task, a.unit_id, a.role, {key: r.status for key, r in own.items()}, today)
        rows.append((a, state, [(p, own.get(p.period.key)) for p in state.periods]))
    return rows


@login_required
def task_detail(request, pk: int):
    task = get_object_or_404(tasks_visible_to(request.user).select_related("plan", "carried_from__plan"), pk=pk)
    user, today = request.user, timezone.localdate()
    assignments = [a for a in task_units(task) if user.is_office or a.unit_id == user.unit_id]
    reports = list(progress_visible_to(user).filter(task=task))
    event_form = EventDateForm(request.GET or None)
    context = {
        "task": task,
        "plan": task.plan,
        "states": _states(task, assignments, reports, today),
        "units": units_visible_to(user).order_by("category", "sort_order", "name") if user.is_office else [],
        "parties": parties_visible_to(user).filter(task=task).prefetch_related("assigned__unit"),
        "event_form": event_form,
        "event_deadlines": _event_deadlines(task, event_form),
        "today": today,
    }
    return render(request, "workplans/task_detail.html", context)


@office_required
@require_POST
def party_assign(request, pk: int):
    party = get_object_or_404(parties_visible_to(request.user).select_related("task"), pk=pk)
    form = PartyForm(request.POST, units=units_visible_to(request.user))
    if not form.is_valid():
        messages.error(request, "请正确选择单位。")
        return redirect("workplans:task", party.task_id)
    try:
        services.party_units_set(party=party, units=list(form.cleaned_data["units"]), acting_user=request.user)
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
    else:
        messages.success(request, f"已保存“{party.name}”指定的单位。")
    return redirect("workplans:task", party.task_id)
