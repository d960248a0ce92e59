"""The month grid as office staff open it."""

import datetime
import re

import pytest
from django.urls import reverse

from tests.factories import ArticleFactory, PublicationFactory, TallyFactory, TownFactory, UnitFactory
from tests.submissions.helpers import form_fields, grid_url, stamp

pytestmark = pytest.mark.django_db

WHEN = datetime.datetime(2025, 1, 10, 6, 5, tzinfo=datetime.UTC)  # 14:05 in 临淄


def test_every_unit_assessed_in_the_month_is_a_row_departments_first(staff_client):
    town = TownFactory(name="金山镇", sort_order=1)
    second = UnitFactory(name="区商务局", sort_order=20)
    first = UnitFactory(name="区人社局", sort_order=10)
    UnitFactory(name="区文物局", sort_order=5, assessed_from=datetime.date(2024, 11, 1))
    UnitFactory(name="区撤并局", sort_order=6, assessed_until=datetime.date(2024, 9, 1))

    response = staff_client.get(grid_url(2024, 10))

    assert response.status_code == 200
    html = response.content.decode()
    assert re.findall(r'<th class="unit" scope="row">([^<]+)', html) == ["区人社局", "区商务局", "金山镇"]
    assert re.findall(r' id="unit-(\d+)"', html) == [str(first.pk), str(second.pk), str(town.pk)]
    assert "区文物局" not in html and "区撤并局" not in html
    assert "<h1>2024年10月 月度填报</h1>" in html
    assert "区政府各部门" in html and "各镇、街道" in html
    assert "本月考核3个单位" in html


def test_stored_figures_and_who_changed_them(staff_client, staff, other_staff):
    unit = UnitFactory(name="区人社局")
    publication = PublicationFactory(unit=unit, year=2024, month=10, count=12)
    tally = TallyFactory(unit=unit, year=2024, month=10, submitted=3, non_compliant=1, city_adopted=1)
    stamp(publication, when=WHEN, user=staff)
    stamp(tally, when=WHEN + datetime.timedelta(hours=1), user=other_staff)

    html = staff_client.get(grid_url()).content.decode()
    fields = form_fields(html)

    pk = unit.pk
    assert {k: v for k, v in fields.items() if k.startswith(f"u{pk}-") and not k.endswith("-v")} == {
        f"u{pk}-pub": "12",
        f"u{pk}-sub": "3",
        f"u{pk}-nc": "1",
        f"u{pk}-city": "1",
        f"u{pk}-prov": "0",
    }
    assert "发布数：张三 2025年1月10日 14:05" in html
    assert "投稿：李四 2025年1月10日 15:05" in html
    assert 'title="张三 2025年1月10日 14:05 修改"' in html


def test_empty_cells_for_a_unit_without_figures(staff_client):
    unit = UnitFactory()

    fields = form_fields(staff_client.get(grid_url()).content.decode())

    assert [fields[f"u{unit.pk}-{c}"] for c in ("pub", "sub", "nc", "city", "prov")] == ["", "", "", "", ""]
    assert fields[f"u{unit.pk}-v"] == "::,,,,"


def test_inputs_are_typed_like_a_spreadsheet(staff_client):
    unit = UnitFactory(name="区人社局")

    html = staff_client.get(grid_url()).content.decode()

    assert '<table class="data-table grid" data-grid data-points="0.5" data-cap="10" ' in html
    assert "js/grid.js" in html
    for col, name in enumerate(("pub", "sub", "nc", "city", "prov")):
        assert (
            f'<input name="u{unit.pk}-{name}" value="" inputmode="numeric" pattern="[0-9]*" autocomplete="off" '
            f'enterkeyhint="next" data-col="{col}" data-kind="{name}" aria-label="区人社局 '
        ) in html
    # The form also works without JavaScript: a plain POST form with a submit button.
    assert '<form method="post" class="grid-form" id="grid-form" novalidate data-unsaved-ignore>' in html
    assert '<button type="submit">保存</button>' in html


def test_a_month_with_an_article_register_is_read_only_with_a_link(staff_client):
    registered = UnitFactory(name="区人社局")
    plain = UnitFactory(name="区商务局")
    ArticleFactory(unit=registered, received_on=datetime.date(2024, 10, 8))
    ArticleFactory(
        unit=registered,
        received_on=datetime.date(2024, 10, 20),
        is_compliant=False,
        non_compliance_reason="字数不足400字",
    )
    ArticleFactory(unit=registered, received_on=datetime.date(2024, 9, 20), city_adopted_on=datetime.date(2024, 10, 9))

    html = staff_client.get(grid_url()).content.decode()
    fields = form_fields(html)

    assert f"u{registered.pk}-pub" in fields
    assert not any(f"u{registered.pk}-{c}" in fields for c in ("sub", "nc", "city", "prov"))
    assert all(f"u{plain.pk}-{c}" in fields for c in ("pub", "sub", "nc", "city", "prov"))
    assert "逐篇登记：投稿2件，不合格1件，市级采用1件，省级采用0件" in html
    assert f'<a href="{reverse("submissions:articles")}?unit={registered.pk}&amp;month=2024-10">查看稿件 ›</a>' in html


def test_adoptions_from_the_register_in_a_month_without_articles_are_pointed_out(staff_client):
    unit = UnitFactory(name="区人社局")
    ArticleFactory(unit=unit, received_on=datetime.date(2024, 9, 20), province_adopted_on=datetime.date(2024, 10, 9))

    html = staff_client.get(grid_url()).content.decode()

    assert f"u{unit.pk}-sub" in form_fields(html)
    assert "另有逐篇登记的稿件本月被采用：市级0篇、省级1篇，已自动计入，勿重复填写。" in html


def test_previous_and_next_month_and_the_month_picker(staff_client):
    UnitFactory()

    html = staff_client.get(grid_url(2025, 1)).content.decode()

    assert '<a href="/data/grid/2024/12/" rel="prev">‹ 2024年12月</a>' in html
    assert '<a href="/data/grid/2025/2/" rel="next">2025年2月 ›</a>' in html
    assert '<input type="month" name="month" value="2025-01" required>' in html


def test_month_picker_redirects_to_the_month(staff_client):
    response = staff_client.get(reverse("submissions:grid_index") + "?month=2024-10")

    assert response.status_code == 302
    assert response["Location"] == "/data/grid/2024/10/"


def test_month_picker_with_a_bad_month_says_so(staff_client):
    response = staff_client.get(reverse("submissions:grid_index") + "?month=2024-13", follow=True)

    assert response.status_code == 200
    assert "月份“2024-13”无效，请按“2024-10”的格式选择月份。" in response.content.decode()


def test_a_month_that_does_not_exist_is_404(staff_client):
    assert staff_client.get(grid_url(2024, 13)).status_code == 404


def populate(n: int) -> None:
    for i in range(n):
        unit = (UnitFactory if i % 3 else TownFactory)()
        PublicationFactory(unit=unit, year=2024, month=10, count=i)
        if i % 2:
            TallyFactory(unit=unit, year=2024, month=10, submitted=1)
        else:
            ArticleFactory(unit=unit, received_on=datetime.date(2024, 10, 3))


# session, user, units, publications, article totals, register counts, recent publications, aliases, rule set,
# proposed counts (monitoring, through core.hooks.publication_proposals)
GRID_QUERIES = 10


@pytest.mark.parametrize("units", [5, 60])
def test_grid_queries_do_not_grow_with_units(staff_client, django_assert_max_num_queries, units):
    populate(units)

    with django_assert_max_num_queries(GRID_QUERIES):
        response = staff_client.get(grid_url())

    assert response.context["page_rows"] == units


def test_the_unit_exempt_from_submissions_is_marked(staff_client):
    UnitFactory(name="区政府办公室", submission_exempt=True)

    html = staff_client.get(grid_url()).content.decode()

    assert '区政府办公室<span class="tag" title="不考核投稿，投稿数可照常填写">投稿免考核</span>' in html
