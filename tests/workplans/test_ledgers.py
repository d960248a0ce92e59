"""The ledger (台账): a unit writes its measures per task and submits it by the office's deadline."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from tests.factories import UnitFactory, UserFactory
from units.models import User
from workplans.models import Ledger, LedgerRow, LedgerTransition
from workplans.overviews import ledger_overview
from workplans.services import (
    ledger_return,
    ledger_row_add,
    ledger_row_delete,
    ledger_row_update,
    ledger_submit,
    plan_ledger_deadline_set,
)

from .helpers import make_plan, make_task


@pytest.fixture
def setup(db):
    plan = make_plan(2022)
    renshe, shangwu, other = UnitFactory(name="区人社局"), UnitFactory(name="区商务局"), UnitFactory(name="区统计局")
    first = make_task(plan, 1, [renshe, shangwu], requirement="加大民生领域的部门联合“双随机、一公开”监管信息公开力度")
    second = make_task(plan, 2, [renshe], time_limit="按季度公开")
    make_task(plan, 3, [shangwu])
    user = UserFactory(username="renshe", role=User.Role.UNIT_USER, unit=renshe)
    return plan, renshe, shangwu, other, first, second, user


def add(task, unit, user, measure="督促及时公开年度计划", time_limit="6月底前", **extra):
    return ledger_row_add(task=task, unit=unit, acting_user=user, measure=measure, time_limit=time_limit, **extra)


def test_several_measures_per_task_in_order(setup):
    plan, renshe, _, _, first, _, user = setup

    a = add(first, renshe, user, leader="王副局长", office="办公室")
    b = add(first, renshe, user, measure="指导公开检查结果信息", time_limit="按季度")

    assert [(r.position, r.measure) for r in LedgerRow.objects.order_by("position")] == [
        (1, "督促及时公开年度计划"),
        (2, "指导公开检查结果信息"),
    ]
    assert a.ledger == b.ledger == Ledger.objects.get(plan=plan, unit=renshe)
    assert (a.leader, a.office, a.updated_by) == ("王副局长", "办公室", user)


def test_only_the_units_own_tasks_and_only_its_own_account(setup, staff):
    plan, renshe, shangwu, other, first, _, user = setup
    third = plan.tasks.get(number=3)

    with pytest.raises(ValidationError) as caught:
        add(third, renshe, user)
    assert caught.value.message_dict == {"task": ["区人社局不承担第3项任务。"]}
    with pytest.raises(PermissionDenied):
        add(first, shangwu, user)  # another unit's ledger
    with pytest.raises(PermissionDenied):
        add(first, renshe, staff)  # the office reads, the unit writes


def test_required_fields(setup):
    _, renshe, _, _, first, _, user = setup

    with pytest.raises(ValidationError) as caught:
        add(first, renshe, user, measure="  ")
    assert caught.value.message_dict == {"measure": ["请填写工作举措。"]}
    with pytest.raises(ValidationError) as caught:
        add(first, renshe, user, time_limit="")
    assert caught.value.message_dict == {"time_limit": ["请填写时限要求。"]}


def test_submit_needs_every_task_then_locks_the_ledger(setup):
    plan, renshe, _, _, first, second, user = setup
    row = add(first, renshe, user)

    with pytest.raises(ValidationError) as caught:
        ledger_submit(plan=plan, unit=renshe, acting_user=user)
    assert caught.value.messages == ["第2项任务还没有填写工作举措（共1项），不能报送。"]

    add(second, renshe, user, measure="按季度公开进展", time_limit="每季度末")
    ledger = ledger_submit(plan=plan, unit=renshe, acting_user=user)

    assert (ledger.status, ledger.submitted_by) == (Ledger.Status.SUBMITTED, user)
    transition = LedgerTransition.objects.get()
    assert (transition.from_status, transition.to_status, transition.by, transition.action) == (
        "draft",
        "submitted",
        user,
        "报送",
    )
    message = "台账已报送，不能再修改；如需修改，请联系区政府办公室退回。"
    for attempt in (
        lambda: add(first, renshe, user),
        lambda: ledger_row_update(row=row, acting_user=user, measure="改", time_limit="改"),
        lambda: ledger_row_delete(row=row, acting_user=user),
        lambda: ledger_submit(plan=plan, unit=renshe, acting_user=user),
    ):
        with pytest.raises(ValidationError) as caught:
            attempt()
        assert caught.value.messages == [message]


def test_the_office_returns_a_submitted_ledger_with_a_reason(setup, staff):
    plan, renshe, _, _, first, second, user = setup
    add(first, renshe, user)
    add(second, renshe, user)
    ledger = ledger_submit(plan=plan, unit=renshe, acting_user=user)

    with pytest.raises(ValidationError) as caught:
        ledger_return(ledger=ledger, acting_user=staff, reason=" ")
    assert caught.value.message_dict == {"reason": ["退回时必须填写退回原因。"]}
    with pytest.raises(PermissionDenied):
        ledger_return(ledger=ledger, acting_user=user, reason="自己退回")

    ledger_return(ledger=ledger, acting_user=staff, reason="第2项举措过于笼统")

    ledger.refresh_from_db()
    assert ledger.status == Ledger.Status.DRAFT
    assert list(LedgerTransition.objects.values_list("to_status", "by__username", "note")) == [
        ("submitted", "renshe", ""),
        ("draft", "zhangsan", "第2项举措过于笼统"),
    ]
    add(first, renshe, user, measure="补充举措")  # editable again
    assert ledger_overview(plan)[0].last_return == "第2项举措过于笼统"


def test_staff_see_who_has_and_has_not_submitted(setup, staff, django_assert_max_num_queries):
    plan, renshe, shangwu, _, first, second, user = setup
    add(first, renshe, user)
    add(second, renshe, user)
    submitted = ledger_submit(plan=plan, unit=renshe, acting_user=user)
    Ledger.objects.filter(pk=submitted.pk).update(submitted_at=timezone.make_aware(datetime.datetime(2022, 7, 2, 9)))

    with django_assert_max_num_queries(5):
        lines = ledger_overview(plan)

    assert [(line.unit.name, line.task_count, line.covered, line.row_count, line.status_label) for line in lines] == [
        ("区人社局", 2, 2, 2, "已报送"),
        ("区商务局", 2, 0, 0, "未填写"),
    ]
    assert [line.late(plan, datetime.date(2022, 7, 5)) for line in lines] == [True, True]  # 7月2日报送；未报
    assert [line.late(plan, datetime.date(2022, 6, 20)) for line in lines] == [True, False]


def test_ledger_status_page(client, setup, staff, django_assert_max_num_queries):
    plan, renshe, _, _, first, second, user = setup
    add(first, renshe, user)
    client.force_login(staff)

    with django_assert_max_num_queries(12):
        page = client.get(reverse("workplans:ledger_status", args=[2022]))

    html = page.content.decode()
    assert '<span class="big">2</span>承担任务的单位' in html
    assert '<span class="big">0</span>已报送' in html
    assert html.count("逾期未报") == 2  # today is after 30 June 2022
    assert "填写中" in html and "未填写" in html


def test_the_deadline_is_the_offices(setup, staff):
    plan, *_ = setup
    assert plan.ledger_deadline == datetime.date(2022, 6, 30)

    plan_ledger_deadline_set(plan=plan, deadline=datetime.date(2022, 7, 15), acting_user=staff)

    plan.refresh_from_db()
    assert plan.ledger_deadline == datetime.date(2022, 7, 15)


def test_a_unit_fills_in_and_submits_its_ledger_in_the_browser(client, setup):
    plan, renshe, _, _, first, second, user = setup
    client.force_login(user)
    url = reverse("workplans:ledger", args=[2022, renshe.pk])

    page = client.get(url).content.decode()
    assert "加大民生领域的部门联合“双随机、一公开”监管信息公开力度" in page
    assert page.count("尚未填写工作举措。") == 2

    for task in (first, second):
        response = client.post(
            reverse("workplans:ledger_row_add", args=[task.pk]),
            {
                f"t{task.pk}-{k}": v
                for k, v in {
                    "measure": "督促及时公开",
                    "time_limit": "6月底前",
                    "leader": "李副局长",
                    "office": "办公室",
                }.items()
            },
        )
        assert response.status_code == 302
    done = client.post(reverse("workplans:ledger_submit", args=[2022]), follow=True)

    assert "台账已报送区政府办公室。" in done.content.decode()
    assert Ledger.objects.get(unit=renshe).status == Ledger.Status.SUBMITTED
    assert "报送台账" not in client.get(url).content.decode()
