"""The line under 检查结果 follows the typing: a blank report is 尚未填写, not consistent."""

import pytest

from annual_reports.grid import INPUT_PREFIX
from annual_reports.services import report_year_open
from tests.annual_reports.test_check_summary import BLANK, CHECKED
from units.models import Unit, User
from units.services import account_create

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_the_summary_line_follows_the_typing(page):
    unit = Unit.objects.create(name="区人社局", category=Unit.Category.DEPARTMENT)
    account_create(username="renshe", password="unit-pass-2025", role=User.Role.UNIT_USER, unit=unit)
    staff = account_create(username="staff", password="staff-pass-2025", role=User.Role.OFFICE_STAFF)
    report_year_open(year=2024, acting_user=staff)
    page.goto("/accounts/login/")
    page.get_by_label("用户名").fill("renshe")
    page.get_by_label("密码").fill("unit-pass-2025")
    page.get_by_role("button", name="登录").click()
    page.goto(f"/annual/2024/units/{unit.pk}/")
    summary = page.locator("[data-problems-empty]")
    assert summary.text_content() == BLANK
    assert summary.is_visible()

    cell = page.locator(f'input[name="{INPUT_PREFIX}new.natural"]')
    cell.fill("3")
    cell.dispatch_event("input")
    assert summary.text_content() == CHECKED
    cell.fill("")
    cell.dispatch_event("input")
    assert summary.text_content() == BLANK
