"""Rule 1: 0.5 point per item, at most 10 items a month, 累计得分 = sum of the three months."""

from decimal import Decimal

import pytest

from scoring.selectors import quarter_scores
from tests.factories import PublicationFactory
from units.models import Unit

PUBLISHED_Q3_2020 = [
    ("区商务局", (12, 1, 11), Decimal("10.5")),
    ("区供销社", (6, 4, 7), Decimal("8.5")),
    ("皇城镇", (6, 35, 0), Decimal("8")),
    ("凤凰镇", (12, 9, 13), Decimal("14.5")),
]


@pytest.mark.parametrize(("name", "counts", "expected"), PUBLISHED_Q3_2020)
def test_published_examples(real_units, name, counts, expected):
    unit = Unit.objects.get(name=name)
    for month, count in zip((7, 8, 9), counts, strict=True):
        PublicationFactory(unit=unit, year=2020, month=month, count=count)

    row = quarter_scores(year=2020, quarter=3).for_unit(unit.pk)

    assert row.publications == list(counts)
    assert row.publication_score == expected


def test_monthly_cap_applies_per_month_not_per_quarter(real_units):
    unit = Unit.objects.get(name="皇城镇")
    PublicationFactory(unit=unit, year=2020, month=8, count=35)

    row = quarter_scores(year=2020, quarter=3).for_unit(unit.pk)

    assert row.month_scores == [Decimal("0"), Decimal("5"), Decimal("0")]
    assert row.publication_score == Decimal("5")


def test_full_quarter_is_capped_at_fifteen(real_units):
    unit = Unit.objects.get(name="凤凰镇")
    for month in (7, 8, 9):
        PublicationFactory(unit=unit, year=2020, month=month, count=40)

    assert quarter_scores(year=2020, quarter=3).for_unit(unit.pk).publication_score == Decimal("15")


def test_a_month_not_entered_is_not_zero_and_scores_nothing_yet(real_units):
    unit = Unit.objects.get(name="区供销社")
    PublicationFactory(unit=unit, year=2020, month=7, count=3)

    row = quarter_scores(year=2020, quarter=3).for_unit(unit.pk)

    assert row.publications == [3, None, None]
    assert (row.missing_months, row.complete) == ([8, 9], False)
    assert row.publication_score == Decimal("1.5")
