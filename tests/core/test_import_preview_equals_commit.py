"""The dry run runs every check the commit runs: what the preview accepts, the commit writes; what
it refuses, it names (row, column, reason). One set of bounds on every path."""

import datetime
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from inspections.models import Deduction
from submissions.models import MonthlyPublication
from tests.factories import UnitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def unit(db):
    return UnitFactory(name="区商务局")


def errors_of(capsys, command, path, *args):
    for dry in (["--dry-run"], []):
        with pytest.raises(CommandError):
            call_command(command, str(path), "--year", "2020", *args, *dry)
    err = capsys.readouterr().err.splitlines()
    half = len(err) // 2
    assert err[:half] == err[half:]  # the dry run and the commit report exactly the same
    return err[:half]


@pytest.mark.parametrize(
    ("points", "message"),
    [
        (10000, "第2行 减分: 数值过大（一项最多减100分）"),
        (1e12, "第2行 减分: 数值过大（一项最多减100分）"),
        (1e308, "第2行 减分: 数值过大（一项最多减100分）"),
        ("0.125", "第2行 减分: 最多两位小数（0.125）"),
    ],
)
def test_points_out_of_bounds(xlsx_file, capsys, points, message):
    path = xlsx_file([["单位", "事项", "减分"], ["区商务局", "错敏词", points]])

    assert errors_of(capsys, "import_deductions", path, "--quarter", "3") == [message]
    assert Deduction.objects.count() == 0


def test_a_reason_longer_than_the_model_allows(xlsx_file, capsys):
    path = xlsx_file([["单位", "事项", "减分"], ["区商务局", "错" * 301, 1]])

    assert errors_of(capsys, "import_deductions", path, "--quarter", "3") == [
        "第2行 事项: 不能超过300个字（现有301个字）"
    ]


@pytest.mark.parametrize(
    ("count", "message"),
    [
        ("99999999999999999999", "第2行 7月: 数值过大（不能超过100000）"),
        (100001, "第2行 7月: 数值过大（不能超过100000）"),
        (1e308, "第2行 7月: 数值过大（不能超过100000）"),  # never the float's 309 digits
        (
            datetime.datetime(2024, 10, 1),
            "第2行 7月: 是日期（2024年10月1日），不是数字，请把单元格格式改为“常规”或“数值”后重新填写",
        ),
    ],
)
def test_counts_out_of_bounds_or_of_the_wrong_type(xlsx_file, capsys, count, message):
    path = xlsx_file([["单位", "7月"], ["区商务局", count]])

    assert errors_of(capsys, "import_publications", path) == [message]
    assert MonthlyPublication.objects.count() == 0


def test_full_width_digits_and_point_are_read(xlsx_file, unit):
    path = xlsx_file([["单位", "事项", "减分"], ["区商务局", "上传位置错误", "０．５"]])
    call_command("import_deductions", str(path), "--year", "2020", "--quarter", "3")
    publications = xlsx_file([["单位", "7月"], ["区商务局", "１２"]], name="发布数.xlsx")
    call_command("import_publications", str(publications), "--year", "2020")

    assert Deduction.objects.get().points == Decimal("0.5")
    assert MonthlyPublication.objects.get().count == 12


def test_the_bound_is_the_same_in_the_grid_the_import_and_the_model():
    from core.bounds import MAX_COUNT
    from submissions.grid.forms import parse_cell

    assert parse_cell("100000") == (100000, None)
    assert parse_cell("100001") == (None, f"数值过大（不能超过{MAX_COUNT}）")
    field = MonthlyPublication._meta.get_field("count")
    assert [v.limit_value for v in field.validators] == [0, MAX_COUNT]
