"""Small plans built directly (the import has its own tests), for pages and services."""

from __future__ import annotations

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile

from units.models import Unit
from workplans.models import Role, Task, TaskParty, TaskUnit, WorkPlan
from workplans.timelimits import parse_time_limit


def make_plan(year: int = 2022, **kwargs) -> WorkPlan:
    values = {"title": WorkPlan.default_title(year), "ledger_deadline": WorkPlan.default_ledger_deadline(year)}
    return WorkPlan.objects.create(year=year, **{**values, **kwargs})


def make_task(
    plan: WorkPlan,
    number: int,
    units: list[Unit] | tuple = (),
    *,
    time_limit: str = "长期坚持",
    role: str = Role.RESPONSIBLE,
    requirement: str | None = None,
    party: str = "",
    source: int = Task.Source.PLAN,
) -> Task:
    limit = parse_time_limit(time_limit, plan.year)
    task = Task.objects.create(
        plan=plan,
        source=source,
        number=number,
        area="紧扣夯实基础深化公开",
        subarea="规范开展政府信息公开",
        requirement=requirement or f"第{number}项工作要求",
        responsible_text="、".join(u.name for u in units) or party,
        time_limit_text=time_limit,
        time_limit_kind=limit.kind,
        due_date=limit.due,
        recurrence=limit.recurrence,
        recurrence_offset=limit.offset,
    )
    for unit in units:
        TaskUnit.objects.create(task=task, unit=unit, role=role, via=unit.name)
    if party:
        TaskParty.objects.create(task=task, name=party, role=Role.COOPERATING)
    return task


def pdf(name: str = "佐证材料.pdf", content: bytes = b"%PDF-1.4 evidence") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def day(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)
