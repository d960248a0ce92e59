"""Checking import rows with their model's own validation, and writing them in one short
transaction that either stores every row or reports why nothing was stored."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import TypeVar

from django.core.exceptions import ValidationError
from django.db import DatabaseError, IntegrityError, transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from ..versioning import Kind, data_changed
from .parsing import RowParser
from .results import ImportRejected, file_error

T = TypeVar("T")


def validate_instance(parser: RowParser, instance, titles: dict[str, str], *, exclude: set[str] = frozenset()) -> None:
    """Run the model's field validators and ``clean()`` on an unsaved ``instance`` (no queries:
    relations, uniqueness and constraints are checked by the import itself and the database) and
    record each problem under the column ``titles[field]`` of the parser's row."""
    relations = {f.name for f in instance._meta.concrete_fields if f.is_relation}
    try:
        instance.full_clean(exclude=relations | set(exclude), validate_unique=False, validate_constraints=False)
    except ValidationError as exc:
        for name, messages in exc.message_dict.items():
            for message in messages:
                parser.error(titles.get(name, name if name != "__all__" else "行"), message.rstrip("。"))


def write_or_reject(write: Callable[[], T], *, kinds: tuple[Kind, ...] = ()) -> T:
    """Run ``write`` in one transaction, marking the data of ``kinds`` changed (without kinds:
    anything may have changed); a database refusal becomes an :class:`ImportRejected` (nothing
    written) with a plain sentence instead of a traceback or an error page."""
    try:
        with transaction.atomic():
            data_changed(*kinds)  # cached scores and tables of those kinds are dropped once this commits
            return write()
    except ValidationError as exc:
        raise ImportRejected([file_error(f"写入时校验未通过：{'；'.join(exc.messages)}。未写入任何数据。")]) from exc
    except IntegrityError as exc:
        raise ImportRejected(
            [file_error("写入时与他人同时保存的数据冲突，未写入任何数据。请重新预览后再导入。")]
        ) from exc
    except DatabaseError as exc:
        raise ImportRejected([file_error("数据库暂时繁忙，未写入任何数据。请稍后重新导入。")]) from exc


def bulk_write(model, *, create: list, update: list, fields: list[str], acting_user, reason: str) -> None:
    """Insert ``create`` and store the new ``fields`` of ``update`` (records of an
    :class:`~core.models.AuditedModel`), with one history row each, in a few statements.

    Updates are grouped by their new values: one ``UPDATE … WHERE id IN (…)`` per distinct set of
    values (a sheet of counts has few), instead of Django's ``bulk_update`` CASE per row.
    """
    now = timezone.now()
    for record in [*create, *update]:
        record.updated_by = acting_user
        record.updated_at = now
    if create:
        bulk_create_with_history(create, model, default_user=acting_user, default_change_reason=reason)
    groups: dict[tuple, list[int]] = defaultdict(list)
    for record in update:
        groups[tuple(getattr(record, f) for f in fields)].append(record.pk)
    for values, pks in groups.items():
        for start in range(0, len(pks), UPDATE_CHUNK):
            model.objects.filter(pk__in=pks[start : start + UPDATE_CHUNK]).update(
                **dict(zip(fields, values, strict=True)), updated_by=acting_user, updated_at=now
            )
    if update:
        model.history.bulk_history_create(update, update=True, default_user=acting_user, default_change_reason=reason)


UPDATE_CHUNK = 900
"""Ids per ``IN (…)``: below SQLite's classic limit of 999 parameters."""
