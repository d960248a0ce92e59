"""Rule sets are data, versioned by period: a past quarter recomputes to what was published."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from scoring.models import RuleSet
from scoring.selectors import quarter_scores, rule_set_for
from tests.factories import PublicationFactory, UnitFactory


def test_shipped_rule_sets(db):
    shipped = {r.valid_from.year: r for r in RuleSet.objects.all()}

    assert sorted(shipped) == [2020, 2024]
    for rules in shipped.values():
        assert rules.points_per_item == Decimal("0.5")
        assert rules.monthly_item_cap == 10
        assert rules.quarterly_publication_cap == Decimal("15")
        assert rules.no_submission_points == Decimal("1")
        assert rules.submission_required_from == datetime.date(2020, 8, 1)
        assert (rules.article_quota, rules.demo_site_article_quota) == (1, 2)
        assert rules.quota_shortfall_points == Decimal("0")
        assert (rules.city_adoption_bonus, rules.province_adoption_bonus) == (Decimal("1"), Decimal("1"))
        assert rules.bonus_in_quarterly_total is False


@pytest.mark.parametrize(
    ("year", "quarter", "name"),
    [
        (2020, 3, "2020年考核规则"),
        (2023, 4, "2023年考核规则"),
        (2024, 1, "2024年考核规则"),
        (2026, 2, "2024年考核规则"),
    ],
)
def test_quarter_uses_rule_set_in_force_on_its_first_day(db, year, quarter, name):
    RuleSet.objects.create(
        name="2023年考核规则", valid_from=datetime.date(2023, 1, 1), submission_required_from=datetime.date(2020, 8, 1)
    )

    assert rule_set_for(year, quarter).name == name


def test_a_new_rule_set_changes_later_quarters_only(db):
    unit = UnitFactory()
    for year in (2020, 2025):
        PublicationFactory(unit=unit, year=year, month=7, count=10)
    RuleSet.objects.create(
        name="2025年考核规则",
        valid_from=datetime.date(2025, 1, 1),
        points_per_item=Decimal("1"),
        monthly_item_cap=8,
        submission_required_from=datetime.date(2020, 8, 1),
    )

    assert quarter_scores(year=2020, quarter=3).rows[0].publication_score == Decimal("5")
    assert quarter_scores(year=2025, quarter=3).rows[0].publication_score == Decimal("8")


def test_rule_set_validation(db):
    rules = RuleSet(
        name="x",
        valid_from=datetime.date(2030, 1, 15),
        submission_required_from=datetime.date(2030, 1, 1),
        article_quota=2,
        demo_site_article_quota=1,
    )

    with pytest.raises(ValidationError) as error:
        rules.full_clean()

    assert error.value.message_dict == {
        "valid_from": ["请填写某月1日，表示从该月起。"],
        "demo_site_article_quota": ["示范点投稿任务不能少于一般单位。"],
    }
