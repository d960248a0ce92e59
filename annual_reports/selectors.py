"""Reads of annual reports, scoped to the user: a unit sees its own reports only, the office all."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from units.models import Unit, User
from units.selectors import assessed_units_in

from .content import DISTRICT_ORGAN, ReportContent, organ_name, report_title
from .layout import TEXT_FIELDS, add_up, complete, decode
from .models import AnnualReport, ReportYear

OFFICE_UNIT_NAME = "区政府办公室"
"""The office's own unit: its report is filled by the office."""
Status = AnnualReport.Status


def reports_visible_to(user: User) -> QuerySet[AnnualReport]:
    """Every list of reports starts here: the office sees all, a unit account its unit's."""
    reports = AnnualReport.objects.select_related("report_year", "unit")
    if not user.is_authenticated:
        return reports.none()
    if user.is_office:
        return reports
    if user.unit_id is None:
        return reports.none()
    return reports.filter(scope=AnnualReport.Scope.UNIT, unit_id=user.unit_id)


def report_years() -> QuerySet[ReportYear]:
    return ReportYear.objects.order_by("-year")


def office_unit() -> Unit | None:
    return Unit.objects.filter(name=OFFICE_UNIT_NAME).first()


def may_view_unit(user: User, unit: Unit) -> bool:
    return user.is_authenticated and (user.is_office or user.unit_id == unit.pk)


def may_fill_unit(user: User, unit: Unit) -> bool:
    """A unit fills its own report; the office fills the office's own unit's."""
    if not user.is_authenticated:
        return False
    if user.is_office:
        return unit.name == OFFICE_UNIT_NAME
    return user.unit_id == unit.pk


def expected_units(year: int) -> QuerySet[Unit]:
    """Units that report for ``year``: those assessed in at least one month of it."""
    return assessed_units_in(datetime.date(year, 1, 1), datetime.date(year, 12, 1)).order_by(
        "category", "sort_order", "name"
    )


def current_report(report_year: ReportYear, unit: Unit | None) -> AnnualReport | None:
    """The latest version of a unit's report (``unit=None``: the district's), or ``None``."""
    reports = AnnualReport.objects.filter(report_year=report_year).select_related("report_year", "unit")
    reports = reports.filter(unit=unit) if unit is not None else reports.filter(scope=AnnualReport.Scope.DISTRICT)
    return reports.order_by("-version").first()


def report_state(report: AnnualReport | None) -> str:
    """What a report page was drawn from: the version (its row), its status and when it was last
    saved (``new`` before the first save). A save from a page drawn from another state is refused."""
    if report is None or report.pk is None:
        return "new"
    return f"{report.pk}:{report.status}:{report.updated_at.isoformat()}"


def latest_per_unit(reports: Iterable[AnnualReport]) -> dict[int, AnnualReport]:
    latest: dict[int, AnnualReport] = {}
    for report in reports:
        if report.unit_id is not None and (
            report.unit_id not in latest or report.version > latest[report.unit_id].version
        ):
            latest[report.unit_id] = report
    return latest


def new_report(report_year: ReportYear, unit: Unit | None) -> AnnualReport:
    """An unsaved first version with the generated title and preface."""
    organ = DISTRICT_ORGAN if unit is None else organ_name(unit.name)
    year = report_year.year
    if unit is None:
        preface = (
            "本年度报告根据《中华人民共和国政府信息公开条例》要求，由区政府办公室综合区政府各部门和各镇、"
            f"街道的政府信息公开工作年度报告编制而成。所列数据的统计期限自{year}年1月1日起，至{year}年12月31日止。"
        )
    else:
        preface = (
            f"本年度报告中所列数据的统计期限自{year}年1月1日起，至{year}年12月31日止。"
            f"如对报告内容有疑问，请与{organ}联系。"
        )
    return AnnualReport(
        report_year=report_year,
        scope=AnnualReport.Scope.DISTRICT if unit is None else AnnualReport.Scope.UNIT,
        unit=unit,
        title=report_title(organ, year),
        preface=preface,
    )


# --- values --------------------------------------------------------------------------------------


@dataclass
class Compilation:
    """The district's tables: the cell-by-cell sums of the units' finalised reports."""

    values: dict
    included: list[str]
    missing: list[tuple[Unit, AnnualReport | None]]
    """Units expected to report whose report is not finalised, with their current report."""


def compile_district(report_year: ReportYear) -> Compilation:
    """Sums of the latest finalised report of every unit (three queries)."""
    reports = list(
        AnnualReport.objects.filter(report_year=report_year, scope=AnnualReport.Scope.UNIT).select_related("unit")
    )
    final = latest_per_unit(r for r in reports if r.status == Status.FINALISED)
    current = latest_per_unit(reports)
    included = sorted(final.values(), key=lambda r: (r.unit.category, r.unit.sort_order, r.unit.name))
    missing = [(unit, current.get(unit.pk)) for unit in expected_units(report_year.year) if unit.pk not in final]
    values = complete(add_up([decode(r.figures) for r in included]))
    return Compilation(values=values, included=[r.unit.name for r in included], missing=missing)


def report_values(report: AnnualReport) -> dict:
    """Every cell of a report with its totals; a district report not yet finalised is compiled."""
    if report.is_district and report.status != Status.FINALISED:
        return compile_district(report.report_year).values
    return complete(decode(report.figures))


def previous_report(report: AnnualReport) -> AnnualReport | None:
    """Last year's report of the same unit (or the district): its latest finalised version, else its latest."""
    reports = AnnualReport.objects.filter(report_year__year=report.year - 1, scope=report.scope, unit=report.unit)
    candidates = list(reports.select_related("report_year"))
    if not candidates:
        return None
    return max(candidates, key=lambda r: (r.status == Status.FINALISED, r.version))


def previous_values(report: AnnualReport) -> dict | None:
    previous = previous_report(report)
    return None if previous is None else report_values(previous)


def texts_of(report: AnnualReport) -> dict[str, str]:
    return {key: getattr(report, key) for key in TEXT_FIELDS}


def report_content(report: AnnualReport, values: dict | None = None) -> ReportContent:
    """The report as plain data; a district compilation not yet finalised counts the units missing."""
    organ = DISTRICT_ORGAN if report.is_district else organ_name(report.unit.name)
    missing = 0
    if values is None and report.is_district and report.status != Status.FINALISED:
        compilation = compile_district(report.report_year)
        values, missing = compilation.values, len(compilation.missing)
    return ReportContent(
        title=report.title,
        organ=organ,
        year=report.year,
        values=report_values(report) if values is None else values,
        texts=texts_of(report),
        date=timezone.localdate(report.finalised_at) if report.finalised_at else None,
        missing=missing,
    )


def is_late(report: AnnualReport | None, deadline: datetime.date, today: datetime.date) -> bool:
    """Submitted after the deadline, or still not submitted after it."""
    if report is not None and report.first_submitted_at is not None:
        return timezone.localdate(report.first_submitted_at) > deadline
    return today > deadline
