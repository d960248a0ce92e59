"""``manage.py publications_import``: all-or-nothing, dry run, replace not double, 第N行 errors."""

import pytest
from django.core.management import CommandError, call_command

from submissions.models import MonthlyPublication
from units.models import Unit

HEADER = ["序号", "单位", "7月", "8月", "9月"]


def run(path, *extra):
    call_command("import_publications", str(path), "--year", "2020", *extra)


def counts():
    return sorted(MonthlyPublication.objects.values_list("unit__name", "month", "count"))


def test_imports_counts_resolving_aliases(real_units, xlsx_file, capsys):
    path = xlsx_file([HEADER, [1, "区商务局", 12, 1, 11], [2, "区卫健委", "6", 4.0, 7]])

    run(path)

    assert counts() == [
        ("区卫健局", 7, 6),
        ("区卫健局", 8, 4),
        ("区卫健局", 9, 7),
        ("区商务局", 7, 12),
        ("区商务局", 8, 1),
        ("区商务局", 9, 11),
    ]
    assert capsys.readouterr().out.strip().endswith("已导入：新增6条，修改0条，删除0条，未变0条")


def test_reimporting_replaces_and_never_doubles(real_units, xlsx_file, capsys):
    run(xlsx_file([HEADER, ["", "区商务局", 12, 1, 11]]))
    run(xlsx_file([HEADER, ["", "区商务局", 12, 2, 11]], name="again.xlsx"))

    assert counts() == [("区商务局", 7, 12), ("区商务局", 8, 2), ("区商务局", 9, 11)]
    assert "已导入：新增0条，修改1条，删除0条，未变2条" in capsys.readouterr().out
    history = MonthlyPublication.objects.get(unit__name="区商务局", month=8).history.order_by("history_date")
    assert [(h.count, h.history_change_reason) for h in history] == [(1, "导入 data.xlsx"), (2, "导入 again.xlsx")]


def test_dry_run_writes_nothing(real_units, xlsx_file, capsys):
    run(xlsx_file([HEADER, ["", "区商务局", 12, 1, 11]]), "--dry-run")

    assert counts() == []
    out = capsys.readouterr().out
    assert "第2行 新增 区商务局 2020年7月发布数：— → 12" in out
    assert "试运行（未写入任何数据）：新增3条" in out


def test_header_under_a_merged_title_as_in_the_published_table(real_units, xlsx_file):
    path = xlsx_file(
        [
            ["各部门第三季度政务公开工作情况统计"],
            ["序号", "单位", "政府网站信息公开发布情况", None, None, None, "加分", "减分", "合计"],
            [None, None, "7月", "8月", "9月", "累计得分"],
            [1, "区供销社", 6, 4, 7, 8.5, None, 7, 1.5],
        ]
    )

    run(path)

    assert counts() == [("区供销社", 7, 6), ("区供销社", 8, 4), ("区供销社", 9, 7)]


def test_empty_cell_changes_nothing(real_units, xlsx_file):
    run(xlsx_file([HEADER, ["", "区商务局", 12, 1, 11]]))
    run(xlsx_file([HEADER, ["", "区商务局", None, 3, None]], name="b.xlsx"))

    assert counts() == [("区商务局", 7, 12), ("区商务局", 8, 3), ("区商务局", 9, 11)]


BAD_ROWS = [
    (["", "区不存在局", 1, 1, 1], "第3行 单位: 找不到单位“区不存在局”，请检查名称，或把它保存为对应单位的别名"),
    (["", "区商务局", -1, 1, 1], "第3行 7月: 不能为负数（-1）"),
    (["", "区商务局", "十二", 1, 1], "第3行 7月: “十二”不是数字"),
    (["", "区商务局", 1.5, 1, 1], "第3行 7月: 应为整数（1.5）"),
    (["", "区卫健委", 1, 1, 1], "第3行 单位: 区卫健局与第2行重复"),
    (["", '=HYPERLINK("x")', 1, 1, 1], '第3行 单位: 不能以“=”开头（“=HYPERLINK("x")”），公式或疑似公式的文本不予导入'),
    (["", "区商务局", "=1+1", 1, 1], "第3行 7月: 不能以“=”开头（“=1+1”），请填写数值而不是公式"),
    (["", "", 1, 1, 1], "第3行 单位: 不能为空"),
]


@pytest.mark.parametrize(("bad_row", "message"), BAD_ROWS)
def test_bad_row_is_named_and_nothing_is_written(real_units, xlsx_file, capsys, bad_row, message):
    path = xlsx_file([HEADER, ["", "区卫健局", 5, 5, 5], bad_row])

    with pytest.raises(CommandError) as error:
        run(path)

    assert capsys.readouterr().err.splitlines() == [message]
    assert str(error.value) == "共1处错误，未导入任何数据。"
    assert counts() == []


def test_every_bad_row_is_reported_at_once(real_units, xlsx_file, capsys):
    path = xlsx_file([HEADER, ["", "区商务局", -1, 1, 1], ["", "区无此局", 1, 1, 1], ["", "齐都镇", 1, "x", 1]])

    with pytest.raises(CommandError):
        run(path)

    assert capsys.readouterr().err.splitlines() == [
        "第2行 7月: 不能为负数（-1）",
        "第3行 单位: 找不到单位“区无此局”，请检查名称，或把它保存为对应单位的别名",
        "第4行 8月: “x”不是数字",
    ]


def test_month_out_of_range_in_header(real_units, xlsx_file, capsys):
    with pytest.raises(CommandError):
        run(xlsx_file([["单位", "7月", "13月"], ["区商务局", 1, 1]]))

    assert capsys.readouterr().err.splitlines() == ["第1行 13月: 月份应在1月至12月之间"]


def test_missing_unit_column(real_units, xlsx_file, capsys):
    with pytest.raises(CommandError):
        run(xlsx_file([["名称", "7月"], ["区商务局", 1]]))

    assert capsys.readouterr().err.splitlines() == ["第1行 表头: 前10行中找不到“单位”列"]


def test_unit_outside_its_assessed_period(real_units, xlsx_file, capsys):
    with pytest.raises(CommandError):
        run(xlsx_file([HEADER, ["", "区文物局", 1, 1, 1]]))

    assert capsys.readouterr().err.splitlines()[0] == "第2行 7月: 区文物局在2020年7月不在考核范围内"


def test_not_an_excel_file(real_units, tmp_path, capsys):
    path = tmp_path / "x.xlsx"
    path.write_text("not excel")

    with pytest.raises(CommandError):
        run(path)

    assert capsys.readouterr().err == "无法读取：这是文本文件（如CSV），不是Excel工作簿，请在Excel中另存为.xlsx。\n"


def test_records_the_user(real_units, xlsx_file):
    from tests.factories import UserFactory

    UserFactory(username="clerk")
    run(xlsx_file([HEADER, ["", "区商务局", 1, 2, 3]]), "--user", "clerk")

    record = MonthlyPublication.objects.filter(unit=Unit.objects.get(name="区商务局")).first()
    assert record.updated_by.username == "clerk"
    assert record.history.first().history_user.username == "clerk"
