"""``import_columns``: all or nothing, every row's problem named, unit names resolved through aliases."""

import io

import pytest
from django.core.management import CommandError, call_command

from monitoring.models import Column
from tests.factories import UnitAliasFactory

pytestmark = pytest.mark.django_db
HEADER = ["单位", "栏目名称", "网址", "更新要求"]


def run(path, *args):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_columns", str(path), *args, stdout=out, stderr=err)
    except CommandError as exc:
        return out.getvalue(), err.getvalue(), str(exc)
    return out.getvalue(), err.getvalue(), ""


def test_bad_rows_are_all_named_and_nothing_is_written(xlsx_file, fgj, zhutai):
    path = xlsx_file(
        [
            HEADER,
            ["区发改局", "政策文件", "http://www.linzi.gov.cn/fgj/zcwj/", "每季度"],
            ["区农业局", "政策文件", "http://www.linzi.gov.cn/nyj/zcwj/", "每季度"],
            ["区发改局", "政策解读", "www.linzi.gov.cn/fgj/zcjd/", "每季度"],
            ["区发改局", "工作动态", "http://www.linzi.gov.cn/fgj/gzdt/", "每周"],
            ["朱台镇", "", "http://www.linzi.gov.cn/zt/", "每年"],
            ["区发改局", "政策文件", "http://www.linzi.gov.cn/fgj/zcwj2/", "每年"],
        ]
    )
    _, err, failure = run(path)
    assert err.splitlines() == [
        "第3行 单位: 找不到单位“区农业局”，请检查名称，或把它保存为对应单位的别名",
        "第4行 网址: “www.linzi.gov.cn/fgj/zcjd/”不是有效的网址，应以http://或https://开头",
        "第5行 更新要求: 应为每月、每季度、每年或长期（现为“每周”）",
        "第6行 栏目名称: 不能为空",
        "第7行 栏目名称: 区发改局的“政策文件”与第2行重复",
    ]
    assert failure == "共5处错误，未导入任何数据。"
    assert Column.objects.count() == 0


def test_dry_run_lists_the_changes_and_writes_nothing_then_the_import_and_a_change(xlsx_file, fgj):
    UnitAliasFactory(unit=fgj, name="临淄区发展和改革局")
    rows = [HEADER, ["临淄区发展和改革局", "政策文件", "http://www.linzi.gov.cn/fgj/zcwj/", "按季度"]]
    out, _, _ = run(xlsx_file(rows), "--dry-run")
    assert out.splitlines()[-2:] == [
        "第2行 新增 区发改局 栏目 政策文件：— → http://www.linzi.gov.cn/fgj/zcwj/（每季度）",
        "试运行（未写入任何数据）：新增1条，修改0条，删除0条，未变0条",
    ]
    assert Column.objects.count() == 0

    run(xlsx_file(rows))
    assert run(xlsx_file(rows))[0].splitlines()[-1] == "已导入：新增0条，修改0条，删除0条，未变1条"
    rows[1][3] = "每月"
    assert run(xlsx_file(rows))[0].splitlines()[-1] == "已导入：新增0条，修改1条，删除0条，未变0条"
    column = Column.objects.get()
    assert (column.unit, column.name, column.requirement) == (fgj, "政策文件", "每月")
    assert column.history.count() == 2


def test_optional_selector_and_counting_columns(xlsx_file, fgj):
    rows = [
        [*HEADER, "CSS选择器", "计入发布数"],
        ["区发改局", "政策文件", "http://www.linzi.gov.cn/fgj/zcwj/", "每季度", "ul.list li", "否"],
        ["区发改局", "政策解读", "http://www.linzi.gov.cn/fgj/zcjd/", "每季度", "ul[", ""],
    ]
    _, err, _ = run(xlsx_file(rows))
    assert err.splitlines()[0].startswith("第3行 CSS选择器: CSS选择器“ul[”无法识别")
    rows.pop()
    run(xlsx_file(rows))
    column = Column.objects.get()
    assert (column.selector, column.counts_publications) == ("ul.list li", False)
