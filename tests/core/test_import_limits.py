"""Imports are bounded: a tiny crafted workbook, or a huge real one, is refused in well under two
seconds with one plain sentence; the declared dimension of a sheet is never trusted."""

import io
import re
import time
import zipfile

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import Workbook

from core.imports import MAX_ROWS, ImportRejected, read_sheet
from submissions.models import MonthlyPublication
from tests.factories import UnitFactory


def workbook_bytes(build) -> bytes:
    book = Workbook()
    build(book.active)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def declare_dimension(content: bytes, ref: str) -> bytes:
    """The same workbook with its first sheet claiming the range ``ref`` (as a crafted file can)."""
    source = zipfile.ZipFile(io.BytesIO(content))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb'<dimension ref="[^"]*"/>', f'<dimension ref="{ref}"/>'.encode(), data)
                assert f'<dimension ref="{ref}"/>'.encode() in data
            target.writestr(item, data)
    return out.getvalue()


def small_sheet(ws):
    ws.append(["单位", "7月"])
    ws.append(["区商务局", 12])


def timed_read(content: bytes):
    started = time.perf_counter()
    try:
        return read_sheet(io.BytesIO(content)), time.perf_counter() - started
    except ImportRejected as exc:
        return exc, time.perf_counter() - started


def test_a_declared_far_corner_is_not_trusted():
    content = declare_dimension(workbook_bytes(small_sheet), "A1:XFD1048576")

    sheet, seconds = timed_read(content)

    assert [values for _, values in sheet.rows] == [("单位", "7月"), ("区商务局", 12)]
    assert seconds < 2


def test_a_real_cell_in_the_far_corner_is_refused_at_once():
    def far(ws):
        small_sheet(ws)
        ws.cell(row=1_048_576, column=16_384, value="x")

    exc, seconds = timed_read(declare_dimension(workbook_bytes(far), "A1:XFD1048576"))

    assert [str(e) for e in exc.errors] == [
        f"文件过大：工作表“Sheet”超过{MAX_ROWS}行。一次最多导入10000行、60列（共150000个单元格），请分批导入。"
    ]
    assert seconds < 2


def test_a_cell_far_to_the_right_is_refused():
    def wide(ws):
        small_sheet(ws)
        ws.cell(row=2, column=16_384, value="x")

    exc, seconds = timed_read(workbook_bytes(wide))

    assert [str(e) for e in exc.errors] == [
        "文件过大：第2行有内容的单元格在第16384列（XFD列）。一次最多导入10000行、60列（共150000个单元格），请分批导入。"
    ]
    assert seconds < 2


def test_a_real_file_over_the_row_limit_is_refused_quickly():
    book = Workbook(write_only=True)
    sheet = book.create_sheet("发布数")
    sheet.append(["单位", "7月"])
    for i in range(MAX_ROWS + 5000):
        sheet.append([f"单位{i}", i % 20])
    buffer = io.BytesIO()
    book.save(buffer)

    exc, seconds = timed_read(buffer.getvalue())

    assert [str(e) for e in exc.errors] == [
        "文件过大：工作表“发布数”超过10000行。一次最多导入10000行、60列（共150000个单元格），请分批导入。"
    ]
    assert seconds < 2


def test_a_file_over_ten_megabytes_is_refused_unread():
    exc, seconds = timed_read(b"PK" + b"\0" * (10 * 1024 * 1024))

    assert [str(e) for e in exc.errors] == ["文件过大：超过10MB。"]
    assert seconds < 2


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            b"\xef\xbb\xbf\xe5\x8d\x95\xe4\xbd\x8d,7\xe6\x9c\x88\r\n",
            "无法读取：这是文本文件（如CSV），不是Excel工作簿，请在Excel中另存为.xlsx。",
        ),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512,
            "无法读取：这是旧版Excel（.xls）文件或加密（设有打开密码）的工作簿，请在Excel中取消密码后另存为.xlsx。",
        ),
        (b"%PDF-1.7\n%...", "无法读取：这是PDF文件，不是Excel工作簿。"),
        (b"", "无法读取：这是空文件。"),
    ],
    ids=["csv", "xls-or-encrypted", "pdf", "empty"],
)
def test_a_file_that_is_not_a_workbook_says_what_it_is(content, message):
    exc, _ = timed_read(content)

    assert [str(e) for e in exc.errors] == [message]


def test_a_zip_that_is_not_a_workbook():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")

    exc, _ = timed_read(buffer.getvalue())

    assert [str(e) for e in exc.errors] == ["无法读取：这是Word文档（.docx），不是Excel工作簿。"]


def test_a_zip_of_something_else_and_a_damaged_workbook():
    other = io.BytesIO()
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("photos/1.jpg", "x")
    damaged = io.BytesIO()
    with zipfile.ZipFile(damaged, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types")
        archive.writestr("xl/workbook.xml", "<workbook><sheets><sheet name=")

    assert [str(e) for e in timed_read(other.getvalue())[0].errors] == [
        "无法读取：这是压缩文件（如Word文档或.zip），不是Excel工作簿。"
    ]
    assert [str(e) for e in timed_read(damaged.getvalue())[0].errors] == [
        "无法读取：Excel工作簿已损坏，请在Excel或WPS中打开后另存为.xlsx再上传。"
    ]


def test_the_sheet_a_person_sees_is_read_never_a_hidden_one(db, tmp_path, capsys):
    unit = UnitFactory(name="区商务局")
    book = Workbook()
    hidden = book.active
    hidden.title = "旧数据"
    hidden.append(["单位", "7月"])
    hidden.append(["区商务局", 99])
    hidden.sheet_state = "hidden"
    shown = book.create_sheet("七月")
    shown.append(["单位", "7月"])
    shown.append(["区商务局", 12])
    book.active = 1
    path = tmp_path / "发布数.xlsx"
    book.save(path)

    call_command("import_publications", str(path), "--year", "2020")

    assert MonthlyPublication.objects.get(unit=unit).count == 12
    assert capsys.readouterr().out.splitlines()[0] == "读取工作表：七月"


def test_a_hidden_active_sheet_falls_back_to_the_first_visible_one():
    book = Workbook()
    first = book.active
    first.title = "可见"
    small_sheet(first)
    second = book.create_sheet("隐藏")
    second.sheet_state = "hidden"
    book.active = 1
    buffer = io.BytesIO()
    book.save(buffer)

    sheet, _ = timed_read(buffer.getvalue())

    assert sheet.name == "可见"


def test_at_most_200_errors_are_listed(db, tmp_path, capsys):
    def many_bad(ws):
        ws.append(["单位", "7月"])
        for i in range(250):
            ws.append([f"无此单位{i}", 1])

    path = tmp_path / "发布数.xlsx"
    path.write_bytes(workbook_bytes(many_bad))

    with pytest.raises(CommandError) as caught:
        call_command("import_publications", str(path), "--year", "2020")

    errors = capsys.readouterr().err.splitlines()
    assert len(errors) == 201
    assert errors[0] == "第2行 单位: 找不到单位“无此单位0”，请检查名称，或把它保存为对应单位的别名"
    assert errors[-1] == "另有50处错误"
    assert str(caught.value) == "共250处错误，未导入任何数据。"
