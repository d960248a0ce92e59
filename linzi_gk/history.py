"""The change history (who, when, before → after) of every figure, article, finding, deduction,
status and rule, read from django-simple-history in two queries per model."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.apps import apps
from django.utils import timezone

from .numbers import format_cn_date, format_points, quarter_label

TRACKED = [
    "submissions.MonthlyPublication",
    "submissions.MonthlyArticleTally",
    "submissions.Article",
    "inspections.Deduction",
    "inspections.Finding",
    "scoring.RuleSet",
    "units.Unit",
]
ACTIONS = {"+": "新增", "~": "修改", "-": "删除"}
SKIP_FIELDS = {"updated_at", "created_at", "updated_by", "created_by", "id", "position"}


@dataclass
class HistoryEntry:
    when: datetime.datetime
    user: str
    kind: str
    label: str
    action: str
    changes: list[tuple[str, str, str]]
    reason: str


def tracked_models():
    return [apps.get_model(label) for label in TRACKED]


def display_value(field, value, *, empty: str = "—") -> str:
    """A stored value as the office writes it: choice labels, 是/否, 0.5, 2025年1月10日."""
    if value is None or value == "":
        return empty
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, Decimal):
        return format_points(value)
    if isinstance(value, datetime.datetime):
        return f"{format_cn_date(timezone.localtime(value))} {timezone.localtime(value):%H:%M}"
    if isinstance(value, datetime.date):
        return format_cn_date(value)
    return str(value)


def recent_changes(*, model_label: str | None = None, limit: int = 100) -> list[HistoryEntry]:
    entries: list[HistoryEntry] = []
    unit_names = dict(apps.get_model("units.Unit").objects.values_list("pk", "name"))
    for model in tracked_models():
        if model_label and model._meta.label != model_label:
            continue
        history = model.history.model
        fields = [f for f in model._meta.concrete_fields if f.name not in SKIP_FIELDS and not f.is_relation]
        relations = [f for f in model._meta.concrete_fields if f.is_relation and f.name not in SKIP_FIELDS]
        records = list(history.objects.select_related("history_user").order_by("-history_date", "-history_id")[:limit])
        if not records:
            continue
        ids = {r.id for r in records}
        oldest = min(r.history_date for r in records)
        earlier: dict[int, list] = {}
        for previous in (
            history.objects.filter(id__in=ids, history_date__lte=oldest)
            .exclude(history_id__in=[r.history_id for r in records])
            .order_by("history_date", "history_id")
        ):
            earlier.setdefault(previous.id, []).append(previous)
        by_object: dict[int, list] = {}
        for record in sorted(records, key=lambda r: (r.history_date, r.history_id)):
            by_object.setdefault(record.id, []).append(record)
        for object_id, chain in by_object.items():
            before = earlier.get(object_id, [])[-1:] + chain
            for prev, record in zip([None, *before[:-1]], before, strict=True):
                if record not in chain:
                    continue
                changes = []
                for field in fields:
                    old = getattr(prev, field.attname) if prev else None
                    new = getattr(record, field.attname)
                    if prev is None and record.history_type == "+" and new in (None, ""):
                        continue
                    if record.history_type == "-" or old != new:
                        changes.append((str(field.verbose_name), display_value(field, old), display_value(field, new)))
                for field in relations:
                    old = getattr(prev, field.attname) if prev else None
                    new = getattr(record, field.attname)
                    if prev is not None and old != new:
                        changes.append((str(field.verbose_name), str(old), str(new)))
                user = record.history_user
                entries.append(
                    HistoryEntry(
                        when=record.history_date,
                        user=(user.display_name or user.username) if user else "系统",
                        kind=str(model._meta.verbose_name),
                        label=_label(model, record, unit_names),
                        action=ACTIONS.get(record.history_type, record.history_type),
                        changes=changes if record.history_type != "-" else [],
                        reason=record.history_change_reason or "",
                    )
                )
    entries.sort(key=lambda e: e.when, reverse=True)
    return entries[:limit]


def _label(model, record, unit_names: dict[int, str]) -> str:
    def unit(r) -> str:
        return unit_names.get(r.unit_id, "已删除的单位")

    names = {
        "MonthlyPublication": lambda r: f"{unit(r)} {r.year}年{r.month}月网站发布数",
        "MonthlyArticleTally": lambda r: f"{unit(r)} {r.year}年{r.month}月投稿合计",
        "Article": lambda r: f"{unit(r)} 稿件《{r.title}》",
        "Deduction": lambda r: f"{unit(r)} {quarter_label(r.year, r.quarter)}减分：{r.reason}",
        "Finding": lambda r: f"{unit(r)} 检查问题：{r.description[:30]}",
        "RuleSet": lambda r: r.name,
        "Unit": lambda r: r.name,
    }
    return names.get(model.__name__, str)(record)
