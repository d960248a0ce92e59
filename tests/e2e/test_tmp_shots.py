import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_shots(page, shot):
    call_command("load_demo")
    page.goto("/accounts/login/")
    page.get_by_label("用户名").fill("staff")
    page.get_by_label("密码").fill("linzi-staff-2025")
    page.get_by_role("button", name="登录").click()
    for url, name in [("/annual/", "t-index"), ("/annual/2024/", "t-year"), ("/annual/2024/district/", "t-district"), ("/annual/2020/assessment/", "t-assess"), ("/annual/2024/assessment/", "t-assess24")]:
        page.goto(url)
        page.set_viewport_size({"width": 1366, "height": 900})
        page.screenshot(path=f"/tmp/{name}.png", full_page=False)
    page.goto("/annual/2024/")
    page.get_by_role("link", name="区政府办公室").click()
    page.screenshot(path="/tmp/t-office.png", full_page=False)
    page.locator("section.review").first.scroll_into_view_if_needed()
    page.screenshot(path="/tmp/t-office-review.png", full_page=False)
    page.locator("table.annual-grid").nth(1).scroll_into_view_if_needed()
    page.screenshot(path="/tmp/t-office-grid.png", full_page=False)
