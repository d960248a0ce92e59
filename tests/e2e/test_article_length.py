"""The article form in a browser: typing a count under 400 marks the article 不符合要求 for
字数不足400字 on the spot (as the server will), a count of 400 or more lifts that mark."""

import pytest

from submissions.models import Article
from tests.e2e.test_workflow import login
from units.models import User
from units.services import account_create, units_sync_from_csv

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_short_count_marks_the_article_as_it_is_typed(page):
    units_sync_from_csv()
    account_create(username="staff", password="staff-pass-2025", role=User.Role.OFFICE_STAFF, display_name="王五")
    login(page, "staff", "staff-pass-2025")
    page.goto("/data/articles/add/")

    page.get_by_label("单位").select_option(label="区人社局")
    page.get_by_label("标题").fill("就业服务进社区")
    page.get_by_label("收稿日期").fill("2024-10-08")
    count = page.get_by_label("字数")
    failing = page.get_by_label("不符合要求")
    reason = page.get_by_label("不符合原因")

    count.fill("399")
    assert failing.is_checked()
    assert reason.input_value() == "字数不足400字"
    assert page.locator("[data-length-status]").inner_text() == "不足400字，将登记为“不符合要求”。"

    count.fill("400")
    assert page.get_by_label("符合要求", exact=True).is_checked()
    assert reason.input_value() == ""
    assert page.locator("[data-length-status]").inner_text() == ""

    # A reason of the clerk's own is kept.
    reason.fill("转载他人稿件")
    count.fill("120")
    assert failing.is_checked()
    assert reason.input_value() == "转载他人稿件"

    page.get_by_role("button", name="保存", exact=True).click()
    page.wait_for_url("**/data/articles/?*")
    article = Article.objects.get()
    assert (article.char_count, article.is_compliant, article.non_compliance_reason) == (120, False, "转载他人稿件")
