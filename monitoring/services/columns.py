"""Writes of the monitored columns: one by one in the browser, or a sheet of them (all or nothing)."""

from __future__ import annotations

from typing import IO

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max

from core.imports import Change, ImportResult, parse_or_plan, read_sheet
from core.imports.writing import write_or_reject
from core.versioning import Kind, data_changed
from units.models import Unit, User
from units.selectors import UnitResolver

from ..crawler.extract import SelectorError, compile_selector
from ..importers import ColumnRow, parse_columns
from ..models import Column

EDITABLE = ("name", "url", "requirement", "selector", "counts_publications")


def _check_selector(selector: str) -> None:
    if selector:
        try:
            compile_selector(selector)
        except SelectorError as exc:
            raise ValidationError({"selector": str(exc)}) from exc


def _save(column: Column, acting_user: User | None, reason: str) -> Column:
    column.name = " ".join(column.name.split())
    column.url, column.selector = column.url.strip(), column.selector.strip()
    _check_selector(column.selector)
    column.stamp(acting_user=acting_user, reason=reason)
    column.full_clean()
    try:
        with transaction.atomic():
            column.save()
    except IntegrityError as exc:
        raise ValidationError({"name": "该单位已有同名栏目。"}) from exc
    return column


@transaction.atomic
def column_create(
    *,
    unit: Unit,
    name: str,
    url: str,
    requirement: str,
    selector: str = "",
    counts_publications: bool = True,
    acting_user: User | None = None,
) -> Column:
    data_changed(Kind.MONITORING)
    position = (unit.monitored_columns.aggregate(m=Max("position"))["m"] or 0) + 1
    column = Column(
        unit=unit,
        name=name,
        url=url,
        requirement=requirement,
        selector=selector,
        counts_publications=counts_publications,
        position=position,
    )
    return _save(column, acting_user, "新增栏目")


@transaction.atomic
def column_update(*, column: Column, acting_user: User | None = None, **fields) -> Column:
    """Change the editable fields (``name``, ``url``, ``requirement``, ``selector``, ``counts_publications``)."""
    data_changed(Kind.MONITORING)
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise TypeError(f"不能修改：{', '.join(sorted(unknown))}")
    column = Column.objects.select_for_update().get(pk=column.pk)
    for name, value in fields.items():
        setattr(column, name, value)
    return _save(column, acting_user, "修改栏目")


@transaction.atomic
def column_delete(*, column: Column, acting_user: User | None = None) -> None:
    """Remove a column with its readings; proposals made from it keep the column's name."""
    data_changed(Kind.MONITORING)
    column.stamp(acting_user=acting_user, reason="删除栏目")
    column.delete()


def _describe(row_or_column) -> str:
    text = f"{row_or_column.url}（{row_or_column.requirement}）"
    if row_or_column.selector:
        text += f" 选择器 {row_or_column.selector}"
    if not row_or_column.counts_publications:
        text += " 不计入发布数"
    return text


def _apply(rows: list[ColumnRow], *, write: bool, acting_user: User | None = None, reason: str = "") -> ImportResult:
    existing = {(c.unit_id, c.name): c for c in Column.objects.filter(unit__in={r.unit.pk for r in rows})}
    positions = {
        unit: top or 0
        for unit, top in Column.objects.values_list("unit").annotate(top=Max("position")).values_list("unit", "top")
    }
    result = ImportResult()
    for row in rows:
        column = existing.get((row.unit.pk, row.name))
        what = f"栏目 {row.name}"
        if column is None:
            result.changes.append(Change(row.row, row.unit.name, what, "", _describe(row), "新增"))
            positions[row.unit.pk] = positions.get(row.unit.pk, 0) + 1
            column = Column(unit=row.unit, name=row.name, position=positions[row.unit.pk])
        else:
            old = _describe(column)
            action = "不变" if old == _describe(row) else "修改"
            result.changes.append(Change(row.row, row.unit.name, what, old, _describe(row), action))
            if action == "不变":
                continue
        if write:
            column.url, column.requirement, column.selector = row.url, row.requirement, row.selector
            column.counts_publications = row.counts_publications
            column.stamp(acting_user=acting_user, reason=reason)
            column.full_clean(exclude={"unit"}, validate_unique=False, validate_constraints=False)
            column.save()
    return result


def columns_import(
    *, source: str | IO[bytes], dry_run: bool = False, acting_user: User | None = None, filename: str = "", **_
) -> ImportResult:
    """Import columns (单位 | 栏目名称 | 网址 | 更新要求); all or nothing.

    A column is known by its unit and name: a row with a new name adds a column, a known one takes
    the row's URL and requirement. Columns the file does not name are kept.
    """
    sheet = read_sheet(source)
    rows = parse_or_plan(
        lambda: parse_columns(sheet, resolver=UnitResolver.from_db()), lambda valid: _apply(valid, write=False)
    )
    if dry_run:
        result = _apply(rows, write=False)
    else:
        reason = f"导入 {filename}".strip()
        result = write_or_reject(
            lambda: _apply(rows, write=True, acting_user=acting_user, reason=reason), kinds=(Kind.MONITORING,)
        )
    result.dry_run = dry_run
    result.sheet = sheet.name
    return result
