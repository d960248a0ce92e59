"""A large district: 250 units, about 1,500 fields in one POST."""

import pytest

from submissions.models import MonthlyArticleTally, MonthlyPublication
from tests.factories import PublicationFactory, TownFactory, UnitFactory
from tests.submissions.helpers import grid_url, load_grid

pytestmark = pytest.mark.django_db


def test_a_250_unit_month_is_saved_in_one_post(staff_client, django_assert_max_num_queries, settings):
    settings.GRID_PAGE_SIZE = 250  # a district that wants its whole month on one page
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
    with django_assert_max_num_queries(10):  # as for 5 or 60 units (test_grid_page.GRID_QUERIES)
        staff_client.get(grid_url())


def test_a_large_district_pages_the_grid_and_saving_stays_on_the_page(client, staff, settings):
    from submissions.models import MonthlyPublication
    from tests.factories import UnitFactory

    settings.GRID_PAGE_SIZE = 2
    units = [UnitFactory(name=f"分页单位{i}", sort_order=i) for i in range(5)]
    client.force_login(staff)
    url = "/data/grid/2024/10/"

    pages = [client.get(url + f"?page={n}").content.decode() for n in (1, 2, 3)]

    assert [html.count(' id="unit-') for html in pages] == [2, 2, 1]
    assert "共5个单位，每页2个：" in pages[0]
    assert '<strong aria-current="page">第2页</strong>' in pages[1]
    assert f'name="u{units[4].pk}-pub"' in pages[2]
    state = pages[1].split(f'name="u{units[2].pk}-v" value="', 1)[1].split('"', 1)[0]
    response = client.post(url + "?page=2", {f"u{units[2].pk}-v": state, f"u{units[2].pk}-pub": "6"})
    assert response["Location"] == url + "?page=2"
    assert MonthlyPublication.objects.get(unit=units[2]).count == 6
