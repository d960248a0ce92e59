"""Rule 6: departments and towns ranked separately by total; ties share a rank."""

from decimal import Decimal

from scoring.engine import assign_ranks
from scoring.selectors import quarter_scores
from tests.factories import PublicationFactory, TallyFactory, UnitFactory
from units.models import Unit


def unit_with(name, category, counts, sort_order):
    unit = UnitFactory(name=name, category=category, sort_order=sort_order)
    for month, count in zip((7, 8, 9), counts, strict=True):
        PublicationFactory(unit=unit, year=2020, month=month, count=count)
        TallyFactory(unit=unit, year=2020, month=month, submitted=1)
    return unit


def test_ties_share_a_rank_and_are_listed_by_first_month(db):
    unit_with("区甲局", Unit.Category.DEPARTMENT, (4, 10, 10), 1)
    unit_with("区乙局", Unit.Category.DEPARTMENT, (10, 10, 4), 2)
    unit_with("区丙局", Unit.Category.DEPARTMENT, (10, 10, 10), 3)
    unit_with("区丁局", Unit.Category.DEPARTMENT, (1, 1, 1), 4)
    unit_with("甲镇", Unit.Category.TOWN, (2, 2, 2), 5)

    result = quarter_scores(year=2020, quarter=3)

    assert [(r.category, r.name, r.total, r.rank) for r in result.rows] == [
        ("部门", "区丙局", Decimal("15"), 1),
        ("部门", "区乙局", Decimal("12"), 2),
        ("部门", "区甲局", Decimal("12"), 2),
        ("部门", "区丁局", Decimal("1.5"), 4),
        ("镇街", "甲镇", Decimal("3"), 1),
    ]


def test_dense_ranking_when_configured():
    class Row:
        def __init__(self, total):
            self.category, self.total, self.rank = "部门", Decimal(total), 0

    rows = [Row("3"), Row("3"), Row("2")]

    assign_ranks(rows, key=lambda r: -r.total, method="dense")

    assert [r.rank for r in rows] == [1, 1, 2]
