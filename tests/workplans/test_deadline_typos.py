"""A ledger deadline (台账报送截止日期) and the annual reports' deadlines that can only be typing
errors (9999-12-31 was saved and shown to every unit) are refused with a sentence."""

import datetime

import pytest

from annual_reports.models import ReportYear
from annual_reports.services import report_year_open
from tests.workplans.helpers import make_plan

pytestmark = pytest.mark.django_db


def test_a_ledger_deadline_outside_the_plan_and_the_next_year_is_refused(staff_client):
    plan = make_plan(2024)

    far = staff_client.post("/workplans/2024/ledgers/deadline/", {"deadline": "9999-12-31"}, follow=True)
    near = staff_client.post("/workplans/2024/ledgers/deadline/", {"deadline": "2024-07-15"}, follow=True)

    assert "台账报送截止日期应在2024年1月1日至2025年12月31日之间，请核对年份。" in far.content.decode()
    assert "已保存台账报送截止日期。" in near.content.decode()
    plan.refresh_from_db()
    assert plan.ledger_deadline == datetime.date(2024, 7, 15)


def test_annual_deadlines_after_the_next_year_are_refused(staff_client, staff):
    report_year_open(year=2026, acting_user=staff)

    response = staff_client.post(
        "/annual/2026/deadlines/", {"unit_deadline": "9999-12-31", "district_deadline": "9999-12-31"}, follow=True
    )

    html = response.content.decode()
    assert "截止日期不能晚于2027年12月31日（通常为次年1月31日），请核对年份。" in html
    assert "截止日期不能晚于2027年12月31日（通常为次年3月31日），请核对年份。" in html
    stored = ReportYear.objects.get()
    assert (stored.unit_deadline, stored.district_deadline) == (datetime.date(2027, 1, 31), datetime.date(2027, 3, 31))
