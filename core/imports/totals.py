"""Rows of the office's own tables that are no unit's: a 合计, 小计 or 总计 row, and a group heading
such as 区政府各部门 or 各镇、街道 above the units of a category. An import leaves them out and the
result names them (``未导入的合计行、分组标题行：第9行“合计”``), so nothing is dropped silently and the
office's table imports as it is kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from .parsing import header_title

TOTAL_ROW = re.compile(
    r"^(?:全区|全部|各单位|区政府各部门|区直部门|各部门|部门|各镇、?街道?|镇、?街道?|镇街)?(?:合计|总计|小计|共计)$"
)
"""The label of a row adding up the rows above it (spaces and full-width forms folded first)."""

GROUP_HEADINGS = frozenset(
    {
        "区政府各部门",
        "区直各部门",
        "区直部门",
        "各部门",
        "部门",
        "各镇、街道",
        "各镇街道",
        "各镇街",
        "镇、街道",
        "镇街道",
        "镇街",
    }
)
"""Headings of the office's tables over the units of a category (a row with no figures)."""

TOTAL, GROUP = "合计行", "分组标题行"


def row_label_kind(name: Any, values: Iterable[Any], *, has_figures: bool) -> str | None:
    """:data:`TOTAL` or :data:`GROUP` when the row named ``name`` (its unit cell) is one, else ``None``.
    A row whose unit cell is blank counts by the label in its other cells (合计 merged over 序号
    and 单位 keeps its text in the first)."""
    label = header_title(name)
    labels = [label] if label else [header_title(v) for v in values if isinstance(v, str)]
    if any(TOTAL_ROW.match(text) for text in labels):
        return TOTAL
    if not has_figures and any(text in GROUP_HEADINGS for text in labels):
        return GROUP
    return None


class SkippedRows:
    """The total and heading rows an import left out, for one notice in its result."""

    def __init__(self) -> None:
        self.rows: list[tuple[int, str]] = []

    def add(self, row: int, name: Any, values: Iterable[Any]) -> None:
        label = header_title(name) or next(
            (header_title(v) for v in values if isinstance(v, str) and header_title(v)), ""
        )
        self.rows.append((row, label[:20]))

    def notices(self) -> list[str]:
        if not self.rows:
            return []
        listed = "、".join(f"第{row}行“{label}”" for row, label in self.rows[:10])
        more = f"等{len(self.rows)}行" if len(self.rows) > 10 else ""
        return [f"未导入的合计行、分组标题行：{listed}{more}（不是单位的数据）"]
