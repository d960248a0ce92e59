"""Held out: a site written apart from the crawler, in the markup units' CMSs publish, read through
``import_columns`` and ``crawl_columns --json --as-of``.

``heldout_site/`` has thirteen columns of five units: TRS WCM pages with a ``createPageHTML(…)`` pager
(the classic four-argument call over three pages, and the six-argument call with the element id and
the record count), 大汉 JCMS pages (records in the ``<datastore>`` script, and a rendered
``default_pgContainer``), a town's table listing with 成文日期 beside 发布日期 and 下一页 links with a
query string, an old GBK site (dates as 2024年04月30日, a layout table, a 下一页 that is an absolute
link, a pager pointing at its own page), a div template with 2024/02/29 dates on a second host without
robots.txt, a dead link, a path robots.txt disallows and a column with no items. Every page has the
distractors of real pages: 今天是… headers, breadcrumbs, left navigation, 热点 sidebars with newer dates,
footers with 网站标识码, 备案号 and ©2024, and titles that name other dates.

The expected values were worked out by hand from the pages, for three as-of dates chosen at the
edges: 2024-05-06 (an item of 2024-04-06 is exactly one month old), 2024-03-31 (one month back is
29 February) and 2024-05-31 (three months back is 29 February, one month back is 30 April).
"""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command
from openpyxl import Workbook

from monitoring.models import Column

from .heldout_server import HeldOutSite

pytestmark = pytest.mark.django_db

NOT_FOUND = "栏目页面不存在（HTTP 404），请核对网址。"
ROBOTS = "网站的robots.txt不允许读取该页面。"
NO_ITEMS = "页面中没有识别出带日期的信息条目，请核对网址，或为该栏目设置CSS选择器。"

# (单位 as the clerk wrote it, 栏目名称, path, 更新要求, 备注)
SHEET = [
    ("发改局", "政策文件", "{o}/fgj/zfxxgk/zcwj/", "每季度", ""),
    ("发改局", "政策解读", "{o}/fgj/zfxxgk/zcjd/index.shtml", "每月", ""),
    ("卫健委", "政策文件", "{o}/col/col3601/index.html", "每月", "大汉系统"),
    ("卫健委", "政府信息公开年报", "{o}/col/col3605/index.html", "每年", ""),
    ("卫健委", "部门职责任务清单", "{o}/col/col3610/index.html", "每年", ""),
    ("朱台镇", "政策文件", "{o}/ztz/list.jsp?columnId=112", "每季度", ""),
    ("朱台镇", "政务公开保障机制", "{o}/ztz/gkbz/", "长期", ""),
    ("临淄医保分局", "通知公告", "{o}/ybj/tzgg/index.html", "每月", ""),
    ("临淄医保分局", "政策法规", "{o}/ybj/zcfg/index.html", "每月", ""),
    ("文旅局", "政策文件", "{o}/wlj/zcwj/", "每季度", "网址待核实"),
    ("文旅局", "部门职责任务清单", "{o}/wlj/zrqd/", "每年", ""),
    ("文旅局", "政策解读", "{l}/wlj/zcjd/", "每季度", "新网站"),
    ("文旅局", "政务公开保障机制", "{o}/wlj/bzjz/", "每年", ""),
]

UNITS = {
    "发改局": "区发改局",
    "卫健委": "区卫健局",
    "朱台镇": "朱台镇",
    "临淄医保分局": "临淄医疗保障分局",
    "文旅局": "区文旅局",
}

# (unit, column) -> latest, months, error, pages
READ = {
    ("区发改局", "政策文件"): (
        "2024-04-20",
        {
            "2024-04": 2,
            "2024-03": 2,
            "2024-02": 2,
            "2024-01": 2,
            "2023-12": 2,
            "2023-11": 1,
            "2023-10": 1,
            "2023-08": 1,
            "2023-06": 1,
        },
        None,
        3,
    ),
    ("区发改局", "政策解读"): (
        "2024-04-06",
        {"2024-04": 1, "2024-03": 2, "2024-01": 1, "2023-12": 1, "2023-11": 1, "2023-09": 1},
        None,
        2,
    ),
    ("区卫健局", "政策文件"): (
        "2024-02-29",
        {"2024-02": 2, "2024-01": 2, "2023-12": 1, "2023-11": 1, "2023-10": 1, "2023-09": 1},
        None,
        1,
    ),
    ("区卫健局", "政府信息公开年报"): (
        "2024-01-25",
        {"2024-01": 1, "2023-01": 1, "2022-01": 1, "2021-01": 1, "2020-01": 1},
        None,
        1,
    ),
    ("区卫健局", "部门职责任务清单"): ("2023-05-05", {"2023-05": 1, "2022-04": 1}, None, 1),
    ("朱台镇", "政策文件"): (
        "2024-02-07",
        {"2024-02": 1, "2024-01": 1, "2023-12": 1, "2023-11": 1, "2023-10": 1, "2023-06": 1, "2023-03": 1},
        None,
        2,
    ),
    ("朱台镇", "政务公开保障机制"): ("2022-03-15", {"2022-03": 1, "2021-06": 1, "2020-12": 1}, None, 1),
    ("临淄医疗保障分局", "通知公告"): (
        "2024-04-30",
        {
            "2024-04": 3,
            "2024-03": 2,
            "2024-02": 2,
            "2024-01": 1,
            "2023-12": 2,
            "2023-11": 1,
            "2023-10": 1,
            "2023-05": 1,
        },
        None,
        3,
    ),
    ("临淄医疗保障分局", "政策法规"): ("2024-02-28", {"2024-02": 1, "2024-01": 1, "2023-11": 1}, None, 1),
    ("区文旅局", "政策文件"): (None, {}, NOT_FOUND, 0),
    ("区文旅局", "部门职责任务清单"): (None, {}, ROBOTS, 0),
    ("区文旅局", "政策解读"): ("2024-02-29", {"2024-02": 1, "2023-12": 1, "2023-10": 1, "2023-07": 1}, None, 1),
    ("区文旅局", "政务公开保障机制"): (None, {}, NO_ITEMS, 1),
}

# The stale columns for each as-of date (every other column is not stale).
STALE = {
    # 每月 back to 04-06, 每季度 to 02-06, 每年 to 2023-05-06.
    "2024-05-06": {("区卫健局", "政策文件"), ("区卫健局", "部门职责任务清单"), ("临淄医疗保障分局", "政策法规")},
    # 每月 back to 02-29, 每季度 to 2023-12-31, 每年 to 2023-03-31.
    "2024-03-31": {("临淄医疗保障分局", "政策法规")},
    # 每月 back to 04-30, 每季度 to 02-29, 每年 to 2023-05-31.
    "2024-05-31": {
        ("区发改局", "政策解读"),
        ("区卫健局", "政策文件"),
        ("区卫健局", "部门职责任务清单"),
        ("朱台镇", "政策文件"),
        ("临淄医疗保障分局", "政策法规"),
    },
}


@pytest.fixture(scope="module")
def heldout():
    with HeldOutSite() as running:
        yield running


@pytest.fixture(autouse=True)
def patient_timeout(settings):
    settings.MONITORING_TIMEOUT = 10


def url_of(row, site: HeldOutSite) -> str:
    return row[2].format(o=site.origin, l=site.local)


def columns_sheet(path, site: HeldOutSite):
    """The sheet as a clerk keeps it: a title row, 序号, short names and aliases, a 备注 column."""
    book = Workbook()
    sheet = book.active
    sheet.title = "栏目清单"
    sheet.append(["临淄区政府信息公开栏目监测清单（2024年5月）"])
    sheet.merge_cells("A1:F1")
    sheet.append(["序号", "单位", "栏目名称", "网址", "更新要求", "备注"])
    for number, row in enumerate(SHEET, start=1):
        sheet.append([number, row[0], row[1], url_of(row, site), row[3], row[4] or None])
    book.save(path)
    return path


def expected(site: HeldOutSite, as_of: str) -> dict:
    rows = {}
    for row in SHEET:
        key = (UNITS[row[0]], row[1])
        latest, months, error, pages = READ[key]
        rows[key] = {
            "unit": key[0],
            "column": key[1],
            "url": url_of(row, site),
            "latest": latest,
            "months": months,
            "stale": key in STALE[as_of],
            "error": error,
            "pages": pages,
        }
    return rows


def crawl(as_of: str) -> list[dict]:
    out = io.StringIO()
    call_command("crawl_columns", "--json", "--as-of", as_of, stdout=out)
    return json.loads(out.getvalue())


@pytest.fixture
def imported(heldout, tmp_path):
    call_command("load_units", stdout=io.StringIO())
    out = io.StringIO()
    call_command("import_columns", str(columns_sheet(tmp_path / "栏目.xlsx", heldout)), stdout=out)
    return out.getvalue()


def test_the_sheet_imports_every_column_to_its_unit(imported):
    got = sorted(Column.objects.values_list("unit__name", "name", "requirement"))
    assert got == sorted((UNITS[row[0]], row[1], row[3]) for row in SHEET)


@pytest.mark.parametrize("as_of", ["2024-05-06", "2024-03-31", "2024-05-31"])
def test_every_column_reads_exactly_as_worked_out_by_hand(imported, heldout, as_of):
    rows = crawl(as_of)
    got = {(row["unit"], row["column"]): row for row in rows}
    assert len(rows) == len(got) == len(SHEET)
    want = expected(heldout, as_of)
    for key in want:
        assert got[key] == want[key], key


def test_the_crawl_keeps_to_robots_txt_and_says_who_it_is(imported, heldout, settings):
    heldout.requests.clear()
    crawl("2024-05-06")
    paths = [path for _host, path, _agent in heldout.requests]
    assert not [path for path in paths if path.startswith("/wlj/zrqd/")]
    assert {agent for _host, _path, agent in heldout.requests} == {settings.MONITORING_USER_AGENT}
    assert sorted(host.split(":")[0] for host, path, _agent in heldout.requests if path == "/robots.txt") == [
        "127.0.0.1",
        "localhost",
    ]


def test_the_summary_counts_every_column_without_an_item_as_an_error(imported):
    out = io.StringIO()
    call_command("crawl_columns", "--as-of", "2024-05-06", stdout=out)
    lines = out.getvalue().splitlines()
    assert "区文旅局 政务公开保障机制：最近更新—，" + NO_ITEMS in lines
    assert lines[-1] == "读取13个栏目：3个未按期更新，3个读取出错（判断日期2024年5月6日）。"
