"""The line under 检查结果 when nothing is wrong says what was checked: a report with no figure yet is
not called consistent; the browser's live check says the same as the page."""

import re

from django.urls import reverse

from .seed import seed_2024
from .test_pages import post_data

BLANK = "表格尚未填写，填写后在此显示检查结果。"
CHECKED = "已填写的数字勾稽关系相符，文字与表格一致。"


def summary(html: str) -> str:
    return re.search(r"<p class=\"hint\" data-problems-empty[^>]*>([^<]*)</p>", html).group(1)


def test_a_blank_report_is_not_called_consistent(client, renshe_user, year_2024, renshe):
    client.force_login(renshe_user)
    url = reverse("annual_reports:report", args=[year_2024.year, renshe.pk])
    html = client.get(url).content.decode()
    assert summary(html) == BLANK
    assert f'data-blank-text="{BLANK}" data-checked-text="{CHECKED}"' in html

    assert client.post(url, post_data(seed_2024())).status_code == 302
    assert summary(client.get(url).content.decode()) == CHECKED
