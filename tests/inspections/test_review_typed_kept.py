"""The review of a unit's answer is one form: 验收通过 and 退回整改 post both 验收意见 and 退回原因, and
a refused one shows the page again with both as typed (beside it, if the finding was reviewed
meanwhile and the form is gone)."""

import re

import pytest
from django.urls import reverse

from inspections.models import Finding
from inspections.services import finding_return

from .helpers import finding, submitted

pytestmark = pytest.mark.django_db


@pytest.fixture
def office(client, staff):
    client.force_login(staff)
    return client


@pytest.fixture
def answered(q4, renshe, renshe_user):
    return submitted(finding(q4, renshe, "已答复"), renshe_user)


def boxes(html: str) -> tuple[str, str]:
    note = re.search(r'<input type="text" name="note"[^>]*?(?: value="([^"]*)")?[^>]*>', html)
    reason = re.search(r'<textarea name="reason"[^>]*>\n?(.*?)</textarea>', html, re.S)
    return (note.group(1) or "", reason.group(1))


def test_both_buttons_belong_to_one_form(office, answered):
    html = office.get(reverse("inspections:finding_detail", args=[answered.pk])).content.decode()
    assert html.count('<form method="post" action="' + reverse("inspections:finding_return", args=[answered.pk])) == 1
    assert f'formaction="{reverse("inspections:finding_accept", args=[answered.pk])}"' in html


def test_a_refused_return_keeps_the_accept_note_typed(office, answered):
    response = office.post(
        reverse("inspections:finding_return", args=[answered.pk]), {"note": "材料齐全", "reason": "   "}
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "退回时必须填写退回原因。" in html
    assert boxes(html) == ("材料齐全", "   ")


def test_an_accept_refused_because_a_colleague_returned_it_shows_what_was_typed(office, answered, staff):
    finding_return(finding=answered, acting_user=staff, reason="截图不清晰")

    response = office.post(
        reverse("inspections:finding_accept", args=[answered.pk]), {"note": "材料齐全", "reason": "再补截图"}
    )

    html = response.content.decode()
    assert "当前状态为“待整改”，不能改为“已验收”。" in html
    assert re.findall(r"<p>(验收意见|退回原因)：<span data-typed>(.*?)</span></p>", html) == [
        ("验收意见", "材料齐全"),
        ("退回原因", "再补截图"),
    ]
    answered.refresh_from_db()
    assert answered.status == Finding.Status.PENDING
