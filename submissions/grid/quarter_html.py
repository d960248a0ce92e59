"""The rows of the quarter page as HTML (see :mod:`.html` for why plain strings): per unit the
three months' 发布数 and the quarter's 累计得分, each month with the state it was loaded with."""

from __future__ import annotations

from html import escape

from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from core.formatting import changed_line, format_points
from core.hooks import MonthRules

from .forms import encode_row_state, month_prefix, version_name
from .html import SECTION_TITLES, cell_html, name_keys_attribute
from .quarter import QuarterGrid, QuarterRow
from .selectors import GRID_FIELDS

PUBLICATIONS = GRID_FIELDS[0]


def quarter_score(texts: list[str], rules: MonthRules | None) -> str:
    """累计得分 of the months' typed counts (10.5 style); "" when no month can be read."""
    counts = [int(t.strip()) for t in texts if t.strip().isdigit()]
    if rules is None or not counts:
        return ""
    return format_points(sum(min(n, rules.monthly_item_cap) for n in counts) * rules.points_per_item)


def _row(number: int, row: QuarterRow, grid: QuarterGrid, zone) -> str:
    unit_label = escape(row.name)
    states, cells, problems = [], [], []
    for col, (month, cell) in enumerate(zip(grid.quarter.months, row.months, strict=True)):
        if cell is None:
            cells.append('<td class="na" title="本月不在考核范围内">不考核</td>')
            continue
        prefix = month_prefix(month)
        state = encode_row_state(cell.loaded_publication, cell.loaded_tally, cell.loaded_values)
        states.append(f'<input type="hidden" name="{version_name(row.unit_id, prefix)}" value="{state}">')
        p = cell.publication
        changed = changed_line(p.updated_by, p.updated_at, zone=zone) if p else ""
        label = f"{unit_label} {month.month}月发布数"
        cells.append(cell_html(cell, col, PUBLICATIONS, label, changed, prefix=prefix, recent=True))
        problems.extend(f"{month.month}月：{m}" for m in cell.row_errors)
        if cell.errors:
            problems.append("")
    row_errors = "".join(f'<div class="row-error" role="alert">{escape(m)}</div>' for m in problems if m)
    shown = [cell.shown.get(PUBLICATIONS, "") for cell in row.months if cell is not None]
    score = quarter_score(shown, grid.rules)
    problem = ' class="problem"' if problems else ""
    return (
        f'<tr{problem} id="unit-{row.unit_id}" data-names="{name_keys_attribute(row.name, row.aliases)}">'
        f'<td class="num">{number}</td>'
        f'<th class="unit" scope="row">{unit_label}{"".join(states)}{row_errors}</th>'
        f"{''.join(cells)}"
        f'<td class="num score" data-score aria-label="{unit_label} 累计得分">{score}</td></tr>'
    )


def render_quarter_rows(grid: QuarterGrid) -> SafeString:
    out: list[str] = []
    category = None
    zone = timezone.get_current_timezone()
    for number, row in enumerate(grid.rows, start=1):
        if row.category != category:
            category = row.category
            out.append(
                f'<tr class="section"><th colspan="6">{escape(SECTION_TITLES.get(category, category))}</th></tr>'
            )
        out.append(_row(number, row, grid, zone))
    if not grid.rows:
        out.append('<tr><td colspan="6">本季度没有考核单位。</td></tr>')
    return mark_safe("\n".join(out))  # every value above is escaped
