"""Importing the tables of a unit's report from a workbook in the national layout (what the Word
import shares with it: the target report, last year's values, the planned changes, the result).

The file is read and every check runs outside any transaction (the cells, then the report's 勾稽关系
and the checks against last year's report); the typed cells are then written in one short
transaction through :func:`report_save`. A dry run does everything but the write.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from core.imports import MAX_FILE_BYTES, Change, ImportRejected, ImportResult, file_error, read_sheets
from core.imports.writing import write_or_reject
from core.versioning import Kind
from units.models import Unit, User

from ..checks import check_values, number_text
from ..importers import parse_report_workbook
from ..layout import cells, complete, decode, typed_keys, with_given_totals
from ..models import AnnualReport, ReportYear
from ..register import uses_register, with_register
from ..selectors import current_report, new_report, previous_report, report_values
from .reports import EDITABLE, report_save

REGISTER_NOTICE = "本报告的表三、表四由依申请公开登记簿生成，文件中这两个表的数字未导入。"


@dataclass
class ReportImportResult(ImportResult):
    """What an import of a report would write, with the report as read for the preview."""

    values: dict = field(default_factory=dict)
    """Every cell as read, totals included."""
    texts: dict[str, str] = field(default_factory=dict)
    """The text of each section (a Word import; empty for a workbook)."""
    title: str = ""


def target(year: int, unit: Unit) -> tuple[ReportYear, AnnualReport | None]:
    """The year and the unit's current report, if it may still be imported over."""
    report_year = ReportYear.objects.filter(year=year).first()
    if report_year is None:
        raise ImportRejected([file_error(f"{year}年度的年度报告尚未开启填报，请区政府办公室先开启该年度。")])
    report = current_report(report_year, unit)
    if report is not None and report.status not in EDITABLE:
        raise ImportRejected(
            [
                file_error(
                    f"{unit.name}{year}年度报告{report.get_status_display()}，不能再导入；如需修改请联系区政府办公室。"
                )
            ]
        )
    return report_year, report


def last_year(report_year: ReportYear, unit: Unit, report: AnnualReport | None) -> dict | None:
    previous = previous_report(report or new_report(report_year, unit))
    return None if previous is None else report_values(previous)


def _text(value) -> str:
    return "" if value is None else number_text(value)


def cell_changes(unit: Unit, parsed_rows: dict[str, int], old: dict, new: dict) -> list[Change]:
    changes = []
    for key in typed_keys():
        spec = cells()[key]
        before, after = old.get(key), new.get(key)
        if before is None and after is None:
            action = "不变"
        else:
            action = "新增" if before is None else ("不变" if before == after else "修改")
        changes.append(
            Change(parsed_rows.get(spec.row.key, 0), unit.name, spec.name, _text(before), _text(after), action)
        )
    return changes


def with_register_tables(values: dict, report: AnnualReport | None, unit: Unit, year: int) -> dict:
    """``values`` with 三 and 四 taken from the register when the report is generated from it."""
    if not uses_register(report):
        return values
    return complete(with_register({key: values[key] for key in typed_keys()}, unit, year))


def refuse_on_errors(problems, sheet: str = "") -> None:
    errors = [p for p in problems if p.is_error]
    if errors:
        raise ImportRejected([file_error(p.message) for p in errors], sheet=sheet)


def workbook_import(
    data: bytes, *, year: int, unit: Unit, dry_run: bool, acting_user: User | None, filename: str
) -> ReportImportResult:
    if len(data) > MAX_FILE_BYTES:
        raise ImportRejected([file_error(f"文件过大：超过{MAX_FILE_BYTES // 1024 // 1024}MB。")])
    parsed = parse_report_workbook(read_sheets(io.BytesIO(data)))
    report_year, report = target(year, unit)
    values = with_register_tables(with_given_totals(parsed.values), report, unit, year)
    problems = check_values(
        values, previous=last_year(report_year, unit, report), previous_year=year - 1, require_all=True
    )
    sheet_names = "、".join(parsed.sheets)
    refuse_on_errors(problems, sheet_names)
    typed = {key: values[key] for key in typed_keys()}
    old = decode(report.figures) if report is not None else {}
    result = ReportImportResult(
        changes=cell_changes(unit, parsed.rows, old, typed), dry_run=dry_run, sheet=sheet_names, values=values
    )
    result.notices = [p.message for p in problems if not p.is_error]
    if uses_register(report):
        result.notices.insert(0, REGISTER_NOTICE)
    if not dry_run and result.writes:
        reason = f"导入 {filename}".strip()
        write_or_reject(
            lambda: report_save(
                report_year=report_year, unit=unit, acting_user=acting_user, typed=typed, reason=reason
            ),
            kinds=(Kind.ANNUAL_REPORTS,),
        )
        result.notices.append("表格已导入，尚未提交：请在网页上核对文字部分后提交。")
    elif not dry_run:  # the same figures again: no new version, no history row
        result.notices.append("表格中的数字与系统中的报告完全相同，未写入任何数据。")
    return result
