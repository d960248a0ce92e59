"""Writes of monthly publication counts, article totals and articles."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import IO

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from linzi_gk.imports import Change, ImportRejected, ImportResult, RowError, parse_or_plan, read_first_sheet
from linzi_gk.numbers import format_cn_date
from units.models import Unit, User
from units.selectors import UnitResolver, assessed_units_in, units_visible_to

from .importers import parse_article_tallies, parse_publications
from .models import Article, MonthlyArticleTally, MonthlyPublication
from .selectors import GRID_FIELDS, GridValues, month_bounds, version_of


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
    _grid_clean(record)
    record.save()
    return record


@transaction.atomic
def import_publications(
    *, source: str | IO[bytes], year: int, dry_run: bool = False, user: User | None = None, filename: str = ""
) -> ImportResult:
    """Import a sheet of monthly website publication counts; all or nothing.

    Each (unit, month) cell in the file replaces the stored figure; empty cells change nothing.
    """
    rows = parse_or_plan(
        lambda: parse_publications(read_first_sheet(source), year=year, resolver=UnitResolver.from_db()),
        lambda valid: _apply_publications(valid, year=year, dry_run=True),
    )
    return _apply_publications(rows, year=year, dry_run=dry_run, user=user, filename=filename)


def _apply_publications(
    rows: list, *, year: int, dry_run: bool, user: User | None = None, filename: str = ""
) -> ImportResult:
    """Compare the rows with what is stored and, unless ``dry_run``, write the differences."""
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
    rows = parse_or_plan(
        lambda: parse_article_tallies(read_first_sheet(source), year=year, resolver=UnitResolver.from_db()),
        lambda valid: _apply_article_tallies(valid, year=year, dry_run=True),
    )
    return _apply_article_tallies(rows, year=year, dry_run=dry_run, user=user, filename=filename)


def _apply_article_tallies(
    rows: list, *, year: int, dry_run: bool, user: User | None = None, filename: str = ""
) -> ImportResult:
    """Refuse months with a per-article register, then compare and (unless ``dry_run``) write."""
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
    _clean_with(article, _article_month_errors(unit=unit, received_on=received_on))
    article.save()
    return article


def _clean_with(article: Article, errors: dict[str, str]) -> None:
    """``full_clean()`` plus the month checks, reporting both kinds of problems at once."""
    try:
        article.full_clean()
    except ValidationError as exc:
        merged = exc.message_dict
        for name, message in errors.items():
            merged.setdefault(name, []).append(message)
        raise ValidationError(merged) from exc
    if errors:
        raise ValidationError(errors)


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


# --- Article register: checks shared by registering and editing -------------------------------


def _article_month_errors(*, unit: Unit, received_on) -> dict[str, str]:
    """A unit's month is recorded either article by article or as a monthly total, never both."""
    if unit is None or received_on is None:
        return {}
    if not unit.is_assessed_in(received_on.replace(day=1)):
        return {"received_on": f"{unit.name}在{received_on.year}年{received_on.month}月不在考核范围内。"}
    if MonthlyArticleTally.objects.filter(unit=unit, year=received_on.year, month=received_on.month).exists():
        return {
            "received_on": (
                f"{unit.name}{received_on.year}年{received_on.month}月已在月度填报中录入投稿合计，"
                "逐篇登记会重复计数；请先在月度填报中清空该月的投稿合计。"
            )
        }
    return {}


ARTICLE_FIELDS = (
    "unit",
    "title",
    "received_on",
    "char_count",
    "is_compliant",
    "non_compliance_reason",
    "city_adopted_on",
    "province_adopted_on",
)


@transaction.atomic
def update_article(
    *,
    article: Article,
    unit: Unit,
    title: str,
    received_on: datetime.date,
    char_count: int | None = None,
    is_compliant: bool = True,
    non_compliance_reason: str = "",
    city_adopted_on: datetime.date | None = None,
    province_adopted_on: datetime.date | None = None,
    user: User | None = None,
    loaded_version: str | None = None,
) -> Article:
    """Change a registered article; nothing is written when nothing changed.

    ``loaded_version`` is the :func:`~submissions.selectors.version_of` the edit form was opened
    with: if someone else saved the article since, the edit is refused rather than overwriting it.
    """
    current = Article.objects.select_for_update(of=("self",)).select_related("updated_by").get(pk=article.pk)
    if loaded_version is not None and version_of(current) != loaded_version:
        raise ValidationError(
            f"该稿件已被{_who(current.updated_by)}于{_when(current.updated_at)}修改，请核对后重新保存。"
        )
    new = {
        "unit": unit,
        "title": title.strip(),
        "received_on": received_on,
        "char_count": char_count,
        "is_compliant": is_compliant,
        "non_compliance_reason": non_compliance_reason.strip(),
        "city_adopted_on": city_adopted_on,
        "province_adopted_on": province_adopted_on,
    }
    if all(getattr(current, name) == value for name, value in new.items()):
        return current
    moved = current.unit_id != unit.pk or (current.received_on.year, current.received_on.month) != (
        received_on.year,
        received_on.month,
    )
    errors = _article_month_errors(unit=unit, received_on=received_on) if moved else {}
    for name, value in new.items():
        setattr(current, name, value)
    _stamp(current, user=user, reason="修改稿件")
    _clean_with(current, errors)
    current.save()
    return current


# --- The month grid ------------------------------------------------------------------------------

GRID_MAX = 100_000
SAVED, UNCHANGED, INVALID, CONFLICT = "saved", "unchanged", "invalid", "conflict"


@dataclass(frozen=True)
class GridRowInput:
    """One submitted row of the month grid.

    ``loaded_publication`` / ``loaded_tally`` are the versions (:func:`version_of`) the row was
    loaded with ("" when nothing was stored), ``original`` the figures it showed then, ``values``
    what the user submitted (``None`` for an empty cell).
    """

    unit_id: int
    loaded_publication: str
    loaded_tally: str
    original: GridValues
    values: GridValues


@dataclass
class GridRowResult:
    unit_id: int
    status: str
    errors: dict[str, list[str]] = field(default_factory=dict)
    message: str = ""
    written: tuple[str, ...] = ()


def _who(user: User | None) -> str:
    return str(user) if user is not None else "他人"


def _when(moment: datetime.datetime) -> str:
    local = timezone.localtime(moment)
    return f"{format_cn_date(local.date())} {local:%H:%M}"


def _complete_tally(values: GridValues) -> GridValues:
    """A total with only 投稿件数 filled means nothing non-compliant and nothing adopted."""
    if values.submitted is None:
        return values
    return replace(
        values,
        non_compliant=values.non_compliant or 0,
        city_adopted=values.city_adopted or 0,
        province_adopted=values.province_adopted or 0,
    )


def grid_value_errors(values: GridValues) -> dict[str, list[str]]:
    """Per cell: whole numbers from 0 up, 不合格 ≤ 投稿, a total needs its 投稿件数."""
    errors: dict[str, list[str]] = {}
    for name in GRID_FIELDS:
        value = getattr(values, name)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int):
            errors.setdefault(name, []).append("应为整数")
        elif value < 0:
            errors.setdefault(name, []).append("不能为负数")
        elif value > GRID_MAX:
            errors.setdefault(name, []).append(f"数值过大（不能超过{GRID_MAX}）")
    if errors:
        return errors
    if values.submitted is None and any(v is not None for v in values.tally[1:]):
        errors["submitted"] = ["请填写投稿件数（没有投稿填0）"]
    elif values.submitted is not None and (values.non_compliant or 0) > values.submitted:
        errors["non_compliant"] = ["不合格件数不能大于投稿件数"]
    return errors


def _describe_publication(record: MonthlyPublication | None) -> str:
    return f"发布数{record.count}" if record else "发布数空白"


def _describe_tally(record: MonthlyArticleTally | None) -> str:
    if record is None:
        return "投稿合计空白"
    return (
        f"投稿{record.submitted}件、不合格{record.non_compliant}件、"
        f"市级采用{record.city_adopted}件、省级采用{record.province_adopted}件"
    )


def _last_deletion(model, *, unit_id: int, year: int, month: int):
    return (
        model.history.filter(unit_id=unit_id, year=year, month=month, history_type="-")
        .select_related("history_user")
        .order_by("-history_date")
        .first()
    )


def _conflict_message(
    *, row: GridRowInput, publication, tally, year: int, month: int, pub_changed: bool, tally_changed: bool
) -> str:
    parts, stamps = [], []
    if pub_changed:
        parts.append(_describe_publication(publication))
        if publication is not None:
            stamps.append((publication.updated_at, publication.updated_by))
        elif (gone := _last_deletion(MonthlyPublication, unit_id=row.unit_id, year=year, month=month)) is not None:
            stamps.append((gone.history_date, gone.history_user))
    if tally_changed:
        parts.append(_describe_tally(tally))
        if tally is not None:
            stamps.append((tally.updated_at, tally.updated_by))
        elif (gone := _last_deletion(MonthlyArticleTally, unit_id=row.unit_id, year=year, month=month)) is not None:
            stamps.append((gone.history_date, gone.history_user))
    value = "，".join(parts)
    if not stamps:
        return f"该行已被他人修改为{value}，请核对后重新保存"
    when, who = max(stamps, key=lambda stamp: stamp[0])
    return f"该行已被{_who(who)}于{_when(when)}修改为{value}，请核对后重新保存"


@transaction.atomic
def save_month_grid(*, year: int, month: int, rows: Sequence[GridRowInput], user: User) -> list[GridRowResult]:
    """Save the submitted rows of one month's grid; one result per row, in the same order.

    A row the user did not change is not written (no history entry). A row somebody else saved
    since it was loaded is written only if the user's figures equal what is now stored (then
    nothing needs writing); otherwise it is a conflict and left as the other person saved it.
    Invalid rows are reported and skipped; every other row is saved.
    """
    start, end = month_bounds(year, month)
    unit_ids = [row.unit_id for row in rows]
    units = {u.pk: u for u in (assessed_units_in(start, start) & units_visible_to(user)).filter(pk__in=unit_ids)}
    publications = {
        p.unit_id: p
        for p in MonthlyPublication.objects.select_for_update(of=("self",))
        .filter(year=year, month=month, unit__in=unit_ids)
        .select_related("updated_by")
        .order_by()
    }
    tallies = {
        t.unit_id: t
        for t in MonthlyArticleTally.objects.select_for_update(of=("self",))
        .filter(year=year, month=month, unit__in=unit_ids)
        .select_related("updated_by")
        .order_by()
    }
    registered = set(
        Article.objects.filter(unit__in=unit_ids, received_on__gte=start, received_on__lt=end)
        .values_list("unit_id", flat=True)
        .distinct()
    )
    reason = f"月度填报 {year}年{month}月"
    results = []
    for row in rows:
        values = _complete_tally(row.values)
        original = _complete_tally(row.original)
        pub_edit = values.publications != original.publications
        tally_edit = values.tally != original.tally
        if not (pub_edit or tally_edit):
            results.append(GridRowResult(row.unit_id, UNCHANGED))
            continue
        unit = units.get(row.unit_id)
        if unit is None:
            results.append(
                GridRowResult(row.unit_id, INVALID, errors={"": [f"该单位在{year}年{month}月不在考核范围内，未保存"]})
            )
            continue
        errors = grid_value_errors(values)
        if tally_edit and row.unit_id in registered:
            errors.setdefault("submitted", []).append("本月已有逐篇登记的稿件，投稿数以稿件登记为准，不能再填月度合计")
        if errors:
            results.append(GridRowResult(row.unit_id, INVALID, errors=errors))
            continue
        publication, tally = publications.get(row.unit_id), tallies.get(row.unit_id)
        pub_changed = version_of(publication) != row.loaded_publication
        tally_changed = version_of(tally) != row.loaded_tally
        if pub_changed or tally_changed:
            stored = GridValues.of(publication, tally)
            differs = (pub_edit and values.publications != stored.publications) or (
                tally_edit and values.tally != stored.tally
            )
            if differs:
                message = _conflict_message(
                    row=row,
                    publication=publication,
                    tally=tally,
                    year=year,
                    month=month,
                    pub_changed=pub_changed,
                    tally_changed=tally_changed,
                )
                results.append(GridRowResult(row.unit_id, CONFLICT, message=message))
            else:
                results.append(GridRowResult(row.unit_id, UNCHANGED))
            continue
        written = []
        try:
            with transaction.atomic():
                if pub_edit:
                    _write_publication(
                        unit=unit,
                        year=year,
                        month=month,
                        record=publication,
                        count=values.publications,
                        user=user,
                        reason=reason,
                    )
                    written.append("publication")
                if tally_edit:
                    _write_tally(
                        unit=unit, year=year, month=month, record=tally, values=values, user=user, reason=reason
                    )
                    written.append("tally")
        except IntegrityError:
            results.append(GridRowResult(row.unit_id, CONFLICT, message="该行已被他人同时修改，请核对后重新保存"))
            continue
        except ValidationError as exc:
            results.append(GridRowResult(row.unit_id, INVALID, errors=exc.message_dict))
            continue
        results.append(GridRowResult(row.unit_id, SAVED, written=tuple(written)))
    return results


def _grid_clean(record) -> None:
    """``full_clean`` without its per-record queries, for a month of up to thousands of rows.

    Field validators and ``clean()`` still run. The unit and the user were read in this request;
    the unique and check constraints are enforced by the database (a concurrent insert of the
    same unit and month surfaces as IntegrityError and is reported as a conflict).
    """
    record.full_clean(exclude={"unit", "updated_by"}, validate_unique=False, validate_constraints=False)


def _write_publication(
    *, unit: Unit, year: int, month: int, record: MonthlyPublication | None, count: int | None, user: User, reason: str
) -> None:
    if count is None:
        if record is not None:
            _stamp(record, user=user, reason=reason + " 清空")
            record.delete()
        return
    if record is None:
        record = MonthlyPublication(unit=unit, year=year, month=month, count=count)
    record.count = count
    _stamp(record, user=user, reason=reason)
    _grid_clean(record)
    record.save()


def _write_tally(
    *,
    unit: Unit,
    year: int,
    month: int,
    record: MonthlyArticleTally | None,
    values: GridValues,
    user: User,
    reason: str,
) -> None:
    if values.submitted is None:
        if record is not None:
            _stamp(record, user=user, reason=reason + " 清空")
            record.delete()
        return
    if record is None:
        record = MonthlyArticleTally(unit=unit, year=year, month=month)
    for name, value in zip(TALLY_FIELDS, values.tally, strict=True):
        setattr(record, name, value)
    _stamp(record, user=user, reason=reason)
    _grid_clean(record)
    record.save()
