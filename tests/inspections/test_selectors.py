"""The read functions other parts call: who sees which findings, open items, a quarter's findings, flags."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from inspections.models import Finding, RectificationResponse
from inspections.selectors import (
    carried_over_note,
    findings_for_quarter,
    findings_visible_to,
    open_findings_for_unit,
    with_flags,
)
from inspections.services import findings_carry_over
from tests.factories import InspectionRoundFactory
from units.models import User

from .helpers import accepted, finding, returned, submitted

D = datetime.date
BEIJING = ZoneInfo("Asia/Shanghai")


def test_office_sees_every_finding_a_unit_its_own(q4, renshe, shangwu, renshe_user, staff):
    own = finding(q4, renshe)
    other = finding(q4, shangwu)

    assert set(findings_visible_to(staff)) == {own, other}
    assert list(findings_visible_to(renshe_user)) == [own]


def test_anonymous_sees_nothing(q4, renshe):
    from django.contrib.auth.models import AnonymousUser

    finding(q4, renshe)

    assert list(findings_visible_to(AnonymousUser())) == []


def test_office_admin_sees_everything(q4, renshe):
    from tests.factories import UserFactory

    admin = UserFactory(username="admin", role=User.Role.OFFICE_ADMIN)
    item = finding(q4, renshe)

    assert list(findings_visible_to(admin)) == [item]


def test_open_findings_of_a_unit_nearest_deadline_first_with_overdue_flag(q4, renshe, shangwu, renshe_user, staff):
    late = finding(q4, renshe, "A", deadline=D(2025, 1, 10))
    due_today = finding(q4, renshe, "B", deadline=D(2025, 1, 15))
    no_deadline = finding(q4, renshe, "C", deadline=None)
    under_review = submitted(finding(q4, renshe, "D", deadline=D(2025, 1, 12)), renshe_user)
    accepted(finding(q4, renshe, "E", deadline=D(2025, 1, 8)), renshe_user, staff)
    finding(q4, shangwu, "F", deadline=D(2025, 1, 8))

    rows = [(f.description, f.is_overdue) for f in open_findings_for_unit(renshe, today=D(2025, 1, 15))]

    assert rows == [("A", True), ("D", True), ("B", False), ("C", False)]
    assert {late, due_today, no_deadline, under_review} == set(open_findings_for_unit(renshe))


def test_open_findings_know_a_return(q4, renshe, renshe_user, staff):
    returned(finding(q4, renshe), renshe_user, staff, reason="仍未上传")

    (item,) = open_findings_for_unit(renshe, today=D(2025, 1, 10))

    assert (item.status, item.last_return_note, item.is_overdue) == (Finding.Status.PENDING, "仍未上传", False)


def _answered_on(item, day):
    RectificationResponse.objects.filter(finding=item).update(
        submitted_at=datetime.datetime.combine(day, datetime.time(23, 30), tzinfo=BEIJING)
    )


@pytest.mark.parametrize(
    ("deadline", "state", "answered", "expected"),
    [
        (D(2025, 1, 15), "accepted", D(2025, 1, 15), (False, False, D(2025, 1, 15))),
        (D(2025, 1, 15), "accepted", D(2025, 1, 16), (False, True, D(2025, 1, 16))),
        (D(2025, 1, 15), "pending", None, (True, True, None)),
        (D(2025, 1, 15), "submitted", D(2025, 1, 14), (True, True, None)),
        (D(2025, 1, 20), "pending", None, (False, False, None)),
        (None, "pending", None, (False, False, None)),
    ],
)
def test_overdue_and_late_flags(q4, renshe, renshe_user, staff, deadline, state, answered, expected):
    item = finding(q4, renshe, deadline=deadline)
    if state == "submitted":
        submitted(item, renshe_user)
    elif state == "accepted":
        accepted(item, renshe_user, staff)
    if answered:
        _answered_on(item, answered)

    flagged = with_flags(Finding.objects.all(), today=D(2025, 1, 17)).get()

    assert (flagged.is_overdue, flagged.is_late, flagged.rectified_on) == expected


def test_findings_for_quarter(q3, q4, renshe, shangwu, renshe_user, staff):
    from tests.factories import UnitFactory
    from units.models import Unit

    qiducheng = UnitFactory(name="齐都镇", category=Unit.Category.TOWN, sort_order=1)
    finding(q3, shangwu, "政策解读一栏年内未更新", deadline=D(2024, 10, 31))
    findings_carry_over(previous=q3, current=q4, deadline=D(2025, 1, 15))
    on_time = accepted(
        finding(q4, renshe, "政府文件字体不规范", category=Finding.Category.DOCUMENT_FORMAT, column="政府文件"),
        renshe_user,
        staff,
    )
    _answered_on(on_time, D(2025, 1, 14))
    finding(q4, qiducheng, "公开事项标准目录未上传", deadline=None, category=Finding.Category.CATALOGUE, column="")
    InspectionRoundFactory(name="2025年一季度检查", year=2025, quarter=1, inspected_on=D(2025, 4, 8))

    rows = [
        (
            f.unit.name,
            f.get_category_display(),
            f.column,
            f.description,
            f.get_status_display(),
            f.origin_year,
            f.origin_quarter,
            carried_over_note(f),
            f.is_late,
        )
        for f in findings_for_quarter(2024, 4, today=D(2025, 1, 20))
    ]

    assert rows == [
        ("区人社局", "政府文件公开不规范", "政府文件", "政府文件字体不规范", "已验收", None, None, "", False),
        (
            "区商务局",
            "栏目未及时更新",
            "政策文件",
            "政策解读一栏年内未更新",
            "待整改",
            2024,
            3,
            "（三季度存在的问题，尚未整改）",
            True,
        ),
        ("齐都镇", "公开事项标准目录", "", "公开事项标准目录未上传", "待整改", None, None, "", False),
    ]


def test_findings_for_quarter_runs_one_query(q4, renshe, shangwu, django_assert_num_queries):
    for unit in (renshe, shangwu):
        finding(q4, unit)

    with django_assert_num_queries(1):
        rows = [(f.unit.name, f.inspection.name, f.carried_over_from) for f in findings_for_quarter(2024, 4)]

    assert len(rows) == 2
