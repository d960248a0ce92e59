"""The change history as an Excel workbook."""

from __future__ import annotations

import datetime

from django.utils import timezone

from core.history import HistoryFilter, entries_for, history_index
from core.jobs import Result
from core.tabular import Cell
from core.xlsx import SheetSpec, build_workbook

MAX_EXPORT_ROWS = 20_000


def history_xlsx(flt: HistoryFilter, *, zone) -> bytes:
    """Every matching entry, newest first (at most :data:`MAX_EXPORT_ROWS`)."""
    index = history_index(flt, zone=zone)
    keys = list(index[:MAX_EXPORT_ROWS]) if index is not None else []
    rows = []
    for entry in entries_for(keys):
        changes = "；".join(f"{name}：{old} → {new}" for name, old, new in entry.changes)
        local = entry.when.astimezone(zone)
        when = f"{local.year}年{local.month}月{local.day}日 {local:%H:%M}"
        rows.append([when, entry.user, entry.kind, entry.label, entry.action, changes, entry.reason])
    header = [[Cell(t) for t in ("时间", "操作人", "类别", "对象", "操作", "修改内容（修改前 → 修改后）", "说明")]]
    sheet = SheetSpec(
        "修改记录", "修改记录", header, rows, [18, 14, 14, 36, 8, 60, 24], landscape=True, text_columns={3, 5, 6}
    )
    return build_workbook([sheet])


def filter_params(flt: HistoryFilter) -> dict:
    """The filter as JSON-ready job parameters."""
    return {
        "model": flt.model,
        "unit_id": flt.unit_id,
        "user_id": flt.user_id,
        "since": flt.since.isoformat() if flt.since else None,
        "until": flt.until.isoformat() if flt.until else None,
    }


def history_job(params: dict, progress) -> Result:
    flt = HistoryFilter(
        model=params.get("model"),
        unit_id=params.get("unit_id"),
        user_id=params.get("user_id"),
        since=datetime.date.fromisoformat(params["since"]) if params.get("since") else None,
        until=datetime.date.fromisoformat(params["until"]) if params.get("until") else None,
    )
    progress(20, "正在整理修改记录")
    return Result("修改记录.xlsx", history_xlsx(flt, zone=timezone.get_current_timezone()))
