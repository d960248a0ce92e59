"""The monitoring pages: the office's lists in a constant number of queries, a unit's own columns
with the checklist and chart, the warning on the unit's home page, a crawl asked for on a page."""

import datetime

import pytest
from django.urls import reverse

from core.models import Job
from monitoring.models import Column, ColumnReading, CrawlRun
from tests.factories import UnitFactory
from units.models import Unit

pytestmark = pytest.mark.django_db
D = datetime.date


def add_units(count: int, start: int = 0):
    run = CrawlRun.objects.create(trigger=CrawlRun.Trigger.COMMAND, as_of=D(2024, 7, 1))
    for i in range(start, start + count):
        unit = UnitFactory(name=f"区单位{i}", sort_order=100 + i)
        for name, latest, stale in (("政策文件", D(2024, 1, 5), True), ("政策解读", D(2024, 6, 5), False)):
            column = Column.objects.create(
                unit=unit, name=name, url=f"http://127.0.0.1:9/{i}/{name}/", requirement="每季度"
            )
            ColumnReading.objects.create(
                run=run, column=column, url=column.url, latest=latest, months={"2024-06": 2}, stale=stale
            )


@pytest.mark.parametrize("name", ["monitoring:columns", "monitoring:crawls"])
def test_office_lists_take_the_same_queries_for_more_units(staff_client, django_assert_max_num_queries, name):
    add_units(3)
    with django_assert_max_num_queries(8):
        first = staff_client.get(reverse(name))
    add_units(12, start=3)
    with django_assert_max_num_queries(8):
        more = staff_client.get(reverse(name))
    assert first.status_code == more.status_code == 200
    assert more.content.decode().count("区单位") >= 15


def test_stale_columns_come_first(staff_client):
    add_units(2)
    rows = staff_client.get(reverse("monitoring:columns")).context["states"]
    assert [(s.column.unit.name, s.column.name, s.stale) for s in rows] == [
        ("区单位0", "政策文件", True),
        ("区单位1", "政策文件", True),
        ("区单位0", "政策解读", False),
        ("区单位1", "政策解读", False),
    ]


def test_a_column_read_without_any_item_is_an_error_not_on_schedule(staff_client):
    """The page opened (one page read) but nothing on it was recognised: 读取出错, before the fresh."""
    add_units(1)
    column = Column.objects.create(
        unit=Unit.objects.get(name="区单位0"),
        name="政务公开保障机制",
        url="http://127.0.0.1:9/0/bz/",
        requirement="每年",
    )
    run = CrawlRun.objects.get()
    no_items = "页面中没有识别出带日期的信息条目，请核对网址，或为该栏目设置CSS选择器。"
    ColumnReading.objects.create(run=run, column=column, url=column.url, pages=1, error=no_items)
    response = staff_client.get(reverse("monitoring:columns"))
    assert [s.column.name for s in response.context["states"]] == ["政策文件", "政务公开保障机制", "政策解读"]
    row = response.content.decode().split("政务公开保障机制")[1].split("</tr>")[0]
    assert '<strong class="error">读取出错</strong>' in row and "按期更新" not in row
    assert "共3个栏目，1个未按期更新，1个读取出错（" in response.content.decode()


UNIT_HINT = (
    "栏目由区政府办公室登记和修改。本单位有未登记的法定栏目，或栏目名称、网址、更新要求有误的，请告知区政府办公室。"
)


def test_a_unit_sees_its_columns_the_checklist_the_chart_and_the_warning(client, fgj_user, fgj):
    run = CrawlRun.objects.create(trigger=CrawlRun.Trigger.COMMAND, as_of=D(2024, 7, 1))
    column = Column.objects.create(
        unit=fgj, name="政务公开保障机制专栏", url="http://127.0.0.1:9/x/", requirement="每年"
    )
    ColumnReading.objects.create(
        run=run, column=column, url=column.url, latest=D(2023, 5, 6), months={"2023-05": 1}, stale=True
    )
    client.force_login(fgj_user)
    page = client.get(reverse("monitoring:unit", args=[fgj.pk]))
    missing = [line.statutory.name for line in page.context["checklist"] if not line.registered]
    assert missing == [
        "政策文件",
        "政策解读",
        "部门职责任务清单",
        "部门职责边界清单",
        "基层政务公开标准化目录",
        "政府信息公开指南",
        "政府信息公开年报",
    ]
    assert "<svg" in page.content.decode() and "添加栏目" not in page.content.decode()
    assert UNIT_HINT in page.content.decode()
    home = client.get(reverse("home"), follow=True).content.decode()
    assert "本单位有1个栏目未按期更新" in home
    assert "政务公开保障机制专栏：最近更新为2023年5月6日（更新要求每年）" in home


def test_towns_have_no_department_lists_in_their_checklist(staff_client, zhutai):
    page = staff_client.get(reverse("monitoring:unit", args=[zhutai.pk]))
    assert UNIT_HINT not in page.content.decode()  # the office adds the columns itself
    assert zhutai.category == Unit.Category.TOWN
    assert "部门职责任务清单" not in [line.statutory.name for line in page.context["checklist"]]


def test_a_crawl_asked_for_on_a_page_is_a_background_job(staff_client, site, fgj, django_capture_on_commit_callbacks):
    Column.objects.create(unit=fgj, name="政策文件", url=site.url("/fgj/zcwj/"), requirement="每季度")
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(reverse("monitoring:crawl"), {"unit": fgj.pk})
    job = Job.objects.get()
    assert response.url == reverse("core:job", args=[job.pk])  # its progress (run once the request commits)
    assert (job.kind, job.label, job.status) == ("monitoring_crawl", "栏目更新监测：区发改局", "done")
    assert job.message.startswith("读取1个栏目：")
    assert CrawlRun.objects.get().trigger == CrawlRun.Trigger.PAGE


def test_a_running_crawl_does_not_promise_a_download(staff_client, staff, fgj):
    """The crawl's page said “正在后台生成，完成后会自动下载”: a crawl makes no file."""
    job = Job.objects.create(
        kind="monitoring_crawl", label="栏目更新监测：区发改局", params={"unit": fgj.pk}, requested_by=staff
    )

    html = staff_client.get(reverse("core:job", args=[job.pk])).content.decode()

    assert "正在后台读取栏目页面，读完后本页显示结果（无需停留在本页，稍后可在“后台任务”中找到）。" in html
    assert "下载" not in html.split("<main")[1]


def test_the_office_list_links_the_units_without_any_column(staff_client, fgj, zhutai):
    """The first column of a unit could only be added by typing the unit page's address."""
    Column.objects.create(unit=zhutai, name="政策文件", url="http://127.0.0.1:9/zt/", requirement="每季度")
    UnitFactory(name="区档案馆", is_assessed=False)

    html = staff_client.get(reverse("monitoring:columns")).content.decode()

    link = f'<a href="{reverse("monitoring:unit", args=[fgj.pk])}">区发改局</a>'
    assert f"尚未登记栏目的单位（1个，点单位名称添加栏目）：{link}。" in html


def test_adding_a_column_in_the_browser(staff_client, fgj):
    response = staff_client.post(
        reverse("monitoring:column_add", args=[fgj.pk]),
        {
            "name": "政策文件",
            "url": "http://www.linzi.gov.cn/fgj/zcwj/",
            "requirement": "每季度",
            "counts_publications": "on",
        },
    )
    assert response.status_code == 302
    again = staff_client.post(
        reverse("monitoring:column_add", args=[fgj.pk]),
        {"name": "政策文件", "url": "http://www.linzi.gov.cn/x/", "requirement": "每月", "selector": "ul["},
    )
    errors = again.context["form"].errors
    assert errors["selector"][0].startswith("CSS选择器“ul[”无法识别")
    bare = staff_client.post(
        reverse("monitoring:column_add", args=[fgj.pk]),
        {"name": "政策解读", "url": "www.linzi.gov.cn/fgj/zcjd/", "requirement": "每季度"},
    )
    # As the columns import says it: the scheme is never guessed (many sites answer only http://).
    assert bare.context["form"].errors["url"] == [
        "“www.linzi.gov.cn/fgj/zcjd/”不是有效的网址，应以http://或https://开头"
    ]
    assert 'value="www.linzi.gov.cn/fgj/zcjd/"' in bare.content.decode()
    assert Column.objects.get().history.get().history_user.username == "zhangsan"


def test_a_column_page_lists_what_each_page_read_with_dates_as_the_office_writes_them(staff_client, zhutai):
    from monitoring.models import PageSnapshot

    run = CrawlRun.objects.create(trigger=CrawlRun.Trigger.COMMAND, as_of=D(2024, 5, 6))
    column = Column.objects.create(unit=zhutai, name="政策文件", url="http://127.0.0.1:9/ztz/", requirement="每季度")
    reading = ColumnReading.objects.create(run=run, column=column, url=column.url, latest=D(2024, 2, 7), pages=1)
    item = {
        "title": "关于印发《朱台镇2024年安全生产工作要点》的通知",
        "url": "http://127.0.0.1:9/ztz/1.html",
        "date": "2024-02-07",
    }
    PageSnapshot.objects.create(reading=reading, number=1, url=column.url, status=200, items=[item])
    page = staff_client.get(reverse("monitoring:column", args=[column.pk])).content.decode()
    assert '<td class="when">2024年2月7日</td><td><a href="http://127.0.0.1:9/ztz/1.html"' in page
    assert "2024-02-07" not in page
