"""Acceptance: seed 003's 附件1, with its merged cells, imports all 63 tasks with their units
resolved (aliases and the expanding phrases included), and a second import changes nothing."""

import datetime

from django.core.management import call_command

from units.models import Unit
from workplans.models import Task, TaskParty, TaskUnit, WorkPlan
from workplans.timelimits import Recurrence, TimeLimitKind

from .seed003 import REQUIREMENTS, attachment1_xlsx


def task(number: int) -> Task:
    return Task.objects.get(plan__year=2022, source=Task.Source.PLAN, number=number)


def responsible(number: int) -> dict[str, str]:
    return {
        a.unit.name: a.get_role_display()
        for a in TaskUnit.objects.filter(task=task(number)).select_related("unit").order_by("unit__name")
    }


def parties(number: int) -> list[tuple[str, str]]:
    return [(p.name, p.get_role_display()) for p in task(number).parties.order_by("position")]


TOWNS = 12
DEPARTMENTS_2022 = 55
"""The departments assessed in 2022: 56 in units.csv less 区文物局 (assessed from October 2024)."""


def test_imports_all_63_tasks(real_units, plan_file, capsys):
    call_command("import_work_plan", str(plan_file), "--year", "2022")

    out = capsys.readouterr().out
    assert "读取工作表：附件1" in out
    assert "已导入：新增63条，修改0条，删除0条，未变0条" in out
    plan = WorkPlan.objects.get(year=2022)
    assert (plan.title, plan.ledger_deadline) == ("2022年临淄区政务公开工作方案", datetime.date(2022, 6, 30))
    assert list(plan.tasks.values_list("number", flat=True)) == list(range(1, 64))
    assert {t.number: t.requirement for t in plan.tasks.all()} == REQUIREMENTS


def test_merged_cells_give_every_task_its_area(plan_2022):
    # Merged over tasks 1–12; task 1 has no second level (a blank cell outside any merge).
    assert (task(1).area, task(1).subarea) == ("紧扣经济发展大局深化公开", "")
    assert (task(12).area, task(12).subarea) == ("紧扣经济发展大局深化公开", "加强优化营商环境信息公开")
    assert task(24).subarea == "高质量公开民生保障信息"
    # Task 50's requirement is merged across the second-level column: no second level.
    assert (task(50).subarea, task(50).requirement) == ("", REQUIREMENTS[50])
    assert task(53).subarea == "加强公开平台建设"
    # The last area is merged across both 工作任务 columns.
    assert {(task(n).area, task(n).subarea) for n in (60, 61, 62, 63)} == {("紧扣任务落实强化保障措施", "")}


def test_responsible_text_is_kept_verbatim_and_shared_by_merged_tasks(plan_2022):
    assert task(8).responsible_text == task(9).responsible_text == "营商环境评价指标区牵头部门牵头，各职能部门落实"
    assert task(10).responsible_text == "各镇、街道，区政府各\n部门单位"
    assert task(16).responsible_text == "区卫健局"
    assert task(2).time_limit_text == (
        "信息形成或者变更之日起 20 个工作日内公开，行政处罚信息于处罚结果作出后 7 个工作日内公开"
    )


def test_units_are_resolved_through_their_aliases(plan_2022):
    assert responsible(7) == {"区退役军人事务局": "负责"}  # written 区退役军人局
    assert responsible(22) == {"临淄医疗保障分局": "负责", "区人社局": "负责"}  # 临淄医保分局
    assert "区应急管理局" in responsible(24)  # 区应急局
    assert responsible(6) == {
        "临淄生态环境分局": "负责",
        "区人社局": "负责",
        "区农业农村局": "负责",
        "区文旅局": "负责",
        "区财政局": "负责",
    }


def test_roles_lead_and_cooperating(plan_2022):
    assert (responsible(4), parties(4)) == ({"区发改局": "牵头"}, [("有关职能部门", "配合落实")])
    assert (responsible(5), parties(5)) == ({"区科技局": "牵头"}, [("相关部门单位", "配合落实")])
    assert (responsible(11), parties(11)) == ({"区市场监管局": "牵头"}, [("有关职能部门", "配合落实")])
    roles = responsible(63)
    assert roles.pop("区司法局") == "牵头"
    assert set(roles.values()) == {"配合落实"}
    assert len(roles) == TOWNS + DEPARTMENTS_2022 - 1


def test_group_phrases_expand_to_the_units_assessed_that_year(plan_2022):
    everyone = set(responsible(10))
    assert len(everyone) == TOWNS + DEPARTMENTS_2022
    assert everyone == set(
        Unit.objects.filter(is_assessed=True).exclude(name="区文物局").values_list("name", flat=True)
    )
    assert set(responsible(59)) == set(Unit.objects.filter(category="镇街").values_list("name", flat=True))
    assert set(responsible(38)) == set(responsible(59)) | {"区行政审批服务局", "区市民投诉中心"}


def test_bodies_that_are_not_assessed_take_tasks_by_name(plan_2022):
    assert responsible(56) == {"区文旅局": "负责", "区档案馆": "负责"}
    assert "区档案馆" not in responsible(10)  # never through 区政府各部门单位


def test_described_parties_wait_for_staff(plan_2022):
    assert responsible(8) == {}
    assert parties(8) == [("营商环境评价指标区牵头部门", "牵头"), ("各职能部门", "配合落实")]
    assert parties(32) == [("重大行政决策承办部门单位", "配合落实")]
    assert parties(36) == [("行政规范性文件起草部门", "配合落实")]
    assert TaskParty.objects.filter(task__plan=plan_2022).count() == 10


def test_time_limits_are_understood(plan_2022):
    kinds = {t.number: t.time_limit_kind for t in plan_2022.tasks.all()}
    assert (task(1).time_limit_kind, task(1).recurrence) == (TimeLimitKind.RECURRING, Recurrence.QUARTERLY)
    assert (task(18).recurrence, task(18).recurrence_offset) == (Recurrence.MONTHLY, 10)
    assert [r.days for r in task(2).time_limit.events] == [20, 7]
    assert {n: task(n).due_date for n in (25, 52, 60, 62)} == {
        25: datetime.date(2022, 8, 31),
        52: datetime.date(2022, 12, 31),
        60: datetime.date(2022, 12, 31),
        62: datetime.date(2022, 6, 30),
    }
    assert kinds[13] == kinds[16] == TimeLimitKind.PERIOD  # 疫情防控期间, merged over 13–16
    assert kinds[7] == kinds[44] == kinds[59] == TimeLimitKind.ONGOING
    assert kinds[40] == TimeLimitKind.EVENT  # 文件公开后3个工作日内
    assert kinds[33] == TimeLimitKind.OTHER  # 征求意见期限不少于30日: no deadline
    assert kinds[10] == kinds[34] == TimeLimitKind.NONE
    assert sorted({str(k) for k in kinds.values()}) == sorted(str(k) for k in TimeLimitKind.values)


def test_a_second_identical_import_changes_nothing(plan_2022, plan_file, capsys):
    before = (
        list(TaskUnit.objects.order_by("pk").values_list("pk", "task_id", "unit_id", "role", "via")),
        list(TaskParty.objects.order_by("pk").values_list("pk", "name", "role")),
        Task.history.count(),
        list(Task.objects.order_by("pk").values_list("pk", "updated_at")),
    )

    call_command("import_work_plan", str(plan_file), "--year", "2022")

    assert "已导入：新增0条，修改0条，删除0条，未变63条" in capsys.readouterr().out
    after = (
        list(TaskUnit.objects.order_by("pk").values_list("pk", "task_id", "unit_id", "role", "via")),
        list(TaskParty.objects.order_by("pk").values_list("pk", "name", "role")),
        Task.history.count(),
        list(Task.objects.order_by("pk").values_list("pk", "updated_at")),
    )
    assert after == before


def test_the_browser_upload_previews_then_imports(real_units, staff_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("附件1.xlsx", attachment1_xlsx())
    response = staff_client.post("/data/import/", {"kind": "work_plan", "year": 2022, "file": upload})
    preview = staff_client.get(response["Location"])

    html = preview.content.decode()
    assert preview.status_code == 200
    assert "年度工作方案，2022年" in html
    assert html.count("<td>新增</td>") == 63
    assert "待指定的责任方（有关职能部门" in html
    assert not WorkPlan.objects.exists()

    done = staff_client.post(response["Location"], {"action": "confirm", "sha256": preview.context["entry"]["sha256"]})

    assert done.status_code == 302
    assert WorkPlan.objects.get(year=2022).tasks.count() == 63
