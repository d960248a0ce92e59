"""Writes of rule sets."""

from django.db import transaction

from .models import RuleSet
from .shipped import ship


@transaction.atomic
def rule_sets_ensure_shipped() -> None:
    """Create the 2020 and 2024 rule sets if they are missing (never changes existing ones)."""
    ship(RuleSet)
