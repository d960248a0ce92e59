"""The kind of a deduction the office enters, read from its wording once, when it is entered.

This is the only place the wording is read: the kind is stored on the deduction
(:attr:`Deduction.kind <inspections.models.Deduction.Kind>`) and everything after it (scoring, the
import's notice) goes by the stored kind.
"""

import re

from .models import Deduction

NO_SUBMISSION_REASON = re.compile(r"^\d{1,2}(?:[、,，]\d{1,2})*月份?未投稿$")


def deduction_kind(reason: str) -> str:
    """A deduction entered as e.g. “8、9月份未投稿” is the 未投稿 deduction (it stands for the automatic
    one); anything else is of kind 其他."""
    if NO_SUBMISSION_REASON.match(re.sub(r"\s+", "", reason)):
        return Deduction.Kind.NO_SUBMISSION
    return Deduction.Kind.OTHER
