"""Reminder: annual reports not yet submitted as the deadline (31 January) comes near or passes."""

from __future__ import annotations

import datetime

from django.urls import reverse

from core.formatting import format_cn_date
from core.notifications import notify
from units.models import User
from units.selectors import assessed_units_in

from .models import AnnualReport, ReportYear

DEFAULT_DAYS = 7
DONE = (AnnualReport.Status.SUBMITTED, AnnualReport.Status.FINALISED)


def annual_reports_remind(*, today: datetime.date, days: int = DEFAULT_DAYS) -> str:
    """For each open report year whose units' deadline is at most ``days`` away or passed, remind
    every unit whose report is not submitted. Returns a summary for the job record."""
    lines = []
    for report_year in ReportYear.objects.filter(unit_deadline__lte=today + datetime.timedelta(days=days)):
        start = datetime.date(report_year.year, 1, 1)
        done = set(
            AnnualReport.objects.filter(report_year=report_year, status__in=DONE).values_list("unit_id", flat=True)
        )
        late = report_year.unit_deadline < today
        due = format_cn_date(report_year.unit_deadline)
        reminded = 0
        units = assessed_units_in(start, datetime.date(report_year.year, 12, 1)).exclude(pk__in=done)
        for unit in units:
            text = (
                f"{report_year.year}年政府信息公开工作年度报告已逾期未提交（截止{due}），请尽快提交。"
                if late
                else f"{report_year.year}年政府信息公开工作年度报告请于{due}前提交。"
            )
            reminded += notify(
                users=User.objects.filter(unit=unit, is_active=True),
                kind="annual_report",
                text=text,
                link=reverse("annual_reports:report", args=[report_year.year, unit.pk]),
                key=f"annual-{report_year.year}-{'late' if late else 'near'}",
            )
        lines.append(f"{report_year.year}年：{units.count()}个单位未提交，新发提醒{reminded}条。")
    return "".join(lines) or "没有临近截止日期的年度报告。"
