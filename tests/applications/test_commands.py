"""The three commands other tools depend on, with exactly their documented interfaces and shapes."""

import datetime
import json

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from applications.models import Application

from .helpers import HEADER, sheet_row

pytestmark = pytest.mark.django_db

YEAR = [
    HEADER,
    # Carried into 2024: received Thu 28 Dec 2023 → 29(1) | 元旦 1 Jan off | 2(2) … 5(5) | 8(6) … 12(10) |
    # 15(11) … 19(15) | 22(16) … 25(19) 26(20) → Fri 26 Jan 2024; answered on 29 Jan: late.
    sheet_row("2023-12-28", answered="2024-01-29", outcome="予以公开"),
    # Answered in 2023: not in 2024's register.
    sheet_row("2023-11-01", answered="2023-11-10", outcome="予以公开"),
    # Fri 13 Sep 2024 extended → Thu 14 Nov (see test_deadlines).
    sheet_row(
        "2024-09-13",
        applicant="商业企业",
        extended="是",
        answered="2024-11-14",
        outcome="保护第三方合法权益",
        appeal="行政复议",
        appeal_result="尚未审结",
    ),
    # Tue 17 Dec 2024 → Wed 15 Jan 2025; not answered: carried over into 2025.
    sheet_row("2024-12-17", applicant="科研机构"),
]


@pytest.fixture
def imported(renshe, xlsx_file):
    call_command("import_applications", str(xlsx_file(YEAR)), "--unit", "区人社局")
    return renshe


def test_export_json_has_one_object_per_application_of_the_year(imported, tmp_path, capsys):
    out = tmp_path / "2024.json"
    call_command(
        "export_applications", "--year", "2024", "--unit", "区人社局", "--format", "json", "--output", str(out)
    )
    assert json.loads(out.read_text(encoding="utf-8")) == [
        {"content": "2024年城区道路改造项目的立项批复", "received": "2023-12-28", "due": "2024-01-26",
         "answered": "2024-01-29", "late": True, "outcome": "予以公开", "carried_over": True},
        {"content": "2024年城区道路改造项目的立项批复", "received": "2024-09-13", "due": "2024-11-14",
         "answered": "2024-11-14", "late": False, "outcome": "4.保护第三方合法权益", "carried_over": False},
        {"content": "2024年城区道路改造项目的立项批复", "received": "2024-12-17", "due": "2025-01-15",
         "answered": None, "late": False, "outcome": None, "carried_over": False},
    ]  # fmt: skip
    call_command("export_applications", "--year", "2025", "--unit", "人社局", "--format", "json", "--output", str(out))
    assert [(a["received"], a["carried_over"]) for a in json.loads(out.read_text())] == [("2024-12-17", True)]


def test_application_tables_json(imported, capsys):
    call_command("application_tables", "--year", "2024", "--unit", "区人社局", "--json")
    data = json.loads(capsys.readouterr().out)
    assert list(data) == ["三", "四"]
    assert len(data["三"]) == 25 and all(len(row) == 7 for row in data["三"].values())
    assert data["三"]["一、本年新收政府信息公开申请数量"] == [0, 1, 1, 0, 0, 0, 2]
    assert data["三"]["二、上年结转政府信息公开申请数量"] == [1, 0, 0, 0, 0, 0, 1]
    assert data["三"]["（一）予以公开"] == [1, 0, 0, 0, 0, 0, 1]
    assert data["三"]["4.保护第三方合法权益"] == [0, 1, 0, 0, 0, 0, 1]
    assert data["三"]["（七）总计"] == [1, 1, 0, 0, 0, 0, 2]
    assert data["三"]["四、结转下年度继续办理"] == [0, 0, 1, 0, 0, 0, 1]
    assert data["四"] == [0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]


def test_application_tables_as_text(imported, capsys):
    call_command("application_tables", "--year", "2024", "--unit", "区人社局")
    lines = capsys.readouterr().out.splitlines()
    assert lines[1] == "一、本年新收政府信息公开申请数量\t0\t1\t1\t0\t0\t0\t2"
    assert "行政复议“尚未审结”\t1" in lines


def test_the_excel_export_imports_again_to_the_same_register(imported, shangwu, tmp_path):
    out = tmp_path / "登记簿.xlsx"
    call_command(
        "export_applications", "--year", "2024", "--unit", "区人社局", "--format", "xlsx", "--output", str(out)
    )
    sheet = load_workbook(out).active
    assert [c.value for c in sheet[2]][:6] == [
        "编号",
        "收到日期",
        "提交方式",
        "申请人类型",
        "申请人（已隐去部分信息）",
        "申请内容",
    ]
    assert [c.value for c in sheet[3]][1:4] == ["2023年12月28日", "网络", "自然人"]
    call_command("import_applications", str(out), "--unit", "区商务局")
    copied = Application.objects.filter(unit=shangwu).order_by("received_on")
    original = Application.objects.filter(unit=imported, received_on__gte=datetime.date(2023, 12, 1)).order_by(
        "received_on"
    )
    fields = ("received_on", "due_on", "answered_on", "outcome", "extension_days", "applicant_type", "channel")
    assert [tuple(getattr(a, f) for f in fields) for a in copied] == [
        tuple(getattr(a, f) for f in fields) for a in original
    ]
    assert copied[1].appeals.get().result == "pending"
