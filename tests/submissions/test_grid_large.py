"""A large district: 250 units, about 1,500 fields in one POST."""

import pytest

from submissions.models import MonthlyArticleTally, MonthlyPublication
from tests.factories import PublicationFactory, TownFactory, UnitFactory
from tests.submissions.helpers import grid_url, load_grid

pytestmark = pytest.mark.django_db


def test_a_250_unit_month_is_saved_in_one_post(staff_client, django_assert_max_num_queries):
    units = [(UnitFactory if i % 4 else TownFactory)() for i in range(250)]
    for unit in units[:50]:
        PublicationFactory(unit=unit, year=2024, month=10, count=1)
    data = load_grid(staff_client)
    assert len(data) == 250 * 6 + 1  # five cells and the row state per unit, the CSRF token
    for i, unit in enumerate(units):
        data[f"u{unit.pk}-pub"] = str(i % 13)
        data[f"u{unit.pk}-sub"] = str(i % 3)
        data[f"u{unit.pk}-nc"] = "0"

    response = staff_client.post(grid_url(), data, follow=True)

    assert response.redirect_chain == [("/data/grid/2024/10/", 302)]
    assert "已保存250行。" in response.content.decode()
    assert MonthlyPublication.objects.count() == 250
    assert MonthlyArticleTally.objects.count() == 250
    assert sorted(MonthlyPublication.objects.values_list("count", flat=True)) == sorted(i % 13 for i in range(250))
    with django_assert_max_num_queries(8):  # as for 5 or 60 units (test_grid_page.GRID_QUERIES)
        staff_client.get(grid_url())
