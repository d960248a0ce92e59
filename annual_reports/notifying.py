"""Who is told when an annual report moves: the unit when its report is returned (with the
reason), the office when a unit submits (in-app, and by mail where mail is set up)."""

from __future__ import annotations

from django.urls import reverse

from core.formatting import clause
from core.notifications import notify
from units.selectors import office_recipients, unit_recipients

from .models import AnnualReport, ReportTransition


def _link(report: AnnualReport) -> str:
    return reverse("annual_reports:report", args=[report.year, report.unit_id])


def report_returned(report: AnnualReport, transition: ReportTransition) -> None:
    if report.unit_id is None:
        return
    notify(
        users=unit_recipients(report.unit_id),
        kind="annual_report_returned",
        text=f"{report.year}年政府信息公开工作年度报告已被区政府办公室退回，原因：{clause(transition.note)}。请修改后重新提交。",
        link=_link(report),
        key=f"annual-report-{report.pk}-transition-{transition.pk}",
    )


def report_submitted(report: AnnualReport, transition: ReportTransition) -> None:
    if report.unit_id is None:
        return
    notify(
        users=office_recipients(),
        kind="annual_report_submitted",
        text=f"{report.unit.name}已提交{report.year}年政府信息公开工作年度报告，请审核。",
        link=_link(report),
        key=f"annual-report-{report.pk}-transition-{transition.pk}",
    )
