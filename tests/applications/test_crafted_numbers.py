"""A register workbook whose date cell holds a number no reader can hold (1e999 is infinite once
read, a number of 5,000 digits) is refused with a sentence (the row where the cell can be read), and nothing is written."""

import io
import zipfile

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from applications.models import Application

from .helpers import HEADER, sheet_row

pytestmark = pytest.mark.django_db


def crafted(path, number: str):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    row = sheet_row("2024-03-04")
    row[0] = 12345  # stands for the crafted number in the XML
    sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w") as out:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"<v>12345</v>", f"<v>{number}</v>".encode())
            out.writestr(item, data)
    return path


CASES = {
    "infinite": ("1e999", "第2行 收到日期: 单元格中的数值不是日期，请填写如2024年3月5日或2024-3-5"),
    "5000-digits": ("9" * 5000, "无法读取：工作表“Sheet”已损坏，请在Excel中打开后另存为.xlsx再导入。"),
}


@pytest.mark.parametrize("case", CASES)
def test_a_crafted_number_in_a_date_cell_is_refused(renshe, tmp_path, capsys, case):
    number, line = CASES[case]
    with pytest.raises(CommandError):
        call_command("import_applications", str(crafted(tmp_path / "登记簿.xlsx", number)), "--unit", "区人社局")
    assert line in capsys.readouterr().err.splitlines()
    assert Application.objects.count() == 0
