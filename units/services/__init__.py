"""Writes of units and accounts."""

import csv
import datetime
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from core.versioning import Kind, data_changed

from ..models import DemoSitePeriod, Unit, UnitAlias, User
from .records import (
    account_delete,
    account_save,
    demo_site_period_delete,
    demo_site_period_save,
    unit_alias_add,
    unit_alias_delete,
    unit_alias_save,
    unit_delete,
    unit_update,
)

UNITS_CSV = Path(__file__).resolve().parents[2] / "fixtures" / "units.csv"


def _month(text: str, *, line: int, field: str) -> datetime.date | None:
    text = (text or "").strip()
    if not text:
        return None
    try:
        year, month = (int(part) for part in text.split("-"))
        return datetime.date(year, month, 1)
    except ValueError as exc:
        raise ValueError(f"第{line}行 {field}: “{text}”不是年月（应为2020-08）") from exc


@dataclass(frozen=True)
class SyncResult:
    created: int
    updated: int


@transaction.atomic
def units_sync_from_csv(*, path: Path = UNITS_CSV) -> SyncResult:
    """Create or update units, aliases and demonstration-site periods from ``units.csv``.

    The optional ``assessed`` column says ``no`` for bodies that take work-plan tasks but are not
    assessed (区档案馆 …); empty means assessed.

    Idempotent: running it again changes nothing. Units are matched by official name.
    """
    data_changed(Kind.UNITS)
    created = updated = 0
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for index, row in enumerate(rows, start=2):
        name = row["name"].strip()
        category = row["category"].strip()
        if category not in Unit.Category.values:
            raise ValueError(f"第{index}行 category: “{category}”不是部门或镇街")
        values = {
            "category": category,
            "sort_order": index - 1,
            "submission_exempt": row.get("submission_exempt", "").strip().lower() in {"yes", "true", "1", "是"},
            "assessed_from": _month(row.get("assessed_from", ""), line=index, field="assessed_from"),
            "is_assessed": (row.get("assessed") or "").strip().lower() not in {"no", "false", "0", "否"},
        }
        unit = Unit.objects.filter(name=name).first()
        if unit is None:
            unit = Unit(name=name, **values)
            created += 1
        else:
            changed = any(getattr(unit, key) != value for key, value in values.items())
            for key, value in values.items():
                setattr(unit, key, value)
            updated += int(changed)
        unit.full_clean()
        unit.save()
        for alias in filter(None, (a.strip() for a in row.get("aliases", "").split("|"))):
            existing = UnitAlias.objects.filter(name=alias).first()
            if existing is None:
                alias_obj = UnitAlias(unit=unit, name=alias)
                alias_obj.full_clean()
                alias_obj.save()
            elif existing.unit_id != unit.pk:
                raise ValueError(f"第{index}行 aliases: 别名“{alias}”已属于{existing.unit.name}")
        since = _month(row.get("demo_site_since", ""), line=index, field="demo_site_since")
        if since and not unit.demo_site_periods.filter(start=since).exists():
            period = DemoSitePeriod(unit=unit, start=since)
            period.full_clean()
            period.save()
    return SyncResult(created=created, updated=updated)


@transaction.atomic
def account_create(
    *,
    username: str,
    password: str,
    role: str,
    unit: Unit | None = None,
    display_name: str = "",
) -> User:
    user = User(username=username, role=role, unit=unit, display_name=display_name)
    user.is_staff = role == User.Role.OFFICE_ADMIN
    user.is_superuser = role == User.Role.OFFICE_ADMIN
    user.set_password(password)
    return account_save(user=user)


__all__ = [
    "SyncResult",
    "account_create",
    "account_delete",
    "account_save",
    "demo_site_period_delete",
    "demo_site_period_save",
    "unit_alias_add",
    "unit_alias_delete",
    "unit_alias_save",
    "unit_delete",
    "unit_update",
    "units_sync_from_csv",
]
