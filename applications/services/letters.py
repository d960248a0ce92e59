"""Writes of the reply letter (告知书): drafted from the outcome, then edited by the staff."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from core.versioning import Kind, data_changed
from units.models import User

from ..letters import draft_letter
from ..models import Application, ReplyLetter
from .register import check_edit

TEXT_FIELDS = ("title", "doc_number", "addressee", "body", "signature")


@transaction.atomic
def letter_draft(*, application: Application, acting_user: User | None, today: datetime.date) -> ReplyLetter:
    """Write the letter afresh from the application's outcome (an edited letter's text is kept in
    its history)."""
    check_edit(application.unit, acting_user)
    draft = draft_letter(application, today=today)
    letter = ReplyLetter.objects.filter(application=application).first() or ReplyLetter(application=application)
    letter.title, letter.addressee, letter.body = draft.title, draft.addressee, draft.body
    letter.signature, letter.date, letter.drafted_for = draft.signature, draft.date, application.outcome
    letter.stamp(acting_user=acting_user, reason="按处理结果生成告知书")
    letter.full_clean()
    letter.save()
    data_changed(Kind.APPLICATIONS)
    return letter


@transaction.atomic
def letter_save(*, letter: ReplyLetter, acting_user: User | None, date: datetime.date, **texts: str) -> ReplyLetter:
    """Save the staff's edits of the letter."""
    unknown = set(texts) - set(TEXT_FIELDS)
    if unknown:
        raise ValueError(f"不能这样修改：{sorted(unknown)}")
    check_edit(letter.application.unit, acting_user)
    for name, value in texts.items():
        setattr(letter, name, (value or "").strip())
    if not letter.body:
        raise ValidationError({"body": "告知书正文不能为空。"})
    letter.date = date
    letter.stamp(acting_user=acting_user, reason="修改告知书")
    letter.full_clean()
    letter.save()
    data_changed(Kind.APPLICATIONS)
    return letter
