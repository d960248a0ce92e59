"""The notice page is one form: 保存草稿 keeps the 更正说明 typed below it, and an 印发 that is
refused (unsaved draft, missing confirmation) shows the page again with everything typed."""

import re

import pytest

from reports.models import IssuedNotice
from reports.services import notice_issue
from tests.factories import NoticeFactory

pytestmark = pytest.mark.django_db


def shown(html: str) -> dict[str, str]:
    fields = {m.group(1): m.group(2) for m in re.finditer(r'<textarea name="([^"]+)"[^>]*>\n?([^<]*)</textarea>', html)}
    fields["confirm_incomplete"] = (
        "checked" if re.search(r'<input type="checkbox" name="confirm_incomplete"[^>]*checked', html) else ""
    )
    return fields


def draft_data(client, notice) -> dict:
    form = client.get(f"/reports/notices/{notice.pk}/").context["form"]
    data = {}
    for name, field in form.fields.items():
        value = form[name].value()
        data[name] = (
            value if isinstance(value, list) else ("" if value is None else field.widget.format_value(value) or "")
        )
    return data


@pytest.fixture
def reissuable(staff):
    notice = NoticeFactory(attachments=[])
    notice_issue(notice=notice, acting_user=staff, confirm_incomplete=True)
    return notice


def test_the_correction_note_typed_before_saving_the_draft_is_kept(client, staff, reissuable):
    client.force_login(staff)
    data = draft_data(client, reissuable) | {
        "overview": "更正后的总体情况。",
        "correction_note": "更正了总体情况的数字。",
        "confirm_incomplete": "on",
    }

    response = client.post(f"/reports/notices/{reissuable.pk}/", data, follow=True)

    html = response.content.decode()
    assert "草稿已保存。" in html
    assert shown(html)["correction_note"] == "更正了总体情况的数字。"
    assert shown(html)["overview"] == "更正后的总体情况。"
    # Once: opening the page later starts empty again.
    assert shown(client.get(f"/reports/notices/{reissuable.pk}/").content.decode())["correction_note"] == ""


def test_issuing_with_unsaved_draft_edits_is_refused_keeping_everything(client, staff, reissuable):
    client.force_login(staff)
    data = draft_data(client, reissuable) | {"overview": "还没保存的修改。", "correction_note": "更正说明。"}

    response = client.post(f"/reports/notices/{reissuable.pk}/issue/", data)

    html = response.content.decode()
    assert response.status_code == 200
    assert "草稿有未保存的修改。请先点“保存草稿”，再印发。" in html
    assert (shown(html)["overview"], shown(html)["correction_note"]) == ("还没保存的修改。", "更正说明。")
    assert IssuedNotice.objects.count() == 1


def test_a_refused_reissue_keeps_the_page_as_typed(client, staff, reissuable):
    client.force_login(staff)
    data = draft_data(client, reissuable) | {"correction_note": "   "}

    html = client.post(f"/reports/notices/{reissuable.pk}/issue/", data).content.decode()

    assert "更正说明" in html and IssuedNotice.objects.count() == 1
    assert "error" in html


def test_the_page_as_loaded_is_not_an_unsaved_edit(client, staff, django_capture_on_commit_callbacks):
    notice = NoticeFactory(attachments=["findings", "stats_town"])
    client.force_login(staff)
    data = draft_data(client, notice) | {"confirm_incomplete": "on"}

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/reports/notices/{notice.pk}/issue/", data)

    assert response.status_code == 302
    assert IssuedNotice.objects.count() == 1


def test_the_page_shown_by_a_refused_issue_saves_the_draft_to_the_notice_page(client, staff, reissuable):
    client.force_login(staff)
    data = draft_data(client, reissuable) | {"correction_note": ""}

    html = client.post(f"/reports/notices/{reissuable.pk}/issue/", data).content.decode()

    assert "重新印发（更正）须说明更正内容。" in html
    # Shown at the issue's address, 保存草稿 still posts to the notice (never to 印发).
    assert (
        f'<form method="post" action="/reports/notices/{reissuable.pk}/" class="notice-form" id="notice-form"' in html
    )


def test_issuing_a_saved_draft_with_paragraphs_on_several_lines(client, staff, django_capture_on_commit_callbacks):
    """The browser posts a textarea's line breaks as \\r\\n, the draft stores \\n: every draft with a
    paragraph on two lines was refused at 印发 as having unsaved edits."""
    notice = NoticeFactory(attachments=[])
    client.force_login(staff)
    lines = "请各单位高度重视。\r\n请于1月15日前整改到位。"
    client.post(f"/reports/notices/{notice.pk}/", draft_data(client, notice) | {"requirements": lines})
    data = draft_data(client, notice) | {"requirements": lines, "confirm_incomplete": "on"}

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/reports/notices/{notice.pk}/issue/", data, follow=True)

    assert "草稿有未保存的修改" not in response.content.decode()
    assert IssuedNotice.objects.get().notice == notice
