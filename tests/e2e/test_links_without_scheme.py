"""A unit's clerk pastes a link as the address bar of a Chinese browser shows it, without https://
(www.linzi.gov.cn/col/…): the rectification answer and the progress report take it as https, the
browser's own URL check does not block the form before the server sees it."""

import datetime

import pytest

from inspections.models import RectificationResponse
from inspections.services import finding_record, inspection_round_create
from tests.e2e.test_workflow import login
from tests.workplans.helpers import make_plan, make_task
from units.models import Unit, User
from units.services import account_create, units_sync_from_csv
from workplans.models import ProgressReport

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

LINK = "www.linzi.gov.cn/col/col123/index.html"


@pytest.fixture
def renshe(page):
    units_sync_from_csv()
    unit = Unit.objects.get(name="区人社局")
    account_create(username="renshe", password="unit-pass-2025", role=User.Role.UNIT_USER, unit=unit)
    return unit


def test_a_rectification_answer_takes_a_link_without_https(page, renshe):
    staff = account_create(username="staff", password="staff-pass-2025", role=User.Role.OFFICE_STAFF)
    round_ = inspection_round_create(
        name="2024年四季度检查", year=2024, quarter=4, inspected_on=datetime.date(2025, 1, 6), acting_user=staff
    )
    finding = finding_record(
        inspection=round_,
        unit=renshe,
        category="栏目更新",
        column="政策文件",
        description="政策文件一栏年内未更新",
        deadline=datetime.date(2025, 1, 15),
        acting_user=staff,
    )
    login(page, "renshe", "unit-pass-2025")
    page.goto(f"/inspections/findings/{finding.pk}/respond/")

    page.get_by_label("整改情况").fill("已补充发布2024年政策文件12件。")
    page.get_by_label("链接").fill(LINK)
    page.get_by_role("button", name="提交").click()
    page.wait_for_url(f"**/inspections/findings/{finding.pk}/")

    assert RectificationResponse.objects.get().link == f"https://{LINK}"


def test_a_progress_report_takes_a_link_without_https(page, renshe):
    task = make_task(make_plan(2024), 1, [renshe])
    login(page, "renshe", "unit-pass-2025")
    page.goto(f"/workplans/tasks/{task.pk}/progress/Y/")

    page.get_by_label("已完成").check()
    page.get_by_label("进展情况").fill("已在政府网站公开。")
    page.get_by_label("链接").fill(LINK)
    page.get_by_role("button", name="提交").click()
    page.wait_for_url(f"**/workplans/tasks/{task.pk}/")

    assert ProgressReport.objects.get().link == f"https://{LINK}"
