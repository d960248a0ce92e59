"""The statistics table of the quarterly notice (各部门／各镇、街道政务公开工作情况统计), defined
once: its header and its printed values feed both the PDF and the Excel builders."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from core.formatting import NOT_ENTERED, points_text
from core.tabular import Cell, TableData

NOT_ASSESSED = "—"


@dataclass
class StatsRow:
    """One ranked row, as plain data (points as exact decimal text) so it survives a JSON snapshot."""

    rank: int
    unit: str
    months: list[int | str | None]
    """Items per month; ``"未录入"`` where nobody entered it, ``None`` where the unit was not assessed."""
    publication_score: str
    bonus: str
    deduction: str
    total: str


def month_cell(row, index: int) -> str:
    """A month's count as printed: the number, 未录入, or — (not assessed that month)."""
    if not row.assessed[index]:
        return NOT_ASSESSED
    count = row.figures[index].publications
    return NOT_ENTERED if count is None else str(count)


def _months(row) -> list[int | str | None]:
    return [
        None if not assessed else (NOT_ENTERED if fig.publications is None else fig.publications)
        for fig, assessed in zip(row.figures, row.assessed, strict=True)
    ]


def stats_rows(rows) -> list[StatsRow]:
    """The statistics rows of one category, ranked, from the scoring service's rows."""
    return [
        StatsRow(
            rank=row.rank,
            unit=row.name,
            months=_months(row),
            publication_score=points_text(row.publication_score),
            bonus=points_text(row.bonus_counted),
            deduction=points_text(row.deduction),
            total=points_text(row.total),
        )
        for row in rows
    ]


def _blank_zero(text: str) -> Decimal | None:
    """The office leaves 加分/减分 cells empty rather than printing 0."""
    return None if text in ("", "0") else Decimal(text)


def bonus_note(rules, *, see: str = "") -> str:
    """The note of a statistics table whose rule set keeps the adoption bonus out of the quarterly
    total (2020): the empty 加分 column is not an oversight. ``see`` names where the bonus is shown."""
    if rules.bonus_in_quarterly_total:
        return ""
    where = f"（见{see}）" if see else ""
    return f"注：稿件被市级、省级采用的加分{where}计入年终考核，不计入季度合计，故本表“加分”栏为空。"


def stats_table(months: list[int], rows: list[StatsRow], *, rank_title: str = "序号", note: str = "") -> TableData:
    """序号 | 单位 | 政府网站信息公开发布情况（数量 by month, 累计得分）| 加分 | 减分 | 合计.

    The office's notices head the rank column 序号; the score-table download heads it 名次.
    """
    header = [
        [
            Cell(rank_title, rowspan=3),
            Cell("单位", rowspan=3),
            Cell("政府网站信息公开发布情况", colspan=len(months) + 1),
            Cell("加分", rowspan=3),
            Cell("减分", rowspan=3),
            Cell("合计", rowspan=3),
        ],
        [Cell("数量", colspan=len(months)), Cell("累计得分", rowspan=2)],
        [Cell(f"{m}月") for m in months],
    ]
    body = [
        [
            row.rank,
            row.unit,
            *[NOT_ASSESSED if c is None else c for c in row.months],
            Decimal(row.publication_score),
            _blank_zero(row.bonus),
            _blank_zero(row.deduction),
            Decimal(row.total),
        ]
        for row in rows
    ]
    return TableData(header_rows=header, rows=body, note=note, text_columns={1})
