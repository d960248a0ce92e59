"""Writes of one unit, its aliases and demonstration-site periods, and of accounts: the pages and
the admin call these, never ``save()`` themselves. A unit's category, order, assessment period and
demonstration periods change scores and tables, so those writes mark the data changed; aliases
only help imports find units."""

from __future__ import annotations

import unicodedata

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from core.imports.totals import row_label_kind
from core.models import stamp_history
from core.permissions import require_office, require_office_admin
from core.versioning import Kind, data_changed

from ..models import DemoSitePeriod, Unit, UnitAlias, User


@transaction.atomic
def unit_update(*, unit: Unit, acting_user: User | None, reason: str = "") -> Unit:
    """Save a unit's changes (or a new unit), with its history row (who and why)."""
    require_office_admin(acting_user, "修改单位")
    unit.full_clean()
    stamp_history(unit, acting_user=acting_user, reason=reason)
    unit.save()
    data_changed(Kind.UNITS)
    return unit


@transaction.atomic
def unit_delete(*, unit: Unit, acting_user: User | None, reason: str = "删除单位") -> None:
    """Delete a unit entered by mistake (one with any data is protected and stays)."""
    require_office_admin(acting_user, "修改单位")
    stamp_history(unit, acting_user=acting_user, reason=reason)
    unit.delete()
    data_changed(Kind.UNITS)


@transaction.atomic
def unit_alias_save(*, alias: UnitAlias, acting_user: User | None, reason: str = "") -> UnitAlias:
    """Save a new or renamed alias of a unit: the alias must not read as another unit's name or
    alias (:meth:`UnitAlias.clean`), nor be the unit's own name."""
    visible = "".join(ch for ch in (alias.name or "") if unicodedata.category(ch) != "Cf")  # no hidden marks
    alias.name = " ".join(visible.split())
    if not alias.name:
        raise ValidationError({"name": "请填写别名。"})
    if row_label_kind(alias.name, (), has_figures=False):
        raise ValidationError({"name": f"“{alias.name}”是表格的合计行或分组标题，不是单位名称，不能作为别名。"})
    if alias.name == alias.unit.name:
        raise ValidationError({"name": f"“{alias.name}”就是{alias.unit.name}的正式名称，不需要别名。"})
    alias.full_clean()
    stamp_history(alias, acting_user=acting_user, reason=reason)
    alias.save()
    return alias


def unit_alias_add(*, unit: Unit, name: str, acting_user: User | None, reason: str = "添加别名") -> UnitAlias:
    """Save ``name`` as another name of ``unit`` (e.g. a name an import did not know)."""
    require_office(acting_user, "添加单位别名")
    return unit_alias_save(alias=UnitAlias(unit=unit, name=name), acting_user=acting_user, reason=reason)


@transaction.atomic
def unit_alias_delete(*, alias: UnitAlias, acting_user: User | None, reason: str = "删除别名") -> None:
    require_office_admin(acting_user, "修改单位别名")
    stamp_history(alias, acting_user=acting_user, reason=reason)
    alias.delete()


@transaction.atomic
def demo_site_period_save(*, period: DemoSitePeriod, acting_user: User | None, reason: str = "") -> DemoSitePeriod:
    """Save a period in which a unit is a demonstration site (its article quota changes)."""
    require_office_admin(acting_user, "修改示范点期间")
    period.full_clean()
    stamp_history(period, acting_user=acting_user, reason=reason)
    period.save()
    data_changed(Kind.UNITS)
    return period


@transaction.atomic
def demo_site_period_delete(
    *, period: DemoSitePeriod, acting_user: User | None, reason: str = "删除示范点期间"
) -> None:
    require_office_admin(acting_user, "修改示范点期间")
    stamp_history(period, acting_user=acting_user, reason=reason)
    period.delete()
    data_changed(Kind.UNITS)


@transaction.atomic
def account_save(*, user: User, acting_user: User | None = None) -> User:
    """Save a new or changed account (its password already set or hashed). The admin records who
    changed an account and what (its change log, on the account's 历史 page)."""
    require_office_admin(acting_user, "修改账号")
    user.full_clean()
    user.save()
    return user


@transaction.atomic
def account_delete(*, user: User, acting_user: User | None) -> None:
    """Delete an account (what it recorded keeps its records, without the name)."""
    require_office_admin(acting_user, "修改账号")
    if acting_user is not None and user.pk == acting_user.pk:
        raise PermissionDenied("不能删除自己正在使用的账号。")
    user.delete()
