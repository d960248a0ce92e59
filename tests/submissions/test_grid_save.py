"""Saving the month grid: valid rows are saved, invalid rows come back with what was typed."""

import datetime

import pytest

from submissions.models import MonthlyArticleTally, MonthlyPublication
from tests.factories import ArticleFactory, PublicationFactory, TallyFactory, UnitFactory
from tests.submissions.helpers import form_fields, grid_url, load_grid

pytestmark = pytest.mark.django_db


def test_valid_rows_are_saved_with_who_saved_them(staff_client, staff):
    new = UnitFactory(name="区人社局")
    edited = UnitFactory(name="区商务局")
    PublicationFactory(unit=edited, year=2024, month=10, count=3)
    data = load_grid(staff_client)
    data |= {f"u{new.pk}-pub": "12", f"u{new.pk}-sub": "2", f"u{new.pk}-nc": "1", f"u{edited.pk}-pub": "4"}

    response = staff_client.post(grid_url(), data, follow=True)

    assert response.redirect_chain == [("/data/grid/2024/10/", 302)]
    assert "已保存2行。" in response.content.decode()
    assert list(MonthlyPublication.objects.order_by("unit__sort_order").values_list("unit__name", "count")) == [
        ("区人社局", 12),
        ("区商务局", 4),
    ]
    tally = MonthlyArticleTally.objects.get()
    assert (tally.unit, tally.year, tally.month) == (new, 2024, 10)
    assert (tally.submitted, tally.non_compliant, tally.city_adopted, tally.province_adopted) == (2, 1, 0, 0)
    assert tally.updated_by == staff
    assert MonthlyPublication.objects.get(unit=edited).updated_by == staff
    assert MonthlyPublication.history.filter(unit=edited).latest().history_change_reason == "月度填报 2024年10月"


def test_full_width_digits_and_spaces_are_read_as_numbers(staff_client):
    unit = UnitFactory()
    data = load_grid(staff_client) | {f"u{unit.pk}-pub": " １２ "}

    staff_client.post(grid_url(), data)

    assert MonthlyPublication.objects.get().count == 12


@pytest.mark.parametrize(
    ("column", "typed", "message"),
    [
        ("pub", "abc", "“abc”不是数字"),
        ("pub", "-1", "不能为负数"),
        ("pub", "1.5", "应为整数"),
        ("pub", "100001", "数值过大（不能超过100000）"),
        ("city", "二", "“二”不是数字"),
    ],
)
def test_a_bad_cell_is_shown_with_its_error_beside_it(staff_client, column, typed, message):
    unit = UnitFactory(name="区人社局")
    data = load_grid(staff_client) | {f"u{unit.pk}-{column}": typed}

    response = staff_client.post(grid_url(), data)

    html = response.content.decode()
    assert response.status_code == 200
    assert f'name="u{unit.pk}-{column}" value="{typed}"' in html
    assert f'aria-invalid="true"><span class="cell-error">{message}</span></td>' in html
    assert MonthlyPublication.objects.count() == 0


def test_invalid_rows_keep_their_input_while_valid_rows_are_saved(staff_client):
    good = UnitFactory(name="区人社局")
    bad = UnitFactory(name="区商务局")
    worse = UnitFactory(name="区财政局")
    data = load_grid(staff_client)
    data |= {
        f"u{good.pk}-pub": "7",
        f"u{bad.pk}-pub": "9",
        f"u{bad.pk}-sub": "1",
        f"u{bad.pk}-nc": "2",
        f"u{worse.pk}-city": "1",
    }

    response = staff_client.post(grid_url(), data)

    html = response.content.decode()
    assert response.status_code == 200
    assert "已保存1行，2行有错误。有问题的行未保存，已保留您填写的内容，请核对后重新保存。" in html
    assert list(MonthlyPublication.objects.values_list("unit__name", "count")) == [("区人社局", 7)]
    assert MonthlyArticleTally.objects.count() == 0
    fields = form_fields(html)
    assert [fields[f"u{bad.pk}-{c}"] for c in ("pub", "sub", "nc", "city", "prov")] == ["9", "1", "2", "", ""]
    assert [fields[f"u{worse.pk}-{c}"] for c in ("pub", "sub", "nc", "city", "prov")] == ["", "", "", "1", ""]
    assert '<span class="cell-error">不合格件数不能大于投稿件数</span>' in html
    assert '<span class="cell-error">请填写投稿件数（没有投稿填0）</span>' in html
    # The saved row shows what is stored now; correcting the bad rows and saving again works.
    assert fields[f"u{good.pk}-pub"] == "7"
    fields |= {f"u{bad.pk}-nc": "1", f"u{worse.pk}-sub": "0"}
    response = staff_client.post(grid_url(), fields, follow=True)
    assert "已保存2行。" in response.content.decode()
    assert sorted(
        MonthlyArticleTally.objects.values_list("unit__name", "submitted", "non_compliant", "city_adopted")
    ) == [
        ("区商务局", 1, 1, 0),
        ("区财政局", 0, 0, 1),
    ]


def test_unchanged_rows_are_not_rewritten(staff_client):
    units = [UnitFactory() for _ in range(3)]
    for unit in units:
        PublicationFactory(unit=unit, year=2024, month=10, count=5)
        TallyFactory(unit=unit, year=2024, month=10, submitted=1)
    history = (MonthlyPublication.history.count(), MonthlyArticleTally.history.count())
    data = load_grid(staff_client)
    data[f"u{units[1].pk}-pub"] = "6"

    response = staff_client.post(grid_url(), data, follow=True)

    assert "已保存1行。" in response.content.decode()
    assert (MonthlyPublication.history.count(), MonthlyArticleTally.history.count()) == (history[0] + 1, history[1])
    # Submitting the page again as it is writes nothing at all.
    response = staff_client.post(grid_url(), load_grid(staff_client), follow=True)
    assert "没有修改，未写入任何数据。" in response.content.decode()
    assert (MonthlyPublication.history.count(), MonthlyArticleTally.history.count()) == (history[0] + 1, history[1])


def test_a_total_with_only_the_article_count_means_nothing_rejected_or_adopted(staff_client):
    unit = UnitFactory()
    TallyFactory(unit=unit, year=2024, month=10, submitted=1)
    history = MonthlyArticleTally.history.count()
    # "1" with empty other cells equals the stored 1/0/0/0: nothing to write.
    data = load_grid(staff_client) | {f"u{unit.pk}-nc": "", f"u{unit.pk}-city": "", f"u{unit.pk}-prov": ""}

    staff_client.post(grid_url(), data)

    assert MonthlyArticleTally.history.count() == history


def test_clearing_a_figure_deletes_it(staff_client):
    unit = UnitFactory()
    PublicationFactory(unit=unit, year=2024, month=10, count=5)
    TallyFactory(unit=unit, year=2024, month=10, submitted=2)
    data = load_grid(staff_client)
    data |= {f"u{unit.pk}-{c}": "" for c in ("pub", "sub", "nc", "city", "prov")}

    response = staff_client.post(grid_url(), data, follow=True)

    assert "已保存1行。" in response.content.decode()
    assert MonthlyPublication.objects.count() == MonthlyArticleTally.objects.count() == 0
    assert MonthlyPublication.history.latest().history_type == "-"


def test_a_month_with_an_article_register_refuses_a_total(staff_client):
    unit = UnitFactory(name="区人社局")
    data = load_grid(staff_client)
    # The register is started in another window after the page was opened.
    ArticleFactory(unit=unit, received_on=datetime.date(2024, 10, 8))
    data |= {f"u{unit.pk}-sub": "1", f"u{unit.pk}-pub": "3"}

    response = staff_client.post(grid_url(), data)

    html = response.content.decode()
    assert '<span class="cell-error">本月已有逐篇登记的稿件，投稿数以稿件登记为准，不能再填月度合计</span>' in html
    assert MonthlyArticleTally.objects.count() == 0
    assert MonthlyPublication.objects.count() == 0
    assert f'name="u{unit.pk}-sub" value="1"' in html


def test_a_register_row_without_total_cells_saves_its_publication_count(staff_client):
    unit = UnitFactory()
    ArticleFactory(unit=unit, received_on=datetime.date(2024, 10, 8))
    data = load_grid(staff_client) | {f"u{unit.pk}-pub": "8"}

    staff_client.post(grid_url(), data)

    assert MonthlyPublication.objects.get().count == 8
    assert MonthlyArticleTally.objects.count() == 0


def test_a_tampered_row_state_is_an_error_not_a_guess(staff_client):
    unit = UnitFactory(name="区人社局")
    data = load_grid(staff_client) | {f"u{unit.pk}-v": "garbage", f"u{unit.pk}-pub": "3"}

    html = staff_client.post(grid_url(), data).content.decode()

    assert "该行的版本信息无效，请重新打开本页后再填写" in html
    assert MonthlyPublication.objects.count() == 0


def test_a_unit_taken_out_of_the_month_meanwhile_is_reported_with_what_was_typed(staff_client):
    leaving = UnitFactory(name="区撤并局")
    data = load_grid(staff_client) | {f"u{leaving.pk}-pub": "4"}
    leaving.assessed_until = datetime.date(2024, 9, 1)
    leaving.save()

    html = staff_client.post(grid_url(), data).content.decode()

    assert "<li>区撤并局：该单位在2024年10月不在考核范围内，未保存（填写的内容：发布数4）</li>" in html
    assert MonthlyPublication.objects.count() == 0
