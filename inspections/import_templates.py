"""The blank sheet of the deductions import, the assessed units listed in the official order."""

from __future__ import annotations

import datetime

from core.imports.templates import template_workbook
from units.selectors import assessed_units_in

from .importers import COLUMNS


def deductions_template(year: int) -> bytes:
    """单位 | 事项 | 减分, a row per unit: fill in a unit's items (copy the row for a second item);
    a row without 事项 and 减分 is not imported."""
    units = assessed_units_in(datetime.date(year, 1, 1), datetime.date(year, 12, 1))
    names = units.order_by("category", "sort_order", "name").values_list("name", flat=True)
    return template_workbook(
        sheet="减分事项",
        title=f"{year}年各单位减分事项（每项一行，减分填正数；没有减分的单位留空）",
        columns=list(COLUMNS),
        rows=[[name, None, None] for name in names],
        widths=[30, 60, 8],
        text_columns={0, 1},
    )
