"""回头看: last year's unfinished tasks per unit, carried into the new plan by staff."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from tests.factories import UnitFactory, UserFactory
from units.models import User
from workplans.models import ProgressStatus, Task, TaskUnit, WorkPlan
from workplans.overviews import review
from workplans.services import progress_report, tasks_carry_over

from .helpers import day, make_plan, make_task


@pytest.fixture
def last_year(db):
    plan = make_plan(2022)
    renshe, shangwu = UnitFactory(name="区人社局"), UnitFactory(name="区商务局")
    make_task(plan, 1, [renshe, shangwu], time_limit="2022年8月底前", requirement="公开适用主体清单")
    make_task(plan, 2, [renshe], time_limit="按季度公开", requirement="按季度公开进展")
    make_task(plan, 3, [shangwu], time_limit="长期坚持", requirement="长期坚持的任务")
    user = UserFactory(username="renshe", role=User.Role.UNIT_USER, unit=renshe)
    progress_report(
        task=plan.tasks.get(number=1),
        unit=renshe,
        period="Y",
        status=ProgressStatus.DONE,
        note="已公开",
        acting_user=user,
        today=day("2022-08-20"),
    )
    return plan, renshe, shangwu


def items(units):
    return {group.unit.name: [(i.state.task.label, i.state.summary) for i in group.items] for group in units}


def test_unfinished_tasks_per_unit(last_year):
    plan, *_ = last_year

    assert items(review(plan, day("2023-01-05"))) == {
        "区人社局": [("2", "逾期（一季度、二季度、三季度、四季度）")],
        "区商务局": [("1", "逾期（全年）"), ("3", "未报告")],
    }
    # At any time during the year too.
    assert items(review(plan, day("2022-05-01"))) == {
        "区人社局": [("2", "逾期（一季度）")],
        "区商务局": [("1", "未报告"), ("3", "未报告")],
    }


def pairs(plan, *wanted):
    return [(plan.tasks.get(number=n).pk, unit.pk) for n, unit in wanted]


def test_carrying_into_the_next_plan(last_year, staff):
    plan, renshe, shangwu = last_year

    result = tasks_carry_over(plan=plan, items=pairs(plan, (1, shangwu), (2, renshe)), acting_user=staff)

    assert (result.plan.year, result.plan.title, result.tasks_created, result.units_added) == (
        2023,
        "2023年临淄区政务公开工作方案",
        2,
        2,
    )
    carried = {t.carried_from.number: t for t in Task.objects.filter(plan__year=2023).select_related("carried_from")}
    assert [(t.label, t.source) for t in carried.values()] == [
        ("回1", Task.Source.CARRIED),
        ("回2", Task.Source.CARRIED),
    ]
    dated, quarterly = carried[1], carried[2]
    assert (dated.requirement, dated.responsible_text, dated.time_limit_text, dated.due_date) == (
        "公开适用主体清单",
        "区商务局",
        "2023年6月30日前",
        datetime.date(2023, 6, 30),
    )
    assert (quarterly.time_limit_text, quarterly.recurrence) == ("按季度公开", "quarterly")
    assert dict(TaskUnit.objects.filter(task=quarterly).values_list("unit__name", "via")) == {"区人社局": "回头看转入"}
    assert items(review(plan, day("2023-01-05")))["区商务局"] == [("1", "逾期（全年）"), ("3", "未报告")]
    assert [i.carried for i in review(plan, day("2023-01-05"))[1].items] == [dated, None]


def test_carrying_again_adds_units_to_the_same_task(last_year, staff):
    plan, renshe, shangwu = last_year
    tasks_carry_over(plan=plan, items=pairs(plan, (3, shangwu)), acting_user=staff)
    renshe_task = make_task(plan, 4, [renshe, shangwu])

    again = tasks_carry_over(
        plan=plan, items=[(renshe_task.pk, renshe.pk), *pairs(plan, (3, shangwu))], acting_user=staff
    )
    more = tasks_carry_over(plan=plan, items=[(renshe_task.pk, shangwu.pk)], acting_user=staff)

    assert (again.tasks_created, again.units_added, more.tasks_created, more.units_added) == (1, 1, 0, 1)
    assert WorkPlan.objects.get(year=2023).tasks.count() == 2
    assert Task.objects.get(plan__year=2023, carried_from=renshe_task).responsible_text == "区人社局、区商务局"


def test_what_cannot_be_carried(last_year, staff):
    plan, renshe, shangwu = last_year
    renshe_user = User.objects.get(username="renshe")

    with pytest.raises(ValidationError, match="区人社局第1项任务已完成，无需转入。"):
        tasks_carry_over(plan=plan, items=pairs(plan, (1, renshe)), acting_user=staff)
    with pytest.raises(ValidationError, match="所选任务不属于该年度工作方案或该单位"):
        tasks_carry_over(plan=plan, items=pairs(plan, (3, renshe)), acting_user=staff)
    with pytest.raises(ValidationError, match="请选择要转入下一年度工作方案的任务。"):
        tasks_carry_over(plan=plan, items=[], acting_user=staff)
    with pytest.raises(PermissionDenied):
        tasks_carry_over(plan=plan, items=pairs(plan, (2, renshe)), acting_user=renshe_user)
    assert not WorkPlan.objects.filter(year=2023).exists()


def test_the_review_page_at_the_start_of_the_next_year(client, last_year, staff, django_assert_max_num_queries):
    plan, renshe, shangwu = last_year
    client.force_login(staff)

    assert client.get(reverse("workplans:review_latest"))["Location"] == "/workplans/2022/review/"
    with django_assert_max_num_queries(10):
        page = client.get(reverse("workplans:review", args=[2022])).content.decode()
    assert "2个单位共有3项任务未完成" in page
    assert '<td>区人社局</td>\n      <td class="num">1</td><td class="num">1</td><td class="num">0</td>' in page
    assert 'name="item"' not in page
    with django_assert_max_num_queries(10):
        page = client.get(reverse("workplans:review", args=[2022]) + f"?unit={renshe.pk}").content.decode()
    assert f'value="{plan.tasks.get(number=2).pk}-{renshe.pk}"' in page
    assert page.count('name="item"') == 1

    response = client.post(
        reverse("workplans:review_carry", args=[2022]),
        {"item": [f"{plan.tasks.get(number=2).pk}-{renshe.pk}"], "deadline": "2023-06-30", "unit": str(renshe.pk)},
        follow=True,
    )

    html = response.content.decode()
    assert response.redirect_chain[-1][0] == f"/workplans/2022/review/?unit={renshe.pk}"
    assert "已转入2023年临淄区政务公开工作方案：新增任务1项，涉及1个单位次。" in html
    assert "已转入2023年第回1项" in html


def test_a_refused_carry_shows_the_tasks_ticked_and_the_date_typed(client, last_year, staff):
    plan, renshe, shangwu = last_year
    client.force_login(staff)
    done, open_task = plan.tasks.get(number=1), plan.tasks.get(number=2)
    items = [f"{done.pk}-{renshe.pk}", f"{open_task.pk}-{renshe.pk}"]  # the first was finished meanwhile

    response = client.post(
        reverse("workplans:review_carry", args=[2022]),
        {"item": items, "deadline": "2023-09-30", "unit": str(renshe.pk)},
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert "区人社局第1项任务已完成，无需转入。" in html
    assert f'value="{open_task.pk}-{renshe.pk}" checked' in html
    assert 'name="deadline" value="2023-09-30"' in html
    assert f'href="/workplans/2022/review/?unit={shangwu.pk}"' in html
    assert not WorkPlan.objects.filter(year=2023).exists()
