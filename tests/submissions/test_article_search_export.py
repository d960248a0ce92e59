"""The article register: search by title (every word typed) and the filtered list as Excel, in the
list's order, built by core.xlsx from a selector."""

import datetime
import io
from urllib.parse import unquote

import pytest
from openpyxl import load_workbook

from tests.factories import ArticleFactory, TownFactory, UnitFactory

pytestmark = pytest.mark.django_db

LIST_URL = "/data/articles/"
D = datetime.date


@pytest.fixture
def register(db):
    rs = UnitFactory(name="区人社局", sort_order=1)
    commerce = UnitFactory(name="区商务局", sort_order=2)
    town = TownFactory(name="金山镇", sort_order=1)
    ArticleFactory(
        unit=rs, title="人社局开展就业服务进社区活动", received_on=D(2024, 10, 8), city_adopted_on=D(2024, 10, 20)
    )
    ArticleFactory(
        unit=rs,
        title="政务公开助力稳就业",
        received_on=D(2024, 11, 2),
        char_count=1260,
        province_adopted_on=D(2024, 11, 30),
    )
    ArticleFactory(
        unit=commerce,
        title="商务局公开惠企政策",
        received_on=D(2024, 10, 31),
        char_count=350,
        is_compliant=False,
        non_compliance_reason="字数不足400字",
    )
    ArticleFactory(unit=town, title="金山镇政务公开专区上线", received_on=D(2024, 9, 30), char_count=None)
    return rs, commerce, town


def titles(client, query=""):
    response = client.get(LIST_URL + query)
    assert response.status_code == 200
    return [row.record.title for row in response.context["table"].page.object_list]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?title=就业", ["政务公开助力稳就业", "人社局开展就业服务进社区活动"]),
        ("?title=政务公开", ["政务公开助力稳就业", "金山镇政务公开专区上线"]),
        ("?title=政务公开+上线", ["金山镇政务公开专区上线"]),
        ("?title=%E3%80%80就业%E3%80%80社区", ["人社局开展就业服务进社区活动"]),  # full-width spaces
        ("?title=就业&month=2024-11", ["政务公开助力稳就业"]),
        ("?title=没有这篇", []),
        (
            "?title=",
            ["政务公开助力稳就业", "商务局公开惠企政策", "人社局开展就业服务进社区活动", "金山镇政务公开专区上线"],
        ),
    ],
)
def test_search_by_title(staff_client, register, query, expected):
    assert titles(staff_client, query) == expected


def test_the_search_box_is_first_among_the_filters(staff_client, register):
    html = staff_client.get(LIST_URL + "?title=就业").content.decode()

    assert '<input type="search" name="title" value="就业" placeholder="标题中的字词" id="id_title">' in html
    assert html.index('name="title"') < html.index('name="unit"')


def download(client, query: str):
    response = client.get(LIST_URL + query)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    return response, [tuple(c.value for c in row) for row in sheet.iter_rows()]


def test_the_list_links_the_download_with_its_filter_and_order(staff_client, register):
    html = staff_client.get(LIST_URL + "?title=就业&sort=unit&page=1").content.decode()

    assert (
        '<a class="button" href="?title=%E5%B0%B1%E4%B8%9A&amp;sort=unit&amp;format=xlsx" download>导出Excel</a>'
        in html
    )


def test_the_excel_lists_the_filtered_articles_as_the_list_does(staff_client, register):
    response, rows = download(staff_client, "?month=2024-10&format=xlsx")

    assert unquote(response["Content-Disposition"]) == "attachment; filename*=utf-8''稿件登记（2024年10月）.xlsx"
    assert rows == [
        ("“政务公开在行动”稿件登记（2024年10月），共2篇", None, None, None, None, None, None, None, None),
        ("序号", "收稿日期", "单位", "标题", "字数", "是否符合要求", "不符合原因", "市级采用", "省级采用"),
        (1, "2024年10月31日", "区商务局", "商务局公开惠企政策", 350, "否", "字数不足400字", None, None),
        (2, "2024年10月8日", "区人社局", "人社局开展就业服务进社区活动", 800, "是", None, "2024年10月20日", None),
    ]


def test_the_excel_follows_the_lists_sort_and_has_every_page(staff_client, register):
    _, rows = download(staff_client, "?sort=unit&format=xlsx&page=1")

    assert [(r[0], r[2], r[4]) for r in rows[2:]] == [
        (1, "区人社局", 800),
        (2, "区人社局", 1260),
        (3, "区商务局", 350),
        (4, "金山镇", None),
    ]
    assert rows[0][0] == "“政务公开在行动”稿件登记，共4篇"


def test_the_excel_with_a_search(staff_client, register):
    response, rows = download(staff_client, "?title=就业&format=xlsx")

    assert unquote(response["Content-Disposition"]) == "attachment; filename*=utf-8''稿件登记.xlsx"
    assert [r[3] for r in rows[2:]] == ["政务公开助力稳就业", "人社局开展就业服务进社区活动"]
    assert rows[2][8] == "2024年11月30日"


def test_the_download_takes_a_fixed_number_of_queries(staff_client, staff, django_assert_max_num_queries):
    for i in range(40):
        ArticleFactory(unit=UnitFactory(), received_on=D(2024, 10, 1 + i % 28), updated_by=staff)

    with django_assert_max_num_queries(4):  # session, user, unit choices of the filter, articles
        _, rows = download(staff_client, "?format=xlsx&sort=unit")

    assert len(rows) == 42


def test_a_unit_account_cannot_download(client, register):
    from tests.factories import UserFactory
    from units.models import User

    client.force_login(UserFactory(username="renshe", role=User.Role.UNIT_USER, unit=register[0]))

    assert client.get(LIST_URL + "?format=xlsx").status_code == 403
