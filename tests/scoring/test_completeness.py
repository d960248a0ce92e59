"""A figure nobody entered is 未录入, not 0: on the score pages, the unit's page, the exports and
the JSON; ranks are 暂定 until the quarter is complete and its notice issued."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.factories import PublicationFactory, UnitFactory, UserFactory
from units.models import User

pytestmark = pytest.mark.django_db


@pytest.fixture
def january_only(db):
    """2025 Q1 with January entered for two units and February, March for one of them only."""
    entered = UnitFactory(name="区商务局", sort_order=1)
    partial = UnitFactory(name="区财政局", sort_order=2)
    for month in (1, 2, 3):
        PublicationFactory(unit=entered, year=2025, month=month, count=10)
    PublicationFactory(unit=partial, year=2025, month=1, count=4)
    return entered, partial


def test_the_quarter_page_says_what_is_missing(client, staff, january_only):
    client.force_login(staff)

    html = client.get(reverse("scoring:quarter", args=[2025, 1])).content.decode()

    assert "本季度数据尚不完整：2月：1个单位未录入；3月：1个单位未录入。未录入的月份暂按0分计，名次为暂定。" in html
    assert "名次（暂定）" in html
    assert html.count('<td class="num">未录入</td>') == 2
    assert "区财政局（未录入）" in html  # the ranking chart marks it too


def test_the_units_page_never_says_zero_for_a_missing_month(client, january_only):
    _, partial = january_only
    client.force_login(UserFactory(username="caizheng", role=User.Role.UNIT_USER, unit=partial))

    html = client.get(reverse("scoring:unit_quarter", args=[2025, 1, partial.pk])).content.decode()

    assert "2月网站发布数未录入，暂按0分计。" in html
    assert "2月网站发布0条" not in html
    assert "，暂定" in html


def test_the_excel_prints_not_entered(client, staff, january_only):
    client.force_login(staff)

    content = b"".join(client.get(reverse("scoring:quarter_xlsx", args=[2025, 1])).streaming_content)
    sheet = load_workbook(io.BytesIO(content))["各部门"]

    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=5)]
    assert rows[1][:5] == [2, "区财政局", 4, "未录入", "未录入"]
