"""The answer deadline in working days of the State Council's holiday arrangements of 2024 and 2025
(statutory holidays off, 调休 make-up days on). Every expected date is counted by hand below, day by
day, from the arrangements (国办发明电〔2023〕7号 for 2024, 国办发明电〔2024〕12号 for 2025)."""

import datetime

import pytest

from applications.deadlines import (
    Consulted,
    Facts,
    consultation_days,
    correction_request_due,
    deadline,
    due_date,
    working_days_left,
)
from applications.services import (
    answer_record,
    application_record,
    consultation_add,
    correction_receive,
    correction_request,
    extension_grant,
)
from core.calendar import forget_working_days

D = datetime.date


def test_spring_festival_2024_with_its_two_sunday_workdays():
    # Received Fri 2 Feb 2024; counted from Sat 3 Feb. 春节 10–17 Feb off, Sun 4 and Sun 18 Feb are
    # workdays: 4(1) 5(2) 6(3) 7(4) 8(5) 9(6) | 18(7) 19(8) 20(9) 21(10) 22(11) 23(12) |
    # 26(13) 27(14) 28(15) 29(16) Mar 1(17) | 4(18) 5(19) 6(20) → Wed 6 Mar 2024.
    assert due_date(received_on=D(2024, 2, 2)) == D(2024, 3, 6)
    # 补正 within 7 working days: 4(1) … 9(6), then the make-up Sunday 18 Feb (7).
    assert correction_request_due(D(2024, 2, 2)) == D(2024, 2, 18)


def test_mid_autumn_and_national_day_2024_and_an_extension():
    # Received Fri 13 Sep 2024. Sat 14 Sep is a workday (1); 中秋 15–17 off; 18(2) 19(3) 20(4) |
    # 23(5) 24(6) 25(7) 26(8) 27(9) | Sun 29 workday (10) 30(11) | 国庆 1–7 Oct off |
    # 8(12) 9(13) 10(14) 11(15) Sat 12 workday (16) | 14(17) 15(18) 16(19) 17(20) → Thu 17 Oct.
    assert due_date(received_on=D(2024, 9, 13)) == D(2024, 10, 17)
    # 20 more: 18(21) | 21(22) … 25(26) | 28(27) … Nov 1(31) | 4(32) … 8(36) | 11(37) 12(38) 13(39) 14(40).
    assert due_date(received_on=D(2024, 9, 13), extension_days=20) == D(2024, 11, 14)


def test_correction_restarts_the_period_across_labour_day_2024():
    # Received Mon 22 Apr 2024. Correction due: 23(1) 24(2) 25(3) 26(4) Sun 28 workday (5) 29(6) 30(7).
    assert correction_request_due(D(2024, 4, 22)) == D(2024, 4, 30)
    # Without a correction: … 30(7) | 劳动节 1–5 May off | 6(8) 7(9) 8(10) 9(11) 10(12) Sat 11 workday (13) |
    # 13(14) … 17(18) | 20(19) 21(20) → Tue 21 May.
    assert due_date(received_on=D(2024, 4, 22)) == D(2024, 5, 21)
    # The corrected application arrives Mon 6 May: again from Tue 7 May: 7(1) 8(2) 9(3) 10(4)
    # Sat 11 workday (5) | 13(6) … 17(10) | 20(11) … 24(15) | 27(16) … 31(20) → Fri 31 May.
    assert due_date(received_on=D(2024, 4, 22), corrected_on=D(2024, 5, 6)) == D(2024, 5, 31)


def test_spring_festival_2025_with_consultation_not_counted():
    # Received Mon 20 Jan 2025: 21(1) 22(2) 23(3) 24(4) Sun 26 workday (5) 27(6) | 春节 28 Jan–4 Feb off |
    # 5(7) 6(8) 7(9) Sat 8 workday (10) | 10(11) … 14(15) | 17(16) … 21(20) → Fri 21 Feb.
    assert due_date(received_on=D(2025, 1, 20)) == D(2025, 2, 21)
    # The third party was asked on Thu 6 Feb and answered on Wed 19 Feb: 7(1) Sat 8 (2) 10(3) … 14(7)
    # 17(8) 18(9) 19(10) = 10 working days not counted.
    assert consultation_days(D(2025, 2, 6), D(2025, 2, 19)) == 10
    # 21 Feb + 10: 24(21) … 28(25) | Mar 3(26) … 7(30) → Fri 7 Mar.
    assert due_date(received_on=D(2025, 1, 20), consultation_days=10) == D(2025, 3, 7)


def test_national_day_2025_with_extension_and_consultation():
    # Received Fri 19 Sep 2025: 22(1) … 26(5) Sun 28 workday (6) 29(7) 30(8) | 国庆中秋 1–8 Oct off |
    # 9(9) 10(10) Sat 11 workday (11) | 13(12) … 17(16) | 20(17) … 23(20) → Thu 23 Oct.
    assert due_date(received_on=D(2025, 9, 19)) == D(2025, 10, 23)
    # 15 days' extension and 5 days' consultation: 24(21) | 27(22) … 31(26) | Nov 3(27) … 7(31) |
    # 10(32) … 14(36) | 17(37) 18(38) 19(39) 20(40) → Thu 20 Nov.
    assert due_date(received_on=D(2025, 9, 19), extension_days=15, consultation_days=5) == D(2025, 11, 20)


@pytest.mark.parametrize(
    ("received", "due"),
    [
        # New year: Tue 17 Dec 2024 → 18(1) 19(2) 20(3) | 23(4) … 27(8) | 30(9) 31(10) | 元旦 1 Jan off |
        # 2(11) 3(12) | 6(13) … 10(17) | 13(18) 14(19) 15(20) → Wed 15 Jan 2025.
        (D(2024, 12, 17), D(2025, 1, 15)),
        # Labour day 2025: Thu 24 Apr → 25(1) Sun 27 workday (2) 28(3) 29(4) 30(5) | 1–5 May off |
        # 6(6) … 9(9) | 12(10) … 16(14) | 19(15) … 23(19) | 26(20) → Mon 26 May.
        (D(2025, 4, 24), D(2025, 5, 26)),
        # 端午 2025: Fri 23 May → 26(1) … 30(5) | 31 May–2 Jun off | 3(6) … 6(9) | 9(10) … 13(14) |
        # 16(15) … 20(19) | 23(20) → Mon 23 Jun.
        (D(2025, 5, 23), D(2025, 6, 23)),
        # 端午 2024: Fri 7 Jun → 11(1) (10 Jun off) … 14(4) | 17(5) … 21(9) | 24(10) … 28(14) |
        # Jul 1(15) … 5(19) | 8(20) → Mon 8 Jul.
        (D(2024, 6, 7), D(2024, 7, 8)),
    ],
)
def test_holidays_of_2024_and_2025(received, due):
    assert due_date(received_on=received) == due


def test_working_days_left_and_overdue_count_make_up_days():
    # Due Thu 17 Oct 2024. On Fri 11 Oct: Sat 12 (a workday) 14 15 16 17 → 5 left.
    assert working_days_left(D(2024, 10, 17), D(2024, 10, 11)) == 5
    assert working_days_left(D(2024, 10, 17), D(2024, 10, 17)) == 0
    # On Mon 21 Oct: 18 and 21 have passed → 2 working days overdue.
    assert working_days_left(D(2024, 10, 17), D(2024, 10, 21)) == -2


def test_the_page_lists_every_event_that_moved_the_due_date():
    facts = Facts(
        received_on=D(2024, 4, 22),
        channel="网络",
        correction_requested_on=D(2024, 4, 25),
        corrected_on=D(2024, 5, 6),
        consultations=(Consulted("第三方", 3, D(2024, 5, 13), D(2024, 5, 16)),),
        extension_days=10,
        extension_approver="王主任",
        extension_notified_on=D(2024, 5, 30),
        answered_on=D(2024, 6, 20),
        outcome="予以公开",
    )
    result = deadline(facts)
    # 31 May (after the correction) + 3 + 10: Jun 3(21) … 7(25) | 10 Jun 端午 off | 11(26) … 14(29) |
    # 17(30) 18(31) 19(32) 20(33) → Thu 20 Jun: answered on the last day, in time.
    assert result.due == D(2024, 6, 20)
    assert [(e.on, e.title, e.due) for e in result.events] == [
        (D(2024, 4, 22), "收到申请", D(2024, 5, 21)),
        (D(2024, 4, 25), "告知补正", None),
        (D(2024, 5, 6), "收到补正", D(2024, 5, 31)),
        # 31 May + 3: Jun 3 4 5 → Wed 5 Jun.
        (D(2024, 5, 13), "征求意见", D(2024, 6, 5)),
        (D(2024, 5, 30), "延长答复期限", D(2024, 6, 20)),
        (D(2024, 6, 20), "答复", D(2024, 6, 20)),
    ]
    assert (
        result.events[4].text == "经王主任同意延长答复期限10个工作日，2024年5月30日告知申请人，期限延至2024年6月20日。"
    )
    assert result.events[-1].text == "作出答复（予以公开），在答复期限内。"
    assert not result.correction_late


def test_a_late_correction_request_is_marked():
    # Received Fri 13 Sep 2024: the request was due by 14(1) 18(2) 19(3) 20(4) 23(5) 24(6) 25(7) → 25 Sep.
    result = deadline(Facts(received_on=D(2024, 9, 13), correction_requested_on=D(2024, 9, 26)))
    assert result.correction_due == D(2024, 9, 25)
    assert result.correction_late
    assert result.events[1].warning
    assert result.awaiting_correction


@pytest.mark.django_db
def test_the_services_store_the_final_due_date(django_user_model):
    from tests.factories import UnitFactory

    unit = UnitFactory(name="区人社局")
    application = application_record(
        unit=unit, received_on=D(2024, 4, 22), channel="post", applicant_type="natural", content="某项目批复"
    )
    assert application.due_on == D(2024, 5, 21)
    application = correction_request(application=application, requested_on=D(2024, 4, 25), acting_user=None)
    assert application.status == "awaiting_correction"
    application = correction_receive(application=application, corrected_on=D(2024, 5, 6), acting_user=None)
    assert (application.status, application.due_on) == ("open", D(2024, 5, 31))
    consultation_add(
        application=application,
        party="third_party",
        sent_on=D(2024, 5, 13),
        replied_on=D(2024, 5, 16),
        acting_user=None,
    )
    application.refresh_from_db()
    assert application.due_on == D(2024, 6, 5)
    application = extension_grant(
        application=application, days=10, approver="王主任", notified_on=D(2024, 5, 30), acting_user=None
    )
    assert application.due_on == D(2024, 6, 20)
    # Answered the day after: 21 Jun is a working day, so one working day late.
    application = answer_record(
        application=application, answered_on=D(2024, 6, 21), outcome="granted", acting_user=None
    )
    assert application.is_late


def test_a_year_whose_holidays_are_not_published_counts_monday_to_friday_for_now():
    # Received Mon 21 Dec 2026: 22(1) … 25(4) | 28(5) … 31(8) | 2027 not known yet: Fri 1 Jan (9) |
    # 4(10) … 8(14) | 11(15) … 15(19) | 18(20) → Mon 18 Jan 2027, provisional.
    result = deadline(Facts(received_on=D(2026, 12, 21)))
    assert (result.due, result.provisional) == (D(2027, 1, 18), True)
    assert not deadline(Facts(received_on=D(2026, 11, 2))).provisional


@pytest.mark.django_db
def test_provisional_due_dates_are_computed_again_once_the_holidays_are_known(monkeypatch, request):
    from applications.models import Application
    from applications.services import due_dates_refresh
    from tests.factories import UnitFactory

    application = application_record(
        unit=UnitFactory(name="区人社局"),
        received_on=D(2026, 12, 21),
        channel="fax",
        applicant_type="natural",
        content="x",
    )
    assert (application.due_on, application.due_provisional) == (D(2027, 1, 18), True)
    assert due_dates_refresh() == 0  # still not known: nothing to change
    # Once the calendar knows 2027 (here: 1 Jan off, as every year), the date is final.
    import chinese_calendar

    real = chinese_calendar.is_workday
    monkeypatch.setattr(
        chinese_calendar,
        "is_workday",
        lambda day: day.weekday() < 5 and day != D(2027, 1, 1) if day.year == 2027 else real(day),
    )
    request.addfinalizer(forget_working_days)  # the patched answers are not kept for other tests
    assert due_dates_refresh() == 1
    application = Application.objects.get()
    assert (application.due_on, application.due_provisional) == (D(2027, 1, 19), False)
