"""``import_columns`` then ``crawl_columns --json --as-of``: every column's latest date, items per
month, staleness and error, read from the fixture site on the loopback."""

import io
import json

import pytest
from django.core.management import call_command

from monitoring.models import Column, CrawlRun
from tests.factories import UnitAliasFactory

pytestmark = pytest.mark.django_db


def columns_file(xlsx_file, site):
    return xlsx_file(
        [
            ["单位", "栏目名称", "网址", "更新要求"],
            ["发改局", "政策文件", site.url("/fgj/zcwj/"), "每季度"],
            ["区发改局", "政策解读", site.url("/fgj/zcjd/index.html"), "每季度"],
            ["区发展改革局", "工作动态", site.url("/fgj/gzdt/"), "每月"],
            ["区发改局", "部门职责任务清单", site.url("/fgj/zrqd/"), "每年"],
            ["区发改局", "政务公开保障机制", site.url("/fgj/bzjz/"), "每年"],
            ["区发改局", "慢栏目", site.url("/slow/"), "长期"],
            ["区发改局", "内部栏目", site.url("/private/list.html"), "每月"],
            ["朱台镇", "政务公开保障机制专栏", site.url("/zt/col/col2001/index.html"), "每季度"],
            ["朱台镇", "政策文件", site.url("/zt/zcwj/"), "每年"],
        ]
    )


def test_import_then_crawl_prints_the_documented_objects(xlsx_file, site, fgj, zhutai):
    UnitAliasFactory(unit=fgj, name="区发展改革局")
    out = io.StringIO()
    call_command("import_columns", str(columns_file(xlsx_file, site)), stdout=out)
    assert out.getvalue().splitlines()[-1] == "已导入：新增9条，修改0条，删除0条，未变0条"

    out = io.StringIO()
    call_command("crawl_columns", "--json", "--as-of", "2024-07-01", stdout=out)
    rows = json.loads(out.getvalue())

    def row(column, unit="区发改局"):
        return next(r for r in rows if r["unit"] == unit and r["column"] == column)

    assert [(r["unit"], r["column"]) for r in rows] == [
        ("区发改局", "政策文件"),
        ("区发改局", "政策解读"),
        ("区发改局", "工作动态"),
        ("区发改局", "部门职责任务清单"),
        ("区发改局", "政务公开保障机制"),
        ("区发改局", "慢栏目"),
        ("区发改局", "内部栏目"),
        ("朱台镇", "政务公开保障机制专栏"),
        ("朱台镇", "政策文件"),
    ]
    assert row("政策文件") == {
        "unit": "区发改局",
        "column": "政策文件",
        "url": site.url("/fgj/zcwj/"),
        "latest": "2024-06-28",
        "months": {"2024-02": 5, "2024-03": 5, "2024-04": 5, "2024-05": 5, "2024-06": 5},
        "stale": False,
        "error": None,
        "pages": 3,
    }
    assert row("政策解读") | {"url": ""} == {
        "unit": "区发改局",
        "column": "政策解读",
        "url": "",
        "latest": "2024-05-06",
        "months": {"2023-12": 1, "2024-01": 1, "2024-04": 2, "2024-05": 1},
        "stale": False,
        "error": None,
        "pages": 2,
    }
    assert (row("工作动态")["latest"], row("工作动态")["months"], row("工作动态")["pages"]) == (
        "2024-06-25",
        {"2024-03": 1, "2024-04": 1, "2024-05": 2, "2024-06": 2},
        3,
    )
    assert (row("部门职责任务清单")["latest"], row("部门职责任务清单")["stale"]) == ("2023-03-02", True)
    assert row("政务公开保障机制") | {"url": ""} == {
        "unit": "区发改局",
        "column": "政务公开保障机制",
        "url": "",
        "latest": None,
        "months": {},
        "stale": False,
        "error": "栏目页面不存在（HTTP 404），请核对网址。",
        "pages": 0,
    }
    assert (row("慢栏目")["error"], row("慢栏目")["pages"]) == ("栏目页面0.5秒内没有读完（超时）。", 0)
    assert row("内部栏目")["error"] == "网站的robots.txt不允许读取该页面。"
    assert "/private/list.html" not in site.requests
    town = row("政务公开保障机制专栏", unit="朱台镇")
    assert (town["latest"], town["months"], town["stale"]) == (
        "2024-05-06",
        {"2023-11": 1, "2024-02": 1, "2024-05": 1},
        False,
    )
    assert (row("政策文件", unit="朱台镇")["latest"], row("政策文件", unit="朱台镇")["stale"]) == ("2024-04-03", False)
    assert CrawlRun.objects.get().column_count == 9


def test_as_of_moves_the_judgement_and_unit_limits_the_crawl(xlsx_file, site, fgj, zhutai):
    UnitAliasFactory(unit=fgj, name="区发展改革局")
    call_command("import_columns", str(columns_file(xlsx_file, site)), stdout=io.StringIO())
    out = io.StringIO()
    call_command("crawl_columns", "--json", "--as-of", "2024-08-07", "--unit", "朱台镇", stdout=out)
    rows = json.loads(out.getvalue())
    assert [(r["column"], r["latest"], r["stale"]) for r in rows] == [
        ("政务公开保障机制专栏", "2024-05-06", True),  # older than 2024-05-07
        ("政策文件", "2024-04-03", False),
    ]
    assert Column.objects.count() == 9


def test_a_list_shown_in_a_frame_of_the_column_page(xlsx_file, site, fgj):
    path = xlsx_file(
        [["单位", "栏目名称", "网址", "更新要求"], ["区发改局", "政务公开保障机制", site.url("/frame/"), "每年"]]
    )
    call_command("import_columns", str(path), stdout=io.StringIO())
    out = io.StringIO()
    call_command("crawl_columns", "--json", "--as-of", "2025-04-10", stdout=out)
    (row,) = json.loads(out.getvalue())
    assert (row["latest"], row["months"], row["stale"], row["pages"]) == (
        "2024-04-10",
        {"2023-03": 1, "2023-11": 1, "2024-04": 1},
        False,
        2,
    )
