"""The applicant's name and contact are shown only to the unit that received the application and
to the office; everywhere else (lists of several units, notices, reports, exports, reminders) they
are masked: 张三 → 张*, 淄博某某商贸有限公司 → 淄博********公司, 13812345678 → 138****5678."""

from __future__ import annotations

import re

MASK = "*"
_DIGITS = re.compile(r"\d")
ORGANISATION_ENDINGS = (
    "有限责任公司",
    "有限公司",
    "公司",
    "律师事务所",
    "事务所",
    "研究院",
    "研究所",
    "协会",
    "中心",
    "学校",
    "大学",
    "医院",
)


def mask_name(name: str) -> str:
    """A person keeps the first character; an organisation its first two and its ending (公司 …)."""
    name = (name or "").strip()
    if not name:
        return ""
    if len(name) <= 1:
        return MASK
    ending = next((e for e in ORGANISATION_ENDINGS if name.endswith(e) and len(name) > len(e) + 2), "")
    if ending:
        head = name[:2]
        return head + MASK * (len(name) - len(head) - len(ending)) + ending
    return name[0] + MASK * (len(name) - 1)


def mask_contact(contact: str) -> str:
    """Digits but the first three and last four hidden (a phone number); other text hidden wholly."""
    contact = (contact or "").strip()
    if not contact:
        return ""
    digits = _DIGITS.findall(contact)
    if len(digits) >= 7:
        return "".join(digits[:3]) + MASK * (len(digits) - 7) + "".join(digits[-4:])
    return MASK * min(len(contact), 6)
