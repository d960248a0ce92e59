"""The statutory answer deadline of an application (《政府信息公开条例》2019), in working days of the
project's calendar (``core.calendar``: weekends, statutory holidays and 调休 make-up workdays).

- 第三十三条: answer within 20 working days counted from the day after receipt; one extension of
  at most 20 working days, approved and told to the applicant; the time spent consulting a third
  party or another authority (第三十二条、第三十四条) is not counted.
- 第三十条: an unclear application gets one request for correction within 7 working days of
  receipt; the period then runs again, from the day after the corrected application arrives.

Pure functions of dates: the services store the result (``Application.due_on``) and the pages
show the events that moved it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from core.calendar import add_working_days as _add
from core.calendar import is_year_known
from core.calendar import working_days_between as _between
from core.formatting import format_cn_date


def add_working_days(start: datetime.date, n: int) -> datetime.date:
    """Working days of the calendar; a year whose holidays are not published yet counts Monday–Friday
    (the date is then provisional, see :func:`is_provisional`)."""
    return _add(start, n, provisional=True)


def working_days_between(start: datetime.date, end: datetime.date) -> int:
    return _between(start, end, provisional=True)


def is_provisional(start: datetime.date, end: datetime.date) -> bool:
    """Whether a period from ``start`` to ``end`` runs into a year whose holidays are not known yet."""
    return any(not is_year_known(year) for year in range(start.year, end.year + 1))


STATUTORY_DAYS = 20
MAX_EXTENSION_DAYS = 20
CORRECTION_REQUEST_DAYS = 7
MAX_CONSULTATION_DAYS = 200
"""Working days of consultation an application may add (the calendar counts at most 250 at once)."""


@dataclass(frozen=True)
class Consulted:
    """A consultation whose time is not counted: with its dates, or (imported) only its length."""

    party: str
    days: int
    sent_on: datetime.date | None = None
    replied_on: datetime.date | None = None


def consultation_days(sent_on: datetime.date, replied_on: datetime.date) -> int:
    """Working days after the request went out up to the day the answer came (not counted)."""
    return working_days_between(sent_on, replied_on)


def correction_request_due(received_on: datetime.date) -> datetime.date:
    """The last day to ask for a correction: 7 working days after receipt (第三十条)."""
    return add_working_days(received_on, CORRECTION_REQUEST_DAYS)


def due_date(
    *,
    received_on: datetime.date,
    corrected_on: datetime.date | None = None,
    extension_days: int | None = None,
    consultation_days: int = 0,
) -> datetime.date:
    """The final due date: 20 working days (plus the extension and the consultation) counted from
    the day after receipt, or after the corrected application arrived."""
    start = corrected_on or received_on
    return add_working_days(start, STATUTORY_DAYS + (extension_days or 0) + consultation_days)


@dataclass(frozen=True)
class Event:
    """Something that moved (or tested) the deadline, for the application's page."""

    on: datetime.date | None
    title: str
    text: str
    due: datetime.date | None = None
    """The due date after this event (``None``: the period is suspended)."""
    warning: bool = False


@dataclass(frozen=True)
class Facts:
    """What the deadline depends on, as plain values."""

    received_on: datetime.date
    channel: str = ""
    correction_requested_on: datetime.date | None = None
    corrected_on: datetime.date | None = None
    extension_days: int | None = None
    extension_approver: str = ""
    extension_notified_on: datetime.date | None = None
    consultations: tuple[Consulted, ...] = ()
    answered_on: datetime.date | None = None
    outcome: str = ""

    @property
    def consultation_days(self) -> int:
        return sum(c.days for c in self.consultations)

    @property
    def never_corrected(self) -> bool:
        """A correction was asked for and has not come: no answer period runs (第三十条)."""
        return bool(self.correction_requested_on and not self.corrected_on)

    @property
    def awaiting_correction(self) -> bool:
        return self.never_corrected and not self.answered_on


@dataclass(frozen=True)
class Deadline:
    due: datetime.date
    events: tuple[Event, ...]
    awaiting_correction: bool
    correction_due: datetime.date
    correction_late: bool
    provisional: bool = False
    """The period runs into a year whose holidays are not published yet: counted Monday–Friday."""

    def late_by(self, answered_on: datetime.date) -> int:
        """Working days an answer of ``answered_on`` came after the due date (0: in time)."""
        return working_days_between(self.due, answered_on) if answered_on > self.due else 0


def working_days_left(due: datetime.date, today: datetime.date) -> int:
    """Working days from ``today`` to ``due`` (0 on the due date); negative: working days overdue."""
    if today <= due:
        return working_days_between(today, due)
    return -working_days_between(due, today)


def _date(day: datetime.date | None) -> str:
    return format_cn_date(day) if day else "（未记日期）"


def deadline(facts: Facts) -> Deadline:
    """The due date and the events that moved it, in order."""
    received = facts.received_on
    correction_due = correction_request_due(received)
    start = facts.corrected_on or received
    channel = f"（{facts.channel}）" if facts.channel else ""
    base = add_working_days(received, STATUTORY_DAYS)
    events = [
        Event(
            received, "收到申请", f"收到申请{channel}，答复期限自次日起算20个工作日，至{format_cn_date(base)}。", base
        )
    ]
    late_request = bool(facts.correction_requested_on and facts.correction_requested_on > correction_due)
    if facts.correction_requested_on:
        text = f"一次性告知申请人补正（应在{format_cn_date(correction_due)}前，即收到申请之日起7个工作日内发出）"
        text += "，告知晚于期限。" if late_request else "；收到补正前答复期限暂停。"
        events.append(Event(facts.correction_requested_on, "告知补正", text, None, warning=late_request))
    added = 0
    if facts.corrected_on:
        restarted = add_working_days(start, STATUTORY_DAYS)
        text = f"收到补正后的申请，答复期限自次日起重新计算20个工作日，至{format_cn_date(restarted)}。"
        events.append(Event(facts.corrected_on, "收到补正", text, restarted))
    for consulted in facts.consultations:
        added += consulted.days
        due = add_working_days(start, STATUTORY_DAYS + added)
        period = (
            f"{_date(consulted.sent_on)}至{_date(consulted.replied_on)}，"
            if consulted.sent_on or consulted.replied_on
            else ""
        )
        text = f"征求{consulted.party}意见，{period}{consulted.days}个工作日不计入答复期限（条例第三十二条），期限顺延至{format_cn_date(due)}。"
        events.append(Event(consulted.sent_on, "征求意见", text, due))
    if facts.extension_days:
        added += facts.extension_days
        due = add_working_days(start, STATUTORY_DAYS + added)
        who = f"经{facts.extension_approver}同意" if facts.extension_approver else "经批准"
        told = f"，{format_cn_date(facts.extension_notified_on)}告知申请人" if facts.extension_notified_on else ""
        text = f"{who}延长答复期限{facts.extension_days}个工作日{told}，期限延至{format_cn_date(due)}。"
        events.append(Event(facts.extension_notified_on, "延长答复期限", text, due))
    final = add_working_days(start, STATUTORY_DAYS + added)
    provisional = is_provisional(received, final)
    result = Deadline(final, (), facts.awaiting_correction, correction_due, late_request, provisional)
    if facts.answered_on:
        late = 0 if facts.never_corrected else result.late_by(facts.answered_on)
        verdict = f"超过答复期限{late}个工作日。" if late else "在答复期限内。"
        if facts.never_corrected:
            verdict = "申请人未补正，答复期限未重新起算（条例第三十条），不计超期。"
        events.append(
            Event(facts.answered_on, "答复", f"作出答复（{facts.outcome}），{verdict}", final, warning=bool(late))
        )
    undated = facts.corrected_on or facts.correction_requested_on or received  # imported consultations
    ordered = tuple(sorted(events, key=lambda e: e.on or undated))
    return Deadline(final, ordered, facts.awaiting_correction, correction_due, late_request, provisional)
