"""Sections 三 and 四 of a unit's report from its 依申请公开 register (``applications``): a unit
that keeps the register chooses 由登记簿生成; the two tables are then the register's computed
tables (filled and locked in the grid, each number a link to the applications behind it) and are
stored with the report whenever it is saved, so a submitted or finalised report keeps them as they
were. Before switching, a difference view shows the typed figures beside the register's."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from applications.selectors import keeps_register as unit_keeps_register
from applications.tables import unit_tables
from applications.tables_page import cell_links
from units.models import Unit

from .checks import number_text
from .layout import APPEALS, REQUESTS, cells, typed_keys
from .models import AnnualReport

Source = AnnualReport.Source


@cache
def register_keys() -> tuple[str, ...]:
    """The typed cells of 三 and 四: those the register fills."""
    rows = register_rows()
    return tuple(key for key in typed_keys() if key.split(".")[0] in rows)


@cache
def register_rows() -> frozenset[str]:
    return frozenset(row.key for table in (REQUESTS, APPEALS) for row in table.rows)


def keeps_register(unit: Unit | None) -> bool:
    return unit is not None and unit_keeps_register(unit)


def uses_register(report: AnnualReport | None) -> bool:
    return report is not None and report.unit_id is not None and report.requests_source == Source.REGISTER


def register_values(unit: Unit, year: int) -> dict[str, int]:
    """The typed cells of 三 and 四 computed from ``unit``'s register for ``year``."""
    computed = unit_tables(unit, year).values
    return {key: computed[key] for key in register_keys()}


def with_register(typed: dict, unit: Unit, year: int) -> dict:
    """``typed`` with the cells of 三 and 四 replaced by the register's."""
    return {**typed, **register_values(unit, year)}


def links(unit: Unit, year: int) -> dict[str, str]:
    return cell_links(unit, year)


@dataclass(frozen=True)
class Difference:
    name: str
    typed: str
    register: str


def differences(values: dict, unit: Unit, year: int) -> list[Difference]:
    """Every cell of 三 and 四 (totals included) where the report's figures and the register's differ."""
    computed = unit_tables(unit, year).values
    found = []
    for key, spec in cells().items():
        if key.split(".")[0] not in register_rows():
            continue
        typed = values.get(key)
        if typed != computed[key]:
            shown = "未填" if typed is None else number_text(typed)
            found.append(Difference(spec.name, shown, str(computed[key])))
    return found
