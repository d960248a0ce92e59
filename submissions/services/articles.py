"""Writes of single figures and of the article register."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from core.formatting import format_cn_datetime, visible_text
from core.permissions import require_office
from core.versioning import Kind, data_changed
from units.models import Unit, User

from ..models import DUPLICATE_ARTICLE, Article, MonthlyArticleTally, MonthlyPublication, length_verdict
from ..selectors import version_of


@transaction.atomic
def publication_count_set(
    *, unit: Unit, year: int, month: int, count: int, acting_user: User | None = None, reason: str = "录入"
) -> MonthlyPublication:
    require_office(acting_user, "录入发布数")
    data_changed(Kind.FIGURES, units=[unit.pk])
    record = MonthlyPublication.objects.filter(unit=unit, year=year, month=month).first()
    if record is None:
        record = MonthlyPublication(unit=unit, year=year, month=month, count=count)
    elif record.count == count:
        return record
    record.count = count
    record.stamp(acting_user=acting_user, reason=reason)
    record.full_clean(exclude={"unit", "updated_by"}, validate_unique=False, validate_constraints=False)
    record.save()
    return record


@transaction.atomic
def article_register(
    *,
    unit: Unit,
    title: str,
    received_on: datetime.date,
    char_count: int | None = None,
    is_compliant: bool = True,
    non_compliance_reason: str = "",
    city_adopted_on: datetime.date | None = None,
    province_adopted_on: datetime.date | None = None,
    acting_user: User | None = None,
) -> Article:
    """Register an article; under 400 characters it is marked 不符合要求 for 字数不足400字 (or the
    reason given), as :func:`~submissions.models.length_verdict` says."""
    require_office(acting_user, "登记稿件")
    data_changed(Kind.FIGURES, units=[unit.pk])
    is_compliant, non_compliance_reason = length_verdict(
        char_count=char_count, is_compliant=is_compliant, reason=non_compliance_reason
    )
    article = Article(
        unit=unit,
        title=visible_text(title).strip(),
        received_on=received_on,
        char_count=char_count,
        is_compliant=is_compliant,
        non_compliance_reason=non_compliance_reason,
        city_adopted_on=city_adopted_on,
        province_adopted_on=province_adopted_on,
    )
    article.stamp(acting_user=acting_user, reason="登记稿件")
    _clean_with(article, _article_month_errors(unit=unit, received_on=received_on) | _duplicate_errors(article))
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
def article_adoption_record(
    *, article: Article, level: str, adopted_on: datetime.date, acting_user: User | None = None
) -> Article:
    """Mark an article adopted by the city (``"city"``) or the province (``"province"``)."""
    require_office(acting_user, "登记稿件采用")
    data_changed(Kind.FIGURES, units=[article.unit_id])
    fields = {"city": "city_adopted_on", "province": "province_adopted_on"}
    if level not in fields:
        raise ValueError(f"采用级别应为 city 或 province，而不是{level}")
    setattr(article, fields[level], adopted_on)
    article.stamp(acting_user=acting_user, reason="记录采用")
    article.full_clean()
    article.save()
    return article


# --- Article register: checks shared by registering and editing -------------------------------


def _duplicate_errors(article: Article) -> dict[str, str]:
    """The same unit, day and title registered already: a second click of 保存, refused. The unit's
    row is locked first, so two such requests at once are answered one after the other."""
    Unit.objects.select_for_update().filter(pk=article.unit_id).first()
    twins = Article.objects.filter(unit_id=article.unit_id, received_on=article.received_on, title=article.title)
    return {"title": DUPLICATE_ARTICLE} if twins.exclude(pk=article.pk).exists() else {}


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


@transaction.atomic
def article_update(
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
    acting_user: User | None = None,
    loaded_version: str | None = None,
) -> Article:
    """Change a registered article; nothing is written when nothing changed. The 400-character
    rule applies as on registering (a count corrected to 400 or more lifts its mark).

    ``loaded_version`` is the :func:`~submissions.selectors.version_of` the edit form was opened
    with: if someone else saved the article since, the edit is refused rather than overwriting it.
    """
    require_office(acting_user, "修改稿件")
    current = Article.objects.select_for_update(of=("self",)).select_related("updated_by").get(pk=article.pk)
    data_changed(Kind.FIGURES, units=[current.unit_id, unit.pk])
    if loaded_version is not None and version_of(current) != loaded_version:
        raise ValidationError(
            f"该稿件已被{current.updated_by or '他人'}于{format_cn_datetime(current.updated_at)}修改，请核对后重新保存。"
        )
    is_compliant, non_compliance_reason = length_verdict(
        char_count=char_count, is_compliant=is_compliant, reason=non_compliance_reason
    )
    new = {
        "unit": unit,
        "title": visible_text(title).strip(),
        "received_on": received_on,
        "char_count": char_count,
        "is_compliant": is_compliant,
        "non_compliance_reason": non_compliance_reason,
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
    current.stamp(acting_user=acting_user, reason="修改稿件")
    _clean_with(current, errors | _duplicate_errors(current))
    current.save()
    return current
