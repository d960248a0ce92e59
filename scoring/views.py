import datetime

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django_tables2 import RequestConfig

from linzi_gk.numbers import quarter_label
from linzi_gk.permissions import office_required
from units.selectors import units_visible_to

from .selectors import NoRuleSet, latest_quarter_with_data, quarter_scores
from .tables import QuarterTable, quarter_table_rows


def _default_quarter() -> tuple[int, int]:
    found = latest_quarter_with_data()
    if found:
        return found
    today = datetime.date.today()
    return today.year, (today.month - 1) // 3 + 1


def _check_quarter(year: int, quarter: int) -> None:
    if not (2000 <= year <= 2100 and 1 <= quarter <= 4):
        raise Http404("没有这个季度。")


@login_required
def home(request):
    year, quarter = _default_quarter()
    if request.user.is_office:
        return redirect("scoring:quarter", year, quarter)
    return redirect("scoring:unit_quarter", year, quarter, request.user.unit_id)


@login_required
def latest_quarter(request):
    return home(request)


def _neighbours(year: int, quarter: int) -> dict:
    prev = (year, quarter - 1) if quarter > 1 else (year - 1, 4)
    nxt = (year, quarter + 1) if quarter < 4 else (year + 1, 1)
    return {"prev": prev, "next": nxt}


@office_required
def quarter_table(request, year: int, quarter: int):
    _check_quarter(year, quarter)
    try:
        result = quarter_scores(year=year, quarter=quarter)
    except NoRuleSet as exc:
        return render(request, "scoring/no_rules.html", {"message": str(exc)}, status=404)
    tables = []
    for category, title, prefix in (("部门", "区政府各部门", "dept-"), ("镇街", "各镇、街道", "town-")):
        table = QuarterTable(
            quarter_table_rows(result.by_category(category)),
            year=year,
            quarter=quarter,
            months=result.months,
            prefix=prefix,
        )
        RequestConfig(request, paginate=False).configure(table)
        tables.append((title, table))
    return render(
        request,
        "scoring/quarter.html",
        {"result": result, "tables": tables, "label": quarter_label(year, quarter), **_neighbours(year, quarter)},
    )


@login_required
def unit_quarter(request, year: int, quarter: int, unit_id: int):
    _check_quarter(year, quarter)
    unit = units_visible_to(request.user).filter(pk=unit_id).first()
    if unit is None:
        if request.user.is_office:
            raise Http404("没有这个单位。")
        raise PermissionDenied("只能查看本单位的得分。")
    try:
        result = quarter_scores(year=year, quarter=quarter)
    except NoRuleSet as exc:
        return render(request, "scoring/no_rules.html", {"message": str(exc)}, status=404)
    score = result.for_unit(unit.pk)
    return render(
        request,
        "scoring/unit_quarter.html",
        {
            "unit": unit,
            "score": score,
            "result": result,
            "label": quarter_label(year, quarter),
            "rows": list(zip(result.months, score.figures, score.month_scores, score.quota, strict=True))
            if score
            else [],
            **_neighbours(year, quarter),
        },
    )
