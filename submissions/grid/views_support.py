"""Putting a posted grid back on the page after a save that refused some rows: what the user
typed stays in the cells, with the reasons, so no figure typed is lost."""

from __future__ import annotations

from ..services.grid import CONFLICT, INVALID, SAVED, GridRowResult
from .forms import ParsedRow
from .selectors import FIELD_LABELS, GRID_FIELDS, MonthGrid


def overlay_posted(
    grid_data: MonthGrid, parsed: list[ParsedRow], results: list[GridRowResult], *, units
) -> tuple[str | None, list[str]]:
    """Overlay refused rows on ``grid_data``; returns ``(summary, lines)`` or ``(None, [])`` when
    every row was saved or unchanged. ``lines`` describe refused rows whose unit left the grid."""
    by_unit = {r.unit_id: r for r in results}
    invalid = [p for p in parsed if p.errors or by_unit[p.unit_id].status == INVALID]
    conflicts = [p for p in parsed if not p.errors and by_unit[p.unit_id].status == CONFLICT]
    if not invalid and not conflicts:
        return None, []
    rows = grid_data.by_unit()
    _overlay_invalid(rows, invalid, by_unit)
    _overlay_conflicts(rows, conflicts, by_unit)
    saved = sum(1 for r in results if r.status == SAVED)
    parts = [f"已保存{saved}行"] if saved else ["没有保存任何行"]
    if invalid:
        parts.append(f"{len(invalid)}行有错误")
    if conflicts:
        parts.append(f"{len(conflicts)}行与他人的修改冲突")
    summary = "，".join(parts) + "。有问题的行未保存，已保留您填写的内容，请核对后重新保存。"
    return summary, _rows_not_on_page([*invalid, *conflicts], rows, by_unit, units)


def _overlay_invalid(rows: dict, invalid: list[ParsedRow], by_unit: dict[int, GridRowResult]) -> None:
    """Rows refused for their figures: shown as typed, with their errors."""
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


def _overlay_conflicts(rows: dict, conflicts: list[ParsedRow], by_unit: dict[int, GridRowResult]) -> None:
    """Rows somebody else saved meanwhile: shown as typed, carrying the stored version, so that
    saving again overwrites it knowingly."""
    for p in conflicts:
        if (row := rows.get(p.unit_id)) is None:
            continue
        row.shown.update(p.typed)
        row.typed_fields = set(p.typed)
        row.row_errors = [by_unit[p.unit_id].message]


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
