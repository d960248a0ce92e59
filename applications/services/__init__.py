"""Writes of the register (``register``), appeals (``appeals``), reply letters (``letters``) and the
import of an existing register (``imports``)."""

from .appeals import appeal_record, appeal_update
from .imports import applications_import
from .letters import letter_draft, letter_save
from .register import (
    TRANSITIONS,
    answer_record,
    answer_withdraw,
    application_delete,
    application_record,
    application_update,
    consultation_add,
    consultation_remove,
    correction_receive,
    correction_request,
    due_dates_refresh,
    extension_grant,
)

__all__ = [
    "TRANSITIONS",
    "answer_record",
    "answer_withdraw",
    "appeal_record",
    "appeal_update",
    "application_delete",
    "application_record",
    "application_update",
    "applications_import",
    "consultation_add",
    "consultation_remove",
    "correction_receive",
    "correction_request",
    "due_dates_refresh",
    "extension_grant",
    "letter_draft",
    "letter_save",
]
