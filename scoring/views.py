from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone

from core.calendar import Quarter, year_in_range
from core.charts import trend_line
from core.downloads import file_response
from core.notifications import unread_for
from core.panels import unit_panels
from core.permissions import office_required
from core.versioning import cached_fragment, versioned
from core.xlsx import build_workbook
from inspections.selectors import open_findings_for_unit
from submissions.selectors import articles_of_quarter
from units.selectors import units_visible_to

from .exports import quarter_sheets
from .selectors import NoRuleSet, data_quarter_range, latest_quarter_with_data, quarter_scores_current, unit_trend
from .status import quarter_status_current
from .tables import quarter_sections


def _default_quarter() -> Quarter:
    return latest_quarter_with_data() or Quarter.of(timezone.localdate())


def _quarter_or_404(year: int, quarter: int) -> Quarter:
    if not (year_in_range(year) and 1 <= quarter <= 4):
        raise Http404("没有这个季度。")
    return Quarter(year, quarter)


def _has_data(period: Quarter) -> bool:
    span = data_quarter_range()
    return bool(span) and span[0] <= period <= span[1]


@login_required
def home(request):
    period = _default_quarter()
    if request.user.is_office:
        return redirect("scoring:quarter", period.year, period.number)
    return redirect("scoring:unit_quarter", period.year, period.number, request.user.unit_id)


@login_required
def latest_quarter(request):
    return home(request)


def _visible_unit(user, unit_id: int):
    unit = units_visible_to(user).filter(pk=unit_id).first()
    if unit is None:
        if user.is_office:
            raise Http404("没有这个单位。")
        raise PermissionDenied("只能查看本单位的得分。")
    return unit


@login_required
def unit_latest(request, unit_id: int):
    unit, period = _visible_unit(request.user, unit_id), _default_quarter()
    return redirect("scoring:unit_quarter", period.year, period.number, unit.pk)


@office_required
def quarter_table(request, year: int, quarter: int):
    period = _quarter_or_404(year, quarter)
    try:
        result = quarter_scores_current(year=year, quarter=quarter)
    except NoRuleSet as exc:
        return render(request, "scoring/no_rules.html", {"message": str(exc)}, status=404)
    name, deducted = request.GET.get("q", "").strip(), bool(request.GET.get("deducted"))
    status = quarter_status_current(result)

    def tables_html() -> str:
        sections = quarter_sections(request, result, name=name, deducted=deducted, provisional=status.provisional)
        return render_to_string("scoring/_quarter_sections.html", {"sections": sections}, request=request)

    context = {
        "result": result,
        "status": status,
        "tables": cached_fragment(("quarter", year, quarter, status.provisional), tables_html, request=request),
        "period": period,
        "label": period.label,
        "no_data": not _has_data(period),
        "q": name,
        "deducted": deducted,
    }
    return render(request, "scoring/quarter.html", context)


@office_required
def quarter_xlsx(request, year: int, quarter: int):
    period = _quarter_or_404(year, quarter)
    try:
        result = quarter_scores_current(year=year, quarter=quarter)
    except NoRuleSet as exc:
        raise Http404(str(exc)) from exc
    return file_response(build_workbook(quarter_sheets(result)), f"{period.label}政务公开得分.xlsx")


@login_required
def unit_quarter(request, year: int, quarter: int, unit_id: int):
    period, unit = _quarter_or_404(year, quarter), _visible_unit(request.user, unit_id)
    try:
        result = quarter_scores_current(year=year, quarter=quarter)
    except NoRuleSet as exc:
        return render(request, "scoring/no_rules.html", {"message": str(exc)}, status=404)
    score = result.for_unit(unit.pk)
    today = timezone.localdate()
    trend = versioned(
        ("unit_trend", unit.pk, year, quarter, today), lambda: unit_trend(unit=unit, year=year, quarter=quarter)
    )
    context = {
        "unit": unit,
        "score": score,
        "status": quarter_status_current(result),
        "result": result,
        "period": period,
        "label": period.label,
        "rows": list(zip(result.months, score.figures, score.month_scores, score.quota, score.assessed, strict=True))
        if score
        else [],
        "trend_chart": trend_line([q.short_label for q, _ in trend], [t for _, t in trend], title="季度得分走势"),
        "articles": articles_of_quarter(unit=unit, quarter=period)[:100],
        "open_findings": list(open_findings_for_unit(unit)),
        "notifications": list(unread_for(request.user)[:10]),
        "category_size": len(result.by_category(unit.category)),
        "panels": unit_panels(user=request.user, unit=unit, today=today),
    }
    return render(request, "scoring/unit_quarter.html", context)
