"""Importing a unit's whole report from its Word document (.docx): the title, the text of every
section and the three tables, all or nothing.

The document is read within bounds (:mod:`core.imports.word`), the report found in it
(:mod:`annual_reports.word_report`), then the same checks run as for the page and the Excel import
(every 勾稽关系, and against last year's report); any error refuses the whole file. A cell left blank
that no total decides is imported as 未录入 (said in the preview; the report cannot be submitted until
it is filled in). The preview lists every change, the notices, and where the text contradicts the
tables; the write is one short transaction through :func:`report_save`.
"""

from __future__ import annotations

from core.imports import Change
from core.imports.word import read_document
from core.imports.writing import write_or_reject
from units.models import Unit, User

from ..checks import check_values
from ..layout import TEXT_SECTIONS, decode, typed_keys, with_given_totals
from ..prose import text_warnings
from ..register import uses_register
from ..selectors import new_report, texts_of
from ..word_report import parse_word_report
from .imports import (
    REGISTER_NOTICE,
    ReportImportResult,
    cell_changes,
    last_year,
    refuse_on_errors,
    target,
    with_register_tables,
)
from .reports import report_save

SHOWN = 30


def _short(text: str) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= SHOWN else f"{text[:SHOWN]}…（共{len(text)}字）"


def _text_changes(unit: Unit, old: dict[str, str], new: dict[str, str]) -> list[Change]:
    changes = []
    for key, label in (("title", "标题"), *TEXT_SECTIONS):
        before, after = (old.get(key) or "").strip(), (new.get(key) or "").strip()
        action = "不变" if before == after else ("新增" if not before else ("删除" if not after else "修改"))
        changes.append(Change(0, unit.name, label, _short(before), _short(after), action))
    return changes


def word_report_import(
    data: bytes, *, year: int, unit: Unit, dry_run: bool, acting_user: User | None, filename: str
) -> ReportImportResult:
    """Import ``unit``'s report for ``year`` from the bytes of its Word document."""
    parsed = parse_word_report(read_document(data), year)
    report_year, report = target(year, unit)
    current = report or new_report(report_year, unit)
    values = with_register_tables(with_given_totals(parsed.values), report, unit, year)
    previous = last_year(report_year, unit, report)
    problems = check_values(values, previous=previous, previous_year=year - 1)
    refuse_on_errors(problems)
    old_texts = {**texts_of(current), "title": current.title}
    texts = {**parsed.texts, "title": parsed.title or current.title}
    if not texts["preface"]:
        texts["preface"] = current.preface  # a document without one keeps the page's
    typed = {key: values[key] for key in typed_keys()}
    old = {} if report is None else decode(report.figures)
    result = ReportImportResult(
        changes=cell_changes(unit, {}, old, typed) + _text_changes(unit, old_texts, texts),
        dry_run=dry_run,
        values=values,
        texts={key: texts[key] for key, _ in TEXT_SECTIONS},
        title=texts["title"],
    )
    warnings = [w.message for w in text_warnings(texts, values, previous, year=year)]
    result.notices = parsed.notices + [p.message for p in problems if not p.is_error] + warnings
    if uses_register(report):
        result.notices.insert(0, REGISTER_NOTICE)
    if not dry_run and result.writes:
        reason = f"导入 {filename}".strip()
        write_or_reject(
            lambda: report_save(
                report_year=report_year, unit=unit, acting_user=acting_user, typed=typed, texts=texts, reason=reason
            )
        )
        result.notices.append("报告已导入，尚未提交：请在网页上核对后提交。")
    elif not dry_run:  # the same report again: no new version, no history row
        result.notices.append("文件中的报告与系统中的完全相同，未写入任何数据。")
    return result
