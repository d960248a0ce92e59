"""The scheduled jobs' admin (周期任务) speaks the office's language: tasks by their Chinese names,
schedules by what they mean, Chinese errors, and none of beat's routing options."""

import io

import pytest
from django.core.management import call_command

from bootstrap.schedule.models import Crontab, ScheduledTask
from bootstrap.schedule.task_names import TASK_LABELS
from tests.admin_pages import admin_form
from units.models import User

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(User.objects.create_superuser("root", password="x", role=User.Role.OFFICE_ADMIN))
    call_command("install_schedule", stdout=io.StringIO())
    return client


def test_every_celery_task_of_the_project_has_a_chinese_name():
    from linzi_gk.celery import app

    app.loader.import_default_modules()

    assert {name for name in app.tasks if not name.startswith("celery.")} == set(TASK_LABELS)
    assert TASK_LABELS["submissions.tasks.remind_articles"] == "提醒：本月尚无合格稿件"


def add_form(client, **changes) -> dict:
    data = admin_form(client.get("/admin/schedule/scheduledtask/add/").content.decode())
    return {**data, "name": "每晚核对（测试）", "task": "reports.tasks.check_issued_notices", **changes}


def test_a_task_runs_by_exactly_one_schedule_said_in_chinese(admin_client):
    crontab = Crontab.objects.get(minute="0", hour="9")
    interval = ScheduledTask.objects.get(name="重新分派中断的后台任务").interval

    none = admin_client.post("/admin/schedule/scheduledtask/add/", add_form(admin_client))
    both = admin_client.post(
        "/admin/schedule/scheduledtask/add/", add_form(admin_client, crontab=crontab.pk, interval=interval.pk)
    )

    assert none.context["adminform"].form.errors == {"crontab": ["请选择“执行时间”或“执行间隔”。"]}
    assert both.context["adminform"].form.errors == {"crontab": ["“执行间隔”和“执行时间”只能选一个。"]}
    assert not ScheduledTask.objects.filter(name="每晚核对（测试）").exists()


def test_arguments_that_are_not_key_and_value_are_refused_in_chinese(admin_client):
    crontab = Crontab.objects.get(minute="0", hour="9")

    response = admin_client.post(
        "/admin/schedule/scheduledtask/add/", add_form(admin_client, crontab=crontab.pk, kwargs="[20]")
    )

    assert response.context["adminform"].form.errors == {
        "kwargs": ['参数的格式不对：应写成 {"名称": 值} 的形式，如 {"day_of_month": 20}。']
    }


def test_a_new_task_by_its_chinese_name(admin_client):
    crontab = Crontab.objects.get(minute="30", hour="2")

    response = admin_client.post(
        "/admin/schedule/scheduledtask/add/", add_form(admin_client, crontab=crontab.pk, kwargs="{}")
    )

    assert response.status_code == 302
    task = ScheduledTask.objects.get(name="每晚核对（测试）")
    assert (task.task, task.crontab_id, task.enabled) == ("reports.tasks.check_issued_notices", crontab.pk, True)


def test_only_the_schedules_the_office_uses_and_beats_own_pages_are_gone(admin_client):
    index = admin_client.get("/admin/schedule/").content.decode()

    assert [name in index for name in ("周期任务", "执行时间", "执行间隔")] == [True, True, True]
    for page in ("periodictask", "crontabschedule", "intervalschedule", "solarschedule", "clockedschedule"):
        assert admin_client.get(f"/admin/django_celery_beat/{page}/").status_code == 404
    form = admin_client.get("/admin/schedule/scheduledtask/add/").content.decode()
    for beat_only in ("queue", "exchange", "routing_key", "headers", "priority", "solar", "clocked", "regtask"):
        assert f'name="{beat_only}"' not in form
