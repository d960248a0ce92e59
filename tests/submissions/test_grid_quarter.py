"""The quarter page of the grid: three months of 发布数 side by side, as the office's statistics
table lays them out, saved through the month grid's service with its row versions and conflicts."""

import datetime
import re
from unittest import mock

import pytest
from django.test import Client
from django.urls import reverse

from submissions.models import MonthlyArticleTally, MonthlyPublication
from tests.factories import ArticleFactory, PublicationFactory, TallyFactory, TownFactory, UnitFactory
from tests.submissions.helpers import form_fields, grid_url

pytestmark = pytest.mark.django_db

LATER = datetime.datetime(2025, 1, 10, 6, 5, tzinfo=datetime.UTC)  # 2025年1月10日 14:05 in 临淄


def quarter_url(year: int = 2024, quarter: int = 4) -> str:
    return reverse("submissions:grid_quarter", args=[year, quarter])


def load(client) -> dict[str, str]:
    response = client.get(quarter_url())
    assert response.status_code == 200
    return form_fields(response.content.decode())


def test_the_quarter_page_lays_out_the_months_like_the_statistics_table(staff_client):
    shangwu = UnitFactory(name="区商务局", sort_order=1)
    PublicationFactory(unit=shangwu, year=2024, month=10, count=12)
    PublicationFactory(unit=shangwu, year=2024, month=11, count=1)
    PublicationFactory(unit=shangwu, year=2024, month=12, count=11)
    town = TownFactory(name="皇城镇")
    PublicationFactory(unit=town, year=2024, month=11, count=35)

    html = staff_client.get(quarter_url()).content.decode()

    assert "<h1>2024年四季度 发布数季度表</h1>" in html
    assert "<tr><th>10月</th><th>11月</th><th>12月</th></tr>" in html
    fields = form_fields(html)
    assert [fields[f"m{m}-u{shangwu.pk}-pub"] for m in (10, 11, 12)] == ["12", "1", "11"]
    assert [fields[f"m{m}-u{town.pk}-pub"] for m in (10, 11, 12)] == ["", "35", ""]
    # No total of articles is on this page: a save from it cannot touch them.
    assert not any(name.endswith(("-sub", "-nc", "-city", "-prov")) for name in fields)
    # 累计得分 as the notice prints it: 5 + 0.5 + 5 = 10.5.
    assert '<td class="num score" data-score aria-label="区商务局 累计得分">10.5</td>' in html
    assert '<td class="num score" data-score aria-label="皇城镇 累计得分">5</td>' in html
    assert 'aria-label="区商务局 11月发布数"' in html
    assert '<span class="filled" data-filled data-total="6">已填 4/6</span>' in html
    # The two views link to each other.
    assert '<a href="/data/grid/2024/11/" data-month-link="11">2024年11月月度表 ›</a>' in html
    month_page = staff_client.get(grid_url(2024, 11)).content.decode()
    assert '<a href="/data/grid/2024/q4/" data-quarter-link>2024年四季度季度表' in month_page


def test_a_unit_assessed_from_the_second_month_has_no_first_month_cell(staff_client):
    new = UnitFactory(name="区文物局", assessed_from=datetime.date(2024, 11, 1))

    fields = load(staff_client)

    assert f"m10-u{new.pk}-pub" not in fields and f"m10-u{new.pk}-v" not in fields
    assert f"m11-u{new.pk}-pub" in fields


def test_three_months_are_saved_at_once_and_totals_are_left_alone(staff_client, staff):
    unit = UnitFactory(name="区商务局")
    TallyFactory(unit=unit, year=2024, month=11, submitted=2, city_adopted=1)
    data = load(staff_client) | {
        f"m10-u{unit.pk}-pub": "12",
        f"m11-u{unit.pk}-pub": "1,234",
        f"m12-u{unit.pk}-pub": "１１",
    }
    data["confirm_implausible"] = "1"  # 1234 is far above what a unit publishes
    tally_history = MonthlyArticleTally.history.count()

    response = staff_client.post(quarter_url(), data, follow=True)

    assert response.redirect_chain == [("/data/grid/2024/q4/", 302)]
    assert "已保存3个单元格。" in response.content.decode()
    assert dict(MonthlyPublication.objects.values_list("month", "count")) == {10: 12, 11: 1234, 12: 11}
    assert MonthlyPublication.objects.filter(updated_by=staff).count() == 3
    tally = MonthlyArticleTally.objects.get()
    assert (tally.submitted, tally.non_compliant, tally.city_adopted, tally.province_adopted) == (2, 0, 1, 0)
    assert MonthlyArticleTally.history.count() == tally_history
    # A blank month stays 未录入.
    data = load(staff_client) | {f"m12-u{unit.pk}-pub": ""}
    staff_client.post(quarter_url(), data)
    assert dict(MonthlyPublication.objects.values_list("month", "count")) == {10: 12, 11: 1234}


def test_a_month_changed_by_someone_else_is_a_conflict_and_the_other_months_are_saved(staff_client, other_staff):
    unit = UnitFactory(name="区人社局")
    PublicationFactory(unit=unit, year=2024, month=11, count=5)
    mine = load(staff_client)
    second = Client()
    second.force_login(other_staff)
    with mock.patch("django.utils.timezone.now", return_value=LATER):
        second.post(quarter_url(), load(second) | {f"m11-u{unit.pk}-pub": "7"})

    response = staff_client.post(quarter_url(), mine | {f"m10-u{unit.pk}-pub": "3", f"m11-u{unit.pk}-pub": "6"})

    html = response.content.decode()
    assert "11月：该行已被李四于2025年1月10日 14:05修改为发布数7，请核对后重新保存" in html
    assert "已保存1个单元格，1个单元格与他人的修改冲突。" in html
    assert dict(MonthlyPublication.objects.values_list("month", "count")) == {10: 3, 11: 7}
    fields = form_fields(html)
    assert fields[f"m11-u{unit.pk}-pub"] == "6"
    # Saving again, having seen the other change, overwrites it knowingly.
    staff_client.post(quarter_url(), fields)
    assert MonthlyPublication.objects.get(month=11).count == 6


def test_a_total_changed_by_someone_else_does_not_block_a_new_publication_count(staff_client, other_staff):
    unit = UnitFactory(name="区人社局")
    mine = load(staff_client)
    TallyFactory(unit=unit, year=2024, month=10, submitted=1, updated_by=other_staff)

    response = staff_client.post(quarter_url(), mine | {f"m10-u{unit.pk}-pub": "8"}, follow=True)

    assert "已保存1个单元格。" in response.content.decode()
    assert MonthlyPublication.objects.get().count == 8
    assert MonthlyArticleTally.objects.get().submitted == 1


def test_bad_cells_come_back_as_typed_with_their_month(staff_client):
    unit = UnitFactory(name="区人社局")
    data = load(staff_client) | {f"m10-u{unit.pk}-pub": "4", f"m12-u{unit.pk}-pub": "十二"}

    html = staff_client.post(quarter_url(), data).content.decode()

    assert "已保存1个单元格，1个单元格有错误。" in html
    assert '<span class="cell-error">“十二”不是数字</span>' in html
    assert form_fields(html)[f"m12-u{unit.pk}-pub"] == "十二"
    assert dict(MonthlyPublication.objects.values_list("month", "count")) == {10: 4}


def test_a_doubtful_figure_is_confirmed_first_naming_its_month(staff_client):
    unit = UnitFactory(name="区人社局")
    for month, count in ((8, 12), (9, 9)):
        PublicationFactory(unit=unit, year=2024, month=month, count=count)
    data = load(staff_client) | {f"m11-u{unit.pk}-pub": "99"}

    html = staff_client.post(quarter_url(), data).content.decode()

    assert "<li>区人社局（11月） 发布数 99（近2个月为12、9）</li>" in html
    assert MonthlyPublication.objects.filter(month=11).count() == 0
    staff_client.post(quarter_url(), form_fields(html) | {"confirm_implausible": "1"})
    assert MonthlyPublication.objects.get(month=11).count == 99


# session, user, units, publications, article totals, recent publications, aliases, rule set
QUARTER_QUERIES = 8


@pytest.mark.parametrize("units", [5, 60])
def test_quarter_page_queries_do_not_grow_with_units(staff_client, django_assert_max_num_queries, units):
    for i in range(units):
        unit = (UnitFactory if i % 3 else TownFactory)()
        for month in (10, 11, 12):
            PublicationFactory(unit=unit, year=2024, month=month, count=i)
        TallyFactory(unit=unit, year=2024, month=11, submitted=1)
        ArticleFactory(unit=unit, received_on=datetime.date(2024, 12, 3))

    with django_assert_max_num_queries(QUARTER_QUERIES):
        response = staff_client.get(quarter_url())

    assert len(re.findall(r'name="m1[012]-u\d+-pub"', response.content.decode())) == 3 * units


def test_a_quarter_that_does_not_exist_is_404(staff_client):
    assert staff_client.get("/data/grid/2024/q5/").status_code == 404
