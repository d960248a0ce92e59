"""Every page of the URL × role matrix that a role may open, opened in Chromium as that role: no
console error (a script error, a resource that fails to load, a content-security-policy violation
such as an inline script or style) on any of them."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.web.test_url_matrix import build_world, matrix

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

DOWNLOADS = (".pdf", ".xlsx", ".docx", "/xlsx/", "/download/", "/file/", "format=xlsx", "/template/")
"""Addresses that hand out a file (checked by the tests of each export), not a page."""


def pages_for(world, role: str) -> list[str]:
    urls = []
    for name, cases in sorted(matrix().items()):
        for case in cases:
            url = reverse(name, kwargs=case.kwargs(world)) + case.query
            if case.expected(role) == 200 and not any(mark in url for mark in DOWNLOADS):
                urls.append(url)
    return urls


def log_in(context, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    cookie = client.cookies["sessionid"]
    context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])


@pytest.mark.parametrize("role", ["anonymous", "unit_user", "office_staff", "office_admin"])
def test_every_page_opens_without_a_console_error(browser, live_server, role):
    world = build_world()
    context = browser.new_context(base_url=live_server.url, locale="zh-CN")
    if role != "anonymous":
        log_in(context, live_server, getattr(world, role))
    page = context.new_page()
    errors: list[str] = []
    current = {"url": ""}
    page.on("console", lambda m: m.type == "error" and errors.append(f"{current['url']}: {m.text}"))
    page.on("pageerror", lambda e: errors.append(f"{current['url']}: {e}"))
    urls = pages_for(world, role)
    assert urls or role == "anonymous"
    opened = []
    for url in urls:
        current["url"] = url
        response = page.goto(url)
        opened.append((url, response.status if response else None))
        page.wait_for_load_state("load")
    context.close()
    assert [item for item in opened if item[1] != 200] == []
    assert errors == []
