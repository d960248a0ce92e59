"""Excel upload, step 1: check the file and list every planned change or error; write nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from submissions.models import MonthlyArticleTally, MonthlyPublication
from tests.conftest import make_xlsx
from tests.factories import PublicationFactory, UnitAliasFactory, UnitFactory

pytestmark = pytest.mark.django_db

IMPORT_URL = "/data/import/"


def upload(client, rows, *, kind="publications", year=2024, quarter="", name="发布数.xlsx", follow=True):
    content = make_xlsx(rows)
    return client.post(
        IMPORT_URL,
        {"kind": kind, "year": year, "quarter": quarter, "file": SimpleUploadedFile(name, content)},
        follow=follow,
    )


@pytest.fixture
def units(db):
    rs = UnitFactory(name="区人社局", sort_order=1)
    UnitAliasFactory(unit=rs, name="区人力资源和社会保障局")
    return rs, UnitFactory(name="区商务局", sort_order=2), UnitFactory(name="区财政局", sort_order=3)


def test_upload_page_offers_the_three_kinds_and_a_progress_indicator(staff_client):
    html = staff_client.get(IMPORT_URL).content.decode()

    assert reverse("core:import_upload") == IMPORT_URL
    for label in ("网站发布数", "投稿合计", "减分事项"):
        assert label in html
    assert 'enctype="multipart/form-data" data-progress' in html
    assert '<span class="progress" hidden role="status">正在检查…</span>' in html


def test_preview_lists_every_planned_change_and_writes_nothing(staff_client, units, media_root):
    rs, commerce, finance = units
    PublicationFactory(unit=commerce, year=2024, month=10, count=3)
    PublicationFactory(unit=finance, year=2024, month=10, count=8)

    response = upload(
        staff_client,
        [["单位", "10月", "11月"], ["区人力资源和社会保障局", 12, None], ["商务局", 4, 1], ["区财政局", 8, None]],
    )

    assert len(response.redirect_chain) == 1
    token = response.redirect_chain[0][0].rstrip("/").rsplit("/", 1)[1]
    assert len(token) >= 24
    html = response.content.decode()
    assert response.context["counts"] == {"新增": 2, "修改": 1, "删除": 0, "不变": 1}
    changes = [(c.row, c.unit, c.what, c.action, c.old, c.new) for c in response.context["result"].changes]
    assert changes == [
        (2, "区人社局", "2024年10月发布数", "新增", "", "12"),
        (3, "区商务局", "2024年10月发布数", "修改", "3", "4"),
        (3, "区商务局", "2024年11月发布数", "新增", "", "1"),
        (4, "区财政局", "2024年10月发布数", "不变", "8", "8"),
    ]
    assert "<h1>导入预览：发布数.xlsx</h1>" in html
    assert "网站发布数，2024年，读取工作表“Sheet”。预览不写入任何数据。" in html
    assert '<td class="num">3</td><td>区商务局</td><td>2024年10月发布数</td><td>修改</td>' in html
    assert '<button type="submit" name="action" value="confirm">确认导入</button>' in html
    assert dict(MonthlyPublication.objects.values_list("unit__name", "count")) == {"区商务局": 3, "区财政局": 8}
    stored = list((media_root / "uploads").iterdir())
    assert [p.name for p in stored] == [f"{token}.xlsx"]


def test_preview_shows_every_error_and_offers_no_commit(staff_client, units):
    response = upload(
        staff_client,
        [["单位", "10月"], ["区人社局", 12], ["区不存在局", 3], ["区商务局", -2], ["区财政局", "十"]],
    )

    html = response.content.decode()
    assert "文件有3处错误，不能导入" in html
    assert "<li>第3行 单位: 找不到单位“区不存在局”，请检查名称，或把它保存为对应单位的别名</li>" in html
    assert "<li>第4行 10月: 不能为负数（-2）</li>" in html
    assert "<li>第5行 10月: “十”不是数字</li>" in html
    assert "确认导入" not in html
    # The good row is previewed too, so the clerk sees every change and every error at once.
    assert "其余各行将做的修改（改正上述错误并重新上传后才会导入）" in html
    assert [(c.row, c.unit, c.action, c.new) for c in response.context["result"].changes] == [
        (2, "区人社局", "新增", "12")
    ]
    assert MonthlyPublication.objects.count() == 0


def test_article_totals_preview(staff_client, units):
    response = upload(
        staff_client,
        [["单位", "月份", "投稿件数", "不合格件数", "市级采用"], ["区人社局", 10, 2, 1, 1]],
        kind="tallies",
        name="投稿.xlsx",
    )

    assert [(c.action, c.new) for c in response.context["result"].changes] == [
        ("新增", "投稿2件（不合格1件），市级采用1件，省级采用0件")
    ]
    assert "投稿合计，2024年，读取工作表“Sheet”。预览不写入任何数据。" in response.content.decode()
    assert MonthlyArticleTally.objects.count() == 0


def test_deductions_need_a_quarter(staff_client, units):
    response = upload(
        staff_client, [["单位", "事项", "减分"], ["区人社局", "公开事项标准目录未上传", 5]], kind="deductions"
    )

    assert response.redirect_chain == []
    assert "导入减分事项须选择季度" in response.content.decode()


def test_only_xlsx_files_are_taken(staff_client, units):
    response = staff_client.post(
        IMPORT_URL, {"kind": "publications", "year": 2024, "file": SimpleUploadedFile("发布数.xls", b"old format")}
    )

    assert "“发布数.xls”不是.xlsx文件，请在Excel中另存为.xlsx后上传" in response.content.decode()


def test_a_file_that_is_not_excel_is_an_error_in_the_preview(staff_client, units):
    response = staff_client.post(
        IMPORT_URL,
        {"kind": "publications", "year": 2024, "file": SimpleUploadedFile("发布数.xlsx", b"not a zip")},
        follow=True,
    )

    assert (
        "<li>无法读取：这是文本文件（如CSV），不是Excel工作簿，请在Excel中另存为.xlsx。</li>"
        in response.content.decode()
    )


PREVIEW_QUERIES = 7  # session, user and the import service's fixed set of queries


@pytest.mark.parametrize("size", [5, 60])
def test_preview_queries_do_not_grow_with_rows(staff_client, django_assert_max_num_queries, size):
    names = [UnitFactory().name for _ in range(size)]
    response = upload(staff_client, [["单位", "10月"], *[[n, 3] for n in names]], follow=False)

    with django_assert_max_num_queries(PREVIEW_QUERIES):
        page = staff_client.get(response["Location"])

    assert page.context["counts"]["新增"] == size
