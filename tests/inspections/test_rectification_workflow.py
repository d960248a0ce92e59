"""The rectification workflow: 待整改 → 已提交整改 → 已验收, or 退回 to 待整改; every answer and move kept."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from inspections.models import FINDING_TRANSITIONS, Finding, FindingTransition, RectificationResponse
from inspections.services import finding_accept, finding_return, rectification_submit

from .helpers import accepted, finding, returned, submitted

S = Finding.Status


def moves(item):
    return list(item.transitions.order_by("at", "pk").values_list("from_status", "to_status", "by__username", "note"))


def test_allowed_moves():
    expected = {
        S.PENDING: {S.SUBMITTED, S.CARRIED_OVER},
        S.SUBMITTED: {S.ACCEPTED, S.PENDING, S.CARRIED_OVER},
        S.ACCEPTED: set(),
        S.CARRIED_OVER: set(),
    }
    assert expected == FINDING_TRANSITIONS


def test_unit_submits_its_answer(q4, renshe, renshe_user):
    item = finding(q4, renshe)

    response = rectification_submit(
        finding=item, acting_user=renshe_user, text=" 已补充上传政策文件 ", link="https://www.linzi.gov.cn/zcwj/1.html"
    )

    item.refresh_from_db()
    assert item.status == S.SUBMITTED
    assert (response.text, response.link, response.submitted_by, response.file.name) == (
        "已补充上传政策文件",
        "https://www.linzi.gov.cn/zcwj/1.html",
        renshe_user,
        "",
    )
    assert moves(item) == [("pending", "submitted", "renshe", "")]
    assert FindingTransition.objects.get().response == response


def test_office_accepts(q4, renshe, renshe_user, staff):
    item = submitted(finding(q4, renshe), renshe_user)

    finding_accept(finding=item, acting_user=staff, note="已核实")

    item.refresh_from_db()
    assert item.status == S.ACCEPTED
    assert moves(item) == [("pending", "submitted", "renshe", ""), ("submitted", "accepted", "staff", "已核实")]
    assert item.transitions.last().response == item.responses.get()


def test_office_returns_with_a_reason_and_every_answer_is_kept(q4, renshe, renshe_user, staff):
    item = returned(finding(q4, renshe), renshe_user, staff, reason=" 政策文件栏目仍无2024年内容 ")
    assert item.status == S.PENDING

    submitted(item, renshe_user, text="已上传2024年政策文件3件")
    finding_accept(finding=item, acting_user=staff)

    item.refresh_from_db()
    assert item.status == S.ACCEPTED
    assert moves(item) == [
        ("pending", "submitted", "renshe", ""),
        ("submitted", "pending", "staff", "政策文件栏目仍无2024年内容"),
        ("pending", "submitted", "renshe", ""),
        ("submitted", "accepted", "staff", ""),
    ]
    assert list(item.responses.order_by("submitted_at").values_list("text", flat=True)) == [
        "已更新政策文件栏目",
        "已上传2024年政策文件3件",
    ]


def test_return_needs_a_reason(q4, renshe, renshe_user, staff):
    item = submitted(finding(q4, renshe), renshe_user)

    with pytest.raises(ValidationError) as caught:
        finding_return(finding=item, acting_user=staff, reason="  ")

    assert caught.value.message_dict == {"reason": ["退回时必须填写退回原因。"]}
    item.refresh_from_db()
    assert item.status == S.SUBMITTED


def test_answer_needs_text(q4, renshe, renshe_user):
    item = finding(q4, renshe)

    with pytest.raises(ValidationError) as caught:
        rectification_submit(finding=item, acting_user=renshe_user, text=" ")

    assert caught.value.message_dict == {"text": ["请填写整改情况。"]}
    assert RectificationResponse.objects.count() == 0


@pytest.mark.parametrize(
    ("prepare", "action", "message"),
    [
        (None, "accept", "当前状态为“待整改”，不能改为“已验收”。"),
        (None, "return", "当前状态为“待整改”，不能改为“待整改”。"),
        ("submitted", "submit", "当前状态为“已提交整改”，不能改为“已提交整改”。"),
        ("accepted", "return", "当前状态为“已验收”，不能改为“待整改”。"),
        ("accepted", "submit", "当前状态为“已验收”，不能改为“已提交整改”。"),
        ("accepted", "accept", "当前状态为“已验收”，不能改为“已验收”。"),
    ],
)
def test_illegal_moves_are_refused(q4, renshe, renshe_user, staff, prepare, action, message):
    item = finding(q4, renshe)
    if prepare == "submitted":
        submitted(item, renshe_user)
    elif prepare == "accepted":
        accepted(item, renshe_user, staff)
    before = (item.status, FindingTransition.objects.count(), RectificationResponse.objects.count())

    with pytest.raises(ValidationError) as caught:
        if action == "accept":
            finding_accept(finding=item, acting_user=staff)
        elif action == "return":
            finding_return(finding=item, acting_user=staff, reason="原因")
        else:
            rectification_submit(finding=item, acting_user=renshe_user, text="再次提交")

    assert caught.value.messages == [message]
    item.refresh_from_db()
    assert (item.status, FindingTransition.objects.count(), RectificationResponse.objects.count()) == before


def test_another_unit_cannot_answer(q4, renshe, shangwu_user):
    item = finding(q4, renshe)

    with pytest.raises(PermissionDenied, match="^只能由本单位账号答复本单位的整改事项。$"):
        rectification_submit(finding=item, acting_user=shangwu_user, text="代为答复")

    assert RectificationResponse.objects.count() == 0


def test_office_does_not_answer_for_the_unit(q4, renshe, staff):
    with pytest.raises(PermissionDenied, match="^只能由本单位账号答复本单位的整改事项。$"):
        rectification_submit(finding=finding(q4, renshe), acting_user=staff, text="代为答复")


def test_unit_cannot_accept_or_return_its_own_finding(q4, renshe, renshe_user):
    item = submitted(finding(q4, renshe), renshe_user)

    with pytest.raises(PermissionDenied, match="^只有区政府办公室工作人员可以验收或退回整改。$"):
        finding_accept(finding=item, acting_user=renshe_user)
    with pytest.raises(PermissionDenied, match="^只有区政府办公室工作人员可以验收或退回整改。$"):
        finding_return(finding=item, acting_user=renshe_user, reason="自己退回")

    item.refresh_from_db()
    assert item.status == S.SUBMITTED


def test_each_move_is_in_the_findings_history_with_its_author(q4, renshe, renshe_user, staff):
    item = accepted(finding(q4, renshe, acting_user=staff), renshe_user, staff)

    rows = list(
        item.history.order_by("history_date", "history_id").values_list(
            "status", "history_user__username", "history_change_reason"
        )
    )
    assert rows == [
        ("pending", "staff", None),
        ("submitted", "renshe", "提交整改"),
        ("accepted", "staff", "验收通过"),
    ]
