"""In the browser, 印发 refuses to issue while the draft has unsaved edits."""

import datetime

import pytest

from reports.models import IssuedNotice, Notice
from units.models import User
from units.services import account_create

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_issue_is_refused_while_the_draft_has_unsaved_edits(page, shot):
    account_create(username="staff", password="staff-pass-2025", role=User.Role.OFFICE_STAFF)
    notice = Notice.objects.create(
        year=2024,
        quarter=4,
        title="临淄区人民政府办公室关于2024年第四季度全区政务公开工作情况的通报",
        addressee="各单位：",
        basis="依据。",
        overview="总体情况。",
        problems="一是问题。",
        requirements="请于1月15日前整改。",
        attachments=[],
        signature="临淄区人民政府办公室",
        issue_date=datetime.date(2025, 1, 10),
    )
    page.goto("/accounts/login/")
    page.get_by_label("用户名").fill("staff")
    page.get_by_label("密码").fill("staff-pass-2025")
    page.get_by_role("button", name="登录").click()
    page.goto(f"/reports/notices/{notice.pk}/")
    page.locator("#id_requirements").fill("请于1月20日前整改。")
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.accept()))

    page.get_by_role("button", name="印发", exact=True).click()

    assert dialogs == ["草稿有未保存的修改。请先点“保存草稿”，再印发。"]
    assert not IssuedNotice.objects.exists()
    page.get_by_role("button", name="保存草稿").click()
    page.wait_for_selector("text=草稿已保存。")
    page.get_by_role("button", name="印发", exact=True).click()
    # Issuing is a background job: done within a moment, back on the notice with the outcome (else
    # its page shows the progress, then the outcome).
    page.wait_for_selector("text=通报已印发", timeout=60_000)
    assert dialogs[-1].startswith("印发后，通报的文字和数字即成为正式记录")
    assert IssuedNotice.objects.get().snapshot["requirements"] == "请于1月20日前整改。"
    shot(page, "07-季度通报")
