"""The upload page offers a blank template per kind of import, the assessed units already listed in
the office's official order; a downloaded template, filled in, imports as it is."""

import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from inspections.models import Deduction
from submissions.models import MonthlyArticleTally, MonthlyPublication
from tests.factories import UnitFactory
from units.models import Unit
from workplans.models import Task

pytestmark = pytest.mark.django_db

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def january_2025(monkeypatch):
    """Today is 8 January 2025: the quarter just ended is 2024's fourth."""
    import datetime

    from django.utils import timezone

    real = timezone.localdate
    monkeypatch.setattr(
        "django.utils.timezone.localdate",
        lambda value=None, timezone=None: datetime.date(2025, 1, 8) if value is None else real(value, timezone),
    )


def official_names() -> list[str]:
    """The 68 assessed units of fixtures/units.csv: 部门 then 镇街, each in the order of the notices."""
    units = Unit.objects.filter(is_assessed=True)
    return [u.name for u in sorted(units, key=lambda u: (u.category != "部门", u.sort_order, u.name))]


def download(client, kind: str, year: int | str = 2024):
    response = client.get(reverse("core:import_template", args=[kind]), {"year": year})
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX
    return response, load_workbook(io.BytesIO(b"".join(response.streaming_content)))


def import_filled(client, workbook, *, kind: str, year: int = 2024, quarter: str = ""):
    """Upload the filled workbook, check the preview has no error, confirm."""
    buffer = io.BytesIO()
    workbook.save(buffer)
    upload = SimpleUploadedFile("模板.xlsx", buffer.getvalue())
    preview = client.post(
        "/data/import/", {"kind": kind, "year": year, "quarter": quarter, "file": upload}, follow=True
    )
    assert preview.context["errors"] == []
    url = preview.redirect_chain[0][0]
    done = client.post(url, {"action": "confirm", "sha256": preview.context["entry"]["sha256"]}, follow=True)
    assert done.redirect_chain == [(reverse("core:import_upload"), 302)]
    return preview


def rows(sheet) -> list[tuple]:
    return [tuple(c.value for c in row) for row in sheet.iter_rows()]


def test_the_upload_page_offers_a_template_per_kind_for_the_year_of_the_quarter_just_ended(staff_client, january_2025):
    html = staff_client.get("/data/import/").content.decode()

    for kind in ("publications", "tallies", "deductions", "work_plan"):
        link = f'<a href="/data/import/template/{kind}/?year=2024" class="template-link" download>下载2024年模板</a>'
        assert link in html


def test_publications_template_lists_the_assessed_units_in_the_official_order(staff_client, real_units):
    response, workbook = download(staff_client, "publications")

    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''%E7%BD%91%E7%AB%99%E5%8F%91%E5%B8%83%E6%95%B0"
        "%E5%AF%BC%E5%85%A5%E6%A8%A1%E6%9D%BF%EF%BC%882024%E5%B9%B4%EF%BC%89.xlsx"
    )
    sheet = workbook.active
    assert sheet.title == "网站发布数"
    table = rows(sheet)
    assert table[0][0] == "2024年各单位政府网站信息发布数（填写当月发布条数，空白的月份不导入）"
    assert table[1] == ("序号", "单位", *[f"{m}月" for m in range(1, 13)])
    body = table[2:]
    assert [r[1] for r in body] == official_names()
    assert len(body) == 68
    assert body[0] == (1, "区发改局", *[None] * 12)
    assert body[-1][:2] == (68, official_names()[-1])
    assert "区档案馆" not in [r[1] for r in body]


def test_a_filled_publications_template_imports(staff_client, real_units):
    _, workbook = download(staff_client, "publications")
    sheet = workbook.active
    sheet["L3"] = 12  # 区发改局 10月 (column L = 10月)
    sheet["M3"] = 9
    sheet["L4"] = 7  # 区教体局 10月

    preview = import_filled(staff_client, workbook, kind="publications")

    assert preview.context["counts"] == {"新增": 3, "修改": 0, "删除": 0, "不变": 0}
    assert sorted(MonthlyPublication.objects.values_list("unit__name", "year", "month", "count")) == [
        ("区发改局", 2024, 10, 12),
        ("区发改局", 2024, 11, 9),
        ("区教体局", 2024, 10, 7),
    ]


def test_a_filled_tallies_template_imports_only_the_rows_with_figures(staff_client, real_units):
    _, workbook = download(staff_client, "tallies")
    sheet = workbook.active
    table = rows(sheet)
    assert table[1] == ("单位", "月份", "投稿件数", "不合格件数", "市级采用", "省级采用")
    assert len(table) == 2 + 12 * 68
    assert [r[:2] for r in table[2:4]] == [("区发改局", 1), ("区教体局", 1)]
    october = 2 + 9 * 68  # 0-based index of 区发改局 10月
    assert table[october][:2] == ("区发改局", 10)
    sheet.cell(row=october + 1, column=3, value=3)
    sheet.cell(row=october + 1, column=4, value=1)
    sheet.cell(row=october + 1, column=5, value=1)

    import_filled(staff_client, workbook, kind="tallies")

    tally = MonthlyArticleTally.objects.get()
    assert (tally.unit.name, tally.year, tally.month, tally.submitted, tally.non_compliant, tally.city_adopted) == (
        "区发改局",
        2024,
        10,
        3,
        1,
        1,
    )


def test_a_filled_deductions_template_imports_only_the_units_with_items(staff_client, real_units):
    _, workbook = download(staff_client, "deductions")
    sheet = workbook.active
    table = rows(sheet)
    assert table[1] == ("单位", "事项", "减分")
    assert [r[0] for r in table[2:]] == official_names()
    sheet["B4"] = "网站存在错别字"  # 区教体局
    sheet["C4"] = 0.5

    import_filled(staff_client, workbook, kind="deductions", quarter="4")

    assert list(Deduction.objects.values_list("unit__name", "year", "quarter", "reason", "points")) == [
        ("区教体局", 2024, 4, "网站存在错别字", Decimal("0.5"))
    ]


def test_a_filled_work_plan_template_imports(staff_client, real_units):
    _, workbook = download(staff_client, "work_plan", 2022)
    sheet = workbook.active
    assert sheet.title == "附件1"
    assert rows(sheet)[:2] == [
        ("2022年全区政务公开重点工作任务分解表", None, None, None, None),
        ("序号", "工作任务", "工作要求", "责任单位", "时限要求"),
    ]
    sheet.append([1, "深化重点领域信息公开", "做好财政预决算公开", "区财政局", "年底前"])
    sheet.append([2, "深化重点领域信息公开", "公开政府工作报告进展", "区政府办公室", "按季度公开"])

    import_filled(staff_client, workbook, kind="work_plan", year=2022)

    assert list(Task.objects.order_by("number").values_list("number", "requirement")) == [
        (1, "做好财政预决算公开"),
        (2, "公开政府工作报告进展"),
    ]


def test_a_unit_assessed_from_a_later_year_is_not_in_an_earlier_template(staff_client, real_units):
    UnitFactory(name="区新设局", category="部门", sort_order=99, assessed_from="2025-03-01")

    _, before = download(staff_client, "publications", 2024)
    _, after = download(staff_client, "publications", 2025)

    assert "区新设局" not in [r[1] for r in rows(before.active)]
    departments = Unit.objects.filter(is_assessed=True, category="部门").count()
    assert [r[1] for r in rows(after.active)][2:].index("区新设局") == departments - 1  # the last department


def test_an_unknown_kind_is_not_found_and_a_bad_year_falls_back(staff_client, real_units, january_2025):
    assert staff_client.get("/data/import/template/nothing/").status_code == 404
    _, workbook = download(staff_client, "publications", "abc")
    assert rows(workbook.active)[0][0].startswith("2024年各单位")
