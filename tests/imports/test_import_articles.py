"""``manage.py import_articles``: monthly totals 单位 | 月份 | 投稿件数 [| 不合格件数 | 市级采用 | 省级采用]."""

import datetime

import pytest
from django.core.management import CommandError, call_command

from submissions.models import MonthlyArticleTally
from tests.factories import ArticleFactory
from units.models import Unit

HEADER = ["单位", "月份", "投稿件数", "不合格件数", "市级采用", "省级采用"]


def run(path, *extra):
    call_command("import_articles", str(path), "--year", "2020", *extra)


def tallies():
    return sorted(
        MonthlyArticleTally.objects.values_list(
            "unit__name", "month", "submitted", "non_compliant", "city_adopted", "province_adopted"
        )
    )


def test_imports_totals(real_units, xlsx_file):
    run(xlsx_file([HEADER, ["区人社局", 8, 2, 1, 1, 0], ["朱台镇", "9月", 1, None, None, 1]]))

    assert tallies() == [("区人社局", 8, 2, 1, 1, 0), ("朱台镇", 9, 1, 0, 0, 1)]


def test_optional_columns_may_be_absent(real_units, xlsx_file):
    run(xlsx_file([["单位", "月份", "投稿件数"], ["区人社局", 8, 2]]))

    assert tallies() == [("区人社局", 8, 2, 0, 0, 0)]


def test_reimport_replaces(real_units, xlsx_file, capsys):
    path = xlsx_file([HEADER, ["区人社局", 8, 2, 1, 1, 0]])
    run(path)
    run(path)

    assert tallies() == [("区人社局", 8, 2, 1, 1, 0)]
    assert capsys.readouterr().out.splitlines()[-1] == "已导入：新增0条，修改0条，删除0条，未变1条"


def test_dry_run(real_units, xlsx_file):
    run(xlsx_file([HEADER, ["区人社局", 8, 2, 1, 1, 0]]), "--dry-run")

    assert tallies() == []


BAD_ROWS = [
    (["区无此局", 8, 1], "第3行 单位: 找不到单位“区无此局”，请检查名称，或把它保存为对应单位的别名"),
    (["区人社局", 13, 1], "第3行 月份: 应在1至12之间（13）"),
    (["区人社局", 0, 1], "第3行 月份: 应在1至12之间（0）"),
    (["区人社局", 9, -2], "第3行 投稿件数: 不能为负数（-2）"),
    (["区人社局", 9, "两件"], "第3行 投稿件数: “两件”不是数字"),
    (["区人社局", 9, 1, 2], "第3行 不合格件数: 不合格件数（2）大于投稿件数（1）"),
    (["人社局", 8, 1], "第3行 单位: 区人社局8月与第2行重复"),
    (["=区人社局", 9, 1], "第3行 单位: 不能以“=”开头（“=区人社局”），公式或疑似公式的文本不予导入"),
    # A row with other figures but no 投稿件数 (a row with no figures at all is skipped: the template's blank rows).
    (["区人社局", 9, None, 1], "第3行 投稿件数: 不能为空"),
]


@pytest.mark.parametrize(("bad_row", "message"), BAD_ROWS)
def test_bad_row_is_named_and_nothing_is_written(real_units, xlsx_file, capsys, bad_row, message):
    with pytest.raises(CommandError):
        run(xlsx_file([HEADER, ["区人社局", 8, 2], bad_row]))

    assert capsys.readouterr().err.splitlines() == [message]
    assert tallies() == []


def test_missing_required_column(real_units, xlsx_file, capsys):
    with pytest.raises(CommandError):
        run(xlsx_file([["单位", "月份"], ["区人社局", 8]]))

    assert capsys.readouterr().err.splitlines() == ["第1行 表头: 缺少“投稿件数”列"]


def test_month_with_a_per_article_register_is_refused(real_units, xlsx_file, capsys):
    ArticleFactory(unit=Unit.objects.get(name="区人社局"), received_on=datetime.date(2020, 8, 5))

    with pytest.raises(CommandError):
        run(xlsx_file([HEADER, ["区人社局", 8, 2]]))

    assert capsys.readouterr().err.splitlines() == [
        "第2行 月份: 区人社局2020年8月已有逐篇登记的稿件，不能再导入月度合计"
    ]
