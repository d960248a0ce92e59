"""Reads of units: the name resolver and permission-scoped querysets."""

import datetime
import re
from collections.abc import Iterable

from django.db.models import Q, QuerySet

from .models import Unit, UnitAlias, User

_SPACES = re.compile(r"\s+")
_DISTRICT_PREFIXES = ("临淄区", "淄博市临淄区")


class UnitNotFound(LookupError):
    """No unit, or more than one, answers to a name."""


def normalize_unit_name(name: str) -> str:
    """The form names are compared in: no white space (also full-width), no district prefix."""
    text = _SPACES.sub("", str(name or "")).replace("\u3000", "")
    for prefix in _DISTRICT_PREFIXES:
        if text.startswith(prefix) and len(text) > len(prefix):
            return "区" + text[len(prefix) :]
    return text


def _keys(name: str) -> set[str]:
    """Every spelling of one name that should resolve: with and without the 区 prefix."""
    text = normalize_unit_name(name)
    keys = {text}
    if text.startswith("区") and len(text) > 2:
        keys.add(text[1:])
    else:
        keys.add("区" + text)
    return keys


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
            for key in _keys(unit.name):
                loose.setdefault(key, set()).add(unit.pk)
        for alias in aliases:
            unit = by_id.get(alias.unit_id)
            if unit is None:
                continue
            exact.setdefault(normalize_unit_name(alias.name), unit)
            for key in _keys(alias.name):
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
        for key in _keys(text):
            candidates |= self._loose.get(key, set())
        if len(candidates) == 1:
            return self._by_id[candidates.pop()]
        if candidates:
            names = "、".join(sorted(self._by_id[pk].name for pk in candidates))
            raise UnitNotFound(f"单位“{name}”不唯一，可能是：{names}")
        raise UnitNotFound(f"找不到单位“{name}”，请检查名称或在单位管理中添加别名")


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
