"""Pages of a task and of a ledger: constant queries, the working-day calculator, the nav link."""

from django.urls import reverse

from workplans.models import Task
from workplans.services import ledger_row_add

from .conftest import unit


def test_a_task_of_every_unit_in_constant_queries(client, plan_2022, staff, django_assert_max_num_queries):
    task = Task.objects.get(number=10)  # 各镇、街道，区政府各部门单位: 67 units
    client.force_login(staff)

    with django_assert_max_num_queries(12):
        page = client.get(reverse("workplans:task", args=[task.pk])).content.decode()

    assert "各单位落实情况（67个单位）" in page
    assert page.count('<span class="state state-unreported">未报告</span>') == 2 * 67  # the task and its one period


def test_the_deadline_of_an_event_rule_in_working_days(client, plan_2022, zhufang_user):
    task = Task.objects.get(number=40)  # 首次解读材料应于文件公开后3个工作日内公开
    client.force_login(zhufang_user)

    page = client.get(reverse("workplans:task", args=[task.pk]), {"event_date": "2022-09-30"}).content.decode()

    assert "文件公开后3个工作日内：<strong>应于2022年10月10日前（含当日）完成</strong>" in page


def test_a_ledger_page_in_constant_queries(client, plan_2022, zhufang_user, django_assert_max_num_queries):
    for number in (2, 17, 18):
        ledger_row_add(
            task=Task.objects.get(number=number),
            unit=zhufang_user.unit,
            acting_user=zhufang_user,
            measure="及时公开",
            time_limit="长期",
        )
    client.force_login(zhufang_user)

    with django_assert_max_num_queries(14):
        page = client.get(reverse("workplans:ledger", args=[2022, unit("区住建局").pk])).content.decode()

    assert page.count('class="task-block"') == 32
    assert page.count("尚未填写工作举措。") == 29
    assert "报送台账" in page


def test_the_nav_links_to_the_work_plan(client, plan_2022, zhufang_user, staff):
    for user in (zhufang_user, staff):
        client.force_login(user)
        assert (
            '<a href="/workplans/">工作方案</a>' in client.get(reverse("workplans:index"), follow=True).content.decode()
        )


def test_changes_show_on_the_history_page(client, plan_2022, zhufang_user, staff, django_assert_max_num_queries):
    ledger_row_add(
        task=Task.objects.get(number=2),
        unit=zhufang_user.unit,
        acting_user=zhufang_user,
        measure="及时公开查处情况",
        time_limit="长期",
    )
    client.force_login(staff)

    # Two queries per kind of record on the page (its rows, the versions before them); the aliases
    # and demonstration-site periods load_units wrote are in the history too (both are tracked).
    with django_assert_max_num_queries(25):
        page = client.get(reverse("units:history")).content.decode()

    assert "区住建局 台账：及时公开查处情况" in page
    assert "2022年工作方案第63项任务" in page
