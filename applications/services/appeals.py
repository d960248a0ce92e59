"""Writes of 行政复议 and 行政诉讼 against an answer (table 四)."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from core.versioning import Kind, data_changed
from units.models import User

from ..models import Appeal, Application
from .register import check_edit


def _check(appeal: Appeal) -> None:
    if appeal.result != Appeal.Result.pending and appeal.decided_on is None and appeal.filed_on is not None:
        raise ValidationError({"decided_on": "已审结的，请填写审结日期。"})
    if appeal.result == Appeal.Result.pending and appeal.decided_on is not None:
        raise ValidationError({"decided_on": "尚未审结的不填审结日期。"})
    if appeal.filed_on and appeal.filed_on < appeal.application.received_on:
        raise ValidationError({"filed_on": "申请复议或起诉日期早于收到申请日期。"})


@transaction.atomic
def appeal_record(
    *,
    application: Application,
    kind: str,
    acting_user: User | None,
    result: str = Appeal.Result.pending,
    filed_on: datetime.date | None = None,
    decided_on: datetime.date | None = None,
) -> Appeal:
    """A 行政复议 or 行政诉讼 brought against the answer (or the failure to answer)."""
    check_edit(application.unit, acting_user)
    appeal = Appeal(application=application, kind=kind, result=result, filed_on=filed_on, decided_on=decided_on)
    appeal.full_clean()
    _check(appeal)
    appeal.stamp(acting_user=acting_user, reason="登记复议诉讼")
    appeal.save()
    data_changed(Kind.APPLICATIONS)
    return appeal


@transaction.atomic
def appeal_update(*, appeal: Appeal, result: str, decided_on: datetime.date | None, acting_user: User | None) -> Appeal:
    """The result of a 行政复议 or 行政诉讼 (尚未审结 until decided)."""
    appeal = Appeal.objects.select_for_update().select_related("application__unit").get(pk=appeal.pk)
    check_edit(appeal.application.unit, acting_user)
    appeal.result, appeal.decided_on = result, decided_on
    appeal.full_clean()
    _check(appeal)
    appeal.stamp(acting_user=acting_user, reason="复议诉讼结果")
    appeal.save()
    data_changed(Kind.APPLICATIONS)
    return appeal
