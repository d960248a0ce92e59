"""Recording and correcting findings: deadlines as a date or in working days, the linked deduction."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from inspections.models import Deduction, Finding
from inspections.services import finding_record, finding_update

from .helpers import finding, returned, submitted

D = datetime.date


def test_finding_is_recorded_pending_with_its_fields(q4, renshe, staff):
    item = finding_record(
        inspection=q4,
        unit=renshe,
        category=Finding.Category.DOCUMENT_FORMAT,
        column=" 政府文件 ",
        description=" 政府文件字体不规范，发文字号和此件公开发布缺失 ",
        deadline=D(2025, 1, 15),
        acting_user=staff,
    )

    item.refresh_from_db()
    assert (item.inspection, item.unit, item.category, item.column, item.description) == (
        q4,
        renshe,
        "文件格式",
        "政府文件",
        "政府文件字体不规范，发文字号和此件公开发布缺失",
    )
    assert (item.deadline, item.status, item.created_by, item.carried_over_from) == (
        D(2025, 1, 15),
        Finding.Status.PENDING,
        staff,
        None,
    )
    assert item.deductions.count() == 0


def test_deadline_in_working_days_skips_the_spring_festival(q4, renshe, staff):
    item = finding(q4, renshe, deadline=None, working_days=20, working_days_from=D(2025, 1, 10), acting_user=staff)

    assert item.deadline == D(2025, 2, 13)


def test_working_days_count_from_the_inspection_date_by_default(q4, renshe, staff):
    item = finding(q4, renshe, deadline=None, working_days=3, acting_user=staff)

    assert item.deadline == D(2025, 1, 9)  # inspected Monday 6 Jan 2025: 7, 8, 9 Jan


def test_date_and_working_days_together_are_refused(q4, renshe, staff):
    with pytest.raises(ValidationError) as caught:
        finding(q4, renshe, deadline=D(2025, 1, 15), working_days=3, acting_user=staff)

    assert caught.value.message_dict == {"working_days": ["整改期限和工作日数只能填写一项。"]}
    assert Finding.objects.count() == 0


def test_working_days_into_an_unpublished_year_are_refused(q4, renshe, staff):
    with pytest.raises(ValidationError) as caught:
        finding(q4, renshe, deadline=None, working_days=20, working_days_from=D(2026, 12, 20), acting_user=staff)

    assert caught.value.message_dict == {
        "working_days": ["暂无2027年的法定节假日安排，无法按工作日计算，请直接填写整改期限日期。"]
    }


def test_deadline_before_the_inspection_is_refused(q4, renshe, staff):
    with pytest.raises(ValidationError) as caught:
        finding(q4, renshe, deadline=D(2025, 1, 5), acting_user=staff)

    assert caught.value.message_dict == {"deadline": ["整改期限不能早于检查日期。"]}


def test_deduction_is_recorded_with_the_finding_in_the_rounds_quarter(q4, renshe, staff):
    item = finding(
        q4, renshe, "法定主动公开内容政策文件一栏年内未更新内容", deduction_points=Decimal("0.5"), acting_user=staff
    )

    deduction = Deduction.objects.get()
    assert (deduction.unit, deduction.year, deduction.quarter, deduction.finding) == (renshe, 2024, 4, item)
    assert (deduction.reason, deduction.points, deduction.created_by) == (
        "法定主动公开内容政策文件一栏年内未更新内容",
        Decimal("0.50"),
        staff,
    )


def test_deduction_may_have_its_own_reason(q4, renshe, staff):
    finding(q4, renshe, deduction_points=Decimal("1"), deduction_reason="政策文件栏目未更新", acting_user=staff)

    assert list(Deduction.objects.values_list("reason", "points")) == [("政策文件栏目未更新", Decimal("1.00"))]


@pytest.mark.parametrize("points", [Decimal("0"), Decimal("-1")])
def test_deduction_must_be_positive_and_nothing_is_written(q4, renshe, staff, points):
    with pytest.raises(ValidationError) as caught:
        finding(q4, renshe, deduction_points=points, acting_user=staff)

    assert caught.value.message_dict == {"deduction_points": ["减分应大于0。"]}
    assert (Finding.objects.count(), Deduction.objects.count()) == (0, 0)


def test_pending_finding_is_corrected_with_its_deduction(q4, renshe, staff):
    item = finding(q4, renshe, deduction_points=Decimal("0.5"), acting_user=staff)

    finding_update(
        finding=item,
        acting_user=staff,
        category=Finding.Category.SENSITIVE_WORDS,
        column="工作动态",
        description="工作动态栏目存在错敏词",
        working_days=3,
        working_days_from=D(2025, 1, 24),
        deduction_points=Decimal("1"),
        deduction_reason="存在错敏词",
    )

    item.refresh_from_db()
    assert (item.category, item.column, item.description, item.deadline) == (
        "错敏词",
        "工作动态",
        "工作动态栏目存在错敏词",
        D(2025, 2, 5),
    )
    assert list(item.deductions.values_list("reason", "points")) == [("存在错敏词", Decimal("1.00"))]


def test_clearing_the_points_removes_the_deduction_and_adding_creates_one(q4, renshe, staff):
    item = finding(q4, renshe, deduction_points=Decimal("0.5"), acting_user=staff)
    fields = {"category": item.category, "column": item.column, "description": item.description}

    finding_update(finding=item, acting_user=staff, deadline=item.deadline, deduction_points=None, **fields)
    assert Deduction.objects.count() == 0

    finding_update(finding=item, acting_user=staff, deadline=item.deadline, deduction_points=Decimal("2"), **fields)
    assert list(Deduction.objects.values_list("finding", "reason", "points", "year", "quarter")) == [
        (item.pk, "政策文件一栏年内未更新", Decimal("2.00"), 2024, 4)
    ]


def test_returned_finding_is_pending_again_and_may_be_corrected(q4, renshe, renshe_user, staff):
    item = returned(finding(q4, renshe), renshe_user, staff)

    finding_update(
        finding=item, acting_user=staff, category=item.category, description="改后的描述", deadline=D(2025, 1, 20)
    )

    item.refresh_from_db()
    assert (item.description, item.deadline) == ("改后的描述", D(2025, 1, 20))


def test_finding_under_review_cannot_be_corrected(q4, renshe, renshe_user, staff):
    item = submitted(finding(q4, renshe), renshe_user)

    with pytest.raises(ValidationError) as caught:
        finding_update(
            finding=item, acting_user=staff, category=item.category, description="改", deadline=item.deadline
        )

    assert caught.value.messages == ["只有待整改的问题可以修改。"]
    item.refresh_from_db()
    assert item.description == "政策文件一栏年内未更新"
