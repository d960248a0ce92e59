"""How final a quarter's scores are: which figures are still missing (未录入), whether its notice
was issued, and where the live figures now differ from the issued notice."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from django.utils import timezone

from core import hooks
from core.formatting import format_points
from core.versioning import SCORES, Kind, versioned

from .selectors import QuarterScores
from .statistics import stats_rows

CATEGORIES = ("部门", "镇街")
COMPARED = (
    ("total", "合计"),
    ("publication_score", "累计得分"),
    ("deduction", "减分"),
    ("bonus", "加分"),
    ("rank", "名次"),
)


@dataclass
class QuarterStatus:
    missing: dict[int, list[str]] = field(default_factory=dict)
    """Per month of the quarter, the units whose publication figure is not entered."""
    issued: hooks.IssuedFigures | None = None
    differences: list[str] = field(default_factory=list)
    """Where the live figures differ from the issued notice, one line per unit."""

    @property
    def complete(self) -> bool:
        return not any(self.missing.values())

    @property
    def provisional(self) -> bool:
        """Ranks are 暂定 while figures are missing or the notice is not issued."""
        return not self.complete or self.issued is None

    @property
    def missing_summary(self) -> list[str]:
        """``2月：65个单位未录入`` for each month with missing figures."""
        return [f"{month}月：{len(units)}个单位未录入" for month, units in self.missing.items() if units]


def _show(name: str, value) -> str:
    if name == "rank":
        return f"第{value}名"
    return format_points(value) if isinstance(value, str) else str(value)


def differences(result: QuarterScores, issued: hooks.IssuedFigures) -> list[str]:
    """Unit by unit, what changed between the issued statistics rows and today's."""
    lines = []
    for category in CATEGORIES:
        if category not in issued.stats:
            continue
        before = {row["unit"]: row for row in issued.stats[category]}
        now = {row.unit: asdict(row) for row in stats_rows(result.by_category(category))}
        for unit in [*before, *(u for u in now if u not in before)]:
            old, new = before.get(unit), now.get(unit)
            if old is None or new is None:
                lines.append(f"{unit}：{'通报中没有该单位' if old is None else '现已不在考核范围内'}")
                continue
            changed = [
                f"{label}{_show(key, old[key])}→{_show(key, new[key])}"
                for key, label in COMPARED
                if str(old[key]) != str(new[key])
            ]
            if old["months"] != new["months"]:
                changed.insert(0, f"发布数{old['months']}→{new['months']}".replace("'", "").replace("None", "—"))
            if changed:
                lines.append(f"{unit}：{'，'.join(changed)}")
    return lines


def quarter_status(result: QuarterScores) -> QuarterStatus:
    """The completeness of ``result`` and how it stands against the issued notice (one query)."""
    status = QuarterStatus(missing={month: [] for month in result.months})
    for row in result.rows:
        for month in row.missing_months:
            status.missing[month].append(row.name)
    status.issued = hooks.issued_figures(result.year, result.quarter)
    if status.issued is not None:
        status.differences = differences(result, status.issued)
    return status


def quarter_status_current(result: QuarterScores) -> QuarterStatus:
    """:func:`quarter_status` of today's scores (:func:`~scoring.selectors.quarter_scores_current`),
    once per process and change of the data (issuing a notice is one)."""
    key = ("quarter_status", result.year, result.quarter, timezone.localdate())
    return versioned(key, lambda: quarter_status(result), kinds=(*SCORES, Kind.NOTICES))
