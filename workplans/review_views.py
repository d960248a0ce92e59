"""回头看: last year's unfinished tasks per unit, and carrying them into the next plan."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from core.permissions import office_required

from . import services
from .forms import CarryForm
from .models import WorkPlan
from .overviews import review
from .selectors import plan_or_404, plans_visible_to


@office_required
def review_latest(request):
    """At the start of a year: last year's plan (or the latest one there is)."""
    last_year = timezone.localdate().year - 1
    plan = plans_visible_to(request.user).filter(year__lte=last_year).order_by("-year").first()
    plan = plan or plans_visible_to(request.user).order_by("-year").first()
    if plan is None:
        return redirect("workplans:index")
    return redirect(_back(plan.year, request.POST.get("unit", "")))


def _back(year: int, unit: str) -> str:
    url = reverse("workplans:review", args=[year])
    return f"{url}?unit={unit}" if unit.isdigit() else url


@office_required
def review_page(request, year: int):
    plan = plan_or_404(request.user, year)
    form = CarryForm(initial={"deadline": WorkPlan.default_ledger_deadline(plan.year + 1)})
    return _review_page(request, plan, request.GET.get("unit", ""), form, ticked=[])


def _review_page(request, plan, chosen: str, form: CarryForm, *, ticked: list[str], status: int = 200):
    """The unfinished tasks per unit; ``ticked`` and ``form``: what was chosen and typed (a refused
    carry shows them again)."""
    today = timezone.localdate()
    units = review(plan, today)
    chosen_pk = int(chosen) if chosen.isdigit() else None
    context = {
        "plan": plan,
        "units": units,
        "selected": next((u for u in units if str(u.unit.pk) == chosen), None),
        "today": today,
        "item_count": sum(len(u.items) for u in units),
        "next_year": plan.year + 1,
        "form": form,
        "ticked": {task for task, unit in _pairs(ticked) if unit == chosen_pk},
    }
    return render(request, "workplans/review.html", context, status=status)


def _pairs(values: list[str]) -> list[tuple[int, int]]:
    pairs = []
    for value in values:
        task_id, _, unit_id = value.partition("-")
        if task_id.isdigit() and unit_id.isdigit():
            pairs.append((int(task_id), int(unit_id)))
    return pairs


@office_required
@require_POST
def review_carry(request, year: int):
    plan = plan_or_404(request.user, year)
    form = CarryForm(request.POST)
    deadline: datetime.date | None = form.cleaned_data["deadline"] if form.is_valid() else None
    try:
        result = services.tasks_carry_over(
            plan=plan, items=_pairs(request.POST.getlist("item")), deadline=deadline, acting_user=request.user
        )
    except ValidationError as exc:  # the page again, the tasks ticked and the date as they were
        for message in exc.messages:
            messages.error(request, message)
        ticked = request.POST.getlist("item")
        return _review_page(request, plan, request.POST.get("unit", ""), form, ticked=ticked, status=400)
    messages.success(
        request,
        f"已转入{result.plan.title}：新增任务{result.tasks_created}项，涉及{result.units_added}个单位次。",
    )
    return redirect(_back(plan.year, request.POST.get("unit", "")))


def _back(year: int, unit: str) -> str:
    url = reverse("workplans:review", args=[year])
    return f"{url}?unit={unit}" if unit.isdigit() else url
