"""``manage.py deductions_import``: 单位 | 事项 | 减分, one row per item."""

from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from inspections.models import Deduction
from scoring.selectors import quarter_scores
from tests.factories import DeductionFactory
from units.models import Unit

HEADER = ["单位", "事项", "减分"]


def run(path, *extra):
    call_command("import_deductions", str(path), "--year", "2020", "--quarter", "3", *extra)


def items():
    return sorted(Deduction.objects.values_list("unit__name", "reason", "points", "source"))


def test_imports_items(real_units, xlsx_file):
    run(
        xlsx_file(
            [
                HEADER,
                ["区公路事业服务中心", "公开事项标准目录上传位置错误", 0.5],
                ["区公路事业服务中心", "内容表格混乱", "0.5"],
                ["区信访局", "公开事项标准目录未上传", 5],
            ]
        )
    )

    assert items() == [
        ("临淄公路事业服务中心", "公开事项标准目录上传位置错误", Decimal("0.50"), "import"),
        ("临淄公路事业服务中心", "内容表格混乱", Decimal("0.50"), "import"),
        ("区信访局", "公开事项标准目录未上传", Decimal("5.00"), "import"),
    ]


def test_reimport_replaces_the_units_it_names_and_keeps_manual_items(real_units, xlsx_file, capsys):
    DeductionFactory(unit=Unit.objects.get(name="区信访局"), reason="错敏词", points=Decimal("1"))
    run(xlsx_file([HEADER, ["区信访局", "公开事项标准目录未上传", 5], ["区残联", "公开事项标准目录未上传", 5]]))
    run(xlsx_file([HEADER, ["区信访局", "公开事项标准目录未上传", 5]], name="fixed.xlsx"))

    assert items() == [
        ("区信访局", "公开事项标准目录未上传", Decimal("5.00"), "import"),
        ("区信访局", "错敏词", Decimal("1.00"), "manual"),
        ("区残联", "公开事项标准目录未上传", Decimal("5.00"), "import"),
    ]
    assert capsys.readouterr().out.splitlines()[-1] == "已导入：新增0条，修改0条，删除0条，未变1条"


def test_corrected_points_replace_the_old_item(real_units, xlsx_file):
    run(xlsx_file([HEADER, ["区信访局", "公开事项标准目录未上传", 3]]))
    run(xlsx_file([HEADER, ["区信访局", "公开事项标准目录未上传", 5]], name="b.xlsx"))

    assert items() == [("区信访局", "公开事项标准目录未上传", Decimal("5.00"), "import")]


def test_dry_run(real_units, xlsx_file):
    run(xlsx_file([HEADER, ["区信访局", "公开事项标准目录未上传", 5]]), "--dry-run")

    assert items() == []


def test_imported_no_submission_item_stands_for_the_automatic_one(real_units, xlsx_file, capsys):
    run(xlsx_file([HEADER, ["齐都镇", "公开事项标准目录未上传", 5], ["齐都镇", "8、9月份未投稿", 2]]))

    row = quarter_scores(year=2020, quarter=3).for_unit(Unit.objects.get(name="齐都镇").pk)
    assert [(i.reason, i.points) for i in row.deduction_items] == [
        ("公开事项标准目录未上传", Decimal("5.00")),
        ("8、9月份未投稿", Decimal("2.00")),
    ]
    assert row.deduction == Decimal("7")
    assert "提示：第3行 事项: “8、9月份未投稿”是未投稿减分" in capsys.readouterr().out


BAD_ROWS = [
    (["区无此局", "错敏词", 1], "第3行 单位: 找不到单位“区无此局”，请检查名称，或把它保存为对应单位的别名"),
    (["区残联", "错敏词", -1], "第3行 减分: 不能为负数（-1），减分请填写正数，如5"),
    (["区残联", "错敏词", "五"], "第3行 减分: “五”不是数字"),
    (["区残联", "错敏词", 0], "第3行 减分: 不能为0"),
    (["区残联", "错敏词", 0.125], "第3行 减分: 最多两位小数（0.125）"),
    (["区残联", "", 1], "第3行 事项: 不能为空"),
    (
        ["区残联", "=cmd|' /C calc'!A0", 1],
        "第3行 事项: 不能以“=”开头（“=cmd|' /C calc'!A0”），公式或疑似公式的文本不予导入",
    ),
    (["残联", "公开事项标准目录未上传", 5], "第3行 事项: 区残联的“公开事项标准目录未上传”与第2行重复"),
    (["区文物局", "错敏词", 1], "第3行 单位: 区文物局在2020年第3季度不在考核范围内"),
]


@pytest.mark.parametrize(("bad_row", "message"), BAD_ROWS)
def test_bad_row_is_named_and_nothing_is_written(real_units, xlsx_file, capsys, bad_row, message):
    with pytest.raises(CommandError):
        run(xlsx_file([HEADER, ["区残联", "公开事项标准目录未上传", 5], bad_row]))

    assert capsys.readouterr().err.splitlines() == [message]
    assert items() == []


def test_failed_import_leaves_previous_items_untouched(real_units, xlsx_file):
    run(xlsx_file([HEADER, ["区残联", "公开事项标准目录未上传", 5]]))

    with pytest.raises(CommandError):
        run(xlsx_file([HEADER, ["区残联", "错敏词", 1], ["区无此局", "错敏词", 1]], name="bad.xlsx"))

    assert items() == [("区残联", "公开事项标准目录未上传", Decimal("5.00"), "import")]


def test_rejected_file_still_plans_its_good_rows(real_units, xlsx_file):
    from core.imports import ImportRejected
    from inspections.services import deductions_import

    path = xlsx_file([HEADER, ["区残联", "公开事项标准目录未上传", 5], ["区无此局", "错敏词", 1]])

    with pytest.raises(ImportRejected) as error, path.open("rb") as handle:
        deductions_import(source=handle, year=2020, quarter=3)

    assert [str(e) for e in error.value.errors] == [
        "第3行 单位: 找不到单位“区无此局”，请检查名称，或把它保存为对应单位的别名"
    ]
    assert [(c.row, c.unit, c.action) for c in error.value.result.changes] == [(2, "区残联", "新增")]
    assert items() == []
