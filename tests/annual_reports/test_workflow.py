"""The workflow: the office opens a year with deadlines; a report is 未填报 → 已提交 → 退回 / 已定稿,
every transition audited; a finalised report is frozen and corrected by a new version."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from annual_reports.layout import decode
from annual_reports.models import AnnualReport, ReportTransition, ReportYear
from annual_reports.selectors import is_late
from annual_reports.services import (
    report_correct,
    report_finalise,
    report_return,
    report_save,
    report_year_open,
)
from tests.factories import UnitFactory

from .seed import seed_2024

Status = AnnualReport.Status


def test_opening_a_year_sets_the_legal_deadlines(staff):
    report_year = report_year_open(year=2024, acting_user=staff)
    assert (report_year.unit_deadline, report_year.district_deadline) == (
        datetime.date(2025, 1, 31),
        datetime.date(2025, 3, 31),
    )
    assert report_year.history.get().history_user == staff
    with pytest.raises(ValidationError) as error:
        report_year_open(year=2024, acting_user=staff)
    assert error.value.message_dict == {"year": ["2024年度的年度报告已经开启。"]}


def test_district_deadline_not_before_the_units(staff):
    with pytest.raises(ValidationError) as error:
        report_year_open(
            year=2024,
            acting_user=staff,
            unit_deadline=datetime.date(2025, 2, 28),
            district_deadline=datetime.date(2025, 2, 1),
        )
    assert error.value.message_dict == {"district_deadline": ["全区报告发布截止日期不能早于各单位报送截止日期。"]}


def test_incomplete_report_is_saved_but_not_submitted(year_2024, renshe, renshe_user):
    outcome = report_save(
        report_year=year_2024, unit=renshe, acting_user=renshe_user, typed={"new.natural": 1}, submit=True
    )
    assert not outcome.submitted
    assert outcome.report.status == Status.NOT_SUBMITTED
    assert outcome.report.figures == {"new.natural": 1}
    assert [p.message for p in outcome.problems] == [
        "每一格都应填写，没有的填0：还有165格未填写，如规章“本年制发件数”。"
    ]
    assert not ReportTransition.objects.exists()


def test_error_level_check_blocks_submission(year_2024, renshe, renshe_user):
    typed = seed_2024()
    typed["partly.natural"] = 7
    outcome = report_save(report_year=year_2024, unit=renshe, acting_user=renshe_user, typed=typed, submit=True)
    assert not outcome.submitted
    assert [p.rule for p in outcome.problems if p.is_error] == ["第一项加第二项之和等于第三项加第四项之和"]


def submit(year, unit, user, typed=None):
    return report_save(report_year=year, unit=unit, acting_user=user, typed=typed or seed_2024(), submit=True)


def test_submit_return_resubmit_finalise_with_audit_rows(year_2024, renshe, renshe_user, staff):
    report = submit(year_2024, renshe, renshe_user).report
    assert report.status == Status.SUBMITTED
    assert report.first_submitted_at is not None
    with pytest.raises(ValidationError) as error:
        report_save(report_year=year_2024, unit=renshe, acting_user=renshe_user, texts={"other": "改"})
    assert error.value.messages == ["报告已提交，不能修改。"]
    with pytest.raises(ValidationError) as error:
        report_return(report=report, reason=" ", acting_user=staff)
    assert error.value.message_dict == {"reason": ["退回须说明原因。"]}
    report = report_return(report=report, reason="五、六部分未填写", acting_user=staff)
    assert report.status == Status.RETURNED
    report = report_save(
        report_year=year_2024,
        unit=renshe,
        acting_user=renshe_user,
        texts={"problems": "问题", "other": "无"},
        submit=True,
    ).report
    report = report_finalise(report=report, acting_user=staff)
    assert report.status == Status.FINALISED
    rows = list(report.transitions.values_list("from_status", "to_status", "acting_user__username", "note"))
    assert rows == [
        ("not_submitted", "submitted", "renshe", ""),
        ("submitted", "returned", "staff", "五、六部分未填写"),
        ("returned", "submitted", "renshe", ""),
        ("submitted", "finalised", "staff", ""),
    ]


def test_only_allowed_transitions(year_2024, renshe, renshe_user, staff):
    report = report_save(report_year=year_2024, unit=renshe, acting_user=renshe_user, typed=seed_2024()).report
    with pytest.raises(ValidationError) as error:
        report_finalise(report=report, acting_user=staff)
    assert error.value.messages == ["报告当前状态为“已保存未提交”，不能定稿。"]
    with pytest.raises(ValidationError) as error:
        report_return(report=report, reason="x", acting_user=staff)
    assert error.value.messages == ["报告当前状态为“已保存未提交”，不能退回。"]
    report = submit(year_2024, renshe, renshe_user).report
    with pytest.raises(PermissionDenied):
        report_finalise(report=report, acting_user=renshe_user)


def test_a_finalised_report_is_frozen_and_corrected_by_a_new_version(year_2024, renshe, renshe_user, staff):
    first = report_finalise(report=submit(year_2024, renshe, renshe_user).report, acting_user=staff)
    with pytest.raises(ValidationError) as error:
        report_save(report_year=year_2024, unit=renshe, acting_user=renshe_user, typed={"new.natural": 99})
    assert error.value.messages == ["报告已定稿，不能修改。"]
    with pytest.raises(ValidationError) as error:
        report_correct(report=first, note="", acting_user=staff)
    assert error.value.message_dict == {"note": ["更正须说明原因。"]}
    second = report_correct(report=first, note="行政许可件数填错", acting_user=staff)
    assert (second.version, second.status, second.correction_note) == (2, Status.NOT_SUBMITTED, "行政许可件数填错")
    typed = seed_2024()
    typed["licensing.decisions"] = 3
    report_save(report_year=year_2024, unit=renshe, acting_user=renshe_user, typed=typed)
    first.refresh_from_db()
    assert first.status == Status.FINALISED
    assert decode(first.figures)["licensing.decisions"] == 0
    assert decode(AnnualReport.objects.get(version=2).figures)["licensing.decisions"] == 3
    with pytest.raises(ValidationError) as error:
        report_correct(report=first, note="再改", acting_user=staff)
    assert error.value.messages == ["只能更正最新一版已定稿的报告。"]


def test_a_unit_fills_only_its_own_report_the_office_only_its_own_units(
    year_2024, renshe, renshe_user, staff, office_unit
):
    other = UnitFactory(name="区商务局")
    with pytest.raises(PermissionDenied):
        report_save(report_year=year_2024, unit=other, acting_user=renshe_user, typed={})
    with pytest.raises(PermissionDenied):
        report_save(report_year=year_2024, unit=renshe, acting_user=staff, typed={})
    assert report_save(report_year=year_2024, unit=office_unit, acting_user=staff, typed={}).report.unit == office_unit


def test_last_years_pending_must_be_this_years_carried_over(year_2023, year_2024, renshe, renshe_user, staff):
    last = seed_2024()
    last.update({"new.natural": 10, "pending.natural": 3, "granted.natural": 10})
    last["unable_1.natural"] = 0
    last["partly.natural"] = 0
    last["carried.natural"] = 3
    report_finalise(report=submit(year_2023, renshe, renshe_user, last).report, acting_user=staff)
    outcome = submit(year_2024, renshe, renshe_user)
    assert not outcome.submitted
    assert [p.message for p in outcome.problems] == [
        "本年上年结转等于上年结转下年度继续办理：“自然人”列 本年二、上年结转2，2023年四、结转下年度继续办理3，两者不等。",
        "现行有效件数等于上年现行有效件数加本年制发件数减本年废止件数：行政规范性文件 现行有效件数9，"
        "2023年现行有效件数9 + 本年制发件数1 - 本年废止件数6 = 4，两者不等。",
    ]


def test_late_means_submitted_after_the_deadline_or_not_yet_after_it(year_2024, renshe, renshe_user):
    deadline = year_2024.unit_deadline
    assert not is_late(None, deadline, datetime.date(2025, 1, 31))
    assert is_late(None, deadline, datetime.date(2025, 2, 1))
    report = submit(year_2024, renshe, renshe_user).report
    report.first_submitted_at = timezone.make_aware(datetime.datetime(2025, 2, 3, 9))
    assert is_late(report, deadline, datetime.date(2025, 2, 3))
    report.first_submitted_at = timezone.make_aware(datetime.datetime(2025, 1, 31, 23, 30))
    assert not is_late(report, deadline, datetime.date(2025, 3, 1))


def test_a_year_not_yet_come_is_refused(staff, staff_client):
    """2062 typed for 2026 opened a year no unit can report on, and it stayed in the list."""
    this_year = timezone.localdate().year

    response = staff_client.post("/annual/open/", {"year": str(this_year + 36)})

    assert response.status_code == 400
    assert f"{this_year + 36}年还没有到，只能开启{this_year}年及以前的年度，请核对年份。" in response.content.decode()
    assert not ReportYear.objects.exists()
    assert report_year_open(year=this_year, acting_user=staff).year == this_year
