"""Reminders of deadlines (in-app and by mail, the scheduled job and its command): near (in working
days) once per due date, overdue once more; never while waiting for a correction or once answered."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command

from applications.reminders import applications_remind
from applications.services import correction_request, extension_grant
from core.models import Job, Notification
from tests.factories import UserFactory
from units.models import User

from .helpers import logged

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def clerk(renshe):
    return UserFactory(username="renshe", role=User.Role.UNIT_USER, unit=renshe, email="renshe@example.cn")


def test_near_then_overdue_once_each(renshe, clerk, django_capture_on_commit_callbacks):
    application = logged(renshe, D(2024, 9, 13))  # due Thu 17 Oct 2024
    waiting = logged(renshe, D(2024, 9, 13), content="待补正的申请")
    correction_request(application=waiting, requested_on=D(2024, 9, 18), acting_user=None)
    logged(renshe, D(2024, 9, 13), answered_on=D(2024, 9, 30), outcome="granted")
    # Fri 11 Oct: Sat 12 (a workday) 14 15 16 17 → 5 left: not yet within 3.
    assert applications_remind(today=D(2024, 10, 11), working_days=3) == "新发临近期限提醒0条，超期提醒0条。"
    # Mon 14 Oct: 15 16 17 → 3 left.
    with django_capture_on_commit_callbacks(execute=True):  # the mail goes once the reminders are stored
        assert applications_remind(today=D(2024, 10, 14), working_days=3) == "新发临近期限提醒1条，超期提醒0条。"
        assert applications_remind(today=D(2024, 10, 15), working_days=3) == "新发临近期限提醒0条，超期提醒0条。"
        assert applications_remind(today=D(2024, 10, 18), working_days=3) == "新发临近期限提醒0条，超期提醒1条。"
    assert list(Notification.objects.order_by("pk").values_list("kind", "text", "link")) == [
        (
            "application_near",
            "依申请公开答复期限临近：2024年9月13日收到的政府信息公开申请（某项目立项批复）应于2024年10月17日前答复（还有3个工作日）。",
            f"/applications/{application.pk}/",
        ),
        (
            "application_overdue",
            "依申请公开答复已超期：2024年9月13日收到的政府信息公开申请（某项目立项批复）答复期限为2024年10月17日，请尽快答复。",
            f"/applications/{application.pk}/",
        ),
    ]
    assert [m.to for m in mail.outbox] == [["renshe@example.cn"], ["renshe@example.cn"]]


def test_a_new_due_date_is_reminded_again(renshe, clerk):
    application = logged(renshe, D(2024, 9, 13))
    applications_remind(today=D(2024, 10, 14), working_days=3)
    extension_grant(application=application, days=20, approver="王主任", notified_on=D(2024, 10, 14), acting_user=None)
    # Due Thu 14 Nov now; on Mon 11 Nov: 12 13 14 → 3 left.
    assert applications_remind(today=D(2024, 11, 11), working_days=3) == "新发临近期限提醒1条，超期提醒0条。"


def test_the_command_runs_the_scheduled_job(renshe, clerk):
    call_command("remind_applications", "--working-days", "3")
    job = Job.objects.get(kind="remind_applications")
    assert (job.status, job.label) == ("done", "提醒：依申请公开答复期限临近或已过")
