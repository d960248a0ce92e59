"""The quarter page of the grid: the three months' 发布数 side by side. It parses each month's
part of the POST as the month page does and saves through the same service."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.db import OperationalError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.safestring import SafeString
from django.views.decorators.http import require_http_methods

from core.calendar import Month, Quarter, year_in_range
from core.hooks import MonthRules
from core.permissions import office_required
from core.versioning import Kind, versioned
from units.selectors import units_visible_to

from ..selectors import TALLY_FIELDS
from ..services.grid import CONFLICT, SAVED, UNCHANGED, GridRowResult, quarter_grid_save
from .forms import ParsedRow, month_prefix, parse_grid_post, posted_unit_ids
from .plausibility import CONFIRM_FIELD, LIMITS, doubtful_values
from .quarter import QuarterGrid, quarter_grid
from .quarter_html import render_quarter_rows
from .views import BUSY
from .views_support import overlay_refused, overlay_unsaved, page_of, refused_summary

Posted = dict[Month, list[ParsedRow]]


def _quarter_or_404(year: int, number: int) -> Quarter:
    if not (year_in_range(year) and 1 <= number <= 4):
        raise Http404("没有这个季度。")
    return Quarter(year, number)


@office_required
@require_http_methods(["GET", "POST"])
def grid_quarter(request, year: int, quarter: int):
    period = _quarter_or_404(year, quarter)
    page = page_of(request)
    if request.method == "GET":
        key = ("quarter_grid", period, page["page"], page["per_page"])
        page_kinds = (Kind.UNITS, Kind.FIGURES, Kind.RULES, Kind.MONITORING)
        shown = versioned(key, lambda: _page(quarter_grid(quarter=period, user=request.user, **page)), kinds=page_kinds)
        return _render(request, shown)
    posted = {m: parse_grid_post(request.POST, posted_unit_ids(request.POST, p), p) for m, p in _prefixes(period)}
    if not request.POST.get(CONFIRM_FIELD) and (doubts := _doubts(request, posted)):
        grid_data = quarter_grid(quarter=period, user=request.user, **page)
        for month, parsed in posted.items():
            overlay_unsaved(grid_data.month_grid(month), parsed)
        return _render(request, _page(grid_data), doubts=doubts)
    results = _save(request, posted)
    if _all_saved(posted, results):
        return _saved(request, period, results, page)
    grid_data = quarter_grid(quarter=period, user=request.user, **page)
    summary = _overlay(grid_data, posted, results)
    return _render(request, _page(grid_data), summary=summary)


def _prefixes(period: Quarter):
    return [(month, month_prefix(month)) for month in period.months]


def _save(request, posted: Posted) -> dict[Month, list[GridRowResult]]:
    """The service's results; when the database stays busy, every cell is kept on the page unsaved."""
    rows = {month: [p.row_input for p in parsed if p.row_input] for month, parsed in posted.items()}
    try:
        return quarter_grid_save(months=rows, acting_user=request.user)
    except OperationalError:
        return {
            m: [GridRowResult(r.unit_id, CONFLICT, message=BUSY) for r in month_rows] for m, month_rows in rows.items()
        }


def _all_saved(posted: Posted, results: dict[Month, list[GridRowResult]]) -> bool:
    return not any(p.errors for parsed in posted.values() for p in parsed) and all(
        r.status in (SAVED, UNCHANGED) for month_results in results.values() for r in month_results
    )


def _saved(request, period: Quarter, results: dict[Month, list[GridRowResult]], page: dict):
    saved = sum(r.status == SAVED for month_results in results.values() for r in month_results)
    if saved:
        messages.success(request, f"已保存{saved}个单元格。")
    else:
        messages.info(request, "没有修改，未写入任何数据。")
    query = f"?page={page['page']}" if "page" in request.GET else ""
    return redirect(reverse("submissions:grid_quarter", args=[period.year, period.number]) + query)


def _overlay(grid_data: QuarterGrid, posted: Posted, results: dict[Month, list[GridRowResult]]) -> str:
    """Put the refused cells back as typed, with their reasons; the sentence above the table."""
    saved = invalid = conflicts = 0
    for month, parsed in posted.items():
        bad, clash = overlay_refused(grid_data.month_grid(month), parsed, results[month])
        invalid, conflicts = invalid + len(bad), conflicts + len(clash)
        saved += sum(r.status == SAVED for r in results[month])
    return refused_summary(saved, invalid, conflicts, what="个单元格")


def _doubts(request, posted: Posted) -> list:
    """Changed figures that are possible but hardly plausible, month by month."""
    rows = {month: [p.row_input for p in parsed if p.row_input] for month, parsed in posted.items()}
    ids = {r.unit_id for month_rows in rows.values() for r in month_rows}
    names = dict(units_visible_to(request.user).filter(pk__in=ids).values_list("pk", "name"))
    doubts = []
    for month, month_rows in rows.items():
        labelled = {pk: f"{name}（{month.month}月）" for pk, name in names.items()}
        doubts.extend(doubtful_values(month=month, rows=month_rows, names=labelled))
    return doubts


@dataclass(frozen=True)
class QuarterPage:
    quarter: Quarter
    rows_html: SafeString
    total: int
    page: int
    pages: int
    per_page: int | None
    page_rows: int
    filled: int
    cells: int
    rules: MonthRules | None


def _page(grid_data: QuarterGrid) -> QuarterPage:
    cells = [cell for row in grid_data.rows for cell in row.months if cell is not None]
    return QuarterPage(
        quarter=grid_data.quarter,
        rows_html=render_quarter_rows(grid_data),
        total=grid_data.total,
        page=grid_data.page,
        pages=grid_data.pages,
        per_page=grid_data.per_page,
        page_rows=len(grid_data.rows),
        filled=sum(1 for cell in cells if cell.shown.get("publications", "").strip()),
        cells=len(cells),
        rules=grid_data.rules,
    )


def _render(request, shown: QuarterPage, *, summary: str = "", doubts: list | None = None):
    quarter = shown.quarter
    context = {
        "quarter": quarter,
        "months": quarter.months,
        "prev": quarter.previous(),
        "next": quarter.next(),
        "grid": shown,
        "rows_html": shown.rows_html,
        "summary": summary,
        "doubts": doubts or [],
        "confirm_field": CONFIRM_FIELD,
        "rules": shown.rules,
        "limits": ",".join([str(LIMITS["publications"])] * 3),
        "tally_limits": ",".join(str(LIMITS[name]) for name in TALLY_FIELDS),
        "labels": ",".join(f"{m.month}月发布数" for m in quarter.months),
        "page_numbers": range(1, shown.pages + 1),
    }
    return render(request, "submissions/grid_quarter.html", context)
