"""The annual report page with tables 三 and 四 由登记簿生成: the page's script reads the locked
cells without an error, so the totals, the checks and the “用这段文字替换上框内容” button still work."""

import datetime

import pytest

from annual_reports.services import report_requests_source, report_year_open
from applications.services import answer_record, application_record
from units.models import Unit, User
from units.services import account_create

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
D = datetime.date


def test_register_tables_keep_the_page_script_working(page):
    unit = Unit.objects.create(name="区人社局", category=Unit.Category.DEPARTMENT)
    account_create(username="renshe", password="unit-pass-2025", role=User.Role.UNIT_USER, unit=unit)
    staff = account_create(username="staff", password="staff-pass-2025", role=User.Role.OFFICE_STAFF)
    report_year = report_year_open(year=2024, acting_user=staff)
    application = application_record(
        unit=unit, received_on=D(2024, 3, 8), channel="online", applicant_type="natural", content="某项目批复"
    )
    answer_record(application=application, answered_on=D(2024, 3, 20), outcome="granted", acting_user=None)
    report_requests_source(report_year=report_year, unit=unit, source="register", acting_user=None)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))

    page.goto("/accounts/login/")
    page.get_by_label("用户名").fill("renshe")
    page.get_by_label("密码").fill("unit-pass-2025")
    page.get_by_role("button", name="登录").click()
    page.goto(f"/annual/2024/units/{unit.pk}/")

    assert errors == []
    page.get_by_role("button", name="用这段文字替换上框内容").click()
    assert page.locator("#id_overview_requests").input_value().startswith("2024年共收到政府信息公开申请1件。")
