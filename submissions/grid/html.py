"""The rows of the month grid as HTML.

A district of 2,000 units gives 10,000 inputs; rendering them with the template language costs
seconds, plain string building a fraction of that. Every value is escaped here.
"""

from __future__ import annotations

from html import escape

from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from core.formatting import changed_line, format_points
from core.hooks import MonthRules, ProposedFigures
from units.names import name_keys

from .forms import GRID_COLUMNS, cell_name, encode_row_state, version_name
from .selectors import FIELD_LABELS, GRID_FIELDS, GridRow

SECTION_TITLES = {"部门": "区政府各部门", "镇街": "各镇、街道"}
COLUMNS = 9
EXEMPT_TAG = '<span class="tag" title="不考核投稿，投稿数可照常填写">投稿免考核</span>'


def cell_html(
    row: GridRow,
    col: int,
    name: str,
    label: str,
    changed: str,
    *,
    prefix: str = "",
    recent: bool = False,
    extra: str = "",
) -> str:
    """One figure's input; ``label`` names it for screen readers (区人社局 发布数), ``prefix`` the
    month on the quarter page, ``recent`` puts the unit's recent counts on the cell itself, ``extra`` is shown beside the input."""
    errors = row.errors.get(name, ())
    attrs = [
        f'name="{cell_name(row.unit_id, name, prefix)}"',
        f'value="{escape(row.shown.get(name, ""))}"',
        'inputmode="numeric" pattern="[0-9]*" autocomplete="off" enterkeyhint="next"',
        f'data-col="{col}" data-kind="{GRID_COLUMNS[name]}"',
        f'aria-label="{label}"',
    ]
    if recent:
        attrs.append(f'data-recent="{",".join(map(str, row.recent))}"')
    if changed:
        attrs.append(f'title="{escape(changed)} 修改"')
    if errors:
        attrs.append('aria-invalid="true"')
    messages = "".join(f'<span class="cell-error">{escape(e)}</span>' for e in errors)
    css = "cell invalid" if errors else "cell"
    return f'<td class="{css}"><input {" ".join(attrs)}>{extra}{messages}</td>'


def name_keys_attribute(name: str, aliases: list[str]) -> str:
    """Every spelling a pasted unit name may take (name and aliases, with or without 区), for
    ``data-names``: a block with a column of unit names lands by name."""
    keys: set[str] = set()
    for text in (name, *aliases):
        keys |= name_keys(text)
    return escape("|".join(sorted(keys)))


def _register_cell(row: GridRow, register_url: str) -> str:
    r = row.register
    text = (
        f"逐篇登记：投稿{r.received}件，不合格{r.non_compliant}件，"
        f"市级采用{r.city_adopted}件，省级采用{r.province_adopted}件"
    )
    warning = ""
    if row.tally is not None:
        warning = (
            f'<div class="error">同时存在月度合计（投稿{row.tally.submitted}件），会重复计数，'
            "请清空月度合计或核对稿件登记。</div>"
        )
    return f'<td colspan="4" class="register">{text} <a href="{escape(register_url)}">查看稿件 ›</a>{warning}</td>'


def _who_cell(row: GridRow, adopted_url: str, pub_changed: str, tally_changed: str) -> str:
    parts = []
    if pub_changed:
        parts.append(f"<div>发布数：{escape(pub_changed)}</div>")
    if tally_changed:
        parts.append(f"<div>投稿：{escape(tally_changed)}</div>")
    r = row.register
    if not row.uses_register and (r.city_adopted or r.province_adopted):
        parts.append(
            f'<div class="hint">另有逐篇登记的稿件本月被采用：市级{r.city_adopted}篇、省级{r.province_adopted}篇，'
            f'已自动计入，勿重复填写。<a href="{escape(adopted_url)}">查看 ›</a></div>'
        )
    return f'<td class="who">{"".join(parts)}</td>'


PROPOSALS_FORM = "proposals-form"


def _proposal(row: GridRow, proposals: ProposedFigures | None) -> str:
    """A proposed count beside the entered one (marked when they differ), with its take-over button
    (it submits the separate proposals form, not the grid's)."""
    figure = proposals.by_unit.get(row.unit_id) if proposals else None
    if figure is None:
        return ""
    entered = row.stored.publications
    differs = entered != figure.count
    title = f"{proposals.source}：{figure.note}" if figure.note else proposals.source
    mark = "（未录入）" if entered is None else ("≠" if differs else "")
    button = (
        f'<button type="submit" form="{PROPOSALS_FORM}" name="unit" value="{row.unit_id}" class="link take" '
        f'aria-label="{escape(row.name)} 采用{escape(proposals.source)}数{figure.count}">采用</button>'
    )
    return (
        f'<span class="proposal{" differs" if differs else ""}" title="{escape(title)}" data-proposal="{figure.count}">'
        f"{escape(proposals.source)}{figure.count}{mark}</span>{button}"
    )


def month_score(text: str, rules: MonthRules | None) -> str:
    """The month's publication score of a typed count (10.5 style), or "" when it cannot be read."""
    text = text.strip()
    if rules is None or not text.isdigit():
        return ""
    return format_points(min(int(text), rules.monthly_item_cap) * rules.points_per_item)


def render_grid_rows(
    rows: list[GridRow],
    *,
    register_base: str,
    month_param: str,
    rules: MonthRules | None = None,
    proposals: ProposedFigures | None = None,
) -> SafeString:
    out: list[str] = []
    category = None
    zone = timezone.get_current_timezone()
    for number, row in enumerate(rows, start=1):
        p, t = row.publication, row.tally
        pub_changed = changed_line(p.updated_by, p.updated_at, zone=zone) if p else ""
        tally_changed = changed_line(t.updated_by, t.updated_at, zone=zone) if t else ""
        if row.category != category:
            category = row.category
            title = SECTION_TITLES.get(category, category)
            out.append(f'<tr class="section"><th colspan="{COLUMNS}">{escape(title)}</th></tr>')
        unit_label = escape(row.name)
        state = encode_row_state(row.loaded_publication, row.loaded_tally, row.loaded_values)
        row_errors = "".join(f'<div class="row-error" role="alert">{escape(m)}</div>' for m in row.row_errors)
        problem = ' class="problem"' if (row.errors or row.row_errors) else ""
        register_url = f"{register_base}?unit={row.unit_id}&month={month_param}"
        adopted_url = f"{register_base}?unit={row.unit_id}&adopted=any"
        score = month_score(row.shown.get(GRID_FIELDS[0], ""), rules)
        cells = [
            cell_html(
                row,
                0,
                GRID_FIELDS[0],
                f"{unit_label} {FIELD_LABELS[GRID_FIELDS[0]]}",
                pub_changed,
                extra=_proposal(row, proposals),
            ),
            f'<td class="num score" data-score aria-label="{unit_label} 本月得分">{score}</td>',
        ]
        if row.totals_read_only:
            cells.append(_register_cell(row, register_url))
        else:
            cells.extend(
                cell_html(row, col, name, f"{unit_label} {FIELD_LABELS[name]}", tally_changed)
                for col, name in enumerate(GRID_FIELDS[1:], start=1)
            )
        out.append(
            f'<tr{problem} id="unit-{row.unit_id}" data-recent="{",".join(map(str, row.recent))}" '
            f'data-names="{name_keys_attribute(row.name, row.aliases)}">'
            f'<td class="num">{number}</td>'
            f'<th class="unit" scope="row">{unit_label}{EXEMPT_TAG if row.submission_exempt else ""}'
            f'<input type="hidden" name="{version_name(row.unit_id)}" value="{state}">{row_errors}</th>'
            f"{''.join(cells)}{_who_cell(row, adopted_url, pub_changed, tally_changed)}</tr>"
        )
    if not rows:
        out.append(f'<tr><td colspan="{COLUMNS}">本月没有考核单位。</td></tr>')
    return mark_safe("\n".join(out))  # every value above is escaped
