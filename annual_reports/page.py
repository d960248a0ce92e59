"""What the report page shows: the grid with its values, every problem the checks, the text and the
similarity measure find, the generated 依申请公开 sentences, the workflow and the versions."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils import timezone

from units.models import Unit, User

from .checks import Problem, browser_spec, check_values, number_text
from .grid import grid_html
from .layout import APPEALS, OVERVIEW_PARTS, REQUESTS, TABLES, TEXT_SECTIONS, cells, complete, typed_keys
from .models import EDITABLE_STATUSES, AnnualReport, ReportYear
from .overviews import report_similarities
from .prose import RULE_TEXT, request_sentences, text_warnings
from .register import keeps_register, links, uses_register, with_register
from .selectors import (
    compile_district,
    current_report,
    is_late,
    may_fill_unit,
    new_report,
    previous_report,
    report_values,
    texts_of,
)
from .similarity import Similar

Status = AnnualReport.Status


@dataclass
class Posted:
    """What a refused save brings back to the page: the text typed in every cell, and why."""

    raw: dict[str, str]
    texts: dict[str, str]
    problems: list[Problem] = field(default_factory=list)
    submitting: bool = False
    """A refused submission: the page goes on checking that every cell is filled."""


def _shown(values: dict) -> dict[str, str]:
    return {key: "" if value is None else number_text(value) for key, value in values.items()}


def _problems(report: AnnualReport, values: dict, previous: AnnualReport | None, previous_values) -> list[Problem]:
    problems = check_values(values, previous=previous_values, previous_year=report.year - 1)
    return problems + text_warnings(texts_of(report), values, previous_values, year=report.year)


def report_context(report_year: ReportYear, unit: Unit | None, user: User, *, posted: Posted | None = None) -> dict:
    """Everything the page of ``unit``'s report (``None``: the district's) shows to ``user``."""
    report = current_report(report_year, unit)
    saved = report is not None
    report = report or new_report(report_year, unit)
    fill = user.is_office if unit is None else may_fill_unit(user, unit)
    editable = fill and report.status in EDITABLE_STATUSES
    compilation = compile_district(report_year) if unit is None else None
    if compilation is not None and report.status != Status.FINALISED:
        values = compilation.values
    else:
        values = report_values(report) if saved else complete({})
    from_register = uses_register(report)
    if from_register and editable:
        values = complete(with_register({key: values[key] for key in typed_keys()}, unit, report_year.year))
    previous = previous_report(report)
    previous_values = None if previous is None else report_values(previous)
    problems = _problems(report, values, previous, previous_values)
    similar: list[Similar] = report_similarities(report, previous) if saved else []
    shown = _shown(values)
    invalid: set[str] = set()
    texts = texts_of(report)
    if posted is not None:
        shown.update(posted.raw)
        texts.update(posted.texts)
        problems = posted.problems
        invalid = {key for p in posted.problems if p.is_error for key in p.cells if not cells()[key].computed}
    deadline = report_year.district_deadline if unit is None else report_year.unit_deadline
    register_links = links(unit, report_year.year) if from_register else None
    today = timezone.localdate()
    return {
        "report_year": report_year,
        "year": report_year.year,
        "unit": unit,
        "report": report,
        "saved": saved,
        "editable": editable,
        "can_review": user.is_office and report.status == Status.SUBMITTED,
        "can_correct": user.is_office and report.status == Status.FINALISED,
        "grids": _grids(shown, invalid, editable=editable and unit is not None, register=register_links),
        "spec": browser_spec(
            previous_values, report_year.year - 1, require_all=posted is not None and posted.submitting
        ),
        "errors": [p for p in problems if p.is_error],
        "warnings": [p for p in problems if not p.is_error and p.rule != RULE_TEXT],
        "text_warnings": [p for p in problems if p.rule == RULE_TEXT],
        "urls": _urls(report_year.year, unit),
        "similar": similar,
        "generated": request_sentences(values, year=report_year.year, previous=previous_values),
        "texts": texts,
        "sections": [(key, label, texts.get(key, "")) for key, label in TEXT_SECTIONS],
        "overview_parts": OVERVIEW_PARTS,
        "previous": previous,
        "deadline": deadline,
        "late": is_late(report if saved else None, deadline, today),
        "transitions": list(report.transitions.select_related("acting_user")) if saved else [],
        "versions": _versions(report) if saved else [],
        "compilation": compilation,
        "register": {"uses": from_register, "offered": keeps_register(unit) and fill},
        "other_years": [
            y for y in ReportYear.objects.order_by("-year").values_list("year", flat=True) if y != report_year.year
        ],
    }


def _grids(shown: dict, invalid: set, *, editable: bool, register: dict | None) -> list:
    """Each table's grid; 三 and 四 由登记簿生成 are locked, their numbers links to the register."""
    grids = []
    for table in TABLES:
        locked = register is not None and table in (REQUESTS, APPEALS)
        grids.append(
            (
                table,
                grid_html(
                    table,
                    shown=shown,
                    invalid=invalid,
                    editable=editable and not locked,
                    links=register if locked else None,
                ),
            )
        )
    return grids


def _urls(year: int, unit: Unit | None) -> dict[str, str]:
    if unit is None:
        names, args = ("district_finalise", "district_return", "district_correct", "district_file"), [year]
    else:
        names, args = ("finalise", "return", "correct", "report_file"), [year, unit.pk]
    urls = {
        key: reverse(f"annual_reports:{name}", args=args)
        for key, name in zip(("finalise", "return", "correct"), names, strict=False)
    }
    urls["pdf"] = reverse(f"annual_reports:{names[3]}", args=[*args, "pdf"])
    urls["xlsx"] = reverse(f"annual_reports:{names[3]}", args=[*args, "xlsx"])
    if unit is not None:
        urls["upload"] = reverse("annual_reports:upload", args=args)
        urls["register"] = reverse("annual_reports:register_source", args=args)
    urls["template"] = reverse("annual_reports:template", args=[year])
    return urls


def _versions(report: AnnualReport) -> list[AnnualReport]:
    return list(
        AnnualReport.objects.filter(report_year_id=report.report_year_id, scope=report.scope, unit=report.unit)
        .only("pk", "version", "status", "finalised_at", "correction_note", "report_year", "unit", "scope")
        .order_by("-version")
    )


def import_preview(result) -> dict:
    """What an import preview shows of the report as read: the title, the text of each section and
    the three tables with their numbers (an empty cell is 未录入)."""
    if result is None or not result.values:
        return {}
    shown = _shown(complete({k: result.values.get(k) for k in cells()}) | _given(result.values))
    return {
        "read_title": result.title,
        "read_sections": [
            (label, [line for line in result.texts.get(key, "").splitlines() if line.strip()])
            for key, label in TEXT_SECTIONS
            if result.texts.get(key, "").strip()
        ],
        "read_grids": [(t, grid_html(t, shown=shown, invalid=set(), editable=False)) for t in TABLES],
    }


def _given(values: dict) -> dict:
    return {key: value for key, value in values.items() if value is not None}
