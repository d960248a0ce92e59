"""A clerk keeps the register in Excel and imports it again after fixing a typo in 申请内容: to the
import that row is a new application (a row is the same application when its 收到日期 and 申请内容
are), and the old one stays, counted twice in 本年新收. The import deletes nothing on its own; it
names the register's applications that the file no longer has, within the file's dates."""

import pytest
from django.core.management import call_command

from applications.models import Application

from .helpers import HEADER, sheet_row

pytestmark = pytest.mark.django_db


def rows(second="老旧小区改造资金使用明细"):
    return [
        HEADER,
        sheet_row("2024-1-8", content="2024年保障性租赁住房配租名单", answered="2024-1-19", outcome="予以公开"),
        sheet_row("2024-1-22", content=second, answered="2024-2-26", outcome="部分公开"),
        sheet_row("2024-3-5", content="2023年全区建筑节能统计数据"),
    ]


def test_a_corrected_row_names_the_application_it_leaves_behind(renshe, xlsx_file, capsys):
    call_command("import_applications", str(xlsx_file(rows())), "--unit", "区人社局")
    capsys.readouterr()

    corrected = xlsx_file(rows(second="老旧小区改造资金使用明细（2023年度）"), name="corrected.xlsx")
    call_command("import_applications", str(corrected), "--unit", "区人社局", "--dry-run")

    out = capsys.readouterr().out.splitlines()
    assert out[1] == (
        "提示：登记簿中有1件申请不在本文件中（收到日期在本文件的日期范围内）：2024年1月22日收到的“老旧小区改造资金使用明细”。"
        "导入不会改动或删除它们；如果是本文件改了其中某件的申请内容或收到日期，导入后它会登记为新的一件，请删除原来的一件。"
    )
    assert out[-1] == "试运行（未写入任何数据）：新增1条，修改0条，删除0条，未变2条"
    assert Application.objects.count() == 3


def test_the_same_file_again_or_a_later_year_says_nothing_of_it(renshe, xlsx_file, capsys):
    call_command("import_applications", str(xlsx_file(rows())), "--unit", "区人社局")
    call_command("import_applications", str(xlsx_file(rows())), "--unit", "区人社局")
    later = xlsx_file([HEADER, sheet_row("2025-3-5", content="2025年的申请")], name="2025.xlsx")
    call_command("import_applications", str(later), "--unit", "区人社局")
    assert "不在本文件中" not in capsys.readouterr().out
