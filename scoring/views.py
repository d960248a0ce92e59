import datetime
from urllib.parse import quote

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django_tables2 import RequestConfig

from inspections.selectors import open_findings_for_unit
from linzi_gk.charts import ranking_bars, trend_line
from linzi_gk.numbers import CN_QUARTER, quarter_label
from linzi_gk.permissions import office_required
from reports.notice_data import stats_rows
from reports.notice_xlsx import stats_sheet
from reports.xlsx import build_workbook
from units.selectors import units_visible_to

from .selectors import (
    NoRuleSet,
    data_quarter_range,
    latest_quarter_with_data,
    quarter_scores,
    unit_articles,
    unit_trend,
)
from .tables import QuarterTable, quarter_table_rows

CATEGORIES = (("部门", "区政府各部门", "dept-"), ("镇街", "各镇、街道", "town-"))


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


def _has_data(year: int, quarter: int) -> bool:
    span = data_quarter_range()
    return bool(span) and span[0] <= (year, quarter) <= span[1]


def _neighbours(year: int, quarter: int) -> dict:
    prev = (year, quarter - 1) if quarter > 1 else (year - 1, 4)
    nxt = (year, quarter + 1) if quarter < 4 else (year + 1, 1)
    return {"prev": prev, "next": nxt}


def _filtered(rows, request):
    name = request.GET.get("q", "").strip()
    if name:
        rows = [row for row in rows if name in row.name]
    if request.GET.get("deducted"):
        rows = [row for row in rows if row.deduction]
    return rows


@office_required
def quarter_table(request, year: int, quarter: int):
    _check_quarter(year, quarter)
    try:
        result = quarter_scores(year=year, quarter=quarter)
    except NoRuleSet as exc:
        return render(request, "scoring/no_rules.html", {"message": str(exc)}, status=404)
    sections = []
    for category, title, prefix in CATEGORIES:
        rows = result.by_category(category)
        shown = _filtered(rows, request)
        table = QuarterTable(
            quarter_table_rows(shown),
            year=year,
            quarter=quarter,
            months=result.months,
            prefix=prefix,
            empty_text="没有符合筛选条件的单位。" if rows else "本季度没有考核单位。",
        )
        RequestConfig(request, paginate=False).configure(table)
        chart = ranking_bars([r.name for r in shown], [r.total for r in shown], title=f"{title}得分排名")
        sections.append((title, table, chart))
    return render(
        request,
        "scoring/quarter.html",
        {
            "result": result,
            "sections": sections,
            "label": quarter_label(year, quarter),
            "no_data": not _has_data(year, quarter),
            "q": request.GET.get("q", ""),
            "deducted": bool(request.GET.get("deducted")),
            **_neighbours(year, quarter),
        },
    )


@office_required
def quarter_xlsx(request, year: int, quarter: int):
    _check_quarter(year, quarter)
    try:
        result = quarter_scores(year=year, quarter=quarter)
    except NoRuleSet as exc:
        raise Http404(str(exc)) from exc
    label = f"第{CN_QUARTER[quarter]}季度"
    months = list(result.months)
    content = build_workbook(
        [
            stats_sheet("各部门", f"各部门{label}政务公开工作情况统计", months, stats_rows(result.by_category("部门"))),
            stats_sheet(
                "各镇、街道", f"各镇、街道{label}政务公开工作情况统计", months, stats_rows(result.by_category("镇街"))
            ),
        ]
    )
    response = HttpResponse(content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    filename = f"{year}年{CN_QUARTER[quarter]}季度政务公开得分.xlsx"
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
    return response


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
    trend = unit_trend(unit=unit, year=year, quarter=quarter)
    chart = trend_line(
        [f"{y % 100:02d}年{CN_QUARTER[q]}季" for y, q, _ in trend], [t for _, _, t in trend], title="季度得分走势"
    )
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
            "trend_chart": chart,
            "articles": unit_articles(unit=unit, year=year, quarter=quarter)[:100],
            "open_findings": list(open_findings_for_unit(unit)),
            "category_size": len(result.by_category(unit.category)),
            **_neighbours(year, quarter),
        },
    )
