"""Column freshness in a browser: staff starts a crawl of the units' columns (a background job with
its progress page), confirms the proposed finding of a stale column, and takes a proposed
publication count into the month grid."""

import datetime
import types

import pytest

from inspections.models import Finding
from inspections.services import inspection_round_create
from monitoring.services import column_create
from submissions.models import MonthlyPublication
from tests.monitoring.fixture_site import FixtureSite
from units.models import Unit, User
from units.services import account_create, units_sync_from_csv

from .test_workflow import login

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(settings):
    settings.MONITORING_DELAY = 0
    settings.MONITORING_TIMEOUT = 2
    with FixtureSite() as running:
        yield running


def test_crawl_confirm_a_finding_and_take_a_count_into_the_grid(page, shot, site, monkeypatch):
    units_sync_from_csv()
    account_create(username="staff", password="staff-pass-2025", role=User.Role.OFFICE_STAFF, display_name="王五")
    renshe = Unit.objects.get(name="区人社局")
    column_create(unit=renshe, name="政策文件", url=site.url("/fgj/zcwj/"), requirement="每季度")
    column_create(unit=renshe, name="部门职责任务清单", url=site.url("/fgj/zrqd/"), requirement="每年")
    inspection_round_create(name="2024年二季度检查", year=2024, quarter=2, inspected_on=datetime.date(2024, 7, 1))
    # The crawl judges as of 1 July 2024 (the fixture site's pages are of the first half of 2024).
    monkeypatch.setattr("monitoring.jobs.timezone", types.SimpleNamespace(localdate=lambda: datetime.date(2024, 7, 1)))

    login(page, "staff", "staff-pass-2025")
    page.get_by_role("link", name="栏目监测").click()
    page.get_by_role("button", name="立即读取全部栏目").click()
    # A background job: back on the list when done within two seconds, else its progress page.
    page.wait_for_function(
        "() => location.pathname.startsWith('/monitoring/columns/')"
        " || (document.querySelector('[data-job-label]') || {}).textContent === '已完成'"
    )
    assert "读取2个栏目：1个未按期更新，0个读取出错" in page.locator("main").inner_text()
    page.goto("/monitoring/columns/")
    first = page.locator("table[data-columns] tbody tr").first
    assert "部门职责任务清单" in first.inner_text() and "未按期更新" in first.inner_text()  # stale first
    shot(page, "monitoring-01-栏目更新情况")
    page.goto(f"/monitoring/units/{renshe.pk}/")
    assert page.locator("svg.chart").count() == 1
    assert "未登记" in page.locator("table[data-checklist]").inner_text()
    shot(page, "monitoring-02-单位栏目")

    page.get_by_role("link", name="建议问题").click()
    assert (
        "部门职责任务清单栏目最近更新为2023年3月2日，已超过一年未更新"
        in page.locator("table[data-proposals]").inner_text()
    )
    page.get_by_role("link", name="处理").click()
    page.get_by_label("检查批次").select_option(label="2024年二季度检查")
    page.get_by_label("或按工作日数").fill("10")
    page.get_by_role("button", name="确认并记录问题").click()
    page.wait_for_load_state()
    finding = Finding.objects.get(unit=renshe)
    assert finding.column == "部门职责任务清单"
    assert finding.status == Finding.Status.PENDING
    assert "已记为检查问题" in page.locator(".messages").inner_text()
    shot(page, "monitoring-03-确认为检查问题")

    page.goto("/data/grid/2024/6/")
    cell = page.locator(f"#unit-{renshe.pk}")
    assert cell.locator(".proposal").inner_text() == "栏目监测5（未录入）"
    shot(page, "monitoring-04-月度填报中的监测数")
    cell.get_by_role("button", name="区人社局 采用栏目监测数5").click()
    page.wait_for_load_state()
    assert MonthlyPublication.objects.get(unit=renshe, year=2024, month=6).count == 5
    assert page.get_by_label("区人社局 发布数").input_value() == "5"
