"""Who may see what: a unit sees exactly its own tasks, ledger and progress; the office sees all."""

import re

from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from tests.factories import UserFactory
from units.models import User
from workplans.models import Task
from workplans.selectors import ledgers_visible_to, plans_visible_to, progress_visible_to, tasks_visible_to
from workplans.services import ledger_row_add, progress_report

from .conftest import unit

ZHUJIAN_NAMED = [2, 17, 18, 24, 27, 30]
"""Tasks of seed 003 naming 区住建局 (as 区住建局)."""
ZHUJIAN_GROUPS = [10, 31, 34, 35, 37, *range(39, 50), 51, 52, 53, 54, 57, 58, 60, 61, 62, 63]
"""Tasks given to 各镇、街道，区政府各部门单位 (or its 落实 part in task 63)."""


def numbers(tasks) -> list[int]:
    return sorted(t.number for t in tasks)


def test_a_unit_user_sees_exactly_its_own_tasks(client, plan_2022, zhufang_user, django_assert_max_num_queries):
    assert numbers(tasks_visible_to(zhufang_user)) == sorted(ZHUJIAN_NAMED + ZHUJIAN_GROUPS)
    client.force_login(zhufang_user)

    with django_assert_max_num_queries(12):
        page = client.get(reverse("workplans:plan", args=[2022])).content.decode()

    listed = [int(n) for n in re.findall(r'<td class="num">(\d+)</td>', page)]
    assert listed == sorted(ZHUJIAN_NAMED + ZHUJIAN_GROUPS)
    assert "本单位承担2022年工作方案中的32项任务" in page
    own, other = Task.objects.get(number=2), Task.objects.get(number=56)
    assert client.get(reverse("workplans:task", args=[own.pk])).status_code == 200
    assert client.get(reverse("workplans:task", args=[other.pk])).status_code == 404


def test_a_body_that_is_not_assessed_sees_its_one_task(client, plan_2022, archive_user):
    assert numbers(tasks_visible_to(archive_user)) == [56]
    client.force_login(archive_user)

    page = client.get(reverse("workplans:plan", args=[2022])).content.decode()

    assert re.findall(r'<td class="num">(\d+)</td>', page) == ["56"]


def test_a_unit_without_tasks_sees_no_plan(client, plan_2022):
    user = UserFactory(username="wenwu", role=User.Role.UNIT_USER, unit=unit("区文物局"))  # assessed from 2024
    client.force_login(user)

    assert not plans_visible_to(user).exists()
    assert client.get(reverse("workplans:plan", args=[2022])).status_code == 404
    assert "本单位目前没有承担年度工作方案中的任务。" in client.get(reverse("workplans:index")).content.decode()


def test_the_office_sees_every_task(client, plan_2022, staff, django_assert_max_num_queries):
    client.force_login(staff)

    with django_assert_max_num_queries(12):
        page = client.get(reverse("workplans:plan", args=[2022])).content.decode()

    assert page.count('<tr id="task-') == 63
    assert "有10个责任方（如“有关职能部门”）尚未指定具体单位" in page
    assert numbers(tasks_visible_to(staff)) == list(range(1, 64))


def test_unit_scoped_ledgers_and_progress(plan_2022, zhufang_user, staff):
    caizheng = UserFactory(username="caizheng", role=User.Role.UNIT_USER, unit=unit("区财政局"))
    task = Task.objects.get(number=10)
    for user in (zhufang_user, caizheng):
        ledger_row_add(task=task, unit=user.unit, acting_user=user, measure="政策精准推送", time_limit="长期")
        progress_report(task=task, unit=user.unit, period="Y", status="in_progress", note="推进中", acting_user=user)

    assert [r.unit.name for r in progress_visible_to(zhufang_user)] == ["区住建局"]
    assert [ledger.unit.name for ledger in ledgers_visible_to(zhufang_user)] == ["区住建局"]
    assert progress_visible_to(staff).count() == ledgers_visible_to(staff).count() == 2
    assert not progress_visible_to(AnonymousUser()).exists()


def test_staff_assign_a_described_party(client, plan_2022, staff):
    task = Task.objects.get(number=4)
    party = task.parties.get()
    client.force_login(staff)

    page = client.get(reverse("workplans:task", args=[task.pk])).content.decode()
    assert "“有关职能部门”（配合落实）" in page and "尚未指定具体单位。" in page

    client.post(
        reverse("workplans:party_assign", args=[party.pk]), {"units": [unit("区统计局").pk, unit("区财政局").pk]}
    )

    assert sorted(party.assigned.values_list("unit__name", flat=True)) == ["区统计局", "区财政局"]
    assert Task.objects.filter(pk=task.pk, assignments__unit__name="区统计局").exists()
    client.post(reverse("workplans:party_assign", args=[party.pk]), {"units": [unit("区统计局").pk]})
    assert list(party.assigned.values_list("unit__name", flat=True)) == ["区统计局"]
