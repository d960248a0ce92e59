"""Putting a posted grid back on the page after a save that refused some rows: what the user
typed stays in the cells, with the reasons, so no figure typed is lost."""

from __future__ import annotations

from django.conf import settings

from ..services.grid import CONFLICT, INVALID, SAVED, GridRowResult
from .forms import ParsedRow
from .selectors import FIELD_LABELS, GRID_FIELDS, MonthGrid


def page_of(request) -> dict:
    """The page of the grid asked for; a district up to GRID_PAGE_SIZE units has just one."""
    text = request.GET.get("page", "1")
    return {"page": int(text) if text.isdigit() else 1, "per_page": settings.GRID_PAGE_SIZE}


def refused_summary(saved: int, invalid: int, conflicts: int, *, what: str = "行") -> str:
    """The sentence above a grid some of whose rows (or cells, on the quarter page) were refused."""
    parts = [f"已保存{saved}{what}"] if saved else [f"没有保存任何{what}"]
    if invalid:
        parts.append(f"{invalid}{what}有错误")
    if conflicts:
        parts.append(f"{conflicts}{what}与他人的修改冲突")
    return "，".join(parts) + f"。有问题的{what.removeprefix('个')}未保存，已保留您填写的内容，请核对后重新保存。"


def overlay_posted(
    grid_data: MonthGrid, parsed: list[ParsedRow], results: list[GridRowResult], *, units
) -> tuple[str | None, list[str]]:
    """Overlay refused rows on ``grid_data``; returns ``(summary, lines)`` or ``(None, [])`` when
    every row was saved or unchanged. ``lines`` describe refused rows whose unit left the grid."""
    invalid, conflicts = overlay_refused(grid_data, parsed, results)
    if not invalid and not conflicts:
        return None, []
    saved = sum(1 for r in results if r.status == SAVED)
    summary = refused_summary(saved, len(invalid), len(conflicts))
    by_unit = {r.unit_id: r for r in results}
    return summary, _rows_not_on_page([*invalid, *conflicts], grid_data.by_unit(), by_unit, units)


def overlay_refused(
    grid_data: MonthGrid, parsed: list[ParsedRow], results: list[GridRowResult]
) -> tuple[list[ParsedRow], list[ParsedRow]]:
    """Show the refused rows on ``grid_data`` as typed, with their reasons; returns the invalid
    and the conflicting rows."""
    by_unit = {r.unit_id: r for r in results}
    invalid = [p for p in parsed if p.errors or by_unit[p.unit_id].status == INVALID]
    conflicts = [p for p in parsed if not p.errors and by_unit[p.unit_id].status == CONFLICT]
    rows = grid_data.by_unit()
    for p in invalid:
        if (row := rows.get(p.unit_id)) is None:
            continue
        row.shown.update(p.typed)
        row.typed_fields = set(p.typed)
        if p.state is not None:
            # Keep the version the row was loaded with: a later save must still see others' changes.
            row.loaded_publication, row.loaded_tally, row.loaded_values = p.state
        errors = p.errors or by_unit[p.unit_id].errors
        row.errors = {name: msgs for name, msgs in errors.items() if name in GRID_FIELDS}
        row.row_errors = [m for name, msgs in errors.items() if name not in GRID_FIELDS for m in msgs]
    for p in conflicts:
        if (row := rows.get(p.unit_id)) is None:
            continue
        # The row now carries the stored version: saving again overwrites it knowingly.
        row.shown.update(p.typed)
        row.typed_fields = set(p.typed)
        row.row_errors = [by_unit[p.unit_id].message]
    return invalid, conflicts


def overlay_unsaved(grid_data: MonthGrid, parsed: list[ParsedRow]) -> None:
    """Show what was posted, unsaved (to be confirmed), as typed and with the version it was loaded
    with: saving it next time still sees other people's changes."""
    rows = grid_data.by_unit()
    for p in parsed:
        if (row := rows.get(p.unit_id)) is None or not p.typed:
            continue
        row.shown.update(p.typed)
        row.typed_fields = set(p.typed)
        row.errors = {name: msgs for name, msgs in p.errors.items() if name in GRID_FIELDS}
        row.row_errors = [m for name, msgs in p.errors.items() if name not in GRID_FIELDS for m in msgs]
        if p.state is not None:
            row.loaded_publication, row.loaded_tally, row.loaded_values = p.state


def _rows_not_on_page(parsed, rows, by_unit, units) -> list[str]:
    """Problems of submitted rows whose unit is no longer in this month's grid, with what was typed."""
    missing = [p for p in parsed if p.unit_id not in rows]
    if not missing:
        return []
    names = dict(units.filter(pk__in=[p.unit_id for p in missing]).values_list("pk", "name"))
    lines = []
    for p in missing:
        result = by_unit.get(p.unit_id)
        reasons = [m for msgs in (p.errors or (result.errors if result else {})).values() for m in msgs]
        if result is not None and result.message:
            reasons.append(result.message)
        typed = "、".join(f"{FIELD_LABELS[n]}{v}" for n, v in p.typed.items() if v.strip())
        lines.append(f"{names.get(p.unit_id, f'单位{p.unit_id}')}：{'；'.join(reasons)}（填写的内容：{typed or '无'}）")
    return lines
