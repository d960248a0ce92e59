"""Writes of inspection rounds and findings; a finding may carry its deduction (减分)."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from core.calendar import CalendarUnavailable, add_working_days
from core.formatting import visible_text
from core.models import stamp_history
from core.permissions import require_office
from core.versioning import Kind, data_changed
from units.models import Unit, User

from .. import notifying
from ..models import Finding, InspectionRound
from ..reasons import deduction_kind
from .deductions import deduction_create


def deadline_resolve(
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
    try:
        return add_working_days(working_days_from or timezone.localdate(), working_days)
    except (CalendarUnavailable, ValueError) as exc:
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


def _save_details(finding, category, description, column, deadline, points, acting_user) -> None:
    """Set the editable details of ``finding``, validate and save it."""
    if points is not None and points <= 0:
        raise ValidationError({"deduction_points": "减分应大于0。"})
    finding.category = category
    finding.column = visible_text(column).strip()
    finding.description = visible_text(description).strip()
    finding.deadline = deadline
    stamp_history(finding, acting_user=acting_user)
    finding.full_clean()
    finding.save()


def _sync_deduction(finding: Finding, points: Decimal | None, reason: str, acting_user: User | None) -> None:
    """The deduction recorded with ``finding``: created, changed or (points cleared) deleted."""
    deduction = finding.deductions.order_by("pk").first()
    reason = visible_text(reason).strip() or finding.description
    try:
        if points is None:
            if deduction is not None:
                stamp_history(deduction, acting_user=acting_user)
                deduction.delete()
        elif deduction is None:
            deduction_create(
                unit=finding.unit,
                year=finding.inspection.year,
                quarter=finding.inspection.quarter,
                reason=reason,
                points=points,
                finding=finding,
                acting_user=acting_user,
            )
        elif (deduction.points, deduction.reason) != (points, reason):
            deduction.points, deduction.reason, deduction.kind = points, reason, deduction_kind(reason)
            stamp_history(deduction, acting_user=acting_user)
            deduction.full_clean()
            deduction.save()
    except ValidationError as exc:
        raise _deduction_errors(exc) from exc


DUPLICATE_FINDING = (
    "本批次已记录过该单位的同一问题，不能重复记录（可能是“保存”点了两次）；如需修改，请打开已记录的问题。"
)


def _refuse_twice(inspection: InspectionRound, unit: Unit, category: str, column: str, description: str) -> None:
    """The same problem of the same unit in the same round, recorded again (a double click would
    also double its deduction). The unit's row is locked so two such requests go one at a time."""
    Unit.objects.select_for_update().filter(pk=unit.pk).first()
    same = Finding.objects.filter(
        inspection=inspection,
        unit=unit,
        category=category,
        column=visible_text(column).strip(),
        description=visible_text(description).strip(),
    )
    if same.exists():
        raise ValidationError({"description": DUPLICATE_FINDING})


@transaction.atomic
def finding_record(
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
    acting_user: User | None = None,
    carried_over_from: Finding | None = None,
) -> Finding:
    """Record a finding of ``unit``; with ``deduction_points`` also its deduction (减分) in the round's quarter.

    The deadline is a date, or ``working_days`` working days (Chinese holidays and 调休 considered)
    after ``working_days_from`` (default: the inspection date).
    """
    require_office(acting_user, "记录检查问题")
    data_changed(Kind.FINDINGS, Kind.DEDUCTIONS, units=[unit.pk])
    if carried_over_from is None:
        _refuse_twice(inspection, unit, category, column, description)
    finding = Finding(inspection=inspection, unit=unit, created_by=acting_user, carried_over_from=carried_over_from)
    deadline = deadline_resolve(
        deadline=deadline, working_days=working_days, working_days_from=working_days_from or inspection.inspected_on
    )
    _save_details(finding, category, description, column, deadline, deduction_points, acting_user)
    if deduction_points is not None:
        _sync_deduction(finding, deduction_points, deduction_reason, acting_user)
    notifying.finding_opened(finding)
    return finding


@transaction.atomic
def finding_update(
    *,
    finding: Finding,
    acting_user: User,
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
    require_office(acting_user, "修改检查问题")
    data_changed(Kind.FINDINGS, Kind.DEDUCTIONS, units=[finding.unit_id])
    finding = Finding.objects.select_for_update().select_related("inspection", "unit").get(pk=finding.pk)
    if finding.status != Finding.Status.PENDING:
        raise ValidationError("只有待整改的问题可以修改。")
    deadline = deadline_resolve(
        deadline=deadline,
        working_days=working_days,
        working_days_from=working_days_from or finding.inspection.inspected_on,
    )
    _save_details(finding, category, description, column, deadline, deduction_points, acting_user)
    _sync_deduction(finding, deduction_points, deduction_reason, acting_user)
    return finding
