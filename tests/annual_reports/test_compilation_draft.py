"""The district compilation, while some units have no finalised report, is a draft: 草稿 and
「尚缺N个单位未定稿」 in its PDF and its Excel, as the notice drafts are; once every unit is in (or
the compilation is finalised) it is not."""

import io

from openpyxl import load_workbook
from pypdf import PdfReader

from annual_reports.pdf import report_pdf
from annual_reports.selectors import new_report, report_content
from annual_reports.xlsx import report_workbook
from tests.factories import UnitFactory

from .test_compilation import finalised


def pdf_pages(content: bytes) -> list[str]:
    return [p.extract_text().replace("\n", "").replace(" ", "") for p in PdfReader(io.BytesIO(content)).pages]


def test_a_compilation_with_units_missing_is_marked_as_a_draft(year_2024, staff):
    finalised(year_2024, UnitFactory(name="区人社局", sort_order=1), staff)
    UnitFactory(name="区商务局", sort_order=2)
    UnitFactory(name="区财政局", sort_order=3)
    content = report_content(new_report(year_2024, None))

    pages = pdf_pages(report_pdf(content))
    assert all("草稿" in page for page in pages)
    assert "（草稿：尚缺2个单位未定稿，表中数字为已定稿单位的合计。）" in pages[0]
    workbook = load_workbook(io.BytesIO(report_workbook(content)))
    assert [s.oddHeader.center.text for s in workbook.worksheets] == ["草稿"] * 3
    assert workbook.worksheets[0]["A1"].value == (
        "临淄区人民政府2024年政府信息公开工作年度报告（草稿，尚缺2个单位未定稿）　二、主动公开政府信息情况"
    )


def test_a_complete_compilation_is_not_a_draft(year_2024, staff):
    finalised(year_2024, UnitFactory(name="区人社局", sort_order=1), staff)
    content = report_content(new_report(year_2024, None))

    assert not any("草稿" in page for page in pdf_pages(report_pdf(content)))
    workbook = load_workbook(io.BytesIO(report_workbook(content)))
    assert [s.oddHeader.center.text or "" for s in workbook.worksheets] == [""] * 3
