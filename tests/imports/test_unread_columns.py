"""No import drops a column silently: a month title merged over two columns, a column with content
but no title, a second column with a title already read, cells past a report row are refused naming
the column; other titled columns are named in a notice. On the command line and in the preview."""

import io
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from openpyxl import Workbook

from annual_reports.models import AnnualReport
from inspections.models import Deduction
from submissions.models import MonthlyArticleTally, MonthlyPublication
from tests.factories import UnitFactory
from tests.hostile_files import merged_month_header
from workplans.models import Task

pytestmark = pytest.mark.django_db

MERGED_MONTH = "第2行 1月: 表头是合并单元格（B2:C2），跨B列至C列，无法确定哪一列是1月的发布数；请取消合并，每个月一列"


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


@pytest.fixture
def commerce(db):
    return UnitFactory(name="区商务局")


def run(tmp_path, content: bytes, command: str, *extra: str) -> tuple[str, str]:
    path = tmp_path / "data.xlsx"
    path.write_bytes(content)
    out, err = io.StringIO(), io.StringIO()
    call_command(command, str(path), "--year", "2020", *extra, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def refused(tmp_path, content: bytes, command: str, *extra: str) -> list[str]:
    err = io.StringIO()
    path = tmp_path / "data.xlsx"
    path.write_bytes(content)
    with pytest.raises(CommandError, match="未导入任何数据"):
        call_command(command, str(path), "--year", "2020", *extra, stderr=err)
    return err.getvalue().splitlines()


def test_a_month_title_merged_over_two_columns_is_refused_naming_them(commerce, tmp_path):
    started = time.perf_counter()
    assert refused(tmp_path, merged_month_header(), "import_publications") == [MERGED_MONTH]
    assert time.perf_counter() - started < 1
    assert not MonthlyPublication.objects.exists()


def test_the_preview_refuses_the_merged_month_title_too(commerce, staff_client):
    data = {"kind": "publications", "year": 2020, "file": SimpleUploadedFile("发布数.xlsx", merged_month_header())}

    response = staff_client.post(reverse("core:import_upload"), data, follow=True)

    assert response.status_code == 200
    assert [str(e) for e in response.context["errors"]] == [MERGED_MONTH]
    assert not MonthlyPublication.objects.exists()


def test_the_month_under_a_merged_group_title_is_still_read(commerce, tmp_path):
    """发布数 merged over the month titles below it, as in the published table: nothing ambiguous."""
    rows = [["单位", "发布数", None], [None, "7月", "8月"], ["区商务局", 3, 4]]

    out, _ = run(tmp_path, workbook(rows, merges=("B1:C1", "A1:A2")), "import_publications")

    assert out.splitlines()[-1] == "已导入：新增2条，修改0条，删除0条，未变0条"
    assert sorted(MonthlyPublication.objects.values_list("month", "count")) == [(7, 3), (8, 4)]


def test_figures_under_no_month_title_are_refused(commerce, tmp_path):
    rows = [["单位", "7月", None], ["区商务局", 3, 9]]

    assert refused(tmp_path, workbook(rows), "import_publications") == [
        "第2行 C列: 有内容但没有表头，无法确定是哪一项；请填写表头，或删除这一列的内容"
    ]
    assert not MonthlyPublication.objects.exists()


def test_other_titled_columns_are_named_not_dropped_silently(commerce, tmp_path):
    rows = [["序号", "单位", "7月", "累计得分", "备注"], [1, "区商务局", 12, 5, "含转载"]]

    out, _ = run(tmp_path, workbook(rows), "import_publications")

    assert "提示：未导入的列：D列“累计得分”、E列“备注”（不是本类数据的列，其中的内容不会导入）" in out.splitlines()
    assert MonthlyPublication.objects.get().count == 12


def test_a_second_column_of_a_title_already_read_is_refused(commerce, tmp_path):
    rows = [["单位", "月份", "投稿件数", "市级采用", "市级采用"], ["区商务局", 7, 2, 1, 1]]

    assert refused(tmp_path, workbook(rows), "import_articles") == [
        "第2行 E列: 表头“市级采用”与前面的列重复，无法确定以哪一列为准；请删除重复的列"
    ]
    assert not MonthlyArticleTally.objects.exists()


def test_a_deduction_beside_a_blank_title_is_refused(commerce, tmp_path):
    rows = [["单位", "事项", "减分", None], ["区商务局", "栏目更新不及时", 1, 0.5]]

    assert refused(tmp_path, workbook(rows), "import_deductions", "--quarter", "3") == [
        "第2行 D列: 有内容但没有表头，无法确定是哪一项；请填写表头，或删除这一列的内容"
    ]
    assert not Deduction.objects.exists()


def test_a_work_plan_title_merged_over_a_column_read_by_no_one_is_refused(real_units, tmp_path):
    rows = [
        ["序号", "工作任务", "工作要求", None, "责任单位", "时限要求"],
        [1, "深化公开", "定期公开政府工作报告进展", "并抓好解读", "区政府办公室", "按季度公开"],
    ]

    errors = refused(tmp_path, workbook(rows, merges=("C1:D1",)), "import_work_plan")

    assert errors == [
        "第2行 D列: 表头“工作要求”是合并单元格（C1:D1），跨了几列，这一列的内容无法确定属于哪一项；"
        "请取消表头的合并，每项一列，再导入"
    ]
    assert not Task.objects.exists()


def test_a_work_plan_cell_merged_from_a_column_read_is_not_a_column_of_its_own(real_units, tmp_path):
    rows = [
        ["序号", "工作任务", "工作要求", None, "责任单位", "时限要求"],
        [1, "深化公开", "定期公开政府工作报告进展", None, "区政府办公室", "按季度公开"],
    ]

    out, _ = run(tmp_path, workbook(rows, merges=("C1:D1", "C2:D2")), "import_work_plan")

    assert out.splitlines()[-1].startswith("已导入：新增1条")
    assert Task.objects.get().requirement == "定期公开政府工作报告进展"


def test_a_number_past_the_end_of_a_report_row_is_refused(tmp_path, staff):
    from annual_reports.services import report_year_open

    UnitFactory(name="区政府办公室")
    report_year_open(year=2020, acting_user=staff)
    rows = [[None, None, "1.属于国家秘密", *[0] * 7, 9]]  # seven columns, 自然人 … 总计

    errors = refused(tmp_path, workbook(rows), "import_annual_report", "--unit", "区政府办公室")

    assert errors[0] == "第1行 K列: 这一行在国家格式中只到J列，多出的“9”不属于任何一项；请删除"
    assert not AnnualReport.objects.exists()
