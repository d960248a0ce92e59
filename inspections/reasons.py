"""What a deduction's reason says about itself (plain text rules, no database)."""

import re

NO_SUBMISSION_REASON = re.compile(r"^\d{1,2}(?:[、,，]\d{1,2})*月份?未投稿$")


def is_no_submission_reason(reason: str) -> bool:
    """A deduction entered as e.g. “8、9月份未投稿” stands for the automatic one."""
    return bool(NO_SUBMISSION_REASON.match(re.sub(r"\s+", "", reason)))
