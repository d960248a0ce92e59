"""An application whose 补正 was asked for and never came is never answered late. 条例第三十条: the
answer period runs from the day the corrected application arrives, and an applicant who does not
correct without good reason is deemed to have given the application up (the unit closes it as
（六）1.申请人无正当理由逾期不补正). Without a corrected application no period runs, so a closing after
the 20 working days that would have run from receipt is not 超期: not on the page, in the export, in
the import's notices, in the office's overview, or in the quarterly notice's 依申请公开答复超期."""

import datetime
import io
import json

import pytest
from django.core.management import call_command
from django.urls import reverse

from applications.overview import overview
from applications.selectors import deadline_of, late_answers
from applications.services import answer_record, correction_receive, correction_request

from .helpers import HEADER, logged, sheet_row

pytestmark = pytest.mark.django_db
D = datetime.date
GAVE_UP = "other_1"


def closed_without_correction(unit, *, corrected_on=None):
    # Received Mon 15 Jul 2024: 20 working days from the next day end on Mon 12 Aug 2024
    # (16–19 Jul (4), 22–26 (9), 29 Jul–2 Aug (14), 5–9 Aug (19), 12 Aug (20)).
    # 补正 asked Mon 22 Jul (the 5th working day: within 7); closed Tue 20 Aug.
    application = logged(unit, D(2024, 7, 15))
    correction_request(application=application, requested_on=D(2024, 7, 22), acting_user=None)
    if corrected_on:
        application = correction_receive(application=application, corrected_on=corrected_on, acting_user=None)
    return answer_record(application=application, answered_on=D(2024, 8, 20), outcome=GAVE_UP, acting_user=None)


def test_a_closing_without_the_correction_is_not_late(renshe):
    application = closed_without_correction(renshe)
    assert (application.due_on, application.is_late) == (D(2024, 8, 12), False)
    answer = deadline_of(application).events[-1]
    assert answer.title == "答复"
    assert answer.text == (
        "作出答复（1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请），"
        "申请人未补正，答复期限未重新起算（条例第三十条），不计超期。"
    )
    assert answer.warning is False
    assert list(late_answers(D(2024, 7, 1), D(2024, 10, 1))) == []
    (line,) = overview(today=D(2024, 12, 31), year=2024).lines
    assert (line.answered, line.late) == (1, 0)


def test_once_the_correction_came_the_period_ran_and_a_late_answer_is_late(renshe):
    # Corrected Thu 25 Jul: 26 Jul (1), 29 Jul–2 Aug (6), 5–9 (11), 12–16 (16), 19–22 Aug (20) → Thu 22 Aug;
    # answered Tue 20 Aug: in time. Corrected Mon 22 Jul: … → Mon 19 Aug; answered 20 Aug: late.
    assert closed_without_correction(renshe, corrected_on=D(2024, 7, 25)).is_late is False
    late = closed_without_correction(renshe, corrected_on=D(2024, 7, 22))
    assert (late.due_on, late.is_late) == (D(2024, 8, 19), True)
    assert list(late_answers(D(2024, 7, 1), D(2024, 10, 1))) == [late]


def test_imported_and_exported_alike(renshe, xlsx_file, tmp_path):
    row = sheet_row(
        "2024-7-15",
        correction_requested="2024-7-22",
        answered="2024-8-20",
        outcome="1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    )
    out = io.StringIO()
    call_command("import_applications", str(xlsx_file([HEADER, row])), "--unit", "区人社局", stdout=out)
    assert "超过答复期限" not in out.getvalue()
    path = tmp_path / "2024.json"
    call_command(
        "export_applications", "--year", "2024", "--unit", "区人社局", "--format", "json", "--output", str(path)
    )
    (exported,) = json.loads(path.read_text(encoding="utf-8"))
    assert (exported["due"], exported["answered"], exported["late"]) == ("2024-08-12", "2024-08-20", False)


def test_the_page_says_why_it_is_not_late(renshe, renshe_user, client):
    application = closed_without_correction(renshe)
    client.force_login(renshe_user)
    html = client.get(reverse("applications:detail", args=[application.pk])).content.decode()
    assert "告知补正后申请人未补正即办结：答复期限没有重新起算（条例第三十条），不计超期；" in html
    assert "超期答复" not in html
    register = reverse("applications:register", args=[renshe.pk])
    assert "某项目立项批复" in client.get(register, {"year": 2024, "status": "answered"}).content.decode()
    assert "某项目立项批复" not in client.get(register, {"year": 2024, "status": "late"}).content.decode()
