"""Every write of a ledger and of a task's units leaves an audit row: the ledger's history (who,
when, why) beside its transitions, and the task's history naming the units staff assigned to a
described party or took off it."""

import pytest

from tests.factories import UnitFactory, UserFactory
from units.models import User
from workplans.models import Ledger, Task, TaskUnit
from workplans.services import ledger_return, ledger_row_add, ledger_submit, party_units_set

from .helpers import make_plan, make_task

pytestmark = pytest.mark.django_db


def test_the_ledger_keeps_who_changed_it_and_why(staff):
    plan = make_plan(2022)
    renshe = UnitFactory(name="区人社局")
    task = make_task(plan, 1, [renshe])
    user = UserFactory(username="renshe", role=User.Role.UNIT_USER, unit=renshe)

    ledger_row_add(task=task, unit=renshe, acting_user=user, measure="督促及时公开年度计划", time_limit="6月底前")
    ledger = ledger_submit(plan=plan, unit=renshe, acting_user=user)
    ledger_return(ledger=ledger, acting_user=staff, reason="举措过于笼统")

    ledger = Ledger.objects.get()
    rows = ledger.history.order_by("history_date", "history_id")
    assert [(r.history_type, r.status, r.history_user, r.updated_by, r.history_change_reason) for r in rows] == [
        ("+", "draft", user, user, "开始填写台账"),
        ("~", "submitted", user, user, "报送台账"),
        ("~", "draft", staff, staff, "退回修改：举措过于笼统"),
    ]
    assert (ledger.updated_by, ledger.submitted_by) == (staff, user)


def test_assigning_and_taking_units_off_a_party_is_in_the_tasks_history(staff):
    plan = make_plan(2022)
    task = make_task(plan, 3, [UnitFactory(name="区发改局")], party="有关职能部门")
    party = task.parties.get()
    tongji, caizheng = UnitFactory(name="区统计局"), UnitFactory(name="区财政局")

    party_units_set(party=party, units=[tongji, caizheng], acting_user=staff)
    party_units_set(party=party, units=[tongji], acting_user=staff)
    party_units_set(party=party, units=[tongji], acting_user=staff)  # nothing changes: no row

    rows = Task.objects.get().history.order_by("history_date", "history_id")
    assert [(r.history_user, r.history_change_reason) for r in rows][1:] == [
        (staff, "指定责任单位（有关职能部门）：新增区统计局、区财政局"),
        (staff, "指定责任单位（有关职能部门）：取消区财政局"),
    ]
    assert set(TaskUnit.objects.values_list("unit__name", flat=True)) == {"区发改局", "区统计局"}
