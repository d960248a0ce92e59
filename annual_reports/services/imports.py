"""Importing a unit's filled-in report workbook: all or nothing, with the same checks as the page.

The file is read and every check runs outside any transaction (the cells, then the report's
勾稽关系 and the checks against last year's report); the typed cells are then written in one short
transaction through :func:`report_save`. A dry run does everything but the write.
"""

from __future__ import annotations

from typing import IO

from core.imports import Change, ImportRejected, ImportResult, file_error, read_sheets
from core.imports.writing import write_or_reject
from units.models import Unit, User

from ..checks import check_values, number_text
from ..importers import parse_report_workbook
from ..layout import cells, complete, decode, typed_keys, with_given_totals
from ..models import AnnualReport, ReportYear
from ..register import uses_register, with_register
from ..selectors import current_report, new_report, previous_report, report_values
from .reports import EDITABLE, report_save

REGISTER_NOTICE = "本报告的表三、表四由依申请公开登记簿生成，文件中这两个表的数字未导入。"


def _target(year: int, unit: Unit) -> tuple[ReportYear, AnnualReport | None]:
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


def _text(value) -> str:
    return "" if value is None else number_text(value)


def _changes(unit: Unit, parsed_rows: dict[str, int], old: dict, new: dict) -> list[Change]:
    changes = []
    for key in typed_keys():
        spec = cells()[key]
        before, after = old.get(key), new.get(key)
        action = "新增" if before is None else ("不变" if before == after else "修改")
        changes.append(
            Change(parsed_rows.get(spec.row.key, 0), unit.name, spec.name, _text(before), _text(after), action)
        )
    return changes


def annual_report_import(
    *,
    source: str | IO[bytes],
    year: int,
    unit: Unit,
    dry_run: bool = False,
    acting_user: User | None = None,
    filename: str = "",
) -> ImportResult:
    """Import the tables of ``unit``'s report for ``year`` from a workbook in the national layout."""
    sheets = read_sheets(source)
    parsed = parse_report_workbook(sheets)
    report_year, report = _target(year, unit)
    values = with_given_totals(parsed.values)
    from_register = uses_register(report)
    if from_register:
        values = complete(with_register({key: values[key] for key in typed_keys()}, unit, year))
    previous = previous_report(report or new_report(report_year, unit))
    problems = check_values(
        values,
        previous=None if previous is None else report_values(previous),
        previous_year=year - 1,
        require_all=True,
    )
    errors = [p for p in problems if p.is_error]
    sheet_names = "、".join(parsed.sheets)
    if errors:
        raise ImportRejected([file_error(p.message) for p in errors], sheet=sheet_names)
    typed = {key: values[key] for key in typed_keys()}
    old = decode(report.figures) if report is not None else {}
    result = ImportResult(changes=_changes(unit, parsed.rows, old, typed), dry_run=dry_run, sheet=sheet_names)
    result.notices = [p.message for p in problems if not p.is_error]
    if from_register:
        result.notices.insert(0, REGISTER_NOTICE)
    if not dry_run and result.writes:
        reason = f"导入 {filename}".strip()
        write_or_reject(
            lambda: report_save(report_year=report_year, unit=unit, acting_user=acting_user, typed=typed, reason=reason)
        )
        result.notices.append("表格已导入，尚未提交：请在网页上核对文字部分后提交。")
    elif not dry_run:  # the same figures again: no new version, no history row
        result.notices.append("表格中的数字与系统中的报告完全相同，未写入任何数据。")
    return result
