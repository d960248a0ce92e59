"""Dates of an inspection that can only be typing errors are refused with a sentence: a round dated
before its quarter or after today, a deadline more than a year after the inspection (9999-12-31
was saved and printed, and every deadline counted from such a day was wrong)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from core.formatting import format_cn_date
from inspections.models import Finding, InspectionRound
from inspections.services import inspection_round_create

from .helpers import finding

D = datetime.date


@pytest.mark.parametrize(
    ("day", "message"),
    [
        (D(2024, 6, 30), "检查日期不能早于2024年7月1日（2024年三季度的第一天）。"),
        (D(1900, 1, 1), "检查日期不能早于2024年7月1日（2024年三季度的第一天）。"),
    ],
)
def test_a_round_before_its_quarter_is_refused(staff, day, message):
    with pytest.raises(ValidationError) as caught:
        inspection_round_create(name="2024年三季度检查", year=2024, quarter=3, inspected_on=day, acting_user=staff)

    assert caught.value.message_dict == {"inspected_on": [message]}
    assert not InspectionRound.objects.exists()


def test_a_round_after_today_is_refused(staff):
    today = timezone.localdate()

    with pytest.raises(ValidationError) as caught:
        inspection_round_create(
            name="检查", year=today.year, quarter=1, inspected_on=D(9999, 12, 31), acting_user=staff
        )

    assert caught.value.message_dict == {
        "inspected_on": [f"检查日期不能晚于今天（{format_cn_date(today)}），请核对年份。"]
    }


def test_a_deadline_more_than_a_year_after_the_inspection_is_refused(q4, renshe, staff):
    with pytest.raises(ValidationError) as caught:
        finding(q4, renshe, deadline=D(9999, 12, 31), acting_user=staff)
    kept = finding(q4, renshe, deadline=D(2026, 1, 7), acting_user=staff)

    assert caught.value.message_dict == {"deadline": ["整改期限不能晚于2026年1月7日（检查日期一年后），请核对年份。"]}
    assert list(Finding.objects.values_list("deadline", flat=True)) == [kept.deadline]


def test_the_round_page_shows_the_sentence(staff_client):
    data = {"name": "2024年三季度检查", "year": "2024", "quarter": "3", "inspected_on": "1900-01-01"}

    response = staff_client.post("/inspections/rounds/new/", data)

    assert "检查日期不能早于2024年7月1日（2024年三季度的第一天）。" in response.content.decode()
    assert not InspectionRound.objects.exists()
