"""The scheduled jobs: each reminds once, in the app and by e-mail, and each run is recorded."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command

from annual_reports.reminders import annual_reports_remind
from core.models import Job, Notification
from inspections.reminders import findings_remind
from reports.consistency import issued_notices_check
from reports.services import notice_issue
from submissions.models import MonthlyPublication
from submissions.reminders import articles_remind
from tests.factories import (
    ArticleFactory,
    FindingFactory,
    InspectionRoundFactory,
    NoticeFactory,
    PublicationFactory,
    UnitFactory,
    UserFactory,
)
from units.models import User

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def units(db):
    silent = UnitFactory(name="区商务局", sort_order=1)
    sent = UnitFactory(name="区人社局", sort_order=2)
    exempt = UnitFactory(name="区政府办公室", sort_order=3, submission_exempt=True)
    for unit in (silent, sent, exempt):
        UserFactory(username=f"u{unit.pk}", role=User.Role.UNIT_USER, unit=unit, email=f"u{unit.pk}@example.cn")
    ArticleFactory(unit=sent, received_on=D(2024, 11, 5))
    return silent, sent, exempt


def test_articles_from_the_configured_day_once_per_unit_and_month(units, django_capture_on_commit_callbacks):
    silent, _, _ = units

    assert articles_remind(today=D(2024, 11, 19), day_of_month=20) == "2024年11月：20日起才提醒，今天不提醒。"
    with django_capture_on_commit_callbacks(execute=True):  # the mail goes once the reminder is committed
        summary = articles_remind(today=D(2024, 11, 20), day_of_month=20)
    assert summary == "2024年11月：1个单位尚无合格稿件，新发提醒1条。"
    assert articles_remind(today=D(2024, 11, 21), day_of_month=20) == "2024年11月：1个单位尚无合格稿件，新发提醒0条。"

    (note,) = Notification.objects.all()
    assert note.user.unit == silent
    assert (
        note.text
        == "区商务局2024年11月尚无符合要求的“政务公开在行动”稿件，请在月底前报送（每月至少1篇，不少于400字）。"
    )
    assert note.emailed
    assert [m.to for m in mail.outbox] == [[note.user.email]]


def test_findings_near_and_passed_deadlines_in_working_days(units):
    silent, sent, _ = units
    inspection = InspectionRoundFactory(year=2024, quarter=3, inspected_on=D(2024, 9, 20))
    FindingFactory(inspection=inspection, unit=silent, description="政策文件栏目未更新", deadline=D(2024, 10, 9))
    FindingFactory(inspection=inspection, unit=sent, description="错敏词", deadline=D(2024, 9, 27))

    # 2024-09-30: the National Day holiday follows; 10-08 and 10-09 are the next working days.
    assert findings_remind(today=D(2024, 9, 30), working_days=2) == "新发临近期限提醒1条，逾期提醒1条。"
    assert findings_remind(today=D(2024, 9, 30), working_days=2) == "新发临近期限提醒0条，逾期提醒0条。"
    texts = sorted(Notification.objects.values_list("text", flat=True))
    assert texts == [
        "整改事项将于2024年10月9日到期：政策文件栏目未更新，请按期整改并答复。",
        "整改事项已逾期（期限2024年9月27日）：错敏词，请尽快整改并答复。",
    ]


def test_annual_reports_not_submitted(units):
    from annual_reports.models import ReportYear

    ReportYear.objects.create(year=2024, unit_deadline=D(2025, 1, 31), district_deadline=D(2025, 3, 31))

    assert annual_reports_remind(today=D(2025, 1, 10), days=7) == "没有临近截止日期的年度报告。"
    assert annual_reports_remind(today=D(2025, 1, 25), days=7) == "2024年：3个单位未提交，新发提醒3条。"
    assert annual_reports_remind(today=D(2025, 2, 1), days=7) == "2024年：3个单位未提交，新发提醒3条。"
    assert Notification.objects.filter(text__startswith="2024年政府信息公开工作年度报告已逾期未提交").count() == 3


def test_the_nightly_check_names_the_differences_and_tells_the_office(db):
    clerk = UserFactory(username="clerk", role=User.Role.OFFICE_STAFF)
    unit = UnitFactory(name="区商务局")
    for month in (10, 11, 12):
        PublicationFactory(unit=unit, year=2024, month=month, count=5)
    notice_issue(notice=NoticeFactory(year=2024, quarter=4, attachments=["stats_dept"]), acting_user=clerk)
    assert issued_notices_check() == "已核对1个已印发季度，与现有数据一致。"

    MonthlyPublication.objects.filter(month=12).update(count=9)

    summary = issued_notices_check()
    assert summary.startswith("2024年四季度通报（第1版（")
    assert summary.endswith(
        "与现有数据不一致：1个单位：区商务局：发布数[5, 5, 5]→[5, 5, 9]，合计4.5→6.5，累计得分7.5→9.5"
    )
    assert Notification.objects.get(user=clerk).link == "/scores/2024/q4/"


def test_every_scheduled_job_is_a_command_whose_run_is_recorded(units):
    call_command("remind_articles", "--day", "1")
    call_command("remind_findings")
    call_command("remind_applications")
    call_command("remind_annual_reports")
    call_command("check_issued_notices")

    assert list(Job.objects.order_by("pk").values_list("kind", "status")) == [
        ("remind_articles", "done"),
        ("remind_findings", "done"),
        ("remind_applications", "done"),
        ("remind_annual_reports", "done"),
        ("check_issued_notices", "done"),
    ]


def test_the_schedule_is_installed_once_and_edits_are_kept(db):
    from django_celery_beat.models import PeriodicTask

    call_command("install_schedule")
    task = PeriodicTask.objects.get(name="提醒：本月尚无合格稿件")
    task.kwargs = '{"day_of_month": 25}'
    task.save()
    call_command("install_schedule")

    assert PeriodicTask.objects.count() == 7
    assert PeriodicTask.objects.get(name="提醒：本月尚无合格稿件").kwargs == '{"day_of_month": 25}'
