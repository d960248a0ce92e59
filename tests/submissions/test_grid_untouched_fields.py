"""A grid save never changes a figure the submitted form did not contain: a total of articles
created from a form that had only 投稿件数 would set 市级/省级采用 to 0 without anyone typing it."""

import pytest
from django.urls import reverse

from submissions.models import MonthlyArticleTally, MonthlyPublication
from tests.factories import TallyFactory, UnitFactory
from tests.submissions.helpers import form_fields, grid_url, load_grid

pytestmark = pytest.mark.django_db

REFUSED = "不合格件数、市级采用、省级采用不在提交的表格中，保存会改动它们，本行未保存；请在月度填报表格中填写完整后保存"


def test_a_total_from_a_form_without_the_adoption_cells_is_refused(staff_client):
    unit = UnitFactory(name="区人社局")
    other = UnitFactory(name="区商务局")
    data = load_grid(staff_client)
    for column in ("nc", "city", "prov"):
        del data[f"u{unit.pk}-{column}"]
    data |= {f"u{unit.pk}-pub": "9", f"u{unit.pk}-sub": "3", f"u{other.pk}-pub": "4"}

    html = staff_client.post(grid_url(), data).content.decode()

    assert REFUSED in html
    assert "已保存1行，1行有错误。" in html
    assert MonthlyArticleTally.objects.count() == 0
    # The whole row is refused, its 发布数 too; the other row is saved.
    assert dict(MonthlyPublication.objects.values_list("unit__name", "count")) == {"区商务局": 4}
    assert form_fields(html)[f"u{unit.pk}-sub"] == "3"


def test_the_same_total_with_every_cell_on_the_form_means_nothing_rejected_or_adopted(staff_client):
    unit = UnitFactory(name="区人社局")
    data = load_grid(staff_client) | {f"u{unit.pk}-sub": "3"}

    staff_client.post(grid_url(), data)

    tally = MonthlyArticleTally.objects.get()
    assert (tally.submitted, tally.non_compliant, tally.city_adopted, tally.province_adopted) == (3, 0, 0, 0)


def test_a_total_slipped_into_the_quarter_page_is_refused(staff_client):
    unit = UnitFactory(name="区人社局")
    url = reverse("submissions:grid_quarter", args=[2024, 4])
    data = form_fields(staff_client.get(url).content.decode()) | {f"m10-u{unit.pk}-sub": "3"}

    html = staff_client.post(url, data).content.decode()

    assert f"10月：{REFUSED}" in html
    assert MonthlyArticleTally.objects.count() == 0


def test_a_stored_total_keeps_what_the_form_did_not_contain(staff_client):
    unit = UnitFactory(name="区人社局")
    TallyFactory(unit=unit, year=2024, month=10, submitted=2, city_adopted=1, province_adopted=1)
    data = load_grid(staff_client)
    for column in ("city", "prov"):
        del data[f"u{unit.pk}-{column}"]
    data |= {f"u{unit.pk}-sub": "3"}

    response = staff_client.post(grid_url(), data, follow=True)

    assert "已保存1行。" in response.content.decode()
    tally = MonthlyArticleTally.objects.get()
    assert (tally.submitted, tally.city_adopted, tally.province_adopted) == (3, 1, 1)


@pytest.mark.parametrize(("typed", "stored"), [("1,234", 1234), ("１，２３４", 1234), ("１２", 12), (" 12 ", 12)])
def test_thousands_separators_and_full_width_digits_are_read(staff_client, typed, stored):
    unit = UnitFactory(name="区人社局")
    data = load_grid(staff_client) | {f"u{unit.pk}-pub": typed, "confirm_implausible": "1"}

    staff_client.post(grid_url(), data)

    assert MonthlyPublication.objects.get().count == stored


@pytest.mark.parametrize("typed", ["1,23", "12,34,567", "1.234,5"])
def test_a_comma_that_is_not_a_thousands_separator_is_refused(staff_client, typed):
    unit = UnitFactory(name="区人社局")
    data = load_grid(staff_client) | {f"u{unit.pk}-pub": typed}

    html = staff_client.post(grid_url(), data).content.decode()

    assert f"“{typed}”不是数字" in html
    assert MonthlyPublication.objects.count() == 0
