"""Writes of monthly publication counts, article totals and articles."""

from __future__ import annotations

from typing import IO

from django.db import transaction

from linzi_gk.imports import Change, ImportRejected, ImportResult, RowError, read_first_sheet
from units.models import Unit, User
from units.selectors import UnitResolver

from .importers import parse_article_tallies, parse_publications
from .models import Article, MonthlyArticleTally, MonthlyPublication


def _stamp(obj, *, user: User | None, reason: str) -> None:
    """Who made the change and why, for the model's history row."""
    if user is not None:
        obj.updated_by = user
        obj._history_user = user
    obj._change_reason = reason


@transaction.atomic
def set_publication_count(
    *, unit: Unit, year: int, month: int, count: int, user: User | None = None, reason: str = "录入"
) -> MonthlyPublication:
    record = MonthlyPublication.objects.filter(unit=unit, year=year, month=month).first()
    if record is None:
        record = MonthlyPublication(unit=unit, year=year, month=month, count=count)
    elif record.count == count:
        return record
    record.count = count
    _stamp(record, user=user, reason=reason)
    record.full_clean()
    record.save()
    return record


@transaction.atomic
def import_publications(
    *, source: str | IO[bytes], year: int, dry_run: bool = False, user: User | None = None, filename: str = ""
) -> ImportResult:
    """Import a sheet of monthly website publication counts; all or nothing.

    Each (unit, month) cell in the file replaces the stored figure; empty cells change nothing.
    """
    rows = parse_publications(read_first_sheet(source), year=year, resolver=UnitResolver.from_db())
    months = {row.month for row in rows}
    existing = {
        (p.unit_id, p.month): p
        for p in MonthlyPublication.objects.filter(year=year, month__in=months, unit__in={r.unit.pk for r in rows})
    }
    result = ImportResult(dry_run=dry_run)
    reason = f"导入 {filename}".strip()
    for row in rows:
        record = existing.get((row.unit.pk, row.month))
        what = f"{year}年{row.month}月发布数"
        if record is None:
            result.changes.append(Change(row.row, row.unit.name, what, "", str(row.count), "新增"))
            record = MonthlyPublication(unit=row.unit, year=year, month=row.month, count=row.count)
        elif record.count == row.count:
            result.changes.append(Change(row.row, row.unit.name, what, str(record.count), str(row.count), "不变"))
            continue
        else:
            result.changes.append(Change(row.row, row.unit.name, what, str(record.count), str(row.count), "修改"))
            record.count = row.count
        if not dry_run:
            _stamp(record, user=user, reason=reason)
            record.full_clean()
            record.save()
    return result


TALLY_FIELDS = ("submitted", "non_compliant", "city_adopted", "province_adopted")


def _tally_text(values) -> str:
    submitted, non_compliant, city, province = values
    return f"投稿{submitted}件（不合格{non_compliant}件），市级采用{city}件，省级采用{province}件"


@transaction.atomic
def import_article_tallies(
    *, source: str | IO[bytes], year: int, dry_run: bool = False, user: User | None = None, filename: str = ""
) -> ImportResult:
    """Import monthly article totals (one row per unit and month); all or nothing.

    A row replaces the stored totals of its unit and month. Months that already have a
    per-article register are refused, so the same articles are never counted twice.
    """
    rows = parse_article_tallies(read_first_sheet(source), year=year, resolver=UnitResolver.from_db())
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
    result = ImportResult(dry_run=dry_run)
    reason = f"导入 {filename}".strip()
    for row in rows:
        new = (row.submitted, row.non_compliant, row.city_adopted, row.province_adopted)
        record = existing.get((row.unit.pk, row.month))
        what = f"{year}年{row.month}月投稿"
        if record is None:
            result.changes.append(Change(row.row, row.unit.name, what, "", _tally_text(new), "新增"))
            record = MonthlyArticleTally(unit=row.unit, year=year, month=row.month)
        else:
            old = tuple(getattr(record, f) for f in TALLY_FIELDS)
            action = "不变" if old == new else "修改"
            result.changes.append(Change(row.row, row.unit.name, what, _tally_text(old), _tally_text(new), action))
            if action == "不变":
                continue
        if not dry_run:
            for name, value in zip(TALLY_FIELDS, new, strict=True):
                setattr(record, name, value)
            _stamp(record, user=user, reason=reason)
            record.full_clean()
            record.save()
    return result


@transaction.atomic
def register_article(
    *,
    unit: Unit,
    title: str,
    received_on,
    char_count: int | None = None,
    is_compliant: bool = True,
    non_compliance_reason: str = "",
    city_adopted_on=None,
    province_adopted_on=None,
    user: User | None = None,
) -> Article:
    article = Article(
        unit=unit,
        title=title.strip(),
        received_on=received_on,
        char_count=char_count,
        is_compliant=is_compliant,
        non_compliance_reason=non_compliance_reason.strip(),
        city_adopted_on=city_adopted_on,
        province_adopted_on=province_adopted_on,
    )
    _stamp(article, user=user, reason="登记稿件")
    article.full_clean()
    article.save()
    return article


@transaction.atomic
def record_adoption(*, article: Article, level: str, adopted_on, user: User | None = None) -> Article:
    """Mark an article adopted by the city (``"city"``) or the province (``"province"``)."""
    fields = {"city": "city_adopted_on", "province": "province_adopted_on"}
    if level not in fields:
        raise ValueError(f"采用级别应为 city 或 province，而不是{level}")
    setattr(article, fields[level], adopted_on)
    _stamp(article, user=user, reason="记录采用")
    article.full_clean()
    article.save()
    return article
