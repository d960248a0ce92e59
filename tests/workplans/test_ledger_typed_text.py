"""Nothing typed on the ledger page vanishes: whichever button is clicked (添加 on another task,
删除, 修改, 报送台账), what was typed in every task comes back; 分管领导 and 责任科室 start as in the
unit's previous entry."""

import pytest
from django.urls import reverse

from tests.factories import UnitFactory, UserFactory
from tests.submissions.helpers import form_fields
from units.models import User
from workplans.models import Ledger, LedgerRow
from workplans.services import ledger_return, ledger_row_add, ledger_submit

from .helpers import make_plan, make_task

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(client):
    plan = make_plan(2022)
    renshe = UnitFactory(name="区人社局")
    first, second, third = (make_task(plan, n, [renshe]) for n in (1, 2, 3))
    user = UserFactory(username="renshe", role=User.Role.UNIT_USER, unit=renshe)
    client.force_login(user)
    return plan, renshe, (first, second, third), user


def page_fields(client, unit) -> dict[str, str]:
    html = client.get(reverse("workplans:ledger", args=[2022, unit.pk])).content.decode()
    return form_fields(html, "ledger-form") | _outside(html)


def _outside(html: str) -> dict[str, str]:
    """Inputs and text areas tied to the form by ``form="ledger-form"`` (outside its element)."""
    import re

    fields = {
        m.group(2): m.group(3)
        for m in re.finditer(r'<input form="(ledger-form)" type="text" name="([^"]+)"[^>]*value="([^"]*)"', html)
    }
    fields |= {
        m.group(1): m.group(2)
        for m in re.finditer(r'<textarea form="ledger-form" name="([^"]+)"[^>]*>([^<]*)</textarea>', html)
    }
    return fields


def block(task, measure="", time_limit="", leader="", office=""):
    return {
        f"t{task.pk}-measure": measure,
        f"t{task.pk}-time_limit": time_limit,
        f"t{task.pk}-leader": leader,
        f"t{task.pk}-office": office,
    }


def test_adding_to_one_task_keeps_what_was_typed_in_another(client, setup):
    plan, unit, (first, second, third), _ = setup
    data = (
        block(first, "公开双随机抽查结果", "", "李副局长", "")
        | block(second, "按季度公开", "按季度", "李副局长", "办公室")
        | block(third)
    )

    response = client.post(reverse("workplans:ledger_row_add", args=[second.pk]), data, follow=True)

    assert "已添加第2项任务的工作举措。" in response.content.decode()
    assert LedgerRow.objects.get().measure == "按季度公开"
    fields = _outside(response.content.decode())
    assert fields[f"t{first.pk}-measure"] == "公开双随机抽查结果"
    assert fields[f"t{first.pk}-leader"] == "李副局长"
    # The block just added is empty again, 分管领导 and 责任科室 as in the entry just made.
    assert [fields[f"t{second.pk}-{f}"] for f in ("measure", "time_limit", "leader", "office")] == [
        "",
        "",
        "李副局长",
        "办公室",
    ]
    assert [fields[f"t{third.pk}-{f}"] for f in ("measure", "leader", "office")] == ["", "李副局长", "办公室"]
    # Shown once: a later visit shows the page as stored.
    assert (
        _outside(client.get(reverse("workplans:ledger", args=[2022, unit.pk])).content.decode())[f"t{first.pk}-measure"]
        == ""
    )


def test_a_refused_block_comes_back_as_typed_with_the_reason(client, setup):
    _, unit, (first, second, _), _ = setup
    data = block(first, "公开双随机抽查结果") | block(second, "另一项", "年底前")

    response = client.post(reverse("workplans:ledger_row_add", args=[first.pk]), data, follow=True)

    html = response.content.decode()
    assert '<p class="error" role="alert">时限要求：这个字段是必填项。</p>' in html
    assert LedgerRow.objects.count() == 0
    fields = _outside(html)
    assert fields[f"t{first.pk}-measure"] == "公开双随机抽查结果"
    assert (fields[f"t{second.pk}-measure"], fields[f"t{second.pk}-time_limit"]) == ("另一项", "年底前")


def test_leader_and_office_start_as_in_the_units_previous_entry(client, setup):
    _, unit, (first, _, _), user = setup
    earlier = make_plan(2021)
    old_task = make_task(earlier, 1, [unit])
    ledger_row_add(
        task=old_task, unit=unit, acting_user=user, measure="x", time_limit="y", leader="王局长", office="政务公开科"
    )

    fields = page_fields(client, unit)

    assert (fields[f"t{first.pk}-leader"], fields[f"t{first.pk}-office"]) == ("王局长", "政务公开科")
    assert fields[f"t{first.pk}-measure"] == ""


def test_deleting_and_opening_a_measure_keep_what_was_typed(client, setup):
    plan, unit, (first, second, _), user = setup
    row = ledger_row_add(task=first, unit=unit, acting_user=user, measure="旧举措", time_limit="6月底前")
    other = ledger_row_add(task=first, unit=unit, acting_user=user, measure="另一条", time_limit="6月底前")
    data = block(second, "还没添加的举措", "年底前")

    response = client.post(reverse("workplans:ledger_row_delete", args=[row.pk]), data, follow=True)

    assert "已删除该条工作举措。" in response.content.decode()
    assert _outside(response.content.decode())[f"t{second.pk}-measure"] == "还没添加的举措"

    response = client.post(reverse("workplans:ledger_row_edit", args=[other.pk]), data | {"open_edit": "1"})
    assert response["Location"] == reverse("workplans:ledger_row_edit", args=[other.pk])
    assert LedgerRow.objects.get(pk=other.pk).measure == "另一条"
    assert (
        _outside(client.get(reverse("workplans:ledger", args=[2022, unit.pk])).content.decode())[
            f"t{second.pk}-measure"
        ]
        == "还没添加的举措"
    )


def test_submitting_with_a_measure_typed_but_not_added_is_refused_and_keeps_it(client, setup):
    plan, unit, tasks, user = setup
    for task in tasks:
        ledger_row_add(task=task, unit=unit, acting_user=user, measure="已有", time_limit="6月底前")
    data = block(tasks[2], "忘了点添加", "年底前")

    response = client.post(reverse("workplans:ledger_submit", args=[2022]), data, follow=True)

    html = response.content.decode()
    assert "第3项任务有填写了但尚未添加的工作举措，请先点该项的“添加”（或清空）再报送。" in html
    assert Ledger.objects.get().status == Ledger.Status.DRAFT
    assert _outside(html)[f"t{tasks[2].pk}-measure"] == "忘了点添加"


def test_enter_in_a_field_reloads_the_page_with_everything_kept(client, setup):
    _, unit, (first, _, _), _ = setup

    response = client.post(reverse("workplans:ledger", args=[2022, unit.pk]), block(first, "打了一半"), follow=True)

    assert _outside(response.content.decode())[f"t{first.pk}-measure"] == "打了一半"
    assert LedgerRow.objects.count() == 0


def test_a_refused_return_brings_the_reason_typed_back(client, setup):
    plan, renshe, (first, second, third), user = setup
    for task in (first, second, third):
        ledger_row_add(task=task, unit=renshe, acting_user=user, measure="举措", time_limit="年底前")
    ledger = ledger_submit(plan=plan, unit=renshe, acting_user=user)
    staff = UserFactory(username="staff", role=User.Role.OFFICE_STAFF)
    client.force_login(staff)
    ledger_return(ledger=ledger, acting_user=staff, reason="举措过于笼统")  # a colleague, meanwhile

    response = client.post(
        reverse("workplans:ledger_return", args=[ledger.pk]), {"reason": "第2项时限不明"}, follow=True
    )

    html = response.content.decode()
    assert "您填写的退回原因（未使用）：<span data-typed>第2项时限不明</span>" in html
    # Once: opening the page again starts empty.
    assert "第2项时限不明" not in client.get(reverse("workplans:ledger", args=[2022, renshe.pk])).content.decode()
