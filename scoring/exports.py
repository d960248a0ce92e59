"""The quarter's score tables as Excel sheets (the same table definition as the notice's)."""

from __future__ import annotations

from core.xlsx import SheetSpec

from .selectors import QuarterScores
from .statistics import bonus_note, stats_rows, stats_table

CATEGORY_TITLES = (("部门", "各部门"), ("镇街", "各镇、街道"))


def stats_widths(months: list[int]) -> list[float]:
    return [6, 30, *([8] * len(months)), 10, 8, 8, 8]


def quarter_sheets(result: QuarterScores) -> list[SheetSpec]:
    months = list(result.months)
    label = f"第{result.period.cn}季度"
    return [
        SheetSpec.of_table(
            name,
            f"{name}{label}政务公开工作情况统计",
            stats_table(
                months, stats_rows(result.by_category(category)), rank_title="名次", note=bonus_note(result.rules)
            ),
            stats_widths(months),
        )
        for category, name in CATEGORY_TITLES
    ]
