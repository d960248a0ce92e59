"""Writes of deductions (减分): one by one, and the quarter's sheet of items."""

from __future__ import annotations

from decimal import Decimal
from typing import IO

from django.db import transaction
from django.db.models import Count
from simple_history.utils import bulk_create_with_history

from core.formatting import format_points
from core.imports import Change, ImportResult, parse_or_plan, read_sheet
from core.imports.writing import write_or_reject
from core.models import stamp_history
from core.permissions import require_office
from core.versioning import Kind, data_changed
from units.models import Unit, User
from units.selectors import UnitResolver

from ..importers import DeductionRow, parse_deductions
from ..models import Deduction, Finding
from ..reasons import deduction_kind


@transaction.atomic
def deduction_create(
    *,
    unit: Unit,
    year: int,
    quarter: int,
    reason: str,
    points: Decimal,
    finding: Finding | None = None,
    acting_user: User | None = None,
    source: str = Deduction.Source.MANUAL,
    position: int | None = None,
    kind: str | None = None,
) -> Deduction:
    """Record one deduction of ``unit`` in the quarter (after the unit's other items); its kind is
    ``kind``, or else what the reason says (:func:`~inspections.reasons.deduction_kind`)."""
    require_office(acting_user, "录入减分")
    data_changed(Kind.DEDUCTIONS, units=[unit.pk])
    if position is None:
        position = Deduction.objects.filter(unit=unit, year=year, quarter=quarter).count()
    deduction = Deduction(
        unit=unit,
        year=year,
        quarter=quarter,
        reason=reason.strip(),
        kind=kind or deduction_kind(reason),
        points=points,
        finding=finding,
        source=source,
        position=position,
        created_by=acting_user,
    )
    stamp_history(deduction, acting_user=acting_user)
    deduction.full_clean()
    deduction.save()
    return deduction


def _item(reason: str, points: Decimal) -> str:
    return f"{reason}，减{format_points(points)}分"


def deductions_import(
    *,
    source: str | IO[bytes],
    year: int,
    quarter: int,
    dry_run: bool = False,
    acting_user: User | None = None,
    filename: str = "",
) -> ImportResult:
    """Import itemized deductions of a quarter; all or nothing.

    The file replaces the imported deductions of every unit it names for that quarter (a second
    import of the same file changes nothing); deductions entered by hand are kept. The file is read
    and checked outside any transaction; the changes are written in one short transaction.
    """
    require_office(acting_user, "导入减分")
    sheet = read_sheet(source, merged=True)  # a unit merged down over its items
    rows = parse_or_plan(
        lambda: parse_deductions(sheet, year=year, quarter=quarter, resolver=UnitResolver.from_db()),
        lambda valid: _apply(valid, year=year, quarter=quarter, write=False),
    )
    if dry_run:
        result = _apply(rows, year=year, quarter=quarter, write=False)
    else:
        reason = f"导入 {filename}".strip()
        result = write_or_reject(
            lambda: _apply(rows, year=year, quarter=quarter, write=True, acting_user=acting_user, reason=reason),
            kinds=(Kind.DEDUCTIONS,),
        )
    result.dry_run = dry_run
    result.sheet = sheet.name
    result.notices[:0] = sheet.notices
    return result


def _apply(
    rows: list[DeductionRow], *, year: int, quarter: int, write: bool, acting_user: User | None = None, reason: str = ""
) -> ImportResult:
    """Replace the imported deductions of the units in ``rows`` (only planned unless ``write``)."""
    unit_ids = {row.unit.pk for row in rows}
    quarter_items = Deduction.objects.filter(year=year, quarter=quarter, unit__in=unit_ids)
    previous = list(quarter_items.filter(source=Deduction.Source.IMPORT).select_related("unit"))
    old_items = {(d.unit_id, d.reason, d.points) for d in previous}
    new_items = {(r.unit.pk, r.reason, r.points) for r in rows}
    result = ImportResult()
    what = f"{year}年第{quarter}季度减分"
    gone = [d for d in previous if (d.unit_id, d.reason, d.points) not in new_items]
    for d in gone:
        result.changes.append(Change(0, d.unit.name, what, _item(d.reason, d.points), "", "删除"))
    for row in rows:
        action = "不变" if (row.unit.pk, row.reason, row.points) in old_items else "新增"
        result.changes.append(Change(row.row, row.unit.name, what, "", _item(row.reason, row.points), action))
        if row.kind == Deduction.Kind.NO_SUBMISSION:
            result.notices.append(
                f"第{row.row}行 事项: “{row.reason}”是未投稿减分，{row.unit.name}本季度将以此项代替系统按投稿情况自动计算的未投稿减分"
            )
    if write:
        for deduction in gone:
            stamp_history(deduction, acting_user=acting_user, reason=reason)
            deduction.delete()
        kept = quarter_items.exclude(pk__in=[d.pk for d in gone])
        positions = dict(kept.values("unit_id").annotate(n=Count("pk")).values_list("unit_id", "n").order_by())
        created = []
        for row in rows:
            if (row.unit.pk, row.reason, row.points) in old_items:
                continue
            position = positions.get(row.unit.pk, 0)
            positions[row.unit.pk] = position + 1
            created.append(
                Deduction(
                    unit=row.unit,
                    year=year,
                    quarter=quarter,
                    reason=row.reason,
                    kind=row.kind,
                    points=row.points,
                    source=Deduction.Source.IMPORT,
                    position=position,
                    created_by=acting_user,
                )
            )
        bulk_create_with_history(created, Deduction, default_user=acting_user, default_change_reason=reason)
    return result
