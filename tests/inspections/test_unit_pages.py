"""The unit's side: its list 整改事项, the detail with history, the answer form; nothing of other units."""

import datetime

import pytest
from django.urls import reverse

from inspections.models import Finding, RectificationResponse
from inspections.services import findings_carry_over

from .helpers import accepted, finding, returned, submitted

D = datetime.date


@pytest.fixture
def unit_client(client, renshe_user):
    client.force_login(renshe_user)
    return client


def test_list_shows_open_items_first_with_deadlines_and_flags(
    unit_client, q3, q4, renshe, shangwu, renshe_user, staff, today
):
    accepted(finding(q4, renshe, "已整改好的问题", deadline=D(2025, 1, 20)), renshe_user, staff)
    finding(q3, renshe, "三季度未整改的问题", deadline=D(2024, 10, 31))
    findings_carry_over(previous=q3, current=q4, deadline=D(2025, 1, 15))
    finding(q4, renshe, "还有时间的问题", deadline=D(2025, 1, 20))
    finding(q4, shangwu, "商务局的问题", deadline=D(2025, 1, 10))

    response = unit_client.get(reverse("inspections:my_findings"))

    assert response.status_code == 200
    rows = [
        (f.description, f.inspection.name, f.get_status_display(), f.is_overdue) for f in response.context["findings"]
    ]
    assert rows == [
        ("三季度未整改的问题", "2024年四季度检查", "待整改", True),
        ("还有时间的问题", "2024年四季度检查", "待整改", False),
        ("三季度未整改的问题", "2024年三季度检查", "已延续至下一批次", False),
        ("已整改好的问题", "2024年四季度检查", "已验收", False),
    ]
    html = response.content.decode()
    assert "<h1>整改事项</h1>" in html
    assert "2025年1月15日" in html and "2025年1月20日" in html
    assert html.count('<span class="badge overdue">逾期</span>') == 1
    assert "（三季度存在的问题，尚未整改）" in html
    assert "商务局的问题" not in html
    assert (response.context["open_count"], response.context["overdue_count"]) == (2, 1)


def test_list_shows_the_return_reason(unit_client, q4, renshe, renshe_user, staff, today):
    returned(finding(q4, renshe), renshe_user, staff, reason="栏目中仍没有2024年的政策文件")

    html = unit_client.get(reverse("inspections:my_findings")).content.decode()

    assert "退回原因：栏目中仍没有2024年的政策文件" in html


def test_detail_shows_answers_and_moves_but_not_the_field_history(unit_client, q4, renshe, renshe_user, staff, today):
    item = returned(finding(q4, renshe), renshe_user, staff, reason="请补充截图")
    submitted(item, renshe_user, text="已补充截图")

    html = unit_client.get(reverse("inspections:finding_detail", args=[item.pk])).content.decode()

    assert "已更新政策文件栏目" in html and "已补充截图" in html
    assert "<td>退回</td>" in html and "请补充截图" in html
    assert "<h2>办理记录</h2>" in html
    assert "<h2>修改历史</h2>" not in html
    assert "验收通过</button>" not in html


def test_answer_form_moves_the_finding_to_submitted(unit_client, q4, renshe, today):
    item = finding(q4, renshe)

    assert unit_client.get(reverse("inspections:finding_respond", args=[item.pk])).status_code == 200
    response = unit_client.post(
        reverse("inspections:finding_respond", args=[item.pk]), {"text": "已更新政策文件栏目"}, follow=True
    )

    item.refresh_from_db()
    assert item.status == Finding.Status.SUBMITTED
    assert "已提交整改情况，等待区政府办公室验收。" in response.content.decode()


def test_answer_form_requires_text(unit_client, q4, renshe):
    item = finding(q4, renshe)

    response = unit_client.post(reverse("inspections:finding_respond", args=[item.pk]), {"text": ""})

    assert response.status_code == 200
    assert "这个字段是必填项。" in response.content.decode()
    assert RectificationResponse.objects.count() == 0


@pytest.mark.parametrize("name", ["inspections:finding_detail", "inspections:finding_respond"])
def test_another_units_finding_is_not_found(unit_client, q4, shangwu, name):
    other = finding(q4, shangwu)

    assert unit_client.get(reverse(name, args=[other.pk])).status_code == 404


def test_answering_another_units_finding_writes_nothing(unit_client, q4, shangwu):
    other = finding(q4, shangwu)

    response = unit_client.post(reverse("inspections:finding_respond", args=[other.pk]), {"text": "冒名答复"})

    assert response.status_code == 404
    other.refresh_from_db()
    assert (other.status, RectificationResponse.objects.count()) == (Finding.Status.PENDING, 0)


@pytest.mark.parametrize("action", ["inspections:finding_accept", "inspections:finding_return"])
def test_unit_cannot_accept_or_return_its_own_answer(unit_client, q4, renshe, renshe_user, action):
    item = submitted(finding(q4, renshe), renshe_user)

    response = unit_client.post(reverse(action, args=[item.pk]), {"reason": "x"})

    assert response.status_code == 403
    item.refresh_from_db()
    assert item.status == Finding.Status.SUBMITTED


def test_office_pages_are_closed_to_units(unit_client, q4):
    for name, args in [
        ("inspections:round_list", []),
        ("inspections:review_list", []),
        ("inspections:round_detail", [q4.pk]),
    ]:
        assert unit_client.get(reverse(name, args=args)).status_code == 403
