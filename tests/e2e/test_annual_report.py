"""A unit fills its annual report in the browser with the keyboard: totals are computed while
typing, a broken 勾稽关系 is named at once with the same message the server gives, and the report
is submitted once the figures agree."""

import pytest

from annual_reports.grid import INPUT_PREFIX
from annual_reports.layout import typed_keys
from annual_reports.models import AnnualReport
from annual_reports.services import report_save, report_year_open
from tests.annual_reports.seed import OVERVIEW_REQUESTS_2024, seed_2024
from units.models import Unit, User
from units.services import account_create

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

FILLED = "每一格都应填写，没有的填0：还有1格未填写，如一、本年新收政府信息公开申请数量“自然人”。"
BALANCE = (
    "第一项加第二项之和等于第三项加第四项之和：“自然人”列 一、本年新收13 + 二、上年结转2 = 15，"
    "三、（七）总计14 + 四、结转下年度继续办理0 = 14，两者不等。"
)


def test_unit_fills_checks_and_submits(page, shot):
    unit = Unit.objects.create(name="区人社局", category=Unit.Category.DEPARTMENT)
    account_create(username="renshe", password="unit-pass-2025", role=User.Role.UNIT_USER, unit=unit)
    staff = account_create(username="staff", password="staff-pass-2025", role=User.Role.OFFICE_STAFF)
    report_year = report_year_open(year=2024, acting_user=staff)
    typed = seed_2024()
    typed["new.natural"] = None
    report_save(report_year=report_year, unit=unit, acting_user=None, typed=typed)

    page.goto("/accounts/login/")
    page.get_by_label("用户名").fill("renshe")
    page.get_by_label("密码").fill("unit-pass-2025")
    page.get_by_role("button", name="登录").click()
    page.goto(f"/annual/2024/units/{unit.pk}/")  # (年度报告 opens the year now due, which may be later)

    # Submitting with a cell left empty is refused; the page keeps checking that every cell is filled.
    page.get_by_role("button", name="保存并提交").click()
    page.wait_for_load_state()
    assert FILLED in page.locator("[data-problems]").inner_text()
    cell = page.locator(f'input[name="{INPUT_PREFIX}new.natural"]')
    cell.focus()
    page.keyboard.type("13")
    assert page.locator('output[data-cell="new.total"]').inner_text() == "13"
    assert BALANCE in page.locator("[data-problems]").inner_text()
    assert FILLED not in page.locator("[data-problems]").inner_text()
    assert cell.get_attribute("aria-invalid") == "true"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.name") == f"{INPUT_PREFIX}carried.natural"
    shot(page, "11-年度报告-勾稽关系")

    cell.fill("12")
    cell.dispatch_event("input")
    assert BALANCE not in page.locator("[data-problems]").inner_text()
    assert page.locator('output[data-cell="answered.total"]').inner_text() == "14"
    page.get_by_role("button", name="保存", exact=True).click()
    page.wait_for_load_state()
    assert "已保存。" in page.locator(".messages").inner_text()
    page.get_by_role("button", name="用这段文字替换上框内容").click()
    assert page.locator("#id_overview_requests").input_value().startswith("2024年共收到政府信息公开申请12件")
    page.get_by_role("button", name="保存并提交").click()
    page.wait_for_load_state()
    assert "已提交，等待区政府办公室审核。" in page.locator(".messages").inner_text()
    report = AnnualReport.objects.get(unit=unit)
    assert report.status == AnnualReport.Status.SUBMITTED
    assert report.figures["new.natural"] == 12
    assert report.overview_requests == OVERVIEW_REQUESTS_2024.replace("，同比下降55.55%", "")
    assert len(report.figures) == len(typed_keys())
    shot(page, "12-年度报告-已提交")
