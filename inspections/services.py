"""Writes of inspections, findings and deductions."""

from __future__ import annotations

from decimal import Decimal
from typing import IO

from django.db import transaction

from linzi_gk.imports import Change, ImportResult, read_first_sheet
from linzi_gk.numbers import format_points
from scoring.engine import is_no_submission_reason
from units.models import Unit, User
from units.selectors import UnitResolver

from .importers import parse_deductions
from .models import Deduction, Finding, InspectionRound


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
    rows = parse_deductions(read_first_sheet(source), year=year, quarter=quarter, resolver=UnitResolver.from_db())
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
def create_inspection_round(*, name: str, year: int, quarter: int, inspected_on) -> InspectionRound:
    inspection = InspectionRound(name=name.strip(), year=year, quarter=quarter, inspected_on=inspected_on)
    inspection.full_clean()
    inspection.save()
    return inspection


@transaction.atomic
def record_finding(
    *,
    inspection: InspectionRound,
    unit: Unit,
    category: str,
    description: str,
    column: str = "",
    deadline=None,
    user: User | None = None,
    carried_over_from: Finding | None = None,
) -> Finding:
    finding = Finding(
        inspection=inspection,
        unit=unit,
        category=category,
        column=column.strip(),
        description=description.strip(),
        deadline=deadline,
        created_by=user,
        carried_over_from=carried_over_from,
    )
    if user is not None:
        finding._history_user = user
    finding.full_clean()
    finding.save()
    return finding


@transaction.atomic
def carry_over_unrectified(
    *, previous: InspectionRound, current: InspectionRound, deadline=None, user: User | None = None
) -> list[Finding]:
    """Copy every finding of ``previous`` not yet accepted into ``current``, linked to its origin."""
    open_findings = previous.findings.exclude(status=Finding.Status.ACCEPTED).exclude(
        carried_over_to__inspection=current
    )
    return [
        record_finding(
            inspection=current,
            unit=f.unit,
            category=f.category,
            column=f.column,
            description=f.description,
            deadline=deadline,
            user=user,
            carried_over_from=f,
        )
        for f in open_findings.select_related("unit")
    ]
