"""Writes of inspections, findings, deductions and the rectification workflow (整改).

Every status change of a finding goes through :func:`_do_transition`, which checks the move
against ``FINDING_TRANSITIONS`` and writes a :class:`FindingTransition` audit row.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import IO

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from linzi_gk.imports import Change, ImportResult, parse_or_plan, read_first_sheet
from linzi_gk.numbers import format_points
from scoring.engine import is_no_submission_reason
from units.models import Unit, User
from units.selectors import UnitResolver

from .importers import parse_deductions
from .models import (
    FINDING_TRANSITIONS,
    OPEN_STATUSES,
    Deduction,
    Finding,
    FindingTransition,
    InspectionRound,
    RectificationResponse,
)
from .selectors import previous_round
from .workdays import CalendarUnavailable, add_working_days


@transaction.atomic
def create_deduction(
    *,
    unit: Unit,
    year: int,
    quarter: int,
    reason: str,
    points: Decimal,
    finding: Finding | None = None,
    user: User | None = None,
    source: str = Deduction.Source.MANUAL,
    position: int | None = None,
) -> Deduction:
    if position is None:
        position = Deduction.objects.filter(unit=unit, year=year, quarter=quarter).count()
    deduction = Deduction(
        unit=unit,
        year=year,
        quarter=quarter,
        reason=reason.strip(),
        points=points,
        finding=finding,
        source=source,
        position=position,
        created_by=user,
    )
    if user is not None:
        deduction._history_user = user
    deduction.full_clean()
    deduction.save()
    return deduction


def _item(reason: str, points: Decimal) -> str:
    return f"{reason}，减{format_points(points)}分"


@transaction.atomic
def import_deductions(
    *,
    source: str | IO[bytes],
    year: int,
    quarter: int,
    dry_run: bool = False,
    user: User | None = None,
    filename: str = "",
) -> ImportResult:
    """Import itemized deductions of a quarter; all or nothing.

    The file replaces the imported deductions of every unit it names for that quarter (a second
    import of the same file changes nothing); deductions entered by hand are kept.
    """
    rows = parse_or_plan(
        lambda: parse_deductions(read_first_sheet(source), year=year, quarter=quarter, resolver=UnitResolver.from_db()),
        lambda valid: _apply_deductions(valid, year=year, quarter=quarter, dry_run=True),
    )
    return _apply_deductions(rows, year=year, quarter=quarter, dry_run=dry_run, user=user, filename=filename)


def _apply_deductions(
    rows: list, *, year: int, quarter: int, dry_run: bool, user: User | None = None, filename: str = ""
) -> ImportResult:
    """Replace the imported deductions of the units in ``rows`` (unless ``dry_run``)."""
    unit_ids = {row.unit.pk for row in rows}
    previous = list(
        Deduction.objects.filter(
            year=year, quarter=quarter, unit__in=unit_ids, source=Deduction.Source.IMPORT
        ).select_related("unit")
    )
    old_items = {(d.unit_id, d.reason, d.points) for d in previous}
    new_items = {(r.unit.pk, r.reason, r.points) for r in rows}
    result = ImportResult(dry_run=dry_run)
    what = f"{year}年第{quarter}季度减分"
    for d in previous:
        if (d.unit_id, d.reason, d.points) not in new_items:
            result.changes.append(Change(0, d.unit.name, what, _item(d.reason, d.points), "", "删除"))
    for row in rows:
        action = "不变" if (row.unit.pk, row.reason, row.points) in old_items else "新增"
        result.changes.append(Change(row.row, row.unit.name, what, "", _item(row.reason, row.points), action))
        if is_no_submission_reason(row.reason):
            result.notices.append(
                f"第{row.row}行 事项: “{row.reason}”是未投稿减分，{row.unit.name}本季度将以此项代替系统按投稿情况自动计算的未投稿减分"
            )
    if dry_run:
        return result
    Deduction.objects.filter(
        pk__in=[d.pk for d in previous if (d.unit_id, d.reason, d.points) not in new_items]
    ).delete()
    next_position: dict[int, int] = {}
    for row in rows:
        if (row.unit.pk, row.reason, row.points) in old_items:
            continue
        if row.unit.pk not in next_position:
            next_position[row.unit.pk] = Deduction.objects.filter(unit=row.unit, year=year, quarter=quarter).count()
        deduction = Deduction(
            unit=row.unit,
            year=year,
            quarter=quarter,
            reason=row.reason,
            points=row.points,
            source=Deduction.Source.IMPORT,
            position=next_position[row.unit.pk],
            created_by=user,
        )
        next_position[row.unit.pk] += 1
        deduction._change_reason = f"导入 {filename}".strip()
        if user is not None:
            deduction._history_user = user
        deduction.full_clean()
        deduction.save()
    return result


@transaction.atomic
def create_inspection_round(
    *,
    name: str,
    year: int,
    quarter: int,
    inspected_on: datetime.date,
    carry_over: bool = False,
    carry_over_deadline: datetime.date | None = None,
    user: User | None = None,
) -> InspectionRound:
    """Create a round; with ``carry_over`` the open findings of the round before it are carried into it."""
    inspection = InspectionRound(name=name.strip(), year=year, quarter=quarter, inspected_on=inspected_on)
    if user is not None:
        inspection._history_user = user
    inspection.full_clean()
    inspection.save()
    if carry_over:
        previous = previous_round(inspection)
        if previous is None:
            raise ValidationError({"carry_over": "没有更早的检查批次，无法延续未整改的问题。"})
        carry_over_unrectified(previous=previous, current=inspection, deadline=carry_over_deadline, user=user)
    return inspection


def resolve_deadline(
    *,
    deadline: datetime.date | None = None,
    working_days: int | None = None,
    working_days_from: datetime.date | None = None,
) -> datetime.date | None:
    """A deadline given as a date, or as ``working_days`` working days after ``working_days_from`` (default today)."""
    if deadline is not None and working_days is not None:
        raise ValidationError({"working_days": "整改期限和工作日数只能填写一项。"})
    if working_days is None:
        return deadline
    start = working_days_from or timezone.localdate()
    try:
        return add_working_days(start, working_days)
    except CalendarUnavailable as exc:
        raise ValidationError({"working_days": str(exc)}) from exc
    except ValueError as exc:
        raise ValidationError({"working_days": str(exc)}) from exc


def _deduction_errors(exc: ValidationError) -> ValidationError:
    """Name a linked deduction's errors after the finding form's fields."""
    if not hasattr(exc, "error_dict"):
        return ValidationError({"deduction_points": exc.messages})
    mapped = {
        f"deduction_{field}" if field in {"points", "reason"} else "deduction_points": errors
        for field, errors in exc.error_dict.items()
    }
    return ValidationError(mapped)


def _check_deduction_points(points: Decimal | None) -> None:
    if points is not None and points <= 0:
        raise ValidationError({"deduction_points": "减分应大于0。"})


@transaction.atomic
def record_finding(
    *,
    inspection: InspectionRound,
    unit: Unit,
    category: str,
    description: str,
    column: str = "",
    deadline: datetime.date | None = None,
    working_days: int | None = None,
    working_days_from: datetime.date | None = None,
    deduction_points: Decimal | None = None,
    deduction_reason: str = "",
    user: User | None = None,
    carried_over_from: Finding | None = None,
) -> Finding:
    """Record a finding of ``unit``; with ``deduction_points`` also its deduction (减分) in the round's quarter.

    The deadline is a date, or ``working_days`` working days (Chinese holidays and 调休 considered)
    after ``working_days_from``.
    """
    _check_deduction_points(deduction_points)
    finding = Finding(
        inspection=inspection,
        unit=unit,
        category=category,
        column=column.strip(),
        description=description.strip(),
        deadline=resolve_deadline(
            deadline=deadline, working_days=working_days, working_days_from=working_days_from or inspection.inspected_on
        ),
        created_by=user,
        carried_over_from=carried_over_from,
    )
    if user is not None:
        finding._history_user = user
    finding.full_clean()
    finding.save()
    if deduction_points is not None:
        try:
            create_deduction(
                unit=unit,
                year=inspection.year,
                quarter=inspection.quarter,
                reason=deduction_reason.strip() or finding.description,
                points=deduction_points,
                finding=finding,
                user=user,
            )
        except ValidationError as exc:
            raise _deduction_errors(exc) from exc
    return finding


@transaction.atomic
def update_finding(
    *,
    finding: Finding,
    user: User,
    category: str,
    description: str,
    column: str = "",
    deadline: datetime.date | None = None,
    working_days: int | None = None,
    working_days_from: datetime.date | None = None,
    deduction_points: Decimal | None = None,
    deduction_reason: str = "",
) -> Finding:
    """Correct a finding while it waits for rectification (待整改), and its linked deduction.

    Clearing ``deduction_points`` deletes the deduction recorded with the finding.
    """
    finding = Finding.objects.select_for_update().select_related("inspection").get(pk=finding.pk)
    if finding.status != Finding.Status.PENDING:
        raise ValidationError("只有待整改的问题可以修改。")
    _check_deduction_points(deduction_points)
    finding.category = category
    finding.column = column.strip()
    finding.description = description.strip()
    finding.deadline = resolve_deadline(
        deadline=deadline,
        working_days=working_days,
        working_days_from=working_days_from or finding.inspection.inspected_on,
    )
    finding._history_user = user
    finding.full_clean()
    finding.save()
    deduction = finding.deductions.order_by("pk").first()
    reason = deduction_reason.strip() or finding.description
    try:
        if deduction_points is None and deduction is not None:
            deduction._history_user = user
            deduction.delete()
        elif deduction_points is not None and deduction is None:
            create_deduction(
                unit=finding.unit,
                year=finding.inspection.year,
                quarter=finding.inspection.quarter,
                reason=reason,
                points=deduction_points,
                finding=finding,
                user=user,
            )
        elif deduction is not None and (deduction.points, deduction.reason) != (deduction_points, reason):
            deduction.points = deduction_points
            deduction.reason = reason
            deduction._history_user = user
            deduction.full_clean()
            deduction.save()
    except ValidationError as exc:
        raise _deduction_errors(exc) from exc
    return finding


def _require_office(user: User) -> None:
    if not user.is_office:
        raise PermissionDenied("只有区政府办公室工作人员可以验收或退回整改。")


def check_transition(old: str, new: str) -> None:
    """Raise a ValidationError unless ``FINDING_TRANSITIONS`` allows the move ``old`` → ``new``."""
    old, new = Finding.Status(old), Finding.Status(new)
    if new not in FINDING_TRANSITIONS[old]:
        raise ValidationError(f"当前状态为“{old.label}”，不能改为“{new.label}”。")


def _do_transition(
    *,
    finding: Finding,
    to: str,
    user: User | None,
    note: str = "",
    response: RectificationResponse | None = None,
) -> Finding:
    """Move ``finding`` to status ``to`` if ``FINDING_TRANSITIONS`` allows it, and write the audit row."""
    locked = Finding.objects.select_for_update().get(pk=finding.pk)
    old = Finding.Status(locked.status)
    new = Finding.Status(to)
    check_transition(old, new)
    now = timezone.now()
    transition = FindingTransition(
        finding=locked, from_status=old, to_status=new, by=user, at=now, note=note, response=response
    )
    transition.full_clean()
    transition.save()
    locked.status = new
    locked._history_user = user
    locked._change_reason = transition.action
    locked.save(update_fields=["status"])
    finding.status = new
    return locked


@transaction.atomic
def do_submit_rectification(
    *,
    finding: Finding,
    user: User,
    text: str,
    link: str = "",
    file: UploadedFile | None = None,
) -> RectificationResponse:
    """The unit answers a finding (待整改 → 已提交整改); every answer is kept."""
    if user.is_office or user.unit_id != finding.unit_id:
        raise PermissionDenied("只能由本单位账号答复本单位的整改事项。")
    if not text.strip():
        raise ValidationError({"text": "请填写整改情况。"})
    # Checked again under lock by _do_transition; checked here so that no file is stored in vain.
    check_transition(Finding.objects.values_list("status", flat=True).get(pk=finding.pk), Finding.Status.SUBMITTED)
    response = RectificationResponse(
        finding=finding,
        text=text.strip(),
        link=link.strip(),
        submitted_by=user,
        submitted_at=timezone.now(),
        original_filename=(file.name[:255] if file else ""),
    )
    if file:
        response.file = file
    response.full_clean()
    response.save()
    _do_transition(finding=finding, to=Finding.Status.SUBMITTED, user=user, response=response)
    return response


@transaction.atomic
def do_accept_finding(*, finding: Finding, user: User, note: str = "") -> Finding:
    """The office accepts the unit's answer (已提交整改 → 已验收)."""
    _require_office(user)
    latest = finding.responses.order_by("-submitted_at", "-pk").first()
    return _do_transition(finding=finding, to=Finding.Status.ACCEPTED, user=user, note=note.strip(), response=latest)


@transaction.atomic
def do_return_finding(*, finding: Finding, user: User, reason: str) -> Finding:
    """The office sends the answer back (已提交整改 → 待整改); the reason is required and shown to the unit."""
    _require_office(user)
    if not reason.strip():
        raise ValidationError({"reason": "退回时必须填写退回原因。"})
    latest = finding.responses.order_by("-submitted_at", "-pk").first()
    return _do_transition(finding=finding, to=Finding.Status.PENDING, user=user, note=reason.strip(), response=latest)


@transaction.atomic
def carry_over_unrectified(
    *,
    previous: InspectionRound,
    current: InspectionRound,
    deadline: datetime.date | None = None,
    user: User | None = None,
) -> list[Finding]:
    """Copy every open finding of ``previous`` into ``current``, linked to its origin.

    The copy has ``carried_over_from`` set; the origin moves to 已延续至下一批次 (with an audit row
    naming ``current``), so it is answered once, in its new round.
    """
    if previous.pk == current.pk:
        raise ValidationError("不能把检查批次的问题延续到它自身。")
    open_findings = (
        previous.findings.filter(status__in=OPEN_STATUSES)
        .exclude(carried_over_to__inspection=current)
        .select_related("unit")
        .order_by("unit__sort_order", "pk")
    )
    carried = []
    for origin in open_findings:
        carried.append(
            record_finding(
                inspection=current,
                unit=origin.unit,
                category=origin.category,
                column=origin.column,
                description=origin.description,
                deadline=deadline,
                user=user,
                carried_over_from=origin,
            )
        )
        _do_transition(finding=origin, to=Finding.Status.CARRIED_OVER, user=user, note=f"未整改，延续至{current.name}")
    return carried
