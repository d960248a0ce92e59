"""Importing a year's work plan from the office's own table; all or nothing.

The file is read and checked outside any transaction; the changes are planned against what is
stored (tasks matched by their 序号) and written in one short transaction. Re-importing replaces the
tasks of the same table (附件1 or 附件2) and reports what changed; an identical file changes nothing.
Tasks carried over by 回头看 and units staff assigned to a described party are kept.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from typing import IO

from core.formatting import format_cn_date
from core.imports import Change, ImportRejected, ImportResult, file_error, parse_or_plan, read_sheet
from core.imports.writing import write_or_reject
from core.permissions import require_office
from core.versioning import Kind
from units.models import Unit, User
from units.selectors import UnitResolver, assessed_units_in

from ..importers import ParseContext, ParsedTask, parse_work_plan
from ..models import LedgerRow, ProgressReport, Task, TaskParty, TaskUnit, WorkPlan, task_label
from ..responsibility import ALL
from ..timelimits import TimeLimitKind

FIELD_LABELS = {
    "area": "工作任务",
    "subarea": "工作任务（二级）",
    "requirement": "工作要求",
    "responsible_text": "责任单位",
    "time_limit_text": "时限要求",
}
DERIVED_FIELDS = ("time_limit_kind", "due_date", "recurrence", "recurrence_offset")


def group_units(year: int) -> dict[str, list[Unit]]:
    """What 各镇、街道 / 区政府各部门单位 / 各级各部门 stand for in ``year``: the units assessed that year."""
    units = list(
        assessed_units_in(datetime.date(year, 1, 1), datetime.date(year, 12, 1)).order_by(
            "category", "sort_order", "name"
        )
    )
    groups: dict[str, list[Unit]] = defaultdict(list)
    for unit in units:
        groups[unit.category].append(unit)
        groups[ALL].append(unit)
    return dict(groups)


def _short(text: str, length: int = 30) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1] + "…"


def _assignment_key(parsed: ParsedTask) -> tuple[frozenset, frozenset]:
    return (
        frozenset((r.unit.pk, r.role, r.via) for r in parsed.units),
        frozenset((p.party, p.role) for p in parsed.parties),
    )


def _assignment_text(units: int, parties: list[str]) -> str:
    text = f"{units}个单位"
    return text + (f"，待指定：{'、'.join(parties)}" if parties else "")


@dataclass
class Plan:
    result: ImportResult
    plan: WorkPlan | None
    create: list[ParsedTask] = field(default_factory=list)
    update: list[tuple[Task, ParsedTask, list[str], bool]] = field(default_factory=list)
    delete: list[Task] = field(default_factory=list)


def _existing_assignments(tasks: list[Task]):
    units: dict[int, set] = defaultdict(set)
    names: dict[int, str] = {}
    for task_id, unit_id, role, via, name in TaskUnit.objects.filter(task__in=tasks, party__isnull=True).values_list(
        "task_id", "unit_id", "role", "via", "unit__name"
    ):
        units[task_id].add((unit_id, role, via))
        names[unit_id] = name
    parties: dict[int, set] = defaultdict(set)
    for task_id, name, role in TaskParty.objects.filter(task__in=tasks).values_list("task_id", "name", "role"):
        parties[task_id].add((name, role))
    return units, parties, names


def _assignment_change(task: Task, parsed: ParsedTask, old_units: set, old_parties: set, names: dict) -> Change:
    new_units, new_parties = _assignment_key(parsed)
    added = sorted({r.unit.name for r in parsed.units if r.unit.pk not in {u for u, _, _ in old_units}})
    removed = sorted({names[u] for u, _, _ in old_units} - {r.unit.name for r in parsed.units})
    new = _assignment_text(len(new_units), [p.party for p in parsed.parties])
    if added or removed:
        new += (
            "（"
            + "；".join(filter(None, [added and "增加" + "、".join(added), removed and "去掉" + "、".join(removed)]))
            + "）"
        )
    old = _assignment_text(len(old_units), sorted(name for name, _ in old_parties))
    return Change(
        parsed.row, _short(parsed.responsible_text, 20), f"第{task.label}项 责任单位（识别结果）", old, new, "修改"
    )


def plan_import(year: int, rows: list[ParsedTask], *, partial: bool = False) -> Plan:
    """The changes ``rows`` make to the plan of ``year``; ``partial`` (some rows were bad): no deletions."""
    plan = WorkPlan.objects.filter(year=year).first()
    result = ImportResult()
    planned = Plan(result, plan)
    sources = {r.source for r in rows} or {Task.Source.PLAN}
    existing = {(t.source, t.number): t for t in plan.tasks.filter(source__in=sources)} if plan else {}
    old_units, old_parties, names = _existing_assignments(list(existing.values()))
    if plan is None:
        deadline = WorkPlan.default_ledger_deadline(year)
        result.notices.append(f"将新建{WorkPlan.default_title(year)}，台账报送截止日期为{format_cn_date(deadline)}。")
    for parsed in rows:
        task = existing.pop((parsed.source, parsed.number), None)
        label = task_label(parsed.source, parsed.number)
        who = _short(parsed.responsible_text, 20)
        if task is None:
            planned.create.append(parsed)
            result.changes.append(Change(parsed.row, who, f"第{label}项任务", "", _short(parsed.requirement), "新增"))
            continue
        fields = parsed.fields
        changed = [name for name, value in fields.items() if getattr(task, name) != value]
        assignments_changed = _assignment_key(parsed) != (
            frozenset(old_units[task.pk]),
            frozenset(old_parties[task.pk]),
        )
        planned.update.append((task, parsed, changed, assignments_changed))
        for name in (n for n in changed if n in FIELD_LABELS):
            old, new = _short(getattr(task, name), 40), _short(fields[name], 40)
            result.changes.append(Change(parsed.row, who, f"第{label}项 {FIELD_LABELS[name]}", old, new, "修改"))
        if assignments_changed:
            result.changes.append(_assignment_change(task, parsed, old_units[task.pk], old_parties[task.pk], names))
        if not changed and not assignments_changed:
            result.changes.append(Change(parsed.row, who, f"第{label}项任务", "", "", "不变"))
    if not partial:
        planned.delete = sorted(existing.values(), key=lambda t: t.number)
        _refuse_deleting_used_tasks(planned.delete)
        for task in planned.delete:
            result.changes.append(Change(0, "", f"第{task.label}项任务", _short(task.requirement), "", "删除"))
    _notices(result, rows)
    return planned


def _refuse_deleting_used_tasks(tasks: list[Task]) -> None:
    used = set(LedgerRow.objects.filter(task__in=tasks).values_list("task_id", flat=True)) | set(
        ProgressReport.objects.filter(task__in=tasks).values_list("task_id", flat=True)
    )
    errors = [
        file_error(f"第{t.label}项任务不在文件中，但已有单位填报了台账举措或进度，不能删除；请在文件中保留该任务。")
        for t in tasks
        if t.pk in used
    ]
    if errors:
        raise ImportRejected(errors)


def _notices(result: ImportResult, rows: list[ParsedTask]) -> None:
    parties = [r for r in rows if r.parties]
    if parties:
        names = "、".join(dict.fromkeys(p.party for r in parties for p in r.parties))
        labels = "、".join(task_label(r.source, r.number) for r in parties)
        result.notices.append(f"第{labels}项任务含待指定的责任方（{names}），导入后请在任务页面指定具体单位。")
    for row in rows:
        if row.limit.kind == TimeLimitKind.OTHER:
            result.notices.append(
                f"第{task_label(row.source, row.number)}项任务的时限要求“{_short(row.time_limit_text)}”"
                "不是日期、周期、工作日规则或长期任务，按原文保存、不计逾期。"
            )


def _set_assignments(task: Task, parsed: ParsedTask, *, replace: bool) -> None:
    """The units and parties of ``task`` from its 责任单位; units staff assigned to a kept party stay."""
    if replace:
        TaskUnit.objects.filter(task=task, party__isnull=True).delete()
        keep = {(p.party, p.role) for p in parsed.parties}
        stale = [p.pk for p in task.parties.all() if (p.name, p.role) not in keep]
        TaskParty.objects.filter(pk__in=stale).delete()
        TaskUnit.objects.filter(task=task, unit__in=[r.unit.pk for r in parsed.units]).delete()
    present = set(task.parties.values_list("name", "role")) if replace else set()
    TaskParty.objects.bulk_create(
        TaskParty(task=task, name=p.party, role=p.role, position=i)
        for i, p in enumerate(parsed.parties)
        if (p.party, p.role) not in present
    )
    TaskUnit.objects.bulk_create(TaskUnit(task=task, unit=r.unit, role=r.role, via=r.via) for r in parsed.units)


def _write(planned: Plan, *, year: int, acting_user: User | None, reason: str) -> None:
    plan = planned.plan
    if plan is None:
        plan = WorkPlan(
            year=year, title=WorkPlan.default_title(year), ledger_deadline=WorkPlan.default_ledger_deadline(year)
        )
        plan.stamp(acting_user=acting_user, reason=reason)
        plan.full_clean()
        plan.save()
    for parsed in planned.create:
        task = Task(plan=plan, source=parsed.source, number=parsed.number, **parsed.fields)
        task.stamp(acting_user=acting_user, reason=reason)
        task.full_clean(validate_constraints=False)
        task.save()
        _set_assignments(task, parsed, replace=False)
    for task, parsed, changed, assignments_changed in planned.update:
        if changed:
            for name in changed:
                setattr(task, name, parsed.fields[name])
            task.stamp(acting_user=acting_user, reason=reason)
            task.full_clean(validate_constraints=False)
            task.save()
        if assignments_changed:
            _set_assignments(task, parsed, replace=True)
    for task in planned.delete:
        task.stamp(acting_user=acting_user, reason=reason)
        task.delete()


def work_plan_import(
    *, source: str | IO[bytes], year: int, dry_run: bool = False, acting_user: User | None = None, filename: str = ""
) -> ImportResult:
    """Import 附件1 (or 附件2) of the work plan of ``year``; all or nothing."""
    require_office(acting_user, "导入工作方案")
    sheet = read_sheet(source, merged=True)
    context = ParseContext(year=year, resolver=UnitResolver.from_db(), groups=group_units(year))
    rows = parse_or_plan(
        lambda: parse_work_plan(sheet, context), lambda valid: plan_import(year, valid, partial=True).result
    )
    if dry_run:
        result = plan_import(year, rows).result
    else:

        def write() -> ImportResult:
            planned = plan_import(year, rows)
            _write(planned, year=year, acting_user=acting_user, reason=f"导入 {filename}".strip())
            return planned.result

        result = write_or_reject(write, kinds=(Kind.WORKPLANS,))
    result.dry_run = dry_run
    result.sheet = sheet.name
    result.notices[:0] = sheet.notices
    return result
