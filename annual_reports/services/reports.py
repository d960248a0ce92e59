"""Writes of annual reports: opening a year, saving, and the workflow 未填报 → 已提交 → 退回 / 已定稿.

Every status change goes through :func:`_move`, which allows only the transitions in
:data:`TRANSITIONS` and writes an audit row (who, when, from, to, note). A finalised version is
never changed; :func:`report_correct` starts the next version.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from core.permissions import require_office
from core.versioning import Kind, data_changed
from units.models import Unit, User

from .. import notifying
from ..checks import Problem, check_values
from ..layout import TEXT_FIELDS, Value, decode, encode
from ..models import (
    EDITABLE_STATUSES,
    AnnualReport,
    ReportTransition,
    ReportYear,
    default_district_deadline,
    default_unit_deadline,
)
from ..register import uses_register, with_register
from ..selectors import (
    compile_district,
    current_report,
    may_fill_unit,
    new_report,
    previous_report,
    report_state,
    report_values,
)

Status = AnnualReport.Status
TRANSITIONS = {
    (Status.NOT_SUBMITTED, Status.SUBMITTED): "提交",
    (Status.RETURNED, Status.SUBMITTED): "重新提交",
    (Status.SUBMITTED, Status.RETURNED): "退回",
    (Status.SUBMITTED, Status.FINALISED): "定稿",
}
EDITABLE = EDITABLE_STATUSES
ACTIONS = {Status.SUBMITTED: "提交", Status.RETURNED: "退回", Status.FINALISED: "定稿"}


class ReportRefused(ValidationError):
    """The report fails error-level checks; ``problems`` lists every check that failed."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        errors = [p for p in problems if p.is_error]
        super().__init__(f"有{len(errors)}处错误，不能提交：{errors[0].message}" if errors else "不能提交")


class ReportChanged(ValidationError):
    """The report was changed (saved, submitted, returned, corrected) after the page the save comes
    from was drawn: nothing is saved, so nobody's figures are overwritten unseen."""

    def __init__(self, report: AnnualReport):
        who = report.updated_by or "系统"
        when = timezone.localtime(report.updated_at)
        super().__init__(
            f"您打开页面后，这份报告已由{who}于{when.month}月{when.day}日{when:%H:%M}修改"
            f"（现为“{report.status_label}”），您这次填写的内容未保存。"
        )


@dataclass
class SaveOutcome:
    report: AnnualReport
    submitted: bool = False
    problems: list[Problem] = field(default_factory=list)


def _check_open(year: int, unit_deadline: datetime.date, district_deadline: datetime.date) -> None:
    if district_deadline < unit_deadline:
        raise ValidationError({"district_deadline": "全区报告发布截止日期不能早于各单位报送截止日期。"})
    if unit_deadline.year <= year - 1:
        raise ValidationError({"unit_deadline": f"截止日期应在{year}年之后（通常为次年1月31日）。"})
    late = {
        name: f"截止日期不能晚于{year + 1}年12月31日（通常为次年{usual}），请核对年份。"
        for name, day, usual in (
            ("unit_deadline", unit_deadline, "1月31日"),
            ("district_deadline", district_deadline, "3月31日"),
        )
        if day.year > year + 1
    }
    if late:
        raise ValidationError(late)


@transaction.atomic
def report_year_open(
    *,
    year: int,
    acting_user: User,
    unit_deadline: datetime.date | None = None,
    district_deadline: datetime.date | None = None,
) -> ReportYear:
    """Open a year's reports: units may fill them until ``unit_deadline`` (31 January by default)."""
    require_office(acting_user, "开启年度报告")
    data_changed(Kind.ANNUAL_REPORTS)
    if ReportYear.objects.filter(year=year).exists():
        raise ValidationError({"year": f"{year}年度的年度报告已经开启。"})
    this_year = timezone.localdate().year
    if year > this_year:
        raise ValidationError({"year": f"{year}年还没有到，只能开启{this_year}年及以前的年度，请核对年份。"})
    unit_deadline = unit_deadline or default_unit_deadline(year)
    district_deadline = district_deadline or default_district_deadline(year)
    _check_open(year, unit_deadline, district_deadline)
    report_year = ReportYear(year=year, unit_deadline=unit_deadline, district_deadline=district_deadline)
    report_year.stamp(acting_user=acting_user, reason="开启年度报告填报")
    report_year.full_clean()
    report_year.save()
    return report_year


@transaction.atomic
def report_year_set_deadlines(
    *, report_year: ReportYear, unit_deadline: datetime.date, district_deadline: datetime.date, acting_user: User
) -> ReportYear:
    require_office(acting_user, "设置年度报告的截止日期")
    data_changed(Kind.ANNUAL_REPORTS)
    _check_open(report_year.year, unit_deadline, district_deadline)
    report_year.unit_deadline, report_year.district_deadline = unit_deadline, district_deadline
    report_year.stamp(acting_user=acting_user, reason="修改截止日期")
    report_year.full_clean()
    report_year.save()
    return report_year


def _move(report: AnnualReport, to: str, *, acting_user: User | None, note: str = "") -> ReportTransition:
    if (report.status, to) not in TRANSITIONS:
        raise ValidationError(f"报告当前状态为“{report.status_label}”，不能{ACTIONS[to]}。")
    transition = ReportTransition.objects.create(
        report=report, from_status=report.status, to_status=to, note=note, acting_user=acting_user
    )
    report.status = to
    return transition


def _locked(report_year: ReportYear, unit: Unit | None) -> AnnualReport | None:
    report = current_report(report_year, unit)
    return None if report is None else AnnualReport.objects.select_for_update().get(pk=report.pk)


def _check_fill(report_year: ReportYear, unit: Unit | None, acting_user: User | None) -> None:
    """A person fills only what is theirs; without a person (a command on the server) anything."""
    if acting_user is None:
        return
    allowed = acting_user.is_office if unit is None else may_fill_unit(acting_user, unit)
    if not allowed:
        raise PermissionDenied("只能填报本单位的年度报告。")


def report_problems(report: AnnualReport, values: dict | None = None, *, require_all: bool = True) -> list[Problem]:
    """The checks of a report, against last year's report when there is one."""
    previous = previous_report(report)
    return check_values(
        report_values(report) if values is None else values,
        previous=None if previous is None else report_values(previous),
        previous_year=report.year - 1,
        require_all=require_all,
    )


def _check_editable(report: AnnualReport, seen: str | None) -> None:
    if report.status not in EDITABLE:
        raise ValidationError(f"报告{report.get_status_display()}，不能修改。")
    if seen is not None and seen != report_state(report):
        raise ReportChanged(report)


def report_save_check(*, report_year: ReportYear, unit: Unit | None, seen: str | None = None) -> None:
    """Refuse, before what was typed is checked, a save that cannot go ahead whatever it holds (the
    report is submitted or finalised, or changed since ``seen``); :func:`report_save` checks again."""
    _check_editable(current_report(report_year, unit) or new_report(report_year, unit), seen)


@transaction.atomic
def report_save(
    *,
    report_year: ReportYear,
    unit: Unit | None,
    acting_user: User | None,
    typed: dict[str, Value | None] | None = None,
    texts: dict[str, str] | None = None,
    submit: bool = False,
    reason: str = "",
    seen: str | None = None,
) -> SaveOutcome:
    """Save the typed cells (``None`` for the district, whose tables are compiled) and the text of a
    unit's current report, creating it on the first save; with ``submit`` also submit it when no
    error-level check fails (the data is saved either way). ``seen`` is the report's state
    (:func:`~annual_reports.selectors.report_state`) the typing started from: if the report has
    changed since, nothing is saved (:class:`ReportChanged`)."""
    data_changed(Kind.ANNUAL_REPORTS)
    _check_fill(report_year, unit, acting_user)
    report = _locked(report_year, unit) or new_report(report_year, unit)
    _check_editable(report, seen)
    if unit is not None and uses_register(report):
        typed = with_register(typed if typed is not None else decode(report.figures), unit, report_year.year)
    if typed is not None and unit is not None:
        report.figures = encode(typed)
    for key, value in (texts or {}).items():
        if key in TEXT_FIELDS or key == "title":
            setattr(report, key, (value or "").strip())
    report.stamp(acting_user=acting_user, reason=reason or "保存")
    report.full_clean()
    report.save()
    outcome = SaveOutcome(report)
    if submit:
        outcome.problems = report_problems(report)
        if not any(p.is_error for p in outcome.problems):
            _submit(report, acting_user)
            outcome.submitted = True
    return outcome


def _submit(report: AnnualReport, acting_user: User | None) -> None:
    transition = _move(report, Status.SUBMITTED, acting_user=acting_user)
    if report.first_submitted_at is None:
        report.first_submitted_at = timezone.now()
    report.stamp(acting_user=acting_user, reason="提交")
    report.save()
    notifying.report_submitted(report, transition)


@transaction.atomic
def report_return(*, report: AnnualReport, reason: str, acting_user: User) -> AnnualReport:
    """Send a submitted report back to its unit with the reason."""
    require_office(acting_user, "审核年度报告")
    data_changed(Kind.ANNUAL_REPORTS)
    if not (reason or "").strip():
        raise ValidationError({"reason": "退回须说明原因。"})
    report = AnnualReport.objects.select_for_update().get(pk=report.pk)
    transition = _move(report, Status.RETURNED, acting_user=acting_user, note=reason.strip())
    report.stamp(acting_user=acting_user, reason=f"退回：{reason.strip()}")
    report.save()
    notifying.report_returned(report, transition)
    return report


@transaction.atomic
def report_finalise(*, report: AnnualReport, acting_user: User) -> AnnualReport:
    """Freeze a submitted report; the district's compiled tables are stored with it."""
    require_office(acting_user, "审核年度报告")
    data_changed(Kind.ANNUAL_REPORTS)
    report = AnnualReport.objects.select_for_update().get(pk=report.pk)
    errors = [p for p in report_problems(report) if p.is_error]
    if errors:
        raise ReportRefused(errors)
    if report.is_district:
        compilation = compile_district(report.report_year)
        report.figures = encode(compilation.values)
        report.compiled_units = compilation.included
    _move(report, Status.FINALISED, acting_user=acting_user)
    report.finalised_at = timezone.now()
    report.stamp(acting_user=acting_user, reason="定稿")
    report.save()
    return report


@transaction.atomic
def report_correct(*, report: AnnualReport, note: str, acting_user: User) -> AnnualReport:
    """Start the next version of a finalised report (a copy to correct); the finalised one stays."""
    require_office(acting_user, "审核年度报告")
    data_changed(Kind.ANNUAL_REPORTS)
    if not (note or "").strip():
        raise ValidationError({"note": "更正须说明原因。"})
    report = AnnualReport.objects.select_for_update().get(pk=report.pk)
    latest = AnnualReport.objects.filter(report_year=report.report_year, scope=report.scope, unit=report.unit)
    if report.status != Status.FINALISED or latest.aggregate(v=Max("version"))["v"] != report.version:
        raise ValidationError("只能更正最新一版已定稿的报告。")
    copy = AnnualReport(
        report_year=report.report_year,
        scope=report.scope,
        unit=report.unit,
        version=report.version + 1,
        title=report.title,
        figures=report.figures if not report.is_district else {},
        requests_source=report.requests_source,
        correction_note=note.strip(),
        **{key: getattr(report, key) for key in TEXT_FIELDS},
    )
    copy.stamp(acting_user=acting_user, reason=f"更正：{note.strip()}")
    copy.full_clean()
    copy.save()
    ReportTransition.objects.create(
        report=copy,
        from_status=Status.FINALISED,
        to_status=Status.NOT_SUBMITTED,
        note=note.strip(),
        acting_user=acting_user,
    )
    return copy
