"""Reads of monthly figures and articles, scoped to what the user may see.

:func:`monthly_figures` is the one aggregation of the monthly figures (publication counts, article
totals and the article register) that scoring, the unit trend and the month grid all use: four
queries for any number of units.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db import connections
from django.db.models import Count, F, Max, Min, Q, QuerySet

from core.calendar import Month
from core.versioning import Kind, versioned
from units.models import User
from units.selectors import units_visible_to

from .models import Article, MonthlyArticleTally, MonthlyPublication

EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)
TALLY_FIELDS = ("submitted", "non_compliant", "city_adopted", "province_adopted")


def version_of(record) -> str:
    """The version a stored figure was loaded with: its ``updated_at`` in whole microseconds."""
    if record is None:
        return ""
    return str((record.updated_at - EPOCH) // datetime.timedelta(microseconds=1))


@dataclass(slots=True)
class MonthFigures:
    """A unit's figures of one month. ``publications`` is ``None`` when nobody entered it (未录入);
    article counts add up the monthly totals and the register (no article means none sent)."""

    publications: int | None = None
    submitted: int = 0
    non_compliant: int = 0
    city_adopted: int = 0
    province_adopted: int = 0
    non_compliance_reasons: tuple[str, ...] = ()
    """Why registered articles of the month did not count (字数不足400字 …), each reason once."""

    @property
    def counted(self) -> int:
        return self.submitted - self.non_compliant


@dataclass(frozen=True)
class RegisterCounts:
    """What the per-article register holds for one unit and month."""

    received: int = 0
    non_compliant: int = 0
    city_adopted: int = 0
    province_adopted: int = 0

    @property
    def has_articles(self) -> bool:
        """Articles received in the month: its totals then come from the register only."""
        return self.received > 0


def _plain_rows(queryset: QuerySet) -> list[tuple]:
    """Rows of a ``values_list`` query of whole numbers, without Django's per-value converters.

    For 10,000 units the converters cost more than the query itself; integer aggregates need none.
    """
    sql, params = queryset.query.sql_with_params()
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _month_q(first: Month, last: Month) -> Q:
    """Rows with ``year``/``month`` columns from ``first`` to ``last``."""
    if first.year == last.year:
        return Q(year=first.year, month__gte=first.month, month__lte=last.month)
    return (
        Q(year=first.year, month__gte=first.month)
        | Q(year__gt=first.year, year__lt=last.year)
        | Q(year=last.year, month__lte=last.month)
    )


def _months(first: Month, last: Month) -> list[Month]:
    return [Month.from_index(i) for i in range(first.index, last.index + 1)]


def register_by_month(*, units, first: Month, last: Month) -> dict[tuple[int, Month], RegisterCounts]:
    """The article register per unit and month (one query): articles received and the
    non-compliant ones by the month received, adoptions by the month the city or the province
    published them."""
    months = _months(first, last)
    start, end = first.start, last.end
    counts = {}
    for i, month in enumerate(months):
        received = Q(received_on__gte=month.start, received_on__lt=month.end)
        counts[f"r{i}"] = Count("pk", filter=received)
        counts[f"n{i}"] = Count("pk", filter=received & Q(is_compliant=False))
        counts[f"c{i}"] = Count("pk", filter=Q(city_adopted_on__gte=month.start, city_adopted_on__lt=month.end))
        counts[f"p{i}"] = Count("pk", filter=Q(province_adopted_on__gte=month.start, province_adopted_on__lt=month.end))
    in_range = (
        Q(received_on__gte=start, received_on__lt=end)
        | Q(city_adopted_on__gte=start, city_adopted_on__lt=end)
        | Q(province_adopted_on__gte=start, province_adopted_on__lt=end)
    )
    rows = _plain_rows(
        Article.objects.filter(in_range, unit__in=units)
        .values("unit_id")
        .annotate(**counts)
        .values_list("unit_id", *counts)
        .order_by()
    )
    found = {}
    for unit_id, *values in rows:
        for i, month in enumerate(months):
            figures = values[4 * i : 4 * i + 4]
            if any(figures):
                found[unit_id, month] = RegisterCounts(*figures)
    return found


def monthly_figures(*, units, first: Month, last: Month) -> dict[tuple[int, Month], MonthFigures]:
    """Every unit's figures per month from ``first`` to ``last``, keyed ``(unit_id, Month)``.

    ``units`` is a queryset of units (or of their ids). Only months with some figure are present:
    look them up with ``.get(key) or MonthFigures()``. Four queries, whatever the number of units.
    """
    figures: dict[tuple[int, Month], MonthFigures] = defaultdict(MonthFigures)
    months = _month_q(first, last)
    for unit_id, y, m, count in _plain_rows(
        MonthlyPublication.objects.filter(months, unit__in=units)
        .values_list("unit_id", "year", "month", "count")
        .order_by()
    ):
        figures[unit_id, Month(y, m)].publications = count
    for unit_id, y, m, *tally in _plain_rows(
        MonthlyArticleTally.objects.filter(months, unit__in=units)
        .values_list("unit_id", "year", "month", *TALLY_FIELDS)
        .order_by()
    ):
        fig = figures[unit_id, Month(y, m)]
        fig.submitted += tally[0]
        fig.non_compliant += tally[1]
        fig.city_adopted += tally[2]
        fig.province_adopted += tally[3]
    for key, counts in register_by_month(units=units, first=first, last=last).items():
        fig = figures[key]
        fig.submitted += counts.received
        fig.non_compliant += counts.non_compliant
        fig.city_adopted += counts.city_adopted
        fig.province_adopted += counts.province_adopted
    reasons: dict[tuple[int, Month], set[str]] = defaultdict(set)
    for unit_id, received_on, reason in Article.objects.filter(
        unit__in=units, is_compliant=False, received_on__gte=first.start, received_on__lt=last.end
    ).values_list("unit_id", "received_on", "non_compliance_reason"):
        reasons[unit_id, Month.of(received_on)].add(reason.strip())
    for key, texts in reasons.items():
        figures[key].non_compliance_reasons = tuple(sorted(t for t in texts if t))
    return dict(figures)


def articles_visible_to(user: User) -> QuerySet[Article]:
    """The article register as the user may see it, with what the list shows in one query."""
    return Article.objects.filter(unit__in=units_visible_to(user).values("pk")).select_related("unit", "updated_by")


ARTICLE_EXPORT_LIMIT = 20_000


@dataclass(frozen=True)
class ArticleExportRow:
    """One article of the register as the Excel download lists it."""

    received_on: datetime.date
    unit: str
    title: str
    char_count: int | None
    is_compliant: bool
    non_compliance_reason: str
    city_adopted_on: datetime.date | None
    province_adopted_on: datetime.date | None


def article_export_rows(articles: QuerySet[Article]) -> list[ArticleExportRow]:
    """The articles of a filtered, ordered register (from :func:`articles_visible_to`), at most
    :data:`ARTICLE_EXPORT_LIMIT`, in one query of the columns the download needs."""
    fields = (
        "received_on",
        "unit__name",
        "title",
        "char_count",
        "is_compliant",
        "non_compliance_reason",
        "city_adopted_on",
        "province_adopted_on",
    )
    return [ArticleExportRow(*values) for values in articles.values_list(*fields)[:ARTICLE_EXPORT_LIMIT]]


def articles_of_quarter(*, unit, quarter) -> QuerySet[Article]:
    """A unit's registered articles received or adopted in ``quarter``, newest first."""
    start, end = quarter.start, quarter.end
    return Article.objects.filter(
        Q(received_on__gte=start, received_on__lt=end)
        | Q(city_adopted_on__gte=start, city_adopted_on__lt=end)
        | Q(province_adopted_on__gte=start, province_adopted_on__lt=end),
        unit=unit,
    ).order_by("-received_on", "-pk")


def data_month_range() -> tuple[Month, Month] | None:
    """The first and the last month with any figure recorded (three queries, once per data version)."""
    return versioned(("data_month_range",), _data_month_range, kinds=(Kind.FIGURES,))


def _data_month_range() -> tuple[Month, Month] | None:
    indexes: list[int] = []
    for model in (MonthlyPublication, MonthlyArticleTally):
        key = F("year") * 12 + F("month") - 1
        span = model.objects.aggregate(lo=Min(key), hi=Max(key))
        indexes += [v for v in span.values() if v is not None]
    span = Article.objects.aggregate(lo=Min("received_on"), hi=Max("received_on"))
    indexes += [Month.of(d).index for d in span.values() if d is not None]
    if not indexes:
        return None
    return Month.from_index(min(indexes)), Month.from_index(max(indexes))


def adoption_totals(*, unit_ids, year: int) -> dict[int, list[int]]:
    """Per unit, ``[adopted, counted]``: city and province adoptions and counted articles of ``year``."""
    totals = {unit_id: [0, 0] for unit_id in unit_ids}
    for (unit_id, _), fig in monthly_figures(units=list(totals), first=Month(year, 1), last=Month(year, 12)).items():
        totals[unit_id][0] += fig.city_adopted + fig.province_adopted
        totals[unit_id][1] += fig.counted
    return totals


def adoption_excess(totals: dict[int, list[int]], names: dict[int, str], *, year: int) -> list[str]:
    """Units whose adoptions outnumber their counted articles: a likely typing error, flagged (not
    refused), as ``区人社局：2024年市、省采用3篇，多于全年合格投稿2篇，请核对``."""
    return [
        f"{names[pk]}：{year}年市、省采用{adopted}篇，多于全年合格投稿{counted}篇，请核对"
        for pk, (adopted, counted) in sorted(totals.items(), key=lambda item: names[item[0]])
        if adopted > counted
    ]
