"""A unit's trend gives, quarter by quarter, exactly the totals of the quarterly scoring."""

import datetime
from decimal import Decimal

from core.calendar import Quarter
from scoring.selectors import quarter_scores, unit_trend
from tests.factories import (
    ArticleFactory,
    DeductionFactory,
    DemoSitePeriodFactory,
    PublicationFactory,
    TallyFactory,
    UnitFactory,
)


def test_trend_equals_quarter_scores(db, django_assert_max_num_queries):
    unit = UnitFactory(name="区人社局", assessed_from=datetime.date(2020, 5, 1))
    DemoSitePeriodFactory(unit=unit, start=datetime.date(2020, 8, 1), end=datetime.date(2020, 12, 1))
    for year, month, count in [(2020, 5, 3), (2020, 7, 12), (2020, 8, 1), (2020, 11, 7), (2021, 1, 10)]:
        PublicationFactory(unit=unit, year=year, month=month, count=count)
    TallyFactory(unit=unit, year=2020, month=8, submitted=2, non_compliant=1, city_adopted=1)
    ArticleFactory(unit=unit, received_on=datetime.date(2020, 10, 8), province_adopted_on=datetime.date(2021, 1, 5))
    ArticleFactory(
        unit=unit, received_on=datetime.date(2020, 12, 8), is_compliant=False, non_compliance_reason="字数不足400字"
    )
    DeductionFactory(unit=unit, year=2020, quarter=4, reason="错敏词", points=Decimal("0.5"))
    UnitFactory(name="区商务局")

    with django_assert_max_num_queries(12):
        trend = unit_trend(unit=unit, year=2021, quarter=1, count=6)

    expected = []
    for y, q in [(2019, 4), (2020, 1), (2020, 2), (2020, 3), (2020, 4), (2021, 1)]:
        try:
            row = quarter_scores(year=y, quarter=q).for_unit(unit.pk)
        except LookupError:
            row = None
        expected.append((Quarter(y, q), row.total if row else None))
    assert trend == expected
    assert [t for _, t in trend] == [None, None, Decimal("1.5"), Decimal("4.5"), Decimal("1"), Decimal("2")]
