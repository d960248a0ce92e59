"""The article register as an Excel workbook (what the filtered list shows, in its order)."""

from __future__ import annotations

from core.formatting import format_cn_date
from core.tabular import Cell
from core.xlsx import SheetSpec, build_workbook

from .selectors import ArticleExportRow

ARTICLE_COLUMNS = ("序号", "收稿日期", "单位", "标题", "字数", "是否符合要求", "不符合原因", "市级采用", "省级采用")


def articles_xlsx(rows: list[ArticleExportRow], *, title: str) -> bytes:
    """One sheet 稿件登记: a row per article, dates as 2024年10月8日, blanks where nothing is known."""
    body = [
        [
            number,
            format_cn_date(r.received_on),
            r.unit,
            r.title,
            r.char_count,
            "是" if r.is_compliant else "否",
            r.non_compliance_reason,
            format_cn_date(r.city_adopted_on) if r.city_adopted_on else "",
            format_cn_date(r.province_adopted_on) if r.province_adopted_on else "",
        ]
        for number, r in enumerate(rows, start=1)
    ]
    sheet = SheetSpec(
        "稿件登记",
        title,
        [[Cell(c) for c in ARTICLE_COLUMNS]],
        body,
        [6, 16, 26, 50, 8, 8, 24, 16, 16],
        landscape=True,
        text_columns={2, 3, 6},
    )
    return build_workbook([sheet])
