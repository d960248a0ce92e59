"""The office's side: rounds, recording findings, the review list with filters, accept and return."""

import datetime
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from inspections.forms import InspectionRoundForm
from inspections.models import Deduction, Finding, InspectionRound
from tests.factories import UnitFactory
from units.models import Unit

from .helpers import accepted, finding, submitted

D = datetime.date


@pytest.fixture
def office(client, staff):
    client.force_login(staff)
    return client


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (D(2025, 1, 10), ("2024年四季度检查", 2024, 4)),
        (D(2025, 4, 3), ("2025年一季度检查", 2025, 1)),
        (D(2025, 12, 31), ("2025年三季度检查", 2025, 3)),
    ],
)
def test_new_round_form_suggests_the_quarter_just_ended(today, expected):
    initial = InspectionRoundForm.with_defaults(today).initial

    assert (initial["name"], initial["year"], initial["quarter"]) == expected
    assert (initial["inspected_on"], initial["carry_over"]) == (today, True)


def test_create_round(office):
    response = office.post(
        reverse("inspections:round_create"),
        {"name": "2024年四季度检查", "year": 2024, "quarter": 4, "inspected_on": "2025-01-06"},
        follow=True,
    )

    inspection = InspectionRound.objects.get()
    assert (inspection.name, inspection.year, inspection.quarter, inspection.inspected_on) == (
        "2024年四季度检查",
        2024,
        4,
        D(2025, 1, 6),
    )
    html = response.content.decode()
    assert "已创建检查批次“2024年四季度检查”。" in html
    assert "从上一批次延续" not in html
    assert "检查日期 2025年1月6日" in html


def test_duplicate_round_name_is_refused(office, q4):
    response = office.post(
        reverse("inspections:round_create"),
        {"name": "2024年四季度检查", "year": 2024, "quarter": 4, "inspected_on": "2025-01-07"},
    )

    assert response.status_code == 200
    assert "具有 名称 的 检查批次 已存在。" in response.content.decode()
    assert InspectionRound.objects.count() == 1


def test_carry_over_without_previous_round_is_shown_on_the_form(office):
    response = office.post(
        reverse("inspections:round_create"),
        {"name": "2024年四季度检查", "year": 2024, "quarter": 4, "inspected_on": "2025-01-06", "carry_over": "on"},
    )

    assert "没有更早的检查批次，无法延续未整改的问题。" in response.content.decode()
    assert InspectionRound.objects.count() == 0


def test_round_list_counts(office, q3, q4, renshe, shangwu, renshe_user, today):
    submitted(finding(q4, renshe, deadline=D(2025, 1, 15)), renshe_user)
    finding(q4, shangwu, deadline=D(2025, 1, 20))
    finding(q4, shangwu, "政策解读一栏年内未更新", deadline=D(2025, 1, 10))

    response = office.get(reverse("inspections:round_list"))

    rows = [
        (r.name, r.finding_count, r.open_count, r.submitted_count, r.overdue_count, r.carried_in_count)
        for r in response.context["rounds"]
    ]
    assert rows == [("2024年四季度检查", 3, 3, 1, 2, 0), ("2024年三季度检查", 0, 0, 0, 0, 0)]


def test_round_detail_groups_findings_by_unit_in_notice_order(office, q4, today):
    town = UnitFactory(name="齐都镇", category=Unit.Category.TOWN, sort_order=1)
    dept_b = UnitFactory(name="区财政局", category=Unit.Category.DEPARTMENT, sort_order=5)
    dept_a = UnitFactory(name="区发改局", category=Unit.Category.DEPARTMENT, sort_order=3)
    finding(q4, town, "目录未上传", deduction_points=Decimal("5"))
    finding(q4, dept_b, "字体不规范", deadline=D(2025, 1, 20))
    finding(q4, dept_a, "错敏词")
    finding(q4, dept_b, "发文字号缺失")

    response = office.get(reverse("inspections:round_detail", args=[q4.pk]))

    assert [(f.unit.name, f.description) for f in response.context["findings"]] == [
        ("区发改局", "错敏词"),
        ("区财政局", "字体不规范"),
        ("区财政局", "发文字号缺失"),
        ("齐都镇", "目录未上传"),
    ]
    html = response.content.decode()
    assert html.count('class="card unit-group"') == 3
    assert html.index("<h2>区发改局") < html.index("<h2>区财政局") < html.index("<h2>齐都镇")
    assert html.count('<span class="badge overdue">逾期</span>') == 3
    assert '<td class="num">5</td>' in html


def test_record_finding_with_working_days_and_deduction(office, q4, renshe):
    response = office.post(
        reverse("inspections:finding_create", args=[q4.pk]),
        {
            "unit": renshe.pk,
            "category": "栏目更新",
            "column": "政策文件",
            "description": "政策文件一栏年内未更新",
            "working_days": "3",
            "working_days_from": "2025-01-10",
            "deduction_points": "0.5",
        },
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("inspections:round_detail", args=[q4.pk])
    item = Finding.objects.get()
    assert (item.unit, item.deadline, item.created_by.username) == (renshe, D(2025, 1, 15), "staff")
    assert list(Deduction.objects.values_list("unit__name", "year", "quarter", "reason", "points", "finding")) == [
        ("区人社局", 2024, 4, "政策文件一栏年内未更新", Decimal("0.50"), item.pk)
    ]


def test_record_and_continue_returns_to_the_form(office, q4, renshe):
    response = office.post(
        reverse("inspections:finding_create", args=[q4.pk]),
        {
            "unit": renshe.pk,
            "category": "错敏词",
            "description": "存在错敏词",
            "deadline": "2025-01-15",
            "another": "1",
        },
    )

    assert response["Location"] == reverse("inspections:finding_create", args=[q4.pk])


def test_record_form_shows_service_errors_on_the_field(office, q4, renshe):
    response = office.post(
        reverse("inspections:finding_create", args=[q4.pk]),
        {
            "unit": renshe.pk,
            "category": "错敏词",
            "description": "存在错敏词",
            "deadline": "2025-01-15",
            "working_days": "3",
        },
    )

    assert response.status_code == 200
    assert response.context["form"].errors == {"working_days": ["整改期限和工作日数只能填写一项。"]}
    assert Finding.objects.count() == 0


def test_edit_pending_finding(office, q4, renshe):
    item = finding(q4, renshe, deduction_points=Decimal("0.5"))
    assert office.get(reverse("inspections:finding_edit", args=[item.pk])).context["form"].initial[
        "deduction_points"
    ] == Decimal("0.50")

    response = office.post(
        reverse("inspections:finding_edit", args=[item.pk]),
        {
            "category": "栏目更新",
            "column": "政策解读",
            "description": "政策解读一栏年内未更新",
            "deadline": "2025-01-20",
            "deduction_points": "1",
        },
    )

    assert response["Location"] == reverse("inspections:finding_detail", args=[item.pk])
    item.refresh_from_db()
    assert (item.column, item.description, item.deadline) == ("政策解读", "政策解读一栏年内未更新", D(2025, 1, 20))
    assert list(item.deductions.values_list("reason", "points")) == [("政策解读一栏年内未更新", Decimal("1.00"))]


def test_edit_is_closed_once_answered(office, q4, renshe, renshe_user):
    item = submitted(finding(q4, renshe), renshe_user)

    response = office.get(reverse("inspections:finding_edit", args=[item.pk]), follow=True)

    assert response.redirect_chain == [(reverse("inspections:finding_detail", args=[item.pk]), 302)]
    assert "只有待整改的问题可以修改。" in response.content.decode()


@pytest.fixture
def review_set(q3, q4, renshe, shangwu, renshe_user, shangwu_user, staff):
    return {
        "answered": submitted(finding(q4, renshe, "已答复", category=Finding.Category.SENSITIVE_WORDS), renshe_user),
        "overdue": finding(q4, shangwu, "逾期未答复", deadline=D(2025, 1, 10)),
        "in_time": finding(q4, shangwu, "未到期", deadline=D(2025, 1, 20)),
        "done": accepted(finding(q4, renshe, "已验收"), renshe_user, staff),
        "old": finding(q3, renshe, "三季度问题", deadline=None),
    }


def listed(response):
    return [f.description for f in response.context["page"].object_list]


def test_review_list_shows_answers_to_review_and_overdue_items(office, review_set, today):
    response = office.get(reverse("inspections:review_list"))

    # Open findings without a deadline can never become overdue: they stay in the follow-up too.
    assert listed(response) == ["已答复", "逾期未答复", "三季度问题"]
    html = response.content.decode()
    assert "共3个问题。" in html
    assert html.count("验收通过</button>") == 1


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # Answers to review first, then overdue items, then by deadline (none last).
        ("scope=all", ["已答复", "逾期未答复", "已验收", "未到期", "三季度问题"]),
        ("status=accepted", ["已验收"]),
        ("status=pending", ["逾期未答复", "未到期", "三季度问题"]),
        ("category=错敏词", ["已答复"]),
        # Overdue = deadline passed and not accepted: an answer still under review counts.
        ("overdue=on", ["已答复", "逾期未答复"]),
        ("scope=todo&unit={shangwu}", ["逾期未答复"]),
        ("unit={renshe}", ["已答复", "已验收", "三季度问题"]),
        ("inspection={q3}", ["三季度问题"]),
    ],
)
def test_review_list_filters(office, review_set, renshe, shangwu, q3, today, query, expected):
    url = reverse("inspections:review_list") + "?" + query.format(renshe=renshe.pk, shangwu=shangwu.pk, q3=q3.pk)

    assert listed(office.get(url)) == expected


def test_accept_from_the_list_returns_to_the_list(office, review_set, today):
    item = review_set["answered"]
    back = reverse("inspections:review_list") + "?scope=todo"

    response = office.post(reverse("inspections:finding_accept", args=[item.pk]), {"next": back}, follow=True)

    assert response.redirect_chain == [(back, 302)]
    assert f"已验收{item.unit}的整改。" in response.content.decode()
    item.refresh_from_db()
    assert item.status == Finding.Status.ACCEPTED


def test_accept_never_redirects_elsewhere(office, review_set):
    item = review_set["answered"]

    response = office.post(reverse("inspections:finding_accept", args=[item.pk]), {"next": "https://evil.example/"})

    assert response["Location"] == reverse("inspections:finding_detail", args=[item.pk])


def test_return_without_reason_is_refused_with_a_message(office, review_set):
    item = review_set["answered"]

    response = office.post(reverse("inspections:finding_return", args=[item.pk]), {"reason": ""}, follow=True)

    assert "退回时必须填写退回原因。" in response.content.decode()
    item.refresh_from_db()
    assert item.status == Finding.Status.SUBMITTED


def test_return_with_reason(office, review_set):
    item = review_set["answered"]

    response = office.post(reverse("inspections:finding_return", args=[item.pk]), {"reason": "截图不清晰"}, follow=True)

    assert f"已退回{item.unit}的整改情况。" in response.content.decode()
    item.refresh_from_db()
    assert (item.status, item.transitions.last().note) == (Finding.Status.PENDING, "截图不清晰")


def test_accepting_a_pending_finding_shows_why_not(office, review_set):
    item = review_set["in_time"]

    response = office.post(reverse("inspections:finding_accept", args=[item.pk]), follow=True)

    assert "当前状态为“待整改”，不能改为“已验收”。" in response.content.decode()


@pytest.mark.parametrize("action", ["inspections:finding_accept", "inspections:finding_return"])
def test_actions_are_post_only(office, review_set, action):
    item = review_set["answered"]

    assert office.get(reverse(action, args=[item.pk])).status_code == 405
    item.refresh_from_db()
    assert item.status == Finding.Status.SUBMITTED


@pytest.mark.parametrize("action", ["inspections:finding_accept", "inspections:finding_return"])
def test_actions_need_the_csrf_token(staff, review_set, action):
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff)
    item = review_set["answered"]

    assert client.post(reverse(action, args=[item.pk]), {"reason": "x"}).status_code == 403
    item.refresh_from_db()
    assert item.status == Finding.Status.SUBMITTED


def test_detail_offers_review_to_the_office(office, review_set):
    html = office.get(reverse("inspections:finding_detail", args=[review_set["answered"].pk])).content.decode()

    assert "验收通过</button>" in html and "退回整改</button>" in html
    assert 'name="csrfmiddlewaretoken"' in html


def test_office_is_sent_from_the_unit_list_to_the_review_list(office):
    assert office.get(reverse("inspections:my_findings"))["Location"] == reverse("inspections:review_list")
