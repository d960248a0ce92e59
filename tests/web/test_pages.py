"""The pages of the foundation: login, the quarter tables, a unit's own page; who may see what."""

import pytest
from django.urls import reverse

from tests.factories import DeductionFactory, PublicationFactory, TallyFactory, UnitFactory, UserFactory
from units.models import Unit, User


@pytest.fixture
def staff(db):
    return UserFactory(username="staff", role=User.Role.OFFICE_STAFF)


def populate(n, category=Unit.Category.DEPARTMENT):
    for _ in range(n):
        unit = UnitFactory(category=category)
        DeductionFactory(unit=unit)
        for month in (7, 8, 9):
            PublicationFactory(unit=unit, month=month, count=month)
            TallyFactory(unit=unit, month=month, submitted=1)


def test_anonymous_is_sent_to_login(client, db):
    response = client.get(reverse("scoring:quarter", args=[2020, 3]))

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/scores/2020/q3/"


def test_login_page_is_chinese(client, db):
    response = client.get(reverse("login"))

    assert response.status_code == 200
    assert "<h1>登录</h1>" in response.content.decode()


def test_office_sees_both_ranked_tables(client, staff):
    populate(2)
    populate(1, Unit.Category.TOWN)
    client.force_login(staff)

    response = client.get(reverse("scoring:quarter", args=[2020, 3]))

    html = response.content.decode()
    assert response.status_code == 200
    assert "2020年三季度政务公开工作情况" in html
    assert "区政府各部门" in html and "各镇、街道" in html
    (dept_title, dept, dept_chart), (town_title, town, _) = response.context["sections"]
    assert dept_chart.count("<rect") == 2
    assert (dept_title, town_title) == ("区政府各部门", "各镇、街道")
    assert "本季度通报尚未印发，名次为暂定。" in html
    assert [column.header for column in dept.columns] == [
        "名次（暂定）",
        "单位",
        "7月",
        "8月",
        "9月",
        "累计得分",
        "加分",
        "减分",
        "合计",
    ]
    assert [[str(v) for v in list(row)[2:]] for row in dept.rows] == [
        ["7", "8", "9", "12", "—", "5", "7"],
        ["7", "8", "9", "12", "—", "5", "7"],
    ]
    assert [row.get_cell("rank") for row in dept.rows] == [1, 1]
    assert len(town.rows) == 1
    assert 'href="?dept-sort=m1"' in html


def test_quarter_table_query_count_is_constant(client, staff, django_assert_max_num_queries):
    populate(3)
    client.force_login(staff)
    with django_assert_max_num_queries(16):
        client.get(reverse("scoring:quarter", args=[2020, 3]))
    populate(30)
    with django_assert_max_num_queries(16):
        response = client.get(reverse("scoring:quarter", args=[2020, 3]))
    assert response.content.decode().count('<a href="/scores/2020/q3/units/') == 33


def test_home_redirects_office_to_latest_quarter(client, staff):
    populate(1)
    client.force_login(staff)

    assert client.get("/")["Location"] == "/scores/2020/q3/"


def test_unit_user_sees_own_unit_only(client, db):
    own = UnitFactory(name="区人社局")
    other = UnitFactory(name="区商务局")
    PublicationFactory(unit=own, month=7, count=12)
    DeductionFactory(unit=own, reason="公开事项标准目录未上传")
    user = UserFactory(username="renshe", role=User.Role.UNIT_USER, unit=own)
    client.force_login(user)

    home = client.get("/")
    assert home["Location"] == f"/scores/2020/q3/units/{own.pk}/"
    page = client.get(home["Location"]).content.decode()
    assert "公开事项标准目录未上传，减5分" in page
    assert "8、9月份未投稿，减2分" in page

    denied = client.get(f"/scores/2020/q3/units/{other.pk}/")
    assert denied.status_code == 403
    assert "只能查看本单位的得分。" in denied.content.decode()
    assert client.get("/scores/2020/q3/").status_code == 403
    assert client.get("/units/").status_code == 403
    assert client.get(f"/scores/2020/q3/units/{other.pk + 999}/").status_code == 403


def test_office_gets_404_for_unknown_unit(client, staff):
    client.force_login(staff)

    response = client.get("/scores/2020/q3/units/999999/")

    assert response.status_code == 404
    assert "页面不存在（404）" in response.content.decode()


def test_unit_list(client, staff, real_units, django_assert_max_num_queries):
    client.force_login(staff)

    with django_assert_max_num_queries(8):
        response = client.get(reverse("units:list"))

    html = response.content.decode()
    assert html.count('<tr><td class="num">') == 71
    assert html.count("<td>不参加考核</td>") == 3
    assert "区卫健委、区卫生健康局、卫健委、卫健局" in html
    assert "2020年8月起" in html
