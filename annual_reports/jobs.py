"""Background work of the annual reports: a unit's report and the district compilation as PDF or
Excel (the request never lays out the document itself)."""

from __future__ import annotations

from core.jobs import JobKind, Result, register

from .models import AnnualReport, ReportYear
from .pdf import report_pdf
from .selectors import current_report, may_view_unit, new_report, report_content
from .xlsx import report_workbook


def _file(report: AnnualReport, fmt: str, progress) -> Result:
    progress(20, "正在汇总表格")
    content = report_content(report)
    progress(50, "正在排版")
    name = report.title + ("" if report.version == 1 else f"（第{report.version}版）")
    if fmt == "xlsx":
        return Result(f"{name}.xlsx", report_workbook(content))
    return Result(f"{name}.pdf", report_pdf(content))


def _report_file(params: dict, progress) -> Result:
    return _file(
        AnnualReport.objects.select_related("report_year", "unit").get(pk=params["report"]), params["fmt"], progress
    )


def _district_file(params: dict, progress) -> Result:
    report_year = ReportYear.objects.get(year=params["year"])
    report = current_report(report_year, None) or new_report(report_year, None)
    return _file(report, params["fmt"], progress)


def _may_view_report(user, params: dict) -> bool:
    report = AnnualReport.objects.filter(pk=params.get("report")).select_related("unit").first()
    if report is None or report.unit is None:
        return bool(user.is_office)
    return may_view_unit(user, report.unit)


def register_jobs() -> None:
    register(JobKind(key="annual_report_file", run=_report_file, may_view=_may_view_report))
    register(JobKind(key="annual_district_file", run=_district_file))
