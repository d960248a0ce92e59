"""The report pages: entry grid, save and submit, who may see what, uploads, the office's overview."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from annual_reports.content import ReportContent
from annual_reports.grid import INPUT_PREFIX
from annual_reports.layout import complete, decode, typed_keys
from annual_reports.models import AnnualReport
from annual_reports.services import report_finalise, report_save, report_year_open
from annual_reports.xlsx import report_workbook
from tests.factories import UnitFactory, UserFactory
from units.models import User

from .helpers import fill_workbook
from .seed import seed_2024

Status = AnnualReport.Status


def post_data(values=None, **overrides):
    values = values if values is not None else seed_2024()
    data = {f"{INPUT_PREFIX}{key}": "" if values.get(key) is None else str(values[key]) for key in typed_keys()}
    data.update({"title": "临淄区人社局2024年政府信息公开工作年度报告", "action": "save"})
    data.update(overrides)
    return data


@pytest.fixture
def unit_client(client, renshe_user):
    client.force_login(renshe_user)
    return client


def page(year, unit):
    return reverse("annual_reports:report", args=[year.year, unit.pk])


@pytest.fixture
def in_january_2025(monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *args: datetime.date(2025, 1, 5))


def test_a_unit_is_sent_to_its_own_report(in_january_2025, unit_client, year_2024, renshe):
    response = unit_client.get(reverse("annual_reports:index"))
    assert response.url == page(year_2024, renshe)
    html = unit_client.get(response.url).content.decode()
    assert html.count(f'name="{INPUT_PREFIX}') == 166
    assert 'data-col="0"' in html
    assert "一、本年新收政府信息公开申请数量" in html


def test_save_keeps_a_draft_and_submit_checks_everything(unit_client, year_2024, renshe):
    response = unit_client.post(page(year_2024, renshe), post_data())
    assert response.status_code == 302
    report = AnnualReport.objects.get(unit=renshe)
    assert report.status == Status.NOT_SUBMITTED
    assert complete(decode(report.figures)) == complete(seed_2024())
    response = unit_client.post(page(year_2024, renshe), post_data(action="submit"), follow=True)
    assert "已提交，等待区政府办公室审核。" in response.content.decode()
    report.refresh_from_db()
    assert report.status == Status.SUBMITTED
    assert "报告已提交，等待区政府办公室审核；审核期间不能修改。" in response.content.decode()
    assert f'name="{INPUT_PREFIX}' not in response.content.decode()


def test_a_bad_number_saves_nothing_and_keeps_what_was_typed(unit_client, year_2024, renshe):
    response = unit_client.post(page(year_2024, renshe), post_data(**{f"{INPUT_PREFIX}new.natural": "十二"}))
    html = response.content.decode()
    assert response.status_code == 200
    assert "件数应为不小于0的整数：一、本年新收政府信息公开申请数量“自然人”填写的是“十二”。" in html
    assert 'value="十二" data-cell="new.natural"' in html
    assert not AnnualReport.objects.exists()


def test_submit_refused_names_the_rule_and_the_cells(unit_client, year_2024, renshe):
    values = seed_2024()
    values["granted.natural"] = 4
    response = unit_client.post(page(year_2024, renshe), post_data(values, action="submit"))
    html = response.content.decode()
    assert "已保存，但有错误，未能提交。" in html
    assert (
        "第一项加第二项之和等于第三项加第四项之和：“自然人”列 一、本年新收12 + 二、上年结转2 = 14，"
        "三、（七）总计13 + 四、结转下年度继续办理0 = 13，两者不等。" in html
    )
    assert AnnualReport.objects.get().status == Status.NOT_SUBMITTED


def test_a_unit_sees_only_its_own_report(unit_client, year_2024):
    other = UnitFactory(name="区商务局")
    report_save(report_year=year_2024, unit=other, acting_user=None, typed=seed_2024())
    assert unit_client.get(page(year_2024, other)).status_code == 403
    assert unit_client.post(page(year_2024, other), post_data()).status_code == 403
    url = reverse("annual_reports:report_file", args=[2024, other.pk, "xlsx"])
    assert unit_client.get(url).status_code == 403
    assert unit_client.get(reverse("annual_reports:year", args=[2024])).status_code == 403
    assert unit_client.get(reverse("annual_reports:district", args=[2024])).status_code == 403


def test_the_office_fills_its_own_unit_and_only_views_the_others(client, staff, year_2024, office_unit, renshe):
    client.force_login(staff)
    assert client.get(page(year_2024, office_unit)).content.decode().count(f'name="{INPUT_PREFIX}') == 166
    report_save(report_year=year_2024, unit=renshe, acting_user=None, typed=seed_2024())
    html = client.get(page(year_2024, renshe)).content.decode()
    assert f'name="{INPUT_PREFIX}' not in html
    assert "只有本单位可以填报此报告，这里只能查看。" in html
    assert client.post(page(year_2024, renshe), post_data()).status_code == 403


def test_the_office_reviews_returns_finalises_and_corrects(client, staff, year_2024, renshe):
    report = report_save(report_year=year_2024, unit=renshe, acting_user=None, typed=seed_2024(), submit=True).report
    client.force_login(staff)
    args = [2024, renshe.pk]
    response = client.post(reverse("annual_reports:return", args=args), {"reason": "五、六未填写"}, follow=True)
    assert "已退回，单位修改后可重新提交。" in response.content.decode()
    report.refresh_from_db()
    assert report.status == Status.RETURNED
    report_save(report_year=year_2024, unit=renshe, acting_user=None, submit=True)
    response = client.post(reverse("annual_reports:finalise", args=args), follow=True)
    assert "已定稿" in response.content.decode()
    response = client.post(reverse("annual_reports:correct", args=args), {"note": "更正行政许可"}, follow=True)
    html = response.content.decode()
    assert "更正版本：更正行政许可" in html
    assert "第2版" in html
    assert AnnualReport.objects.filter(unit=renshe).count() == 2


def test_report_page_queries_do_not_grow_with_units(unit_client, year_2024, renshe, django_assert_max_num_queries):
    report_save(report_year=year_2024, unit=renshe, acting_user=None, typed=seed_2024())
    for index in range(30):
        unit = UnitFactory(name=f"区测试局{index}")
        report_save(report_year=year_2024, unit=unit, acting_user=None, typed=seed_2024(), texts={"other": "无"})
    with django_assert_max_num_queries(14):
        assert unit_client.get(page(year_2024, renshe)).status_code == 200


def test_year_overview_shows_who_is_missing_and_late(client, staff, year_2024, django_assert_max_num_queries):
    units = [UnitFactory(name=f"区测试局{index}", sort_order=index) for index in range(40)]
    for unit in units[:30]:
        report_save(report_year=year_2024, unit=unit, acting_user=None, typed=seed_2024(), submit=True)
    client.force_login(staff)
    url = reverse("annual_reports:year", args=[2024])
    with django_assert_max_num_queries(10):
        html = client.get(url + "?show=missing").content.decode()
    assert html.count("<tr") == 1 + 10
    assert "区测试局39" in html and "区测试局0<" not in html


def test_late_units_after_the_deadline(client, staff, year_2024, renshe):
    year_2024.unit_deadline = datetime.date(2020, 1, 31)
    year_2024.save()
    client.force_login(staff)
    html = client.get(reverse("annual_reports:year", args=[2024]) + "?show=late").content.decode()
    assert "逾期未报送" in html and "区人社局" in html


def test_district_page_shows_the_sums_and_the_missing_units(
    client, staff, year_2024, renshe, django_assert_max_num_queries
):
    report_finalise(
        report=report_save(report_year=year_2024, unit=renshe, acting_user=None, typed=seed_2024(), submit=True).report,
        acting_user=staff,
    )
    UnitFactory(name="区商务局")
    client.force_login(staff)
    with django_assert_max_num_queries(14):
        html = client.get(reverse("annual_reports:district", args=[2024])).content.decode()
    assert "已汇总1个单位，尚缺1个" in html
    assert "区商务局" in html
    assert '<output data-cell="new.total" aria-label="一、本年新收政府信息公开申请数量“总计”">12</output>' in html


@pytest.fixture
def filled_file(year_2024):
    template = report_workbook(ReportContent(title="t", organ="o", year=2024, values=None), template=True)

    def make(values=None):
        return SimpleUploadedFile("报告.xlsx", fill_workbook(template, values or complete(seed_2024())))

    return make


def test_upload_previews_then_imports(unit_client, year_2024, renshe, filled_file):
    response = unit_client.post(reverse("annual_reports:upload", args=[2024, renshe.pk]), {"file": filled_file()})
    preview = unit_client.get(response.url)
    html = preview.content.decode()
    assert "确认导入" in html and "新增" in html
    assert not AnnualReport.objects.exists()
    sha = html.split('name="sha256" value="')[1].split('"')[0]
    response = unit_client.post(response.url, {"action": "confirm", "sha256": sha}, follow=True)
    assert "已导入：新增166条" in response.content.decode()
    assert complete(decode(AnnualReport.objects.get().figures)) == complete(seed_2024())


def test_upload_with_a_broken_balance_shows_the_rule(unit_client, year_2024, renshe, filled_file):
    values = complete(seed_2024())
    values["carried.natural"] = 3
    values["carried.total"] = 3
    response = unit_client.post(reverse("annual_reports:upload", args=[2024, renshe.pk]), {"file": filled_file(values)})
    html = unit_client.get(response.url).content.decode()
    assert "文件未通过检查，不能导入" in html
    assert "第一项加第二项之和等于第三项加第四项之和：“自然人”列 一、本年新收12 + 二、上年结转3 = 15" in html
    assert "确认导入" not in html


def test_another_units_upload_is_refused(client, year_2024, filled_file):
    other = UnitFactory(name="区商务局")
    client.force_login(UserFactory(username="u", role=User.Role.UNIT_USER, unit=UnitFactory(name="区人社局")))
    response = client.post(reverse("annual_reports:upload", args=[2024, other.pk]), {"file": filled_file()})
    assert response.status_code == 403


def test_the_unit_template_is_titled_with_the_unit(unit_client, year_2024):
    response = unit_client.get(reverse("annual_reports:template", args=[2024]))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).worksheets[0]
    assert sheet["A1"].value.startswith("临淄区人社局2024年政府信息公开工作年度报告")


@pytest.fixture
def in_january_2026(monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *args: datetime.date(2026, 1, 5))


def test_a_unit_opening_a_year_not_yet_opened_is_told_so_not_shown_last_year(
    in_january_2026, unit_client, year_2024, renshe
):
    response = unit_client.get(reverse("annual_reports:index"))

    assert response.status_code == 200  # not a redirect to the 2024 report
    html = response.content.decode()
    assert "2025年度报告尚未开启，开启后可填报。" in html
    assert f'<a href="/annual/2024/units/{renshe.pk}/">2024年度报告</a>' in html
    direct = unit_client.get(f"/annual/2025/units/{renshe.pk}/")
    assert direct.status_code == 404 and "2025年度报告尚未开启，开启后可填报。" in direct.content.decode()


def test_once_the_year_is_opened_the_unit_goes_to_its_report(in_january_2026, unit_client, staff, year_2024, renshe):
    report_year_open(year=2025, acting_user=staff)

    response = unit_client.get(reverse("annual_reports:index"))

    assert response["Location"] == f"/annual/2025/units/{renshe.pk}/"
