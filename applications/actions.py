"""The steps on an application's page, each a form and the service it calls: 告知补正, 收到补正,
征求意见, 延长期限, 答复, 撤销答复, 复议诉讼. Each step returns the message shown when it is done."""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.core.exceptions import ValidationError

from core.formatting import format_cn_date
from core.forms import apply_service_errors

from .models import Application
from .page import action_form
from .services import (
    answer_record,
    answer_withdraw,
    appeal_record,
    consultation_add,
    correction_receive,
    correction_request,
    extension_grant,
)


def _due(application: Application) -> str:
    return f"答复期限为{format_cn_date(application.due_on)}。"


def _correction_request(application, data, user) -> str:
    correction_request(application=application, requested_on=data["date"], acting_user=user)
    return "已登记告知补正，收到补正前答复期限暂停。"


def _correction_receive(application, data, user) -> str:
    return "已登记收到补正，" + _due(
        correction_receive(application=application, corrected_on=data["date"], acting_user=user)
    )


def _consult(application, data, user) -> str:
    consultation = consultation_add(application=application, acting_user=user, **data)
    return f"已登记征求意见，{consultation.days}个工作日不计入答复期限。"


def _extend(application, data, user) -> str:
    return "已延长答复期限，" + _due(extension_grant(application=application, acting_user=user, **data))


def _answer(application, data, user) -> str:
    answered = answer_record(application=application, acting_user=user, **data)
    return "已登记答复。" + ("答复超过了答复期限。" if answered.is_late else "")


def _withdraw(application, data, user) -> str:
    answer_withdraw(application=application, acting_user=user, **data)
    return "已撤销答复，申请恢复办理。"


def _appeal(application, data, user) -> str:
    appeal_record(application=application, acting_user=user, **data)
    return "已登记复议诉讼。"


ACTIONS: dict[str, Callable[..., str]] = {
    "correction-request": _correction_request,
    "correction-receive": _correction_receive,
    "consult": _consult,
    "extend": _extend,
    "answer": _answer,
    "withdraw": _withdraw,
    "appeal": _appeal,
}


def run_action(action: str, application: Application, data, user) -> tuple[str, forms.Form]:
    """Parse the step's form and call its service: the message when done, else ``""`` and the form
    with the reasons."""
    form = action_form(action, data)
    if not form.is_valid():
        return "", form
    try:
        return ACTIONS[action](application, form.cleaned_data, user), form
    except ValidationError as exc:
        apply_service_errors(form, exc)
        return "", form
