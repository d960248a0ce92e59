from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone

from core.calendar import Quarter, year_in_range
from core.downloads import file_response
from core.permissions import office_required
from core.versioning import SCORES, Kind, cached_fragment
from core.xlsx import build_workbook
from units.selectors import unit_visible_to

from .dashboard import unit_quarter_context
from .exports import quarter_sheets
from .selectors import NoRuleSet, data_quarter_range, latest_quarter_with_data, quarter_scores_current
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
    unit = unit_visible_to(user, unit_id)
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
        "tables": cached_fragment(
            ("quarter", year, quarter, status.provisional), tables_html, kinds=(*SCORES, Kind.NOTICES), request=request
        ),
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
        result = quarter_scores_current(year=period.year, quarter=period.number)
    except NoRuleSet as exc:
        return render(request, "scoring/no_rules.html", {"message": str(exc)}, status=404)
    context = unit_quarter_context(user=request.user, unit=unit, result=result, today=timezone.localdate())
    return render(request, "scoring/unit_quarter.html", context)
