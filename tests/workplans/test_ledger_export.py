"""Every ledger exported in the layout of 附件3 (政务公开工作任务台账): a combined sheet and one per unit."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from tests.factories import UnitFactory, UserFactory
from tests.jobs import content, job_result
from units.models import User
from workplans.services import ledger_row_add, ledger_submit

from .helpers import make_plan, make_task


@pytest.fixture
def ledgers(db):
    plan = make_plan(2022)
    market, commerce = UnitFactory(name="区市场监管局"), UnitFactory(name="区商务局")
    first = make_task(plan, 11, [market], requirement="加大民生领域的部门联合“双随机、一公开”监管信息公开力度")
    second = make_task(plan, 12, [market, commerce], requirement="动态调整收费目录清单")
    user = UserFactory(username="market", role=User.Role.UNIT_USER, unit=market)
    ledger_row_add(
        task=first,
        unit=market,
        acting_user=user,
        measure="督促区司法局、区文旅局等及时公开“双随机、一公开”年度计划",
        time_limit="印发通知，督促相关职能部门6月底全部公开到位",
        leader="张副局长",
        office="信用监管科",
    )
    ledger_row_add(
        task=first,
        unit=market,
        acting_user=user,
        measure="指导相关职能部门及时公开“双随机、一公开”检查结果信息",
        time_limit="按季度检查",
        leader="张副局长",
        office="信用监管科",
    )
    ledger_row_add(task=second, unit=market, acting_user=user, measure="=及时更新目录", time_limit="长期坚持")
    ledger_submit(plan=plan, unit=market, acting_user=user)
    return plan


def cells(ws, first_row, last_row):
    return [[c.value for c in row] for row in ws.iter_rows(min_row=first_row, max_row=last_row)]


def check_layout(content: bytes) -> None:
    workbook = load_workbook(io.BytesIO(content))
    assert workbook.sheetnames == ["汇总", "区市场监管局", "区商务局"]

    unit_sheet = workbook["区市场监管局"]
    assert unit_sheet["A1"].value == "区市场监管局政务公开工作任务台账"
    assert cells(unit_sheet, 2, 5) == [
        ["序号", "工作任务", "工作举措", "时限要求", "单位分管领导", "责任科室"],
        [
            1,
            "加大民生领域的部门联合“双随机、一公开”监管信息公开力度",
            "督促区司法局、区文旅局等及时公开“双随机、一公开”年度计划",
            "印发通知，督促相关职能部门6月底全部公开到位",
            "张副局长",
            "信用监管科",
        ],
        [None, None, "指导相关职能部门及时公开“双随机、一公开”检查结果信息", "按季度检查", "张副局长", "信用监管科"],
        [2, "动态调整收费目录清单", "=及时更新目录", "长期坚持", None, None],
    ]
    # 序号 and 工作任务 merged over a task's measures, as in the Word table.
    assert {str(r) for r in unit_sheet.merged_cells.ranges} >= {"A3:A4", "B3:B4"}
    assert unit_sheet["C5"].data_type == "s" and unit_sheet["C5"].quotePrefix  # never a formula
    assert unit_sheet["A7"].value.startswith("报送情况：已于")

    empty = workbook["区商务局"]
    assert cells(empty, 3, 3) == [[1, "动态调整收费目录清单", None, None, None, None]]
    assert empty["A5"].value == "报送情况：未报送"

    combined = workbook["汇总"]
    assert combined["A1"].value == "2022年政务公开工作任务台账（汇总）"
    assert cells(combined, 2, 2)[0] == [
        "序号",
        "单位",
        "方案序号",
        "工作任务",
        "工作举措",
        "时限要求",
        "单位分管领导",
        "责任科室",
        "报送情况",
    ]
    assert [row[1:3] for row in cells(combined, 3, 6)] == [
        ["区市场监管局", "11"],
        ["区市场监管局", "11"],
        ["区市场监管局", "12"],
        ["区商务局", "12"],
    ]
    assert cells(combined, 3, 3)[0][8].startswith("已于")


def test_export_ledgers_command(ledgers, tmp_path, capsys):
    path = tmp_path / "台账.xlsx"

    call_command("export_ledgers", "--year", "2022", "--output", str(path))

    assert "已导出2022年临淄区政务公开工作方案台账：2个单位（已报送1个）" in capsys.readouterr().out
    check_layout(path.read_bytes())


def test_export_in_the_browser(client, ledgers, staff, django_capture_on_commit_callbacks):
    client.force_login(staff)

    response = job_result(client, reverse("workplans:ledger_export", args=[2022]), django_capture_on_commit_callbacks)

    assert "2022%E5%B9%B4" in response["Content-Disposition"]
    check_layout(content(response))


def test_export_without_a_plan(db):
    with pytest.raises(Exception, match="没有2023年的工作方案，请先导入（import_work_plan）。"):
        call_command("export_ledgers", "--year", "2023", "--output", "/tmp/none.xlsx")
