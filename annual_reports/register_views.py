"""由登记簿生成: a unit's choice between typed figures and its 依申请公开 register for tables 三 and
四, with the difference between the two shown before switching."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from .layout import complete
from .models import AnnualReport
from .register import differences, keeps_register, register_keys, uses_register
from .selectors import current_report, may_fill_unit, report_values
from .services import report_requests_source
from .web import page_url, report_year_or_404, visible_unit

Source = AnnualReport.Source


@login_required
@require_http_methods(["GET", "POST"])
def register_source(request, year: int, unit_id: int):
    report_year, unit = report_year_or_404(year), visible_unit(request.user, unit_id)
    if not may_fill_unit(request.user, unit):
        raise PermissionDenied("只能由本单位选择年度报告表三、表四的数据来源。")
    report = current_report(report_year, unit)
    if request.method == "POST":
        source = Source.REGISTER if request.POST.get("source") == Source.REGISTER else Source.TYPED
        try:
            report_requests_source(report_year=report_year, unit=unit, source=source, acting_user=request.user)
        except ValidationError as exc:
            messages.error(request, "；".join(exc.messages))
        else:
            messages.success(request, f"表三、表四已改为{Source(source).label}。")
        return redirect(page_url(year, unit))
    values = report_values(report) if report is not None else complete({})
    context = {
        "year": year,
        "unit": unit,
        "report": report,
        "uses": uses_register(report),
        "keeps": keeps_register(unit),
        "differences": differences(values, unit, year),
        # only 三 and 四: figures typed in 二 alone listed every cell of 三 and 四 as "未填" differences
        "typed_any": report is not None and any(values.get(key) is not None for key in register_keys()),
    }
    return render(request, "annual_reports/register_source.html", context)
