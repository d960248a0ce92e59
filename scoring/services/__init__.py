"""Writes of rule sets and of the annual assessment's adjustments.

A rule set in force for a quarter whose notice has been issued is not edited in place: a change
of the rules becomes a new version valid from a later start date; only an explicit correction,
with its note, may change the rules of an issued quarter, and it reports which issued notices
now differ from the live figures.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from core import hooks
from core.calendar import Quarter
from core.models import stamp_history
from core.permissions import require_office
from core.versioning import Kind, data_changed
from units.models import Unit, User

from ..models import DUPLICATE_ADJUSTMENT, AnnualAdjustment, RuleSet
from ..selectors import quarter_scores
from ..shipped import ship
from ..status import quarter_status


@transaction.atomic
def rule_sets_ensure_shipped() -> None:
    """Create the 2020 and 2024 rule sets if they are missing (never changes existing ones)."""
    data_changed(Kind.RULES)
    ship(RuleSet)


def _governing(valid_froms: list[tuple[datetime.date, int | None]], quarter: Quarter) -> int | None:
    """The rule set (by pk; ``None`` for the one being created) in force on the quarter's first day."""
    in_force = [(start, pk) for start, pk in valid_froms if start <= quarter.start]
    return max(in_force, key=lambda item: item[0])[1] if in_force else None


def issued_quarters_affected(*, pk: int | None, valid_from: datetime.date) -> list[Quarter]:
    """Issued quarters whose rules would change if the rule set ``pk`` (``None``: a new one) had
    ``valid_from``: those it governs now, and those it would govern afterwards."""
    issued = [Quarter(y, q) for y, q in hooks.issued_quarters()]
    if not issued:
        return []
    now = [(r.valid_from, r.pk) for r in RuleSet.objects.only("pk", "valid_from")]
    after = [(start, key) for start, key in now if key != pk] + [(valid_from, pk)]
    return [q for q in issued if (pk is not None and _governing(now, q) == pk) or _governing(after, q) == pk]


def correction_required_message(quarters: list[Quarter]) -> str:
    labels = "、".join(q.label for q in quarters)
    return (
        f"该计分规则用于已印发通报的季度（{labels}），不能直接修改：请新增一个从以后某月起生效的规则版本；"
        "确需更正已印发季度的计分，请填写更正说明。"
    )


@transaction.atomic
def rule_set_save(*, rule_set: RuleSet, acting_user: User | None, correction_note: str = "") -> list[str]:
    """Create or change ``rule_set``; returns, for a correction, the issued notices that now differ.

    Changing the rules of an issued quarter needs ``correction_note`` (kept in the history).
    """
    require_office(acting_user, "修改计分规则")
    data_changed(Kind.RULES)
    affected = issued_quarters_affected(pk=rule_set.pk, valid_from=rule_set.valid_from)
    if affected and not correction_note.strip():
        raise ValidationError({"correction_note": correction_required_message(affected)})
    rule_set.full_clean()
    stamp_history(rule_set, acting_user=acting_user, reason=f"更正：{correction_note.strip()}" if affected else "")
    rule_set.save()
    lines = []
    for quarter in affected:
        status = quarter_status(quarter_scores(year=quarter.year, quarter=quarter.number))
        if status.differences:
            lines.append(
                f"{quarter.label}通报（{status.issued.label}）与更正后的得分不同：{len(status.differences)}个单位，"
                f"如{status.differences[0]}"
            )
    return lines


@transaction.atomic
def annual_adjustment_add(
    *, unit: Unit, year: int, points: Decimal, reason: str, acting_user: User | None
) -> AnnualAdjustment:
    """Add (positive) or take (negative) points from a unit's annual assessment, with the reason."""
    require_office(acting_user, "调整年终考核得分")
    data_changed(Kind.ADJUSTMENTS, units=[unit.pk])
    adjustment = AnnualAdjustment(unit=unit, year=year, points=points, reason=(reason or "").strip())
    adjustment.stamp(acting_user=acting_user, reason=adjustment.reason)
    adjustment.full_clean()
    Unit.objects.select_for_update().filter(pk=unit.pk).first()  # one of two clicks at a time
    if AnnualAdjustment.objects.filter(unit=unit, year=year, reason=adjustment.reason).exists():
        raise ValidationError({"reason": DUPLICATE_ADJUSTMENT})
    adjustment.save()
    return adjustment


@transaction.atomic
def annual_adjustment_remove(*, adjustment: AnnualAdjustment, acting_user: User | None, reason: str = "") -> None:
    """Withdraw an adjustment; its history (who entered and who withdrew it) is kept."""
    require_office(acting_user, "调整年终考核得分")
    data_changed(Kind.ADJUSTMENTS, units=[adjustment.unit_id])
    adjustment.stamp(acting_user=acting_user, reason=(reason or "撤销年度考核调整").strip())
    adjustment.delete()
