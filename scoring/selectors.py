"""Reads of scores: a quarter or a year of every assessed unit in a fixed number of queries."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db import connections
from django.db.models import Count, F, Max, Min, Q, QuerySet, Sum
from django.utils import timezone

from inspections.models import Deduction
from linzi_gk.numbers import ZERO, quarter_label, quarter_months
from submissions.models import Article, MonthlyArticleTally, MonthlyPublication
from units.models import DemoSitePeriod, Unit
from units.selectors import assessed_units_in

from .engine import (
    DeductionItem,
    MonthFigures,
    UnitFacts,
    UnitQuarterScore,
    assign_ranks,
    publication_points_table,
    score_unit,
)
from .models import RuleSet


class NoRuleSet(LookupError):
    pass


def quarter_bounds(year: int, quarter: int) -> tuple[datetime.date, datetime.date, datetime.date]:
    """First day of the first month, first day of the last month, first day after the quarter."""
    first, _, last = quarter_months(quarter)
    end = datetime.date(year + 1, 1, 1) if quarter == 4 else datetime.date(year, last + 1, 1)
    return datetime.date(year, first, 1), datetime.date(year, last, 1), end


def rule_set_for(year: int, quarter: int) -> RuleSet:
    start, _, _ = quarter_bounds(year, quarter)
    rules = RuleSet.objects.filter(valid_from__lte=start).order_by("-valid_from").first()
    if rules is None:
        raise NoRuleSet(f"没有适用于{quarter_label(year, quarter)}的计分规则，请管理员先设置计分规则。")
    return rules


@dataclass
class QuarterScores:
    year: int
    quarter: int
    rules: RuleSet
    months: tuple[int, int, int]
    rows: list[UnitQuarterScore]

    def by_category(self, category: str) -> list[UnitQuarterScore]:
        return [row for row in self.rows if row.category == category]

    def for_unit(self, unit_id: int) -> UnitQuarterScore | None:
        return next((row for row in self.rows if row.unit_id == unit_id), None)


def _plain_rows(queryset: QuerySet) -> list[tuple]:
    """Rows of a ``values_list`` query of whole numbers, without Django's per-value converters.

    For 10,000 units the converters cost more than the query itself; integer aggregates need none.
    """
    sql, params = queryset.query.sql_with_params()
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _assessed_months(months, month_starts, assessed_from, assessed_until) -> frozenset[int]:
    if assessed_from is None and assessed_until is None:
        return frozenset(months)
    return frozenset(
        m
        for m, m_start in zip(months, month_starts, strict=True)
        if (assessed_from is None or assessed_from <= m_start) and (assessed_until is None or m_start <= assessed_until)
    )


def _demo_site_months(months, month_starts, periods) -> frozenset[int]:
    """The months a (start, end-or-None) demonstration-site period covers."""
    if not periods:
        return frozenset()
    return frozenset(
        m
        for m, m_start in zip(months, month_starts, strict=True)
        if any(p_start <= m_start and (p_end is None or m_start <= p_end) for p_start, p_end in periods)
    )


def _month_start(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, 1)


def required_months(months, month_starts, rules: RuleSet, today: datetime.date | None = None) -> frozenset[int]:
    """Months in which a missing article is deducted: from the rule set's start month, and only
    months that have ended (a unit may still send this month's article)."""
    today = today or timezone.localdate()
    return frozenset(
        m
        for m, m_start in zip(months, month_starts, strict=True)
        if m_start >= rules.submission_required_from and _next_month(m_start) <= today
    )


def _next_month(day: datetime.date) -> datetime.date:
    return datetime.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def quarter_scores(*, year: int, quarter: int, today: datetime.date | None = None) -> QuarterScores:
    """Scores and ranks of every unit assessed in the quarter, in seven queries.

    ``today`` (default: today) decides which months have ended and so can be deducted.
    """
    rules = rule_set_for(year, quarter)
    months = quarter_months(quarter)
    start, last, end = quarter_bounds(year, quarter)
    unit_qs = assessed_units_in(start, last)

    units_list = list(
        unit_qs.order_by("category", "sort_order", "name").values_list(
            "pk", "name", "category", "sort_order", "submission_exempt", "assessed_from", "assessed_until"
        )
    )
    month_starts = [_month_start(year, m) for m in months]
    month_ends = [*month_starts[1:], end]
    periods: dict[int, list[tuple]] = defaultdict(list)
    for unit_id, p_start, p_end in DemoSitePeriod.objects.filter(
        Q(end__isnull=True) | Q(end__gte=start), start__lte=last, unit__in=unit_qs
    ).values_list("unit_id", "start", "end"):
        periods[unit_id].append((p_start, p_end))

    # One row per unit from each source, the three months side by side (conditional aggregates).
    figures: dict[int, list[MonthFigures]] = defaultdict(lambda: [MonthFigures() for _ in months])
    per_month = {f"p{i}": Max("count", filter=Q(month=m)) for i, m in enumerate(months)}
    publication_rows = _plain_rows(
        MonthlyPublication.objects.filter(year=year, month__in=months, unit__in=unit_qs)
        .values("unit_id")
        .annotate(**per_month)
        .values_list("unit_id", *per_month)
        .order_by()
    )
    for unit_id, *counts in publication_rows:
        for fig, count in zip(figures[unit_id], counts, strict=True):
            fig.publications = count
    tally_fields = ("submitted", "non_compliant", "city_adopted", "province_adopted")
    sums = {f"{name}{i}": Sum(name, filter=Q(month=m)) for i, m in enumerate(months) for name in tally_fields}
    article_counts = {}
    for i, (m_start, m_end) in enumerate(zip(month_starts, month_ends, strict=True)):
        received = Q(received_on__gte=m_start, received_on__lt=m_end)
        article_counts[f"submitted{i}"] = Count("pk", filter=received)
        article_counts[f"non_compliant{i}"] = Count("pk", filter=received & Q(is_compliant=False))
        article_counts[f"city_adopted{i}"] = Count(
            "pk", filter=Q(city_adopted_on__gte=m_start, city_adopted_on__lt=m_end)
        )
        article_counts[f"province_adopted{i}"] = Count(
            "pk", filter=Q(province_adopted_on__gte=m_start, province_adopted_on__lt=m_end)
        )
    in_quarter = (
        Q(received_on__gte=start, received_on__lt=end)
        | Q(city_adopted_on__gte=start, city_adopted_on__lt=end)
        | Q(province_adopted_on__gte=start, province_adopted_on__lt=end)
    )
    sources = (
        MonthlyArticleTally.objects.filter(year=year, month__in=months, unit__in=unit_qs)
        .values("unit_id")
        .annotate(**sums)
        .values_list("unit_id", *sums),
        Article.objects.filter(in_quarter, unit__in=unit_qs)
        .values("unit_id")
        .annotate(**article_counts)
        .values_list("unit_id", *article_counts),
    )
    for source in sources:
        for row in _plain_rows(source.order_by()):
            for i, fig in enumerate(figures[row[0]]):
                base = 1 + 4 * i  # the four tally_fields of month i follow the unit id
                fig.submitted += row[base] or 0
                fig.non_compliant += row[base + 1] or 0
                fig.city_adopted += row[base + 2] or 0
                fig.province_adopted += row[base + 3] or 0

    manual: dict[int, list[DeductionItem]] = defaultdict(list)
    for pk, unit_id, reason, points in (
        Deduction.objects.filter(year=year, quarter=quarter, unit__in=unit_qs)
        .order_by("position", "pk")
        .values_list("pk", "unit_id", "reason", "points")
    ):
        manual[unit_id].append(DeductionItem(reason=reason, points=points, deduction_id=pk))

    required = required_months(months, month_starts, rules, today)
    no_figures = [MonthFigures() for _ in months]
    points_table = publication_points_table(rules)
    rows = []
    for pk, name, category, sort_order, exempt, assessed_from, assessed_until in units_list:
        assessed = _assessed_months(months, month_starts, assessed_from, assessed_until)
        facts = UnitFacts(
            unit_id=pk,
            name=name,
            category=category,
            sort_order=sort_order,
            submission_exempt=exempt,
            assessed_months=assessed,
            demo_site_months=_demo_site_months(months, month_starts, periods.get(pk, ())),
            required_months=required,
        )
        unit_figures = figures.get(pk, no_figures)
        rows.append(score_unit(facts, months, unit_figures, manual.get(pk, []), rules, points_table))
    rows = assign_ranks(rows, method=rules.rank_method)
    return QuarterScores(year=year, quarter=quarter, rules=rules, months=months, rows=rows)


@dataclass
class UnitYearScore:
    unit_id: int
    name: str
    category: str
    sort_order: int
    quarter_totals: list[Decimal | None]
    quarters_sum: Decimal
    adoption_bonus: Decimal
    """Adoption bonus of the year that did not already enter a quarterly total."""
    total: Decimal
    rank: int = 0


@dataclass
class YearScores:
    year: int
    quarters: list[int]
    rows: list[UnitYearScore]


def annual_scores(*, year: int, quarters: list[int] | None = None) -> YearScores:
    """Annual total per unit: the sum of its quarterly totals plus the adoption bonus that
    the rule set keeps out of the quarterly totals (年终考核)."""
    if quarters is None:
        quarters = [1, 2, 3, 4]
    per_unit: dict[int, UnitYearScore] = {}
    for index, quarter in enumerate(quarters):
        result = quarter_scores(year=year, quarter=quarter)
        for row in result.rows:
            entry = per_unit.get(row.unit_id)
            if entry is None:
                entry = per_unit[row.unit_id] = UnitYearScore(
                    unit_id=row.unit_id,
                    name=row.name,
                    category=row.category,
                    sort_order=row.sort_order,
                    quarter_totals=[None] * len(quarters),
                    quarters_sum=ZERO,
                    adoption_bonus=ZERO,
                    total=ZERO,
                )
            entry.quarter_totals[index] = row.total
            entry.quarters_sum += row.total
            entry.adoption_bonus += row.bonus - row.bonus_counted
    rows = list(per_unit.values())
    for row in rows:
        row.total = row.quarters_sum + row.adoption_bonus
    ordered = assign_ranks(rows, key=lambda r: (-r.total, r.sort_order, r.name))
    return YearScores(year=year, quarters=quarters, rows=ordered)


def latest_quarter_with_data() -> tuple[int, int] | None:
    """The most recent quarter with any publication figure or article recorded."""
    span = data_quarter_range()
    return span[1] if span else None


def previous_quarters(year: int, quarter: int, count: int) -> list[tuple[int, int]]:
    """``count`` quarters ending with (year, quarter), oldest first."""
    index = year * 4 + quarter - 1
    return [((i // 4), i % 4 + 1) for i in range(index - count + 1, index + 1)]


def data_quarter_range() -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The first and the last quarter with any figure recorded (three queries)."""
    months: list[int] = []  # year * 12 + month - 1
    for model in (MonthlyPublication, MonthlyArticleTally):
        key = F("year") * 12 + F("month") - 1
        span = model.objects.aggregate(lo=Min(key), hi=Max(key))
        months += [v for v in span.values() if v is not None]
    span = Article.objects.aggregate(lo=Min("received_on"), hi=Max("received_on"))
    months += [d.year * 12 + d.month - 1 for d in span.values() if d is not None]
    if not months:
        return None
    lo, hi = min(months), max(months)
    return (lo // 12, lo % 12 // 3 + 1), (hi // 12, hi % 12 // 3 + 1)


def unit_trend(
    *, unit: Unit, year: int, quarter: int, count: int = 8, today: datetime.date | None = None
) -> list[tuple[int, int, Decimal | None]]:
    """A unit's quarterly totals for the ``count`` quarters up to (year, quarter), oldest first;
    ``None`` where it was not assessed, no rule set applies or the district has no figures at all
    for that quarter (before the system was in use). A dozen queries, whatever the number of units."""
    quarters = previous_quarters(year, quarter, count)
    span = data_quarter_range()
    if span is None:
        return [(y, q, None) for y, q in quarters]
    first, _, _ = quarter_bounds(*quarters[0])
    _, _, end = quarter_bounds(*quarters[-1])
    rule_sets = list(RuleSet.objects.filter(valid_from__lt=end).order_by("valid_from"))
    demo_periods = list(unit.demo_site_periods.values_list("start", "end"))
    years = (first.year, year)
    figures: dict[tuple[int, int], MonthFigures] = defaultdict(MonthFigures)
    for y, m, n in MonthlyPublication.objects.filter(unit=unit, year__range=years).values_list(
        "year", "month", "count"
    ):
        figures[y, m].publications = n
    for y, m, submitted, non_compliant, city, province in MonthlyArticleTally.objects.filter(
        unit=unit, year__range=years
    ).values_list("year", "month", "submitted", "non_compliant", "city_adopted", "province_adopted"):
        fig = figures[y, m]
        fig.submitted += submitted
        fig.non_compliant += non_compliant
        fig.city_adopted += city
        fig.province_adopted += province
    in_range = (
        Q(received_on__gte=first, received_on__lt=end)
        | Q(city_adopted_on__gte=first, city_adopted_on__lt=end)
        | Q(province_adopted_on__gte=first, province_adopted_on__lt=end)
    )
    for received, compliant, city, province in Article.objects.filter(in_range, unit=unit).values_list(
        "received_on", "is_compliant", "city_adopted_on", "province_adopted_on"
    ):
        fig = figures[received.year, received.month]
        fig.submitted += 1
        fig.non_compliant += not compliant
        for day, attr in ((city, "city_adopted"), (province, "province_adopted")):
            if day:
                adopted = figures[day.year, day.month]
                setattr(adopted, attr, getattr(adopted, attr) + 1)
    manual: dict[tuple[int, int], list[DeductionItem]] = defaultdict(list)
    for y, q, pk, reason, points in (
        Deduction.objects.filter(unit=unit, year__range=years)
        .order_by("position", "pk")
        .values_list("year", "quarter", "pk", "reason", "points")
    ):
        manual[y, q].append(DeductionItem(reason=reason, points=points, deduction_id=pk))

    trend: list[tuple[int, int, Decimal | None]] = []
    for y, q in quarters:
        start, _, _ = quarter_bounds(y, q)
        rules = next((r for r in reversed(rule_sets) if r.valid_from <= start), None)
        months = quarter_months(q)
        month_starts = [_month_start(y, m) for m in months]
        assessed = _assessed_months(months, month_starts, unit.assessed_from, unit.assessed_until)
        if rules is None or not assessed or not span[0] <= (y, q) <= span[1]:
            trend.append((y, q, None))
            continue
        facts = UnitFacts(
            unit_id=unit.pk,
            name=unit.name,
            category=unit.category,
            sort_order=unit.sort_order,
            submission_exempt=unit.submission_exempt,
            assessed_months=assessed,
            demo_site_months=_demo_site_months(months, month_starts, demo_periods),
            required_months=required_months(months, month_starts, rules, today),
        )
        score = score_unit(facts, months, [figures[y, m] for m in months], manual[y, q], rules)
        trend.append((y, q, score.total))
    return trend


def unit_articles(*, unit: Unit, year: int, quarter: int) -> QuerySet[Article]:
    """The unit's registered articles received or adopted in the quarter, newest first."""
    start, _, end = quarter_bounds(year, quarter)
    return Article.objects.filter(
        Q(received_on__gte=start, received_on__lt=end)
        | Q(city_adopted_on__gte=start, city_adopted_on__lt=end)
        | Q(province_adopted_on__gte=start, province_adopted_on__lt=end),
        unit=unit,
    ).order_by("-received_on", "-pk")
