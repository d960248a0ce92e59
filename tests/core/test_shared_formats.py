"""Shared format code the annual report added: reading every visible sheet of a workbook, merged
body cells in the XLSX writer, landscape pages inside a PDF's text."""

import datetime
import io

import pytest
from openpyxl import Workbook, load_workbook
from pypdf import PdfReader

from core.imports import MAX_CELLS, ImportRejected, read_sheet, read_sheets
from core.pdf import Landscape, OfficialDocument, Paragraph, Table, render_pdf
from core.tabular import Cell
from core.xlsx import SheetSpec, build_workbook


def workbook_bytes(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_read_sheets_reads_every_visible_sheet_in_order():
    workbook = Workbook()
    workbook.active.title = "一"
    workbook.active.append(["a", 1])
    hidden = workbook.create_sheet("隐藏")
    hidden.append(["secret"])
    hidden.sheet_state = "hidden"
    workbook.create_sheet("二").append(["b", 2])
    sheets = read_sheets(io.BytesIO(workbook_bytes(workbook)))
    assert [(s.name, s.rows) for s in sheets] == [("一", [(1, ("a", 1))]), ("二", [(1, ("b", 2))])]


def test_read_sheets_counts_the_cell_limit_over_all_sheets():
    workbook = Workbook()
    rows_per_sheet = MAX_CELLS // 50 // 2 + 1
    for index in range(2):
        sheet = workbook.active if index == 0 else workbook.create_sheet(f"表{index}")
        for _ in range(rows_per_sheet):
            sheet.append([1] * 50)
    with pytest.raises(ImportRejected) as error:
        read_sheets(io.BytesIO(workbook_bytes(workbook)))
    assert "的单元格超过150000个" in str(error.value)


def test_xlsx_body_cells_merge_and_plain_numbers_stay_numbers():
    spec = SheetSpec(
        "表",
        "标题",
        [],
        [[Cell("分组", rowspan=2), "甲", 1], ["乙", Cell("2", colspan=1)], [Cell("合并", colspan=3)]],
        [10, 10, 10],
    )
    sheet = load_workbook(io.BytesIO(build_workbook([spec])))["表"]
    assert {str(r) for r in sheet.merged_cells.ranges} == {"A1:C1", "A2:A3", "A4:C4"}
    assert [[c.value for c in row] for row in sheet.iter_rows(min_row=2)] == [
        ["分组", "甲", 1],
        [None, "乙", 2],
        ["合并", None, None],
    ]
    assert sheet.print_title_rows is None


def test_landscape_blocks_get_their_own_pages_and_the_text_goes_on_in_portrait():
    wide = Table(header_rows=[[Cell(f"列{i}") for i in range(15)]], rows=[list(range(15))])
    doc = OfficialDocument(
        issuer="临淄区人民政府办公室",
        title="测试",
        addressee="",
        body=[Paragraph("前文"), Landscape([Paragraph("宽表", "h1"), wide]), Paragraph("后文")],
        attachment_titles=[],
        signature="",
        date=datetime.date(2025, 1, 10),
    )
    pages = PdfReader(io.BytesIO(render_pdf(doc))).pages
    shapes = [(p.mediabox.width > p.mediabox.height, p.extract_text()) for p in pages]
    assert [landscape for landscape, _ in shapes] == [False, True, False]
    assert "宽表" in shapes[1][1] and "后文" in shapes[2][1]


def test_read_sheet_names_the_other_visible_sheets_that_hold_something():
    workbook = Workbook()
    workbook.active.title = "2025年"
    workbook.active.append(["收到日期"])
    workbook.create_sheet("2024年").append(["收到日期"])
    workbook.create_sheet("Sheet2")  # WPS's empty sheets are not worth a word
    hidden = workbook.create_sheet("下拉选项")
    hidden.append(["予以公开"])
    hidden.sheet_state = "hidden"
    workbook.create_sheet("2023年").append([None, None, "2023-1-5"])
    sheet = read_sheet(io.BytesIO(workbook_bytes(workbook)))
    assert (sheet.name, sheet.notices) == (
        "2025年",
        [
            "工作簿中另有工作表“2024年”、“2023年”，未读取：每次只导入当前工作表“2025年”。"
            "其他工作表的内容请另行导入（在Excel中切换到该工作表后保存，或另存为单独的文件）。"
        ],
    )
