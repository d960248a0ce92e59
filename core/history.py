"""The change history of every tracked record (who, when, before → after), in one feed.

Each app registers its tracked models with :func:`track` in its ``AppConfig.ready()``, saying how
a record is named and which column links it to a unit. The feed reads django-simple-history's
tables: one ``UNION`` query pages through all of them in time order, then per model one query
loads the page's rows and one the versions before them; the changes come from simple-history's
``diff_against``, related records are shown by name (one query per related model).
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from itertools import pairwise

from django.core.paginator import Paginator
from django.db.models import CharField, Model, QuerySet, Value

from .formatting import display_value

ACTIONS = {"+": "新增", "~": "修改", "-": "删除"}
SKIP_FIELDS = frozenset({"updated_at", "created_at", "updated_by", "created_by", "id", "position"})


@dataclass(frozen=True)
class Tracked:
    model: type[Model]
    describe: Callable[[object], str]
    """Names a history row (or a live record) for people: ``区人社局 2024年10月网站发布数``."""
    unit_field: str | None
    """The column of the history row holding the unit's id, for the unit filter (``None``: none)."""
    skip: frozenset[str]
    select: tuple[str, ...]
    """Relations ``describe`` reads, loaded with the rows (``("unit",)``)."""
    labels: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    """Labels of the stored values of a field without choices (a list of kinds in a JSON field)."""

    @property
    def key(self) -> str:
        return self.model._meta.label

    @property
    def kind(self) -> str:
        return str(self.model._meta.verbose_name)


_REGISTRY: dict[str, Tracked] = {}


def track(
    model: type[Model],
    *,
    describe: Callable[[object], str] = str,
    unit_field: str | None = "unit_id",
    skip: Iterable[str] = (),
    select: tuple[str, ...] | None = None,
    labels: Mapping[str, Mapping[str, str]] | None = None,
) -> None:
    """Put ``model`` (which has ``history = HistoricalRecords()``) into the history feed.

    ``select`` names the relations ``describe`` reads (default ``("unit",)`` when the rows have
    a ``unit_id``), so that a page of entries costs a fixed number of queries.
    """
    if select is None:
        select = ("unit",) if unit_field == "unit_id" else ()
    skipped = SKIP_FIELDS | frozenset(skip)
    _REGISTRY[model._meta.label] = Tracked(model, describe, unit_field, skipped, select, dict(labels or {}))


def tracked() -> list[Tracked]:
    return list(_REGISTRY.values())


def tracked_model(key: str) -> Tracked | None:
    return _REGISTRY.get(key)


@dataclass
class HistoryEntry:
    when: datetime.datetime
    user: str
    kind: str
    label: str
    action: str
    changes: list[tuple[str, str, str]] = field(default_factory=list)
    """(field, before, after) in the model's field order."""
    reason: str = ""


@dataclass(frozen=True)
class HistoryFilter:
    model: str | None = None
    unit_id: int | None = None
    user_id: int | None = None
    since: datetime.date | None = None
    until: datetime.date | None = None


def _history_rows(entry: Tracked, flt: HistoryFilter, zone) -> QuerySet | None:
    rows = entry.model.history.all()
    if flt.unit_id is not None:
        if entry.unit_field is None:
            return None
        rows = rows.filter(**{entry.unit_field: flt.unit_id})
    if flt.user_id is not None:
        rows = rows.filter(history_user_id=flt.user_id)
    if flt.since is not None:
        rows = rows.filter(history_date__gte=datetime.datetime.combine(flt.since, datetime.time.min, zone))
    if flt.until is not None:
        end = datetime.datetime.combine(flt.until + datetime.timedelta(days=1), datetime.time.min, zone)
        rows = rows.filter(history_date__lt=end)
    return rows


def history_index(flt: HistoryFilter, *, zone) -> QuerySet | None:
    """One query over every matching history table: ``(history_date, history_id, model key)``, newest first."""
    parts = []
    for entry in tracked():
        if flt.model and entry.key != flt.model:
            continue
        rows = _history_rows(entry, flt, zone)
        if rows is not None:
            parts.append(
                rows.order_by().values_list(
                    "history_date", "history_id", Value(entry.key, output_field=CharField(max_length=100))
                )
            )
    if not parts:
        return None
    index = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    return index.order_by("-history_date", "-history_id")


def history_page(flt: HistoryFilter, *, page: int | str | None, per_page: int, zone):
    """The page ``page`` of the feed (a Django ``Page`` whose ``object_list`` are entries)."""
    index = history_index(flt, zone=zone)
    paginator = Paginator(index if index is not None else [], per_page)
    result = paginator.get_page(page)
    result.object_list = entries_for(list(result.object_list))
    return result


def entries_for(keys: list[tuple[datetime.datetime, int, str]]) -> list[HistoryEntry]:
    """Entries for ``(history_date, history_id, model key)`` triples, in the order given."""
    wanted: dict[str, list[int]] = defaultdict(list)
    for _, history_id, key in keys:
        wanted[key].append(history_id)
    built: dict[tuple[str, int], HistoryEntry] = {}
    for key, ids in wanted.items():
        entry = _REGISTRY[key]
        records = list(entry.model.history.filter(history_id__in=ids).select_related("history_user", *entry.select))
        for record, built_entry in zip(records, describe_records(entry, records), strict=True):
            built[key, record.history_id] = built_entry
    return [built[key, history_id] for _, history_id, key in keys]


def object_history(entry_key: str, records: QuerySet) -> list[HistoryEntry]:
    """Entries of some history rows of one tracked model (e.g. one finding's), oldest first."""
    entry = _REGISTRY[entry_key]
    rows = list(records.select_related("history_user", *entry.select).order_by("history_date", "history_id"))
    return describe_records(entry, rows)


def describe_records(entry: Tracked, records: list) -> list[HistoryEntry]:
    """An entry per history row, its changes against the object's version just before it."""
    previous = _previous_versions(entry, records)
    model = entry.model
    fields = [f for f in model._meta.concrete_fields if f.name not in entry.skip]
    order = {f.name: i for i, f in enumerate(fields)}
    by_name = {f.name: f for f in fields}
    pending: list[tuple[object, list]] = []
    for record in records:
        before = previous.get(record.history_id)
        if record.history_type == "-":
            deltas = []
        elif before is None:
            deltas = [
                (f.name, None, getattr(record, f.attname))
                for f in fields
                if getattr(record, f.attname) not in (None, "")
            ]
        else:
            delta = record.diff_against(
                before, excluded_fields=[f.name for f in model._meta.concrete_fields if f.name in entry.skip]
            )
            deltas = [(c.field, c.old, c.new) for c in sorted(delta.changes, key=lambda c: order.get(c.field, 99))]
        pending.append((record, deltas))
    names = _related_names(by_name, [d for _, deltas in pending for d in deltas])
    entries = []
    for record, deltas in pending:
        user = record.history_user
        entries.append(
            HistoryEntry(
                when=record.history_date,
                user=(getattr(user, "display_name", "") or user.get_username()) if user else "系统",
                kind=entry.kind,
                label=entry.describe(record),
                action=ACTIONS.get(record.history_type, record.history_type),
                changes=[
                    _change(by_name[name], old, new, names, entry.labels.get(name))
                    for name, old, new in deltas
                    if name in by_name
                ],
                reason=record.history_change_reason or "",
            )
        )
    return entries


def _previous_versions(entry: Tracked, records: list) -> dict[int, object]:
    """For each history row, the row of the same object just before it (one query)."""
    if not records:
        return {}
    object_ids = {r.id for r in records}
    newest = max(r.history_date for r in records)
    chain: dict[int, list] = defaultdict(list)
    for row in entry.model.history.filter(id__in=object_ids, history_date__lte=newest).order_by(
        "history_date", "history_id"
    ):
        chain[row.id].append(row)
    previous = {}
    for rows in chain.values():
        for before, after in pairwise(rows):
            previous[after.history_id] = before
    return previous


def _related_names(fields: dict, deltas: list[tuple[str, object, object]]) -> dict[tuple[str, object], str]:
    wanted: dict[str, set] = defaultdict(set)
    for name, old, new in deltas:
        if fields.get(name) is not None and fields[name].is_relation:
            wanted[name].update(v for v in (old, new) if v not in (None, ""))
    names = {}
    for name, pks in wanted.items():
        related = fields[name].related_model
        for obj in related._default_manager.filter(pk__in=pks):
            names[name, obj.pk] = str(obj)
    return names


def _labelled(value, labels: Mapping[str, str]) -> str:
    if value in (None, "", []):
        return "—"
    items = value if isinstance(value, list) else [value]
    return "、".join(labels.get(item, str(item)) for item in items)


def _change(model_field, old, new, names, labels: Mapping[str, str] | None = None) -> tuple[str, str, str]:
    if labels is not None:
        return str(model_field.verbose_name), _labelled(old, labels), _labelled(new, labels)
    if model_field.is_relation:

        def show(value):
            if value in (None, ""):
                return "—"
            return names.get((model_field.name, value), f"（已删除，编号{value}）")

        return str(model_field.verbose_name), show(old), show(new)
    return str(model_field.verbose_name), display_value(model_field, old), display_value(model_field, new)
