"""The PDF and the Excel show the report in the national layout (acceptance: every row label and
figure of seed 002 is found in the PDF's text; the workbook's headers merge like the national format)."""

import io
import re

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import load_workbook
from pypdf import PdfReader

from annual_reports.layout import ACTIVE, APPEALS, REQUESTS, cell_key
from annual_reports.services import report_save

from .seed import OVERVIEW_REQUESTS_2024, seed_2024, seed_rows_2024


@pytest.fixture
def seed_report(year_2024, office_unit, staff):
    texts = {
        "title": "临淄区人民政府办公室2024年政府信息公开工作年度报告",
        "overview_requests": OVERVIEW_REQUESTS_2024,
        "problems": "（一）存在问题\n一是需进一步提高信息发布的及时性、全面性。",
        "other": "（一）政府信息公开信息处理费收取情况\n本年度未有收取信息处理费情况。",
    }
    return report_save(
        report_year=year_2024, unit=office_unit, acting_user=staff, typed=seed_2024(), texts=texts
    ).report


def export(tmp_path, fmt, *args):
    path = tmp_path / f"out.{fmt}"
    call_command(
        "export_annual_report", "--year", "2024", *args, "--format", fmt, "--output", str(path), stdout=io.StringIO()
    )
    return path.read_bytes()


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_pdf_shows_every_row_label_and_figure(seed_report, tmp_path):
    reader = PdfReader(io.BytesIO(export(tmp_path, "pdf", "--unit", "区政府办公室")))
    text = squeeze("".join(page.extract_text() for page in reader.pages))
    assert "临淄区人民政府办公室2024年政府信息公开工作年度报告" in text
    for heading in (
        "一、总体情况",
        ACTIVE.title,
        REQUESTS.title,
        APPEALS.title,
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ):
        assert heading in text
    assert squeeze(OVERVIEW_REQUESTS_2024) in text
    for label, numbers in seed_rows_2024():
        assert label + "".join(str(n) for n in numbers) in text, label
    values = seed_2024()
    for row in ACTIVE.rows:
        figures = "".join(str(values[cell_key(row, c)]) for c in row.columns)
        assert row.labels[0] + figures in text, row.labels[0]
    assert "总计" + "0" * 15 in text
    for label in ("结果维持", "结果纠正", "其他结果", "尚未审结", "未经复议直接起诉", "复议后起诉"):
        assert label in text


def test_pdf_puts_the_fifteen_column_table_on_a_landscape_page(seed_report, tmp_path):
    reader = PdfReader(io.BytesIO(export(tmp_path, "pdf", "--unit", "区政府办公室")))
    landscape = [page for page in reader.pages if page.mediabox.width > page.mediabox.height]
    assert len(landscape) == 1
    assert "行政复议" in landscape[0].extract_text()
    assert "五、存在的主要问题及改进情况" not in landscape[0].extract_text()


def test_excel_has_one_sheet_per_table_merged_like_the_national_format(seed_report, tmp_path):
    workbook = load_workbook(io.BytesIO(export(tmp_path, "xlsx", "--unit", "区政府办公室")))
    assert workbook.sheetnames == [ACTIVE.title, REQUESTS.title, APPEALS.title]
    requests = workbook[REQUESTS.title]
    merged = {str(r) for r in requests.merged_cells.ranges}
    assert {
        "A2:C4",
        "D2:J2",
        "D3:D4",
        "E3:I3",
        "J3:J4",
        "A5:C5",
        "A7:A28",
        "B9:B16",
        "B17:B19",
        "B20:B24",
        "B25:B27",
    } <= merged
    assert requests["A2"].value == "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    assert [requests.cell(4, c).value for c in range(5, 10)] == [
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
    ]
    assert [c.value for c in requests[28]] == [None, "（七）总计", None, 14, 0, 0, 0, 0, 0, 14]
    appeals = workbook[APPEALS.title]
    assert {"A2:E2", "F2:O2", "F3:J3", "K3:O3", "A3:A4", "E3:E4"} <= {str(r) for r in appeals.merged_cells.ranges}
    assert [c.value for c in appeals[5]] == [0] * 15
    active = workbook[ACTIVE.title]
    assert [c.value for c in active[5]] == ["行政规范性文件", 1, 6, 9]
    assert "B7:D7" in {str(r) for r in active.merged_cells.ranges}


def test_district_export_and_wrong_arguments(seed_report, tmp_path):
    workbook = load_workbook(io.BytesIO(export(tmp_path, "xlsx", "--district")))
    assert workbook[REQUESTS.title]["D5"].value is None  # nothing finalised yet
    with pytest.raises(CommandError) as error:
        export(tmp_path, "xlsx")
    assert str(error.value) == "请用 --unit 指定单位，或用 --district 导出全区报告。"
    with pytest.raises(CommandError) as error:
        export(tmp_path, "pdf", "--unit", "区政府办公室", "--template")
    assert str(error.value) == "空白模板只有Excel格式（--format xlsx）。"
    with pytest.raises(CommandError) as error:
        export(tmp_path, "pdf", "--unit", "区政府办公室", "--report-version", "2")
    assert str(error.value) == "区政府办公室2024年度报告第2版还没有填报。"
