"""An issued notice is a record: issuing with figures missing needs a confirmation, a score page
says where live figures now differ from it, and units only ever see what was issued."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from core.formatting import format_points
from reports.drafting import problems_text
from reports.services import notice_draft_update, notice_issue
from scoring.selectors import quarter_scores
from submissions.models import MonthlyPublication
from tests.factories import ArticleFactory, NoticeFactory, PublicationFactory, UnitFactory, UserFactory
from units.models import User

pytestmark = pytest.mark.django_db


@pytest.fixture
def quarter(db):
    units = [UnitFactory(name="区商务局", sort_order=1), UnitFactory(name="区财政局", sort_order=2)]
    for unit in units:
        for month in (10, 11, 12):
            PublicationFactory(unit=unit, year=2024, month=month, count=5)
    return units


def test_issuing_with_missing_figures_asks_for_confirmation(staff, quarter):
    MonthlyPublication.objects.filter(unit=quarter[1], month=12).delete()
    notice = NoticeFactory(year=2024, quarter=4, attachments=["stats_dept"])

    with pytest.raises(ValidationError) as caught:
        notice_issue(notice=notice, acting_user=staff)

    assert caught.value.message_dict == {
        "confirm_incomplete": [
            "1个单位的网站发布数尚未录入（区财政局），通报中将显示为“未录入”、按0分计。确认按现有数据印发，请勾选“确认”。"
        ]
    }
    issued = notice_issue(notice=notice, acting_user=staff, confirm_incomplete=True)
    assert issued.snapshot["attachments"][0]["stats"][1]["months"] == [5, 5, "未录入"]


def test_the_score_page_lists_where_live_figures_differ_from_the_issued_notice(client, staff, quarter):
    notice = NoticeFactory(year=2024, quarter=4, attachments=["stats_dept"])
    notice_issue(notice=notice, acting_user=staff)
    MonthlyPublication.objects.filter(unit=quarter[1], month=12).update(count=9)
    client.force_login(staff)

    html = client.get(reverse("scoring:quarter", args=[2024, 4])).content.decode()

    assert "现有数据与已印发通报（第1版（" in html
    assert "<li>区商务局：名次第1名→第2名</li>" in html
    assert "<li>区财政局：发布数[5, 5, 5]→[5, 5, 9]，合计4.5→6.5，累计得分7.5→9.5</li>" in html
    assert "名次（暂定）" not in html


def test_a_unit_sees_the_issued_title_never_the_live_draft(client, staff, quarter):
    notice = NoticeFactory(year=2024, quarter=4, title="关于2024年第四季度全区政务公开工作情况的通报")
    notice_issue(notice=notice, acting_user=staff)
    notice_draft_update(notice=notice, acting_user=staff, title="拟通报批评（讨论稿）")
    client.force_login(UserFactory(username="shangwu", role=User.Role.UNIT_USER, unit=quarter[0]))

    html = client.get(reverse("reports:notices")).content.decode()

    assert "关于2024年第四季度全区政务公开工作情况的通报" in html
    assert "拟通报批评" not in html


def test_problems_name_each_unit_under_its_true_cause(db):
    silent = UnitFactory(name="区商务局", sort_order=1)
    poor = UnitFactory(name="区人社局", sort_order=2)
    for unit in (silent, poor):
        for month in (1, 2, 3):
            PublicationFactory(unit=unit, year=2025, month=month, count=5)
    ArticleFactory(
        unit=poor, received_on=datetime.date(2025, 1, 8), is_compliant=False, non_compliance_reason="字数不足400字"
    )
    scores = quarter_scores(year=2025, quarter=1, today=datetime.date(2025, 4, 10))

    items = [(i.reason, format_points(i.points)) for i in scores.for_unit(poor.pk).deduction_items]
    assert items == [("2、3月份未投稿", "2"), ("1月份稿件不符合要求（字数不足400字）", "1")]
    text = problems_text(scores, [])
    assert "稿件数量为零，如商务局等" in text
    assert "内容与政务公开无关，如人社局等" in text
