"""Pages of the monitored columns: the office's list by freshness, a unit's columns with their
checklist and history chart, a column's readings; adding, changing and removing columns."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from core.calendar import Month
from core.forms import apply_service_errors
from core.permissions import office_required
from units.selectors import units_visible_to

from . import services
from .charts import column_history, last_month
from .forms import ColumnForm
from .models import Column
from .selectors import (
    by_freshness,
    changes_between,
    column_states,
    columns_visible_to,
    last_run,
    reading_history,
    units_without_columns,
)
from .statutory import checklist


@login_required
def index(request):
    if request.user.is_office:
        return redirect("monitoring:columns")
    if request.user.unit_id is None:
        raise Http404("没有本单位的栏目。")
    return redirect("monitoring:unit", request.user.unit_id)


@office_required
def column_list(request):
    states = by_freshness(column_states(columns_visible_to(request.user)))
    context = {"states": states, "stale": sum(s.stale for s in states), "failed": sum(s.failed for s in states)}
    context.update(run=last_run(), without=units_without_columns(request.user))
    return render(request, "monitoring/columns.html", context)


def _unit_or_404(request, unit_id: int):
    unit = units_visible_to(request.user).filter(pk=unit_id).first()
    if unit is None:
        raise Http404("没有这个单位。")
    return unit


@login_required
def unit_detail(request, unit_id: int):
    unit = _unit_or_404(request, unit_id)
    states = column_states(columns_visible_to(request.user).filter(unit=unit))
    last = last_month(max((s.reading.run.as_of for s in states if s.reading), default=None))
    rows = [(s.column.name, s.reading.months if s.reading else {}, s.stale) for s in states]
    context = {
        "unit": unit,
        "states": states,
        "checklist": checklist(unit.category, [s.column.name for s in states]),
        "chart": column_history(rows, last=last, title=f"{unit.name}各栏目每月条数") if states else "",
        "chart_months": f"{Month.from_index(last.index - 11).label}至{last.label}",
    }
    return render(request, "monitoring/unit.html", context)


@login_required
def column_detail(request, pk: int):
    column = get_object_or_404(columns_visible_to(request.user).select_related("unit"), pk=pk)
    history = reading_history(column)
    latest = history[0] if history else None
    context = {
        "column": column,
        "history": history,
        "latest": latest,
        "snapshots": list(latest.snapshots.all()) if latest else [],
        "changes": changes_between(latest, history[1] if len(history) > 1 else None) if latest else None,
    }
    return render(request, "monitoring/column.html", context)


def _column_form(request, form: ColumnForm, save, *, unit, column=None):
    if request.method == "POST" and form.is_valid():
        try:
            saved = save(form.cleaned_data)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, f"已保存栏目“{saved.name}”。")
            return redirect("monitoring:unit", unit.pk)
    return render(request, "monitoring/column_form.html", {"form": form, "unit": unit, "column": column})


@office_required
@require_http_methods(["GET", "POST"])
def column_add(request, unit_id: int):
    unit = _unit_or_404(request, unit_id)
    form = ColumnForm(
        request.POST or None,
        initial={"name": request.GET.get("name", ""), "requirement": request.GET.get("requirement", "")},
    )
    save = lambda data: services.column_create(unit=unit, acting_user=request.user, **data)  # noqa: E731
    return _column_form(request, form, save, unit=unit)


@office_required
@require_http_methods(["GET", "POST"])
def column_edit(request, pk: int):
    column = get_object_or_404(Column.objects.select_related("unit"), pk=pk)
    form = ColumnForm.for_column(column, request.POST or None)
    save = lambda data: services.column_update(column=column, acting_user=request.user, **data)  # noqa: E731
    return _column_form(request, form, save, unit=column.unit, column=column)


@office_required
@require_POST
def column_delete(request, pk: int):
    column = get_object_or_404(Column.objects.select_related("unit"), pk=pk)
    services.column_delete(column=column, acting_user=request.user)
    messages.success(request, f"已删除栏目“{column.name}”。")
    return redirect("monitoring:unit", column.unit_id)
