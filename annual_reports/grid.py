"""The entry grid: the three tables of the national format as HTML, an input where the printed
table has a value, the 总计 cells as outputs the page computes. Keyboard as in the month grid
(``static/js/grid.js``: Tab right, Enter down the same column); the checks run while typing
(``static/js/annual_report.js``). Every value is escaped here."""

from __future__ import annotations

from html import escape

from django.utils.safestring import SafeString, mark_safe

from core.tabular import Cell

from .layout import Table, cells
from .tables import Slot, table_layout

INPUT_PREFIX = "cell:"


def _attrs(cell: Cell) -> str:
    attrs = ""
    if cell.colspan > 1:
        attrs += f' colspan="{cell.colspan}"'
    if cell.rowspan > 1:
        attrs += f' rowspan="{cell.rowspan}"'
    if cell.align == "left":
        attrs += ' class="label"'
    return attrs


def _slot(slot: Slot, column: int, shown: dict[str, str], invalid: set[str], editable: bool, links: dict) -> str:
    spec = cells()[slot.key]
    text = escape(shown.get(slot.key, ""))
    span = f' colspan="{slot.colspan}"' if slot.colspan > 1 else ""
    link = links.get(slot.key)
    if link:
        text = f'<a href="{escape(link)}">{text}</a>'
    if spec.computed:
        return f'<td class="total"{span}><output data-cell="{slot.key}" aria-label="{escape(spec.name)}">{text}</output></td>'
    if not editable:
        return f'<td class="num"{span} data-cell="{slot.key}">{text}</td>'
    mode = "decimal" if spec.column.amount else "numeric"
    bad = ' aria-invalid="true"' if slot.key in invalid else ""
    css = "cell invalid" if slot.key in invalid else "cell"
    return (
        f'<td class="{css}"{span}><input name="{INPUT_PREFIX}{slot.key}" value="{text}" data-cell="{slot.key}" '
        f'data-col="{column}" inputmode="{mode}" autocomplete="off" aria-label="{escape(spec.name)}"{bad}></td>'
    )


def grid_html(
    table: Table, *, shown: dict[str, str], invalid: set[str], editable: bool, links: dict[str, str] | None = None
) -> SafeString:
    """``table`` as an HTML table; ``shown`` is the text of each cell (typed or computed); a cell
    with a link in ``links`` shows its number as a link (the applications behind a figure)."""
    header, body = table_layout(table)
    out = [f'<table class="data-table annual-grid" data-grid data-table="{table.key}">']
    if header:
        out.append("<thead>")
        out.extend("<tr>" + "".join(f"<th{_attrs(c)}>{escape(c.text)}</th>" for c in row) + "</tr>" for row in header)
        out.append("</thead>")
    out.append("<tbody>")
    for row in body:
        parts, column = [], 0
        for item in row:
            if isinstance(item, Slot):
                parts.append(_slot(item, column, shown, invalid, editable, links or {}))
                column += 1
            else:
                parts.append(f'<th scope="row"{_attrs(item)}>{escape(item.text)}</th>')
        out.append("<tr>" + "".join(parts) + "</tr>")
    out.append("</tbody></table>")
    return mark_safe("".join(out))  # every value above is escaped
