"""The blank sheets of the two submissions imports, the assessed units listed in the official order."""

from __future__ import annotations

import datetime

from core.imports.templates import template_workbook
from units.selectors import assessed_units_in

from .importers import ARTICLE_OPTIONAL, ARTICLE_REQUIRED


def _units(year: int) -> list[str]:
    units = assessed_units_in(datetime.date(year, 1, 1), datetime.date(year, 12, 1))
    return list(units.order_by("category", "sort_order", "name").values_list("name", flat=True))


def publications_template(year: int) -> bytes:
    """序号 | 单位 | 1月 … 12月, one row per unit: fill the months to import, leave the others blank."""
    months = [f"{m}月" for m in range(1, 13)]
    return template_workbook(
        sheet="网站发布数",
        title=f"{year}年各单位政府网站信息发布数（填写当月发布条数，空白的月份不导入）",
        columns=["序号", "单位", *months],
        rows=[[i, name, *([None] * 12)] for i, name in enumerate(_units(year), start=1)],
        widths=[6, 30, *([7] * 12)],
        text_columns={1},
    )


def tallies_template(year: int) -> bytes:
    """单位 | 月份 | 投稿件数 | 不合格件数 | 市级采用 | 省级采用, a row per unit and month: a row left
    without figures is not imported."""
    names = _units(year)
    return template_workbook(
        sheet="投稿合计",
        title=f"{year}年各单位月度投稿合计（只填有投稿的行，空白行不导入）",
        columns=[*ARTICLE_REQUIRED, *ARTICLE_OPTIONAL],
        rows=[[name, month, None, None, None, None] for month in range(1, 13) for name in names],
        widths=[30, 8, 10, 10, 10, 10],
        text_columns={0},
    )
