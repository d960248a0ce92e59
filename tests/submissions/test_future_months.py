"""Figures for a month that has not begun are refused, in the grid and in the imports: with the
year typed wrong on the upload page (2099 for 2024) the October figures went into a month to come,
out of every notice, without a word."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import Workbook

from submissions.models import MonthlyArticleTally, MonthlyPublication
from tests.factories import UnitFactory
from tests.submissions.helpers import grid_url, load_grid

pytestmark = pytest.mark.django_db


def test_the_grid_of_a_month_to_come_saves_nothing(staff_client):
    unit = UnitFactory(name="区人社局")
    data = load_grid(staff_client, 2099, 10) | {f"u{unit.pk}-pub": "12"}

    response = staff_client.post(grid_url(2099, 10), data)

    assert "2099年10月尚未开始，不能填报，未保存" in response.content.decode()
    assert not MonthlyPublication.objects.exists()


def workbook(rows) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("command", "rows", "error"),
    [
        (
            "import_publications",
            [["单位", "10月"], ["区人社局", 12]],
            "第2行 10月: 2099年10月尚未开始，不能导入该月的数字；请核对所选年度",
        ),
        (
            "import_articles",
            [["单位", "月份", "投稿件数"], ["区人社局", 10, 1]],
            "第2行 月份: 2099年10月尚未开始，不能导入该月的数字；请核对所选年度",
        ),
    ],
)
def test_an_import_into_a_year_to_come_is_refused(tmp_path, command, rows, error):
    UnitFactory(name="区人社局")
    path = tmp_path / "data.xlsx"
    path.write_bytes(workbook(rows))
    err = io.StringIO()

    with pytest.raises(CommandError):
        call_command(command, str(path), "--year", "2099", stderr=err)

    assert err.getvalue().splitlines() == [error]
    assert not MonthlyPublication.objects.exists() and not MonthlyArticleTally.objects.exists()
