"""In Chromium: a unit types the fee to the fen (six decimals, checked while typing as the server
checks), then uploads its Word report and sees, before anything is written, the text and numbers as
read with the reader's notices and the text-versus-table warning; confirming imports it."""

import pytest

from annual_reports.grid import INPUT_PREFIX
from annual_reports.models import AnnualReport
from annual_reports.services import report_save, report_year_open
from tests.annual_reports.seed import seed_2024
from tests.annual_reports.word_docs import Style, build_report
from units.models import Unit, User
from units.services import account_create

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

AMOUNT = "金额应为不小于0的数，最多六位小数：行政事业性收费“本年收费金额（单位：万元）”填写的是“0.0123456”。"
TEXTS = {
    "overview_requests": "2024年共收到政府信息公开申请12件，其中予以公开及部分公开11件，占78.57%。",
    "overview_management": "现行有效行政规范性文件8件。",
    "other": "本年度未收取信息处理费。",
}


def login(page, username, password):
    page.goto("/accounts/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()


def test_fee_to_the_fen_then_a_word_report_previewed_and_imported(page, shot, tmp_path):
    unit = Unit.objects.create(name="区人社局", category=Unit.Category.DEPARTMENT)
    account_create(username="renshe", password="unit-pass-2025", role=User.Role.UNIT_USER, unit=unit)
    staff = account_create(username="staff", password="staff-pass-2025", role=User.Role.OFFICE_STAFF)
    report_year = report_year_open(year=2024, acting_user=staff)
    report_save(report_year=report_year, unit=unit, acting_user=None, typed=seed_2024())
    login(page, "renshe", "unit-pass-2025")
    page.goto(f"/annual/2024/units/{unit.pk}/")  # (年度报告 opens the year now due, which may be later)

    fee = page.locator(f'input[name="{INPUT_PREFIX}fees.amount"]')
    fee.fill("0.0123456")
    fee.dispatch_event("input")
    assert AMOUNT in page.locator("[data-problems]").inner_text()
    fee.fill("0.012345")
    fee.dispatch_event("input")
    assert "最多六位小数" not in page.locator("[data-problems]").inner_text()
    page.get_by_role("button", name="保存", exact=True).click()
    page.wait_for_load_state()
    assert page.locator(f'input[name="{INPUT_PREFIX}fees.amount"]').input_value() == "0.012345"

    path = tmp_path / "区人社局2024年政府信息公开工作年度报告.docx"
    path.write_bytes(build_report(seed_2024(), TEXTS, Style(signature=("临淄区人社局", "2025年1月20日"))))
    page.locator('input[type="file"][name="file"]').set_input_files(str(path))
    page.get_by_role("button", name="上传并预览").click()
    page.wait_for_load_state()
    read = page.locator(".import-read").inner_text()
    assert "临淄区人社局2024年政府信息公开工作年度报告" in read
    assert TEXTS["overview_requests"] in read
    notices = page.locator(".notice").all_inner_texts()
    assert "文末的落款和日期不作为正文导入：临淄区人社局　2025年1月20日。" in notices
    assert (
        "文字中的数字应与表格一致：“（三）政府信息管理”写“现行有效行政规范性文件8件”，表格中行政规范性文件“现行有效件数”为9件。"
        in notices
    )
    assert not any("予以公开及部分公开" in n for n in notices)
    shot(page, "13-年度报告-Word导入预览")
    assert AnnualReport.objects.get(unit=unit).overview_requests == ""
    page.get_by_role("button", name="确认导入").click()
    page.wait_for_load_state()
    assert "已导入" in page.locator(".messages").inner_text()
    report = AnnualReport.objects.get(unit=unit)
    assert report.overview_requests == TEXTS["overview_requests"]
    assert report.figures["fees.amount"] == "0"
