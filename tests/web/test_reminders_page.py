"""The reminders page (提醒) says, for the office, what is scheduled, when, and when it last ran;
a fresh ``load_demo`` (as ``make run``) installs the schedule."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_celery_beat.models import PeriodicTask

from submissions.tasks import remind_articles

pytestmark = pytest.mark.django_db


def rows(html: str) -> list[str]:
    body = html[html.index('id="schedule"') :]
    return [line.strip() for line in body.split("<tr>")[2:]]


def test_the_office_sees_what_is_scheduled_and_when_it_last_ran(client, staff, django_assert_max_num_queries):
    call_command("install_schedule", stdout=io.StringIO())
    remind_articles()  # as beat would, recorded as a job
    client.force_login(staff)

    with django_assert_max_num_queries(14):
        html = client.get("/notifications/").content.decode()

    lines = rows(html)
    assert len(lines) == 7
    today = timezone.localtime()
    articles = next(line for line in lines if "提醒：本月尚无合格稿件" in line)
    assert "<td>每天 09:00</td><td>已启用</td>" in articles
    assert f"{today.year}年{today.month}月{today.day}日" in articles and "已完成：" in articles
    findings = next(line for line in lines if "提醒：整改期限临近或已过" in line)
    assert "<td>每天 09:05</td>" in findings and "尚未执行" in findings
    assert "<td>每5分钟</td>" in next(line for line in lines if "重新分派中断的后台任务" in line)
    applications = next(line for line in lines if "提醒：依申请公开答复期限临近或已过" in line)
    assert "<td>每天 09:07</td>" in applications and "尚未执行" in applications


def test_without_a_schedule_the_page_says_how_to_install_it(client, staff):
    client.force_login(staff)

    html = client.get("/notifications/").content.decode()

    assert "尚未登记定时任务。请运行 <code>python manage.py install_schedule</code>" in html


def test_a_unit_user_sees_only_their_reminders(client, db):
    from tests.factories import UnitFactory, UserFactory
    from units.models import User

    user = UserFactory(username="renshe", role=User.Role.UNIT_USER, unit=UnitFactory(name="区人社局"))
    call_command("install_schedule", stdout=io.StringIO())
    client.force_login(user)

    assert 'id="schedule"' not in client.get("/notifications/").content.decode()


def test_load_demo_installs_the_schedule(db):
    out = io.StringIO()

    call_command("load_demo", stdout=out)

    assert PeriodicTask.objects.exclude(task__startswith="celery.").count() == 7
    assert "定时任务：新登记7个，共7个。" in out.getvalue()


def test_without_a_scheduler_the_office_is_told_nothing_runs_the_schedule(client, staff, settings):
    call_command("install_schedule", stdout=io.StringIO())
    client.force_login(staff)

    settings.REDIS_URL = ""
    alone = client.get("/notifications/").content.decode()
    settings.REDIS_URL = "redis://127.0.0.1:6379/0"
    served = client.get("/notifications/").content.decode()

    assert (
        "本机没有配置后台调度服务（REDIS_URL），以上定时任务不会自动执行，提醒不会按时发出；请联系系统管理员配置（见部署说明）。"
        in alone
    )
    assert "定时任务由后台调度服务按上表的时间执行；时间和参数可在管理后台“周期任务”中修改。" in served
    assert "Celery" not in alone + served
