"""What the annual reports add to a unit's own page (:mod:`core.panels`): a report the office
returned, at the top, with the reason and the way to it."""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString

from core.formatting import clause
from core.versioning import Kind, versioned
from units.models import Unit, User

from .models import AnnualReport, ReportTransition


def returned_report_panel(*, user: User, unit: Unit, today: datetime.date) -> SafeString | None:
    """Kept per process and change of the annual reports (the unit page asks on every request)."""
    return versioned(("annual_report_returned", unit.pk), lambda: _returned(unit), kinds=(Kind.ANNUAL_REPORTS,))


def _returned(unit: Unit) -> SafeString | None:
    report = (
        AnnualReport.objects.filter(unit=unit, status=AnnualReport.Status.RETURNED)
        .select_related("report_year")
        .order_by("-report_year__year", "-version")
        .first()
    )
    if report is None:
        return None
    returned = (
        ReportTransition.objects.filter(report=report, to_status=AnnualReport.Status.RETURNED).order_by("-pk").first()
    )
    return format_html(
        '<p>本单位{}年政府信息公开工作年度报告已被区政府办公室退回{}。请修改后重新提交。</p><p><a class="button" href="{}">修改年度报告</a></p>',
        report.year,
        f"，原因：{clause(returned.note)}" if returned and returned.note else "",
        reverse("annual_reports:report", args=[report.year, unit.pk]),
    )
