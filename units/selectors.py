"""Reads of units: the name resolver and permission-scoped querysets."""

import datetime
from collections.abc import Iterable

from django.db.models import Q, QuerySet

from core.versioning import Kind, versioned

from .models import Unit, UnitAlias, User
from .names import UnitNotFound, name_keys, normalize_unit_name

NOT_FOUND_HINT = "请检查名称，或把它保存为对应单位的别名"


class UnitResolver:
    """Turns any official name or alias of a unit (with or without 区) into the unit.

    Built once from two queries; resolving is then a dictionary look-up.
    """

    def __init__(self, units: Iterable[Unit], aliases: Iterable[UnitAlias]) -> None:
        exact: dict[str, Unit] = {}
        loose: dict[str, set[int]] = {}
        by_id: dict[int, Unit] = {}
        for unit in units:
            by_id[unit.pk] = unit
            exact[normalize_unit_name(unit.name)] = unit
            for key in name_keys(unit.name):
                loose.setdefault(key, set()).add(unit.pk)
        for alias in aliases:
            unit = by_id.get(alias.unit_id)
            if unit is None:
                continue
            exact.setdefault(normalize_unit_name(alias.name), unit)
            for key in name_keys(alias.name):
                loose.setdefault(key, set()).add(unit.pk)
        self._exact = exact
        self._loose = loose
        self._by_id = by_id

    @classmethod
    def from_db(cls) -> "UnitResolver":
        return cls(Unit.objects.all(), UnitAlias.objects.all())

    def resolve(self, name: str) -> Unit:
        text = normalize_unit_name(name)
        if not text:
            raise UnitNotFound("单位名称为空")
        if text in self._exact:
            return self._exact[text]
        candidates = set()
        for key in name_keys(text):
            candidates |= self._loose.get(key, set())
        if len(candidates) == 1:
            return self._by_id[candidates.pop()]
        if candidates:
            names = "、".join(sorted(self._by_id[pk].name for pk in candidates))
            raise UnitNotFound(f"单位“{name}”不唯一，可能是：{names}")
        raise UnitNotFound(f"找不到单位“{name}”，{NOT_FOUND_HINT}", unknown=str(name).strip())


def resolve_unit(name: str) -> Unit:
    """Resolve one name; for many names build a :class:`UnitResolver` once instead."""
    return UnitResolver.from_db().resolve(name)


def first_of_month(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, 1)


def assessed_units_in(start: datetime.date, end: datetime.date) -> QuerySet[Unit]:
    """Units scored in at least one month between the months starting ``start`` and ``end``
    (never a unit that is not assessed at all)."""
    return Unit.objects.filter(
        Q(is_assessed=True),
        Q(assessed_from__isnull=True) | Q(assessed_from__lte=end),
        Q(assessed_until__isnull=True) | Q(assessed_until__gte=start),
    )


def units_visible_to(user: User) -> QuerySet[Unit]:
    """Every list of units starts here: office accounts see all, a unit account its own."""
    if not user.is_authenticated:
        return Unit.objects.none()
    if user.is_office:
        return Unit.objects.all()
    if user.unit_id is None:
        return Unit.objects.none()
    return Unit.objects.filter(pk=user.unit_id)


def unit_visible_to(user: User, unit_id: int) -> Unit | None:
    """The unit ``unit_id`` if ``user`` may see it (as :func:`units_visible_to` says), else ``None``;
    loaded once per process and change of the units."""
    if not user.is_authenticated or not (user.is_office or user.unit_id == unit_id):
        return None
    return versioned(("unit", unit_id), lambda: Unit.objects.filter(pk=unit_id).first(), kinds=(Kind.UNITS,))


def alias_choices() -> list[tuple[int, str]]:
    """The units a name from an import may be saved as an alias of: the assessed ones first, in the
    official order (answer of :data:`core.hooks.alias_choices`)."""
    return list(Unit.objects.order_by("-is_assessed", "category", "sort_order", "name").values_list("pk", "name"))


def unit_recipients(unit_id: int) -> QuerySet[User]:
    """The active accounts of a unit: who is told when something happens to it."""
    return User.objects.filter(unit_id=unit_id, is_active=True, role=User.Role.UNIT_USER)


def office_recipients() -> QuerySet[User]:
    """The active office accounts: who is told when a unit submits something."""
    return User.objects.filter(is_active=True, role__in=[User.Role.OFFICE_ADMIN, User.Role.OFFICE_STAFF])
