"""The article register: filters, sorting, pages of 50, a fixed number of queries."""

import datetime

import pytest

from tests.factories import ArticleFactory, TownFactory, UnitFactory

pytestmark = pytest.mark.django_db

LIST_URL = "/data/articles/"
D = datetime.date


@pytest.fixture
def register(db):
    rs = UnitFactory(name="区人社局", sort_order=1)
    commerce = UnitFactory(name="区商务局", sort_order=2)
    town = TownFactory(name="金山镇", sort_order=1)
    return {
        "a": ArticleFactory(unit=rs, title="甲", received_on=D(2024, 10, 8), city_adopted_on=D(2024, 10, 20)),
        "b": ArticleFactory(unit=rs, title="乙", received_on=D(2024, 11, 2), province_adopted_on=D(2024, 11, 30)),
        "c": ArticleFactory(
            unit=commerce,
            title="丙",
            received_on=D(2024, 10, 31),
            is_compliant=False,
            non_compliance_reason="字数不足400字",
        ),
        "d": ArticleFactory(unit=town, title="丁", received_on=D(2024, 9, 30)),
        "units": (rs, commerce, town),
    }


def titles(client, query=""):
    response = client.get(LIST_URL + query)
    assert response.status_code == 200
    return [row.record.title for row in response.context["table"].page.object_list]


def test_newest_first(staff_client, register):
    assert titles(staff_client) == ["乙", "丙", "甲", "丁"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?month=2024-10", ["丙", "甲"]),
        ("?received_after=2024-10-08&received_before=2024-10-31", ["丙", "甲"]),
        ("?received_after=2024-10-09", ["乙", "丙"]),
        ("?compliant=yes", ["乙", "甲", "丁"]),
        ("?compliant=no", ["丙"]),
        ("?adopted=city", ["甲"]),
        ("?adopted=province", ["乙"]),
        ("?adopted=any", ["乙", "甲"]),
        ("?adopted=none", ["丙", "丁"]),
    ],
)
def test_filters(staff_client, register, query, expected):
    assert titles(staff_client, query) == expected


def test_filter_on_unit_and_month_as_the_grid_links_it(staff_client, register):
    rs = register["units"][0]

    assert titles(staff_client, f"?unit={rs.pk}&month=2024-10") == ["甲"]


def test_a_bad_filter_value_is_explained(staff_client, register):
    response = staff_client.get(LIST_URL + "?month=2024-13&received_after=昨天")

    html = response.content.decode()
    assert "月份“2024-13”无效，请按“2024-10”的格式填写" in html
    assert "请填写有效日期，如2024-10-01" in html


def test_sorting_by_unit_departments_first(staff_client, register):
    def units(query):
        return [row.record.unit.name for row in staff_client.get(LIST_URL + query).context["table"].page.object_list]

    assert units("?sort=unit") == ["区人社局", "区人社局", "区商务局", "金山镇"]
    assert units("?sort=-unit") == ["金山镇", "区商务局", "区人社局", "区人社局"]


def test_table_shows_dates_in_chinese_and_the_reason(staff_client, register):
    html = staff_client.get(LIST_URL + "?compliant=no").content.decode()

    assert "2024年10月31日" in html
    assert '<span class="error">否</span><br><span class="hint">字数不足400字</span>' in html
    assert f'<a href="/data/articles/{register["c"].pk}/edit/">丙</a>' in html
    assert "共1篇。" in html


def test_fifty_per_page(staff_client, db):
    unit = UnitFactory()
    for day in range(60):
        ArticleFactory(unit=unit, received_on=D(2024, 1, 1) + datetime.timedelta(days=day))

    first = staff_client.get(LIST_URL)
    second = staff_client.get(LIST_URL + "?page=2")

    assert len(first.context["table"].page.object_list) == 50
    assert len(second.context["table"].page.object_list) == 10
    assert "共60篇。" in first.content.decode()


def test_the_add_link_carries_the_filtered_unit_and_month(staff_client, register):
    rs = register["units"][0]

    html = staff_client.get(LIST_URL + f"?unit={rs.pk}&month=2024-10").content.decode()

    assert f'href="/data/articles/add/?unit={rs.pk}&amp;month=2024-10"' in html
    assert '<a href="/data/grid/2024/10/">该月月度填报 ›</a>' in html


LIST_QUERIES = 5  # session, user, count, page of articles with units and editors, unit choices


@pytest.mark.parametrize("size", [5, 60])
def test_list_queries_do_not_grow(staff_client, staff, django_assert_max_num_queries, size):
    for i in range(size):
        ArticleFactory(unit=UnitFactory(), received_on=D(2024, 10, 1 + i % 28), updated_by=staff)

    with django_assert_max_num_queries(LIST_QUERIES):
        response = staff_client.get(LIST_URL + "?adopted=none&sort=unit")

    assert response.context["table"].paginator.count == size
