"""Score pages: filtering, the Excel download and the unit dashboard."""

import datetime
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from tests.factories import ArticleFactory, DeductionFactory, PublicationFactory, TallyFactory, UnitFactory, UserFactory
from units.models import Unit, User


@pytest.fixture
def staff(db):
    return UserFactory(username="staff", role=User.Role.OFFICE_STAFF)


@pytest.fixture
def shangwu(db):
    unit = UnitFactory(name="区商务局", sort_order=1)
    for month, count in zip((7, 8, 9), (12, 1, 11), strict=True):
        PublicationFactory(unit=unit, month=month, count=count)
    DeductionFactory(unit=unit, reason="公开事项标准目录未上传", points=Decimal("5"))
    return unit


def test_filter_by_name_and_deductions(client, staff, shangwu):
    other = UnitFactory(name="区民政局", sort_order=2)
    for month in (7, 8, 9):
        TallyFactory(unit=other, month=month, submitted=1)
    client.force_login(staff)

    by_name = client.get("/scores/2020/q3/?q=民政").context["sections"][0][1]
    deducted = client.get("/scores/2020/q3/?deducted=1").context["sections"][0][1]

    assert [row.get_cell("name") for row in by_name.rows] == [
        f'<a href="/scores/2020/q3/units/{other.pk}/">区民政局</a>'
    ]
    assert [row.record["name"] for row in deducted.rows] == ["区商务局"]


def test_excel_download_matches_the_scores(client, staff, shangwu):
    town = UnitFactory(name="=皇城镇", category=Unit.Category.TOWN)
    PublicationFactory(unit=town, month=8, count=35)
    client.force_login(staff)

    response = client.get("/scores/2020/q3/xlsx/")

    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''2020%E5%B9%B4%E4%B8%89%E5%AD%A3%E5%BA%A6%E6%94%BF%E5%8A%A1%E5%85%AC%E5%BC%80%E5%BE%97%E5%88%86.xlsx"
    )
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    assert workbook.sheetnames == ["各部门", "各镇、街道"]
    dept = workbook["各部门"]
    assert dept["A1"].value == "各部门第三季度政务公开工作情况统计"
    assert [c.value for c in dept[2]] == [
        "名次",  # the score table's rank column (the notices keep the office's 序号)
        "单位",
        "政府网站信息公开发布情况",
        None,
        None,
        None,
        "加分",
        "减分",
        "合计",
    ]
    assert [c.value for c in dept[3]][2:6] == ["数量", None, None, "累计得分"]
    assert [c.value for c in dept[4]][2:5] == ["7月", "8月", "9月"]
    assert [c.value for c in dept[5]] == [1, "区商务局", 12, 1, 11, 10.5, None, 7, 3.5]
    assert dept["A7"].value == "注：稿件被市级、省级采用的加分计入年终考核，不计入季度合计，故本表“加分”栏为空。"
    assert "C2:F2" in {str(r) for r in dept.merged_cells.ranges}
    assert dept.print_title_rows == "$2:$4"
    assert dept.page_setup.paperSize == 9
    town_row = [c for c in workbook["各镇、街道"][5]]
    assert town_row[1].value == "=皇城镇"
    assert town_row[1].data_type == "s"


def test_unit_dashboard_shows_points_lost_trend_and_articles(client, shangwu, django_assert_max_num_queries):
    user = UserFactory(username="shangwu", role=User.Role.UNIT_USER, unit=shangwu)
    ArticleFactory(
        unit=shangwu,
        title="商务局政务公开新举措",
        received_on=datetime.date(2020, 9, 10),
        city_adopted_on=datetime.date(2020, 9, 28),
    )
    client.force_login(user)

    with django_assert_max_num_queries(30):
        response = client.get(f"/scores/2020/q3/units/{shangwu.pk}/")

    html = response.content.decode()
    assert "公开事项标准目录未上传，减5分" in html
    assert "8月份未投稿，减1分" in html
    assert "共减6分。" in html
    assert "8月网站发布1条，未达到每月10条计满分，得0.5分。" in html
    assert "商务局政务公开新举措" in html
    assert "市级采用 2020年9月28日" in html
    trend = response.context["trend_chart"]
    # Only 2020 Q3: no rule set applies before 2020, and nothing was recorded in 2020 Q1 and Q2.
    assert trend.count("<circle") == 1
    assert "20年三季：4.5分" in trend


def test_dashboard_query_count_does_not_grow_with_units(client, shangwu, django_assert_max_num_queries):
    user = UserFactory(username="shangwu", role=User.Role.UNIT_USER, unit=shangwu)
    client.force_login(user)
    url = f"/scores/2020/q3/units/{shangwu.pk}/"
    with django_assert_max_num_queries(30) as small:
        client.get(url)
    for _ in range(30):
        unit = UnitFactory()
        PublicationFactory(unit=unit, month=7)
    with django_assert_max_num_queries(30) as large:
        client.get(url)
    assert len(small.captured_queries) == len(large.captured_queries)


def test_dashboard_lists_open_rectification_items(client, shangwu):
    from tests.factories import FindingFactory

    FindingFactory(unit=shangwu, description="部门职责任务清单未更新", deadline=datetime.date(2020, 10, 16))
    FindingFactory(unit=UnitFactory(name="区民政局"), description="别的单位的问题")
    client.force_login(UserFactory(username="shangwu", role=User.Role.UNIT_USER, unit=shangwu))

    response = client.get(f"/scores/2020/q3/units/{shangwu.pk}/")

    assert [f.description for f in response.context["open_findings"]] == ["部门职责任务清单未更新"]
    html = response.content.decode()
    assert '2020年10月16日 <strong class="error">已逾期</strong>' in html
    assert "答复整改" in html
