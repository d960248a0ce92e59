"""The rules of handling an application: one 补正 request, the corrected application restarting the
period, one extension of at most 20 working days told before the period ends, the answer with its
one outcome, every change of status with its audit row, and only the unit itself keeping its register."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from applications.models import Application, ApplicationTransition
from applications.services import (
    answer_record,
    answer_withdraw,
    application_delete,
    application_record,
    application_update,
    correction_receive,
    correction_request,
    extension_grant,
)
from tests.factories import UserFactory
from units.models import User

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def application(renshe, renshe_user):
    # Fri 13 Sep 2024 → due Thu 17 Oct 2024 (see test_deadlines).
    return application_record(
        unit=renshe,
        received_on=D(2024, 9, 13),
        channel="in_person",
        applicant_type="natural",
        content="某小区规划许可",
        applicant_name="李四",
        acting_user=renshe_user,
    )


def messages(exc) -> list[str]:
    return exc.value.messages


def test_one_extension_only_of_at_most_20_working_days_told_in_time(application, renshe_user):
    with pytest.raises(ValidationError) as exc:
        extension_grant(
            application=application, days=21, approver="王主任", notified_on=D(2024, 10, 10), acting_user=renshe_user
        )
    assert messages(exc) == ["延长的期限最长不得超过20个工作日（条例第三十三条）。"]
    with pytest.raises(ValidationError) as exc:
        extension_grant(
            application=application, days=20, approver="王主任", notified_on=D(2024, 10, 18), acting_user=renshe_user
        )
    assert messages(exc) == ["延期应在答复期限（2024年10月17日）届满前告知申请人。"]
    with pytest.raises(ValidationError) as exc:
        extension_grant(
            application=application, days=20, approver=" ", notified_on=D(2024, 10, 10), acting_user=renshe_user
        )
    assert messages(exc) == ["请填写批准延期的政府信息公开工作机构负责人。"]
    extended = extension_grant(
        application=application, days=20, approver="王主任", notified_on=D(2024, 10, 10), acting_user=renshe_user
    )
    assert extended.due_on == D(2024, 11, 14)
    with pytest.raises(ValidationError) as exc:
        extension_grant(
            application=extended, days=5, approver="王主任", notified_on=D(2024, 11, 1), acting_user=renshe_user
        )
    assert messages(exc) == ["本申请已延长过答复期限，答复期限只能延长一次（条例第三十三条）。"]


def test_one_correction_request_and_the_period_restarts(application, renshe_user):
    with pytest.raises(ValidationError) as exc:
        correction_receive(application=application, corrected_on=D(2024, 9, 20), acting_user=renshe_user)
    assert messages(exc) == ["尚未告知补正，不能登记收到补正。"]
    waiting = correction_request(application=application, requested_on=D(2024, 9, 18), acting_user=renshe_user)
    assert waiting.status == Application.Status.AWAITING_CORRECTION
    with pytest.raises(ValidationError) as exc:
        correction_request(application=waiting, requested_on=D(2024, 9, 19), acting_user=renshe_user)
    assert messages(exc) == ["已于2024年9月18日告知补正：补正应一次性告知（条例第三十条）。"]
    with pytest.raises(ValidationError) as exc:
        correction_receive(application=waiting, corrected_on=D(2024, 9, 17), acting_user=renshe_user)
    assert messages(exc) == ["收到补正日期（2024年9月17日）早于告知补正日期（2024年9月18日）。"]
    # Corrected Mon 23 Sep 2024: 24(1) … 27(4) Sun 29 workday (5) 30(6) | 国庆 off | 8(7) … 11(10)
    # Sat 12 workday (11) | 14(12) … 18(16) | 21(17) … 24(20) → Thu 24 Oct.
    running = correction_receive(application=waiting, corrected_on=D(2024, 9, 23), acting_user=renshe_user)
    assert (running.status, running.due_on) == (Application.Status.OPEN, D(2024, 10, 24))
    assert list(running.transitions.values_list("from_status", "to_status", "acting_user__username")) == [
        ("open", "awaiting_correction", "renshe"),
        ("awaiting_correction", "open", "renshe"),
    ]


def test_the_answer_has_one_outcome_and_cannot_come_before_receipt(application, renshe_user):
    with pytest.raises(ValidationError) as exc:
        answer_record(application=application, answered_on=D(2024, 9, 12), outcome="granted", acting_user=renshe_user)
    assert messages(exc) == ["答复日期（2024年9月12日）早于收到申请日期（2024年9月13日）。"]
    with pytest.raises(ValidationError) as exc:
        answer_record(application=application, answered_on=D(2024, 9, 20), outcome="予以公开", acting_user=renshe_user)
    assert messages(exc) == ["请选择处理结果。"]
    answered = answer_record(
        application=application, answered_on=D(2024, 10, 18), outcome="partly", acting_user=renshe_user
    )
    assert (answered.status, answered.is_late) == (Application.Status.ANSWERED, True)
    with pytest.raises(ValidationError) as exc:
        extension_grant(
            application=answered, days=5, approver="王主任", notified_on=D(2024, 10, 1), acting_user=renshe_user
        )
    assert messages(exc) == ["申请已于2024年10月18日答复，不能再延长答复期限。"]
    reopened = answer_withdraw(application=answered, reason="误登记了答复", acting_user=renshe_user)
    assert (reopened.status, reopened.outcome, reopened.answered_on) == ("open", "", None)
    assert ApplicationTransition.objects.filter(to_status="open", note="误登记了答复").count() == 1


def test_only_the_unit_keeps_its_register_and_the_office_its_own(application, renshe, shangwu_user, office_unit):
    staff = UserFactory(username="staff", role=User.Role.OFFICE_STAFF)
    for user in (shangwu_user, staff):
        with pytest.raises(PermissionDenied):
            answer_record(application=application, answered_on=D(2024, 10, 8), outcome="granted", acting_user=user)
        with pytest.raises(PermissionDenied):
            application_record(
                unit=renshe,
                received_on=D(2024, 1, 2),
                channel="fax",
                applicant_type="natural",
                content="x",
                acting_user=user,
            )
    own = application_record(
        unit=office_unit,
        received_on=D(2024, 1, 2),
        channel="fax",
        applicant_type="natural",
        content="x",
        acting_user=staff,
    )
    assert own.unit == office_unit


def test_corrections_and_deletion_are_kept_in_history(application, renshe_user):
    application_update(
        application=application, acting_user=renshe_user, applicant_name="李小四", received_on=D(2024, 9, 12)
    )
    application.refresh_from_db()
    # Thu 12 Sep: 13(1) Sat 14 workday (2) 18(3) … → one working day earlier: Wed 16 Oct.
    assert application.due_on == D(2024, 10, 16)
    assert list(application.history.order_by("history_id").values_list("applicant_name", flat=True)) == [
        "李四",
        "李小四",
    ]
    with pytest.raises(ValidationError):
        application_delete(application=application, acting_user=renshe_user, reason="")
    pk = application.pk
    application_delete(application=application, acting_user=renshe_user, reason="重复登记")
    assert not Application.objects.filter(pk=pk).exists()
    deleted = Application.history.filter(id=pk).latest("history_id")
    assert (deleted.history_type, deleted.history_change_reason, deleted.history_user.username) == (
        "-",
        "删除：重复登记",
        "renshe",
    )
