"""Background work of the annual reports: a unit's report, the district compilation and the annual
assessment (年终考核) as PDF or Excel (the request never lays out a document itself)."""

from __future__ import annotations

from django.urls import reverse

from core.jobs import JobKind, Result, Source, register
from core.pdf import render_pdf
from core.xlsx import build_workbook
from scoring.assessment import assessment_sheets, assessment_title, counted_quarters
from scoring.selectors import annual_scores

from .assessment import assessment_document
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


def _assessment_file(params: dict, progress) -> Result:
    year = params["year"]
    progress(20, "正在计算年度得分")
    result = annual_scores(year=year, quarters=counted_quarters(year))
    progress(50, "正在排版")
    if params["fmt"] == "xlsx":
        return Result(f"{assessment_title(year)}.xlsx", build_workbook(assessment_sheets(result)))
    return Result(f"{assessment_title(year)}.pdf", render_pdf(assessment_document(result)))


def _may_view_report(user, params: dict) -> bool:
    report = AnnualReport.objects.filter(pk=params.get("report")).select_related("unit").first()
    if report is None or report.unit is None:
        return bool(user.is_office)
    return may_view_unit(user, report.unit)


def _report_source(params: dict) -> Source:
    report = AnnualReport.objects.select_related("report_year").get(pk=params["report"])
    return Source("返回年度报告", reverse("annual_reports:report", args=[report.report_year.year, report.unit_id]))


REPORT_FILE = JobKind(key="annual_report_file", run=_report_file, may_view=_may_view_report, source=_report_source)
DISTRICT_FILE = JobKind(
    key="annual_district_file",
    run=_district_file,
    source=lambda params: Source("返回全区年度报告", reverse("annual_reports:district", args=[params["year"]])),
)
ASSESSMENT_FILE = JobKind(
    key="annual_assessment_file",
    run=_assessment_file,
    source=lambda params: Source("返回年终考核", reverse("annual_reports:assessment", args=[params["year"]])),
)


def register_jobs() -> None:
    for kind in (REPORT_FILE, DISTRICT_FILE, ASSESSMENT_FILE):
        register(kind)
