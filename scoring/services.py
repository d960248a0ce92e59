"""Writes of rule sets."""

from django.db import transaction

from .models import RuleSet
from .shipped import ship


@transaction.atomic
def ensure_shipped_rule_sets() -> None:
    """Create the 2020 and 2024 rule sets if they are missing (never changes existing ones)."""
    ship(RuleSet)
