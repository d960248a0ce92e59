"""On paper: the score tables, the unit page and the notice draft print without menus, filters and
buttons, table headers repeated on every page (static/css/print.css, linked from every page); the
notice draft prints as the notice reads, not as its form."""

import datetime
import re
from pathlib import Path

import pytest
from django.conf import settings

from reports.models import Notice
from tests.factories import NoticeFactory, UnitFactory, UserFactory
from units.models import User

pytestmark = pytest.mark.django_db

PRINT_CSS = Path(settings.BASE_DIR) / "static" / "css" / "print.css"
LINK = '<link rel="stylesheet" href="/static/css/print.css">'


def print_rules() -> str:
    css = PRINT_CSS.read_text(encoding="utf-8")
    start = css.index("@media print {")
    return css[start:]


def hidden_selectors() -> set[str]:
    """The selectors of the print block's rule that hides things."""
    rules = re.sub(r"/\*.*?\*/", "", print_rules(), flags=re.S)
    rule = re.search(r"([^{}]+)\{\s*display:\s*none !important;\s*\}", rules)
    return {s.strip() for s in rule.group(1).split(",")}


def test_the_print_rules_hide_menus_filters_and_buttons_and_repeat_table_headers():
    assert {
        "header.topbar",
        "nav",
        "footer",
        "form.toolbar",
        "form.filters",
        ".filters",
        "button",
        "a.button",
        "ul.pagination",
        ".pager > a",
        ".messages",
    } <= hidden_selectors()
    rules = print_rules()
    assert "thead { display: table-header-group; }" in rules
    assert "tr, img, svg { break-inside: avoid; page-break-inside: avoid; }" in rules
    assert ".print-only { display: block; }" in rules
    assert "main:has(.print-version) > :not(.print-version) { display: none !important; }" in rules
    # On screen the print version stays out of sight.
    css = PRINT_CSS.read_text(encoding="utf-8")
    assert css.index(".print-only { display: none; }") < css.index("@media print {")


@pytest.fixture
def unit_user(db):
    unit = UnitFactory(name="区人社局", sort_order=1)
    return UserFactory(username="renshe", role=User.Role.UNIT_USER, unit=unit)


def test_the_score_table_links_the_print_rules_and_its_filters_are_hidden(staff_client, unit_user):
    html = staff_client.get("/scores/2024/q4/").content.decode()

    assert LINK in html
    assert '<form method="get" class="toolbar">' in html  # the filters, hidden on paper


def test_the_unit_page_links_the_print_rules(client, unit_user):
    client.force_login(unit_user)

    html = client.get(f"/scores/2024/q4/units/{unit_user.unit_id}/").content.decode()

    assert LINK in html
    assert '<div class="pager">' in html  # previous / next quarter, hidden on paper


def test_the_notice_draft_prints_as_the_notice_reads(staff_client):
    notice = NoticeFactory(
        doc_number="临政办字〔2025〕3号",
        title="临淄区人民政府办公室关于2024年第四季度全区政务公开工作情况的通报",
        addressee="各镇人民政府、街道办事处，区政府各部门：",
        basis="根据考核办法，现将有关情况通报如下：",
        overview="各单位认真落实。\n\n区人社局稿件被省级采用。",
        problems="",
        requirements="请于1月15日前整改。",
        attachments=[Notice.AttachmentKind.STATS_DEPARTMENTS, Notice.AttachmentKind.SUBMISSIONS],
        issue_date=datetime.date(2025, 1, 10),
    )

    html = staff_client.get(f"/reports/notices/{notice.pk}/").content.decode()

    assert LINK in html
    start = html.index('<article class="print-only print-version">')
    printed = html[start : html.index("</article>", start)]
    text = re.sub(r"\s*\n\s*", "", printed)
    assert re.findall(r"<(p|h1|h2)[^>]*>(.*?)</\1>", text) == [
        ("p", "草稿"),
        ("p", "临政办字〔2025〕3号"),
        ("h1", "临淄区人民政府办公室关于2024年第四季度全区政务公开工作情况的通报"),
        ("p", "各镇人民政府、街道办事处，区政府各部门："),
        ("p", "根据考核办法，现将有关情况通报如下："),
        ("h2", "一、总体情况"),
        ("p", "各单位认真落实。"),
        ("p", "区人社局稿件被省级采用。"),
        ("h2", "三、工作要求"),  # 二、主要问题 left empty: not printed
        ("p", "请于1月15日前整改。"),
        ("p", "附件：1. 各部门第四季度政务公开工作情况统计"),
        ("p", '<span class="indent">　　　</span>2. 各单位政务公开工作投稿情况'),
        ("p", "临淄区人民政府办公室"),
        ("p", "2025年1月10日"),
    ]
