"""A date that can only be a typo (after today, or before the 条例 took effect) is refused in the
register's forms and in its import, naming the field; nothing is written."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from applications.models import Application
from applications.services import answer_record, application_record

from .helpers import HEADER, sheet_row

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture(autouse=True)
def today(monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *args: D(2025, 3, 10))


def record(unit, user, received_on):
    return application_record(
        unit=unit,
        received_on=received_on,
        channel="in_person",
        applicant_type="natural",
        content="某小区规划许可",
        applicant_name="李四",
        acting_user=user,
    )


def test_a_received_date_after_today_is_refused(renshe, renshe_user):
    with pytest.raises(ValidationError) as exc:
        record(renshe, renshe_user, D(2035, 3, 4))
    assert exc.value.message_dict == {
        "received_on": ["收到申请日期（2035年3月4日）晚于今天（2025年3月10日），请核对年份。"]
    }
    assert Application.objects.count() == 0


def test_a_received_date_before_the_regulations_is_refused(renshe, renshe_user):
    with pytest.raises(ValidationError) as exc:
        record(renshe, renshe_user, D(1925, 3, 4))
    assert exc.value.message_dict == {"received_on": ["收到申请日期（1925年3月4日）早于2008年5月1日，请核对年份。"]}


def test_today_itself_is_accepted_and_an_answer_after_today_is_refused(renshe, renshe_user):
    application = record(renshe, renshe_user, D(2025, 3, 10))
    with pytest.raises(ValidationError) as exc:
        answer_record(application=application, answered_on=D(2025, 3, 11), outcome="granted", acting_user=renshe_user)
    assert exc.value.message_dict == {
        "answered_on": ["答复日期（2025年3月11日）晚于今天（2025年3月10日），请核对年份。"]
    }
    application.refresh_from_db()
    assert (application.answered_on, application.outcome) == (None, "")


def test_the_import_names_the_row_and_writes_nothing(renshe, xlsx_file, capsys):
    rows = [
        HEADER,
        sheet_row("2025-03-04"),
        sheet_row("2052-03-04"),
        sheet_row("2025-03-05", answered="2025-12-20", outcome="予以公开"),
    ]
    with pytest.raises(CommandError, match="共2处错误，未导入任何数据。"):
        call_command("import_applications", str(xlsx_file(rows)), "--unit", "区人社局")
    assert capsys.readouterr().err.splitlines() == [
        "第3行 收到日期: 收到申请日期（2052年3月4日）晚于今天（2025年3月10日），请核对年份",
        "第4行 答复日期: 答复日期（2025年12月20日）晚于今天（2025年3月10日），请核对年份",
    ]
    assert Application.objects.count() == 0
