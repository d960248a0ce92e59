"""Building registers for the tests: a sheet in the import's columns, and applications through the services."""

from __future__ import annotations

import datetime

from applications.services import answer_record, application_record

HEADER = [
    "收到日期",
    "提交方式",
    "申请人类型",
    "申请内容",
    "补正告知日期",
    "补正收到日期",
    "延期",
    "征求意见天数",
    "答复日期",
    "处理结果",
    "复议诉讼",
    "复议诉讼结果",
]


def sheet_row(
    received,
    *,
    channel="网络",
    applicant="自然人",
    content="2024年城区道路改造项目的立项批复",
    correction_requested=None,
    corrected=None,
    extended=None,
    consultation=None,
    answered=None,
    outcome=None,
    appeal=None,
    appeal_result=None,
) -> list:
    return [
        received,
        channel,
        applicant,
        content,
        correction_requested,
        corrected,
        extended,
        consultation,
        answered,
        outcome,
        appeal,
        appeal_result,
    ]


def logged(unit, received: datetime.date, *, applicant_type="natural", content="某项目立项批复", **answer):
    """An application logged (and, given ``answered_on`` and ``outcome``, answered) through the services."""
    application = application_record(
        unit=unit,
        received_on=received,
        channel="online",
        applicant_type=applicant_type,
        content=content,
        applicant_name="张三",
        applicant_contact="13812345678",
    )
    if answer:
        application = answer_record(application=application, acting_user=None, **answer)
    return application
