"""Hostile workbooks are refused by every import, on the command line and in the browser, before
openpyxl reads them: a billion-laughs DTD in the shared strings, a sheet or the workbook part, a zip
bomb, a part packed too tightly, a shared-string table longer than the cells an import may read.
Each is refused within a second with one Chinese sentence; nothing is written, no traceback, no 500.
"""

import io
import time
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from annual_reports.services import report_year_open
from core.backup import table_counts
from tests.factories import UnitFactory
from tests.hostile_files import (
    SHARED_STRINGS,
    SHEET,
    WORKBOOK_PART,
    billion_laughs,
    many_strings,
    tightly_packed,
    zip_bomb,
)

pytestmark = pytest.mark.django_db


def dtd(part: str) -> str:
    return (
        f"无法读取：文件内部的{part}含有文档类型定义（<!DOCTYPE>），Office和WPS保存的文件不会有这种内容，"
        "可能是恶意构造的文件，已拒绝。"
    )


def bomb(reason: str) -> str:
    return f"无法读取：{reason}，可能是恶意构造的“压缩炸弹”，已拒绝，未读取其内容。"


CASES = {
    "laughs-in-the-shared-strings": (lambda: billion_laughs(SHARED_STRINGS), dtd(SHARED_STRINGS)),
    "laughs-in-the-sheet": (lambda: billion_laughs(SHEET), dtd(SHEET)),
    "laughs-in-the-workbook": (lambda: billion_laughs(WORKBOOK_PART), dtd(WORKBOOK_PART)),
    "zip-bomb": (zip_bomb, bomb("文件内部的xl/sharedStrings.xml解压后有318MB，超过上限32MB")),
    "packed-too-tightly": (tightly_packed, None),
    "unused-shared-strings": (
        many_strings,
        "文件过大：共享字符串表有超过150000个字符串。一次最多导入10000行、60列（共150000个单元格），请分批导入。",
    ),
}
COMMANDS = {
    "publications": ["import_publications"],
    "tallies": ["import_articles"],
    "deductions": ["import_deductions", "--quarter", "3"],
    "work_plan": ["import_work_plan"],
    "annual_report": ["import_annual_report", "--unit", "区政府办公室"],
}


@pytest.fixture
def office(staff):
    unit = UnitFactory(name="区政府办公室")
    report_year_open(year=2024, acting_user=staff)
    return unit


@pytest.fixture
def openpyxl_never_called(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("openpyxl was asked to read a hostile file")

    monkeypatch.setattr("core.imports.reading.load_workbook", refuse)


def written() -> dict[str, int]:
    """Rows of every table but the sessions (a staged upload is remembered in the session)."""
    return {table: rows for table, rows in table_counts().items() if table != "django_session"}


def expected(case: str) -> str:
    build, message = CASES[case]
    if message is None:  # the ratio, as the zip directory gives it
        part = zipfile.ZipFile(io.BytesIO(build())).getinfo(SHARED_STRINGS)
        ratio = part.file_size // part.compress_size
        assert ratio > 100
        message = bomb(f"文件内部的xl/sharedStrings.xml压缩了{ratio}倍，超过上限100倍")
    return message


@pytest.mark.parametrize("kind", COMMANDS)
@pytest.mark.parametrize("case", CASES)
def test_the_command_refuses_it_at_once(case, kind, office, openpyxl_never_called, tmp_path, capsys):
    path = tmp_path / "hostile.xlsx"
    path.write_bytes(CASES[case][0]())
    before = written()

    started = time.perf_counter()
    with pytest.raises(CommandError) as error:
        call_command(*COMMANDS[kind][:1], str(path), "--year", "2024", *COMMANDS[kind][1:])
    seconds = time.perf_counter() - started

    assert str(error.value) == "共1处错误，未导入任何数据。"
    [printed] = capsys.readouterr().err.splitlines()
    assert printed == expected(case)
    assert seconds < 1
    assert written() == before


def upload(client, kind: str, content: bytes):
    if kind == "annual_report":
        unit = UnitFactory._meta.model.objects.get(name="区政府办公室")
        url = reverse("annual_reports:upload", args=[2024, unit.pk])
        return client.post(url, {"file": SimpleUploadedFile("年度报告.xlsx", content)}, follow=True)
    data = {"kind": kind, "year": 2024, "quarter": 3, "file": SimpleUploadedFile("导入.xlsx", content)}
    return client.post(reverse("core:import_upload"), data, follow=True)


@pytest.mark.parametrize("kind", COMMANDS)
@pytest.mark.parametrize("case", CASES)
def test_the_preview_refuses_it_at_once(case, kind, office, openpyxl_never_called, staff_client):
    content = CASES[case][0]()
    before = written()

    started = time.perf_counter()
    response = upload(staff_client, kind, content)
    seconds = time.perf_counter() - started

    assert response.status_code == 200
    assert len(response.redirect_chain) == 1  # to the preview, which shows the refusal
    [error] = response.context["errors"]
    assert str(error) == expected(case)
    assert "不能导入" in response.content.decode() or "未能导入" in response.content.decode()
    assert seconds < 1
    assert written() == before
