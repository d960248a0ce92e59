"""The whole loop in a browser: staff fills a month with the keyboard and sees the scores change,
records a finding; the unit answers it with a file; staff accepts; the unit sees it closed."""

import datetime

import pytest

from inspections.models import Finding
from inspections.services import inspection_round_create
from submissions.models import MonthlyArticleTally, MonthlyPublication
from units.models import Unit, User
from units.services import account_create, units_sync_from_csv

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def login(page, username, password):
    page.goto("/accounts/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()
    page.wait_for_load_state()


def logout(page):
    page.get_by_role("button", name="退出").click()
    page.wait_for_url("**/accounts/login/")


def focused(page) -> str:
    return page.evaluate("document.activeElement.getAttribute('aria-label')")


def test_staff_and_unit_close_a_rectification_loop(page, shot, tmp_path):
    units_sync_from_csv()
    account_create(username="staff", password="staff-pass-2025", role=User.Role.OFFICE_STAFF, display_name="王五")
    renshe = Unit.objects.get(name="区人社局")
    account_create(username="renshe", password="unit-pass-2025", role=User.Role.UNIT_USER, unit=renshe)
    inspection = inspection_round_create(
        name="2024年四季度检查", year=2024, quarter=4, inspected_on=datetime.date(2025, 1, 6)
    )

    # Office staff fills October in the grid with the keyboard only.
    login(page, "staff", "staff-pass-2025")
    page.goto("/data/grid/2024/10/")
    page.get_by_label("区人社局 发布数").focus()
    page.keyboard.type("12")
    page.keyboard.press("Tab")
    assert focused(page) == "区人社局 投稿件数"
    page.keyboard.type("2")
    page.keyboard.press("Enter")
    assert focused(page) != "区人社局 投稿件数" and focused(page).endswith("投稿件数")
    page.keyboard.type("1")
    shot(page, "01-月度填报")
    page.get_by_role("button", name="保存").click()
    page.wait_for_load_state()
    assert "已保存" in page.locator(".messages").inner_text()
    assert MonthlyPublication.objects.get(unit=renshe, year=2024, month=10).count == 12
    assert MonthlyArticleTally.objects.get(unit=renshe, year=2024, month=10).submitted == 2

    # The quarter's scores reflect it: 12 items in October count as 10, i.e. 5 points.
    page.goto("/scores/2024/q4/")
    row = page.locator("tr", has=page.get_by_role("link", name="区人社局", exact=True))
    assert row.locator("td").nth(2).inner_text() == "12"
    assert row.locator("td").nth(5).inner_text() == "5"
    shot(page, "02-季度得分")

    # Staff records a finding for 区人社局.
    page.goto(f"/inspections/rounds/{inspection.pk}/")
    page.get_by_role("link", name="记录问题").click()
    page.locator("#id_unit").select_option(label="区人社局")
    page.locator("#id_category").select_option(value=Finding.Category.COLUMN_NOT_UPDATED)
    page.locator("#id_description").fill("部门职责任务清单栏目年内未更新")
    page.locator("#id_deadline").fill("2025-01-15")
    page.get_by_role("button", name="保存", exact=True).click()
    page.wait_for_load_state()
    finding = Finding.objects.get(unit=renshe)
    assert finding.status == Finding.Status.PENDING
    shot(page, "03-检查问题")
    logout(page)

    # The unit logs in, sees the finding on its dashboard and answers it with a file.
    login(page, "renshe", "unit-pass-2025")
    assert "部门职责任务清单栏目年内未更新" in page.content()
    shot(page, "04-单位首页")
    page.get_by_role("link", name="答复整改").click()
    page.get_by_role("link", name="提交整改情况").click()
    evidence = tmp_path / "整改截图.pdf"
    evidence.write_bytes(b"%PDF-1.4\n% evidence\n")
    page.get_by_label("整改情况").fill("已更新部门职责任务清单，并建立月度检查机制。")
    page.locator("input[type=file]").set_input_files(str(evidence))
    page.get_by_role("button", name="提交").click()
    page.wait_for_load_state()
    finding.refresh_from_db()
    assert finding.status == Finding.Status.SUBMITTED
    shot(page, "05-提交整改")
    logout(page)

    # Staff accepts it.
    login(page, "staff", "staff-pass-2025")
    page.goto(f"/inspections/findings/{finding.pk}/")
    assert "整改截图.pdf" in page.content()
    page.get_by_role("button", name="验收通过").click()
    page.wait_for_load_state()
    finding.refresh_from_db()
    assert finding.status == Finding.Status.ACCEPTED
    logout(page)

    # The unit sees it closed.
    login(page, "renshe", "unit-pass-2025")
    page.goto("/inspections/mine/")
    assert "已验收" in page.locator("main").inner_text()
    shot(page, "06-已验收")
