"""The office's own tables import as they are kept: the statistics table of the notice (a title row,
发布情况 merged over the months and 累计得分, formulas in 累计得分 and 合计, group headings, a 合计
row, units by short names), a deduction sheet whose unit cell is merged down over its items, a
sheet of article totals with a month merged over its units. Total and heading rows are left out
and named; nothing else is dropped."""

import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from openpyxl import Workbook

from inspections.models import Deduction
from submissions.models import MonthlyArticleTally, MonthlyPublication

pytestmark = pytest.mark.django_db


def workbook(rows: list[list], merges: tuple[str, ...] = ()) -> bytes:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    for cells in merges:
        sheet.merge_cells(cells)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def run(tmp_path, content: bytes, command: str, *extra: str) -> list[str]:
    path = tmp_path / "data.xlsx"
    path.write_bytes(content)
    out = io.StringIO()
    call_command(command, str(path), "--year", "2024", *extra, stdout=out)
    return out.getvalue().splitlines()


def statistics_table() -> bytes:
    rows = [
        ["2024年四季度各部门政府网站信息公开发布情况统计表"],
        ["序号", "单位", "政府网站信息公开发布情况", None, None, None, "加分", "减分", "合计"],
        [None, None, "10月", "11月", "12月", "累计得分"],
        [None, "区政府各部门"],
        [1, "发改局", 12, 1, 11, "=MIN(C5,10)*0.5+MIN(D5,10)*0.5+MIN(E5,10)*0.5", None, None, "=F5+G5-H5"],
        [2, "区教体局", 6, 4, 7, 8.5, None, 1, 7.5],
        [None, "小计", "=SUM(C5:C6)", "=SUM(D5:D6)", "=SUM(E5:E6)"],
        [None, "各镇、街道"],
        [1, "齐都镇", 3, None, 5, 4],
        ["合计", None, 21, 5, 23],
    ]
    merges = ("A1:I1", "A2:A3", "B2:B3", "C2:F2", "G2:G3", "H2:H3", "I2:I3", "A10:B10")
    return workbook(rows, merges)


def test_the_statistics_table_of_the_notice_imports_as_it_is(real_units, tmp_path):
    out = run(tmp_path, statistics_table(), "import_publications")

    assert sorted(MonthlyPublication.objects.values_list("unit__name", "month", "count")) == [
        ("区发改局", 10, 12),
        ("区发改局", 11, 1),
        ("区发改局", 12, 11),
        ("区教体局", 10, 6),
        ("区教体局", 11, 4),
        ("区教体局", 12, 7),
        ("齐都镇", 10, 3),
        ("齐都镇", 12, 5),
    ]
    assert (
        "提示：未导入的列：F列“政府网站信息公开发布情况/累计得分”、H列“减分”、I列“合计”（不是本类数据的列，其中的内容不会导入）"
        in out
    )
    assert (
        "提示：未导入的合计行、分组标题行：第4行“区政府各部门”、第7行“小计”、第8行“各镇、街道”、第10行“合计”（不是单位的数据）"
        in out
    )
    assert out[-1] == "已导入：新增8条，修改0条，删除0条，未变0条"


def test_the_preview_of_the_statistics_table_lists_the_rows_left_out(real_units, staff_client):
    data = {"kind": "publications", "year": 2024, "file": SimpleUploadedFile("统计表.xlsx", statistics_table())}

    response = staff_client.post(reverse("core:import_upload"), data, follow=True)

    assert response.context["errors"] == []
    assert response.context["writes"] == 8
    assert "未导入的合计行、分组标题行：第4行“区政府各部门”" in response.content.decode()
    assert not MonthlyPublication.objects.exists()


def test_a_column_under_the_group_title_without_a_title_of_its_own_is_still_refused(real_units, tmp_path):
    rows = [["单位", "发布情况", None, None], [None, "10月", "11月", None], ["区发改局", 12, 1, 11]]
    path = tmp_path / "data.xlsx"
    path.write_bytes(workbook(rows, ("B1:D1",)))
    err = io.StringIO()

    with pytest.raises(Exception, match="未导入任何数据"):
        call_command("import_publications", str(path), "--year", "2024", stderr=err)

    assert err.getvalue().splitlines() == [
        "第3行 D列: 表头“发布情况”是合并单元格（B1:D1），跨了几列，这一列的内容无法确定属于哪一项；"
        "请取消表头的合并，每项一列，再导入"
    ]


def test_a_unit_merged_down_over_its_deductions_and_a_total_row(real_units, tmp_path):
    rows = [
        ["2024年四季度减分情况"],
        ["序号", "单位", "事项", "减分"],
        [1, "发改局", "公开事项标准目录未上传", 5],
        [None, None, "上传位置错误", "0.5分"],
        [2, "教体局", "内容表格混乱", "减0.5分"],
        [None, "合计", None, 6],
    ]

    out = run(tmp_path, workbook(rows, ("A1:D1", "A3:A4", "B3:B4")), "import_deductions", "--quarter", "4")

    assert sorted(Deduction.objects.values_list("unit__name", "reason", "points")) == [
        ("区发改局", "上传位置错误", Decimal("0.50")),
        ("区发改局", "公开事项标准目录未上传", Decimal("5.00")),
        ("区教体局", "内容表格混乱", Decimal("0.50")),
    ]
    assert "提示：未导入的合计行、分组标题行：第6行“合计”（不是单位的数据）" in out


def test_a_month_merged_down_over_its_units_and_months_as_written(real_units, tmp_path):
    rows = [
        ["月份", "单位", "投稿件数", "不合格件数", "市级采用", "省级采用"],
        ["十月", "发改局", 1, 0, 1, None],
        [None, "教体局", 2, 1, None, None],
        ["11月份", "发改局", 1, None, None, None],
        ["合计", None, 4, 1, 1, None],
    ]

    out = run(tmp_path, workbook(rows, ("A2:A3",)), "import_articles")

    assert sorted(MonthlyArticleTally.objects.values_list("unit__name", "month", "submitted", "non_compliant")) == [
        ("区发改局", 10, 1, 0),
        ("区发改局", 11, 1, 0),
        ("区教体局", 10, 2, 1),
    ]
    assert "提示：未导入的合计行、分组标题行：第5行“合计”（不是单位的数据）" in out


def test_a_month_that_is_no_month_is_refused_quoting_the_cell(real_units, tmp_path):
    rows = [["单位", "月份", "投稿件数"], ["区发改局", "第四季度", 1]]
    path = tmp_path / "data.xlsx"
    path.write_bytes(workbook(rows))
    err = io.StringIO()

    with pytest.raises(Exception, match="未导入任何数据"):
        call_command("import_articles", str(path), "--year", "2024", stderr=err)

    assert err.getvalue().splitlines() == ["第2行 月份: “第四季度”不是月份，应填1至12（或“10月”）"]
    assert not MonthlyArticleTally.objects.exists()
