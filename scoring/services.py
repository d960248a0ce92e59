"""Writes of rule sets and of the annual assessment's adjustments."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction

from units.models import Unit, User

from .models import AnnualAdjustment, RuleSet
from .shipped import ship


@transaction.atomic
def rule_sets_ensure_shipped() -> None:
    """Create the 2020 and 2024 rule sets if they are missing (never changes existing ones)."""
    ship(RuleSet)


@transaction.atomic
def annual_adjustment_add(
    *, unit: Unit, year: int, points: Decimal, reason: str, acting_user: User | None
) -> AnnualAdjustment:
    """Add (positive) or take (negative) points from a unit's annual assessment, with the reason."""
    adjustment = AnnualAdjustment(unit=unit, year=year, points=points, reason=(reason or "").strip())
    adjustment.stamp(acting_user=acting_user, reason=adjustment.reason)
    adjustment.full_clean()
    adjustment.save()
    return adjustment


@transaction.atomic
def annual_adjustment_remove(*, adjustment: AnnualAdjustment, acting_user: User | None, reason: str = "") -> None:
    """Withdraw an adjustment; its history (who entered and who withdrew it) is kept."""
    adjustment.stamp(acting_user=acting_user, reason=(reason or "撤销年度考核调整").strip())
    adjustment.delete()
