"""The annual assessment page (年终考核): the ranking per category, its chart, the office's
adjustments with their reasons, and the PDF and Excel of the result."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from core.calendar import year_in_range
from core.charts import ranking_bars
from core.downloads import FORMAT_NAMES
from core.forms import apply_service_errors
from core.job_views import start_job
from core.permissions import office_required
from scoring.assessment import CATEGORIES, assessment_title, counted_quarters, quarters_text
from scoring.models import AnnualAdjustment
from scoring.selectors import NoRuleSet, YearScores, annual_scores, latest_quarter_with_data
from scoring.services import annual_adjustment_add, annual_adjustment_remove
from units.selectors import assessed_units_in

from .forms import AdjustmentForm
from .jobs import ASSESSMENT_FILE


def _scores(year: int) -> YearScores:
    if not year_in_range(year):
        raise Http404("没有这个年度。")
    try:
        return annual_scores(year=year, quarters=counted_quarters(year))
    except NoRuleSet as exc:
        raise Http404(str(exc)) from exc


def _units(year: int):
    return assessed_units_in(datetime.date(year, 1, 1), datetime.date(year, 12, 1)).order_by(
        "category", "sort_order", "name"
    )


def _render(request, year: int, form: AdjustmentForm, status: int = 200):
    result = _scores(year)
    sections = [
        (
            name,
            rows := result.by_category(category),
            ranking_bars([r.name for r in rows], [r.final_total for r in rows]),
        )
        for category, name in CATEGORIES
    ]
    adjustments = (
        AnnualAdjustment.objects.filter(year=year)
        .select_related("unit", "updated_by")
        .order_by("unit__sort_order", "pk")
    )
    context = {
        "year": year,
        "result": result,
        "quarters_text": quarters_text(result.quarters),
        "sections": sections,
        "adjustments": adjustments,
        "form": form,
    }
    return render(request, "annual_reports/assessment.html", context, status=status)


@office_required
def assessment_latest(request):
    latest = latest_quarter_with_data()
    return redirect("annual_reports:assessment", latest.year if latest else timezone.localdate().year - 1)


@office_required
def assessment(request, year: int):
    return _render(request, year, AdjustmentForm(units=_units(year)))


@office_required
@require_POST
def adjustment_add(request, year: int):
    form = AdjustmentForm(request.POST, units=_units(year))
    if form.is_valid():
        try:
            annual_adjustment_add(year=year, acting_user=request.user, **form.cleaned_data)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, f"已记入{form.cleaned_data['unit'].name}的年度考核调整。")
            return redirect("annual_reports:assessment", year)
    return _render(request, year, form, status=400)


@office_required
@require_POST
def adjustment_remove(request, year: int, pk: int):
    adjustment = get_object_or_404(AnnualAdjustment, pk=pk, year=year)
    annual_adjustment_remove(adjustment=adjustment, acting_user=request.user, reason=request.POST.get("reason", ""))
    messages.success(request, f"已撤销{adjustment.unit.name}的一项年度考核调整（修改记录中保留）。")
    return redirect("annual_reports:assessment", year)


@office_required
def assessment_file(request, year: int, fmt: str):
    _scores(year)  # 404 for a year without scores, before any work is asked for
    label = f"{assessment_title(year)}（{FORMAT_NAMES[fmt]}）"
    return start_job(request, ASSESSMENT_FILE, label=label, params={"year": year, "fmt": fmt})
