"""Rule 2: one point off for every month without a counted article, from August 2020."""

import datetime
from decimal import Decimal

import pytest

from scoring.selectors import quarter_scores
from tests.factories import ArticleFactory, TallyFactory
from units.models import Unit


def items(row):
    return [(item.reason, item.points) for item in row.deduction_items]


@pytest.fixture
def score(real_units):
    def compute(name, year=2020, quarter=3):
        unit = Unit.objects.get(name=name)
        return quarter_scores(year=year, quarter=quarter).for_unit(unit.pk)

    return compute


def test_q3_2020_deducts_only_august_and_september(score):
    assert items(score("区发改局")) == [("8、9月份未投稿", Decimal("2"))]


def test_one_missing_month(score):
    unit = Unit.objects.get(name="齐陵街道")
    TallyFactory(unit=unit, month=8, submitted=1)

    assert items(score("齐陵街道")) == [("9月份未投稿", Decimal("1"))]


def test_a_non_compliant_article_is_recorded_but_not_counted(score):
    unit = Unit.objects.get(name="区教体局")
    TallyFactory(unit=unit, month=8, submitted=1)
    ArticleFactory(
        unit=unit,
        received_on=datetime.date(2020, 9, 3),
        is_compliant=False,
        non_compliance_reason="字数不足400字",
        char_count=320,
    )

    row = score("区教体局")

    assert [f.submitted for f in row.figures] == [0, 1, 1]
    assert [f.counted for f in row.figures] == [0, 1, 0]
    assert items(row) == [("9月份稿件不符合要求（字数不足400字）", Decimal("1"))]


def test_article_counts_in_the_month_it_was_received(score):
    unit = Unit.objects.get(name="区民政局")
    ArticleFactory(unit=unit, received_on=datetime.date(2020, 8, 31))
    ArticleFactory(unit=unit, received_on=datetime.date(2020, 9, 1))

    assert items(score("区民政局")) == []


def test_demonstration_site_sending_one_instead_of_two_is_not_deducted_in_2020(score):
    unit = Unit.objects.get(name="区人社局")
    TallyFactory(unit=unit, month=8, submitted=1)
    TallyFactory(unit=unit, month=9, submitted=1)

    row = score("区人社局")

    assert row.quota == [1, 2, 2]
    assert items(row) == []


def test_demonstration_site_shortfall_is_deducted_when_the_rule_set_says_so(score):
    from tests.factories import rules_2020

    rules = rules_2020()
    rules.quota_shortfall_points = Decimal("0.5")
    rules.save()
    unit = Unit.objects.get(name="朱台镇")
    TallyFactory(unit=unit, month=8, submitted=1)

    assert items(score("朱台镇")) == [("9月份未投稿", Decimal("1")), ("8月份投稿不足2篇", Decimal("0.5"))]


def test_exempt_office_is_never_deducted(score):
    assert items(score("区政府办公室")) == []


def test_requirement_in_force_deducts_all_three_months_of_a_later_quarter(score):
    assert items(score("区发改局", year=2021, quarter=1)) == [("1、2、3月份未投稿", Decimal("3"))]


def test_unit_not_yet_assessed_is_not_scored(score):
    assert score("区文物局") is None
    assert score("区文物局", year=2024, quarter=4).deduction == Decimal("3")


def test_months_that_have_not_ended_are_not_deducted(real_units):
    unit = Unit.objects.get(name="区发改局")

    row = quarter_scores(year=2020, quarter=3, today=datetime.date(2020, 9, 15)).for_unit(unit.pk)

    assert items(row) == [("8月份未投稿", Decimal("1"))]
