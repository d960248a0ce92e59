"""The month grid page: it parses the posted rows, calls the one service, renders."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.db import OperationalError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString
from django.views.decorators.http import require_http_methods

from core.calendar import Month, year_in_range
from core.hooks import MonthRules, ProposedFigures
from core.permissions import office_required
from core.versioning import Kind, versioned
from units.selectors import units_visible_to

from ..selectors import adoption_excess, adoption_totals
from ..services.grid import CONFLICT, SAVED, UNCHANGED, GridRowResult, month_grid_save
from .forms import parse_grid_post, posted_unit_ids
from .html import render_grid_rows
from .plausibility import CONFIRM_FIELD, doubtful_values, limits_attribute
from .selectors import MonthGrid, month_grid
from .views_support import overlay_posted, overlay_unsaved, page_of

BUSY = "数据库正忙（他人正在保存），本行未保存，已保留您填写的内容，请稍后重新保存"


def _month_or_404(year: int, month: int) -> Month:
    if not (year_in_range(year) and 1 <= month <= 12):
        raise Http404("没有这个月份。")
    return Month(year, month)


@office_required
def grid_index(request):
    text = request.GET.get("month")
    if text:
        parsed = Month.parse(text)
        if parsed is not None:
            return redirect("submissions:grid", parsed.year, parsed.month)
        messages.error(request, f"月份“{text}”无效，请按“2024-10”的格式选择月份。")
    last = Month.last_finished(timezone.localdate())
    return redirect("submissions:grid", last.year, last.month)


@office_required
@require_http_methods(["GET", "POST"])
def grid(request, year: int, month: int):
    period = _month_or_404(year, month)
    page = page_of(request)
    if request.method == "GET":
        return _render(request, _kept_page(request, period, page))
    parsed = parse_grid_post(request.POST, posted_unit_ids(request.POST))
    if not request.POST.get(CONFIRM_FIELD) and (doubts := _doubts(request, period, parsed)):
        grid_data = month_grid(month=period, user=request.user)
        overlay_unsaved(grid_data, parsed)
        return _render(request, _grid_page(grid_data), doubts=doubts)
    results = _save(request, period, parsed)
    if not any(p.errors for p in parsed) and all(r.status in (SAVED, UNCHANGED) for r in results):
        saved = [r.unit_id for r in results if r.status == SAVED]
        if saved:
            messages.success(request, f"已保存{len(saved)}行。")
            _flag_adoptions(request, saved, period)
        else:
            messages.info(request, "没有修改，未写入任何数据。")
        query = f"?page={page['page']}" if "page" in request.GET else ""
        return redirect(reverse("submissions:grid", args=[year, month]) + query)
    grid_data = month_grid(month=period, user=request.user, **page)
    summary, gone = overlay_posted(grid_data, parsed, results, units=units_visible_to(request.user))
    return _render(request, _grid_page(grid_data), summary=summary, gone=gone)


def _kept_page(request, period: Month, page: dict) -> GridPage:
    """Rendered once per process and change of the data (every write service marks it): the rows
    carry the versions they were loaded with, which only a write changes. Office pages only, so
    every viewer sees the same units; a change of other units' figures keeps the page."""
    return versioned(
        ("month_grid", period, page["page"], page["per_page"]),
        lambda: _grid_page(month_grid(month=period, user=request.user, **page)),
        kinds=(Kind.UNITS, Kind.FIGURES, Kind.RULES, Kind.MONITORING),
        units=lambda shown: shown.unit_ids,
    )


def _save(request, period: Month, parsed) -> list[GridRowResult]:
    """The service's results; when the database stays busy, every row is kept on the page unsaved."""
    rows = [p.row_input for p in parsed if p.row_input]
    try:
        return month_grid_save(month=period, rows=rows, acting_user=request.user)
    except OperationalError:
        return [GridRowResult(row.unit_id, CONFLICT, message=BUSY) for row in rows]


def _doubts(request, period: Month, parsed) -> list:
    """Changed figures that are possible but hardly plausible: nothing is saved before they are confirmed."""
    rows = [p.row_input for p in parsed if p.row_input]
    names = dict(units_visible_to(request.user).filter(pk__in=[r.unit_id for r in rows]).values_list("pk", "name"))
    return doubtful_values(month=period, rows=rows, names=names)


def _flag_adoptions(request, unit_ids: list[int], period: Month) -> None:
    names = dict(units_visible_to(request.user).filter(pk__in=unit_ids).values_list("pk", "name"))
    for line in adoption_excess(adoption_totals(unit_ids=unit_ids, year=period.year), names, year=period.year):
        messages.warning(request, line)


@dataclass(frozen=True)
class GridPage:
    """What the page shows of a grid: its rows as HTML and the figures around them."""

    month: Month
    rows_html: SafeString
    total: int
    page: int
    pages: int
    per_page: int | None
    page_rows: int
    filled: int
    rules: MonthRules | None
    proposals: ProposedFigures | None = None
    unit_ids: frozenset[int] = frozenset()
    """The units of the rows shown."""


def _grid_page(grid_data: MonthGrid) -> GridPage:
    month = grid_data.month
    return GridPage(
        month=month,
        rows_html=render_grid_rows(
            grid_data.rows,
            register_base=reverse("submissions:articles"),
            month_param=month.param,
            rules=grid_data.rules,
            proposals=grid_data.proposals,
        ),
        total=grid_data.total,
        page=grid_data.page,
        pages=grid_data.pages,
        per_page=grid_data.per_page,
        page_rows=len(grid_data.rows),
        filled=sum(1 for row in grid_data.rows if row.shown.get("publications", "").strip()),
        rules=grid_data.rules,
        proposals=grid_data.proposals,
        unit_ids=frozenset(row.unit_id for row in grid_data.rows),
    )


def _render(request, shown: GridPage, *, summary: str = "", gone: list[str] | None = None, doubts: list | None = None):
    month = shown.month
    context = {
        "month": month,
        "prev": month.previous(),
        "next": month.next(),
        "rows_html": shown.rows_html,
        "summary": summary,
        "gone": gone or [],
        "unit_count": shown.total,
        "grid": shown,
        "page_numbers": range(1, shown.pages + 1),
        "page_rows": shown.page_rows,
        "doubts": doubts or [],
        "confirm_field": CONFIRM_FIELD,
        "filled": shown.filled,
        "rules": shown.rules,
        "limits": limits_attribute(),
        "proposals": shown.proposals,
        "quarter_url": reverse("submissions:grid_quarter", args=[month.year, month.quarter.number]),
    }
    return render(request, "submissions/grid.html", context)
