"""Writes of the register: logging an application, 补正, consultations, the extension, the answer.

Every write recomputes the stored due date (``due_on``) from the facts with
:mod:`applications.deadlines`, and settles the status: 办理中, 待补正 (a correction was asked for and
has not come) or 已答复. A change of status is checked against :data:`TRANSITIONS` and writes an
audit row (:class:`~applications.models.ApplicationTransition`).
"""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from core.formatting import format_cn_date
from core.versioning import Kind, data_changed
from units.models import Unit, User

from ..deadlines import MAX_EXTENSION_DAYS, consultation_days, due_date, is_provisional
from ..models import Application, ApplicationTransition, Consultation
from ..selectors import may_edit_unit

Status = Application.Status
TRANSITIONS = {
    (Status.OPEN, Status.AWAITING_CORRECTION): "告知补正",
    (Status.AWAITING_CORRECTION, Status.OPEN): "收到补正",
    (Status.OPEN, Status.ANSWERED): "答复",
    (Status.AWAITING_CORRECTION, Status.ANSWERED): "答复",
    (Status.ANSWERED, Status.OPEN): "撤销答复",
    (Status.ANSWERED, Status.AWAITING_CORRECTION): "撤销答复",
}
BASIC_FIELDS = ("number", "received_on", "channel", "applicant_type", "applicant_name", "applicant_contact", "content")
FACT_FIELDS = (
    "correction_requested_on",
    "corrected_on",
    "extension_days",
    "extension_approver",
    "extension_notified_on",
)
EDITABLE_FIELDS = BASIC_FIELDS + FACT_FIELDS


def check_edit(unit: Unit, acting_user: User | None) -> None:
    """A person writes only their own unit's register; without a person (a command) anything."""
    if acting_user is not None and not may_edit_unit(acting_user, unit):
        raise PermissionDenied("只能登记和办理本单位收到的政府信息公开申请。")


def settled_status(application: Application) -> str:
    if application.answered_on:
        return Status.ANSWERED
    if application.correction_requested_on and not application.corrected_on:
        return Status.AWAITING_CORRECTION
    return Status.OPEN


def compute_due(application: Application, consultation_total: int | None = None) -> datetime.date:
    """The due date of ``application`` from its facts (its stored consultations unless given)."""
    if consultation_total is None:
        consultation_total = sum(application.consultations.values_list("days", flat=True)) if application.pk else 0
    return due_date(
        received_on=application.received_on,
        corrected_on=application.corrected_on,
        extension_days=application.extension_days,
        consultation_days=consultation_total,
    )


def _store(application: Application, *, acting_user: User | None, reason: str, note: str = "") -> Application:
    """Validate, recompute the due date and status, write the audit row of a status change, save."""
    application.full_clean(exclude=["due_on", "unit"], validate_constraints=False)
    application.due_on = compute_due(application)
    application.due_provisional = is_provisional(application.received_on, application.due_on)
    old, new = application.status, settled_status(application)
    if application.pk and old != new:
        if (old, new) not in TRANSITIONS:
            raise ValidationError(f"申请当前为“{Status(old).label}”，不能改为“{Status(new).label}”。")
        ApplicationTransition.objects.create(
            application=application, from_status=old, to_status=new, note=note or reason, acting_user=acting_user
        )
    application.status = new
    application.stamp(acting_user=acting_user, reason=reason)
    application.save()
    data_changed(Kind.APPLICATIONS)
    return application


def _locked(application: Application) -> Application:
    return Application.objects.select_for_update().select_related("unit").get(pk=application.pk)


@transaction.atomic
def application_record(
    *,
    unit: Unit,
    received_on: datetime.date,
    channel: str,
    applicant_type: str,
    content: str,
    applicant_name: str = "",
    applicant_contact: str = "",
    number: str = "",
    acting_user: User | None = None,
) -> Application:
    """Log an application ``unit`` received on ``received_on`` (条例第三十一条)."""
    check_edit(unit, acting_user)
    application = Application(
        unit=unit,
        number=number.strip(),
        received_on=received_on,
        channel=channel,
        applicant_type=applicant_type,
        applicant_name=applicant_name.strip(),
        applicant_contact=applicant_contact.strip(),
        content=content.strip(),
    )
    return _store(application, acting_user=acting_user, reason="登记申请")


@transaction.atomic
def application_update(*, application: Application, acting_user: User | None, **changes) -> Application:
    """Correct what was logged (the registration, the 补正 dates, the extension); the history keeps
    what it was. The answer has its own service."""
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"不能这样修改：{sorted(unknown)}")
    application = _locked(application)
    check_edit(application.unit, acting_user)
    for name, value in changes.items():
        setattr(application, name, value.strip() if isinstance(value, str) else value)
    if not application.extension_days:
        application.extension_days, application.extension_approver, application.extension_notified_on = None, "", None
    return _store(application, acting_user=acting_user, reason="修改登记信息")


@transaction.atomic
def application_delete(*, application: Application, acting_user: User | None, reason: str) -> None:
    """Remove an application logged by mistake (twice, or not an application); the history keeps it."""
    if not (reason or "").strip():
        raise ValidationError({"reason": "删除须说明原因。"})
    application = _locked(application)
    check_edit(application.unit, acting_user)
    application.stamp(acting_user=acting_user, reason=f"删除：{reason.strip()}")
    application.delete()
    data_changed(Kind.APPLICATIONS)


def _open_only(application: Application, what: str) -> None:
    if application.answered_on:
        raise ValidationError(f"申请已于{format_cn_date(application.answered_on)}答复，不能再{what}。")


@transaction.atomic
def correction_request(
    *, application: Application, requested_on: datetime.date, acting_user: User | None
) -> Application:
    """The one request for a correction (条例第三十条); the period stops until it comes."""
    application = _locked(application)
    check_edit(application.unit, acting_user)
    _open_only(application, "告知补正")
    if application.correction_requested_on:
        raise ValidationError(
            f"已于{format_cn_date(application.correction_requested_on)}告知补正：补正应一次性告知（条例第三十条）。"
        )
    application.correction_requested_on = requested_on
    return _store(application, acting_user=acting_user, reason="告知补正")


@transaction.atomic
def correction_receive(
    *, application: Application, corrected_on: datetime.date, acting_user: User | None
) -> Application:
    """The corrected application arrived: the 20 working days run again from the next day."""
    application = _locked(application)
    check_edit(application.unit, acting_user)
    _open_only(application, "登记补正")
    if not application.correction_requested_on:
        raise ValidationError("尚未告知补正，不能登记收到补正。")
    application.corrected_on = corrected_on
    return _store(application, acting_user=acting_user, reason="收到补正")


@transaction.atomic
def consultation_add(
    *,
    application: Application,
    party: str,
    acting_user: User | None,
    sent_on: datetime.date | None = None,
    replied_on: datetime.date | None = None,
    days: int | None = None,
) -> Consultation:
    """Time spent consulting a third party or another authority, not counted (条例第三十二条、第三十四条):
    the working days between the dates, or ``days`` when the dates are not known."""
    application = _locked(application)
    check_edit(application.unit, acting_user)
    if sent_on and replied_on:
        if replied_on < sent_on:
            raise ValidationError({"replied_on": "收到意见日期早于发出征求意见日期。"})
        days = consultation_days(sent_on, replied_on)
        if not days:
            raise ValidationError({"replied_on": "征求意见期间没有工作日，不影响答复期限。"})
    elif not days:
        raise ValidationError({"days": "请填写发出和收到意见的日期，或不计入期限的工作日数。"})
    consultation = Consultation(application=application, party=party, sent_on=sent_on, replied_on=replied_on, days=days)
    consultation.stamp(acting_user=acting_user, reason="征求意见")
    consultation.full_clean()
    consultation.save()
    _store(application, acting_user=acting_user, reason=f"征求意见，{days}个工作日不计入期限")
    return consultation


@transaction.atomic
def consultation_remove(*, consultation: Consultation, acting_user: User | None) -> Application:
    application = _locked(consultation.application)
    check_edit(application.unit, acting_user)
    consultation.stamp(acting_user=acting_user, reason="删除征求意见")
    consultation.delete()
    return _store(application, acting_user=acting_user, reason="删除征求意见")


@transaction.atomic
def extension_grant(
    *,
    application: Application,
    days: int,
    approver: str,
    notified_on: datetime.date,
    acting_user: User | None,
) -> Application:
    """The one extension (条例第三十三条): at most 20 working days, approved by the head of the
    disclosure office and told to the applicant before the period ends."""
    application = _locked(application)
    check_edit(application.unit, acting_user)
    _open_only(application, "延长答复期限")
    if application.extension_days:
        raise ValidationError("本申请已延长过答复期限，答复期限只能延长一次（条例第三十三条）。")
    if not 1 <= (days or 0) <= MAX_EXTENSION_DAYS:
        raise ValidationError({"days": f"延长的期限最长不得超过{MAX_EXTENSION_DAYS}个工作日（条例第三十三条）。"})
    if not (approver or "").strip():
        raise ValidationError({"approver": "请填写批准延期的政府信息公开工作机构负责人。"})
    if notified_on > application.due_on:
        raise ValidationError(
            {"notified_on": f"延期应在答复期限（{format_cn_date(application.due_on)}）届满前告知申请人。"}
        )
    application.extension_days, application.extension_approver = days, approver.strip()
    application.extension_notified_on = notified_on
    return _store(application, acting_user=acting_user, reason=f"延长答复期限{days}个工作日")


@transaction.atomic
def answer_record(
    *, application: Application, answered_on: datetime.date, outcome: str, acting_user: User | None
) -> Application:
    """The answer: its date and the one row of table 三 it counts in (a later call corrects it)."""
    application = _locked(application)
    check_edit(application.unit, acting_user)
    if outcome not in Application.Outcome.values:
        raise ValidationError({"outcome": "请选择处理结果。"})
    application.answered_on, application.outcome = answered_on, outcome
    return _store(application, acting_user=acting_user, reason="答复")


@transaction.atomic
def answer_withdraw(*, application: Application, reason: str, acting_user: User | None) -> Application:
    """Take back an answer recorded by mistake: the application is open again."""
    if not (reason or "").strip():
        raise ValidationError({"reason": "撤销答复须说明原因。"})
    application = _locked(application)
    check_edit(application.unit, acting_user)
    if not application.answered_on:
        raise ValidationError("申请尚未答复。")
    application.answered_on, application.outcome = None, ""
    return _store(application, acting_user=acting_user, reason="撤销答复", note=reason.strip())


@transaction.atomic
def due_dates_refresh() -> int:
    """Compute again the due dates counted provisionally (Monday–Friday) for a year whose holidays
    were not known; once the calendar knows them they are final. Returns how many changed."""
    changed = 0
    for application in Application.objects.filter(due_provisional=True).select_for_update():
        due = compute_due(application)
        provisional = is_provisional(application.received_on, due)
        if (due, provisional) != (application.due_on, application.due_provisional):
            application.due_on, application.due_provisional = due, provisional
            application.stamp(reason="节假日安排公布后重新计算答复期限")
            application.save(update_fields=["due_on", "due_provisional", "updated_at"])
            changed += 1
    if changed:
        data_changed(Kind.APPLICATIONS)
    return changed
