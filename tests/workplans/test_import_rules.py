"""The import's rules on small tables: errors name the row, all or nothing, re-import replaces and reports."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import Workbook

from units.models import User
from workplans.models import Task, TaskUnit, WorkPlan
from workplans.services import ledger_row_add, party_units_set, work_plan_import

from .conftest import unit

HEADER = ["序号", "工作任务", "工作要求", "责任单位", "时限要求"]


def sheet(rows: list[list], merges: tuple[str, ...] = (), header=HEADER) -> bytes:
    workbook = Workbook()
    ws = workbook.active
    ws.append(header)
    for row in rows:
        ws.append(row)
    for cells in merges:
        ws.merge_cells(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def run(content: bytes, **kwargs):
    return work_plan_import(source=io.BytesIO(content), year=2022, **kwargs)


BASE = [
    [1, "紧扣经济发展大局深化公开", "定期公开政府工作报告进展", "区政府办公室", "按季度公开"],
    [2, None, "抓好减税降费信息公开", "区财政局", "长期坚持"],
    [3, None, "持续做好各类规划的主动公开", "区发改局牵头，有关职能部门落实", "年底前"],
]


def test_a_name_that_matches_no_unit_is_an_error_naming_the_row_and_nothing_is_written(real_units, tmp_path, capsys):
    path = tmp_path / "plan.xlsx"
    rows = [*BASE, [4, None, "做好农业信息公开", "区农业局、区财政局", "长期坚持"]]
    path.write_bytes(sheet(rows, merges=("B2:B5",)))

    with pytest.raises(CommandError, match="共1处错误，未导入任何数据。"):
        call_command("import_work_plan", str(path), "--year", "2022")

    assert (
        capsys.readouterr().err.strip()
        == "第5行 责任单位: 找不到单位“区农业局”，请检查名称，或把它保存为对应单位的别名"
    )
    assert not WorkPlan.objects.exists()


def test_every_bad_row_is_reported_at_once(real_units):
    rows = [
        [1, "紧扣经济发展大局深化公开", "", "区政府办公室", "按季度公开"],
        [1, "紧扣经济发展大局深化公开", "抓好减税降费信息公开", "", "长期坚持"],
        ["一", "紧扣经济发展大局深化公开", "=HYPERLINK(1)", "区财政局", ""],
    ]

    with pytest.raises(Exception) as caught:
        run(sheet(rows))

    assert [str(e) for e in caught.value.errors] == [
        "第2行 工作要求: 不能为空",
        "第3行 序号: 1与第2行重复",
        "第3行 责任单位: 不能为空",
        "第4行 序号: “一”不是数字",
        "第4行 工作要求: 不能以“=”开头（“=HYPERLINK(1)”），公式或疑似公式的文本不予导入",
    ]


def test_missing_columns(real_units):
    with pytest.raises(Exception) as caught:
        run(sheet(BASE, header=["序号", "工作任务", "工作要求", "单位"]))

    assert [str(e) for e in caught.value.errors] == ["第1行 表头: 缺少“责任单位”列", "第1行 表头: 缺少“时限要求”列"]


def test_not_a_work_plan(real_units):
    with pytest.raises(Exception) as caught:
        run(sheet([["区财政局", 3]], header=["单位", "7月"]))

    assert [str(e) for e in caught.value.errors] == [
        "第1行 表头: 前10行中找不到“序号”“工作要求”列（附件1）或“牵头公开内容”列（附件2）"
    ]


def test_a_header_repeated_on_a_new_page_is_skipped(real_units):
    rows = [*BASE[:2], HEADER, [3, "紧扣经济发展大局深化公开", *BASE[2][2:]]]

    result = run(sheet(rows, merges=("B2:B3",)))

    assert [(c.row, c.what, c.action) for c in result.changes] == [
        (2, "第1项任务", "新增"),
        (3, "第2项任务", "新增"),
        (5, "第3项任务", "新增"),
    ]
    assert set(Task.objects.values_list("area", flat=True)) == {"紧扣经济发展大局深化公开"}


def test_dry_run_writes_nothing(real_units):
    result = run(sheet(BASE, merges=("B2:B4",)), dry_run=True)

    assert result.summary() == "试运行（未写入任何数据）：新增3条，修改0条，删除0条，未变0条"
    assert not WorkPlan.objects.exists()


def test_reimport_replaces_and_reports_what_changed(real_units):
    run(sheet(BASE, merges=("B2:B4",)))
    changed = [
        BASE[0],
        [2, None, "抓好减税降费信息公开，系统集成、智能推送", "区财政局、区发改局", "长期坚持"],
        [4, None, "新增的任务", "各镇、街道", "6月底前"],
    ]

    result = run(sheet(changed, merges=("B2:B4",)))

    lines = [(c.what, c.action, c.old, c.new) for c in result.changes if c.action != "不变"]
    assert lines == [
        ("第2项 工作要求", "修改", "抓好减税降费信息公开", "抓好减税降费信息公开，系统集成、智能推送"),
        ("第2项 责任单位", "修改", "区财政局", "区财政局、区发改局"),
        ("第2项 责任单位（识别结果）", "修改", "1个单位", "2个单位（增加区发改局）"),
        ("第4项任务", "新增", "", "新增的任务"),
        ("第3项任务", "删除", "持续做好各类规划的主动公开", ""),
    ]
    assert result.summary() == "已导入：新增1条，修改3条，删除1条，未变1条"
    assert sorted(TaskUnit.objects.filter(task__number=2).values_list("unit__name", flat=True)) == [
        "区发改局",
        "区财政局",
    ]
    assert list(Task.objects.order_by("number").values_list("number", flat=True)) == [1, 2, 4]
    assert Task.objects.get(number=4).due_date.isoformat() == "2022-06-30"


def test_a_task_with_a_ledger_cannot_be_dropped_by_a_reimport(real_units):
    run(sheet(BASE, merges=("B2:B4",)))
    caizheng = unit("区财政局")
    user = User.objects.create(username="caizheng", role=User.Role.UNIT_USER, unit=caizheng)
    ledger_row_add(
        task=Task.objects.get(number=2), unit=caizheng, acting_user=user, measure="推送政策", time_limit="长期"
    )

    with pytest.raises(Exception) as caught:
        run(sheet([BASE[0], BASE[2]], merges=("B2:B3",)))

    assert [str(e) for e in caught.value.errors] == [
        "第2项任务不在文件中，但已有单位填报了台账举措或进度，不能删除；请在文件中保留该任务。"
    ]
    assert Task.objects.count() == 3


def test_units_staff_assigned_to_a_party_stay_when_the_text_is_unchanged(real_units, staff):
    run(sheet(BASE, merges=("B2:B4",)))
    party = Task.objects.get(number=3).parties.get()
    party_units_set(party=party, units=[unit("区统计局")], acting_user=staff)

    result = run(sheet(BASE, merges=("B2:B4",)))

    assert result.counts == {"新增": 0, "修改": 0, "删除": 0, "不变": 3}
    assert dict(TaskUnit.objects.filter(task__number=3).values_list("unit__name", "via")) == {
        "区发改局": "区发改局",
        "区统计局": "有关职能部门",
    }


def test_leads_list_of_attachment_2(real_units, leads_file, plan_2022):
    with leads_file.open("rb") as handle:
        result = work_plan_import(source=handle, year=2022)

    assert result.summary() == "已导入：新增13条，修改0条，删除0条，未变0条"
    leads = Task.objects.filter(plan=plan_2022, source=Task.Source.LEADS).order_by("number")
    assert [(t.label, t.subarea, t.responsible_text) for t in leads[:2]] == [
        ("附2-1", "权责清单", "区委编办"),
        ("附2-2", "规划计划", "区发改局"),
    ]
    assert leads[4].responsible_text == "区财政局"  # 部门 merged over its three items
    assert dict(TaskUnit.objects.filter(task=leads[0]).values_list("unit__name", "role")) == {"区委编办": "lead"}
    assert plan_2022.tasks.filter(source=Task.Source.PLAN).count() == 63  # 附件1 untouched


def test_a_rejected_file_still_previews_its_good_rows_without_deleting_anything(real_units):
    run(sheet(BASE, merges=("B2:B4",)))
    rows = [BASE[0], [2, None, "抓好减税降费信息公开", "区农业局", "长期坚持"]]

    with pytest.raises(Exception) as caught:
        run(sheet(rows, merges=("B2:B3",)))

    assert [str(e) for e in caught.value.errors] == [
        "第3行 责任单位: 找不到单位“区农业局”，请检查名称，或把它保存为对应单位的别名"
    ]
    assert [(c.what, c.action) for c in caught.value.result.changes] == [("第1项任务", "不变")]
    assert Task.objects.count() == 3
