"""What the report page shows: the grid with its values, every problem the checks, the text and the
similarity measure find, the generated 依申请公开 sentences, the workflow and the versions."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from units.models import Unit, User

from .checks import Problem, browser_spec, check_values, number_text
from .forms import TextsForm
from .grid import grid_html
from .layout import APPEALS, NOTE_OF_TABLE, OVERVIEW_PARTS, REQUESTS, TABLES, TEXT_SECTIONS, cells, complete, typed_keys
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
    report_state,
    report_values,
    texts_of,
)
from .similarity import Similar
from .unsaved import unsaved_fields
from .web import page_url

Status = AnnualReport.Status


@dataclass
class Posted:
    """What a refused save (or a button refused while the page holds unsaved edits) brings back to
    the page: the text typed in every cell and text box, and why."""

    raw: dict[str, str]
    texts: dict[str, str]
    problems: list[Problem] = field(default_factory=list)
    submitting: bool = False
    """A refused submission: the page goes on checking that every cell is filled."""
    seen: str | None = None
    """The report's state the typing started from (kept when nothing was saved and the typed
    content was not yet compared with the report as it is now); ``None``: the state now."""
    beside: bool = False
    """List what was typed beside the stored report (a save or a button refused as a whole); a
    report that cannot be edited any more always lists it."""


@dataclass
class Kept:
    """What the office typed in the review forms (退回原因, 更正原因) when the action was refused."""

    reason: str = ""
    note: str = ""


def _shown(values: dict) -> dict[str, str]:
    return {key: "" if value is None else number_text(value) for key, value in values.items()}


def _problems(report: AnnualReport, values: dict, previous: AnnualReport | None, previous_values) -> list[Problem]:
    problems = check_values(values, previous=previous_values, previous_year=report.year - 1)
    return problems + text_warnings(texts_of(report), values, previous_values, year=report.year)


def report_context(
    report_year: ReportYear, unit: Unit | None, user: User, *, posted: Posted | None = None, kept: Kept | None = None
) -> dict:
    """Everything the page of ``unit``'s report (``None``: the district's) shows to ``user``; with
    ``posted``, what was typed: in the form while the report can be edited, else beside it."""
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
    unsaved = []
    if posted is not None:
        unsaved = unsaved_fields(posted.raw, posted.texts, values, {**texts, "title": report.title})
    if posted is not None and editable:
        shown.update(posted.raw)
        texts.update(posted.texts)
        problems = posted.problems or problems
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
        "state": posted.seen if posted is not None and posted.seen else report_state(report if saved else None),
        "unsaved": unsaved,
        "show_unsaved": bool(unsaved) and (not editable or posted.beside),
        "kept": kept or Kept(),
        "can_review": user.is_office and report.status == Status.SUBMITTED,
        "can_correct": user.is_office and report.status == Status.FINALISED,
        "grids": _grids(shown, invalid, editable=editable and unit is not None, register=register_links),
        "spec": browser_spec(
            previous_values, report_year.year - 1, require_all=posted is not None and posted.submitting
        ),
        "blank": not any(shown.get(key) for key in typed_keys()),
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


HEAD_FIELDS = ("title", "preface", "overview", *(key for key, _ in OVERVIEW_PARTS))
TAIL_FIELDS = ("problems", "other")


def render_report(
    request,
    report_year: ReportYear,
    unit: Unit | None,
    *,
    posted: Posted | None = None,
    kept: Kept | None = None,
    form: TextsForm | None = None,
):
    """The report page (or the district's) with the text form split around the tables; ``form``
    (the posted one, with its errors) is shown while the report can be edited."""
    context = report_context(report_year, unit, request.user, posted=posted, kept=kept)
    editable = context["editable"]
    if form is None or not editable:
        form = TextsForm(initial={"title": context["report"].title, **context["texts"]})
    head = [form[name] for name in HEAD_FIELDS if editable or name != "title"]
    grids = [(table, html, [form[NOTE_OF_TABLE[table.key]]]) for table, html in context["grids"]]
    context = {
        **context,
        "form": form,
        "grids": grids,
        "head_fields": head,
        "tail_fields": [form[name] for name in TAIL_FIELDS],
    }
    template = "annual_reports/district.html" if unit is None else "annual_reports/report.html"
    return render(request, template, context)


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
    urls["page"] = page_url(year, unit)
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
