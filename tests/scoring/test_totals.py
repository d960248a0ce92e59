"""Rules 3 to 5: adoption bonus, itemized deductions and the quarterly and annual totals."""

import datetime
from decimal import Decimal

import pytest

from scoring.selectors import annual_scores, quarter_scores
from tests.factories import ArticleFactory, DeductionFactory, PublicationFactory, TallyFactory, rules_2020
from units.models import Unit


def publish(unit, counts, year=2020, months=(7, 8, 9)):
    for month, count in zip(months, counts, strict=True):
        PublicationFactory(unit=unit, year=year, month=month, count=count)


@pytest.mark.parametrize(
    ("name", "counts", "catalogue", "expected_total"),
    [
        ("区商务局", (12, 1, 11), Decimal("5"), Decimal("3.5")),
        ("皇城镇", (6, 35, 0), Decimal("5"), Decimal("3")),
        ("区城乡建设事务服务中心", (4, 6, 4), Decimal("5"), Decimal("0")),
    ],
)
def test_published_totals(real_units, name, counts, catalogue, expected_total):
    unit = Unit.objects.get(name=name)
    publish(unit, counts)
    DeductionFactory(unit=unit, reason="公开事项标准目录未上传", points=catalogue)
    if name == "皇城镇":  # 皇城镇 sent articles in August and September
        TallyFactory(unit=unit, month=8, submitted=1)
        TallyFactory(unit=unit, month=9, submitted=1)

    row = quarter_scores(year=2020, quarter=3).for_unit(unit.pk)

    assert row.total == expected_total


def test_shangwu_itemized(real_units):
    unit = Unit.objects.get(name="区商务局")
    publish(unit, (12, 1, 11))
    DeductionFactory(unit=unit, reason="公开事项标准目录未上传", points=Decimal("5"))

    row = quarter_scores(year=2020, quarter=3).for_unit(unit.pk)

    assert row.publication_score == Decimal("10.5")
    assert [(i.reason, i.points, i.automatic) for i in row.deduction_items] == [
        ("公开事项标准目录未上传", Decimal("5"), False),
        ("8、9月份未投稿", Decimal("2"), True),
    ]
    assert row.deduction == Decimal("7")
    assert row.total == Decimal("3.5")


def test_bonus_stays_outside_the_quarterly_total_in_2020(real_units):
    unit = Unit.objects.get(name="区人社局")
    publish(unit, (10, 10, 10))
    ArticleFactory(unit=unit, received_on=datetime.date(2020, 8, 3), city_adopted_on=datetime.date(2020, 8, 20))
    ArticleFactory(unit=unit, received_on=datetime.date(2020, 9, 3), province_adopted_on=datetime.date(2020, 10, 9))
    TallyFactory(unit=unit, month=9, submitted=1, city_adopted=1)

    row = quarter_scores(year=2020, quarter=3).for_unit(unit.pk)

    assert row.bonus == Decimal("2")  # city in Aug and Sep; the province adoption counts in October
    assert row.bonus_counted == Decimal("0")
    assert row.total == Decimal("15")
    q4 = quarter_scores(year=2020, quarter=4).for_unit(unit.pk)
    assert q4.bonus == Decimal("1")


def test_bonus_enters_the_quarter_when_the_rule_set_says_so(real_units):
    rules = rules_2020()
    rules.bonus_in_quarterly_total = True
    rules.save()
    unit = Unit.objects.get(name="区人社局")
    publish(unit, (2, 2, 2))
    TallyFactory(unit=unit, month=8, submitted=2, city_adopted=1, province_adopted=1)
    TallyFactory(unit=unit, month=9, submitted=2)

    row = quarter_scores(year=2020, quarter=3).for_unit(unit.pk)

    assert (row.bonus, row.bonus_counted, row.total) == (Decimal("2"), Decimal("2"), Decimal("5"))


def test_annual_total_is_sum_of_quarters_plus_adoption_bonus(real_units):
    unit = Unit.objects.get(name="区人社局")
    publish(unit, (10, 10, 10))
    publish(unit, (4, 4, 4), months=(10, 11, 12))
    for month in (8, 9, 10, 11, 12):
        TallyFactory(unit=unit, month=month, submitted=2, city_adopted=1 if month in (8, 12) else 0)

    result = annual_scores(year=2020, quarters=[3, 4])
    row = next(r for r in result.rows if r.unit_id == unit.pk)

    assert row.quarter_totals == [Decimal("15"), Decimal("6")]
    assert row.adoption_bonus == Decimal("2")
    assert row.total == Decimal("23")
    assert row.rank == 1
