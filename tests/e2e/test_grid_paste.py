"""The month grid in a browser, as a clerk used to Excel uses it: a block copied from a spreadsheet
is pasted into the cells below and to the right, each row's score and ``已填 x/68`` follow, and a
hardly plausible figure is saved only once confirmed."""

import pytest

from submissions.models import MonthlyArticleTally, MonthlyPublication
from tests.e2e.test_workflow import login
from units.models import Unit, User
from units.services import account_create, units_sync_from_csv

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def paste(page, label: str, text: str) -> None:
    """Copy ``text`` to the clipboard and paste it (Ctrl+V) into the cell labelled ``label``."""
    page.evaluate("text => navigator.clipboard.writeText(text)", text)
    page.get_by_label(label, exact=True).focus()
    page.keyboard.press("Control+V")


def test_a_block_from_excel_fills_the_grid_and_a_doubtful_figure_asks_first(page, shot):
    units_sync_from_csv()
    account_create(username="staff", password="staff-pass-2025", role=User.Role.OFFICE_STAFF, display_name="王五")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    login(page, "staff", "staff-pass-2025")
    page.goto("/data/grid/2024/10/")
    assert page.locator("[data-filled]").inner_text() == "已填 0/68"

    # Three rows of 发布数 and 投稿件数, as Excel and WPS copy them (tabs and line breaks).
    paste(page, "区发改局 发布数", "12\t1\r\n7\t0\r\n35\t2\r\n")

    assert page.get_by_label("区发改局 发布数", exact=True).input_value() == "12"
    assert page.get_by_label("区发改局 投稿件数", exact=True).input_value() == "1"
    assert page.get_by_label("区教体局 发布数", exact=True).input_value() == "7"
    assert page.get_by_label("区科技局 投稿件数", exact=True).input_value() == "2"
    assert page.get_by_label("区工信局 发布数", exact=True).input_value() == ""
    scores = [page.get_by_label(f"{name} 本月得分").inner_text() for name in ("区发改局", "区教体局", "区科技局")]
    assert scores == ["5", "3.5", "5"]  # 10 of 12 count; 7 × 0.5; 10 of 35 count
    assert page.locator("[data-filled]").inner_text() == "已填 3/68"
    assert page.locator("[data-paste-status]").inner_text() == "已粘贴6个单元格（发布数、投稿件数，3个单位），尚未保存，核对后请点“保存”。"

    # A whole column of 68 figures, from the first department to the last street, over the section rows.
    units = list(
        Unit.objects.filter(is_assessed=True).exclude(assessed_from__gt="2024-10-01").order_by("category", "sort_order")
    )
    assert len(units) == 68
    paste(page, "区发改局 发布数", "\n".join(str(i % 11) for i in range(68)) + "\n")
    assert page.locator("[data-filled]").inner_text() == "已填 68/68"
    assert page.get_by_label(f"{units[-1].name} 发布数", exact=True).input_value() == str(67 % 11)
    shot(page, "07-粘贴填报")

    # 99999 is far from anything a unit publishes: cancelling keeps the page, confirming saves.
    page.get_by_label("区人社局 发布数", exact=True).fill("99999")
    messages = []
    page.once("dialog", lambda dialog: (messages.append(dialog.message), dialog.dismiss()))
    page.get_by_role("button", name="保存").click()
    assert "区人社局 发布数 99999（远超常见数值）" in messages[0]
    assert MonthlyPublication.objects.count() == 0
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "区人社局 发布数"

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="保存").click()
    page.wait_for_url("**/data/grid/2024/10/")
    assert "已保存68行。" in page.locator(".messages").inner_text()
    assert MonthlyPublication.objects.get(unit__name="区人社局", month=10).count == 99999
    assert MonthlyPublication.objects.get(unit__name="区发改局", month=10).count == 0
    assert MonthlyArticleTally.objects.get(unit__name="区科技局", month=10).submitted == 2
