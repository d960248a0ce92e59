"""The notice page drops the 草稿 label once the notice is issued (its heading, the print mark and
the list); an edit after the issue is a 更正稿 until it is issued again."""

import datetime

import pytest

from reports.services import notice_draft_create, notice_draft_update, notice_issue

pytestmark = pytest.mark.django_db


def test_the_notice_page_drops_the_draft_label_once_issued(client, staff, quarter_data):
    notice = notice_draft_create(year=2024, quarter=4, acting_user=staff, issue_date=datetime.date(2025, 1, 10))
    client.force_login(staff)
    draft = client.get(f"/reports/notices/{notice.pk}/").content.decode()
    assert '<h2 class="notice-state">草稿</h2>' in draft and '<p class="draft-mark">草稿</p>' in draft

    notice_issue(notice=notice, acting_user=staff)

    issued = client.get(f"/reports/notices/{notice.pk}/").content.decode()
    assert '<h2 class="notice-state">已印发（第1版）</h2>' in issued
    assert '<h2 class="notice-state">草稿</h2>' not in issued
    assert "draft-mark" not in issued  # the printed page carries no 草稿 mark either
    listed = client.get("/reports/notices/").content.decode()
    assert ">查看、更正</a>" in listed and "编辑草稿" not in listed

    notice_draft_update(notice=notice, acting_user=staff, overview="更正后的总体情况。")
    edited = client.get(f"/reports/notices/{notice.pk}/").content.decode()
    assert '<h2 class="notice-state">更正稿（未印发，已印发第1版）</h2>' in edited
    assert '<p class="draft-mark">更正稿（未印发）</p>' in edited
