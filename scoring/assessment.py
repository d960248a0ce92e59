"""The annual assessment (年终考核) ranking, beside the quarterly scores: the ranking table of each
category, defined once for the page, the PDF and the Excel, in the style of the quarterly
statistics tables; the sentences of the office's adjustments; the Excel sheets.

年度得分 = the four quarterly totals + the adoption bonus kept out of them + the office's annual
adjustments (:func:`scoring.selectors.annual_scores`). The PDF (an official document) is built
above, in ``annual_reports.assessment``.
"""

from __future__ import annotations

from decimal import Decimal

from core.calendar import Quarter
from core.formatting import format_points
from core.tabular import Cell, TableData
from core.xlsx import SheetSpec

from .selectors import UnitYearScore, YearScores, data_quarter_range

CATEGORIES = (("部门", "各部门"), ("镇街", "各镇、街道"))
QUARTERS = {1: "一季度", 2: "二季度", 3: "三季度", 4: "四季度"}
NOT_ASSESSED = "—"


def widths_xlsx(quarters: list[int]) -> list[float]:
    return [6, 30, *[9] * len(quarters), 11, 10, 10, 11]


def counted_quarters(year: int) -> list[int]:
    """The quarters of ``year`` with any figure recorded in the district (all four when none has):
    a quarter before the system was in use would otherwise count as every submission missed."""
    span = data_quarter_range()
    if span is None:
        return [1, 2, 3, 4]
    quarters = [q for q in (1, 2, 3, 4) if span[0] <= Quarter(year, q) <= span[1]]
    return quarters or [1, 2, 3, 4]


def _blank_zero(value: Decimal) -> Decimal | None:
    return value or None


def assessment_table(result: YearScores, rows: list[UnitYearScore]) -> TableData:
    """名次 | 单位 | 各季度合计 (one column a quarter) | 季度合计之和 | 采用加分 | 年度调整 | 年度得分."""
    quarters = result.quarters
    header = [
        [
            Cell("名次", rowspan=2),
            Cell("单位", rowspan=2),
            Cell("各季度合计", colspan=len(quarters)),
            Cell("季度合计之和", rowspan=2),
            Cell("采用加分", rowspan=2),
            Cell("年度调整", rowspan=2),
            Cell("年度得分", rowspan=2),
        ],
        [Cell(QUARTERS[q]) for q in quarters],
    ]
    body = [
        [
            row.rank,
            row.name,
            *[NOT_ASSESSED if t is None else t for t in row.quarter_totals],
            row.quarters_sum,
            _blank_zero(row.adoption_bonus),
            _blank_zero(row.adjustment),
            row.final_total,
        ]
        for row in rows
    ]
    return TableData(header_rows=header, rows=body, text_columns={1})


def quarters_text(quarters: list[int]) -> str:
    """``各季度`` for all four, else ``三、四季度``."""
    if list(quarters) == [1, 2, 3, 4]:
        return "各季度"
    return "、".join(QUARTERS[q][0] for q in quarters) + "季度"


def adjustment_sentences(result: YearScores) -> list[str]:
    """``区商务局：对通报问题拒不整改，减2分。`` one per unit with adjustments."""
    sentences = []
    for row in result.rows:
        if not row.adjustments:
            continue
        parts = [
            f"{item.reason}，{'加' if item.points > 0 else '减'}{format_points(abs(item.points))}分"
            for item in row.adjustments
        ]
        sentences.append(f"{row.name}：{'；'.join(parts)}。")
    return sentences


def assessment_title(year: int) -> str:
    return f"临淄区{year}年度政务公开工作考核结果"


def assessment_sheets(result: YearScores) -> list[SheetSpec]:
    sheets = [
        SheetSpec.of_table(
            name,
            f"{name}{result.year}年度政务公开工作考核结果",
            assessment_table(result, result.by_category(category)),
            widths_xlsx(result.quarters),
        )
        for category, name in CATEGORIES
    ]
    adjustments = [[row.name, item.points, item.reason] for row in result.rows for item in row.adjustments]
    sheets.append(
        SheetSpec(
            "年度考核调整",
            f"{result.year}年度考核调整",
            [[Cell("单位"), Cell("调整分值"), Cell("原因")]],
            adjustments,
            [30, 12, 60],
            text_columns={0, 2},
        )
    )
    return sheets
