"""The admin never bypasses the services: data they guard is read-only there (so an article can
never be added to a month that already has a total and be counted twice), and rule sets are saved
through the service, so the rules of an issued quarter change only by a correction."""

import datetime
from decimal import Decimal

import pytest

from reports.models import IssuedNotice
from scoring.models import RuleSet
from scoring.selectors import quarter_scores
from tests.factories import NoticeFactory, PublicationFactory, TallyFactory, UnitFactory
from units.models import User

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(User.objects.create_superuser("root", password="x", role=User.Role.OFFICE_ADMIN))
    return client


@pytest.mark.parametrize(
    "model",
    [
        "submissions/article",
        "submissions/monthlyarticletally",
        "submissions/monthlypublication",
        "inspections/deduction",
        "inspections/finding",
        "inspections/inspectionround",
    ],
)
def test_guarded_data_cannot_be_added_in_the_admin(admin_client, model):
    assert admin_client.get(f"/admin/{model}/add/").status_code == 403
    assert admin_client.get(f"/admin/{model}/").status_code == 200  # still readable


def test_no_double_count_through_the_admin(admin_client):
    unit = UnitFactory(name="区商务局")
    TallyFactory(unit=unit, year=2020, month=8, submitted=1)

    response = admin_client.post(
        "/admin/submissions/article/add/",
        {"unit": unit.pk, "title": "稿件", "received_on": "2020-08-05", "is_compliant": "on"},
    )

    assert response.status_code == 403
    row = quarter_scores(year=2020, quarter=3).for_unit(unit.pk)
    assert [f.submitted for f in row.figures] == [0, 1, 0]


def rule_set_form(rule_set: RuleSet, **changes) -> dict:
    data = {
        name: getattr(rule_set, name)
        for name in (
            "name",
            "valid_from",
            "basis",
            "points_per_item",
            "monthly_item_cap",
            "quarterly_publication_cap",
            "submission_required_from",
            "article_quota",
            "demo_site_article_quota",
            "no_submission_points",
            "quota_shortfall_points",
            "city_adoption_bonus",
            "province_adoption_bonus",
            "rank_method",
        )
    }
    data["bonus_in_quarterly_total"] = "on" if rule_set.bonus_in_quarterly_total else ""
    return {**data, **changes}


@pytest.fixture
def issued_q3(db):
    """2020 Q3 issued with 区供销社 ranked before 区商务局 on 0.5 a point."""
    supply = UnitFactory(name="区供销社", sort_order=1)
    commerce = UnitFactory(name="区商务局", sort_order=2)
    for month, count in zip((7, 8, 9), (6, 4, 7), strict=True):
        PublicationFactory(unit=supply, year=2020, month=month, count=count)
        PublicationFactory(unit=commerce, year=2020, month=month, count=5)
    notice = NoticeFactory(year=2020, quarter=3, attachments=["stats_dept"])
    from reports.services import notice_issue

    notice_issue(
        notice=notice,
        acting_user=User.objects.create(username="staff", role=User.Role.OFFICE_STAFF),
        confirm_incomplete=True,
    )
    return IssuedNotice.objects.get()


def test_the_rules_of_an_issued_quarter_are_not_edited_in_place(admin_client, issued_q3):
    rules = RuleSet.objects.get(valid_from=datetime.date(2020, 1, 1))
    url = f"/admin/scoring/ruleset/{rules.pk}/change/"

    response = admin_client.post(url, rule_set_form(rules, points_per_item="0.6"))

    assert response.status_code == 200
    assert (
        "该计分规则用于已印发通报的季度（2020年三季度），不能直接修改：请新增一个从以后某月起生效的规则版本；"
        "确需更正已印发季度的计分，请填写更正说明。"
    ) in response.content.decode()
    rules.refresh_from_db()
    assert rules.points_per_item == Decimal("0.5")


def test_a_correction_lists_the_issued_notices_that_now_differ(admin_client, issued_q3):
    rules = RuleSet.objects.get(valid_from=datetime.date(2020, 1, 1))
    url = f"/admin/scoring/ruleset/{rules.pk}/change/"

    response = admin_client.post(
        url, rule_set_form(rules, monthly_item_cap=5, correction_note="每月最多计5条"), follow=True
    )

    rules.refresh_from_db()
    assert rules.monthly_item_cap == 5
    html = response.content.decode()
    assert "2020年三季度通报（第1版（" in html and "与更正后的得分不同：2个单位" in html
    assert rules.history.first().history_change_reason == "更正：每月最多计5条"


def test_a_new_version_from_a_later_date_needs_no_correction(admin_client, issued_q3):
    rules = RuleSet.objects.get(valid_from=datetime.date(2024, 1, 1))

    admin_client.post(f"/admin/scoring/ruleset/{rules.pk}/change/", rule_set_form(rules, points_per_item="0.6"))

    rules.refresh_from_db()
    assert rules.points_per_item == Decimal("0.6")


def test_the_first_edit_of_a_shipped_rule_set_logs_only_what_changed(admin_client):
    from core.history import object_history

    rules = RuleSet.objects.get(valid_from=datetime.date(2024, 1, 1))
    admin_client.post(f"/admin/scoring/ruleset/{rules.pk}/change/", rule_set_form(rules, points_per_item="0.6"))

    entries = object_history("scoring.RuleSet", RuleSet.history.filter(id=rules.pk))
    assert [e.action for e in entries] == ["新增", "修改"]
    assert entries[-1].changes == [("每条信息得分", "0.5", "0.6")]
