"""A finding not rectified by the next inspection carries over; the original shows where it went."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from inspections.models import Finding, InspectionRound
from inspections.selectors import carried_over_note
from inspections.services import findings_carry_over, inspection_round_create
from tests.factories import InspectionRoundFactory

from .helpers import accepted, finding, submitted

D = datetime.date
S = Finding.Status


@pytest.fixture
def q3_findings(q3, renshe, shangwu, renshe_user, shangwu_user, staff):
    return {
        "open": finding(q3, renshe, "政策文件一栏年内未更新", deadline=D(2024, 10, 31)),
        "submitted": submitted(finding(q3, shangwu, "政策解读一栏年内未更新", deadline=D(2024, 10, 31)), shangwu_user),
        "accepted": accepted(finding(q3, renshe, "存在错敏词", deadline=D(2024, 10, 31)), renshe_user, staff),
    }


def test_new_round_carries_the_open_findings_of_the_previous_one(q3, q3_findings, staff):
    q4 = inspection_round_create(
        name="2024年四季度检查",
        year=2024,
        quarter=4,
        inspected_on=D(2025, 1, 6),
        carry_over=True,
        carry_over_deadline=D(2025, 1, 15),
        acting_user=staff,
    )

    carried = list(q4.findings.order_by("unit__sort_order"))
    assert [(f.unit.name, f.description, f.deadline, f.status, f.carried_over_from) for f in carried] == [
        ("区人社局", "政策文件一栏年内未更新", D(2025, 1, 15), S.PENDING, q3_findings["open"]),
        ("区商务局", "政策解读一栏年内未更新", D(2025, 1, 15), S.PENDING, q3_findings["submitted"]),
    ]
    for key in ("open", "submitted"):
        origin = q3_findings[key]
        origin.refresh_from_db()
        assert origin.status == S.CARRIED_OVER
        assert origin.carried_over_to.get().inspection == q4
        assert origin.transitions.last().note == "未整改，延续至2024年四季度检查"
    q3_findings["accepted"].refresh_from_db()
    assert q3_findings["accepted"].status == S.ACCEPTED


def test_carrying_twice_changes_nothing(q3, q3_findings, q4):
    first = findings_carry_over(previous=q3, current=q4, deadline=D(2025, 1, 15))
    second = findings_carry_over(previous=q3, current=q4, deadline=D(2025, 1, 15))

    assert (len(first), second, q4.findings.count()) == (2, [], 2)


def test_a_carried_finding_carries_on_into_the_next_round(q3, q3_findings, q4, renshe):
    findings_carry_over(previous=q3, current=q4, deadline=D(2025, 1, 15))
    q1 = InspectionRoundFactory(name="2025年一季度检查", year=2025, quarter=1, inspected_on=D(2025, 4, 8))

    findings_carry_over(previous=q4, current=q1, deadline=D(2025, 4, 20))

    chain = q1.findings.get(unit=renshe)
    assert chain.carried_over_from.carried_over_from == q3_findings["open"]


def test_carry_over_without_an_earlier_round_is_refused_and_nothing_is_created(db):
    with pytest.raises(ValidationError) as caught:
        inspection_round_create(
            name="2024年四季度检查", year=2024, quarter=4, inspected_on=D(2025, 1, 6), carry_over=True
        )

    assert caught.value.message_dict == {"carry_over": ["没有更早的检查批次，无法延续未整改的问题。"]}
    assert InspectionRound.objects.count() == 0


def test_a_round_is_not_carried_into_itself(q3):
    with pytest.raises(ValidationError) as caught:
        findings_carry_over(previous=q3, current=q3)

    assert caught.value.messages == ["不能把检查批次的问题延续到它自身。"]


def test_previous_round_is_the_latest_earlier_one(q3, q3_findings, renshe):
    InspectionRoundFactory(name="2024年二季度检查", year=2024, quarter=2, inspected_on=D(2024, 7, 10))
    older = InspectionRoundFactory(name="2024年一季度检查", year=2024, quarter=1, inspected_on=D(2024, 4, 10))
    finding(older, renshe, "一季度的问题", deadline=None)

    q4 = inspection_round_create(
        name="2024年四季度检查",
        year=2024,
        quarter=4,
        inspected_on=D(2025, 1, 6),
        carry_over=True,
        carry_over_deadline=D(2025, 1, 15),
    )

    assert sorted(q4.findings.values_list("carried_over_from__inspection__name", flat=True)) == ["2024年三季度检查"] * 2


def test_printed_note_names_the_quarter_it_was_found_in(q3, q3_findings, q4):
    carried = findings_carry_over(previous=q3, current=q4, deadline=D(2025, 1, 15))

    assert carried_over_note(carried[0]) == "（三季度存在的问题，尚未整改）"
    assert carried_over_note(q3_findings["open"]) == ""


def test_printed_note_names_the_year_across_years(renshe):
    q4_2023 = InspectionRoundFactory(name="2023年四季度检查", year=2023, quarter=4, inspected_on=D(2024, 1, 8))
    q1_2024 = InspectionRoundFactory(name="2024年一季度检查", year=2024, quarter=1, inspected_on=D(2024, 4, 8))
    finding(q4_2023, renshe, deadline=None)

    (carried,) = findings_carry_over(previous=q4_2023, current=q1_2024, deadline=D(2024, 4, 20))

    assert carried_over_note(carried) == "（2023年四季度存在的问题，尚未整改）"


def test_round_form_option_carries_over(client, q3, q3_findings, staff):
    client.force_login(staff)

    response = client.post(
        reverse("inspections:round_create"),
        {
            "name": "2024年四季度检查",
            "year": 2024,
            "quarter": 4,
            "inspected_on": "2025-01-06",
            "carry_over": "on",
            "carry_over_deadline": "2025-01-15",
        },
        follow=True,
    )

    q4 = InspectionRound.objects.get(name="2024年四季度检查")
    assert response.redirect_chain == [(reverse("inspections:round_detail", args=[q4.pk]), 302)]
    html = response.content.decode()
    assert "已创建检查批次“2024年四季度检查”。从上一批次延续未整改的问题2个。" in html
    assert html.count("（三季度存在的问题，尚未整改）") == 2


def test_original_page_shows_where_it_went_and_takes_no_answer(client, q3, q3_findings, q4, renshe_user):
    (carried, _) = findings_carry_over(previous=q3, current=q4, deadline=D(2025, 1, 15))
    origin = q3_findings["open"]
    client.force_login(renshe_user)

    html = client.get(reverse("inspections:finding_detail", args=[origin.pk])).content.decode()
    assert f'<a href="/inspections/findings/{carried.pk}/">2024年四季度检查</a>，请在新批次中答复。' in html
    assert "已延续至下一批次" in html
    assert "提交整改情况</a>" not in html

    response = client.get(reverse("inspections:finding_respond", args=[origin.pk]), follow=True)
    assert "该问题当前状态为“已延续至下一批次”，无需提交整改情况。" in response.content.decode()

    carried_html = client.get(reverse("inspections:finding_detail", args=[carried.pk])).content.decode()
    assert f'<a href="/inspections/findings/{origin.pk}/">2024年三季度检查发现的问题</a>' in carried_html
    assert "（三季度存在的问题，尚未整改）" in carried_html


def test_a_carried_finding_without_a_deadline_after_the_inspection_needs_the_rounds(q3, q3_findings, q4):
    with pytest.raises(ValidationError) as caught:
        findings_carry_over(previous=q3, current=q4)

    assert caught.value.message_dict == {
        "carry_over_deadline": [
            "上一批次有2个未整改的问题没有检查日期之后的整改期限（区人社局、区商务局），延续时须填写整改期限。"
        ]
    }
    assert q4.findings.count() == 0


def test_a_carried_finding_keeps_its_own_deadline_when_still_ahead(q3, renshe):
    finding(q3, renshe, "尚未到期的问题", deadline=D(2025, 2, 1))
    q4 = InspectionRoundFactory(name="2024年四季度检查", year=2024, quarter=4, inspected_on=D(2025, 1, 6))

    (carried,) = findings_carry_over(previous=q3, current=q4)

    assert carried.deadline == D(2025, 2, 1)
