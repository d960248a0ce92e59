"""What the register's management commands share: the unit named by ``--unit``."""

from __future__ import annotations

from django.core.management.base import CommandError

from core.calendar import FIRST_YEAR, LAST_YEAR
from units.models import Unit
from units.selectors import UnitNotFound, resolve_unit


def unit_option(name: str) -> Unit:
    try:
        return resolve_unit(name)
    except UnitNotFound as exc:
        raise CommandError(str(exc)) from exc


def year_option(year: int) -> int:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise CommandError(f"年度{year}不在{FIRST_YEAR}至{LAST_YEAR}之间")
    return year
