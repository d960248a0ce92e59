"""Importing the office's sheets of publication counts and monthly article totals.

Each import reads and checks the whole file outside any transaction, then writes every change in
one short transaction with bulk statements (a constant number of queries, with history rows), or
nothing at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from typing import IO

from core.imports import Change, ImportRejected, ImportResult, RowError, parse_or_plan, read_sheet
from core.imports.writing import bulk_write, write_or_reject
from core.permissions import require_office
from core.versioning import Kind
from units.models import User
from units.selectors import UnitResolver

from ..importers import ArticleTallyRow, PublicationRow, parse_article_tallies, parse_publications
from ..models import Article, MonthlyArticleTally, MonthlyPublication
from ..selectors import TALLY_FIELDS, adoption_excess, adoption_totals


@dataclass
class Plan:
    """The changes an import would make, and the records to create and to update."""

    result: ImportResult
    create: list = field(default_factory=list)
    update: list = field(default_factory=list)

    def write(self, model, fields: list[str], *, acting_user: User | None, reason: str) -> None:
        bulk_write(model, create=self.create, update=self.update, fields=fields, acting_user=acting_user, reason=reason)


def _import(
    *, source, parse, plan, model, fields: list[str], dry_run: bool, acting_user, filename: str, merged: bool = False
) -> ImportResult:
    """Read and check the file (outside any transaction), then plan, and unless ``dry_run`` write."""
    sheet = read_sheet(source, merged=merged)
    rows = parse_or_plan(lambda: parse(sheet, resolver=UnitResolver.from_db()), lambda valid: plan(valid).result)
    if dry_run:
        result = plan(rows).result
    else:

        def write() -> ImportResult:
            planned = plan(rows)
            planned.write(model, fields, acting_user=acting_user, reason=f"导入 {filename}".strip())
            return planned.result

        result = write_or_reject(write, kinds=(Kind.FIGURES,))
    result.dry_run = dry_run
    result.sheet = sheet.name
    result.notices[:0] = sheet.notices
    return result


def publications_import(
    *, source: str | IO[bytes], year: int, dry_run: bool = False, acting_user: User | None = None, filename: str = ""
) -> ImportResult:
    """Import a sheet of monthly website publication counts; all or nothing.

    Each (unit, month) cell in the file replaces the stored figure; empty cells change nothing.
    """
    require_office(acting_user, "导入网站发布数")
    return _import(
        source=source,
        parse=partial(parse_publications, year=year),
        plan=partial(_plan_publications, year=year),
        model=MonthlyPublication,
        fields=["count"],
        dry_run=dry_run,
        acting_user=acting_user,
        filename=filename,
        merged=True,  # a month title merged over two columns is refused, never half read
    )


def _plan_publications(rows: list[PublicationRow], *, year: int) -> Plan:
    existing = {
        (p.unit_id, p.month): p
        for p in MonthlyPublication.objects.filter(
            year=year, month__in={r.month for r in rows}, unit__in={r.unit.pk for r in rows}
        )
    }
    plan = Plan(ImportResult())
    for row in rows:
        record = existing.get((row.unit.pk, row.month))
        what = f"{year}年{row.month}月发布数"
        old = "" if record is None else str(record.count)
        action = "新增" if record is None else ("不变" if record.count == row.count else "修改")
        plan.result.changes.append(Change(row.row, row.unit.name, what, old, str(row.count), action))
        if record is None:
            plan.create.append(MonthlyPublication(unit=row.unit, year=year, month=row.month, count=row.count))
        elif action == "修改":
            record.count = row.count
            plan.update.append(record)
    return plan


def _tally_text(values) -> str:
    submitted, non_compliant, city, province = values
    return f"投稿{submitted}件（不合格{non_compliant}件），市级采用{city}件，省级采用{province}件"


def article_tallies_import(
    *, source: str | IO[bytes], year: int, dry_run: bool = False, acting_user: User | None = None, filename: str = ""
) -> ImportResult:
    """Import monthly article totals (one row per unit and month); all or nothing.

    A row replaces the stored totals of its unit and month. Months that already have a
    per-article register are refused, so the same articles are never counted twice.
    """
    require_office(acting_user, "导入投稿合计")
    return _import(
        source=source,
        parse=partial(parse_article_tallies, year=year),
        plan=partial(_plan_tallies, year=year),
        model=MonthlyArticleTally,
        fields=list(TALLY_FIELDS),
        dry_run=dry_run,
        acting_user=acting_user,
        filename=filename,
        merged=True,  # a unit or a month merged down over several rows
    )


def _plan_tallies(rows: list[ArticleTallyRow], *, year: int) -> Plan:
    """Refuse months with a per-article register, then compare with what is stored."""
    unit_ids = {r.unit.pk for r in rows}
    months = {r.month for r in rows}
    registered = set(
        Article.objects.filter(unit__in=unit_ids, received_on__year=year, received_on__month__in=months)
        .values_list("unit_id", "received_on__month")
        .distinct()
    )
    clashes = [
        RowError(r.row, "月份", f"{r.unit.name}{year}年{r.month}月已有逐篇登记的稿件，不能再导入月度合计")
        for r in rows
        if (r.unit.pk, r.month) in registered
    ]
    if clashes:
        raise ImportRejected(clashes)
    existing = {
        (t.unit_id, t.month): t
        for t in MonthlyArticleTally.objects.filter(year=year, month__in=months, unit__in=unit_ids)
    }
    plan = Plan(ImportResult())
    for row in rows:
        record = existing.get((row.unit.pk, row.month))
        what = f"{year}年{row.month}月投稿"
        if record is None:
            plan.result.changes.append(Change(row.row, row.unit.name, what, "", _tally_text(row.values), "新增"))
            plan.create.append(
                MonthlyArticleTally(
                    unit=row.unit, year=year, month=row.month, **dict(zip(TALLY_FIELDS, row.values, strict=True))
                )
            )
            continue
        old = tuple(getattr(record, f) for f in TALLY_FIELDS)
        action = "不变" if old == row.values else "修改"
        plan.result.changes.append(
            Change(row.row, row.unit.name, what, _tally_text(old), _tally_text(row.values), action)
        )
        if action == "修改":
            for name, value in zip(TALLY_FIELDS, row.values, strict=True):
                setattr(record, name, value)
            plan.update.append(record)
    plan.result.notices += _adoption_excess(rows, existing, year=year)
    return plan


def _adoption_excess(rows: list[ArticleTallyRow], existing: dict, *, year: int) -> list[str]:
    """Units whose adoptions of the year would outnumber their counted articles once the file is in."""
    names = {r.unit.pk: r.unit.name for r in rows}
    totals = adoption_totals(unit_ids=names, year=year)
    for row in rows:  # the file's totals replace the stored ones of their months
        old = existing.get((row.unit.pk, row.month))
        if old is not None:
            totals[row.unit.pk][0] -= old.city_adopted + old.province_adopted
            totals[row.unit.pk][1] -= old.counted
        totals[row.unit.pk][0] += row.city_adopted + row.province_adopted
        totals[row.unit.pk][1] += row.submitted - row.non_compliant
    return adoption_excess(totals, names, year=year)
