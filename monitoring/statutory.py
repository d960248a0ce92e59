"""The statutory columns (法定主动公开内容) every unit of a kind is expected to keep, with the update
requirement they usually carry, from the office's notices (seeds 000/001) and the 条例: the checklist
shows which of them a unit has not registered for monitoring yet."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from units.models import Unit

from .models import Requirement


@dataclass(frozen=True)
class StatutoryColumn:
    name: str
    requirement: str


COMMON = (
    StatutoryColumn("政策文件", Requirement.QUARTERLY),
    StatutoryColumn("政策解读", Requirement.QUARTERLY),
    StatutoryColumn("基层政务公开标准化目录", Requirement.YEARLY),
    StatutoryColumn("政务公开保障机制", Requirement.YEARLY),
    StatutoryColumn("政府信息公开指南", Requirement.LONG_TERM),
    StatutoryColumn("政府信息公开年报", Requirement.YEARLY),
)
DEPARTMENT_ONLY = (
    StatutoryColumn("部门职责任务清单", Requirement.YEARLY),
    StatutoryColumn("部门职责边界清单", Requirement.YEARLY),
)
STATUTORY = {
    Unit.Category.DEPARTMENT: COMMON[:2] + DEPARTMENT_ONLY + COMMON[2:],
    Unit.Category.TOWN: COMMON,
}


def _folded(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


@dataclass(frozen=True)
class ChecklistLine:
    statutory: StatutoryColumn
    registered: str
    """The name of the unit's column that covers it, or ``""``."""


def checklist(category: str, column_names: list[str]) -> list[ChecklistLine]:
    """Each statutory column of the kind of unit and the registered column covering it (a column
    covers it when its name contains the statutory name: 政务公开保障机制专栏)."""
    lines = []
    for statutory in STATUTORY.get(category, COMMON):
        match = next((n for n in column_names if _folded(statutory.name) in _folded(n)), "")
        lines.append(ChecklistLine(statutory, match))
    return lines
