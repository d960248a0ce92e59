"""The office's scoring rules as pure functions over plain data (no database access).

The selectors fetch everything a quarter needs in a fixed number of queries and hand it here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Protocol

from core.formatting import ZERO, month_list_label
from inspections.models import Deduction
from submissions.selectors import MonthFigures


class Rules(Protocol):
    points_per_item: Decimal
    monthly_item_cap: int
    quarterly_publication_cap: Decimal
    article_quota: int
    demo_site_article_quota: int
    no_submission_points: Decimal
    quota_shortfall_points: Decimal
    city_adoption_bonus: Decimal
    province_adoption_bonus: Decimal
    bonus_in_quarterly_total: bool
    rank_method: str


@dataclass(frozen=True)
class UnitFacts:
    """What the rules need to know about a unit in one quarter; months are 1–12."""

    unit_id: int
    name: str
    category: str
    sort_order: int
    submission_exempt: bool
    assessed_months: frozenset[int]
    demo_site_months: frozenset[int] = frozenset()
    required_months: frozenset[int] = frozenset()
    """Months in which the article requirement applies (from the rule set's start month)."""


@dataclass(frozen=True)
class DeductionItem:
    reason: str
    points: Decimal
    automatic: bool = False
    deduction_id: int | None = None
    kind: str = Deduction.Kind.OTHER
    """:attr:`Deduction.Kind.NO_SUBMISSION` for the 未投稿 deduction, computed or entered."""


@dataclass
class UnitQuarterScore:
    unit_id: int
    name: str
    category: str
    sort_order: int
    months: tuple[int, int, int]
    figures: list[MonthFigures]
    assessed: list[bool]
    month_scores: list[Decimal]
    publication_score: Decimal
    bonus: Decimal
    """Adoption bonus earned in the quarter (shown in the submissions table)."""
    bonus_counted: Decimal
    """The part of the bonus that enters the quarterly total (0 where it only counts yearly)."""
    deduction_items: list[DeductionItem]
    deduction: Decimal
    total: Decimal
    rank: int = 0
    quota: list[int] = field(default_factory=list)
    submission_exempt: bool = False

    @property
    def publications(self) -> list[int | None]:
        """Items published per month; ``None`` where not assessed or not entered (未录入)."""
        return [f.publications if a else None for f, a in zip(self.figures, self.assessed, strict=True)]

    @property
    def missing_months(self) -> list[int]:
        """Assessed months whose publication figure nobody has entered yet (未录入)."""
        return [
            m for m, f, a in zip(self.months, self.figures, self.assessed, strict=True) if a and f.publications is None
        ]

    @property
    def complete(self) -> bool:
        """Every assessed month has its figure: the score is final, not provisional (暂定)."""
        return not self.missing_months


def month_publication_score(count: int | None, rules: Rules) -> Decimal:
    if not count:
        return ZERO
    return min(count, rules.monthly_item_cap) * rules.points_per_item


def publication_points_table(rules: Rules) -> tuple[Decimal, ...]:
    """Points for 0 … cap items, so scoring many units looks them up instead of multiplying."""
    return tuple(month_publication_score(count, rules) for count in range(rules.monthly_item_cap + 1))


def submission_deductions(
    unit: UnitFacts, months: Sequence[int], figures: Sequence[MonthFigures], rules: Rules
) -> list[DeductionItem]:
    """The automatic items: 未投稿 (no article at all), 稿件不符合要求 (articles sent, none counted,
    with their reasons) and, where the rule set says so, the quota shortfall."""
    if unit.submission_exempt:
        return []
    missing: list[int] = []
    poor: dict[str, list[int]] = {}
    short: list[tuple[int, int]] = []
    for month, fig in zip(months, figures, strict=True):
        if month not in unit.required_months or month not in unit.assessed_months:
            continue
        quota = rules.demo_site_article_quota if month in unit.demo_site_months else rules.article_quota
        if fig.submitted <= 0:
            missing.append(month)
        elif fig.counted <= 0:
            reasons = "、".join(fig.non_compliance_reasons)
            poor.setdefault(f"（{reasons}）" if reasons else "", []).append(month)
        elif fig.counted < quota:
            short.append((month, quota))
    items = []
    if rules.no_submission_points > 0:
        if missing:
            items.append(
                DeductionItem(
                    reason=f"{month_list_label(missing)}未投稿",
                    points=rules.no_submission_points * len(missing),
                    automatic=True,
                    kind=Deduction.Kind.NO_SUBMISSION,
                )
            )
        # A month whose articles all failed the requirements lost its point for that, not for silence.
        for reasons, poor_months in poor.items():
            items.append(
                DeductionItem(
                    reason=f"{month_list_label(poor_months)}稿件不符合要求{reasons}",
                    points=rules.no_submission_points * len(poor_months),
                    automatic=True,
                )
            )
    if short and rules.quota_shortfall_points > 0:
        quotas = sorted({q for _, q in short})
        quota_text = "、".join(str(q) for q in quotas)
        items.append(
            DeductionItem(
                reason=f"{month_list_label([m for m, _ in short])}投稿不足{quota_text}篇",
                points=rules.quota_shortfall_points * len(short),
                automatic=True,
            )
        )
    return items


def score_unit(
    unit: UnitFacts,
    months: tuple[int, int, int],
    figures: list[MonthFigures],
    manual_items: Iterable[DeductionItem],
    rules: Rules,
    points_table: tuple[Decimal, ...] | None = None,
) -> UnitQuarterScore:
    table = points_table or publication_points_table(rules)
    cap = len(table) - 1
    assessed = [m in unit.assessed_months for m in months]
    month_scores = [
        table[min(fig.publications or 0, cap)] if ok else ZERO for fig, ok in zip(figures, assessed, strict=True)
    ]
    publication_score = min(sum(month_scores, ZERO), rules.quarterly_publication_cap)
    city = province = 0
    for fig, ok in zip(figures, assessed, strict=True):
        if ok:
            city += fig.city_adopted
            province += fig.province_adopted
    bonus = city * rules.city_adoption_bonus + province * rules.province_adoption_bonus if city or province else ZERO
    bonus_counted = bonus if rules.bonus_in_quarterly_total else ZERO
    manual = list(manual_items)
    automatic = submission_deductions(unit, months, figures, rules)
    if any(item.kind == Deduction.Kind.NO_SUBMISSION for item in manual):
        # The office entered the 未投稿 deduction itself: it replaces the computed one.
        automatic = [item for item in automatic if item.kind != Deduction.Kind.NO_SUBMISSION]
    items = [*manual, *automatic]
    deduction = sum((item.points for item in items), ZERO)
    quota = [rules.demo_site_article_quota if m in unit.demo_site_months else rules.article_quota for m in months]
    return UnitQuarterScore(
        unit_id=unit.unit_id,
        name=unit.name,
        category=unit.category,
        sort_order=unit.sort_order,
        months=months,
        figures=figures,
        assessed=assessed,
        month_scores=month_scores,
        publication_score=publication_score,
        bonus=bonus,
        bonus_counted=bonus_counted,
        deduction_items=items,
        deduction=deduction,
        total=publication_score + bonus_counted - deduction,
        quota=quota,
        submission_exempt=unit.submission_exempt,
    )


def tie_order_key(score: UnitQuarterScore) -> tuple:
    """Within a category: by total, ties listed by the first month's count (then the next)."""
    counts = [-(p or 0) for p in score.publications]  # 未录入 sorts as 0
    return (-score.total, *counts, score.sort_order, score.name)


def _ranked(items: list, key, method: str, value) -> list[tuple]:
    """``(item, rank)`` by category (部门 first) then ``key``; equal ``value`` share a rank."""
    ranked: list[tuple] = []
    categories: dict[str, list] = {}
    for item in items:
        categories.setdefault(item.category, []).append(item)
    for category in sorted(categories, key=lambda c: (c != "部门", c)):
        group = sorted(categories[category], key=key)
        previous_total: Decimal | None = None
        rank = 0
        for position, item in enumerate(group, start=1):
            if value(item) != previous_total:
                rank = position if method == "competition" else rank + 1
                previous_total = value(item)
            ranked.append((item, rank))
    return ranked


def assign_ranks(items: list, *, key=tie_order_key, method: str = "competition", value=lambda item: item.total) -> list:
    """Sort by category (部门 first) then ``key``; equal totals (``value``) share a rank (并列).

    Works on any rows with ``category``, ``total`` and ``rank`` (quarterly or annual).
    """
    ranked = _ranked(items, key, method, value)
    for item, rank in ranked:
        item.rank = rank
    return [item for item, _ in ranked]


def ranked_copies(items: list, *, method: str = "competition", key=tie_order_key) -> list[UnitQuarterScore]:
    """:func:`assign_ranks` of quarterly rows without changing any of them: a row whose rank
    changes is copied (rows kept from an earlier computation may be read meanwhile)."""
    ranked = _ranked(items, key, method, lambda item: item.total)
    return [item if item.rank == rank else replace(item, rank=rank) for item, rank in ranked]
