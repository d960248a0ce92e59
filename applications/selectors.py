"""Reads of the register, scoped to the user: a unit sees its own applications, the office every
unit's. The applicant's name and contact are for those two only (see :mod:`.masking`)."""

from __future__ import annotations

import datetime

from django.db.models import Prefetch, Q, QuerySet

from units.models import Unit, User

from .catalogue import OUTCOME_BY_KEY
from .deadlines import Consulted, Deadline, Facts, deadline, working_days_left
from .models import ANSWERED_LATE, Application, Consultation

OFFICE_UNIT_NAME = "区政府办公室"
"""The office's own unit: its register is kept by the office."""
NEAR_WORKING_DAYS = 5
"""An open application is 临近期限 when this many working days or fewer are left."""
Status = Application.Status


def may_view_unit(user: User, unit: Unit) -> bool:
    """The unit's own accounts and the office see a unit's register (with the applicants' data)."""
    return bool(user.is_authenticated and (user.is_office or user.unit_id == unit.pk))


def may_edit_unit(user: User, unit: Unit) -> bool:
    """A unit keeps its own register; the office keeps the office's own."""
    if not user.is_authenticated:
        return False
    if user.is_office:
        return unit.name == OFFICE_UNIT_NAME
    return user.unit_id == unit.pk


def applications_visible_to(user: User) -> QuerySet[Application]:
    """Every list of applications starts here: the office sees all, a unit account its unit's."""
    rows = Application.objects.select_related("unit")
    if not user.is_authenticated:
        return rows.none()
    if user.is_office:
        return rows
    if user.unit_id is None:
        return rows.none()
    return rows.filter(unit_id=user.unit_id)


def with_consultations(rows: QuerySet[Application]) -> QuerySet[Application]:
    return rows.prefetch_related(Prefetch("consultations", queryset=Consultation.objects.order_by("sent_on", "pk")))


def facts_of(application: Application) -> Facts:
    """What the deadline of ``application`` depends on (its consultations prefetched or loaded)."""
    outcome = OUTCOME_BY_KEY.get(application.outcome)
    return Facts(
        received_on=application.received_on,
        channel=application.get_channel_display() if application.channel else "",
        correction_requested_on=application.correction_requested_on,
        corrected_on=application.corrected_on,
        extension_days=application.extension_days,
        extension_approver=application.extension_approver,
        extension_notified_on=application.extension_notified_on,
        consultations=tuple(
            Consulted(c.get_party_display(), c.days, c.sent_on, c.replied_on) for c in application.consultations.all()
        ),
        answered_on=application.answered_on,
        outcome=outcome.short if outcome else "",
    )


def deadline_of(application: Application) -> Deadline:
    """The due date with the events that moved it."""
    return deadline(facts_of(application))


def days_left(application: Application, today: datetime.date) -> int | None:
    """Working days left to answer an open application (negative: overdue; ``None``: answered or
    waiting for the correction)."""
    if application.answered_on or application.status == Status.AWAITING_CORRECTION:
        return None
    return working_days_left(application.due_on, today)


def open_applications(unit: Unit | None = None) -> QuerySet[Application]:
    """Applications not answered yet (waiting for a correction included), soonest due first."""
    rows = Application.objects.filter(answered_on__isnull=True).select_related("unit")
    if unit is not None:
        rows = rows.filter(unit=unit)
    return rows.order_by("due_on", "received_on", "pk")


def due_soon(rows: QuerySet[Application], today: datetime.date, working_days: int = NEAR_WORKING_DAYS):
    """Of open ``rows``: those running (not waiting for a correction) with at most ``working_days``
    left or overdue, each with its working days left."""
    horizon = today + datetime.timedelta(days=working_days * 2 + 14)  # enough calendar days for any holiday
    found = []
    for application in rows.filter(status=Status.OPEN, due_on__lte=horizon):
        left = days_left(application, today)
        if left is not None and left <= working_days:
            found.append((application, left))
    return found


def late_answers(start: datetime.date, end: datetime.date) -> QuerySet[Application]:
    """Applications answered from ``start`` up to (not including) ``end`` after their due date."""
    return Application.objects.filter(ANSWERED_LATE, answered_on__gte=start, answered_on__lt=end).select_related("unit")


def keeps_register(unit: Unit) -> bool:
    """Whether ``unit`` logs its applications in the register (at least one application)."""
    return Application.objects.filter(unit=unit).exists()


def year_rows(rows: QuerySet[Application], year: int) -> QuerySet[Application]:
    """The applications of ``year``'s register: received in it, or received earlier and not answered
    before it began (carried into it)."""
    start = datetime.date(year, 1, 1)
    end = datetime.date(year, 12, 31)
    return rows.filter(received_on__lte=end).filter(
        Q(received_on__gte=start) | Q(answered_on__isnull=True) | Q(answered_on__gte=start)
    )
