"""The scoring service runs a fixed number of queries however many units there are."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from scoring.selectors import quarter_scores
from tests.factories import DeductionFactory, DemoSitePeriodFactory, PublicationFactory, TallyFactory, UnitFactory


def populate(n):
    for _ in range(n):
        unit = UnitFactory()
        DemoSitePeriodFactory(unit=unit)
        DeductionFactory(unit=unit)
        for month in (7, 8, 9):
            PublicationFactory(unit=unit, month=month, count=month)
            TallyFactory(unit=unit, month=month, submitted=1)


def count_queries():
    with CaptureQueriesContext(connection) as ctx:
        result = quarter_scores(year=2020, quarter=3)
    return len(ctx.captured_queries), len(result.rows)


@pytest.mark.django_db
def test_query_count_is_constant():
    populate(3)
    small, rows_small = count_queries()
    populate(40)
    large, rows_large = count_queries()

    assert (rows_small, rows_large) == (3, 43)
    # rule set, units, demonstration sites, four of the monthly figures, deductions
    assert small == large == 8
