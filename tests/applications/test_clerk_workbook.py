"""A register as clerks really keep it: a merged title and a 填报单位 line above the header, a 序号
column, the applicant's name and contact, a 备注 column, a 合计 row at the foot, a hidden sheet of
drop-down lists, a tab for each year and WPS's empty Sheet3. The active tab imports; everything the
import leaves aside is said in a notice."""

import datetime

import pytest
from django.core.management import call_command
from openpyxl import Workbook

from applications.models import Application

from .helpers import HEADER

pytestmark = pytest.mark.django_db
D = datetime.date


def clerk_workbook(path, *, total_row=True):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "2025年"
    sheet.append(["区人社局2025年政府信息公开申请登记台账"])
    sheet.merge_cells("A1:P1")
    sheet.append(["填报单位：区人社局", None, None, None, None, None, "填报时间：2026年1月5日"])
    sheet.append(["序号", *HEADER[:4], "申请人", "联系方式", *HEADER[4:], "备注"])
    # fmt: off
    sheet.append([1, D(2025, 1, 2), "网络", "自然人", "2025年就业补助资金分配表", "张三", "13812345678",
                  None, None, None, None, D(2025, 2, 6), "予以公开", None, None, "已归档"])
    sheet.append([2, "2025年12月1日", "邮寄", "商业企业", "某企业社保稽核结果", "某某有限公司", "0533-7000000",
                  None, None, None, None, None, None, None, None, "办理中"])
    # fmt: on
    if total_row:
        sheet.append(["合计", None, None, None, "共2件"])
    lists = workbook.create_sheet("下拉选项")
    lists.append(["予以公开"])
    lists.sheet_state = "hidden"
    workbook.create_sheet("2024年").append(["序号", *HEADER])
    workbook.create_sheet("Sheet3")
    workbook.active = 0
    workbook.save(path)
    return path


def test_the_active_tab_imports_and_every_thing_left_aside_is_named(renshe, tmp_path, capsys):
    call_command("import_applications", str(clerk_workbook(tmp_path / "台账.xlsx")), "--unit", "区人社局")

    assert capsys.readouterr().out.splitlines() == [
        "读取工作表：2025年",
        "提示：工作簿中另有工作表“2024年”，未读取：每次只导入当前工作表“2025年”。"
        "其他工作表的内容请另行导入（在Excel中切换到该工作表后保存，或另存为单独的文件）。",
        "提示：未导入的列：P列“备注”（不是本类数据的列，其中的内容不会导入）",
        "提示：第6行 是“合计”行，不是申请，未导入",
        "已导入：新增2条，修改0条，删除0条，未变0条",
    ]
    assert list(
        Application.objects.order_by("received_on").values_list("received_on", "applicant_name", "due_on", "outcome")
    ) == [
        # Thu 2 Jan 2025: 3 Jan (1), 6–10 (6), 13–17 (11), 20–24 (16), Sun 26 Jan 调休 (17), 27 (18),
        # 春节 28 Jan–4 Feb, 5 Feb (19), 6 Feb (20).
        (D(2025, 1, 2), "张三", D(2025, 2, 6), "granted"),
        # Mon 1 Dec 2025: 2–5 (4), 8–12 (9), 15–19 (14), 22–26 (19), 29 Dec (20).
        (D(2025, 12, 1), "某某有限公司", D(2025, 12, 29), ""),
    ]


def test_without_the_total_row_there_is_no_notice_of_it(renshe, tmp_path, capsys):
    path = clerk_workbook(tmp_path / "台账.xlsx", total_row=False)
    call_command("import_applications", str(path), "--unit", "区人社局", "--dry-run")
    assert "合计" not in capsys.readouterr().out
