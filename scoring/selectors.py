"""Reads of scores: a quarter or a year of every assessed unit in a fixed number of queries.

The monthly figures come from the one aggregation of :func:`submissions.selectors.monthly_figures`;
the rules are applied by the pure functions of :mod:`scoring.engine`.
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cached_property
from types import EllipsisType

from django.db.models import Q
from django.utils import timezone

from core.calendar import Month, Quarter
from core.formatting import ZERO
from core.hooks import MonthRules
from core.versioning import SCORES, versioned
from inspections.models import Deduction
from submissions.selectors import MonthFigures, data_month_range, monthly_figures
from units.models import DemoSitePeriod, Unit
from units.selectors import assessed_units_in

from .engine import (
    DeductionItem,
    UnitFacts,
    UnitQuarterScore,
    assign_ranks,
    publication_points_table,
    ranked_copies,
    score_unit,
    tie_order_key,
)
from .models import AnnualAdjustment, RuleSet


class NoRuleSet(LookupError):
    pass


def rule_set_for(year: int, quarter: int) -> RuleSet:
    period = Quarter(year, quarter)
    rules = RuleSet.objects.filter(valid_from__lte=period.start).order_by("-valid_from").first()
    if rules is None:
        raise NoRuleSet(f"没有适用于{period.label}的计分规则，请管理员先设置计分规则。")
    return rules


def month_rules(month: Month) -> MonthRules | None:
    """What the month grid shows a month's score with (answer of :data:`core.hooks.month_rules`)."""
    try:
        rules = rule_set_for(month.year, month.quarter.number)
    except NoRuleSet:
        return None
    return MonthRules(name=rules.name, points_per_item=rules.points_per_item, monthly_item_cap=rules.monthly_item_cap)


@dataclass
class QuarterScores:
    year: int
    quarter: int
    rules: RuleSet
    months: tuple[int, int, int]
    rows: list[UnitQuarterScore]
    required_months: frozenset[int] = frozenset()
    """Months whose article requirement applies (from the rule set's start month, ended months)."""

    @property
    def period(self) -> Quarter:
        return Quarter(self.year, self.quarter)

    def by_category(self, category: str) -> list[UnitQuarterScore]:
        return [row for row in self.rows if row.category == category]

    @cached_property
    def _by_unit(self) -> dict[int, UnitQuarterScore]:
        return {row.unit_id: row for row in self.rows}

    @cached_property
    def tie_keys(self) -> dict[int, tuple]:
        """Each unit's place in the ranking (:func:`~scoring.engine.tie_order_key`), by unit id."""
        return {row.unit_id: tie_order_key(row) for row in self.rows}

    @cached_property
    def category_sizes(self) -> Counter:
        """How many units each category ranks."""
        return Counter(row.category for row in self.rows)

    def for_unit(self, unit_id: int) -> UnitQuarterScore | None:
        return self._by_unit.get(unit_id)

    def in_official_order(self) -> list[UnitQuarterScore]:
        """Every row in the office's order of units (部门 first, then 镇街), not by rank."""
        return in_official_order(self.rows)


def in_official_order(rows: list) -> list:
    """Rows of units (``category``, ``sort_order``, ``name``) in the office's order: 部门 first."""
    return sorted(rows, key=lambda r: (r.category != "部门", r.sort_order, r.name))


def _assessed_months(months: tuple[Month, ...], assessed_from, assessed_until) -> frozenset[int]:
    return frozenset(
        m.month
        for m in months
        if (assessed_from is None or assessed_from <= m.start) and (assessed_until is None or m.start <= assessed_until)
    )


def _demo_site_months(months: tuple[Month, ...], periods) -> frozenset[int]:
    """The months a (start, end-or-None) demonstration-site period covers."""
    return frozenset(m.month for m in months if any(s <= m.start and (e is None or m.start <= e) for s, e in periods))


def required_months(months: tuple[Month, ...], rules: RuleSet, today: datetime.date | None = None) -> frozenset[int]:
    """Months in which a missing article is deducted: from the rule set's start month, and only
    months that have ended (a unit may still send this month's article)."""
    today = today or timezone.localdate()
    return frozenset(m.month for m in months if m.start >= rules.submission_required_from and m.has_ended(today))


def _unit_facts(row: tuple, months: tuple[Month, ...], periods, required: frozenset[int]) -> UnitFacts:
    pk, name, category, sort_order, exempt, assessed_from, assessed_until = row
    return UnitFacts(
        unit_id=pk,
        name=name,
        category=category,
        sort_order=sort_order,
        submission_exempt=exempt,
        assessed_months=_assessed_months(months, assessed_from, assessed_until),
        demo_site_months=_demo_site_months(months, periods),
        required_months=required,
    )


FEW_UNITS = 100
"""Up to this many units, the queries of their scores name them (an update after a write)."""
UNIT_COLUMNS = ("pk", "name", "category", "sort_order", "submission_exempt", "assessed_from", "assessed_until")


def _deduction_items(deductions) -> dict:
    """Entered deductions as engine items, keyed by the values before ``pk`` in each row."""
    items: dict = defaultdict(list)
    for *key, pk, reason, points, kind in deductions.order_by("position", "pk"):
        items[key[0] if len(key) == 1 else tuple(key)].append(
            DeductionItem(reason=reason, points=points, deduction_id=pk, kind=kind)
        )
    return items


def quarter_scores_current(*, year: int, quarter: int) -> QuarterScores:
    """:func:`quarter_scores` of today, computed once per process and change of the data it is
    computed from (the pages of a large district ask for it on every request); after a change of
    some units' figures or deductions, only their rows are computed again, then every rank.
    Never to be modified by the caller."""
    today = timezone.localdate()
    return versioned(
        ("quarter_scores", year, quarter, today),
        lambda: quarter_scores(year=year, quarter=quarter, today=today),
        kinds=SCORES,
        update=quarter_scores_update,
    )


def _score_rows(period: Quarter, rules: RuleSet, unit_qs, required: frozenset[int]) -> list[UnitQuarterScore]:
    """The scores of the units of ``unit_qs`` in ``period``, unranked, in five queries."""
    months = period.months
    units = list(unit_qs.order_by("category", "sort_order", "name").values_list(*UNIT_COLUMNS))
    if not units:
        return []
    # A few units (an update) by their ids, found through the indexes; the district by a subquery.
    scope = [row[0] for row in units] if len(units) <= FEW_UNITS else unit_qs
    periods: dict[int, list[tuple]] = defaultdict(list)
    for unit_id, p_start, p_end in DemoSitePeriod.objects.filter(
        Q(end__isnull=True) | Q(end__gte=period.start), start__lte=period.last_month_start, unit__in=scope
    ).values_list("unit_id", "start", "end"):
        periods[unit_id].append((p_start, p_end))
    figures = monthly_figures(units=scope, first=months[0], last=months[2])
    manual = _deduction_items(
        Deduction.objects.filter(year=period.year, quarter=period.number, unit__in=scope).values_list(
            "unit_id", "pk", "reason", "points", "kind"
        )
    )
    points_table = publication_points_table(rules)
    rows = []
    for unit in units:
        facts = _unit_facts(unit, months, periods.get(unit[0], ()), required)
        unit_figures = [figures.get((unit[0], m)) or MonthFigures() for m in months]
        rows.append(score_unit(facts, period.month_numbers, unit_figures, manual.get(unit[0], []), rules, points_table))
    return rows


def quarter_scores(*, year: int, quarter: int, today: datetime.date | None = None) -> QuarterScores:
    """Scores and ranks of every unit assessed in the quarter, in eight queries.

    ``today`` (default: today) decides which months have ended and so can be deducted.
    """
    period = Quarter(year, quarter)
    rules = rule_set_for(year, quarter)
    unit_qs = assessed_units_in(period.start, period.last_month_start)
    required = required_months(period.months, rules, today)
    rows = assign_ranks(_score_rows(period, rules, unit_qs, required), method=rules.rank_method)
    return QuarterScores(
        year=year, quarter=quarter, rules=rules, months=period.month_numbers, rows=rows, required_months=required
    )


def quarter_scores_update(scores: QuarterScores, unit_ids: set[int]) -> QuarterScores:
    """``scores`` with the rows of ``unit_ids`` computed afresh (from the same rule set and months
    that can be deducted) and every unit ranked again; ``scores`` itself is left as it was."""
    period = scores.period
    unit_qs = assessed_units_in(period.start, period.last_month_start).filter(pk__in=unit_ids)
    fresh = _score_rows(period, scores.rules, unit_qs, scores.required_months)
    kept = [row for row in scores.rows if row.unit_id not in unit_ids]
    keys = {**scores.tie_keys, **{row.unit_id: tie_order_key(row) for row in fresh}}
    rows = ranked_copies(kept + fresh, method=scores.rules.rank_method, key=lambda row: keys[row.unit_id])
    updated = replace(scores, rows=rows)
    updated.__dict__["tie_keys"] = {row.unit_id: keys[row.unit_id] for row in rows}  # known: not computed again
    return updated


@dataclass(frozen=True)
class AdjustmentItem:
    reason: str
    points: Decimal
    adjustment_id: int


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
    """Quarters plus adoption bonus (before the office's annual adjustments)."""
    rank: int = 0
    adjustments: list[AdjustmentItem] = field(default_factory=list)
    adjustment: Decimal = ZERO
    final_total: Decimal = ZERO
    """The annual assessment: ``total`` plus the adjustments; the rank is by this."""


@dataclass
class YearScores:
    year: int
    quarters: list[int]
    rows: list[UnitYearScore]

    def by_category(self, category: str) -> list[UnitYearScore]:
        return [row for row in self.rows if row.category == category]


def annual_adjustments(year: int) -> dict[int, list[AdjustmentItem]]:
    """The office's adjustments of a year's assessment per unit id (one query)."""
    items: dict[int, list[AdjustmentItem]] = defaultdict(list)
    for unit_id, pk, reason, points in (
        AnnualAdjustment.objects.filter(year=year).order_by("pk").values_list("unit_id", "pk", "reason", "points")
    ):
        items[unit_id].append(AdjustmentItem(reason=reason, points=points, adjustment_id=pk))
    return items


def annual_scores(*, year: int, quarters: list[int] | None = None) -> YearScores:
    """Annual assessment per unit: the sum of its quarterly totals plus the adoption bonus that
    the rule set keeps out of the quarterly totals (``total``), plus the office's annual
    adjustments (``final_total``, by which units are ranked) (年终考核)."""
    if quarters is None:
        quarters = [1, 2, 3, 4]
    per_unit: dict[int, UnitYearScore] = {}
    for index, quarter in enumerate(quarters):
        for row in quarter_scores(year=year, quarter=quarter).rows:
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
    adjustments = annual_adjustments(year)
    rows = list(per_unit.values())
    for row in rows:
        row.total = row.quarters_sum + row.adoption_bonus
        row.adjustments = adjustments.get(row.unit_id, [])
        row.adjustment = sum((item.points for item in row.adjustments), ZERO)
        row.final_total = row.total + row.adjustment
    ordered = assign_ranks(rows, key=lambda r: (-r.final_total, r.sort_order, r.name), value=lambda r: r.final_total)
    return YearScores(year=year, quarters=quarters, rows=ordered)


def data_quarter_range() -> tuple[Quarter, Quarter] | None:
    """The first and the last quarter with any figure recorded (three queries)."""
    span = data_month_range()
    return (span[0].quarter, span[1].quarter) if span else None


def latest_quarter_with_data(today: datetime.date | None = None) -> Quarter | None:
    """The most recent quarter with any publication figure or article recorded, never one after
    the current quarter: a figure typed for a month to come must not move every home page there."""
    span = data_quarter_range()
    if not span:
        return None
    current = Quarter.of(today or timezone.localdate())
    return min(span[1], current)


def unit_trend(
    *,
    unit: Unit,
    year: int,
    quarter: int,
    count: int = 8,
    today: datetime.date | None = None,
    span: tuple[Quarter, Quarter] | None | EllipsisType = ...,
) -> list[tuple[Quarter, Decimal | None]]:
    """A unit's quarterly totals for the ``count`` quarters up to (year, quarter), oldest first;
    ``None`` where it was not assessed, no rule set applies or the district has no figures at all
    for that quarter (before the system was in use): ``span``, :func:`data_quarter_range` unless
    given. About a dozen queries, whatever the number of units."""
    quarters = Quarter(year, quarter).back(count)
    if span is ...:
        span = data_quarter_range()
    if span is None or not unit.is_assessed:
        return [(q, None) for q in quarters]
    rule_sets = list(RuleSet.objects.filter(valid_from__lt=quarters[-1].end).order_by("valid_from"))
    demo_periods = list(unit.demo_site_periods.values_list("start", "end"))
    figures = monthly_figures(units=[unit.pk], first=quarters[0].months[0], last=quarters[-1].months[2])
    manual = _deduction_items(
        Deduction.objects.filter(unit=unit, year__gte=quarters[0].year, year__lte=year).values_list(
            "year", "quarter", "pk", "reason", "points", "kind"
        )
    )
    unit_row = tuple(getattr(unit, c) for c in UNIT_COLUMNS)
    trend: list[tuple[Quarter, Decimal | None]] = []
    for q in quarters:
        rules = next((r for r in reversed(rule_sets) if r.valid_from <= q.start), None)
        facts = _unit_facts(unit_row, q.months, demo_periods, frozenset())
        if rules is None or not facts.assessed_months or not span[0] <= q <= span[1]:
            trend.append((q, None))
            continue
        facts = _unit_facts(unit_row, q.months, demo_periods, required_months(q.months, rules, today))
        month_figures = [figures.get((unit.pk, m)) or MonthFigures() for m in q.months]
        score = score_unit(facts, q.month_numbers, month_figures, manual.get((q.year, q.number), []), rules)
        trend.append((q, score.total))
    return trend
